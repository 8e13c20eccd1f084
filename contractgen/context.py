"""The names clause text can use: the spec's sections plus a few derived phrases.

`context_types()` describes the same names as types, so `contractgen clauses check` can prove that
every variable a clause uses exists without rendering anything.
"""
from __future__ import annotations

from typing import Any

from contractgen import training
from contractgen.spec import Contract

INSTRUMENT_TITLES = {
    "services_agreement": "School Resource Officer Services Agreement",
    "joint_powers_agreement": "Joint Powers Agreement for School Resource Officer Services",
    "contract_for_services": "Contract for School Resource Officer Services",
}

#: Derived names and their types (for the variable check).
DERIVED_TYPES: dict[str, Any] = {
    "title": str,
    "agency_ref": str,
    "school_ref": str,
    "is_charter": bool,
    "school_names": list[str],
    "deferred_officers": list[str],
    "school_signatories": list[str],
    "agency_signatories": list[str],
}


def context_types() -> dict[str, Any]:
    """Every name clause text may use, with its type."""
    fields = {name: info.annotation for name, info in Contract.model_fields.items()}
    return {**fields, **DERIVED_TYPES}


def build_context(contract: Contract) -> dict[str, Any]:
    """The render context for clause text."""
    context: dict[str, Any] = {name: getattr(contract, name) for name in Contract.model_fields}
    deferred = [o.name for o in contract.officers
                if any(n.defers_duties_4_and_5 for n in training.assess(o, contract.term))]
    context.update(
        title=INSTRUMENT_TITLES[contract.instrument],
        agency_ref="City" if contract.agency.kind == "city" else "County",
        school_ref=contract.school.short_name,
        is_charter=contract.is_charter,
        school_names=[s.name for s in contract.schools],
        deferred_officers=deferred,
        school_signatories=[f"{s.name}, {s.title}" for s in contract.signatories if s.party == "school"],
        agency_signatories=[f"{s.name}, {s.title}" for s in contract.signatories if s.party == "agency"],
    )
    return context
