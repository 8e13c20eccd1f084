"""Spec + clause library + Word template -> a contract (.docx).

The clause library decides the words, the template decides the look: the template receives plain
data (title, recitals, numbered articles of paragraphs, signature blocks) and knows nothing of law.
"""
from __future__ import annotations

import io
import string
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from contractgen import __version__
from contractgen import catalog as catalog_mod
from contractgen import clausetext, library as library_mod, resources
from contractgen.clausetext import ClauseRenderError, Paragraph
from contractgen.context import build_context
from contractgen.errors import LibraryError, TemplateError
from contractgen.library import Clause, Library
from contractgen.ooxml.package import normalize_package
from contractgen.spec import Contract

DEFAULT_TEMPLATE = "contract.docx"


@dataclass
class RenderedClause:
    clause: Clause
    paragraphs: list[Paragraph]


@dataclass
class AssembledArticle:
    number: str
    key: str
    title: str
    clauses: list[RenderedClause] = field(default_factory=list)


@dataclass
class Assembly:
    """What was assembled, for the summary and for tests."""

    contract: Contract
    front: dict[str, list[RenderedClause]]
    articles: list[AssembledArticle]

    def rendered(self) -> list[RenderedClause]:
        """Every rendered clause, front matter first, in document order."""
        front = [rc for part in self.front.values() for rc in part]
        return front + [rc for a in self.articles for rc in a.clauses]

    @property
    def satisfied(self) -> set[str]:
        return {rid for rc in self.rendered() for rid in rc.clause.satisfies}

    @property
    def cautions(self) -> list[str]:
        return list(dict.fromkeys(rc.clause.caution for rc in self.rendered() if rc.clause.caution))


def assemble(contract: Contract, library: Library | None = None) -> Assembly:
    """Select and render the clauses for `contract`, grouped into numbered articles."""
    library = library or library_mod.bundled()
    context = build_context(contract)
    front: dict[str, list[RenderedClause]] = {part: [] for part in library_mod.FRONT_PARTS}
    articles: dict[str, AssembledArticle] = {}
    titles = {a.key: a.title for a in library.articles}
    for clause in library.select(contract):
        rendered = RenderedClause(clause, render_clause(clause, context, library))
        if clause.article in front:
            front[clause.article].append(rendered)
            continue
        article = articles.setdefault(clause.article, AssembledArticle("", clause.article, titles[clause.article]))
        article.clauses.append(rendered)
    numbered = [a for a in articles.values() if a.clauses]
    for number, article in enumerate(numbered, start=1):
        article.number = str(number)
    assembly = Assembly(contract, front, numbered)
    _require_coverage(assembly)
    return assembly


def render_clause(clause: Clause, context: dict[str, Any], library: Library) -> list[Paragraph]:
    try:
        return clausetext.render(clause.text, context)
    except ClauseRenderError as exc:
        raise LibraryError(f"{library.files.get(clause.id, 'clauses')}: clause {clause.id}: {exc}") from None


def _require_coverage(assembly: Assembly) -> None:
    """A guard behind `clauses check`: the assembled clauses must address every requirement."""
    missing = [rid for rid in catalog_mod.bundled().ids if rid not in assembly.satisfied]
    if missing:
        raise LibraryError(f"the selected clauses leave requirements unaddressed: {', '.join(missing)}")


# --- the template's data -------------------------------------------------------------------------

def item_label(index: int) -> str:
    """(a) .. (z), then (aa), (bb) ..."""
    letter = string.ascii_lowercase[index % 26]
    return f"({letter * (index // 26 + 1)})"


def template_context(assembly: Assembly) -> dict[str, Any]:
    """Plain data for the Word template."""
    c = assembly.contract
    articles = []
    for article in assembly.articles:
        paragraphs = []
        for n, rendered in enumerate(article.clauses, start=1):
            items = 0
            first = True
            for p in rendered.paragraphs:
                if p.kind == "item":
                    paragraphs.append({"kind": "item", "label": item_label(items), "text": p.text})
                    items += 1
                    continue
                label = f"{article.number}.{n} {rendered.clause.title}." if first else ""
                paragraphs.append({"kind": "body", "label": label, "text": p.text})
                first = False
        articles.append({"number": article.number, "title": article.title, "paragraphs": paragraphs})
    front = {part: [p.text for rc in clauses for p in rc.paragraphs] for part, clauses in assembly.front.items()}
    return {
        "title": " ".join(front["title"]).upper(),
        "short_title": f"{' '.join(front['title'])} – {c.agency.name} and {c.school.name}",
        "parties_text": " ".join(front["parties"]),
        "recitals": front["recitals"],
        "agreement_text": " ".join(front["agreement"]),
        "articles": articles,
        "signature_intro": " ".join(front["closing"]),
        "signature_blocks": _signature_blocks(c),
    }


def _signature_blocks(c: Contract) -> list[dict[str, Any]]:
    names = {"agency": c.agency.name, "school": c.school.name}
    return [{"party": names[party],
             "lines": [{"name": s.name, "title": s.title} for s in c.signatories if s.party == party]}
            for party in ("agency", "school")]


# --- Word ----------------------------------------------------------------------------------------

def template_path(user_template: Path | None) -> Path:
    return user_template if user_template is not None else resources.templates_dir() / DEFAULT_TEMPLATE


def render_docx(assembly: Assembly, when: datetime, user_template: Path | None = None) -> bytes:
    """The finished .docx bytes: docxtpl in a sandbox, fixed core properties, fixed zip metadata."""
    from docxtpl import DocxTemplate  # imported here: linting never pays for templating
    from jinja2 import StrictUndefined
    from jinja2.exceptions import SecurityError, TemplateError as JinjaError, UndefinedError
    from contractgen.clausetext import BoundedSandbox

    path = template_path(user_template)
    label = str(path)
    try:
        template = DocxTemplate(str(path))
        template.init_docx()
    except Exception as exc:  # python-docx raises many kinds for a bad package
        raise TemplateError(f"not a usable Word template ({type(exc).__name__}: {exc})", label) from None
    env = BoundedSandbox(undefined=StrictUndefined, autoescape=True)
    try:
        template.render(template_context(assembly), jinja_env=env, autoescape=True)
    except (SecurityError, OverflowError, RecursionError, MemoryError) as exc:
        raise TemplateError(f"refused by the sandbox: {exc}", label) from None
    except UndefinedError as exc:
        raise TemplateError(f"uses an unknown variable: {exc.message}", label) from None
    except JinjaError as exc:
        raise TemplateError(f"template error: {exc}", label) from None
    props = template.docx.core_properties
    props.created = props.modified = when.replace(tzinfo=None)
    props.revision = 1
    props.last_modified_by = "contractgen"
    buffer = io.BytesIO()
    template.save(buffer)
    return normalize_package(buffer.getvalue(), when)


# --- the build job -------------------------------------------------------------------------------

@dataclass
class BuildResult:
    spec: Path
    output: Path
    assembly: Assembly
    warnings: list[Any]
    size: int

    def summary(self) -> dict[str, Any]:
        c = self.assembly.contract
        return {
            "tool": {"name": "contractgen", "version": __version__},
            "spec": str(self.spec), "output": str(self.output), "bytes": self.size,
            "parties": {"agency": c.agency.name, "school": c.school.name, "school_kind": c.school.kind},
            "instrument": c.instrument, "term": {"start": c.term.start.isoformat(), "end": c.term.end.isoformat()},
            "articles": [{"number": a.number, "title": a.title, "clauses": [rc.clause.id for rc in a.clauses]}
                         for a in self.assembly.articles],
            "requirements_addressed": sorted(self.assembly.satisfied),
            "warnings": [w.as_dict() for w in self.warnings],
            "cautions": self.assembly.cautions,
        }

    def summary_text(self) -> str:
        c = self.assembly.contract
        clauses = sum(len(a.clauses) for a in self.assembly.articles)
        lines = [
            f"wrote {self.output} ({self.size:,} bytes)",
            f"  {c.agency.name} and {c.school.name} ({'charter school' if c.is_charter else 'school district'}), "
            f"{c.instrument.replace('_', ' ')}, {c.term.start:%Y-%m-%d} to {c.term.end:%Y-%m-%d}",
            f"  {len(self.assembly.articles)} articles, {clauses} clauses; "
            f"{len(self.assembly.satisfied)} of {len(catalog_mod.bundled().ids)} catalog requirements addressed",
        ]
        lines += [f"  {a.number:>2}. {a.title} ({', '.join(rc.clause.id for rc in a.clauses)})"
                  for a in self.assembly.articles]
        lines += [f"  caution: {text}" for text in self.assembly.cautions]
        if self.warnings:
            lines.append(f"  {len(self.warnings)} warning(s) above")
        return "\n".join(lines)


def build(spec: Path, output: Path, template: Path | None = None, when: Any = None) -> BuildResult:
    """Validate `spec`, assemble it and write the contract to `output` atomically."""
    from contractgen.output import build_time, check_target, write_atomic
    from contractgen.validation import load_contract

    inputs = [spec] + ([template] if template else [])
    check_target(output, inputs)
    if template is not None and not template.is_file():
        raise TemplateError("no such template file", str(template))
    validated = load_contract(spec)
    assembly = assemble(validated.contract)
    data = render_docx(assembly, build_time(when), template)
    from contractgen.ooxml.revisions import check_package
    problems = check_package(data)  # reopened and checked before it replaces anything
    if problems:
        raise TemplateError(f"the built document failed its own check ({problems[0]}); nothing was written",
                            str(template or template_path(None)))
    write_atomic(output, data, inputs)
    return BuildResult(spec, output, assembly, validated.warnings, len(data))
