"""Lint findings -> a Word redline of the contract: tracked insertions of the clauses that satisfy
what is missing, tracked deletions of unlawful language, and a margin comment on every finding.

The legal choices live here (which clause answers which requirement, where it goes); every w:
element is built by `contractgen.ooxml.revisions`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Sequence

from contractgen import catalog as catalog_mod
from contractgen import clausetext, library as library_mod
from contractgen.lint.engine import Result
from contractgen.lint.runner import FileReport

#: Headings under which a requirement's clause belongs when the contract has such a section.
TOPIC_HEADINGS = {
    "ATTIRE": r"attire|uniform|dress|clothing|appearance",
    "VETTING": r"selection|select|assignment|assign|personnel|staffing|vetting|hiring|supervision",
    "DEESCALATION-RESOURCES": r"de-?escalation|crisis|student support|resources",
    "DATA-PRACTICES": r"data|records|privacy|confidential|student information",
    "DATA-RECORDS": r"data|records|privacy|confidential|student information",
    "DATA-PURPOSES": r"data|records|privacy|confidential|student information",
    "DATA-MGDPA": r"data|records|privacy|confidential|student information",
    "DATA-LE-SEPARATION": r"data|records|privacy|confidential|student information",
    "DATA-FERPA-SCHOOL-OFFICIAL": r"data|records|privacy|confidential|student information",
    "FORCE-SCHOOL-RULES": r"duties|responsibilities|scope of services|role",
    "ADDITIONAL-DUTIES": r"duties|responsibilities|scope of services|role",
    "DUTIES-DEFINED": r"duties|responsibilities|scope of services|role",
    "TRAINING": r"training",
    "TRAINING-INTERIM": r"training",
    "TRAINING-SUBSTITUTE": r"training",
    "USE-OF-FORCE": r"force",
}
STATUTORY_DUTIES = [f"SUBD2-A{i}" for i in range(1, 8)]
#: Violations fixed by striking the offending words; the others (a charter school in a joint
#: powers agreement, say) need a decision by the attorney and get a comment only.
STRIKE = {"FORCE-SCHOOL-RULES", "ADDITIONAL-DUTIES", "TRAINING-INTERIM", "TRAINING-SUBSTITUTE"}


@dataclass
class Insertion:
    rule: str
    paragraphs: list[str]            # text of each new paragraph
    after_block: int | None          # insert after this block (None: in the new article)
    comment: str


@dataclass
class Deletion:
    rule: str
    block: int
    start: int
    end: int
    comment: str


@dataclass
class Replacement:
    block: int
    start: int
    end: int
    text: str
    comment: str


@dataclass
class Plan:
    insertions: list[Insertion] = field(default_factory=list)
    deletions: list[Deletion] = field(default_factory=list)
    replacements: list[Replacement] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)  # (block, text) for findings left as they are
    article_title: str = "School Resource Officer Requirements"


def explain(result: Result, req: catalog_mod.Requirement) -> str:
    """The margin comment: ID, citation, and one sentence on what the law asks."""
    caution = " Caution: the catalog marks part of this law unconfirmed." if req.unconfirmed else ""
    return f"{result.rule} ({result.status}) [{result.citation}]: {req.summary}{caution}"


def clause_for(rule: str, context: dict[str, Any], charter: bool) -> list[str]:
    """The library clause that satisfies `rule`, rendered; items become "(a) ..." paragraphs."""
    lib = library_mod.bundled()
    kind = "charter_school" if charter else "district"
    candidates = [c for c in lib.clauses if rule in c.satisfies and c.article not in library_mod.FRONT_PARTS
                  and kind in c.when.get("school.kind", [kind])]
    if not candidates:
        return []
    # clauses that apply whatever the spec says come first; among variants (one per attire mode,
    # say) the first is a starting point, and every clause of the chosen variant is used
    best = min(candidates, key=lambda c: (len(c.satisfies) > 4, len(c.when)))
    chosen = [c for c in candidates if c.when == best.when and (len(c.satisfies) > 4) == (len(best.satisfies) > 4)]
    paragraphs: list[str] = []
    for clause in chosen:
        letter = 0
        for i, p in enumerate(clausetext.render(clause.text, context)):
            if p.kind == "item":
                paragraphs.append(f"({chr(ord('a') + letter)}) {p.text}")
                letter += 1
            else:
                paragraphs.append(f"{clause.title}. {p.text}" if i == 0 else p.text)
    return paragraphs


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence or list clause containing [start, end), without a leading "(c)" or "c." label."""
    left = max(text.rfind(ch, 0, start) for ch in ".;:") + 1
    right_candidates = [i for i in (text.find(ch, end) for ch in ".;") if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    label = re.match(r"\s*(\(?[a-z0-9ivx]{1,4}[.)]\s+)?", text[left:right], re.I)
    left += label.end() if label else 0
    while left < right and text[left] == " ":
        left += 1
    return left, right


def find_words(text: str, words: str) -> tuple[int, int] | None:
    """Where the normalized `words` occur in the block's original text (case and spacing free)."""
    pattern = r"\s+".join(re.escape(w).replace("'", "['\u2019]") for w in words.split())
    match = re.search(pattern, text, re.I)
    return (match.start(), match.end()) if match else None


def _is_heading(block: Any) -> bool:
    from contractgen.lint.units import looks_like_heading

    return block.kind == "body" and bool(block.text.strip()) and looks_like_heading(block, block.text.strip())


def section_end(blocks: Sequence[Any], index: int) -> int:
    """The last body paragraph of the section that holds block `index`."""
    part = blocks[index].part
    last = index
    for j in range(index + 1, len(blocks)):
        b = blocks[j]
        if b.part != part or _is_heading(b) or b.text.lower().startswith("in witness whereof"):
            break
        if b.kind == "body" and b.text.strip():
            last = j
    return last


def topic_section(blocks: Sequence[Any], rule: str) -> int | None:
    """The end of the first section whose heading names the requirement's topic."""
    pattern = TOPIC_HEADINGS.get(rule)
    if not pattern:
        return None
    for i, b in enumerate(blocks):
        if _is_heading(b) and re.search(pattern, b.text, re.I):
            return section_end(blocks, i)
    return None


def _statutory_duty(req: catalog_mod.Requirement) -> str:
    text = " ".join((req.statute_text or req.summary).split()).rstrip(";.")
    return f"{text};"


def plan(results: Sequence[Result], blocks: Sequence[Any], context: dict[str, Any], charter: bool) -> Plan:
    """Decide every insertion, deletion and comment; nothing is written here."""
    cat = catalog_mod.bundled()
    result = Plan()
    by_rule = {r.rule: r for r in results}
    duties = by_rule.get("DUTIES-DEFINED")
    main = blocks[0].part if blocks else None
    duty_blocks = [i for i in (duties.block_indexes if duties and duties.status == "present" else [])
                   if blocks[i].part == main and blocks[i].kind == "body"]
    duty_list_end = max(duty_blocks) if duty_blocks else None
    inserted: dict[tuple[str, ...], Insertion] = {}
    for r in results:
        if not r.is_problem:
            continue
        req = cat.get(r.rule)
        comment = explain(r, req)
        if r.status == "violation" and r.rule not in STRIKE:
            result.comments.append((r.block_indexes[0] if r.block_indexes else -1, comment))
            continue
        if r.status == "violation":
            _strike_matched(result, r, blocks, comment)
            after = r.matched[-1][0] if r.matched else None
            _add(result, inserted, r.rule, clause_for(r.rule, context, charter), after, comment)
            continue
        if r.status == "partial":  # vague words ("for law enforcement purposes") go too
            _strike_matched(result, r, blocks, comment)
        if req.group == "mandatory" or r.rule in ("DEESCALATION-RESOURCES",):
            if r.rule in STATUTORY_DUTIES and duty_list_end is not None:
                _add(result, inserted, r.rule, [_statutory_duty(req)], duty_list_end, comment)
                continue
            after = _placement(r, blocks)
            _add(result, inserted, r.rule, clause_for(r.rule, context, charter), after, comment)
            continue
        where = r.block_indexes[0] if r.block_indexes else None
        result.comments.append((where if where is not None else -1, comment))
    return result


def _strike_matched(plan_: Plan, r: Result, blocks: Sequence[Any], comment: str) -> None:
    """Strike the sentence around each of the finding's offending words."""
    for block, words in r.matched:
        span = find_words(blocks[block].text, words)
        if span:
            _strike(plan_, Deletion(r.rule, block, *sentence_around(blocks[block].text, *span), comment))


def _strike(plan_: Plan, deletion: Deletion) -> None:
    """Plan a deletion once: two findings on the same words share it and both comments."""
    for other in plan_.deletions:
        if other.block == deletion.block and other.start < deletion.end and deletion.start < other.end:
            other.start, other.end = min(other.start, deletion.start), max(other.end, deletion.end)
            other.comment += "\n" + deletion.comment
            return
    plan_.deletions.append(deletion)


def _placement(r: Result, blocks: Sequence[Any]) -> int | None:
    main = blocks[0].part if blocks else None
    body = [i for i in r.block_indexes if blocks[i].part == main and blocks[i].kind == "body"]
    if body:  # partial: right after the text that falls short (never inside a note, box or table)
        return section_end(blocks, body[0]) if r.status == "missing" else body[-1]
    if r.anchor is not None:
        for i, b in enumerate(blocks):
            if b.part == r.anchor.part and b.index == r.anchor.paragraph:
                return section_end(blocks, i)
    return topic_section(blocks, r.rule)


def _add(plan_: Plan, inserted: dict, rule: str, paragraphs: list[str], after: int | None, comment: str) -> None:
    if not paragraphs:
        plan_.comments.append((after if after is not None else -1, comment))
        return
    key = tuple(paragraphs)
    if key in inserted:  # one clause answers several findings: one insertion, every comment
        inserted[key].comment += "\n" + comment
        return
    insertion = Insertion(rule, paragraphs, after, comment)
    inserted[key] = insertion
    plan_.insertions.append(insertion)


# --- writing -------------------------------------------------------------------------------------

_ARTICLE = re.compile(r"^\s*(article|section)\s+([0-9]+|[ivxlc]+)\b", re.I)
_NUMBERED = re.compile(r"^\s*(\d+)\.\s")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
          "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv"]


@dataclass
class RedlineSummary:
    output: Path
    insertions: int
    deletions: int
    comments: int


def article_heading(blocks: Sequence[Any], title: str) -> tuple[str, str | None]:
    """A heading for the new article numbered to follow the document's own ("ARTICLE 12.", "Section 9.")."""
    last_word, last_number, style, upper = "ARTICLE", 0, None, True
    roman = False
    for b in blocks:
        if not _is_heading(b):
            continue
        text = b.text.strip()
        if m := _ARTICLE.match(text):
            token = m.group(2).lower()
            roman = not token.isdigit()
            number = int(token) if token.isdigit() else (_ROMAN.index(token) + 1 if token in _ROMAN else 0)
            if number >= last_number:
                last_word, last_number, style, upper = m.group(1), number, b.style, text.isupper()
        elif (m := _NUMBERED.match(text)) and int(m.group(1)) >= last_number:
            last_word, last_number, style, upper = "", int(m.group(1)), b.style, text.isupper()
    number = _ROMAN[last_number].upper() if roman and last_number < len(_ROMAN) else str(last_number + 1)
    label = f"{last_word} {number}." if last_word else f"{number}."
    text = f"{label} {title}"
    return (text.upper() if upper else text), style


def _followed_by_table(p: Any) -> bool:
    following = p.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    return following is not None and following.tag.endswith("}tbl")


def _paragraph_of(package: Any, block: Any):
    """The w:p element behind a block, found through its first run."""
    if not block.runs:
        return None
    root = package.xml(block.part)
    namespaces = {k: v for k, v in root.nsmap.items() if k}
    found = root.getroottree().xpath(block.runs[0].path, namespaces=namespaces)
    if not found:
        return None
    node = found[0]
    w_p = "{%s}p" % node.tag.split("}")[0].lstrip("{")
    while node is not None and node.tag != w_p:
        node = node.getparent()
    return node


def apply(plan_: Plan, source: Path, output: Path, blocks: Sequence[Any], author: str, date: str,
          when: datetime) -> RedlineSummary:
    """Write the planned changes as tracked revisions and comments; check the package before the rename."""
    from contractgen.errors import ContractgenError
    from contractgen.ooxml import revisions as rv
    from contractgen.ooxml.editing import EditablePackage
    from contractgen.output import write_atomic

    package = EditablePackage.open(source)
    rev = rv.Revisions(package, author=author, date=date)
    elements = {i: _paragraph_of(package, b) for i, b in enumerate(blocks)}
    body = [i for i, p in elements.items()
            if p is not None and blocks[i].part == package.main_part and blocks[i].kind == "body"]
    first_body = body[0] if body else None
    comments = 0

    def located(index: int | None) -> int | None:
        """The block to use for `index`: an empty paragraph has no run, so the one before it."""
        if index is None or index < 0:
            return first_body
        return next((j for j in range(index, -1, -1) if elements.get(j) is not None), None)

    def element(index: int | None):
        found = located(index)
        return elements[found] if found is not None else None

    def whole(p) -> int:
        return len(rev.scan(p).text)

    for index, text in plan_.comments:
        found = located(index)
        if found is not None:
            rv.add_comment(rev, elements[found], 0, whole(elements[found]), text)
            comments += 1
    edits = sorted(plan_.deletions + plan_.replacements, key=lambda e: (e.block, -e.start))
    # offsets are the reader's; edit only paragraphs whose text the writer sees the same way
    mappable = {e.block: elements.get(e.block) is not None and rev.scan(elements[e.block]).text == blocks[e.block].text
                for e in edits}
    for edit in edits:  # right to left inside a paragraph, so earlier offsets stay valid
        p = elements.get(edit.block)
        if p is None or not mappable[edit.block]:
            if p is not None:  # text we cannot map exactly (a content control, say): comment only
                rv.add_comment(rev, p, 0, whole(p), edit.comment)
                comments += 1
            continue
        rv.add_comment(rev, p, edit.start, edit.end, edit.comment)
        if isinstance(edit, Replacement):
            rv.replace_text(rev, p, edit.start, edit.end, edit.text)
        else:
            rv.delete_text(rev, p, edit.start, edit.end)
        comments += 1
    orphans = [ins for ins in plan_.insertions if ins.after_block is None]
    if orphans:
        signature = next((i for i in body if blocks[i].text.lower().startswith("in witness whereof")), None)
        before = elements[signature] if signature is not None else (elements[body[-1]] if body else None)
        if before is None:
            raise ContractgenError("the document has no body paragraph to place new clauses near", str(source))
        heading, style = article_heading(blocks, plan_.article_title)
        rv.insert_paragraph_before(rev, before, heading, style=style)
        for ins in orphans:
            new = [rv.insert_paragraph_before(rev, before, text, highlight=True) for text in ins.paragraphs]
            rv.add_comment(rev, new[0], 0, len(ins.paragraphs[0]), ins.comment)
            comments += 1
    placed: dict[int, Any] = {}
    for ins in (i for i in plan_.insertions if i.after_block is not None):
        anchor = placed[ins.after_block] if ins.after_block in placed else element(ins.after_block)
        style = blocks[ins.after_block].style if ins.rule in STATUTORY_DUTIES else None
        first = None
        if _followed_by_table(anchor):
            # a tracked paragraph mark right before a table cannot be rejected cleanly (LibreOffice
            # leaves an empty paragraph): put the clause before the anchor paragraph instead
            for text in ins.paragraphs:
                new = rv.insert_paragraph_before(rev, anchor, text, style=style, highlight=True)
                first = first if first is not None else new
        else:
            for text in ins.paragraphs:
                anchor = rv.insert_paragraph_after(rev, anchor, text, style=style, highlight=True)
                first = first if first is not None else anchor
            placed[ins.after_block] = anchor
        rv.add_comment(rev, first, 0, len(ins.paragraphs[0]), ins.comment)
        comments += 1
    data = package.to_bytes(when)
    problems = rv.check_package(data)
    if problems:
        raise ContractgenError(f"the redline failed its own check ({problems[0]}); nothing was written", str(output))
    write_atomic(output, data, [source])
    return RedlineSummary(output, len(plan_.insertions), len(plan_.deletions), comments)


def redline(report: FileReport, output: Path, spec: Path | None = None, author: str = "contractgen",
            when: datetime | None = None) -> RedlineSummary:
    """The whole job: plan from the lint results, then write the tracked-changes copy."""
    from contractgen.context import build_context
    from contractgen.ooxml.blocks import read_blocks
    from contractgen.ooxml.package import open_package
    from contractgen.output import build_time
    from contractgen.placeholders import placeholder_context

    source = Path(report.path)
    blocks = read_blocks(open_package(source))
    if spec is not None:
        from contractgen.validation import load_contract

        contract = load_contract(spec).contract
        context, charter = build_context(contract), contract.is_charter
    else:
        charter = any("charter school" in b.text.lower() for b in blocks[:40])
        context = placeholder_context(charter)
    stamp = build_time(when.date() if isinstance(when, datetime) else when)
    the_plan = plan(report.results, blocks, context, charter)
    return apply(the_plan, source, output, blocks, author, stamp.strftime("%Y-%m-%dT%H:%M:%SZ"), stamp)
