"""Small helpers that write realistic Word documents for the `contractgen lint` fixtures.

python-docx does the ordinary work (paragraphs, runs, tables, real Heading styles); lxml adds what
python-docx has no API for: real Word numbering (numbering.xml abstractNum/num and w:numPr), a
footnotes part, VML text boxes, content controls (w:sdt, block and inline), tracked insertions
(w:ins) and deletions (w:del).  Saving is deterministic: fixed core properties and fixed ZIP
timestamps, so the same fixture gives the same bytes on every run.

A paragraph's content is a sequence of *segments*: a plain ``str`` or one of the small classes
below (``B``, ``I``, ``Split``, ``Ins``, ``Del``, ``SdtInline``, ``Foot``, ``TextBox``).
"""
from __future__ import annotations

import datetime as _dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence, Union

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.shared import Pt
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
NSMAP = {"w": W_NS, "v": V_NS, "o": O_NS}
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

NBSP = "\u00a0"
LQ, RQ, APOS = "\u201c", "\u201d", "\u2019"   # curly double quotes and apostrophe
EMDASH, ENDASH = "\u2014", "\u2013"
SECT = "\u00a7"

FIXED_TIME = _dt.datetime(2025, 7, 1, 9, 0, 0, tzinfo=_dt.timezone.utc)
REVISION_DATE = "2025-07-14T10:30:00Z"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def v(tag: str) -> str:
    return f"{{{V_NS}}}{tag}"


def o(tag: str) -> str:
    return f"{{{O_NS}}}{tag}"


# --------------------------------------------------------------------------------------- segments
@dataclass(frozen=True)
class B:
    """Bold text."""
    text: str


@dataclass(frozen=True)
class I:  # noqa: E742 - short on purpose, used inline in contract text
    """Italic text."""
    text: str


@dataclass(frozen=True)
class Split:
    """One word (or phrase) written as several runs, as Word does after edits and spell-checks."""
    parts: tuple[str, ...]

    def __init__(self, *parts: str):
        object.__setattr__(self, "parts", tuple(parts))


@dataclass(frozen=True)
class Ins:
    """An unaccepted tracked insertion (its text belongs to the accepted document)."""
    text: str
    author: str = "Legal Review"


@dataclass(frozen=True)
class Del:
    """An unaccepted tracked deletion (its text is gone once the changes are accepted)."""
    text: str
    author: str = "Legal Review"


@dataclass(frozen=True)
class SdtInline:
    """An inline content control (w:sdt inside the paragraph) holding plain text."""
    text: str
    tag: str = "clause"


@dataclass(frozen=True)
class Foot:
    """A footnote reference here; the footnote's own text goes into word/footnotes.xml."""
    text: str


@dataclass(frozen=True)
class TextBox:
    """A VML text box anchored inline in the paragraph; each string is one paragraph inside it."""
    paragraphs: tuple[str, ...]
    height_pt: int = 0

    def __init__(self, *paragraphs: str, height_pt: int = 0):
        object.__setattr__(self, "paragraphs", tuple(paragraphs))
        object.__setattr__(self, "height_pt", height_pt)


Segment = Union[str, B, I, Split, Ins, Del, SdtInline, Foot, TextBox]
Content = Union[str, Sequence[Segment]]


def _segments(content: Content) -> list[Segment]:
    if isinstance(content, str):
        return [content]
    if isinstance(content, (B, I, Split, Ins, Del, SdtInline, Foot, TextBox)):
        return [content]
    return list(content)


# ----------------------------------------------------------------------------------- raw builders
def _run_el(text: str, *, bold: bool = False, italic: bool = False, caps: bool = False,
            deleted: bool = False, size_half_pts: int | None = None, lang: str | None = None) -> etree._Element:
    r = etree.Element(w("r"))
    rpr_children = []
    if bold:
        rpr_children.append(etree.Element(w("b")))
    if italic:
        rpr_children.append(etree.Element(w("i")))
    if caps:
        rpr_children.append(etree.Element(w("caps")))
    if size_half_pts:
        sz = etree.Element(w("sz"))
        sz.set(w("val"), str(size_half_pts))
        rpr_children.append(sz)
    if lang:
        la = etree.Element(w("lang"))
        la.set(w("val"), lang)
        rpr_children.append(la)
    if rpr_children:
        rpr = etree.SubElement(r, w("rPr"))
        for child in rpr_children:
            rpr.append(child)
    t = etree.SubElement(r, w("delText") if deleted else w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def _plain_paragraph(text: str, style_id: str | None = None) -> etree._Element:
    p = etree.Element(w("p"))
    if style_id:
        ppr = etree.SubElement(p, w("pPr"))
        ps = etree.SubElement(ppr, w("pStyle"))
        ps.set(w("val"), style_id)
    p.append(_run_el(text))
    return p


# ------------------------------------------------------------------------------------- the writer
@dataclass
class ContractWriter:
    """Write one contract.  Call the block methods in document order, then ``save``."""

    title: str = "Agreement"
    author: str = "City Attorney"
    base_font: str = "Times New Roman"
    base_size: int = 11
    revision_author: str = "Legal Review"   # author of tracked paragraph marks
    doc: "docx.document.Document" = field(init=False)
    _next_id: int = field(init=False, default=100)
    _footnotes: etree._Element | None = field(init=False, default=None)
    _footnote_count: int = field(init=False, default=0)
    _textbox_count: int = field(init=False, default=0)
    _abstract_count: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.doc = docx.Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = self.base_font
        normal.font.size = Pt(self.base_size)
        for s in self.doc.sections:
            s.left_margin = s.right_margin = docx.shared.Inches(1)
        cp = self.doc.core_properties
        cp.title = self.title
        cp.author = self.author
        cp.last_modified_by = self.author
        cp.created = FIXED_TIME.replace(tzinfo=None)
        cp.modified = FIXED_TIME.replace(tzinfo=None)
        cp.revision = 1
        cp.comments = ""

    # ------------------------------------------------------------------ ids
    def _id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    @property
    def body(self) -> etree._Element:
        return self.doc.element.body

    def _append_block(self, el: etree._Element) -> etree._Element:
        sect = self.body.find(w("sectPr"))
        if sect is not None:
            sect.addprevious(el)
        else:
            self.body.append(el)
        return el

    # ------------------------------------------------------------------ inline content
    def _fill(self, p: etree._Element, content: Content, *, bold: bool = False, caps: bool = False) -> None:
        """Append the runs for ``content`` to paragraph element ``p``."""
        for seg in _segments(content):
            if isinstance(seg, str):
                if seg:
                    p.append(_run_el(seg, bold=bold, caps=caps))
            elif isinstance(seg, B):
                p.append(_run_el(seg.text, bold=True, caps=caps))
            elif isinstance(seg, I):
                p.append(_run_el(seg.text, italic=True, bold=bold, caps=caps))
            elif isinstance(seg, Split):
                # alternate a language tag so the runs are not trivially identical
                for k, part in enumerate(seg.parts):
                    p.append(_run_el(part, bold=bold, caps=caps, lang="en-US" if k % 2 else None))
            elif isinstance(seg, Ins):
                ins = etree.SubElement(p, w("ins"))
                ins.set(w("id"), self._id())
                ins.set(w("author"), seg.author)
                ins.set(w("date"), REVISION_DATE)
                ins.append(_run_el(seg.text, bold=bold, caps=caps))
            elif isinstance(seg, Del):
                de = etree.SubElement(p, w("del"))
                de.set(w("id"), self._id())
                de.set(w("author"), seg.author)
                de.set(w("date"), REVISION_DATE)
                de.append(_run_el(seg.text, bold=bold, caps=caps, deleted=True))
            elif isinstance(seg, SdtInline):
                p.append(self._sdt([_run_el(seg.text, bold=bold, caps=caps)], seg.tag))
            elif isinstance(seg, Foot):
                p.append(self._footnote_ref(seg.text))
            elif isinstance(seg, TextBox):
                p.append(self._textbox_run(seg))
            else:  # pragma: no cover - programming error
                raise TypeError(f"unknown segment {seg!r}")

    def _sdt(self, content_children: Iterable[etree._Element], tag: str) -> etree._Element:
        sdt = etree.Element(w("sdt"))
        pr = etree.SubElement(sdt, w("sdtPr"))
        alias = etree.SubElement(pr, w("alias"))
        alias.set(w("val"), tag.replace("_", " ").title())
        tg = etree.SubElement(pr, w("tag"))
        tg.set(w("val"), tag)
        idel = etree.SubElement(pr, w("id"))
        idel.set(w("val"), str(700000 + int(self._id())))
        etree.SubElement(pr, w("text"))
        etree.SubElement(sdt, w("sdtEndPr"))
        c = etree.SubElement(sdt, w("sdtContent"))
        for child in content_children:
            c.append(child)
        return sdt

    # ------------------------------------------------------------------ paragraphs
    def para(self, content: Content = "", *, style: str | None = None, bold: bool = False,
             caps: bool = False, align: str | None = None, indent_pt: float | None = None,
             mark_inserted: bool = False, mark_deleted: bool = False, keep_next: bool = False,
             space_after_pt: float | None = None):
        """A paragraph; ``mark_inserted``/``mark_deleted`` track the paragraph mark itself (for a
        wholly inserted or deleted paragraph, whose runs are then ``Ins``/``Del`` segments)."""
        par = self.doc.add_paragraph(style=style)
        p = par._p
        self._fill(p, content, bold=bold, caps=caps)
        fmt = par.paragraph_format
        if align == "center":
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "justify":
            par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif align == "right":
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if indent_pt is not None:
            fmt.left_indent = Pt(indent_pt)
        if keep_next:
            fmt.keep_with_next = True
        if space_after_pt is not None:
            fmt.space_after = Pt(space_after_pt)
        if mark_inserted or mark_deleted:
            ppr = p.get_or_add_pPr()
            rpr = ppr.find(w("rPr"))
            if rpr is None:
                rpr = etree.SubElement(ppr, w("rPr"))
            mark = etree.SubElement(rpr, w("ins" if mark_inserted else "del"))
            mark.set(w("id"), self._id())
            mark.set(w("author"), self.revision_author)
            mark.set(w("date"), REVISION_DATE)
        return par

    def heading(self, text: Content, level: int = 1):
        """A real Word heading (Heading N style)."""
        par = self.doc.add_paragraph(style=f"Heading {level}")
        self._fill(par._p, text)
        return par

    def title_block(self, *lines: str, size: int = 14) -> None:
        for k, line in enumerate(lines):
            par = self.doc.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = par.add_run(line)
            run.bold = True
            if k == 0:
                run.font.size = Pt(size)

    def fake_heading(self, text: str, *, caps_property: bool = False, underline: bool = False):
        """A heading as many real contracts have it: a bold, all-caps *Normal* paragraph.

        With ``caps_property`` the text is stored in mixed case and shown in capitals by w:caps
        (what Word's Font > All caps does); otherwise the capitals are typed.
        """
        par = self.doc.add_paragraph()
        shown = text if caps_property else text.upper()
        run = par.add_run(shown)
        run.bold = True
        run.underline = underline
        if caps_property:
            run.font.all_caps = True
        par.paragraph_format.keep_with_next = True
        par.paragraph_format.space_before = Pt(10)
        return par

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # ------------------------------------------------------------------ lists
    def _new_abstract(self, fmt: str, text: str, indent_twips: int, bullet_font: bool) -> int:
        numbering = self.doc.part.numbering_part.element
        existing = [int(a.get(w("abstractNumId"))) for a in numbering.findall(w("abstractNum"))]
        existing_nums = [int(n.get(w("numId"))) for n in numbering.findall(w("num"))]
        abs_id = max(existing + [0]) + 1
        num_id = max(existing_nums + [0]) + 1
        self._abstract_count += 1
        a = etree.Element(w("abstractNum"))
        a.set(w("abstractNumId"), str(abs_id))
        nsid = etree.SubElement(a, w("nsid"))
        nsid.set(w("val"), f"{0x3A5C0000 + self._abstract_count:08X}")
        mlt = etree.SubElement(a, w("multiLevelType"))
        mlt.set(w("val"), "hybridMultilevel")
        for lvl_i, (lvl_fmt, lvl_text) in enumerate([(fmt, text), ("lowerRoman", "(%2)"), ("decimal", "%3.")]):
            lvl = etree.SubElement(a, w("lvl"))
            lvl.set(w("ilvl"), str(lvl_i))
            st = etree.SubElement(lvl, w("start"))
            st.set(w("val"), "1")
            nf = etree.SubElement(lvl, w("numFmt"))
            nf.set(w("val"), lvl_fmt)
            lt = etree.SubElement(lvl, w("lvlText"))
            lt.set(w("val"), lvl_text)
            jc = etree.SubElement(lvl, w("lvlJc"))
            jc.set(w("val"), "left")
            ppr = etree.SubElement(lvl, w("pPr"))
            ind = etree.SubElement(ppr, w("ind"))
            ind.set(w("left"), str(indent_twips * (lvl_i + 1)))
            ind.set(w("hanging"), "360")
            if lvl_fmt == "bullet" and bullet_font:
                rpr = etree.SubElement(lvl, w("rPr"))
                rf = etree.SubElement(rpr, w("rFonts"))
                for att in ("ascii", "hAnsi"):
                    rf.set(w(att), "Symbol")
                rf.set(w("hint"), "default")
        first_num = numbering.find(w("num"))
        if first_num is not None:
            first_num.addprevious(a)
        else:
            numbering.append(a)
        n = etree.SubElement(numbering, w("num"))
        n.set(w("numId"), str(num_id))
        an = etree.SubElement(n, w("abstractNumId"))
        an.set(w("val"), str(abs_id))
        return num_id

    def numbered(self, items: Sequence[Content | tuple[int, Content]], *, fmt: str = "lowerLetter",
                 text: str = "(%1)", indent_twips: int = 720, mark_inserted: Sequence[int] = (),
                 mark_deleted: Sequence[int] = ()):
        """A list with REAL Word numbering (w:numPr -> numbering.xml); ``fmt`` is a w:numFmt value
        (decimal, lowerLetter, upperLetter, lowerRoman, bullet).  An item may be (level, content).
        ``mark_inserted``/``mark_deleted`` list item indexes whose paragraph marks are tracked
        insertions/deletions."""
        if fmt == "bullet" and text == "(%1)":
            text = "\u2022"
        num_id = self._new_abstract(fmt, text, indent_twips, bullet_font=False)
        pars = []
        for k, item in enumerate(items):
            level, content = item if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], int) else (0, item)
            par = self.para(content, style="List Paragraph", mark_inserted=k in mark_inserted,
                            mark_deleted=k in mark_deleted)
            ppr = par._p.get_or_add_pPr()
            numpr = etree.Element(w("numPr"))
            il = etree.SubElement(numpr, w("ilvl"))
            il.set(w("val"), str(level))
            ni = etree.SubElement(numpr, w("numId"))
            ni.set(w("val"), str(num_id))
            # numPr sits right after pStyle/keepNext... in CT_PPr order; after pStyle is fine here
            ps = ppr.find(w("pStyle"))
            if ps is not None:
                ps.addnext(numpr)
            else:
                ppr.insert(0, numpr)
            pars.append(par)
        return pars

    def literal_list(self, items: Sequence[Content], *, labels: str = "a", pattern: str = "({})",
                     indent_pt: float = 36, start: int = 1):
        """A list numbered by typed text ("(a) ", "1. ", "(iv) "), not by Word numbering."""
        pars = []
        for k, content in enumerate(items, start=start):
            label = pattern.format(_label(labels, k))
            pars.append(self.para([label + "\t"] + _segments(content), indent_pt=indent_pt))
        return pars

    # ------------------------------------------------------------------ tables
    def table(self, rows: Sequence[Sequence[Content]], *, header: bool = True, style: str = "Table Grid",
              widths_in: Sequence[float] | None = None):
        ncols = max(len(r) for r in rows)
        t = self.doc.add_table(rows=len(rows), cols=ncols)
        t.style = self.doc.styles[style]
        for i, row in enumerate(rows):
            for j, content in enumerate(row):
                cell = t.cell(i, j)
                p = cell.paragraphs[0]._p
                if isinstance(content, list) and content and isinstance(content[0], list):
                    # several paragraphs in one cell
                    self._fill(p, content[0], bold=header and i == 0)
                    for extra in content[1:]:
                        np_ = cell.add_paragraph()._p
                        self._fill(np_, extra, bold=header and i == 0)
                else:
                    self._fill(p, content, bold=header and i == 0)
                if widths_in:
                    cell.width = docx.shared.Inches(widths_in[j])
        if widths_in:
            t.autofit = False
            for gc, width in zip(t._tbl.tblGrid.findall(w("gridCol")), widths_in):
                gc.set(w("w"), str(int(width * 1440)))
        if header:
            trpr = t.rows[0]._tr.get_or_add_trPr()
            etree.SubElement(trpr, w("tblHeader"))
        self.doc.add_paragraph()  # Word keeps a paragraph between a table and what follows
        return t

    # ------------------------------------------------------------------ content controls, text boxes
    def sdt_block(self, paragraphs: Sequence[Content], *, tag: str = "clause") -> etree._Element:
        """A block-level content control (w:sdt around whole paragraphs)."""
        ps = []
        for content in paragraphs:
            p = etree.Element(w("p"))
            self._fill(p, content)
            ps.append(p)
        return self._append_block(self._sdt(ps, tag))

    def _textbox_run(self, box: TextBox) -> etree._Element:
        self._textbox_count += 1
        n = self._textbox_count
        r = etree.Element(w("r"))
        pict = etree.SubElement(r, w("pict"))
        if n == 1:
            st = etree.SubElement(pict, v("shapetype"))
            st.set("id", "_x0000_t202")
            st.set("coordsize", "21600,21600")
            st.set(o("spt"), "202")
            st.set("path", "m,l,21600r21600,l21600,xe")
            stroke = etree.SubElement(st, v("stroke"))
            stroke.set("joinstyle", "miter")
            path = etree.SubElement(st, v("path"))
            path.set("gradientshapeok", "t")
            path.set(o("connecttype"), "rect")
        shape = etree.SubElement(pict, v("shape"))
        shape.set("id", f"TextBox{n}")
        shape.set(o("spid"), f"_x0000_s{1025 + n}")
        shape.set("type", "#_x0000_t202")
        chars = sum(len(t) for t in box.paragraphs)
        height = box.height_pt or max(40, 16 * (len(box.paragraphs) + chars // 80 + 1))
        shape.set("style", f"width:440pt;height:{height}pt;mso-fit-shape-to-text:t")
        shape.set("fillcolor", "#f2f2f2")
        tb = etree.SubElement(shape, v("textbox"))
        tb.set("inset", "6pt,6pt,6pt,6pt")
        content = etree.SubElement(tb, w("txbxContent"))
        for text in box.paragraphs:
            p = etree.SubElement(content, w("p"))
            self._fill(p, text)
        return r

    def textbox(self, *paragraphs: str, intro: Content = "") -> None:
        """A paragraph holding a text box (optionally after some ordinary text)."""
        segs = _segments(intro) if intro else []
        self.para(segs + [TextBox(*paragraphs)])

    # ------------------------------------------------------------------ footnotes
    def _footnotes_root(self) -> etree._Element:
        if self._footnotes is None:
            root = etree.Element(w("footnotes"), nsmap={"w": W_NS})
            for fid, kind, mark in (("-1", "separator", "separator"), ("0", "continuationSeparator", "continuationSeparator")):
                fn = etree.SubElement(root, w("footnote"))
                fn.set(w("type"), kind)
                fn.set(w("id"), fid)
                p = etree.SubElement(fn, w("p"))
                ppr = etree.SubElement(p, w("pPr"))
                sp = etree.SubElement(ppr, w("spacing"))
                sp.set(w("after"), "0")
                sp.set(w("line"), "240")
                sp.set(w("lineRule"), "auto")
                r = etree.SubElement(p, w("r"))
                etree.SubElement(r, w(mark))
            self._footnotes = root
            part = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, root, self.doc.part.package)
            self.doc.part.relate_to(part, RT.FOOTNOTES)
            self._add_footnote_settings()
        return self._footnotes

    def _add_footnote_settings(self) -> None:
        settings = self.doc.settings.element
        fpr = etree.Element(w("footnotePr"))
        for fid in ("-1", "0"):
            f = etree.SubElement(fpr, w("footnote"))
            f.set(w("id"), fid)
        later = {"endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
                 "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                 "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
                 "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"}
        for child in settings:
            if isinstance(child.tag, str) and etree.QName(child).localname in later:
                child.addprevious(fpr)
                return
        settings.append(fpr)

    def _footnote_ref(self, text: str) -> etree._Element:
        root = self._footnotes_root()
        self._footnote_count += 1
        fid = str(self._footnote_count)
        fn = etree.SubElement(root, w("footnote"))
        fn.set(w("id"), fid)
        p = etree.SubElement(fn, w("p"))
        ppr = etree.SubElement(p, w("pPr"))
        sp = etree.SubElement(ppr, w("spacing"))
        sp.set(w("after"), "0")
        r = etree.SubElement(p, w("r"))
        rpr = etree.SubElement(r, w("rPr"))
        va = etree.SubElement(rpr, w("vertAlign"))
        va.set(w("val"), "superscript")
        etree.SubElement(r, w("footnoteRef"))
        p.append(_run_el(" " + text, size_half_pts=18))
        ref = etree.Element(w("r"))
        rpr = etree.SubElement(ref, w("rPr"))
        va = etree.SubElement(rpr, w("vertAlign"))
        va.set(w("val"), "superscript")
        fr = etree.SubElement(ref, w("footnoteReference"))
        fr.set(w("id"), fid)
        return ref

    # ------------------------------------------------------------------ higher-level pieces
    def signature_block(self, signers: Sequence[tuple[str, Sequence[str]]]) -> None:
        """``signers``: (party name, [title lines...]) per party; each gets a signature table row."""
        rows = []
        for party, titles in signers:
            cell = [[B(party)]]
            for t in titles:
                cell.append(["By: ______________________________"])
                cell.append([f"Its: {t}"])
                cell.append(["Date: ____________________"])
            rows.append([cell])
        # two columns when there are exactly two parties
        if len(rows) == 2:
            rows = [[rows[0][0], rows[1][0]]]
        t = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        for i, row in enumerate(rows):
            for j, cell_content in enumerate(row):
                cell = t.cell(i, j)
                first = True
                for line in cell_content:
                    p = cell.paragraphs[0]._p if first else cell.add_paragraph()._p
                    first = False
                    self._fill(p, line)

    # ------------------------------------------------------------------ save
    def save(self, path: Path) -> Path:
        buf = io.BytesIO()
        self.doc.save(buf)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_deterministic_zip(buf.getvalue()))
        return path


def _label(kind: str, k: int) -> str:
    if kind == "a":
        return chr(ord("a") + k - 1)
    if kind == "A":
        return chr(ord("A") + k - 1)
    if kind == "1":
        return str(k)
    if kind == "i":
        return _roman(k).lower()
    if kind == "I":
        return _roman(k)
    raise ValueError(kind)


def _roman(n: int) -> str:
    vals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for val, sym in vals:
        while n >= val:
            out += sym
            n -= val
    return out


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps (python-docx stamps each entry with 'now')."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            ni = zipfile.ZipInfo(info.filename, date_time=(2025, 7, 1, 9, 0, 0))
            ni.compress_type = zipfile.ZIP_DEFLATED
            ni.external_attr = 0o600 << 16
            dst.writestr(ni, src.read(info.filename))
    return out.getvalue()


# ------------------------------------------------------------------------------- reading back text
def xml_text(path: Path, parts: Sequence[str] = ("word/document.xml", "word/footnotes.xml")) -> str:
    """All w:t text of the given parts (deleted text is w:delText and so left out), a space at
    each paragraph end, tab and break; whitespace (including no-break spaces) collapsed."""
    pieces: list[str] = []
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        for name in parts:
            if name not in names:
                continue
            root = etree.fromstring(z.read(name))
            for event, el in etree.iterwalk(root, events=("start", "end")):
                if event == "start" and el.tag == w("t"):
                    pieces.append(el.text or "")
                elif event == "start" and el.tag in (w("tab"), w("br"), w("cr")):
                    pieces.append(" ")
                elif event == "end" and el.tag == w("p"):
                    pieces.append(" ")
    return " ".join("".join(pieces).split())
