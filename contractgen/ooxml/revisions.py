"""Tracked changes and comments written the way Word writes them, so Accept All / Reject All work.

Every edit is addressed by offsets into a paragraph's *accepted* text exactly as `blocks.read_blocks`
computes it (whitespace collapsed, ends stripped, a tab or break counts as one space), so the redliner can
find a phrase with the reader and change it here. The notes in docs/ooxml/ (tracked-insertion.md,
tracked-deletion.md, paragraph-mark.md, comments.md, revision-ids.md) explain each rule with a specimen.

Rules that matter for real documents:
- a complex field (w:fldChar begin .. end) and a simple field (w:fldSimple) are atomic: an edit may cover
  or touch one, never split one;
- runs inside w:hyperlink, w:smartTag, w:customXml and inline w:sdt are edited in place;
- text inside another author's w:ins is deleted as w:ins > w:del > w:r (what Word writes, and the form
  LibreOffice honours; w:del > w:ins loses the deletion there); text inside our own insertion is simply
  removed;
- the last paragraph mark of a story cannot be tracked (Word and LibreOffice keep it), so a paragraph
  added after the last one tracks the *preceding* mark instead, and deleting the last paragraph deletes the
  mark before it.
"""
from __future__ import annotations

import copy
import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from contractgen.ooxml.editing import EditablePackage
from contractgen.ooxml.namespaces import M, M_STRICT, MC, W, W_STRICT, rel_type_name, w_namespace
from contractgen.ooxml.package import _safe_parser

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Elements whose w:id is a revision id. Range ends repeat the id of their start and are not counted.
REVISION_ELEMENTS = frozenset((
    "ins del moveFrom moveTo moveFromRangeStart moveToRangeStart rPrChange pPrChange sectPrChange tblPrChange "
    "tblPrExChange trPrChange tcPrChange tblGridChange numberingChange cellIns cellDel cellMerge "
    "customXmlInsRangeStart customXmlDelRangeStart customXmlMoveFromRangeStart customXmlMoveToRangeStart"
).split())
RANGE_ENDS = frozenset((
    "moveFromRangeEnd moveToRangeEnd customXmlInsRangeEnd customXmlDelRangeEnd customXmlMoveFromRangeEnd "
    "customXmlMoveToRangeEnd"
).split())
COMMENT_ELEMENTS = frozenset(("comment", "commentRangeStart", "commentRangeEnd", "commentReference"))

# What blocks.py drops or collapses (see blocks._normalize): the offsets we take are into that text.
_DROP = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_SPACE = re.compile(r"\s")
_PLACEHOLDER = re.compile(r"(\[[^\[\]]+\])")
# CT_RPr children that come after w:highlight, in schema order.
_AFTER_HIGHLIGHT = frozenset(
    "u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange".split())
# Stories whose last paragraph mark cannot be tracked.
_STORIES = frozenset("body tc txbxContent hdr ftr footnote endnote comment".split())


class RevisionError(ValueError):
    """An edit that cannot be expressed as a clean tracked change (it would split a field, say)."""


# -- the paragraph as the editor sees it --------------------------------------------------------------

@dataclass(eq=False)
class _Group:
    """An atomic unit: a complex field (begin..end runs), a simple field, or opaque content (an equation)."""

    kind: str  # "field", "simple", "opaque"
    node: object  # the w:fldSimple / m:oMath element; None for a complex field
    runs: list = field(default_factory=list)
    closed: bool = True


@dataclass(eq=False)
class _Atom:
    """One character of the paragraph's accepted text before normalisation."""

    run: object
    item: object  # the run child that produced it (w:t, w:tab, ...)
    idx: int  # index into the w:t text (0 for other items)
    ch: str
    group: _Group | None


@dataclass
class _Para:
    atoms: list
    runs: list  # (run, visible, group) in document order
    text: str  # the normalised accepted text (== blocks' text for this paragraph alone)
    slots: list  # slots[i]: indexes into atoms behind text[i]
    unbalanced: bool


class Revisions:
    """Allocates ids unique across the whole package (w:ins/w:del/w:rPrChange/... ids and comment ids, also
    when the file already has tracked changes and comments, which stay untouched) and stamps author/date."""

    def __init__(self, package: EditablePackage, author: str = "contractgen",
                 date: str = "2026-01-01T00:00:00Z") -> None:
        self.package = package
        self.author = author
        self.date = date
        self.initials = "".join(word[0] for word in author.split() if word).upper()[:9] or "CG"
        self.ns = w_namespace(package.xml(package.main_part))
        self._math = M_STRICT if self.ns == W_STRICT else M
        self._own: set[str] = set()  # ids of the w:ins elements this object wrote
        self._next = max(existing_ids(package), default=0) + 1

    # -- names and ids -------------------------------------------------------------------------------
    def w(self, local: str) -> str:
        return f"{{{self.ns}}}{local}"

    def is_w(self, el, *locals_: str) -> bool:
        return isinstance(el.tag, str) and el.tag in {self.w(name) for name in locals_}

    def next_id(self) -> int:
        value = self._next
        self._next += 1
        return value

    def revision(self, local: str) -> etree._Element:
        """A new w:ins / w:del (or other change element) with a fresh id, our author and date."""
        el = etree.Element(self.w(local), nsmap={"w": self.ns})
        rid = str(self.next_id())
        el.set(self.w("id"), rid)
        el.set(self.w("author"), self.author)
        el.set(self.w("date"), self.date)
        if local == "ins":
            self._own.add(rid)
        return el

    def is_own(self, el) -> bool:
        return (self.is_w(el, "ins") and el.get(self.w("id")) in self._own
                and el.get(self.w("author")) == self.author)

    # -- reading a paragraph -------------------------------------------------------------------------
    def scan(self, p) -> _Para:
        """The paragraph's accepted text and, for each character, the run content behind it."""
        w = self.w
        atoms: list[_Atom] = []
        runs: list = []
        stack: list[list] = []  # open complex fields: [group, past separate]
        state = {"simple": None, "unbalanced": False}
        transparent = {w(n) for n in ("hyperlink", "smartTag", "customXml", "dir", "bdo", "ins", "moveTo")}
        hidden = {w("del"), w("moveFrom")}
        spaces = {w(n) for n in ("tab", "ptab", "br", "cr")}
        math = {f"{{{self._math}}}oMath", f"{{{self._math}}}oMathPara"}

        def visit(container, visible: bool) -> None:
            for child in container:
                tag = child.tag
                if tag == w("r"):
                    run(child, visible)
                elif tag in transparent:
                    visit(child, visible)
                elif tag in hidden:
                    visit(child, False)
                elif tag == w("sdt"):
                    content = child.find(w("sdtContent"))
                    if content is not None:
                        visit(content, visible)
                elif tag == w("fldSimple"):
                    if stack or state["simple"] is not None:
                        visit(child, visible)
                    else:
                        state["simple"] = _Group("simple", child)
                        visit(child, visible)
                        state["simple"] = None
                elif tag in math and visible and (not stack or all(s[1] for s in stack)):
                    group = _Group("opaque", child)
                    for mt in child.iter(f"{{{self._math}}}t"):
                        for ch in mt.text or "":
                            atoms.append(_Atom(None, child, 0, ch, group))
                elif tag == f"{{{MC}}}AlternateContent":
                    continue

        def run(r, visible: bool) -> None:
            group = stack[0][0] if stack else state["simple"]
            if not visible:
                runs.append((r, False, group))
                return
            for item in r:
                tag = item.tag
                if tag == w("fldChar"):
                    kind = item.get(w("fldCharType"))
                    if kind == "begin":
                        if not stack:
                            group = _Group("field", None)
                        stack.append([group if len(stack) == 0 else stack[0][0], False])
                    elif kind == "separate" and stack:
                        stack[-1][1] = True
                    elif kind == "end":
                        if stack:
                            stack.pop()
                        else:
                            state["unbalanced"] = True
                    continue
                if stack and not all(s[1] for s in stack):
                    continue
                if tag == w("t"):
                    for i, ch in enumerate(item.text or ""):
                        atoms.append(_Atom(r, item, i, ch, group))
                elif tag in spaces:
                    atoms.append(_Atom(r, item, 0, " ", group))
                elif tag == w("noBreakHyphen"):
                    atoms.append(_Atom(r, item, 0, "-", group))
                elif tag == w("sym"):
                    try:
                        value = int(item.get(w("char")) or "", 16)
                    except ValueError:
                        continue
                    if not 0xE000 <= value <= 0xF8FF and value > 0x1F:
                        atoms.append(_Atom(r, item, 0, chr(value), group))
            if group is not None and group.kind != "opaque":
                group.runs.append(r)
            runs.append((r, True, group))

        visit(p, True)
        for open_field in stack:
            open_field[0].closed = False
        text: list[str] = []
        slots: list[list[int]] = []
        for i, atom in enumerate(atoms):
            ch = atom.ch
            if ch in _DROP:
                continue
            if _SPACE.match(ch):
                if not text:
                    continue
                if text[-1] == " ":
                    slots[-1].append(i)
                    continue
                ch = " "
            text.append(ch)
            slots.append([i])
        if text and text[-1] == " ":
            text.pop()
            slots.pop()
        return _Para(atoms, runs, "".join(text), slots, state["unbalanced"] or bool(stack))

    # -- splitting runs ------------------------------------------------------------------------------
    def _split_run(self, run, item, idx: int):
        """Split `run` so that a run starts at character `idx` of `item`; returns that run (None if the
        position is the run's end). The left part keeps the original elements."""
        items = [c for c in run if c.tag != self.w("rPr")]
        k = items.index(item)
        is_t = item.tag == self.w("t")
        length = len(item.text or "") if is_t else 1
        if idx <= 0:
            if k == 0:
                return run
            right = items[k:]
        elif idx >= length:
            right = items[k + 1:]
        else:
            text = item.text
            item.text = text[:idx]
            preserve(item)
            piece = etree.Element(self.w("t"))
            piece.text = text[idx:]
            preserve(piece)
            right = [piece, *items[k + 1:]]
        if not right:
            return None
        new = run.makeelement(run.tag, dict(run.attrib))
        rpr = run.find(self.w("rPr"))
        if rpr is not None:
            new.append(self._copy_rpr(rpr, keep_change=True))
        for child in right:
            new.append(child)
        run.addnext(new)
        return new

    def _copy_rpr(self, rpr, keep_change: bool):
        """A copy of a w:rPr: a formatting change it records gets a fresh id, or is dropped for new text."""
        out = copy.deepcopy(rpr)
        for change in out.findall(self.w("rPrChange")):
            if keep_change:
                change.set(self.w("id"), str(self.next_id()))
            else:
                out.remove(change)
        for mark in [c for c in out if c.tag in {self.w(n) for n in ("ins", "del", "moveFrom", "moveTo")}]:
            out.remove(mark)
        return out

    def split_before(self, atom: _Atom):
        """The run that starts at `atom` (a field's first run when the atom is field text)."""
        if atom.group is not None:
            return self._group_edge(atom.group, first=True)
        return self._split_run(atom.run, atom.item, atom.idx)

    def split_after(self, atom: _Atom):
        """The run that ends at `atom` (a field's last run when the atom is field text)."""
        if atom.group is not None:
            return self._group_edge(atom.group, first=False)
        self._split_run(atom.run, atom.item, atom.idx + 1)
        return atom.run

    def _group_edge(self, group: _Group, first: bool):
        if group.kind == "opaque":
            return group.node
        if not group.closed:
            raise RevisionError("the paragraph has a field that continues in another paragraph; "
                                "it cannot be edited here")
        return group.runs[0] if first else group.runs[-1]

    # -- placing new content -------------------------------------------------------------------------
    def place(self, anchor, nodes: list, after: bool, wrap: bool) -> None:
        """Put `nodes` right after (or before) `anchor`. With `wrap`, they are runs to be tracked as inserted:
        they join our own insertion when the anchor is in one, else get a new w:ins; another author's
        w:ins/w:moveTo around the anchor is split so ours does not nest in it. Without `wrap` (comment
        marks) they are lifted out of any tracked change."""
        parent = anchor.getparent()
        while True:
            if parent.tag == self.w("fldSimple"):
                anchor, parent = parent, parent.getparent()
                continue
            if not self.is_w(parent, "ins", "moveTo", "del", "moveFrom"):
                break
            if wrap and self.is_own(parent):
                self._put(anchor, nodes, after)
                return
            self._split_change(parent, anchor, after)
            anchor, parent = parent, parent.getparent()
        if wrap:
            ins = self.revision("ins")
            for node in nodes:
                ins.append(node)
            nodes = [ins]
        self._put(anchor, nodes, after)

    @staticmethod
    def _put(anchor, nodes: list, after: bool) -> None:
        if after:
            for node in reversed(nodes):
                anchor.addnext(node)
        else:
            for node in nodes:
                anchor.addprevious(node)

    def _split_change(self, change, anchor, after: bool) -> None:
        """Move the siblings after (or before) `anchor` into a copy of the change element with a new id."""
        siblings = list(anchor.itersiblings(preceding=not after))
        if not siblings:
            return
        clone = change.makeelement(change.tag, dict(change.attrib))
        rid = str(self.next_id())
        if self.is_own(change):
            self._own.add(rid)
        clone.set(self.w("id"), rid)
        if after:
            for sibling in siblings:
                clone.append(sibling)
            change.addnext(clone)
        else:
            for sibling in reversed(siblings):
                clone.append(sibling)
            change.addprevious(clone)

    def make_runs(self, text: str, rpr=None, highlight: bool = False) -> list:
        """Runs for `text` ("\\t" -> w:tab, "\\n" -> w:br) with a copy of `rpr`; with `highlight`, each
        [PLACEHOLDER] gets its own yellow-highlighted run."""
        pieces = _PLACEHOLDER.split(text) if highlight else [text]
        out = []
        for i, piece in enumerate(pieces):
            if not piece:
                continue
            r = etree.Element(self.w("r"), nsmap={"w": self.ns})
            props = self._copy_rpr(rpr, keep_change=False) if rpr is not None else None
            if highlight and i % 2 == 1:
                props = props if props is not None else etree.Element(self.w("rPr"))
                self._set_highlight(props)
            if props is not None and len(props):
                r.append(props)
            for j, chunk in enumerate(re.split(r"(\t|\n)", piece)):
                if chunk == "\t":
                    etree.SubElement(r, self.w("tab"))
                elif chunk == "\n":
                    etree.SubElement(r, self.w("br"))
                elif chunk:
                    t = etree.SubElement(r, self.w("t"))
                    t.text = chunk
                    preserve(t)
            out.append(r)
        return out

    def _set_highlight(self, rpr) -> None:
        for old in rpr.findall(self.w("highlight")):
            rpr.remove(old)
        mark = etree.Element(self.w("highlight"))
        mark.set(self.w("val"), "yellow")
        for i, child in enumerate(rpr):
            if etree.QName(child).localname in _AFTER_HIGHLIGHT:
                rpr.insert(i, mark)
                return
        rpr.append(mark)

    # -- deleting runs -------------------------------------------------------------------------------
    def delete_runs(self, runs: list) -> None:
        """Track `runs` as deleted: consecutive siblings share one w:del; a run in our own insertion is
        removed outright; a run in another author's insertion gets its w:del inside that w:ins."""
        batches: list[list] = []
        for r in runs:
            parent = r.getparent()
            if self.is_own(parent):
                parent.remove(r)
                if not len(parent):
                    parent.getparent().remove(parent)
                continue
            if batches and batches[-1][-1].getnext() is r:
                batches[-1].append(r)
            else:
                batches.append([r])
        for batch in batches:
            deletion = self.revision("del")
            batch[0].addprevious(deletion)
            for r in batch:
                deletion.append(r)
                for el in list(r.iter(self.w("t"), self.w("instrText"))):
                    el.tag = self.w("delText") if el.tag == self.w("t") else self.w("delInstrText")

    def runs_between(self, p, first, last) -> list:
        """The visible runs from `first` to `last` in document order that a deletion takes: whole fields
        only, and never a run holding a comment reference."""
        para = self.scan(p)
        order = [r for r, visible, _ in para.runs]
        i = next(k for k, r in enumerate(order) if r is first)
        j = next(k for k, r in enumerate(order) if r is last)
        chosen = para.runs[i:j + 1]
        inside = {id(r) for r, _, _ in chosen}
        out = []
        for r, visible, group in chosen:
            if not visible:
                continue
            if group is not None and group.kind != "opaque" and not all(id(x) in inside for x in group.runs):
                continue
            if r.find(self.w("commentReference")) is not None:
                continue
            out.append(r)
        return out

    # -- paragraph marks -----------------------------------------------------------------------------
    def paragraph_rpr(self, p, create: bool = True):
        """w:pPr/w:rPr (the paragraph mark's properties), created in schema position when asked."""
        ppr = p.find(self.w("pPr"))
        if ppr is None:
            if not create:
                return None
            ppr = etree.Element(self.w("pPr"))
            p.insert(0, ppr)
        rpr = ppr.find(self.w("rPr"))
        if rpr is None and create:
            rpr = etree.Element(self.w("rPr"))
            tail = [c for c in ppr if c.tag in (self.w("sectPr"), self.w("pPrChange"))]
            if tail:
                tail[0].addprevious(rpr)
            else:
                ppr.append(rpr)
        return rpr

    def track_mark(self, p, kind: str) -> None:
        """Mark the paragraph mark inserted or deleted (w:pPr/w:rPr/w:ins|w:del, first in w:rPr)."""
        rpr = self.paragraph_rpr(p)
        if rpr.find(self.w(kind)) is not None:
            return
        existing_ins = rpr.find(self.w("ins"))
        if kind == "del" and existing_ins is not None and self.is_own(existing_ins):
            rpr.remove(existing_ins)  # our own new mark: deleting it just takes it back
            return
        mark = self.revision(kind)
        if kind == "del" and existing_ins is not None:
            existing_ins.addnext(mark)
        else:
            rpr.insert(0, mark)

    def is_last_paragraph(self, p) -> bool:
        """True for the last paragraph of its story (body, cell, note, header...): its mark stays."""
        node = p
        while True:
            if any(isinstance(s.tag, str) and s.tag != self.w("sectPr") for s in node.itersiblings()):
                return False
            parent = node.getparent()
            if parent is None:
                return True
            if parent.tag == self.w("sdtContent"):
                node = parent.getparent()
            elif parent.tag == self.w("customXml"):
                node = parent
            else:
                return etree.QName(parent).localname in _STORIES

    def mark_state(self, p, kind: str):
        rpr = self.paragraph_rpr(p, create=False)
        return rpr.find(self.w(kind)) if rpr is not None else None


def preserve(t) -> None:
    """xml:space="preserve" on a w:t/w:delText whose text has leading or trailing whitespace."""
    text = t.text or ""
    if text != text.strip():
        t.set(XML_SPACE, "preserve")


# -- edits ---------------------------------------------------------------------------------------------

def _check_range(para: _Para, start: int, end: int) -> None:
    if not 0 <= start <= end <= len(para.text):
        raise RevisionError(f"range {start}..{end} is outside the paragraph text ({len(para.text)} characters)")
    if para.unbalanced:
        raise RevisionError("the paragraph has a field that continues in another paragraph; it cannot be edited")


def _span(para: _Para, start: int, end: int, deleting: bool = False) -> tuple[_Atom, _Atom]:
    """The first and last atoms behind text[start:end]; refuses to cut a field or equation in two (and to
    delete an equation, which has no tracked form we write)."""
    lo, hi = min(para.slots[start]), max(para.slots[end - 1])
    extent: dict[int, list[int]] = {}
    for k, atom in enumerate(para.atoms):
        if atom.group is not None:
            extent.setdefault(id(atom.group), [k, k])[1] = k
            if deleting and atom.group.kind == "opaque" and lo <= k <= hi:
                raise RevisionError("deleting an equation is not supported")
    for first, last in extent.values():
        if (lo <= first <= hi) != (lo <= last <= hi) or (first < lo and last > hi):
            raise RevisionError("the range cuts through a field or equation; extend it to the whole field")
    return para.atoms[lo], para.atoms[hi]


def _split_span(rev: Revisions, first: _Atom, last: _Atom):
    """Split runs so that whole runs cover first..last; returns (first run, last run) of the span."""
    end_run = rev.split_after(last)
    start_run = rev.split_before(first)
    if first.group is None and last.group is None and first.run is last.run:
        end_run = start_run  # the span was cut out of one run: it is the new right-hand piece
    return start_run, end_run


def _insertion_point(rev: Revisions, p, para: _Para, offset: int):
    """(anchor, after, run whose formatting new text takes) for an insertion at `offset`."""
    if not para.atoms:
        return None, True, None
    if not para.slots:  # only invisible or blank characters
        atom = para.atoms[-1]
        return rev.split_after(atom), True, atom.run
    if 0 < offset < len(para.text):
        before, following = para.atoms[max(para.slots[offset - 1])], para.atoms[min(para.slots[offset])]
        if before.group is not None and before.group is following.group:
            raise RevisionError("cannot insert inside a field or equation")
    if offset > 0:
        atom = para.atoms[max(para.slots[offset - 1])]
        return rev.split_after(atom), True, atom.run
    atom = para.atoms[min(para.slots[0])]
    return rev.split_before(atom), False, atom.run


def _mark_rpr(rev: Revisions, p):
    """The paragraph mark's run properties: the formatting Word gives text typed into an empty paragraph."""
    return rev.paragraph_rpr(p, create=False)


def _place_new_runs(rev: Revisions, p, anchor, after: bool, runs: list) -> None:
    if anchor is None:  # a paragraph without text: the insertion goes at its end
        ins = rev.revision("ins")
        for r in runs:
            ins.append(r)
        p.append(ins)
        return
    rev.place(anchor, runs, after, wrap=True)


def insert_text(rev: Revisions, p, offset: int, text: str) -> None:
    """Insert `text` at `offset` of the paragraph's accepted text as a tracked insertion. The new run takes
    the formatting of the character before the offset (of the first character at offset 0), as typing in
    Word does."""
    para = rev.scan(p)
    _check_range(para, offset, offset)
    if not text:
        return
    anchor, after, source = _insertion_point(rev, p, para, offset)
    rpr = source.find(rev.w("rPr")) if source is not None else _mark_rpr(rev, p)
    _place_new_runs(rev, p, anchor, after, rev.make_runs(text, rpr))


def delete_text(rev: Revisions, p, start: int, end: int) -> None:
    """Track text[start:end] of the paragraph's accepted text as deleted; runs are split at the ends and
    each piece keeps its w:rPr."""
    para = rev.scan(p)
    _check_range(para, start, end)
    if start == end:
        return
    first, last = _span(para, start, end, deleting=True)
    start_run, end_run = _split_span(rev, first, last)
    rev.delete_runs(rev.runs_between(p, start_run, end_run))


def replace_text(rev: Revisions, p, start: int, end: int, new_text: str) -> None:
    """Delete text[start:end] and insert `new_text` right after the deletion (as Word's typing over a
    selection does), in the formatting of the first replaced character."""
    if start == end:
        insert_text(rev, p, start, new_text)
        return
    if not new_text:
        delete_text(rev, p, start, end)
        return
    para = rev.scan(p)
    _check_range(para, start, end)
    first, last = _span(para, start, end, deleting=True)
    source = first.run
    start_run, end_run = _split_span(rev, first, last)
    doomed = rev.runs_between(p, start_run, end_run)
    anchor = last.group.node if last.group is not None and last.group.kind == "opaque" else end_run
    rpr = source.find(rev.w("rPr")) if source is not None else None
    rev.place(anchor, rev.make_runs(new_text, rpr), after=True, wrap=True)
    rev.delete_runs(doomed)


def _new_paragraph(rev: Revisions, text: str, style, run_props, highlight: bool):
    p = etree.Element(rev.w("p"), nsmap={"w": rev.ns})
    ppr = etree.SubElement(p, rev.w("pPr"))
    if style:
        etree.SubElement(ppr, rev.w("pStyle")).set(rev.w("val"), style)
    runs = rev.make_runs(text, run_props, highlight)
    if runs:
        ins = rev.revision("ins")
        for r in runs:
            ins.append(r)
        p.append(ins)
    return p


def insert_paragraph_after(rev: Revisions, anchor_p, text: str, style: str | None = None, run_props=None,
                           highlight: bool = False):
    """A whole tracked paragraph after `anchor_p`: its runs in w:ins and its mark tracked, so Reject All
    removes it completely. `run_props` is a w:rPr element to copy onto the runs. After the last paragraph
    of a story the anchor's mark is tracked instead (that last mark cannot be), which is the same change."""
    p = _new_paragraph(rev, text, style, run_props, highlight)
    if rev.is_last_paragraph(anchor_p):
        rev.track_mark(anchor_p, "ins")
        if len(p[0]) == 0:
            p[0].getparent().remove(p[0])
    else:
        rev.track_mark(p, "ins")
    anchor_p.addnext(p)
    return p


def insert_paragraph_before(rev: Revisions, anchor_p, text: str, style: str | None = None, run_props=None,
                            highlight: bool = False):
    """A whole tracked paragraph before `anchor_p` (its own mark tracked: it is never the last one)."""
    p = _new_paragraph(rev, text, style, run_props, highlight)
    rev.track_mark(p, "ins")
    anchor_p.addprevious(p)
    return p


def delete_paragraph(rev: Revisions, p) -> None:
    """Track the whole paragraph as deleted: runs in w:del (w:t -> w:delText, w:instrText ->
    w:delInstrText) and its mark deleted. For the last paragraph of a story the preceding mark is deleted
    instead; a paragraph this object inserted is simply removed."""
    own_mark = rev.mark_state(p, "ins")
    if own_mark is not None and rev.is_own(own_mark):
        p.getparent().remove(p)
        return
    para = rev.scan(p)
    if para.unbalanced:
        raise RevisionError("the paragraph has a field that continues in another paragraph; it cannot be deleted")
    runs = [r for r, visible, _ in para.runs]
    if runs:
        rev.delete_runs(rev.runs_between(p, runs[0], runs[-1]))
    if rev.is_last_paragraph(p):
        previous = p.getprevious()
        while previous is not None and not isinstance(previous.tag, str):
            previous = previous.getprevious()
        if previous is not None and previous.tag == rev.w("p"):
            rev.track_mark(previous, "del")
    else:
        rev.track_mark(p, "del")


def add_comment(rev: Revisions, p, start: int, end: int, text: str) -> int:
    """A comment on text[start:end]: w:commentRangeStart/End around the range, a reference run after it
    (styled CommentReference when the document has that style), and the w:comment in comments.xml with
    our author, date and initials. Returns the comment id."""
    para = rev.scan(p)
    _check_range(para, start, end)
    cid = str(rev.next_id())
    w = rev.w
    range_start = etree.Element(w("commentRangeStart"))
    range_start.set(w("id"), cid)
    range_end = etree.Element(w("commentRangeEnd"))
    range_end.set(w("id"), cid)
    reference = etree.Element(w("r"))
    styles = _style_ids(rev)
    if "CommentReference" in styles:
        etree.SubElement(etree.SubElement(reference, w("rPr")), w("rStyle")).set(w("val"), "CommentReference")
    etree.SubElement(reference, w("commentReference")).set(w("id"), cid)
    if start < end:
        first, last = _span(para, start, end)
        start_node, end_node = _split_span(rev, first, last)
        rev.place(start_node, [range_start], after=False, wrap=False)
        rev.place(end_node, [range_end, reference], after=True, wrap=False)
    else:
        anchor, after, _ = _insertion_point(rev, p, para, start)
        if anchor is None:
            for node in (range_start, range_end, reference):
                p.append(node)
        else:
            rev.place(anchor, [range_start, range_end, reference], after=after, wrap=False)

    comments = rev.package.ensure_comments()
    comment = etree.SubElement(comments, w("comment"))
    comment.set(w("id"), cid)
    comment.set(w("author"), rev.author)
    comment.set(w("date"), rev.date)
    comment.set(w("initials"), rev.initials)
    for i, line in enumerate(text.split("\n")):
        cp = etree.SubElement(comment, w("p"))
        if "CommentText" in styles:
            etree.SubElement(etree.SubElement(cp, w("pPr")), w("pStyle")).set(w("val"), "CommentText")
        if i == 0:
            ref = etree.SubElement(cp, w("r"))
            if "CommentReference" in styles:
                etree.SubElement(etree.SubElement(ref, w("rPr")), w("rStyle")).set(w("val"), "CommentReference")
            etree.SubElement(ref, w("annotationRef"))
        if line:
            t = etree.SubElement(etree.SubElement(cp, w("r")), w("t"))
            t.text = line
            preserve(t)
    return int(cid)


def _style_ids(rev: Revisions) -> set[str]:
    part = rev.package.related_part("styles")
    if part is None:
        return set()
    return {st.get(rev.w("styleId")) for st in rev.package.xml(part).iter(rev.w("style"))}


# -- ids and checks ------------------------------------------------------------------------------------

_ID_PARTS = frozenset("footnotes endnotes header footer comments styles numbering glossaryDocument".split())


def _word_parts(package) -> list[str]:
    """The main part and the Word parts it relates to that may hold revisions or comments."""
    parts = [package.main_part]
    for rtype, target, mode in package.rels(package.main_part).values():
        if (mode != "External" and rel_type_name(rtype) in _ID_PARTS and package.has(target)
                and target not in parts):
            parts.append(target)
    return parts


def existing_ids(package) -> list[int]:
    """Every numeric w:id of a revision or comment element in the package's Word parts."""
    out = []
    for part in _word_parts(package):
        root = package.xml(part)
        ns = w_namespace(root)
        if not (root.tag.startswith(f"{{{W}}}") or root.tag.startswith(f"{{{W_STRICT}}}")):
            continue
        id_attr = f"{{{ns}}}id"
        for el in root.iter():
            if not isinstance(el.tag, str) or not el.tag.startswith(f"{{{ns}}}"):
                continue
            local = el.tag[len(ns) + 2:]
            if local in REVISION_ELEMENTS or local in RANGE_ENDS or local in COMMENT_ELEMENTS:
                try:
                    out.append(int(el.get(id_attr, "")))
                except ValueError:
                    pass
    return out


def check_package(data: bytes) -> list[str]:
    """Reopen written bytes and list what Word or LibreOffice would choke on (empty = fine): an XML part
    that does not parse, a revision id or comment id used twice, a comment without its reference or with
    unbalanced range marks, w:t inside w:del, w:delText outside w:del, and spaces at the ends of a
    w:t/w:delText without xml:space="preserve"."""
    problems: list[str] = []
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        return [f"not a zip package: {exc}"]
    roots = {}
    for name in zf.namelist():
        if not name.lower().endswith((".xml", ".rels")):
            continue
        try:
            roots[name] = etree.fromstring(zf.read(name), _safe_parser())
        except etree.XMLSyntaxError as exc:
            problems.append(f"{name}: not well-formed XML ({exc})")
    revision_ids: dict[str, str] = {}
    comments: dict[str, int] = {}
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    references: dict[str, int] = {}
    for name, root in roots.items():
        ns = w_namespace(root)
        if not isinstance(root.tag, str) or not root.tag.startswith(f"{{{ns}}}"):
            continue
        w = lambda local: f"{{{ns}}}{local}"  # noqa: E731
        id_attr = w("id")
        for el in root.iter(*[w(local) for local in REVISION_ELEMENTS]):
            rid = el.get(id_attr)
            local = el.tag[len(ns) + 2:]
            if rid in revision_ids:
                problems.append(f"{name}: revision id {rid} of w:{local} is also used in {revision_ids[rid]}")
            else:
                revision_ids[rid] = name
        for local, counts in (("comment", comments), ("commentRangeStart", starts), ("commentRangeEnd", ends),
                              ("commentReference", references)):
            for el in root.iter(w(local)):
                key = el.get(id_attr)
                counts[key] = counts.get(key, 0) + 1
        for deleted in root.iter(w("del")):  # live text inside a deletion
            for local in ("t", "instrText"):
                if next(deleted.iter(w(local)), None) is not None:
                    problems.append(f"{name}: w:{local} inside w:del (should be w:del{local[0].upper()}{local[1:]})")
        for local in ("delText", "delInstrText"):
            for el in root.iter(w(local)):
                if not any(a.tag == w("del") for a in el.iterancestors()):
                    problems.append(f"{name}: w:{local} outside w:del")
        for local in ("t", "delText"):
            for el in root.iter(w(local)):
                text = el.text or ""
                if text and (text[0].isspace() or text[-1].isspace()) and el.get(XML_SPACE) != "preserve":
                    problems.append(f"{name}: w:{local} {text!r} has edge spaces without xml:space=\"preserve\"")
    for cid, count in comments.items():
        if count > 1:
            problems.append(f"comment id {cid} is used by {count} comments")
        if not references.get(cid):
            problems.append(f"comment {cid} has no w:commentReference")
        if starts.get(cid, 0) != ends.get(cid, 0) or starts.get(cid, 0) > 1:
            problems.append(f"comment {cid} has {starts.get(cid, 0)} range starts and {ends.get(cid, 0)} range ends")
    return problems


__all__ = [
    "EditablePackage", "Revisions", "RevisionError", "insert_paragraph_after", "insert_paragraph_before",
    "delete_paragraph", "delete_text", "insert_text", "replace_text", "add_comment", "check_package",
]
