"""Generate the docxtpl Word template ``templates/contract.docx``.

Why this script exists: a .docx saved by hand in Word is an opaque zip that nobody can review in a
diff, and the docxtpl tags inside it are easily split across runs by Word's editor (which silently
breaks them).  Building the template with python-docx (plus lxml for what python-docx cannot
express: fields, theme-free fonts, style cleanup) makes every style, tag and layout decision
reviewable in code, and reproducible: the output is byte-identical on every run, so the committed
template can be checked against this script.

    python scripts/make_template.py            # (re)write templates/contract.docx
    python scripts/make_template.py --check    # exit 1 if the committed file is out of date
    python scripts/make_template.py --output X # write somewhere else

Context the template expects (rendered with ``DocxTemplate.render(context, autoescape=True)``):
title, short_title, parties_text, recitals[str], agreement_text,
articles[{number, title, paragraphs[{kind: "body"|"item", label, text}]}], signature_intro,
signature_blocks[{party, lines[{name, title}]}].
"""
from __future__ import annotations

import argparse
import io
import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from contractgen.ooxml.package import normalize_package  # noqa: E402

DEFAULT_OUTPUT = REPO_ROOT / "templates" / "contract.docx"

FONT = "Times New Roman"
LANGUAGE = "en-US"
BLACK = RGBColor(0, 0, 0)
FIXED_DATE = datetime(2000, 1, 1, 0, 0, 0)  # never "now": the template must be reproducible
SIGNATURE_RULE = "By: " + "_" * 34
DATE_RULE = "Date: " + "_" * 20


# --------------------------------------------------------------------------------------------
# Low-level XML helpers (what python-docx has no API for)
# --------------------------------------------------------------------------------------------

def set_fonts(rpr, name: str = FONT) -> None:
    """Give an rPr explicit fonts for every script, dropping theme-font references.

    Theme attributes (w:asciiTheme ...) win over w:ascii, so they must go for the font to apply.
    """
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)


def set_language(rpr, lang: str = LANGUAGE) -> None:
    """Set the proofing language of an rPr (w:lang) for all scripts."""
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    for attr in list(el.attrib):
        del el.attrib[attr]
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), lang)
    el.set(qn("w:bidi"), "ar-SA")


def remove_children(parent, tag: str) -> None:
    """Remove every direct child element `tag` (e.g. 'w:pBdr') of `parent`."""
    for child in parent.findall(qn(tag)):
        parent.remove(child)


def add_field(paragraph, instruction: str, placeholder: str) -> None:
    """Append a complex field (w:fldChar begin/separate/end around w:instrText) to a paragraph."""

    def fld_char(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


# --------------------------------------------------------------------------------------------
# Document-wide setup: defaults, page, properties
# --------------------------------------------------------------------------------------------

def setup_defaults(doc) -> None:
    """Document defaults (w:docDefaults): Times New Roman 12 pt, en-US, 6 pt after, 1.1 lines."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    set_language(rpr)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), "24")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "264")
    spacing.set(qn("w:lineRule"), "auto")


def setup_page(doc) -> None:
    """US Letter portrait with 1-inch margins and 0.5-inch header/footer distance."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Inches(1))
    section.header_distance = section.footer_distance = Inches(0.5)


def setup_properties(doc) -> None:
    """Core properties with fixed values (no timestamps from 'now')."""
    props = doc.core_properties
    props.title = "School Resource Officer Agreement"
    props.author = "contractgen"
    props.last_modified_by = "contractgen"
    props.comments = ""
    props.language = LANGUAGE
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE


def drop_thumbnail(doc) -> None:
    """Remove python-docx's stock thumbnail (a preview of an unrelated blank page)."""
    rels = doc.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rid]
    settings = doc.settings.element
    remove_children(settings, "w:savePreviewPicture")


# --------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------

def plain_style(style, size: float = 12, bold: bool | None = None) -> None:
    """Strip the stock template's theme look from a style: own fonts, black, given size/bold."""
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr)
    style.font.color.rgb = BLACK
    style.font.size = Pt(size)
    style.font.bold = bold
    for tag in ("w:kern", "w:spacing"):
        remove_children(rpr, tag)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is not None:  # complex-script size: keep it equal to the size
        size_cs.set(qn("w:val"), str(int(size * 2)))


def paragraph_style(doc, name: str, base: str = "Normal", builtin: bool = False):
    """The paragraph style `name` (created based on `base` if the template lacks it).

    `builtin` marks a style that has a Word built-in name (no w:customStyle), so Word treats it
    as its own style rather than renaming a "custom" duplicate.
    """
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=builtin)
    style.base_style = doc.styles[base]
    style.quick_style = True
    return style


def setup_normal(doc) -> None:
    style = doc.styles["Normal"]
    plain_style(style)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing = 1.1
    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
    fmt.widow_control = True


def setup_title(doc) -> None:
    """Title: centered, bold, 14 pt caps, black, without the stock blue bottom border."""
    style = doc.styles["Title"]
    plain_style(style, size=14, bold=True)
    style.font.all_caps = True
    ppr = style.element.get_or_add_pPr()
    remove_children(ppr, "w:pBdr")
    remove_children(ppr, "w:contextualSpacing")
    fmt = style.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.space_before, fmt.space_after = Pt(0), Pt(18)
    fmt.line_spacing = 1.0
    fmt.keep_with_next = True
    plain_style(doc.styles["Title Char"], size=14, bold=True)


def setup_headings(doc) -> None:
    """Heading 1 (article headings, left) and Heading 2 (RECITALS, centered): bold 12 pt black."""
    alignments = {"Heading 1": WD_ALIGN_PARAGRAPH.LEFT, "Heading 2": WD_ALIGN_PARAGRAPH.CENTER}
    for name, align in alignments.items():
        style = doc.styles[name]
        plain_style(style, size=12, bold=True)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before, fmt.space_after = Pt(12), Pt(6)
        fmt.keep_with_next = fmt.keep_together = True
        plain_style(doc.styles[name + " Char"], size=12, bold=True)


def setup_contract_styles(doc) -> None:
    """'Contract Body' and 'Contract Item' (0.5" left indent, 0.3" hanging, tab at 0.5")."""
    paragraph_style(doc, "Contract Body")
    item = paragraph_style(doc, "Contract Item")
    fmt = item.paragraph_format
    fmt.left_indent = Inches(0.5)
    fmt.first_line_indent = Inches(-0.3)
    fmt.tab_stops.add_tab_stop(Inches(0.5), WD_TAB_ALIGNMENT.LEFT)
    doc.styles["Contract Body"].next_paragraph_style = doc.styles["Contract Body"]
    item.next_paragraph_style = item


def setup_signature_styles(doc) -> None:
    """'Signature' lines kept with the next line; 'Signature Line' adds room to sign above
    'By:'; 'Signature Party' is the bold caps party name with space above each block."""
    sig = paragraph_style(doc, "Signature", builtin=True)
    fmt = sig.paragraph_format
    fmt.left_indent = fmt.first_line_indent = Inches(0)
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.keep_with_next = fmt.keep_together = True
    line = paragraph_style(doc, "Signature Line", base="Signature")
    line.paragraph_format.space_before = Pt(24)
    party = paragraph_style(doc, "Signature Party", base="Signature")
    party.font.bold = True
    party.font.all_caps = True
    party.paragraph_format.space_before = Pt(30)
    sig.next_paragraph_style = sig


def setup_header_footer_styles(doc) -> None:
    """Header: 9 pt italic, right aligned. Footer: 9 pt, centered."""
    header = doc.styles["Header"]
    header.font.size, header.font.italic = Pt(9), True
    header.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = doc.styles["Footer"]
    footer.font.size = Pt(9)
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def setup_styles(doc) -> None:
    setup_defaults(doc)
    setup_normal(doc)
    setup_title(doc)
    setup_headings(doc)
    setup_contract_styles(doc)
    setup_signature_styles(doc)
    setup_header_footer_styles(doc)


# --------------------------------------------------------------------------------------------
# Content: header/footer and body with docxtpl tags
# --------------------------------------------------------------------------------------------

def build_header_footer(doc) -> None:
    """Header `{{ short_title }}`; footer 'Page N of M' with PAGE / NUMPAGES fields."""
    section = doc.sections[0]
    header = section.header
    header.is_linked_to_previous = False
    para = header.paragraphs[0]
    para.style = doc.styles["Header"]
    para.add_run("{{ short_title }}")

    footer = section.footer
    footer.is_linked_to_previous = False
    para = footer.paragraphs[0]
    para.style = doc.styles["Footer"]
    para.add_run("Page ")
    add_field(para, "PAGE", "1")
    para.add_run(" of ")
    add_field(para, "NUMPAGES", "1")


def tag(doc, text: str) -> None:
    """A docxtpl paragraph tag ({%p ... %}) alone in its own paragraph (removed on render)."""
    doc.add_paragraph(style="Contract Body").add_run(text)


def para(doc, style: str, *runs: str, bold_first: bool = False):
    """A paragraph of `style` whose runs are `runs`, each one add_run (so each tag is one run)."""
    p = doc.add_paragraph(style=style)
    for i, text in enumerate(runs):
        run = p.add_run(text)
        if bold_first and i == 0:
            run.bold = True
    return p


def build_preamble(doc) -> None:
    para(doc, "Title", "{{ title }}")
    para(doc, "Contract Body", "{{ parties_text }}")
    para(doc, "Heading 2", "RECITALS")
    tag(doc, "{%p for r in recitals %}")
    para(doc, "Contract Body", "{{ r }}")
    tag(doc, "{%p endfor %}")
    para(doc, "Contract Body", "{{ agreement_text }}")


def build_articles(doc) -> None:
    tag(doc, "{%p for a in articles %}")
    para(doc, "Heading 1", "ARTICLE {{ a.number }}. {{ a.title|upper }}")
    tag(doc, "{%p for p in a.paragraphs %}")
    tag(doc, '{%p if p.kind == "item" %}')
    para(doc, "Contract Item", "{{ p.label }}", "\t", "{{ p.text }}")
    tag(doc, "{%p else %}")
    para(doc, "Contract Body", "{{ p.label }}", "{% if p.label %} {% endif %}{{ p.text }}",
         bold_first=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")


def build_signatures(doc) -> None:
    intro = para(doc, "Contract Body", "{{ signature_intro }}")
    intro.paragraph_format.keep_with_next = True  # never strand the intro from the first block
    tag(doc, "{%p for b in signature_blocks %}")
    para(doc, "Signature Party", "{{ b.party|upper }}")
    tag(doc, "{%p for l in b.lines %}")
    para(doc, "Signature Line", SIGNATURE_RULE)
    para(doc, "Signature", "Name: {{ l.name }}")
    para(doc, "Signature", "Title: {{ l.title }}")
    # The last Date line of a block ends the block: it alone may be followed by a page break.
    tag(doc, "{%p if loop.last %}")
    para(doc, "Signature", DATE_RULE).paragraph_format.keep_with_next = False
    tag(doc, "{%p else %}")
    para(doc, "Signature", DATE_RULE)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")


def build_document():
    doc = Document()
    drop_thumbnail(doc)
    setup_page(doc)
    setup_properties(doc)
    setup_styles(doc)
    build_header_footer(doc)
    build_preamble(doc)
    build_articles(doc)
    build_signatures(doc)
    return doc


def template_bytes() -> bytes:
    """The template as normalized, reproducible package bytes."""
    buf = io.BytesIO()
    build_document().save(buf)
    return normalize_package(buf.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the file differs from a fresh build")
    args = parser.parse_args(argv)
    data = template_bytes()
    if args.check:
        if not args.output.is_file() or args.output.read_bytes() != data:
            print(f"{args.output} is out of date: run scripts/make_template.py", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
