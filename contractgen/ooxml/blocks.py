"""A Word document as ordered text blocks with stable locations, read straight from the XML.

python-docx's `Paragraph.text` silently drops text inside tracked insertions, smart tags, inline
content controls and simple fields, and never sees text boxes or notes. The linter needs every word a
reader of the contract sees, so this module walks each part once with lxml and builds one `Block` per
paragraph, in reading order:

1. the main document body: paragraphs, tables (row by row, cell by cell, nested tables inline),
   content controls and custom-XML / smart-tag wrappers transparently, and text boxes (kind
   "textbox") right after the paragraph that anchors them;
2. the footnotes and endnotes the body references, in order of first reference;
3. the headers and footers the section properties reference.

Two views of tracked changes: "accepted" (Accept All) and "original" (Reject All). A paragraph whose
mark is removed in the view is merged with the next paragraph, as Word does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from contractgen.ooxml.namespaces import MC, M, M_STRICT, R, R_STRICT, W, W_STRICT, rel_type_name, w_namespace

VIEWS = ("accepted", "original")


@dataclass(frozen=True)
class RunSpan:
    """Where one run's text sits in `Block.text`: text[start:end]; `path` is the run's lxml getpath()."""

    start: int
    end: int
    path: str


@dataclass(frozen=True)
class Block:
    """One paragraph of a Word part in the chosen view (see the module docstring)."""

    part: str
    index: int
    text: str
    kind: str
    style: str | None
    heading_level: int | None
    heading: str
    label: str | None
    table: tuple[int, int, int] | None
    sdt: bool
    runs: tuple[RunSpan, ...]


# Building the frozen dataclasses above through their __init__ costs one object.__setattr__ call per field,
# a good part of reading a long document; these build the very same objects (a dataclass keeps its fields
# in the instance __dict__; neither class has a __post_init__ or defaults).
_new = object.__new__


def _run_span(start: int, end: int, path: str) -> RunSpan:
    span = _new(RunSpan)
    fields = span.__dict__
    fields["start"] = start
    fields["end"] = end
    fields["path"] = path
    return span


def _block(part: str, index: int, text: str, kind: str, style: str | None, heading_level: int | None,
           heading: str, label: str | None, table: tuple[int, int, int] | None, sdt: bool,
           runs: tuple[RunSpan, ...]) -> Block:
    block = _new(Block)
    block.__dict__.update(part=part, index=index, text=text, kind=kind, style=style, heading_level=heading_level,
                          heading=heading, label=label, table=table, sdt=sdt, runs=runs)
    return block


# -- text normalisation --------------------------------------------------------------------------------

# Soft hyphens and zero-width characters are invisible in Word and split words for a matcher.
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"\s+")


def _normalize(segments: list[tuple[str, object]], getpath) -> tuple[str, tuple[RunSpan, ...]]:
    """Join (text, run) segments: whitespace runs collapse to one space, the result is stripped, and each
    run gets one span over what it contributed (runs contributing nothing get none)."""
    spans: list[list] = []  # [start, end, run]
    last = None  # spans[-1]
    length = 0
    joined = "".join([text for text, _ in segments])
    # Printable text without a double space has nothing to drop or collapse: every character of _DROP and
    # every whitespace character but " " is non-printable. When the whole paragraph is so and has no space
    # to strip at either end, every segment stays as it is.
    if joined.isprintable() and "  " not in joined and joined[:1] != " " and joined[-1:] != " ":
        for text, run in segments:
            if text:
                start = length
                length += len(text)
                if last is not None and last[2] is run:
                    last[1] = length
                else:
                    last = [start, length, run]
                    spans.append(last)
        return joined, _spans(joined, length, spans, getpath)
    # The general case, segment by segment.
    out: list[str] = []
    ends_space = True  # strips leading whitespace
    sub = _SPACES.sub
    for text, run in segments:
        if not text.isprintable() or "  " in text:
            text = sub(" ", text.translate(_DROP))
        if not text:
            continue
        if ends_space and text[0] == " ":
            text = text[1:]
            if not text:
                continue
        start = length
        out.append(text)
        length += len(text)
        ends_space = text[-1] == " "
        if last is not None and last[2] is run and last[1] == start:
            last[1] = length
        else:
            last = [start, length, run]
            spans.append(last)
    joined = "".join(out)
    if ends_space and length:
        joined = joined[:-1]
        length -= 1
    return joined, _spans(joined, length, spans, getpath)


def _spans(joined: str, length: int, spans: list[list], getpath) -> tuple[RunSpan, ...]:
    """RunSpans for [start, end, run] spans over `joined` (of `length`), trimmed to what each run shows."""
    kept = []
    for span in spans:
        start, end = span[0], span[1]
        if end > length:
            end = span[1] = length
        # A run's own leading space (after a non-space) stays in its span; trim it so spans hold words.
        if start < end and joined[start] == " ":
            while start < end and joined[start] == " ":
                start += 1
            span[0] = start
        if end > start:
            kept.append(span)
    if not kept:
        return ()
    paths = getpath.many([run for _, _, run in kept])
    return tuple([_run_span(start, end, path) for (start, end, _), path in zip(kept, paths)])


class _Paths:
    """`tree.getpath(el)` for the elements of one parsed part, without its cost: libxml2 counts an
    element's siblings on every call, which is quadratic over a long body. Each parent's children get
    their paths in one pass, with libxml2's rules (see xmlGetNodePath): element siblings only, "prefix:name"
    steps, "[n]" among the siblings with the same prefix and local name when there is more than one. Parts
    this does not cover (the root, default-namespace elements, very long names) ask lxml itself."""

    def __init__(self, tree) -> None:
        self.tree = tree
        self.parents: dict = {}  # parent element -> {child element: path}, or False to ask lxml
        # Names known to be safe (not truncated by libxml2, whose step names stop at 98 characters):
        self.locals: dict[str, str] = {}  # namespaced tag -> ":" + local name, up to 60 characters
        self.prefixes: dict[str, str] = {}  # prefix -> itself, up to 29 characters

    def __call__(self, el) -> str:
        parent = el.getparent()
        paths = self.parents.get(parent)
        if paths is None:
            if parent is None:
                return self.tree.getpath(el)
            paths = self.parents[parent] = self._children(parent)
        if paths is False:
            return self.tree.getpath(el)
        return paths[el]

    def many(self, els) -> list[str]:
        """The paths of several elements, most of them siblings in a small parent (the runs of a paragraph):
        those are worked out from the parent's layout without caching it."""
        out = []
        parent = layout = None
        for el in els:
            up = el.getparent()
            if parent is None or up is not parent:
                parent = up
                layout = None
                if parent is not None and parent not in self.parents and len(parent) <= 32:
                    layout = self._layout(parent)
            if layout is None:
                out.append(self(el))
                continue
            base, children, names = layout
            i = children.index(el)
            name = names[i]
            if names.count(name) > 1:
                out.append(f"{base}{name}[{names[:i].count(name) + 1}]")
            else:
                out.append(base + name)
        return out

    def _children(self, parent):
        layout = self._layout(parent)
        if layout is None:
            return False
        base, children, names = layout
        if len(set(names)) == len(names):
            return {child: base + name for child, name in zip(children, names)}
        seen: dict[str, int] = {}
        numbers = []
        for name in names:
            number = seen[name] = seen.get(name, 0) + 1
            numbers.append(number)
        return {child: f"{base}{name}[{number}]" if seen[name] > 1 else base + name
                for child, name, number in zip(children, names, numbers)}

    def _layout(self, parent):
        """(parent path + "/", child elements, their "prefix:name" steps), or None to ask lxml."""
        children = list(parent)
        locals_, prefixes = self.locals, self.prefixes
        try:  # the usual case: elements with a known prefix and name, nothing else
            names = [prefixes[child.prefix] + locals_[child.tag] for child in children]
        except KeyError:
            names = self._names(children)
            if names is None:
                return None
            if None in names:  # comments and processing instructions are not counted
                kept = [(child, name) for child, name in zip(children, names) if name is not None]
                children, names = [child for child, _ in kept], [name for _, name in kept]
        return self(parent) + "/", children, names

    def _names(self, children) -> list | None:
        """Each child's "prefix:name" (None for a comment or processing instruction), learning names; None
        when a child is one libxml2 names differently (default namespace, no namespace, a long name)."""
        names = []
        locals_, prefixes = self.locals, self.prefixes
        for child in children:
            tag = child.tag
            if not isinstance(tag, str):
                names.append(None)
                continue
            prefix = child.prefix
            local = locals_.get(tag)
            if local is None or prefix not in prefixes:
                if tag[:1] != "{" or prefix is None or len(prefix) > 29:
                    return None  # no namespace, a default namespace ("*[n]"), a long prefix: lxml knows
                local = ":" + tag.rpartition("}")[2]
                if len(local) > 61:
                    return None
                locals_[tag] = local
                prefixes[prefix] = prefix
            names.append(prefix + local)
        return names


# -- names ---------------------------------------------------------------------------------------------

class _Names:
    """Qualified names of one WordprocessingML namespace (Transitional or Strict), built once."""

    _LOCAL = (
        "p pPr rPr r t delText fldChar fldSimple tab ptab br cr noBreakHyphen softHyphen "
        "sym drawing pict object ruby rubyBase ins del moveFrom moveTo hyperlink smartTag customXml sdt "
        "sdtContent dir bdo tbl tr tc trPr tcPr gridSpan gridBefore cellIns cellDel txbxContent pStyle "
        "outlineLvl numPr numId ilvl footnoteReference endnoteReference footnote endnote headerReference "
        "footerReference body style styleId name basedOn type default abstractNum abstractNumId num lvl start "
        "numFmt lvlText lvlRestart isLgl lvlOverride startOverride numStyleLink styleLink char val id "
        "fldCharType"
    ).split()

    def __init__(self, ns: str) -> None:
        self.ns = ns
        for local in self._LOCAL:
            setattr(self, local, f"{{{ns}}}{local}")
        math = M_STRICT if ns == W_STRICT else M
        self.m_t = f"{{{math}}}t"
        self.m_r = f"{{{math}}}r"
        self.m_oMath = f"{{{math}}}oMath"
        self.m_oMathPara = f"{{{math}}}oMathPara"
        self.del_ = f"{{{ns}}}del"  # "del" is a Python keyword
        self.r_ids = (f"{{{R}}}id", f"{{{R_STRICT}}}id")


_NAMES = {W: _Names(W), W_STRICT: _Names(W_STRICT)}
_MC_ALT = f"{{{MC}}}AlternateContent"
_MC_CHOICE = f"{{{MC}}}Choice"
_MC_FALLBACK = f"{{{MC}}}Fallback"


def _names_for(root) -> _Names:
    return _NAMES[w_namespace(root)]


def _mc_branch(alt):
    """The one branch of mc:AlternateContent to read: the first mc:Choice, else mc:Fallback."""
    fallback = None
    for child in alt:
        if child.tag == _MC_CHOICE:
            return child
        if child.tag == _MC_FALLBACK and fallback is None:
            fallback = child
    return fallback


def _find(el, tag: str):
    """`el.find(tag)` for a plain tag: its first child element with that tag, without ElementPath's cost."""
    for child in el:
        if child.tag == tag:
            return child
    return None


def _int(value, default=None):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# -- styles --------------------------------------------------------------------------------------------

_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    num: tuple[str | None, int | None] | None


class _Styles:
    """Paragraph styles: heading levels (by id, by name, by outline level through basedOn) and numbering."""

    def __init__(self, root=None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default: str | None = None
        self._levels: dict[str, int | None] = {}
        self._nums: dict[str | None, tuple[str | None, int | None] | None] = {}
        if root is None:
            return
        n = _names_for(root)
        for st in root.iter(n.style):
            if st.get(n.type, "paragraph") not in ("paragraph", "numbering"):
                continue
            sid = st.get(n.styleId)
            if sid is None:
                continue
            name_el = _find(st, n.name)
            based = _find(st, n.basedOn)
            ppr = _find(st, n.pPr)
            outline = num = None
            if ppr is not None:
                ol = _find(ppr, n.outlineLvl)
                if ol is not None:
                    outline = _int(ol.get(n.val))
                numpr = _find(ppr, n.numPr)
                if numpr is not None:
                    num_id, ilvl = _find(numpr, n.numId), _find(numpr, n.ilvl)
                    num = (num_id.get(n.val) if num_id is not None else None,
                           _int(ilvl.get(n.val)) if ilvl is not None else None)
            self.styles[sid] = _Style(name_el.get(n.val, "") if name_el is not None else "",
                                      based.get(n.val) if based is not None else None, outline, num)
            if st.get(n.default) in ("1", "true", "on") and st.get(n.type, "paragraph") == "paragraph":
                self.default = sid

    def heading_level(self, style_id: str | None) -> int | None:
        """1..9 for a heading style (by id, name or outline level, through basedOn), 0 for Title, else None."""
        style_id = style_id or self.default
        if style_id is None:
            return None
        if style_id not in self._levels:
            self._levels[style_id] = self._resolve(style_id)
        return self._levels[style_id]

    def _resolve(self, style_id: str) -> int | None:
        seen = set()
        sid: str | None = style_id
        while sid is not None and sid not in seen:
            seen.add(sid)
            st = self.styles.get(sid)
            names = (sid, st.name) if st else (sid,)
            for name in names:
                match = _HEADING_NAME.match(name.strip())
                if match:
                    return int(match.group(1))
                if name.strip().lower() == "title":
                    return 0
            if st is None:
                return None
            if st.outline is not None:
                return st.outline + 1 if 0 <= st.outline <= 8 else None
            sid = st.based_on
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None] | None:
        """(numId, ilvl) a paragraph style gives, through basedOn."""
        try:
            return self._nums[style_id]
        except KeyError:
            found = self._nums[style_id] = self._numbering(style_id)
            return found

    def _numbering(self, style_id: str | None) -> tuple[str | None, int | None] | None:
        seen = set()
        sid = style_id or self.default
        while sid is not None and sid not in seen:
            seen.add(sid)
            st = self.styles.get(sid)
            if st is None:
                return None
            if st.num is not None:
                return st.num
            sid = st.based_on
        return None


# -- numbering -----------------------------------------------------------------------------------------

@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None
    legal: bool = False
    style: str | None = None


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word repeats the letter: a..z, aa..zz, aaa...
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return str(n)


class _Numbering:
    """List labels from numbering.xml. Counters belong to the abstractNum, so every w:num of it continues
    one sequence (as Word and LibreOffice number them); a w:num with a startOverride restarts that level the
    first time it is used, and the sequence continues from there."""

    def __init__(self, root=None, styles: _Styles | None = None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_link: dict[str, str] = {}  # abstractNumId -> numbering style id (numStyleLink)
        self.nums: dict[str, tuple[str, dict[int, tuple[int | None, _Level | None]]]] = {}
        self.counters: dict[object, dict[int, int]] = {}
        self.started: set[object] = set()
        self.styles = styles or _Styles()
        if root is None:
            return
        n = _names_for(root)
        for ab in root.iter(n.abstractNum):
            aid = ab.get(n.abstractNumId)
            if aid is None:
                continue
            self.abstract[aid] = {_int(lvl.get(n.ilvl), 0): self._level(lvl, n) for lvl in ab.iter(n.lvl)}
            link = _find(ab, n.numStyleLink)
            if link is not None and link.get(n.val):
                self.style_link[aid] = link.get(n.val)
        for num in root.iter(n.num):
            nid = num.get(n.numId)
            ab = _find(num, n.abstractNumId)
            if nid is None or ab is None:
                continue
            overrides = {}
            for ov in num.iter(n.lvlOverride):
                so = _find(ov, n.startOverride)
                lvl = _find(ov, n.lvl)
                overrides[_int(ov.get(n.ilvl), 0)] = (_int(so.get(n.val)) if so is not None else None,
                                                      self._level(lvl, n) if lvl is not None else None)
            self.nums[nid] = (ab.get(n.val), overrides)

    @staticmethod
    def _level(lvl, n: _Names) -> _Level:
        level = _Level()
        for child in lvl:
            tag = child.tag
            if tag == _MC_ALT:  # Word 2010 custom formats: the Fallback holds a plain numFmt
                branch = None
                for b in child:
                    if b.tag == _MC_FALLBACK:
                        branch = b
                fmt = _find(branch, n.numFmt) if branch is not None else None
                if fmt is not None:
                    level.fmt = fmt.get(n.val, "decimal")
            elif tag == n.start:
                level.start = _int(child.get(n.val), 1)
            elif tag == n.numFmt:
                level.fmt = child.get(n.val, "decimal")
            elif tag == n.lvlText:
                level.text = child.get(n.val)
            elif tag == n.lvlRestart:
                level.restart = _int(child.get(n.val))
            elif tag == n.isLgl:
                level.legal = child.get(n.val, "1") not in ("0", "false", "off")
            elif tag == n.pStyle:
                level.style = child.get(n.val)
        return level

    def _levels(self, num_id: str) -> tuple[object, dict[int, _Level], dict[int, int | None]] | None:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        aid, overrides = entry
        levels = self.abstract.get(aid)
        seen = set()
        # numStyleLink: the abstractNum defers to the list a numbering style points at.
        while aid in self.style_link and aid not in seen:
            seen.add(aid)
            linked = self.styles.numbering(self.style_link[aid])
            target = self.nums.get(linked[0]) if linked and linked[0] else None
            if target is None:
                break
            aid = target[0]
            levels = self.abstract.get(aid)
        if levels is None:
            return None
        if any(lvl is not None for _, lvl in overrides.values()):
            levels = dict(levels)
            for ilvl, (_, lvl) in overrides.items():
                if lvl is not None:
                    levels[ilvl] = lvl
        return aid, levels, {ilvl: start for ilvl, (start, _) in overrides.items() if start is not None}

    def paragraph(self, num_id: str | None, ilvl: int | None, style_id: str | None) -> str | None:
        """Advance the counters for one numbered paragraph and return its label ("4.2(a)"), None if none."""
        if num_id is None or num_id == "0":
            return None
        found = self._levels(num_id)
        if found is None:
            return None
        key, levels, start_overrides = found
        if ilvl is None:
            ilvl = next((i for i, lvl in levels.items() if style_id and lvl.style == style_id), 0)
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(key, {})

        def start_of(i: int) -> int:
            if i in start_overrides:
                return start_overrides[i]
            lvl = levels.get(i)
            return lvl.start if lvl else 1

        if ilvl in start_overrides and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))  # a "restart numbering" list: restarts once, then continues
            counters[ilvl] = start_overrides[ilvl]
        else:
            counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start_of(ilvl)
        for deeper in [i for i in counters if i > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart == 0 or (restart is not None and ilvl + 1 > restart):
                continue
            del counters[deeper]
        if level.fmt == "bullet" or level.text is None:
            return None

        def number(match: re.Match) -> str:
            i = int(match.group(1)) - 1
            value = counters.get(i, start_of(i))
            lvl = levels.get(i)
            fmt = lvl.fmt if lvl else "decimal"
            if level.legal and fmt not in ("none", "bullet"):
                fmt = "decimal"
            return "" if fmt == "bullet" else _format_number(value, fmt)

        label = re.sub(r"%([1-9])", number, level.text).strip()
        return label or None


# -- the reader ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Ctx:
    kind: str
    table: tuple[int, int, int] | None = None
    sdt: bool = False


@dataclass
class _Pending:
    """A paragraph whose mark is removed in this view: its content joins the next paragraph."""

    segments: list
    boxes: list
    sdt: bool
    props: tuple  # the paragraph's (style, outline level, numId, ilvl), see _PartReader.paragraph


@dataclass
class _PartReader:
    """One pass over one part; emits Blocks in reading order."""

    part: str
    root: object
    view: str
    styles: _Styles
    numbering: _Numbering
    track_headings: bool
    note_refs: list | None = None  # (kind, id) in reading order, collected from the body
    blocks: list = field(default_factory=list)

    def __post_init__(self) -> None:
        self.n = _names_for(self.root)
        self.getpath = _Paths(self.root.getroottree())
        self.accepted = self.view == "accepted"
        n = self.n
        # Wrappers whose content is read or skipped depending on the view.
        self.shown = (n.ins, n.moveTo) if self.accepted else (n.del_, n.moveFrom)
        self.hidden = (n.del_, n.moveFrom) if self.accepted else (n.ins, n.moveTo)
        self.hidden_tags = frozenset(self.hidden)
        # Inline wrappers whose content is read as paragraph content.
        self.transparent = frozenset((n.hyperlink, n.smartTag, n.customXml, n.fldSimple, n.dir, n.bdo, *self.shown))
        self.math = frozenset((n.m_oMath, n.m_oMathPara))
        self.spaces = frozenset((n.tab, n.ptab, n.br, n.cr))
        self.pictures = frozenset((n.drawing, n.pict, n.object))
        self.fields: list[bool] = []  # one entry per open complex field: True once past its separator
        self.tables = 0
        self.pending: _Pending | None = None
        self.headings: list[tuple[int, str]] = []
        self.by_style: dict = {}  # style id -> (heading level, numbering) it gives

    # block level ----------------------------------------------------------------------------------
    def story(self, container, ctx: _Ctx) -> None:
        """A whole story (body, cell, text box, note, header): paragraph merges stop at its end."""
        saved = self.pending, self.fields
        self.pending, self.fields = None, []  # an unbalanced field cannot hide the text of another story
        self.blocks_in(container, ctx)
        self.flush(ctx)
        self.pending, self.fields = saved

    def blocks_in(self, container, ctx: _Ctx) -> None:
        n = self.n
        for child in container:
            tag = child.tag
            if tag == n.p:
                self.paragraph(child, ctx)
            elif tag == n.tbl:
                self.flush(ctx)
                self.table(child, ctx)
            elif tag == n.sdt:
                content = _find(child, n.sdtContent)
                if content is not None:
                    self.blocks_in(content, _Ctx(ctx.kind, ctx.table, True))
            elif tag == n.customXml or tag in self.shown:
                self.blocks_in(child, ctx)
            elif tag == _MC_ALT:
                branch = _mc_branch(child)
                if branch is not None:
                    self.blocks_in(branch, ctx)

    def flush(self, ctx: _Ctx) -> None:
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self.emit(pending.segments, pending.props, ctx, pending.sdt, pending.boxes)

    def table(self, tbl, ctx: _Ctx) -> None:
        self.tables += 1
        ordinal = self.tables
        kind = "cell" if ctx.kind == "body" else ctx.kind
        row = 0
        n = self.n
        removed_cell = n.cellDel if self.accepted else n.cellIns
        for tr, sdt in self._rows(tbl, ctx.sdt):
            col = 0
            trpr = _find(tr, n.trPr)
            if trpr is not None:
                if _find(trpr, self.hidden[0]) is not None:
                    continue  # w:trPr/w:del (accepted) or w:trPr/w:ins (original)
                before = _find(trpr, n.gridBefore)
                if before is not None:
                    col = _int(before.get(n.val), 0)
            for tc, cell_sdt in self._cells(tr, sdt):
                tcpr = _find(tc, n.tcPr)
                span = 1
                if tcpr is not None:
                    gs = None
                    removed = False
                    for child in tcpr:
                        tag = child.tag
                        if tag == n.gridSpan:
                            if gs is None:
                                gs = child
                        elif tag == removed_cell:
                            removed = True
                    if gs is not None:
                        span = max(_int(gs.get(n.val), 1), 1)
                    if removed:
                        continue
                self.story(tc, _Ctx(kind, (ordinal, row, col), cell_sdt))
                col += span
            row += 1

    def _rows(self, tbl, sdt: bool) -> Iterator[tuple[object, bool]]:
        return self._children(tbl, self.n.tr, sdt)

    def _cells(self, tr, sdt: bool) -> Iterator[tuple[object, bool]]:
        return self._children(tr, self.n.tc, sdt)

    def _children(self, parent, tag_wanted, sdt: bool) -> Iterator[tuple[object, bool]]:
        """Rows of a table or cells of a row, seen through content controls and custom XML."""
        n = self.n
        for child in parent:
            tag = child.tag
            if tag == tag_wanted:
                yield child, sdt
            elif tag == n.sdt:
                content = _find(child, n.sdtContent)
                if content is not None:
                    yield from self._children(content, tag_wanted, True)
            elif tag == n.customXml or tag in self.shown:
                yield from self._children(child, tag_wanted, sdt)

    # paragraphs -----------------------------------------------------------------------------------
    def paragraph(self, p, ctx: _Ctx) -> None:
        n = self.n
        ppr = None
        for child in p:
            if child.tag == n.pPr:
                ppr = child
                break
        mark_removed = False
        style = outline = num_id = ilvl = None
        if ppr is not None:
            rpr = None
            for child in ppr:
                tag = child.tag
                if tag == n.pStyle:
                    style = child.get(n.val)
                elif tag == n.rPr:
                    if rpr is None:
                        rpr = child
                elif tag == n.numPr:
                    for sub in child:
                        if sub.tag == n.numId:
                            num_id = sub.get(n.val)
                        elif sub.tag == n.ilvl:
                            ilvl = _int(sub.get(n.val))
                elif tag == n.outlineLvl:
                    outline = _int(child.get(n.val))
            if rpr is not None:
                hidden = self.hidden_tags
                for child in rpr:
                    if child.tag in hidden:
                        mark_removed = True
                        break
        props = (style, outline, num_id, ilvl)
        if self.pending is not None:
            segments, boxes, sdt = self.pending.segments, self.pending.boxes, self.pending.sdt or ctx.sdt
            self.pending = None
        else:
            segments, boxes, sdt = [], [], ctx.sdt
        sdt = self.inline(p, segments, boxes) or sdt
        if mark_removed:
            self.pending = _Pending(segments, boxes, sdt, props)
        else:
            self.emit(segments, props, ctx, sdt, boxes)

    def inline(self, container, segments: list, boxes: list) -> bool:
        """Collect the text of paragraph content; returns True when an inline content control was read."""
        n = self.n
        r, t, rpr = n.r, n.t, n.rPr
        transparent = self.transparent
        fields = self.fields
        sdt = False
        for child in container:
            tag = child.tag
            if tag == r:  # a run: its w:t inline here, anything else in run_child
                for sub in child:
                    sub_tag = sub.tag
                    if sub_tag == t:
                        text = sub.text
                        if text and (not fields or all(fields)):
                            segments.append((text, child))
                    elif sub_tag != rpr:
                        self.run_child(child, sub, sub_tag, segments, boxes)
            elif tag in transparent:
                sdt = self.inline(child, segments, boxes) or sdt
            elif tag == n.sdt:
                content = _find(child, n.sdtContent)
                if content is not None:
                    self.inline(content, segments, boxes)
                    sdt = True
            elif tag == _MC_ALT:
                branch = _mc_branch(child)
                if branch is not None:
                    sdt = self.inline(branch, segments, boxes) or sdt
            elif tag in self.math:
                if not self.fields or all(self.fields):
                    for mr in child.iter(n.m_r):
                        for t in mr.iter(n.m_t):
                            if t.text:
                                segments.append((t.text, mr))
        return sdt

    def run_child(self, r, child, tag, segments: list, boxes: list) -> None:
        """One child of run `r` other than w:t and w:rPr."""
        n = self.n
        fields = self.fields
        if tag == n.fldChar:
            kind = child.get(n.fldCharType)
            if kind == "begin":
                fields.append(False)
            elif kind == "separate":
                if fields:
                    fields[-1] = True
            elif kind == "end":
                if fields:
                    fields.pop()
        elif tag == n.delText:
            if child.text and not self.accepted and (not fields or all(fields)):
                segments.append((child.text, r))
        elif tag in self.spaces:
            if not fields or all(fields):
                segments.append((" ", r))
        elif tag == n.noBreakHyphen:
            if not fields or all(fields):
                segments.append(("-", r))
        elif tag == n.sym:
            try:
                value = int(child.get(n.char) or "", 16)
            except ValueError:
                value = None
            if (not fields or all(fields)) and value is not None and not 0xE000 <= value <= 0xF8FF \
                    and value > 0x1F:
                segments.append((chr(value), r))
        elif tag in self.pictures:
            self._find_boxes(child, boxes)
        elif tag == _MC_ALT:
            branch = _mc_branch(child)
            if branch is not None:
                self._find_boxes(branch, boxes)
        elif tag == n.ruby:
            base = _find(child, n.rubyBase)
            if base is not None:
                self.inline(base, segments, boxes)
        elif tag == n.footnoteReference or tag == n.endnoteReference:
            if self.note_refs is not None:
                self.note_refs.append(("footnote" if tag == n.footnoteReference else "endnote",
                                       child.get(n.id)))

    def _find_boxes(self, el, boxes: list) -> None:
        """The outermost w:txbxContent under a drawing, reading one branch of each mc:AlternateContent."""
        for child in el:
            tag = child.tag
            if tag == self.n.txbxContent:
                boxes.append(child)
            elif tag == _MC_ALT:
                branch = _mc_branch(child)
                if branch is not None:
                    self._find_boxes(branch, boxes)
            elif isinstance(tag, str):
                self._find_boxes(child, boxes)

    # emitting -------------------------------------------------------------------------------------
    def emit(self, segments: list, props: tuple, ctx: _Ctx, sdt: bool, boxes: list) -> None:
        text, runs = _normalize(segments, self.getpath)
        style, outline, num_id, ilvl = props
        by_style = self.by_style.get(style)
        if by_style is None:
            by_style = self.by_style[style] = (self.styles.heading_level(style), self.styles.numbering(style))
        if outline is not None:
            level = outline + 1 if 0 <= outline <= 8 else None
        else:
            level = by_style[0]
        if num_id is None:
            from_style = by_style[1]
            if from_style is not None:
                num_id = from_style[0]
                if ilvl is None:
                    ilvl = from_style[1]
        label = self.numbering.paragraph(num_id, ilvl, style or self.styles.default) if num_id else None
        heading = ""
        if self.track_headings:
            headings = self.headings
            if level is not None and text and ctx.kind in ("body", "cell"):
                while headings and headings[-1][0] >= level:
                    headings.pop()
                heading = headings[-1][1] if headings else ""
                headings.append((level, f"{label} {text}" if label else text))
            elif headings:
                heading = headings[-1][1]
        blocks = self.blocks
        blocks.append(_block(self.part, len(blocks) + 1, text, ctx.kind, style, level, heading, label, ctx.table,
                             sdt, runs))
        for box in boxes:
            self.story(box, _Ctx("textbox", ctx.table, ctx.sdt))


# -- the package -----------------------------------------------------------------------------------

def _related(package, rel_names: tuple[str, ...]) -> dict[str, list[tuple[str, str]]]:
    """rId -> member for the main part's internal relationships of the given short type names."""
    found: dict[str, list[tuple[str, str]]] = {name: [] for name in rel_names}
    for rid, (rtype, target, mode) in package.rels(package.main_part).items():
        short = rel_type_name(rtype)
        if short in found and mode != "External" and package.has(target):
            found[short].append((rid, target))
    return found


def read_blocks(package, view: str = "accepted") -> list[Block]:
    """Every paragraph of the document in reading order (body, referenced notes, headers and footers)."""
    if view not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(VIEWS)}, not {view!r}")
    related = _related(package, ("styles", "numbering", "footnotes", "endnotes", "header", "footer"))
    styles_part = related["styles"][0][1] if related["styles"] else None
    styles = _Styles(package.xml(styles_part) if styles_part else None)
    numbering_part = related["numbering"][0][1] if related["numbering"] else None
    numbering_root = package.xml(numbering_part) if numbering_part else None

    main = package.main_part
    root = package.xml(main)
    note_refs: list[tuple[str, str]] = []
    reader = _PartReader(main, root, view, styles, _Numbering(numbering_root, styles), True, note_refs)
    body = _find(root, reader.n.body)
    if body is not None:
        reader.story(body, _Ctx("body"))
    blocks = list(reader.blocks)

    for kind, plural in (("footnote", "footnotes"), ("endnote", "endnotes")):
        wanted = [nid for k, nid in note_refs if k == kind]
        if not wanted or not related[plural]:
            continue
        part = related[plural][0][1]
        notes_root = package.xml(part)
        notes = _PartReader(part, notes_root, view, styles, _Numbering(numbering_root, styles), False)
        by_id = {}
        for note in notes_root:
            if note.tag == getattr(notes.n, kind) and note.get(notes.n.type, "normal") == "normal":
                by_id.setdefault(note.get(notes.n.id), note)
        done = set()
        for nid in wanted:
            if nid in by_id and nid not in done:
                done.add(nid)
                notes.story(by_id[nid], _Ctx(kind))
        blocks.extend(notes.blocks)

    n = reader.n
    order = {rid: i for i, rid in enumerate(
        ref.get(n.r_ids[0]) or ref.get(n.r_ids[1]) for ref in root.iter(n.headerReference, n.footerReference))}
    for kind in ("header", "footer"):
        parts = sorted((order[rid], target) for rid, target in related[kind] if rid in order)
        seen = set()
        for _, part in parts:
            if part in seen:
                continue
            seen.add(part)
            part_root = package.xml(part)
            hf = _PartReader(part, part_root, view, styles, _Numbering(numbering_root, styles), False)
            hf.story(part_root, _Ctx(kind))
            blocks.extend(hf.blocks)
    return blocks
