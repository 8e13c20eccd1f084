"""Compare two Word documents into a tracked-changes redline (issue 4).

`compare(old, new)` returns a copy of NEW whose tracked changes turn it back into OLD: Reject All gives
OLD's text, Accept All gives NEW's text. The redline is written onto NEW's own XML, so NEW's numbering,
styles, section layout and everything the comparison does not touch survive byte for byte.

How it works, per story (the body, each table cell, each header/footer):

1. Read. Each paragraph becomes a list of segments (text, run, run child): the characters of w:t, tabs
   and breaks as whitespace, and every other run child that means something (fields, drawings, note
   references, symbols) as one private-use "object" character keyed by its XML, so an edited picture or
   field is a change but an untouched one is not. Tables become rows of cells, each cell a story.
   Revisions already present in an input are accepted first (both inputs are compared as they read
   after Accept All, so the redline's Reject All gives OLD's accepted text).
2. Align. Paragraphs and tables are matched exactly by the hash of their normalised text (whitespace
   collapsed) with an LCS (difflib on hashes, autojunk off); inside every unmatched gap paragraphs are
   paired in order by word overlap (>= 0.5) and tables with tables. Only a paired pair of paragraphs is
   diffed word by word (tokens: words, whitespace runs, single other characters), so the cost follows
   the size of the edits, not of the document.
3. Write. Inserted paragraphs: runs in w:ins and the mark tracked (w:pPr/w:rPr/w:ins). Deleted
   paragraphs: a copy of OLD's paragraph at its place, runs in w:del with w:delText, mark deleted.
   Changed paragraphs: NEW's runs are split at word boundaries and the inserted words wrapped in w:ins;
   OLD's deleted words come back as w:del runs with OLD's run formatting at the right offsets. Table
   rows: aligned by their cells' text; inserted/deleted rows carry w:trPr/w:ins or w:del and their cell
   text is tracked too (LibreOffice shows a tracked row as changes on its text); paired rows diff cell
   by cell. The last paragraph mark of a story cannot be tracked (Word and LibreOffice keep it), so a
   story's trailing insertion or deletion tracks the mark of the paragraph before it instead.

Formatting-only differences (paragraph properties, run formatting, a no-break space for a space) are
reported in `CompareResult.formatting_changes`, not tracked. Moves show as a deletion and an insertion.

Choices worth knowing: a no-break space and a space compare equal (as in WmlComparer and both text
views), reported as a formatting change; footnote/endnote references inside deleted text are dropped
(the notes themselves are not compared); relationships of deleted OLD content (hyperlinks, pictures)
are re-created in NEW when their target exists there, otherwise a hyperlink keeps its text without the
link and a picture is left out of the deleted copy.
"""
from __future__ import annotations

import copy
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from contractgen.ooxml.namespaces import M, W, W_STRICT, rel_type_name, w_namespace

from contractgen.ooxml.editing import EditablePackage
from contractgen.ooxml.package import _rels_part, open_package
from contractgen.ooxml.revisions import Revisions

__all__ = ["CompareResult", "compare", "compare_files"]

_OBJECT_BASE = 0x100000  # objects become characters of Supplementary Private Use Area-B
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_TOKENS = re.compile(r"\w+|\s+|.", re.S)
_RSID = re.compile(rb'\s(?:w|w14):(?:rsid\w*|paraId|textId)="[^"]*"')
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_PAIR_WINDOW = 60  # how far ahead an unmatched paragraph looks for its partner inside a gap
_SIMILAR = 0.5


@dataclass
class CompareResult:
    """The redline (.docx bytes), how many tracked change regions it holds, and the formatting-only
    differences found (one line each), which are reported rather than tracked."""

    docx: bytes
    changes: int
    formatting_changes: list[str] = field(default_factory=list)


# -- names ---------------------------------------------------------------------------------------------

class _Names:
    _LOCAL = ("p pPr rPr r t delText instrText delInstrText tab ptab br cr noBreakHyphen softHyphen "
              "lastRenderedPageBreak hyperlink smartTag customXml fldSimple dir bdo sdt sdtContent ins moveTo "
              "moveFrom tbl tr tc trPr tcPr tblPrEx body sectPr pStyle rStyle tblStyle numPr numId "
              "rPrChange pPrChange sectPrChange tblPrChange trPrChange tcPrChange tblGridChange tblPrExChange "
              "numberingChange cellIns cellDel cellMerge moveFromRangeStart moveFromRangeEnd moveToRangeStart "
              "moveToRangeEnd customXmlInsRangeStart customXmlInsRangeEnd customXmlDelRangeStart "
              "customXmlDelRangeEnd customXmlMoveFromRangeStart customXmlMoveFromRangeEnd "
              "customXmlMoveToRangeStart customXmlMoveToRangeEnd bookmarkStart bookmarkEnd commentRangeStart "
              "commentRangeEnd commentReference permStart permEnd proofErr footnoteReference endnoteReference "
              "drawing pict object id author date val type").split()

    def __init__(self, ns: str) -> None:
        self.ns = ns
        for local in self._LOCAL:
            setattr(self, local, f"{{{ns}}}{local}")
        self.del_ = f"{{{ns}}}del"
        self.math = frozenset((f"{{{M}}}oMath", f"{{{M}}}oMathPara",
                               "{http://purl.oclc.org/ooxml/officeDocument/math}oMath",
                               "{http://purl.oclc.org/ooxml/officeDocument/math}oMathPara"))
        self.inline = frozenset((self.hyperlink, self.smartTag, self.customXml, self.fldSimple, self.dir, self.bdo))
        self.spaces = {self.tab: "\t", self.ptab: "\t", self.cr: "\n"}
        self.dropped = frozenset((self.bookmarkStart, self.bookmarkEnd, self.commentRangeStart, self.commentRangeEnd,
                                  self.permStart, self.permEnd, self.proofErr, self.moveFromRangeStart, self.moveFromRangeEnd,
                                  self.moveToRangeStart, self.moveToRangeEnd))


_NAMES = {W: _Names(W), W_STRICT: _Names(W_STRICT)}


def _find(el, tag):
    for child in el:
        if child.tag == tag:
            return child
    return None


# -- accepting revisions already present in an input ----------------------------------------------------

def accept_all(root, n: _Names | None = None) -> bool:
    """Accept every tracked change in one part, in place; returns whether there was any."""
    n = n or _NAMES[w_namespace(root)]
    removed_tags = {n.rPrChange, n.pPrChange, n.sectPrChange, n.tblPrChange, n.trPrChange, n.tcPrChange,
                    n.tblGridChange, n.tblPrExChange, n.numberingChange, n.cellIns, n.cellMerge,
                    n.moveFromRangeStart, n.moveFromRangeEnd, n.moveToRangeStart, n.moveToRangeEnd,
                    n.customXmlInsRangeStart, n.customXmlInsRangeEnd, n.customXmlDelRangeStart,
                    n.customXmlDelRangeEnd, n.customXmlMoveFromRangeStart, n.customXmlMoveFromRangeEnd,
                    n.customXmlMoveToRangeStart, n.customXmlMoveToRangeEnd}
    found = list(root.iter(n.ins, n.del_, n.moveFrom, n.moveTo, n.cellDel, *removed_tags))
    if not found:
        return False
    merge, rows = [], []
    for el in found:
        parent = el.getparent()
        if parent is None:
            continue
        tag = el.tag
        if tag in removed_tags:
            parent.remove(el)
        elif tag == n.cellDel:
            tc = parent.getparent()
            if tc is not None and tc.getparent() is not None:
                tc.getparent().remove(tc)
        elif tag in (n.ins, n.moveTo):
            if parent.tag in (n.rPr, n.trPr):
                parent.remove(el)
            else:
                _unwrap(el)
        else:  # w:del, w:moveFrom
            if parent.tag == n.rPr:
                parent.remove(el)
                ppr = parent.getparent()
                if ppr is not None and ppr.tag == n.pPr and ppr.getparent() is not None:
                    merge.append(ppr.getparent())
            elif parent.tag == n.trPr:
                parent.remove(el)
                rows.append(parent.getparent())
            else:
                parent.remove(el)
    for tr in rows:
        if tr is not None and tr.getparent() is not None:
            tr.getparent().remove(tr)
    for p in merge:  # a deleted paragraph mark joins the paragraph with the next one
        nxt = p.getnext()
        if p.getparent() is None or nxt is None or nxt.tag != n.p:
            continue
        content = [child for child in p if child.tag != n.pPr]
        at = 1 if len(nxt) and nxt[0].tag == n.pPr else 0
        for child in reversed(content):
            nxt.insert(at, child)
        p.getparent().remove(p)
    return True


def _unwrap(el) -> None:
    parent = el.getparent()
    at = parent.index(el)
    for i, child in enumerate(list(el)):
        parent.insert(at + i, child)
    parent.remove(el)


# -- the model -------------------------------------------------------------------------------------------

class _Para:
    __slots__ = ("el", "segs", "text", "key", "anchor", "_words")

    def __init__(self, el, segs, text, key) -> None:
        self.el, self.segs, self.text, self.key, self._words = el, segs, text, key, None
        self.anchor = key

    def words(self) -> Counter:
        if self._words is None:
            self._words = Counter(self.key.split())
        return self._words


class _Table:
    __slots__ = ("el", "rows", "key", "anchor", "_words")

    def __init__(self, el, rows) -> None:
        self.el, self.rows, self._words = el, rows, None
        self.key = ("table", tuple(row.key for row in rows))
        # Tables align as tables (by their column count), then their rows are diffed: an edited table
        # stays an anchor for the paragraphs around it.
        self.anchor = ("table", len(rows[0].cells) if rows else 0)

    def words(self) -> Counter:
        if self._words is None:
            self._words = sum((row.words() for row in self.rows), Counter())
        return self._words


class _Row:
    __slots__ = ("el", "cells", "key", "_words")

    def __init__(self, el, cells) -> None:
        self.el, self.cells, self._words = el, cells, None
        self.key = tuple(cell.key for cell in cells)

    def words(self) -> Counter:
        if self._words is None:
            self._words = sum((item.words() for cell in self.cells for item in cell.items), Counter())
        return self._words


class _Cell:
    __slots__ = ("el", "items", "key")

    def __init__(self, el, items) -> None:
        self.el, self.items = el, items
        self.key = tuple(item.key for item in items)


def _walk_pairs(pairs: list[tuple[int, int]], old_gap: list, new_gap: list):
    """Deletions, insertions and pairs in document order, from the paired indexes of a gap."""
    prev_i = prev_j = -1
    for i, j in pairs + [(len(old_gap), len(new_gap))]:
        for k in range(prev_i + 1, i):
            yield ("del", old_gap[k])
        for k in range(prev_j + 1, j):
            yield ("ins", new_gap[k])
        if i < len(old_gap):
            yield ("pair", old_gap[i], new_gap[j])
        prev_i, prev_j = i, j


def _norm(text: str) -> str:
    if not text.isascii():  # the dropped characters are never ASCII
        text = text.translate(_DROP)
    return " ".join(text.split())


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _similarity(a, b) -> float:
    wa, wb = a.words(), b.words()
    total = sum(wa.values()) + sum(wb.values())
    if not total:
        return 1.0
    return 2 * sum((wa & wb).values()) / total


class _Reader:
    """Builds the model of one part; object run children become shared private-use characters."""

    def __init__(self, n: _Names, objects: dict) -> None:
        self.n = n
        self.objects = objects

    def obj(self, el) -> str:
        key = _RSID.sub(b"", etree.tostring(el))
        char = self.objects.get(key)
        if char is None:
            char = self.objects[key] = chr(_OBJECT_BASE + len(self.objects))
        return char

    def items(self, container) -> list:
        n = self.n
        out = []
        for child in container:
            tag = child.tag
            if tag == n.p:
                out.append(self.para(child))
            elif tag == n.tbl:
                out.append(self.table(child))
            elif tag == n.sdt:
                content = _find(child, n.sdtContent)
                if content is not None:
                    out.extend(self.items(content))
            elif tag == n.customXml:
                out.extend(self.items(child))
        return out

    def para(self, p) -> _Para:
        segs: list = []
        self._inline(p, segs)
        text = "".join(s[0] for s in segs)
        return _Para(p, segs, text, _norm(text))

    def _inline(self, container, segs) -> None:
        n = self.n
        for child in container:
            tag = child.tag
            if tag == n.r:
                self._run(child, segs)
            elif tag in n.inline:
                self._inline(child, segs)
            elif tag == n.sdt:
                content = _find(child, n.sdtContent)
                if content is not None:
                    self._inline(content, segs)
            elif tag in n.math:
                segs.append((self.obj(child), None, child))

    def _run(self, r, segs) -> None:
        n = self.n
        for child in r:
            tag = child.tag
            if tag == n.t:
                if child.text:
                    segs.append((child.text, r, child))
            elif tag == n.rPr or tag == n.lastRenderedPageBreak or not isinstance(tag, str):
                continue
            elif tag in n.spaces:
                segs.append((n.spaces[tag], r, child))
            elif tag == n.br and child.get(n.type) in (None, "textWrapping"):
                segs.append(("\n", r, child))
            elif tag == n.noBreakHyphen:
                segs.append(("\u2011", r, child))
            elif tag == n.softHyphen:
                segs.append(("\u00ad", r, child))
            else:
                segs.append((self.obj(child), r, child))

    def table(self, tbl) -> _Table:
        n = self.n
        rows = []
        for tr in self._children(tbl, n.tr):
            rows.append(_Row(tr, [_Cell(tc, self.items(tc)) for tc in self._children(tr, n.tc)]))
        return _Table(tbl, rows)

    def _children(self, el, tag):
        n = self.n
        for child in el:
            if child.tag == tag:
                yield child
            elif child.tag == n.sdt:
                content = _find(child, n.sdtContent)
                if content is not None:
                    yield from self._children(content, tag)
            elif child.tag == n.customXml:
                yield from self._children(child, tag)


# -- relationships of copied OLD content -------------------------------------------------------------------

class _Relations:
    """Maps relationship ids of OLD content copied into a NEW part; adds relationships when needed."""

    def __init__(self, old_pkg, old_part: str, new_pkg: EditablePackage, new_part: str) -> None:
        self.old = old_pkg.rels(old_part)
        self.new_pkg, self.new_part = new_pkg, new_part
        self.by_target = {v: rid for rid, v in new_pkg.rels(new_part).items()}
        self.cache: dict[str, str | None] = {}

    def map(self, rid: str) -> str | None:
        if rid in self.cache:
            return self.cache[rid]
        found = None
        rel = self.old.get(rid)
        if rel is not None:
            found = self.by_target.get(rel)
            if found is None:
                found = self._add(*rel)
        self.cache[rid] = found
        return found

    def _add(self, rtype: str, target: str, mode: str) -> str | None:
        pkg, part = self.new_pkg, self.new_part
        if mode != "External" and not pkg.has(target):
            return None
        if not pkg.has(_rels_part(part)):
            return None
        rid = pkg.add_relationship(part, rtype, target, external=mode == "External")
        self.by_target[(rtype, target, mode)] = rid
        return rid


class _Notes:
    """Footnotes and endnotes referenced from deleted OLD text: each is copied into NEW's notes part under
    a fresh id, its text tracked as deleted (Accept All removes reference and note alike)."""

    def __init__(self, old_pkg, new_pkg: EditablePackage) -> None:
        self.parts = {}
        for plural, kind in (("footnotes", True), ("endnotes", False)):
            old_part = _related(old_pkg, plural)
            new_part = new_pkg.related_part(plural)
            if old_part and new_part:
                self.parts[kind] = (old_pkg, old_part, new_pkg, new_part)
        self.loaded: dict = {}
        self.done: dict = {}
        self.comparer = None

    def copy(self, footnote: bool, old_id: str | None) -> str | None:
        if footnote not in self.parts or old_id is None:
            return None
        if (footnote, old_id) in self.done:
            return self.done[(footnote, old_id)]
        old_pkg, old_part, new_pkg, new_part = self.parts[footnote]
        if footnote not in self.loaded:
            old_root, new_root = old_pkg.xml(old_part), new_pkg.xml(new_part)
            n = _NAMES[w_namespace(new_root)]
            accept_all(old_root, n)
            ids = [int(x) for x in (el.get(n.id) for el in new_root) if x and x.lstrip("-").isdigit()]
            self.loaded[footnote] = [old_root, new_root, max(ids, default=0) + 1]
        old_root, new_root, next_id = self.loaded[footnote]
        comparer = self.comparer
        n = comparer.n
        note = next((el for el in old_root if el.get(n.id) == old_id), None)
        if note is None:
            return None
        saved = comparer.relations, comparer.notes
        comparer.relations = _Relations(old_pkg, old_part, new_pkg, new_part)
        comparer.notes = None
        try:
            copied = comparer.adopt(note)
        finally:
            comparer.relations, comparer.notes = saved
        if copied is None:
            return None
        copied.set(n.id, str(next_id))
        self.loaded[footnote][2] += 1
        for item in comparer.reader.items(copied):
            if isinstance(item, _Para):
                runs = comparer._runs_of(item)
                for run in runs:
                    comparer.to_deleted(run)
                comparer.wrap(runs, "del")
        new_root.append(copied)
        self.done[(footnote, old_id)] = str(next_id)
        return str(next_id)


def _related(pkg, short: str) -> str | None:
    for rtype, target, mode in pkg.rels(pkg.main_part).values():
        if rel_type_name(rtype) == short and mode != "External" and pkg.has(target):
            return target
    return None


# -- the comparison ------------------------------------------------------------------------------------------

class _Comparer:
    def __init__(self, n: _Names, rev: Revisions, styles: set, nums: set) -> None:
        self.n = n
        self.rev = rev
        self.styles, self.nums = styles, nums
        self.changes = 0
        self.formatting: list[str] = []
        self.objects: dict = {}
        self.reader = _Reader(n, self.objects)
        self.relations: _Relations | None = None
        self.notes: _Notes | None = None

    # revision elements ------------------------------------------------------------------------------------
    def revision(self, kind: str):
        return self.rev.revision(kind)

    def mark(self, p, kind: str) -> None:
        """Track the paragraph mark of `p` as inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
        n = self.n
        ppr = _find(p, n.pPr)
        if ppr is None:
            ppr = etree.Element(n.pPr)
            p.insert(0, ppr)
        rpr = _find(ppr, n.rPr)
        if rpr is None:
            rpr = etree.Element(n.rPr)
            later = next((c for c in ppr if c.tag in (n.sectPr, n.pPrChange)), None)
            if later is not None:
                later.addprevious(rpr)
            else:
                ppr.append(rpr)
        for old in [c for c in rpr if c.tag in (n.ins, n.del_)]:
            rpr.remove(old)
        rpr.insert(0, self.revision(kind))

    def unmark(self, p) -> None:
        n = self.n
        ppr = _find(p, n.pPr)
        rpr = _find(ppr, n.rPr) if ppr is not None else None
        if rpr is not None:
            for old in [c for c in rpr if c.tag in (n.ins, n.del_)]:
                rpr.remove(old)

    def wrap(self, elements, kind: str) -> None:
        """Wrap runs (or math) in w:ins / w:del, one wrapper per stretch of adjacent siblings."""
        wrapper = None
        for el in elements:
            prev = el.getprevious()
            if wrapper is None or prev is not wrapper:
                wrapper = self.revision(kind)
                el.addprevious(wrapper)
            wrapper.append(el)

    def to_deleted(self, el) -> None:
        n = self.n
        for sub in el.iter(n.t, n.instrText):
            sub.tag = n.delText if sub.tag == n.t else n.delInstrText

    # copying OLD content into NEW ---------------------------------------------------------------------------
    def adopt(self, el):
        """Make a deep copy of OLD content fit for NEW's part; None when nothing of it may be kept."""
        n = self.n
        el = copy.deepcopy(el)
        if el.tag in n.dropped:
            return None
        for sub in list(el.iter()):
            tag = sub.tag
            if not isinstance(tag, str):
                continue
            if tag in n.dropped:
                if sub.getparent() is not None:
                    sub.getparent().remove(sub)
                continue
            if tag in (n.footnoteReference, n.endnoteReference):
                new_id = self.notes.copy(tag == n.footnoteReference, sub.get(n.id)) if self.notes else None
                if new_id is None:
                    if sub is el:
                        return None
                    sub.getparent().remove(sub)
                else:
                    sub.set(n.id, new_id)
                continue
            for name in list(sub.attrib):
                if name.startswith("{" + _W14):
                    del sub.attrib[name]
                elif name.startswith("{") and name[1:].split("}")[0].endswith("relationships"):
                    new = self.relations.map(sub.get(name)) if self.relations else None
                    if new is not None:
                        sub.set(name, new)
                    elif tag == n.hyperlink:
                        del sub.attrib[name]
                    else:
                        victim = sub
                        while victim.getparent() is not None and victim.getparent().tag != n.r \
                                and victim is not el:
                            victim = victim.getparent()
                        if victim is el:
                            return None
                        victim.getparent().remove(victim)
                        break
            if tag in (n.pStyle, n.rStyle, n.tblStyle) and sub.get(n.val) not in self.styles:
                if sub.getparent() is not None:
                    sub.getparent().remove(sub)
            elif tag == n.numPr:
                num = _find(sub, n.numId)
                if (num is None or num.get(n.val) not in self.nums) and sub.getparent() is not None:
                    sub.getparent().remove(sub)
            elif tag == n.sectPr and sub.getparent() is not None and sub.getparent().tag == n.pPr:
                sub.getparent().remove(sub)
            elif tag in (n.ins, n.del_) and sub.getparent() is not None and sub.getparent().tag == n.rPr:
                sub.getparent().remove(sub)
        return el

    # stories ------------------------------------------------------------------------------------------------
    def story(self, old_items: list, new_items: list, container, where: str) -> None:
        """Redline one story (body, cell, header): NEW's items are in the tree, OLD's are copied in."""
        opcodes = _opcodes([i.anchor for i in old_items], [i.anchor for i in new_items])
        seq: list[tuple[str, object]] = []  # (status, element) in final order
        cursor = None
        first = new_items[0].el if new_items else None

        def place(el):
            nonlocal cursor
            if cursor is not None:
                cursor.addnext(el)
            elif first is not None:
                first.addprevious(el)
            else:
                sect = _find(container, self.n.sectPr)
                if sect is not None:
                    sect.addprevious(el)
                else:
                    container.append(el)
            cursor = el

        number = 0
        for op, i1, i2, j1, j2 in opcodes:
            if op == "equal":
                for o, nw in zip(old_items[i1:i2], new_items[j1:j2]):
                    number += 1
                    if o.key != nw.key:  # tables of the same shape whose content differs
                        self.diff_table(o, nw, where)
                        seq.append(("tbl", nw))
                    else:
                        self.same(o, nw, where, number)
                        seq.append(("eq" if isinstance(nw, _Para) else "tbl", nw))
                    cursor = nw.el
                continue
            at_end = j2 == len(new_items)
            for event in self.pair(old_items[i1:i2], new_items[j1:j2], at_end):
                kind = event[0]
                if kind == "del":
                    old = event[1]
                    if isinstance(old, _Para):
                        el = self.deleted_para(old)
                        if el is None:
                            continue
                        place(el)
                        seq.append(("del", el))
                    else:
                        el = self.deleted_table(old)
                        place(el)
                        seq.append(("tbl", el))
                    self.changes += 1
                elif kind == "ins":
                    nw = event[1]
                    number += 1
                    if isinstance(nw, _Para):
                        self.inserted_para(nw)
                        seq.append(("ins", nw))
                    else:
                        self.inserted_table(nw)
                        seq.append(("tbl", nw))
                    self.changes += 1
                    cursor = nw.el
                else:
                    old, nw = event[1], event[2]
                    number += 1
                    if isinstance(nw, _Para):
                        self.diff_para(old, nw, where, number)
                        seq.append(("chg", nw))
                    else:
                        self.diff_table(old, nw, where)
                        seq.append(("tbl", nw))
                    cursor = nw.el
        self.fix_story_end(seq)

    def fix_story_end(self, seq) -> None:
        """The last paragraph mark of a story cannot be tracked (Word and LibreOffice keep it), and a removed
        mark cannot join a paragraph with a table after it: a stretch of inserted (deleted) paragraphs that
        ends the story or comes right before a table tracks the mark of the paragraph before it instead."""
        for end in range(len(seq)):
            status = seq[end][0]
            if status not in ("ins", "del"):
                continue
            if end + 1 < len(seq) and seq[end + 1][0] != "tbl":
                continue
            k = end
            while k > 0 and seq[k - 1][0] == status:
                k -= 1
            if k == 0 or seq[k - 1][0] not in ("eq", "chg"):
                continue
            before_el = seq[k - 1][1].el
            last = seq[end][1]
            last_el = last if status == "del" else last.el
            self.unmark(last_el)
            self.mark(before_el, status)
            seq[k - 1] = ("moved", seq[k - 1][1])
            if status == "del":  # after Accept All the last mark carries the paragraph: NEW's properties
                n = self.n
                ppr = _find(before_el, n.pPr)
                old_ppr = _find(last_el, n.pPr)
                if old_ppr is not None:
                    last_el.remove(old_ppr)
                if ppr is not None:
                    copied = copy.deepcopy(ppr)
                    self.unmark_ppr(copied)
                    last_el.insert(0, copied)

    def unmark_ppr(self, ppr) -> None:
        n = self.n
        rpr = _find(ppr, n.rPr)
        if rpr is not None:
            for old in [c for c in rpr if c.tag in (n.ins, n.del_)]:
                rpr.remove(old)

    def pair(self, old_gap: list, new_gap: list, at_end: bool):
        """Pair items of one unmatched gap in order (similar paragraphs, tables with tables); yields
        ("del", old), ("ins", new) and ("pair", old, new) in document order, deletions first."""
        pairs = []
        last = -1
        for j, nw in enumerate(new_gap):
            best, best_i = 0.0, None
            for i in range(last + 1, min(len(old_gap), last + 1 + _PAIR_WINDOW)):
                old = old_gap[i]
                if type(old) is not type(nw):
                    continue
                score = 1.0 if isinstance(nw, _Table) else _similarity(old, nw)
                if score > best:
                    best, best_i = score, i
                    if score == 1.0:
                        break
            if best_i is not None and best >= _SIMILAR:
                pairs.append((best_i, j))
                last = best_i
        # Between two pairs, a deleted and an inserted paragraph become one changed paragraph (the last of
        # each): a tracked paragraph mark cannot be removed before a table or at the end of a story, and an
        # inline replacement reads as well as a deleted and an inserted paragraph.
        forced = []
        prev_i = prev_j = -1
        for i, j in pairs + [(len(old_gap), len(new_gap))]:
            olds = [k for k in range(prev_i + 1, i) if isinstance(old_gap[k], _Para)]
            news = [k for k in range(prev_j + 1, j) if isinstance(new_gap[k], _Para)]
            if olds and news:
                forced.append((olds[-1], news[-1]))
            prev_i, prev_j = i, j
        pairs = sorted(pairs + forced)
        yield from _walk_pairs(pairs, old_gap, new_gap)

    # paragraphs ---------------------------------------------------------------------------------------------
    def _runs_of(self, para: _Para) -> list:
        out, seen = [], set()
        for _, run, child in para.segs:
            el = run if run is not None else child
            if id(el) not in seen:
                seen.add(id(el))
                out.append(el)
        # runs without text (empty runs, field characters only) are tracked too
        n = self.n
        for run in para.el.iter(n.r):
            if id(run) not in seen and self._top_level(run, para.el):
                seen.add(id(run))
                out.append(run)
        out.sort(key=_doc_order(para.el))
        return out

    def _top_level(self, run, p) -> bool:
        """Whether a run belongs to paragraph `p` itself (not to a text box inside one of its runs)."""
        n = self.n
        up = run.getparent()
        while up is not None and up is not p:
            if up.tag in (n.r, n.ins, n.del_):
                return False
            up = up.getparent()
        return up is p

    def inserted_para(self, para: _Para, mark: bool = True) -> None:
        self.wrap(self._runs_of(para), "ins")
        if mark:
            self.mark(para.el, "ins")

    def deleted_para(self, old: _Para, mark: bool = True):
        p = self.adopt(old.el)
        if p is None:
            return None
        copy_para = self.reader.para(p)
        runs = self._runs_of(copy_para)
        for run in runs:
            self.to_deleted(run)
        self.wrap(runs, "del")
        if mark:
            self.mark(p, "del")
        return p

    def diff_para(self, old: _Para, new: _Para, where: str, number: int) -> None:
        ta, tb = _tokens(old.text), _tokens(new.text)
        ca, cb = _offsets(ta), _offsets(tb)
        matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
        inserts, deletes = [], []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op in ("delete", "replace"):
                deletes.append((cb[j1], ca[i1], ca[i2]))
            if op in ("insert", "replace"):
                inserts.append((cb[j1], cb[j2]))
        self.changes += len(inserts) + len(deletes)
        self.format_check(old, new, where, number, text=False)
        if inserts or deletes:
            self.apply(new, inserts, deletes, old)

    def apply(self, para: _Para, inserts, deletes, old: _Para) -> None:
        """Wrap NEW's inserted characters in w:ins and put OLD's deleted ones back as w:del runs."""
        n = self.n
        cuts = set()
        for a, b in inserts:
            cuts.add(a)
            cuts.add(b)
        for pos, _, _ in deletes:
            cuts.add(pos)

        def inserted(x: int) -> bool:
            return any(a <= x < b for a, b in inserts)

        groups: list = []  # [run or None, [(start, text, child)]]
        pos = 0
        for text, run, child in para.segs:
            if groups and run is not None and groups[-1][0] is run:
                groups[-1][1].append((pos, text, child))
            else:
                groups.append([run, [(pos, text, child)]])
            pos += len(text)
        length = pos
        starts: dict[int, object] = {}
        last_outer = None
        for run, items in groups:
            rs = items[0][0]
            re_ = items[-1][0] + len(items[-1][1])
            inner = sorted(c for c in cuts if rs < c < re_)
            if run is None or not inner:
                el = run if run is not None else items[0][2]
                if inserted(rs):
                    wrapper = self.revision("ins")
                    el.addprevious(wrapper)
                    wrapper.append(el)
                    el = wrapper
                starts[rs] = last_outer = el
                continue
            bounds = [rs, *inner, re_]
            rpr = _find(run, n.rPr)
            pieces = []
            for x, y in zip(bounds, bounds[1:]):
                piece = etree.Element(n.r, dict(run.attrib))
                if rpr is not None:
                    piece.append(copy.deepcopy(rpr))
                for s, text, child in items:
                    e = s + len(text)
                    if e <= x or s >= y:
                        continue
                    if child.tag == n.t:
                        t = etree.SubElement(piece, n.t)
                        t.text = text[max(x, s) - s:min(y, e) - s]
                        _preserve(t)
                    else:
                        piece.append(child)
                outer = piece
                if inserted(x):
                    outer = self.revision("ins")
                    outer.append(piece)
                pieces.append(outer)
                starts[x] = outer
            for piece in pieces:
                run.addprevious(piece)
            run.getparent().remove(run)
            last_outer = pieces[-1]
        for pos, i1, i2 in deletes:
            deleted = self.deleted_runs(old, i1, i2)
            if deleted is None:
                continue
            if pos < length:
                starts[pos].addprevious(deleted)
            elif last_outer is not None:
                last_outer.addnext(deleted)
            else:
                para.el.append(deleted)

    def deleted_runs(self, old: _Para, i1: int, i2: int):
        n = self.n
        wrapper = self.revision("del")
        pos = 0
        source = current = None
        for text, run, child in old.segs:
            s, e = pos, pos + len(text)
            pos = e
            if e <= i1 or s >= i2:
                continue
            if run is None:
                el = self.adopt(child)
                if el is not None:
                    wrapper.append(el)
                source = None
                continue
            if run is not source:
                source = run
                current = etree.SubElement(wrapper, n.r, dict(run.attrib))
                rpr = _find(run, n.rPr)
                if rpr is not None:
                    rpr = self.adopt(rpr)
                    if rpr is not None:
                        current.append(rpr)
            if child.tag == n.t:
                dt = etree.SubElement(current, n.delText)
                dt.text = text[max(i1, s) - s:min(i2, e) - s]
                _preserve(dt)
            else:
                el = self.adopt(child)
                if el is not None:
                    self.to_deleted(el)
                    current.append(el)
        return wrapper if len(wrapper) else None

    # formatting-only differences ---------------------------------------------------------------------------
    def same(self, old, new, where: str, number: int) -> None:
        if isinstance(new, _Para):
            self.format_check(old, new, where, number, text=True)
        else:
            for r, (orow, nrow) in enumerate(zip(old.rows, new.rows), 1):
                for c, (ocell, ncell) in enumerate(zip(orow.cells, nrow.cells), 1):
                    for k, (o, nw) in enumerate(zip(ocell.items, ncell.items), 1):
                        self.same(o, nw, f"{where}, table row {r} cell {c}", k)

    def _canon(self, el) -> bytes:
        if el is None:
            return b""
        return _RSID.sub(b"", etree.tostring(el))

    def _run_format(self, para: _Para) -> tuple:
        out = []
        for text, run, _ in para.segs:
            key = self._canon(_find(run, self.n.rPr)) if run is not None else b"math"
            if out and out[-1][0] == key:
                out[-1][1] += len(text)
            else:
                out.append([key, len(text)])
        return tuple(map(tuple, out))

    def format_check(self, old: _Para, new: _Para, where: str, number: int, text: bool) -> None:
        what = []
        n = self.n
        old_ppr, new_ppr = _find(old.el, n.pPr), _find(new.el, n.pPr)
        if self._canon_ppr(old_ppr) != self._canon_ppr(new_ppr):
            what.append("paragraph properties")
        if text:
            if self._run_format(old) != self._run_format(new):
                what.append("character formatting")
            if old.text != new.text:
                what.append("spacing characters")
        if what:
            snippet = new.key[:40] + ("..." if len(new.key) > 40 else "")
            self.formatting.append(f"{where} paragraph {number} ({snippet!r}): {' and '.join(what)} changed")

    def _canon_ppr(self, ppr) -> bytes:
        if ppr is None:
            return b""
        n = self.n
        ppr = copy.deepcopy(ppr)
        for sub in [c for c in ppr if c.tag in (n.sectPr, n.pPrChange)]:
            ppr.remove(sub)
        return self._canon(ppr) if len(ppr) else b""

    # tables --------------------------------------------------------------------------------------------------
    def track_cells(self, row: _Row, kind: str) -> None:
        """Track every paragraph of a row's cells (runs and marks, but each cell's last mark)."""
        for cell in row.cells:
            self.track_items(cell.items, kind)

    def track_items(self, items: list, kind: str) -> None:
        for k, item in enumerate(items):
            if isinstance(item, _Para):
                runs = self._runs_of(item)
                if kind == "del":
                    for run in runs:
                        self.to_deleted(run)
                self.wrap(runs, kind)
                if k < len(items) - 1:
                    self.mark(item.el, kind)
            else:
                for row in item.rows:
                    self.row_mark(row.el, kind)
                    self.track_cells(row, kind)

    def row_mark(self, tr, kind: str) -> None:
        n = self.n
        trpr = _find(tr, n.trPr)
        if trpr is None:
            trpr = etree.Element(n.trPr)
            ex = _find(tr, n.tblPrEx)
            if ex is not None:
                ex.addnext(trpr)
            else:
                tr.insert(0, trpr)
        for old in [c for c in trpr if c.tag in (n.ins, n.del_)]:
            trpr.remove(old)
        trpr.append(self.revision(kind))

    def inserted_table(self, table: _Table) -> None:
        for row in table.rows:
            self.row_mark(row.el, "ins")
            self.track_cells(row, "ins")

    def deleted_table(self, old: _Table):
        el = self.adopt(old.el)
        table = self.reader.table(el)
        for row in table.rows:
            self.row_mark(row.el, "del")
            self.track_cells(row, "del")
        return el

    def deleted_row(self, old: _Row):
        el = self.adopt(old.el)
        row = _Row(el, [_Cell(tc, self.reader.items(tc)) for tc in self.reader._children(el, self.n.tc)])
        self.row_mark(el, "del")
        self.track_cells(row, "del")
        return el

    def diff_table(self, old: _Table, new: _Table, where: str) -> None:
        cursor = None
        first = new.rows[0].el if new.rows else None
        number = 0
        for op, i1, i2, j1, j2 in _opcodes([r.key for r in old.rows], [r.key for r in new.rows]):
            if op == "equal":
                for o, nw in zip(old.rows[i1:i2], new.rows[j1:j2]):
                    number += 1
                    for c, (oc, nc) in enumerate(zip(o.cells, nw.cells), 1):
                        for k, (oi, ni) in enumerate(zip(oc.items, nc.items), 1):
                            self.same(oi, ni, f"{where} table row {number} cell {c}", k)
                    cursor = nw.el
                continue
            for event in self._pair_rows(old.rows[i1:i2], new.rows[j1:j2]):
                if event[0] == "del":
                    el = self.deleted_row(event[1])
                    if cursor is not None:
                        cursor.addnext(el)
                    elif first is not None:
                        first.addprevious(el)
                    else:
                        new.el.append(el)
                    cursor = el
                    self.changes += 1
                elif event[0] == "ins":
                    number += 1
                    self.row_mark(event[1].el, "ins")
                    self.track_cells(event[1], "ins")
                    cursor = event[1].el
                    self.changes += 1
                else:
                    number += 1
                    o, nw = event[1], event[2]
                    for c, (oc, nc) in enumerate(zip(o.cells, nw.cells), 1):
                        self.story(oc.items, nc.items, nc.el, f"{where} table row {number} cell {c}")
                    cursor = nw.el

    def _pair_rows(self, old_gap, new_gap):
        pairs = []
        last = -1
        for j, nw in enumerate(new_gap):
            best, best_i = 0.0, None
            for i in range(last + 1, min(len(old_gap), last + 1 + _PAIR_WINDOW)):
                if len(old_gap[i].cells) != len(nw.cells):
                    continue
                score = _similarity(old_gap[i], nw)
                if score > best:
                    best, best_i = score, i
            if best_i is not None and best >= _SIMILAR:
                pairs.append((best_i, j))
                last = best_i
        yield from _walk_pairs(pairs, old_gap, new_gap)


_MYERS_LIMIT = 400  # edit distance beyond which alignment falls back to difflib


def _opcodes(a: list, b: list) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes of a minimal alignment of two key sequences (Myers' O(ND) diff). A contract
    repeats itself (boilerplate, repeated schedules), and difflib's longest-block-first matching then pairs
    far-apart copies; Myers keeps the shortest edit script. Very different sequences use difflib."""
    ids: dict = {}
    a = [ids.setdefault(x, len(ids)) for x in a]
    b = [ids.setdefault(x, len(ids)) for x in b]
    n, m = len(a), len(b)
    start = 0
    while start < n and start < m and a[start] == b[start]:
        start += 1
    end_a, end_b = n, m
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    pairs = _myers(a[start:end_a], b[start:end_b], _MYERS_LIMIT)
    if pairs is None:
        matcher = difflib.SequenceMatcher(None, a[start:end_a], b[start:end_b], autojunk=False)
        pairs = [(i + k, j + k) for i, j, size in matcher.get_matching_blocks() for k in range(size)]
    matched = [(k, k) for k in range(start)] + [(i + start, j + start) for i, j in pairs] + \
        [(end_a + k, end_b + k) for k in range(n - end_a)]
    ops = []
    i = j = 0
    for x, y in matched + [(n, m)]:
        if x > i and y > j:
            ops.append(("replace", i, x, j, y))
        elif x > i:
            ops.append(("delete", i, x, j, j))
        elif y > j:
            ops.append(("insert", i, i, j, y))
        if x < n or y < m:
            if ops and ops[-1][0] == "equal" and ops[-1][2] == x and ops[-1][4] == y:
                ops[-1] = ("equal", ops[-1][1], x + 1, ops[-1][3], y + 1)
            else:
                ops.append(("equal", x, x + 1, y, y + 1))
        i, j = x + 1, y + 1
    return ops


def _myers(a: list, b: list, limit: int) -> list[tuple[int, int]] | None:
    """Matched index pairs of a shortest edit script, or None when it needs more than `limit` edits."""
    n, m = len(a), len(b)
    if not n or not m:
        return []
    offset = limit + 1
    v = [0] * (2 * offset + 1)
    trace = []
    for d in range(limit + 1):
        trace.append(v[:])
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and v[offset + k - 1] < v[offset + k + 1]):
                x = v[offset + k + 1]
            else:
                x = v[offset + k - 1] + 1
            y = x - k
            while x < n and y < m and a[x] == b[y]:
                x += 1
                y += 1
            v[offset + k] = x
            if x >= n and y >= m:
                pairs = []
                x, y = n, m
                for dd in range(d, -1, -1):
                    vv = trace[dd]
                    kk = x - y
                    if kk == -dd or (kk != dd and vv[offset + kk - 1] < vv[offset + kk + 1]):
                        prev_k = kk + 1
                    else:
                        prev_k = kk - 1
                    prev_x = vv[offset + prev_k]
                    prev_y = prev_x - prev_k
                    while x > prev_x and y > prev_y:
                        x -= 1
                        y -= 1
                        pairs.append((x, y))
                    if dd > 0:
                        x, y = prev_x, prev_y
                pairs.reverse()
                return pairs
    return None


def _offsets(tokens: list[str]) -> list[int]:
    out = [0]
    for tok in tokens:
        out.append(out[-1] + len(tok))
    return out


def _preserve(t) -> None:
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _doc_order(root):
    order = {id(el): i for i, el in enumerate(root.iter())}
    return lambda el: order.get(id(el), 0)


# -- the package --------------------------------------------------------------------------------------------

def _style_ids(pkg) -> tuple[set, set]:
    styles, nums = set(), set()
    for short, target in ((rel_type_name(t), target) for t, target, mode in pkg.rels(pkg.main_part).values()
                          if mode != "External"):
        if short == "styles" and pkg.has(target):
            root = pkg.xml(target)
            n = _NAMES[w_namespace(root)]
            styles |= {st.get(f"{{{n.ns}}}styleId") for st in root.iter(f"{{{n.ns}}}style")}
        elif short == "numbering" and pkg.has(target):
            root = pkg.xml(target)
            n = _NAMES[w_namespace(root)]
            nums |= {num.get(n.numId) for num in root.iter(f"{{{n.ns}}}num")}
    return styles, nums


def _header_footer_parts(pkg, root, n) -> dict:
    """(kind, type) -> part for the header/footer references of the document's last section."""
    body = _find(root, n.body)
    sect = _find(body, n.sectPr) if body is not None else None
    if sect is None:
        return {}
    rels = pkg.rels(pkg.main_part)
    out = {}
    for ref in sect:
        local = etree.QName(ref).localname
        if local in ("headerReference", "footerReference"):
            rid = next((v for k, v in ref.attrib.items() if k.endswith("}id")), None)
            rel = rels.get(rid)
            if rel and rel[2] != "External" and pkg.has(rel[1]):
                out[(local, ref.get(n.type, "default"))] = rel[1]
    return out


def _format_date(date) -> str:
    if date is None:
        date = datetime.now(timezone.utc).replace(microsecond=0)
    if isinstance(date, datetime):
        if date.tzinfo is not None:
            date = date.astimezone(timezone.utc).replace(tzinfo=None)
        return date.replace(microsecond=0).isoformat() + "Z"
    return str(date)


def compare(old: Path, new: Path, author: str = "contractgen", date: str | datetime | None = None) -> CompareResult:
    """A redline of OLD into NEW (see the module docstring): tracked changes on NEW's own XML."""
    old_pkg = open_package(Path(old))
    new_pkg = EditablePackage.open(Path(new))
    old_root = old_pkg.xml(old_pkg.main_part)
    new_root = new_pkg.xml(new_pkg.main_part)
    n = _NAMES[w_namespace(new_root)]
    n_old = _NAMES[w_namespace(old_root)]
    if n_old is not n:
        raise ValueError("cannot compare a Strict OOXML document with a Transitional one; save both alike")
    accept_all(old_root, n)
    accept_all(new_root, n)
    styles, nums = _style_ids(new_pkg)
    comparer = _Comparer(n, Revisions(new_pkg, author, _format_date(date)), styles, nums)

    old_body, new_body = _find(old_root, n.body), _find(new_root, n.body)
    comparer.notes = _Notes(old_pkg, new_pkg)
    comparer.notes.comparer = comparer
    if old_body is not None and new_body is not None:
        comparer.relations = _Relations(old_pkg, old_pkg.main_part, new_pkg, new_pkg.main_part)
        comparer.story(comparer.reader.items(old_body), comparer.reader.items(new_body), new_body, "body")

    old_hf = _header_footer_parts(old_pkg, old_root, n)
    done = set()
    for key, new_part in _header_footer_parts(new_pkg, new_root, n).items():
        old_part = old_hf.get(key)
        if old_part is None or new_part in done:
            continue
        done.add(new_part)
        o_root, n_root = old_pkg.xml(old_part), new_pkg.xml(new_part)
        accept_all(o_root, n)
        accept_all(n_root, n)
        comparer.relations = _Relations(old_pkg, old_part, new_pkg, new_part)
        comparer.story(comparer.reader.items(o_root), comparer.reader.items(n_root), n_root,
                       f"{key[0][:6]} ({key[1]})")
    when = datetime(1980, 1, 1)
    return CompareResult(new_pkg.to_bytes(when), comparer.changes, comparer.formatting)


def compare_files(old: Path, new: Path, output: Path, author: str = "contractgen",
                  date: str | datetime | None = None) -> CompareResult:
    """`contractgen compare OLD NEW -o OUTPUT`: write the redline and return the result."""
    result = compare(old, new, author=author, date=date)
    Path(output).write_bytes(result.docx)
    return result
