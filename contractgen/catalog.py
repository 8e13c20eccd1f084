"""The requirement catalog (`clauses/requirements.yaml`): IDs, citations, severity, confidence.

It is the one source of truth for what the law asks of an SRO contract; code refers to IDs only.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from contractgen import resources, yamlfile
from contractgen.errors import LibraryError


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    cite: str
    confidence: Literal["S", "P", "U"]


Scope = Literal["sentence", "paragraph", "list", "section"]
Pattern = list[str]  # concept names that must occur in one unit; "!name" must not


class ScopedPattern(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    match: Pattern
    scope: Scope


class AllOf(BaseModel):
    """Every pattern must match somewhere (possibly in different units)."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    all: list[Pattern]


Entry = Union[Pattern, ScopedPattern, AllOf]


class Implied(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    ids: list[str]
    min: int = Field(ge=1)


class Detect(BaseModel):
    """How the linter finds a requirement in a contract: concept patterns by status.

    Statuses are tried in order: violation, present (then downgrade), implied_by, partial, silence.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    scope: Scope = "sentence"
    where: Literal["operative", "any"] = "operative"
    if_silent: Literal["missing", "not_applicable"] = "missing"
    unless: list[str] = []
    violation_unless: list[str] = []
    violation: list[Entry] = []
    present: list[Entry] = []
    downgrade: list[Entry] = []
    implied_by: Implied | None = None
    partial: list[Entry] = []


class Concept(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    patterns: list[str]
    context: bool = False


class Examples(BaseModel):
    """One phrasing the rule accepts and one it rejects (None: silence is the failure)."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    compliant: str
    non_compliant: str | None = None


class Requirement(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Z0-9]+(-[A-Z0-9]+)*$")
    group: Literal["mandatory", "advisory", "practice"]
    severity: Literal["error", "warning", "info"]
    missing_severity: Literal["error", "warning", "info"] | None = None
    title: str
    summary: str
    citation: str
    sources: list[Source] = []
    caution: str | None = None
    statute_text: str | None = None
    failures: list[str] = []
    violation_phrases: list[str] = []
    vague_phrases: list[str] = []
    detect: Detect | None = None
    examples: Examples | None = None

    @property
    def unconfirmed(self) -> bool:
        """True where the catalog marks a source [?]: findings are then worded as cautions."""
        return self.caution is not None or any(s.confidence == "U" for s in self.sources)


class Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    requirements: list[Requirement]
    concepts: dict[str, Concept] = {}

    @field_validator("concepts", mode="before")
    @classmethod
    def _plain_lists(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: {"patterns": v} if isinstance(v, list) else v for k, v in value.items()}
        return value

    def get(self, requirement_id: str) -> Requirement:
        for item in self.requirements:
            if item.id == requirement_id:
                return item
        raise KeyError(requirement_id)

    @property
    def ids(self) -> list[str]:
        return [item.id for item in self.requirements]

    def mandatory_ids(self) -> list[str]:
        return [item.id for item in self.requirements if item.group == "mandatory"]

    def cite(self, requirement_id: str) -> str:
        """`ID, citation` as shown in brackets after a message."""
        return f"{requirement_id}, {self.get(requirement_id).citation}"


def load(path: Path | None = None) -> Catalog:
    """Load and validate a catalog file (the bundled one by default)."""
    path = path or resources.clauses_dir() / "requirements.yaml"
    data, _ = yamlfile.load(path)
    try:
        catalog = Catalog.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise LibraryError(f"{path}: {where}: {first['msg']}") from None
    ids = catalog.ids
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise LibraryError(f"{path}: duplicate requirement IDs: {', '.join(duplicates)}")
    problems = detection_problems(catalog)
    if problems:
        raise LibraryError(f"{path}: {problems[0]}")
    return catalog


def entry_patterns(entry: Entry) -> list[Pattern]:
    if isinstance(entry, AllOf):
        return entry.all
    if isinstance(entry, ScopedPattern):
        return [entry.match]
    return [entry]


def detection_problems(catalog: Catalog) -> list[str]:
    """Unknown concepts or requirement IDs in the detection data."""
    problems: list[str] = []
    ids = set(catalog.ids)
    for item in catalog.requirements:
        d = item.detect
        if d is None:
            continue
        entries = d.violation + d.present + d.downgrade + d.partial
        names = [n.lstrip("!") for e in entries for p in entry_patterns(e) for n in p]
        names += d.unless + d.violation_unless
        problems += [f"{item.id}: detect uses unknown concept {n!r}" for n in names if n not in catalog.concepts]
        if d.implied_by:
            problems += [f"{item.id}: implied_by names unknown ID {i!r}" for i in d.implied_by.ids if i not in ids]
    for name, concept in catalog.concepts.items():
        for pattern in concept.patterns:
            if pattern.startswith("@"):
                rid, _, field = pattern[1:].partition(".")
                if rid not in ids or field not in {"violation_phrases", "vague_phrases"}:
                    problems.append(f"concept {name}: bad phrase-list reference {pattern!r}")
    return problems


@lru_cache(maxsize=1)
def bundled() -> Catalog:
    """The bundled catalog, loaded once per process."""
    return load()
