"""The Fixture record and the label vocabulary shared by every contract module."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

# The 17 IDs of the development set, in its order, plus PARTIES first.
DEV_SET_IDS = [
    "DUTIES-DEFINED", "SUBD2-A1", "SUBD2-A2", "SUBD2-A3", "SUBD2-A4", "SUBD2-A5", "SUBD2-A6", "SUBD2-A7",
    "FORCE-SCHOOL-RULES", "ADDITIONAL-DUTIES", "ATTIRE", "VETTING", "DEESCALATION-RESOURCES",
    "DATA-PRACTICES", "DATA-RECORDS", "DATA-PURPOSES", "DATA-MGDPA",
]
IDS = ["PARTIES", *DEV_SET_IDS]
STATUSES = ("present", "partial", "missing", "violation", "not_applicable")


@dataclass(frozen=True)
class Fixture:
    """One generated contract and its expected lint labels.

    ``labels`` maps each of the 18 IDS to a status; ``why`` gives, per ID, one line naming the
    phrase that decides it (text in straight double quotes is verbatim document text, whitespace
    collapsed).  ``build(path)`` writes the .docx and returns the path.
    """

    name: str
    style: str
    labels: dict[str, str]
    why: dict[str, str]
    build: Callable[[Path], Path] = field(repr=False, compare=False, default=None)

    @property
    def filename(self) -> str:
        return f"{self.name}.docx"


def fixture(name: str, style: str, build: Callable[[Path], Path], table: dict[str, tuple[str, str]]) -> Fixture:
    """Make a Fixture from ``{ID: (status, why)}``; refuses an incomplete or unknown table."""
    unknown = set(table) - set(IDS)
    lacking = [i for i in IDS if i not in table]
    if unknown or lacking:
        raise ValueError(f"{name}: unknown IDs {sorted(unknown)}, missing IDs {lacking}")
    for rid, (status, why) in table.items():
        if status not in STATUSES:
            raise ValueError(f"{name}: {rid} has invalid status {status!r}")
        if "\n" in why.strip():
            raise ValueError(f"{name}: {rid} why must be one line")
    return Fixture(
        name=name,
        style=style,
        labels={rid: table[rid][0] for rid in IDS},
        why={rid: " ".join(table[rid][1].split()) for rid in IDS},
        build=build,
    )
