"""`contractgen clauses check`: the library's proof obligations.

1. Every ID a clause `satisfies` exists in the catalog.
2. Every variable a clause uses exists in the spec model (checked on the template's syntax tree
   with the types of the render context, so a branch that no example reaches is checked too).
3. For every combination of spec choices that select clauses, the selected clauses together
   satisfy every requirement of the catalog.
"""
from __future__ import annotations

import typing
from dataclasses import dataclass, field
from typing import Any

from jinja2 import nodes

from contractgen import catalog as catalog_mod
from contractgen import clausetext
from contractgen.clausetext import ClauseRenderError
from contractgen.context import context_types
from contractgen.library import UNION_TYPES, Clause, Library, _branches, combinations

ANY = object()


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    combinations: int = 0
    clauses: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check(library: Library, cat: catalog_mod.Catalog) -> CheckReport:
    report = CheckReport(clauses=len(library.clauses))
    known = set(cat.ids)
    for clause in library.clauses:
        where = f"{library.files[clause.id]}: {clause.id}"
        report.problems += [f"{where}: satisfies unknown requirement {rid!r}" for rid in clause.satisfies if rid not in known]
        report.problems += [f"{where}: {message}" for message in variable_problems(clause)]
    report.problems += coverage_problems(library, cat, report)
    return report


def coverage_problems(library: Library, cat: catalog_mod.Catalog, report: CheckReport) -> list[str]:
    """Requirements left unsatisfied by some combination of choices (first example shown)."""
    uncovered: dict[str, tuple[int, dict[str, Any]]] = {}
    for choices in combinations(library):
        report.combinations += 1
        covered = {rid for clause in library.select_for(choices) for rid in clause.satisfies}
        for rid in cat.ids:
            if rid not in covered:
                count, example = uncovered.get(rid, (0, choices))
                uncovered[rid] = (count + 1, example)
    return [f"requirement {rid} is not satisfied in {count} combination(s), e.g. "
            + ", ".join(f"{k}={v}" for k, v in example.items())
            for rid, (count, example) in uncovered.items()]


# --- variables -----------------------------------------------------------------------------------

def variable_problems(clause: Clause) -> list[str]:
    try:
        tree = clausetext.parse(clause.text)
    except ClauseRenderError as exc:
        return [str(exc)]
    scope = dict(context_types())
    kinds = clause.when.get("school.kind")
    if kinds:
        scope["school"] = _narrow(scope["school"], set(kinds))
    problems: list[str] = []
    _walk(tree, scope, problems)
    return list(dict.fromkeys(problems))


def _narrow(annotation: Any, kinds: set[Any]) -> Any:
    """The union branches of `annotation` whose `kind` is in `kinds`."""
    branches = [b for b in _branches(annotation)
                if set(typing.get_args(b.model_fields["kind"].annotation)) & kinds]
    return typing.Union[tuple(branches)] if branches else annotation


def _walk(node: nodes.Node, scope: dict[str, Any], problems: list[str]) -> None:
    if isinstance(node, nodes.For):
        _walk(node.iter, scope, problems)
        inner = dict(scope, loop=ANY)
        _bind(node.target, _element_type(_type_of(node.iter, scope, problems)), inner)
        for child in node.body + node.else_:
            _walk(child, inner, problems)
        if node.test is not None:
            _walk(node.test, inner, problems)
        return
    if isinstance(node, nodes.Assign):
        _walk(node.node, scope, problems)
        _bind(node.target, ANY, scope)
        return
    if isinstance(node, (nodes.Name, nodes.Getattr)):
        _type_of(node, scope, problems)
        return
    if isinstance(node, nodes.Filter) and node.name not in clausetext.environment().filters:
        problems.append(f"unknown filter {node.name!r}")
    if isinstance(node, nodes.Test) and node.name not in clausetext.environment().tests:
        problems.append(f"unknown test {node.name!r}")
    for child in node.iter_child_nodes():
        _walk(child, scope, problems)


def _bind(target: nodes.Node, kind: Any, scope: dict[str, Any]) -> None:
    if isinstance(target, nodes.Name):
        scope[target.name] = kind
    elif isinstance(target, nodes.Tuple):
        for item in target.items:
            _bind(item, ANY, scope)


def _type_of(node: nodes.Node, scope: dict[str, Any], problems: list[str]) -> Any:
    if isinstance(node, nodes.Name):
        if node.name not in scope:
            problems.append(f"unknown variable {node.name!r}")
            return ANY
        return scope[node.name]
    if isinstance(node, nodes.Getattr):
        base = _type_of(node.node, scope, problems)
        return _attribute(base, node.attr, _describe(node.node), problems)
    _walk(node, scope, problems)
    return ANY


def _describe(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_describe(node.node)}.{node.attr}"
    return "expression"


def _attribute(base: Any, attr: str, where: str, problems: list[str]) -> Any:
    if base is ANY:
        return ANY
    models = _branches(_strip_optional(base))
    if not models:
        # a plain value (text, date, number): allow its own attributes, e.g. `term.start.year`
        python_type = typing.get_origin(base) or base
        if isinstance(python_type, type) and hasattr(python_type, attr):
            return ANY
        problems.append(f"{where} has no attribute {attr!r}")
        return ANY
    having = [m for m in models if attr in m.model_fields or isinstance(getattr(m, attr, None), property)]
    if not having:
        problems.append(f"{where} has no field {attr!r} (see `contractgen schema`)")
        return ANY
    if len(having) < len(models):
        problems.append(f"{where}.{attr} exists only for some school parties; add a `when: school.kind` to the clause")
        return ANY
    info = having[0].model_fields.get(attr)
    return info.annotation if info is not None else ANY


def _strip_optional(annotation: Any) -> Any:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in UNION_TYPES and len(args) == 1:
        return args[0]
    return annotation


def _element_type(annotation: Any) -> Any:
    annotation = _strip_optional(annotation)
    if annotation is ANY:
        return ANY
    if typing.get_origin(annotation) is list:
        (inner,) = typing.get_args(annotation)
        return inner
    return ANY

