"""From blocks of Word text to the units the rules look at, each with its context.

A rule asks "do these concepts occur together in one sentence (or paragraph, list, section)?", and
"is that text operative?": recitals, purpose and goal statements, titles and signature blocks are
not duties. A list item inherits the lead-in sentence above it ("The SRO's duties are to:") and
every unit knows the heading it sits under, so context words can come from either.

All unit texts live in one normalized string (`Document.text`) so that each concept is searched
once per document, not once per unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

BLOCK_SEPARATOR = "\n\u00b6\n"
SENTENCE_SEPARATOR = "\n"  # concept matches never cross it (see engine._GAP)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                         "\u2011": "-", "\u2010": "-", "\u2013": "-", "\u2014": "-", "\u00ad": None,
                         "\u200b": None, "\ufeff": None})
_TITLES = [
    (re.compile(r"\b(police[- ])?school (resource|liaison) officers?\b"), "sro"),
    (re.compile(r"\bschool resource officers?\b"), "sro"),
    (re.compile(r"\bschool safety officers?\b"), "sro"),
]
_SENTENCE_END = re.compile(r"(?<=[.;!?:])\s+(?=\S)")
# A period after these does not end a sentence ("Minn. Stat. § 626.8482, subd. 2").
_ABBREVIATIONS = {"minn", "stat", "stats", "subd", "subds", "no", "nos", "dr", "mr", "mrs", "ms", "st", "inc", "co",
                  "corp", "ch", "chs", "art", "sec", "para", "cl", "e.g", "i.e", "etc", "vs", "v", "u.s.c", "c.f.r",
                  "r", "p", "pp", "ltd", "jr", "sr", "dept", "gov", "op", "ave", "approx", "u.s", "ex", "fig", "jan",
                  "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "al"}
_ITEM_START = re.compile(r"^\s*(\(?[a-z0-9]{1,3}[.)]|\(?[ivxlc]{1,5}[.)]|[-\u2022\u25cf\u25e6\u2013\u00b7*>])\s+", re.I)
_HEADING_WORD = re.compile(r"^(article|section|part|exhibit|appendix|attachment|schedule)\b", re.I)
_RECITAL_HEADING = re.compile(r"^\W*(recitals?|background|preamble|witnesseth)\W*$", re.I)
_PURPOSE_HEADING = re.compile(r"\b(purpose|goals?|objectives?|mission|vision|intent|findings|recitals?|background|preamble)\b", re.I)
_AGREEMENT_START = re.compile(r"^\W*(now,? therefore|the parties (hereby )?agree|in consideration of)", re.I)


def normalize(text: str) -> str:
    """Lower case, straight quotes, plain hyphens, one space; the officer's title reads "sro"."""
    if not text.isascii():
        text = text.translate(_QUOTES)
    text = " ".join(text.lower().split())
    if "de-escalat" in text:
        text = text.replace("de-escalat", "deescalat")
    if "officer" in text:
        for pattern, replacement in _TITLES:
            text = pattern.sub(replacement, text)
    return text


@dataclass
class Unit:
    """A span of document text the rules test: a sentence, a paragraph, a list, a section."""

    spans: list[tuple[int, int]]            # ranges in Document.text
    blocks: list[int]                       # indexes into Document.blocks
    operative: bool
    context: list[tuple[int, int]] = field(default_factory=list)  # lead-in and heading ranges
    display: str = ""                        # the original text, for evidence


@dataclass
class Document:
    blocks: Sequence[Any]
    text: str
    block_spans: list[tuple[int, int]]
    headings: list[str]                      # per block: the nearest heading's original text
    units: dict[str, list[Unit]]


@dataclass
class _BlockInfo:
    text: str  # the block's text, stripped
    is_heading: bool
    operative: bool
    heading: int | None = None    # index of the heading block
    lead: int | None = None       # index of the lead-in block
    sentences: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end) in norm, original


def looks_like_heading(block: Any, text: str) -> bool:
    if getattr(block, "heading_level", None) is not None:
        return True
    words = text.split()
    if not words or len(words) > 12 or text.rstrip().endswith((".", ";", ",")):
        return False
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        return True
    return bool(_HEADING_WORD.match(text)) and len(words) <= 10


_VERB = re.compile(r"\b(shall|will|must|may|is|are|was|be|has|have|does|do|agrees?|means|includes?)\b", re.I)


def is_run_in_title(sentence: str) -> bool:
    """A short opening phrase that titles a paragraph ("4.2 School rules and discipline.")."""
    words = sentence.split()
    return 0 < len(words) <= 9 and sentence.rstrip().endswith(".") and not _VERB.search(sentence)


def _is_item(block: Any, text: str) -> bool:
    """A list item: numbered, bulleted, in a list style, or written as one ("(a) ...", "- ...")."""
    if getattr(block, "label", None) is not None or bool(_ITEM_START.match(text)):
        return True
    style = (getattr(block, "style", None) or "").lower()
    if "list" in style or "bullet" in style:
        return True
    # an unlabelled bullet as LibreOffice or an HTML import writes it: a clause, not a sentence
    return bool(text) and (text[0].islower() or text.rstrip().endswith((";", "; and", "; or", ",")))


def _split_sentences(text: str) -> list[str]:
    """Sentences and list clauses (split at . ; : ! ?), keeping abbreviations and citations whole."""
    pieces: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if not piece.strip():
            continue
        if pieces and _continues(pieces[-1], piece):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


def _continues(previous: str, piece: str) -> bool:
    """True when `previous` ended in an abbreviation or an initial, or `piece` cannot start a sentence."""
    if not previous.endswith("."):
        return False
    words = previous[:-1].split()
    if not words:
        return False
    last = words[-1].lower().lstrip("(\"'“")
    if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
        return True
    first = piece.lstrip("\"'“(")[:1]
    return bool(first) and (first.islower() or first.isdigit() or first == "§")


def build(blocks: Sequence[Any]) -> Document:
    """Normalize the blocks and cut them into units of every scope."""
    infos = _classify(blocks)
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for block, info in zip(blocks, infos):
        start = offset
        sentence_spans = []
        parts = []
        for original in _split_sentences(block.text) or [""]:
            norm = normalize(original)
            if parts:
                offset += len(SENTENCE_SEPARATOR)
            sentence_spans.append((offset, offset + len(norm), original))
            parts.append(norm)
            offset += len(norm)
        info.sentences = sentence_spans
        text = SENTENCE_SEPARATOR.join(parts)
        pieces.append(text)
        spans.append((start, start + len(text)))
        offset = start + len(text) + len(BLOCK_SEPARATOR)
    doc_text = BLOCK_SEPARATOR.join(pieces)
    headings = [blocks[i.heading].text if i.heading is not None else "" for i in infos]
    doc = Document(blocks, doc_text, spans, headings, {})
    doc.units = {
        "sentence": list(_sentence_units(blocks, infos, spans)),
        "paragraph": list(_paragraph_units(blocks, infos, spans)),
        "list": list(_list_units(blocks, infos, spans)),
        "section": list(_section_units(blocks, infos, spans)),
    }
    return doc


def _classify(blocks: Sequence[Any]) -> list[_BlockInfo]:
    """Heading, lead-in and operative flags for each block, in one pass per part."""
    infos: list[_BlockInfo] = []
    heading: int | None = None
    lead: int | None = None
    part = None
    in_recitals = after_signature = False
    title_seen = False
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if block.part != part:
            part, heading, lead, in_recitals, after_signature = block.part, None, None, False, False
        kind = getattr(block, "kind", "body")
        is_heading = kind in ("body", "textbox") and bool(text) and looks_like_heading(block, text)
        lowered = text.lower()
        if is_heading:
            heading, lead = i, None
            in_recitals = bool(_RECITAL_HEADING.match(text))
        elif _AGREEMENT_START.match(text):
            in_recitals = False
        if lowered.startswith("in witness whereof"):
            after_signature = True
        recital = lowered.startswith("whereas") or (in_recitals and not is_heading)
        is_title = False
        if not title_seen and text and kind == "body":
            title_seen = True
            is_title = (getattr(block, "heading_level", None) == 0 or
                        (len(text.split()) <= 14 and re.search(r"agreement|contract|memorandum|understanding", lowered) is not None
                         and not lowered.startswith(("this ", "the "))))
        purpose = heading is not None and _PURPOSE_HEADING.search(blocks[heading].text) is not None
        operative = not (is_heading or recital or purpose or is_title or after_signature or kind in ("header", "footer"))
        if text and not is_heading and lead is not None and not _is_item(block, text) and kind != "cell":
            lead = None
        info = _BlockInfo(text, is_heading, operative, heading, lead)
        infos.append(info)
        if not is_heading and text.endswith(":") and kind != "cell":
            lead = i
    return infos


def _context(infos: list[_BlockInfo], spans: list[tuple[int, int]], info: _BlockInfo) -> list[tuple[int, int]]:
    return [spans[i] for i in (info.lead, info.heading) if i is not None]


def _table_rows(blocks: Sequence[Any]) -> dict[int, list[int]]:
    """First block of each table row -> all block indexes in that row."""
    rows: dict[tuple[str, int, int], list[int]] = {}
    for i, block in enumerate(blocks):
        table = getattr(block, "table", None)
        if table is not None:
            rows.setdefault((block.part, table[0], table[1]), []).append(i)
    return {members[0]: members for members in rows.values()}


def _header_rows(blocks: Sequence[Any]) -> dict[tuple[str, int], list[int]]:
    """(part, table ordinal) -> block indexes of the table's first row, the column headings."""
    headers: dict[tuple[str, int], list[int]] = {}
    for i, block in enumerate(blocks):
        table = getattr(block, "table", None)
        if table is not None and table[1] == 0:
            headers.setdefault((block.part, table[0]), []).append(i)
    return headers


def _blocks_and_rows(blocks, infos, spans) -> Iterable[tuple[int, Unit | None]]:
    """Each block that is not a heading, or a whole table row (one unit) at the row's first cell."""
    rows = _table_rows(blocks)
    headers = _header_rows(blocks)
    in_rows = {i for members in rows.values() for i in members}
    for i, info in enumerate(infos):
        if info.is_heading or not info.text:
            continue
        if i in rows:
            yield i, _row_unit(blocks, infos, spans, rows[i], headers)
        elif i not in in_rows:
            yield i, None


def _sentence_units(blocks, infos, spans) -> Iterable[Unit]:
    for i, row in _blocks_and_rows(blocks, infos, spans):
        if row is not None:
            yield row
            continue
        info = infos[i]
        context = _context(infos, spans, info)
        inner_lead: tuple[int, int] | None = None
        for n, (start, end, original) in enumerate(info.sentences):
            if n == 0 and len(info.sentences) > 1 and is_run_in_title(original):
                inner_lead = (start, end)  # "4.2 School rules." titles the text after it
                continue
            yield Unit([(start, end)], [i], info.operative, context + ([inner_lead] if inner_lead else []), original)
            if original.rstrip().endswith(":"):
                inner_lead = (start, end)


def _row_unit(blocks, infos, spans, members: list[int], headers) -> Unit:
    first = infos[members[0]]
    block = blocks[members[0]]
    header = headers.get((block.part, block.table[0]), []) if block.table[1] > 0 else []
    context = [spans[j] for j in header] + ([spans[first.heading]] if first.heading is not None else [])
    display = " | ".join(blocks[j].text for j in members if blocks[j].text.strip())
    return Unit([spans[j] for j in members], list(members), any(infos[j].operative for j in members), context, display)


def _paragraph_units(blocks, infos, spans) -> Iterable[Unit]:
    for i, row in _blocks_and_rows(blocks, infos, spans):
        yield row if row is not None else Unit([spans[i]], [i], infos[i].operative, _context(infos, spans, infos[i]),
                                               blocks[i].text)


def _list_units(blocks, infos, spans) -> Iterable[Unit]:
    """A lead-in with its items, and each table as a whole."""
    members: dict[int, list[int]] = {}
    for i, info in enumerate(infos):
        if info.lead is not None and not info.is_heading:
            members.setdefault(info.lead, []).append(i)
    for lead, items in members.items():
        if len(items) >= 2:
            group = [lead] + items
            info = infos[lead]
            context = [spans[info.heading]] if info.heading is not None else []
            yield Unit([spans[j] for j in group], group, info.operative, context, blocks[lead].text)
    tables: dict[tuple[str, int], list[int]] = {}
    for i, block in enumerate(blocks):
        table = getattr(block, "table", None)
        if table is not None:
            tables.setdefault((block.part, table[0]), []).append(i)
    for group in tables.values():
        if len({blocks[j].table[1] for j in group}) >= 2:
            info = infos[group[0]]
            context = [spans[info.heading]] if info.heading is not None else []
            yield Unit([spans[j] for j in group], group, any(infos[j].operative for j in group), context,
                       " | ".join(blocks[j].text for j in group[:6]))


def _section_units(blocks, infos, spans) -> Iterable[Unit]:
    sections: dict[tuple[str, int | None], list[int]] = {}
    for i, info in enumerate(infos):
        if not info.is_heading and info.text:
            sections.setdefault((blocks[i].part, info.heading), []).append(i)
    for (_, heading), group in sections.items():
        context = [spans[heading]] if heading is not None else []
        yield Unit([spans[j] for j in group], group, any(infos[j].operative for j in group), context,
                   blocks[heading].text if heading is not None else blocks[group[0]].text)
