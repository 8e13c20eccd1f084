"""The requirement catalog (`clauses/requirements.yaml`): IDs, citations, severity, confidence, and
how the linter detects each requirement.

It is the one source of truth for what the law asks of an SRO contract; code refers to IDs only.
The catalog is read on every `lint` run, so it is plain frozen dataclasses checked by hand rather
than pydantic models: importing and building those costs more than linting a long contract.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Union

from contractgen import resources
from contractgen.errors import LibraryError

GROUPS = ("mandatory", "advisory", "practice")
SEVERITIES = ("error", "warning", "info")
CONFIDENCE = ("S", "P", "U")
SCOPES = ("sentence", "paragraph", "list", "section")

Pattern = list[str]  # concept names that must occur in one unit; "!name" must not


class CatalogError(LibraryError):
    pass


@dataclass(frozen=True)
class Source:
    cite: str
    confidence: str


@dataclass(frozen=True)
class ScopedPattern:
    match: Pattern
    scope: str


@dataclass(frozen=True)
class AllOf:
    """Every pattern must match somewhere (possibly in different units)."""
    all: list[Pattern]


Entry = Union[list, ScopedPattern, AllOf]


@dataclass(frozen=True)
class Implied:
    ids: list[str]
    min: int


@dataclass(frozen=True)
class Detect:
    """How the linter finds a requirement: concept patterns by status, tried in order: violation,
    present (then downgrade), implied_by, partial, silence."""

    scope: str = "sentence"
    where: str = "operative"
    if_silent: str = "missing"
    unless: list[str] = field(default_factory=list)
    violation_unless: list[str] = field(default_factory=list)
    violation: list[Entry] = field(default_factory=list)
    present: list[Entry] = field(default_factory=list)
    downgrade: list[Entry] = field(default_factory=list)
    implied_by: Implied | None = None
    partial: list[Entry] = field(default_factory=list)
    near: str | None = None  # a missing finding is placed where this requirement was found


@dataclass(frozen=True)
class Concept:
    patterns: list[str]
    context: bool = False


@dataclass(frozen=True)
class Examples:
    """One phrasing the rule accepts and one it rejects (None: silence is the failure)."""
    compliant: str
    non_compliant: str | None = None


@dataclass(frozen=True)
class Requirement:
    id: str
    group: str
    severity: str
    title: str
    summary: str
    citation: str
    missing_severity: str | None = None
    sources: list[Source] = field(default_factory=list)
    caution: str | None = None
    statute_text: str | None = None
    failures: list[str] = field(default_factory=list)
    violation_phrases: list[str] = field(default_factory=list)
    vague_phrases: list[str] = field(default_factory=list)
    detect: Detect | None = None
    examples: Examples | None = None

    @property
    def unconfirmed(self) -> bool:
        """True where the catalog marks a source [?]: findings are then worded as cautions."""
        return self.caution is not None or any(s.confidence == "U" for s in self.sources)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, eq=False)
class Catalog:
    version: int
    requirements: list[Requirement]
    concepts: dict[str, Concept] = field(default_factory=dict)

    def get(self, requirement_id: str) -> Requirement:
        for item in self.requirements:
            if item.id == requirement_id:
                return item
        raise KeyError(requirement_id)

    @property
    def ids(self) -> list[str]:
        return [item.id for item in self.requirements]



# --- building from YAML with checks ---------------------------------------------------------------

def _mapping(data: Any, where: str, required: set[str], optional: set[str]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise CatalogError(f"{where}: expected a mapping")
    unknown = set(data) - required - optional
    missing = required - set(data)
    if unknown:
        raise CatalogError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if missing:
        raise CatalogError(f"{where}: missing key(s) {', '.join(sorted(missing))}")
    return data


def _text(value: Any, where: str, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise CatalogError(f"{where}: expected text")
    return value


def _choice(value: Any, allowed: tuple[str, ...], where: str) -> str:
    if value not in allowed:
        raise CatalogError(f"{where}: {value!r} is not one of {', '.join(allowed)}")
    return value


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CatalogError(f"{where}: expected a list of text")
    return list(value)


def _entry(value: Any, where: str) -> Entry:
    if isinstance(value, list):
        return _strings(value, where)
    if isinstance(value, dict) and "all" in value:
        _mapping(value, where, {"all"}, set())
        return AllOf([_strings(p, f"{where}.all") for p in value["all"]])
    data = _mapping(value, where, {"match", "scope"}, set())
    return ScopedPattern(_strings(data["match"], f"{where}.match"), _choice(data["scope"], SCOPES, f"{where}.scope"))


def _detect(value: Any, where: str) -> Detect | None:
    if value is None:
        return None
    lists = ("unless", "violation_unless")
    entries = ("violation", "present", "downgrade", "partial")
    data = _mapping(value, where, set(), {"scope", "where", "if_silent", "implied_by", "near", *lists, *entries})
    implied = None
    if data.get("implied_by") is not None:
        raw = _mapping(data["implied_by"], f"{where}.implied_by", {"ids", "min"}, set())
        implied = Implied(_strings(raw["ids"], f"{where}.implied_by.ids"), int(raw["min"]))
    return Detect(
        scope=_choice(data.get("scope", "sentence"), SCOPES, f"{where}.scope"),
        where=_choice(data.get("where", "operative"), ("operative", "any"), f"{where}.where"),
        if_silent=_choice(data.get("if_silent", "missing"), ("missing", "not_applicable"), f"{where}.if_silent"),
        implied_by=implied,
        near=_text(data.get("near"), f"{where}.near", optional=True),
        **{k: _strings(data.get(k), f"{where}.{k}") for k in lists},
        **{k: [_entry(e, f"{where}.{k}[{i}]") for i, e in enumerate(data.get(k) or [])] for k in entries},
    )


def _requirement(value: Any, where: str) -> Requirement:
    required = {"id", "group", "severity", "title", "summary", "citation"}
    optional = {"missing_severity", "sources", "caution", "statute_text", "failures", "violation_phrases",
                "vague_phrases", "detect", "examples"}
    data = _mapping(value, where, required, optional)
    rid = _text(data["id"], f"{where}.id")
    where = f"{where} ({rid})"
    sources = []
    for i, raw in enumerate(data.get("sources") or []):
        src = _mapping(raw, f"{where}.sources[{i}]", {"cite", "confidence"}, set())
        sources.append(Source(_text(src["cite"], f"{where}.sources[{i}].cite"),
                              _choice(src["confidence"], CONFIDENCE, f"{where}.sources[{i}].confidence")))
    examples = None
    if data.get("examples") is not None:
        raw = _mapping(data["examples"], f"{where}.examples", {"compliant"}, {"non_compliant"})
        examples = Examples(_text(raw["compliant"], f"{where}.examples.compliant"),
                            _text(raw.get("non_compliant"), f"{where}.examples.non_compliant", optional=True))
    missing = data.get("missing_severity")
    return Requirement(
        id=rid,
        group=_choice(data["group"], GROUPS, f"{where}.group"),
        severity=_choice(data["severity"], SEVERITIES, f"{where}.severity"),
        missing_severity=_choice(missing, SEVERITIES, f"{where}.missing_severity") if missing else None,
        title=_text(data["title"], f"{where}.title"),
        summary=_text(data["summary"], f"{where}.summary"),
        citation=_text(data["citation"], f"{where}.citation"),
        sources=sources,
        caution=_text(data.get("caution"), f"{where}.caution", optional=True),
        statute_text=_text(data.get("statute_text"), f"{where}.statute_text", optional=True),
        failures=_strings(data.get("failures"), f"{where}.failures"),
        violation_phrases=_strings(data.get("violation_phrases"), f"{where}.violation_phrases"),
        vague_phrases=_strings(data.get("vague_phrases"), f"{where}.vague_phrases"),
        detect=_detect(data.get("detect"), f"{where}.detect"),
        examples=examples,
    )


def _concept(value: Any, where: str) -> Concept:
    if isinstance(value, list):
        return Concept(_strings(value, where))
    data = _mapping(value, where, {"patterns"}, {"context"})
    return Concept(_strings(data["patterns"], f"{where}.patterns"), bool(data.get("context", False)))


def from_data(data: Any, label: str = "catalog") -> Catalog:
    """Build and check a catalog from parsed YAML."""
    data = _mapping(data, label, {"version", "requirements"}, {"concepts"})
    requirements = [_requirement(r, f"{label}: requirements[{i}]") for i, r in enumerate(data["requirements"] or [])]
    concepts = {str(k): _concept(v, f"{label}: concepts.{k}") for k, v in (data.get("concepts") or {}).items()}
    catalog = Catalog(int(data["version"]), requirements, concepts)
    ids = catalog.ids
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CatalogError(f"{label}: duplicate requirement IDs: {', '.join(duplicates)}")
    problems = detection_problems(catalog)
    if problems:
        raise CatalogError(f"{label}: {problems[0]}")
    return catalog


def load(path: Path | None = None) -> Catalog:
    """Load and validate a catalog file (the bundled one by default)."""
    path = path or resources.clauses_dir() / "requirements.yaml"
    return from_data(_cached_data(path), str(path))


def _cached_data(path: Path) -> Any:
    """The catalog's parsed YAML, from a JSON copy in the user's cache when its hash matches.

    Every lint run reads the catalog; parsing YAML (and importing PyYAML) costs more than reading
    the same data as JSON. The cache is keyed by the file's SHA-256, so an edited catalog is never
    read stale. CONTRACTGEN_NO_CACHE=1 turns it off.
    """
    import hashlib
    import json
    import os

    raw = path.read_bytes()
    if os.environ.get("CONTRACTGEN_NO_CACHE"):
        return _yaml(path)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "contractgen"
    cache = base / f"catalog-{hashlib.sha256(raw).hexdigest()[:24]}.json"
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = _yaml(path)
    try:
        base.mkdir(parents=True, exist_ok=True)
        temp = cache.with_suffix(f".{os.getpid()}.part")
        temp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temp, cache)
    except OSError:
        pass  # a read-only home only costs speed
    return data


def _yaml(path: Path) -> Any:
    from contractgen import yamlfile  # PyYAML is imported only when the cache cannot answer

    return yamlfile.load_trusted(path)


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
        if d.near and d.near not in ids:
            problems.append(f"{item.id}: near names unknown ID {d.near!r}")
    for name, concept in catalog.concepts.items():
        for pattern in concept.patterns:
            if pattern.startswith("@"):
                rid, _, attr = pattern[1:].partition(".")
                if rid not in ids or attr not in {"violation_phrases", "vague_phrases"}:
                    problems.append(f"concept {name}: bad phrase-list reference {pattern!r}")
    return problems


@lru_cache(maxsize=1)
def bundled() -> Catalog:
    """The bundled catalog, loaded once per process."""
    return load()
