"""The requirement catalog (`clauses/requirements.yaml`): IDs, citations, severity, confidence.

It is the one source of truth for what the law asks of an SRO contract; code refers to IDs only.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from contractgen import resources, yamlfile
from contractgen.errors import LibraryError


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    cite: str
    confidence: Literal["S", "P", "U"]


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

    @property
    def unconfirmed(self) -> bool:
        """True where the catalog marks a source [?]: findings are then worded as cautions."""
        return self.caution is not None or any(s.confidence == "U" for s in self.sources)


class Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    requirements: list[Requirement]

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
    return catalog


@lru_cache(maxsize=1)
def bundled() -> Catalog:
    """The bundled catalog, loaded once per process."""
    return load()
