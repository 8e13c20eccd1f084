"""The clause library (`clauses/*.yaml`): loading, validation, selection for a spec, and the proof
that every combination of spec choices yields a contract that addresses every requirement.

A clause declares which catalog requirements it satisfies (`satisfies:`), the source it rests on,
and the spec values that select it (`when:`). Articles (`clauses/articles.yaml`) give the order.
"""
from __future__ import annotations

import itertools
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from contractgen import resources, yamlfile
from contractgen.errors import LibraryError
from contractgen.spec import Contract

Scalar = str | bool | int

UNION_TYPES = (typing.Union, types.UnionType)

#: Parts of the document that are not numbered articles.
FRONT_PARTS = ("title", "parties", "recitals", "agreement", "closing")


class Clause(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
    title: str
    article: str
    order: int = 100
    satisfies: list[str] = []
    source: str = Field(min_length=3, description="The law or policy this clause rests on.")
    caution: str | None = None
    when: dict[str, Scalar | list[Scalar]] = {}
    text: str

    @field_validator("when")
    @classmethod
    def _lists(cls, value: dict[str, Any]) -> dict[str, Any]:
        return {k: v if isinstance(v, list) else [v] for k, v in value.items()}

    def selected_by(self, choices: dict[str, Any]) -> bool:
        return all(choices.get(path) in allowed for path, allowed in self.when.items())


class Article(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    key: str
    title: str


class ClauseFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    clauses: list[Clause]


class ArticleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    articles: list[Article]


@dataclass(frozen=True)
class Library:
    articles: tuple[Article, ...]
    clauses: tuple[Clause, ...]
    files: dict[str, str]  # clause id -> file it came from
    dims: dict[str, tuple[Scalar, ...]]  # every spec path a `when:` uses -> all values the spec allows

    def get(self, clause_id: str) -> Clause:
        for clause in self.clauses:
            if clause.id == clause_id:
                return clause
        raise KeyError(clause_id)

    def select(self, contract: Contract) -> list[Clause]:
        """The clauses for `contract`, in document order."""
        return self.select_for(choices_of(contract, self.dims))

    def select_for(self, choices: dict[str, Any]) -> list[Clause]:
        order = {a.key: i for i, a in enumerate(self.articles)}
        front = {key: i - len(FRONT_PARTS) for i, key in enumerate(FRONT_PARTS)}
        position = {**front, **order}
        picked = [c for c in self.clauses if c.selected_by(choices)]
        return sorted(picked, key=lambda c: (position[c.article], c.order, c.id))


def _load_yaml(path: Path, model: type[BaseModel]) -> Any:
    data, source = yamlfile.load(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = tuple(err["loc"])
        line, col = source.locate(loc)
        where = ".".join(str(p) for p in loc)
        raise LibraryError(f"{path}:{line}:{col}: {where}: {err['msg']}") from None


def load(folder: Path | None = None) -> Library:
    """Load every clause file in `folder` (the bundled library by default) and validate it."""
    folder = folder or resources.clauses_dir()
    articles = _load_yaml(folder / "articles.yaml", ArticleFile).articles
    clauses: list[Clause] = []
    files: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name in {"articles.yaml", "requirements.yaml"}:
            continue
        for clause in _load_yaml(path, ClauseFile).clauses:
            if clause.id in files:
                raise LibraryError(f"{path}: clause id {clause.id!r} is also defined in {files[clause.id]}")
            files[clause.id] = path.name
            clauses.append(clause)
    known = {a.key for a in articles} | set(FRONT_PARTS)
    for clause in clauses:
        if clause.article not in known:
            raise LibraryError(f"{files[clause.id]}: clause {clause.id}: unknown article {clause.article!r}")
    paths = sorted({path for clause in clauses for path in clause.when})
    return Library(tuple(articles), tuple(clauses), files, {path: allowed_values(path) for path in paths})


@lru_cache(maxsize=1)
def bundled() -> Library:
    return load()


# --- spec paths ----------------------------------------------------------------------------------

def _field_type(model: Any, name: str) -> Any:
    """The annotation of field `name` on a model, or the union of it over every branch of a union
    of models (so `school.kind` is district | charter_school)."""
    found = [b.model_fields[name].annotation for b in _branches(model) if name in b.model_fields]
    found = list(dict.fromkeys(found))
    if not found:
        return None
    return found[0] if len(found) == 1 else typing.Union[tuple(found)]


def _branches(annotation: Any) -> list[Any]:
    """The model classes an annotation can hold (unwrapping Annotated, unions and Optional)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _branches(typing.get_args(annotation)[0])
    if origin in UNION_TYPES:
        return [b for arg in typing.get_args(annotation) for b in _branches(arg)]
    return []


def allowed_values(path: str) -> tuple[Scalar, ...]:
    """All values a `when:` path can take, from the spec model (Literal or bool fields only)."""
    annotation: Any = Contract
    for name in path.split("."):
        annotation = _field_type(annotation, name)
        if annotation is None:
            raise LibraryError(f"`when:` uses {path!r}, which is not a field of the spec")
    values: list[Scalar] = []
    for arg in _flatten(annotation):
        if typing.get_origin(arg) is Literal:
            values.extend(typing.get_args(arg))
        elif arg is bool:
            values.extend([False, True])
        elif arg is type(None):
            continue
        else:
            raise LibraryError(f"`when:` uses {path!r}, which is not a choice (only fixed choices can select clauses)")
    return tuple(dict.fromkeys(values))


def _flatten(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _flatten(typing.get_args(annotation)[0])
    if origin in UNION_TYPES:
        return [a for arg in typing.get_args(annotation) for a in _flatten(arg)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        kinds = _field_type(annotation, "kind")
        return _flatten(kinds) if kinds is not None else [annotation]
    return [annotation]


def choices_of(contract: Contract, dimensions: dict[str, tuple[Scalar, ...]]) -> dict[str, Any]:
    """The value of each selection path in `contract`."""
    result: dict[str, Any] = {}
    for path in dimensions:
        value: Any = contract
        for name in path.split("."):
            value = getattr(value, name, None)
        result[path] = value
    return result


def combinations(library: Library) -> Iterator[dict[str, Any]]:
    dims = library.dims
    for values in itertools.product(*dims.values()):
        yield dict(zip(dims, values))
