"""Reading and validating a spec file, with every problem tied to a line, a field and the law.

Field errors come from the pydantic models; the cross-field rules below encode what the catalog says
a lawful contract cannot combine (a charter school in a joint powers agreement, school-rule
enforcement as an additional duty, ...). Warnings never fail validation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Literal

from pydantic import ValidationError

from contractgen import catalog as catalog_mod
from contractgen import training, yamlfile
from contractgen.errors import SpecError
from contractgen.spec import Contract, requirement_of

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One finding about a spec, formatted like a compiler message."""

    file: str
    line: int
    col: int
    path: str
    message: str
    requirement: str | None = None
    citation: str | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}: {self.path or '(top level)'}: "
        level = "warning: " if self.severity == "warning" else ""
        cite = f" [{self.requirement}, {self.citation}]" if self.requirement and self.citation else ""
        return f"{where}{level}{self.message}{cite}"

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "column": self.col, "path": self.path,
                "severity": self.severity, "message": self.message,
                "requirement": self.requirement, "citation": self.citation}


@dataclass(frozen=True)
class Validated:
    contract: Contract
    warnings: list[Problem]
    source: yamlfile.SourceMap


def load_contract(path: Path, label: str | None = None) -> Validated:
    """Read, parse and validate a spec; raises SpecError listing every error found."""
    label = label or str(path)
    try:
        data, source = yamlfile.load(path, label)
    except yamlfile.YamlError as exc:
        raise SpecError(label, [exc.message]) from None
    return validate_data(data, source)


def validate_data(data: dict[str, Any], source: yamlfile.SourceMap) -> Validated:
    cat = catalog_mod.bundled()
    try:
        contract = Contract.model_validate(data)
    except ValidationError as exc:
        problems = [_field_problem(err, source, cat) for err in exc.errors(include_url=False)]
        raise SpecError(source.file, _dedupe(problems)) from None
    found = [_make(source, cat, loc, msg, req, sev) for loc, msg, req, sev in cross_field_checks(contract, cat)]
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise SpecError(source.file, errors)
    return Validated(contract, [p for p in found if p.severity == "warning"], source)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    return [p for p in problems if not (str(p) in seen or seen.add(str(p)))]


def _field_problem(err: dict[str, Any], source: yamlfile.SourceMap, cat: catalog_mod.Catalog) -> Problem:
    loc = _data_loc(err["loc"])
    kind = err["type"]
    if kind == "missing":
        message = "required field is missing"
        if loc and loc[-1] in {"additional_duties", "records", "resources", "officers"}:
            message += " (write an empty list [] to say there are none)"
    elif kind == "extra_forbidden":
        message = "unknown field (check the spelling; `contractgen schema` lists every field)"
    elif kind == "string_pattern_mismatch" and "x00" in str(err.get("ctx", {}).get("pattern", "")):
        message = "contains a control character, which cannot appear in a Word document"
    elif kind == "union_tag_invalid" or kind == "union_tag_not_found":
        message = "school.kind must be 'district' or 'charter_school'"
    else:
        message = err["msg"]
        if "input" in err and kind.startswith(("literal_error", "enum")):
            message = f"{message}, not {err['input']!r}"
    return _make(source, cat, loc, message, requirement_of(Contract, loc), "error")


def _data_loc(loc: Iterable[Any]) -> Loc:
    """Pydantic's error location without union-branch names, as a path into the YAML data."""
    return tuple(p for p in loc if p not in {"district", "charter_school"})


def _make(source: yamlfile.SourceMap, cat: catalog_mod.Catalog, loc: Loc, message: str,
          requirement: str | None, severity: str) -> Problem:
    line, col = source.locate(loc)
    citation = None
    if requirement:
        try:
            citation = cat.get(requirement).citation
        except KeyError:
            requirement = None
    return Problem(source.file, line, col, _dotted(loc), message, requirement, citation, severity)  # type: ignore[arg-type]


def _dotted(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# --- cross-field rules ---------------------------------------------------------------------------

Check = tuple[Loc, str, str, str]  # (location, message, requirement, severity)


def cross_field_checks(contract: Contract, cat: catalog_mod.Catalog) -> list[Check]:
    """Every cross-field problem in a structurally valid contract."""
    found: list[Check] = []
    for rule in (_term_rules, _party_rules, _duty_rules, _data_rules, _money_rules, _training_rules):
        found.extend(rule(contract, cat))
    return found


def _term_rules(c: Contract, cat: catalog_mod.Catalog) -> Iterable[Check]:
    t = c.term
    if t.end <= t.start:
        yield ("term", "end"), f"the term ends ({t.end}) on or before it starts ({t.start})", "TERM", "error"
    if t.renewal == "automatic" and t.notice_by is None:
        yield ("term", "renewal"), "automatic renewal needs term.notice_by, the last day to give notice of non-renewal", "RENEWAL", "error"
    if t.notice_by is not None and not (t.start <= t.notice_by < t.end):
        yield ("term", "notice_by"), f"the notice date {t.notice_by} must fall within the term, before it ends", "RENEWAL", "error"
    for i, officer in enumerate(c.officers):
        if officer.assignment_start > t.end:
            yield ("officers", i, "assignment_start"), f"{officer.name} is assigned after the term ends", "TERM", "warning"


def _party_rules(c: Contract, cat: catalog_mod.Catalog) -> Iterable[Check]:
    if c.is_charter and c.instrument == "joint_powers_agreement":
        yield ("instrument",), ("a charter school cannot be a party to a joint powers agreement (it is not a "
                                "governmental unit under Minn. Stat. § 471.59; AG op. Mar. 11, 1994); use "
                                "services_agreement or contract_for_services"), "PARTIES", "error"
    parties = {s.party for s in c.signatories}
    for party in ("agency", "school"):
        if party not in parties:
            yield ("signatories",), f"no signatory for the {party}; each party must sign", "PARTIES", "error"
    for i, s in enumerate(c.signatories):
        if c.is_charter and s.party == "school" and "authorizer" in s.title.lower():
            yield ("signatories", i, "title"), ("the charter school signs through its board of directors, "
                                                "not its authorizer"), "PARTIES", "error"


def _phrase_hits(text: str, phrases: Iterable[str]) -> list[str]:
    lowered = " ".join(text.lower().replace("\u2019", "'").split())
    return [p for p in phrases if re.search(r"(?<!\w)" + re.escape(p.lower()) + r"(?!\w)", lowered)]


def _duty_rules(c: Contract, cat: catalog_mod.Catalog) -> Iterable[Check]:
    school_rules = cat.get("FORCE-SCHOOL-RULES").violation_phrases
    open_ended = cat.get("ADDITIONAL-DUTIES").violation_phrases
    for i, duty in enumerate(c.additional_duties):
        loc = ("additional_duties", i, "description")
        if hits := _phrase_hits(duty.description, school_rules):
            yield loc, (f"refused: {hits[0]!r} makes this school-rule enforcement or student discipline, which "
                        "an SRO must not do (subd. 2(c))"), "FORCE-SCHOOL-RULES", "error"
        elif hits := _phrase_hits(duty.description, open_ended):
            yield loc, (f"refused: {hits[0]!r} is open-ended; name each additional duty (subd. 2(b))"), \
                "ADDITIONAL-DUTIES", "error"


def _data_rules(c: Contract, cat: catalog_mod.Catalog) -> Iterable[Check]:
    vague = {_purpose_key(v) for v in cat.get("DATA-PURPOSES").vague_phrases}
    for i, record in enumerate(c.data_practices.records):
        for j, purpose in enumerate(record.purposes):
            if _purpose_key(purpose) in vague:
                yield (("data_practices", "records", i, "purposes", j),
                       f"{purpose!r} is too vague: say what the records are used for", "DATA-PURPOSES", "error")


def _purpose_key(text: str) -> str:
    """A purpose reduced for comparison: lower case, single spaces, no final period or leading "for"."""
    words = " ".join(text.lower().split()).strip(" .;")
    return words.removeprefix("for ").removeprefix("used ").removeprefix("for ")


def _money_rules(c: Contract, cat: catalog_mod.Catalog) -> Iterable[Check]:
    m = c.compensation
    if c.is_charter and m.funding_source == "safe_schools_levy":
        yield (("compensation", "funding_source"),
               "a charter school has no safe schools levy (Minn. Stat. § 126C.44 is a district levy; unconfirmed: "
               "caution); choose general_fund, grant or other", "FUNDING", "error")
    for i, day in enumerate(m.invoice_dates):
        if not (c.term.start <= day <= c.term.end):
            yield ("compensation", "invoice_dates", i), f"invoice date {day} is outside the term", "FUNDING", "warning"
    if c.additional_duties and m.additional_duty_rate is None and any(d.compensation is None for d in c.additional_duties):
        yield (("compensation", "additional_duty_rate"),
               "additional duties are listed but neither a rate nor their compensation is stated", "FUNDING", "warning")


def _training_rules(c: Contract, cat: catalog_mod.Catalog) -> Iterable[Check]:
    for i, officer in enumerate(c.officers):
        for notice in training.assess(officer, c.term):
            yield ("officers", i, "training"), notice.message, notice.requirement, "warning"
