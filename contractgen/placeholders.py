"""Clause text without a spec: every value becomes a bracketed placeholder ("[SCHOOL DISTRICT]").

The redliner inserts library clauses into a contract drafted elsewhere; when the attorney gives no
spec, the clause still reads as a clause, with the facts to fill in bracketed and highlighted.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Iterator

from contractgen.context import DERIVED_TYPES, INSTRUMENT_TITLES
from contractgen.spec import Contract

#: Lists that read best empty ("no additional duties") rather than with one bracketed item.
EMPTY_LISTS = {"additional_duties", "officers", "signatories"}
#: Names a placeholder shows for a path, where the field name alone would be unclear.
LABELS = {
    ("school", "name"): "SCHOOL DISTRICT OR CHARTER SCHOOL",
    ("agency", "name"): "CITY OR COUNTY",
    ("agency", "police_department"): "POLICE DEPARTMENT",
    ("agency", "chief_title"): "CHIEF OF POLICE",
    ("agency", "chief"): "NAME OF CHIEF",
    ("school", "short_name"): "SCHOOL PARTY",
}


class Placeholder:
    """A stand-in for any spec value: prints as [FIELD], iterates as one item, compares unequal."""

    __placeholder__ = True

    def __init__(self, path: tuple[str, ...]) -> None:
        self._path = path

    def __getattr__(self, name: str) -> "Placeholder":
        if name.startswith("_"):
            raise AttributeError(name)
        return Placeholder(self._path + (name,))

    def __str__(self) -> str:
        label = LABELS.get(self._path[-2:]) if len(self._path) >= 2 else None
        words = label or " ".join(p for p in self._path[-2:] if p != "item").replace("_", " ").upper()
        return f"[{words}]"

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        return str(self)

    def __iter__(self) -> Iterator["Placeholder"]:
        yield Placeholder(self._path + ("item",))

    def __len__(self) -> int:
        return 1

    def __getitem__(self, key: Any) -> "Placeholder":
        return Placeholder(self._path + ("item",))

    def __bool__(self) -> bool:
        return True

    def __eq__(self, other: Any) -> bool:
        return False

    def __ne__(self, other: Any) -> bool:
        return True

    def __lt__(self, other: Any) -> bool:
        return False

    __le__ = __gt__ = __ge__ = __lt__

    def __hash__(self) -> int:
        return hash(self._path)


def placeholder_context(charter: bool = False, instrument: str = "services_agreement") -> dict[str, Any]:
    """A render context in which every spec value is a placeholder."""
    context: dict[str, Any] = {name: ([] if name in EMPTY_LISTS else Placeholder((name,)))
                               for name in Contract.model_fields}
    context.update({name: Placeholder((name,)) for name in DERIVED_TYPES})
    p = Placeholder
    context.update(
        # sections whose clauses branch on fixed choices get one typical, bracketed example
        term=SimpleNamespace(start=p(("term", "start")), end=p(("term", "end")), renewal="none",
                             renewal_months=12, notice_by=None),
        # two common, lawful categories as a starting point; the redline's comment asks to confirm them
        data_practices=SimpleNamespace(
            records=[SimpleNamespace(category="directory information designated in the annual notice",
                                     audience="agency",
                                     purposes=["identifying and contacting a student or parent in connection with "
                                               "a criminal investigation"],
                                     legal_basis="Minn. Stat. § 13.32, subd. 5; 34 C.F.R. § 99.31(a)(11)"),
                     SimpleNamespace(category="health and safety information about a student in an emergency",
                                     audience="sro",
                                     purposes=["protecting the health or safety of the student or others during "
                                               "the emergency"],
                                     legal_basis="Minn. Stat. § 13.32, subd. 3(d); 34 C.F.R. § 99.36")],
            sro_school_official=False, school_contact=p(("school data practices contact",)),
            agency_contact=p(("agency data practices contact",))),
        deescalation=SimpleNamespace(informed_how=p(("how the sro is informed",)),
                                     resources=[SimpleNamespace(name=p(("resource",)), kind="crisis_team",
                                                                contact=p(("contact",)))]),
        reporting=SimpleNamespace(frequency="annual"),
        termination=SimpleNamespace(without_cause_notice_days=90, for_cause_cure_days=30),
        indemnity=SimpleNamespace(mode="each_party_own_acts"),
        positions=1,
        title=INSTRUMENT_TITLES[instrument],
        agency_ref="[CITY OR COUNTY]",
        school_ref="School" if charter else "District",
        is_charter=charter,
        school_names=[Placeholder(("school", "name"))],
        deferred_officers=[],
        school_signatories=[], agency_signatories=[],
    )
    return context
