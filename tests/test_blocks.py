"""The block reader: every word a reader of a Word contract sees, with its location, in reading order.

Fixtures are real .docx packages written in tmp_path, by python-docx or from hand-written
WordprocessingML (helpers below). The corpus and dev-set walks use ../shared and skip when it is absent.
"""
from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from lxml import etree

from contractgen.ooxml.blocks import Block, RunSpan, read_blocks
from contractgen.ooxml.namespaces import W, W_STRICT, qn
from contractgen.ooxml.package import PackageError, open_package

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
DEV_SET = SHARED / "legal" / "dev-set"

# -- helpers -----------------------------------------------------------------------------------------

NS_DECL = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:v="urn:schemas-microsoft-com:vml"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
PART_TYPES = {  # relationship name -> (member, root element, content type suffix)
    "styles": ("word/styles.xml", "styles", "styles+xml"),
    "numbering": ("word/numbering.xml", "numbering", "numbering+xml"),
    "footnotes": ("word/footnotes.xml", "footnotes", "footnotes+xml"),
    "endnotes": ("word/endnotes.xml", "endnotes", "endnotes+xml"),
}


def p(*content: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(content)}</w:p>"


def r(text: str, *, tag: str = "w:t") -> str:
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def make_docx(path: Path, body: str, *, styles: str = "", numbering: str = "", footnotes: str = "",
              endnotes: str = "", headers: dict[str, str] | None = None, footers: dict[str, str] | None = None,
              sect: str = "") -> Path:
    """A minimal but complete WordprocessingML package around `body` (the children of w:body)."""
    rels = []
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{CT_MAIN}.document.main+xml"/>']
    parts: dict[str, str] = {}
    for name, content in (("styles", styles), ("numbering", numbering), ("footnotes", footnotes),
                          ("endnotes", endnotes)):
        if content:
            member, root, ctype = PART_TYPES[name]
            parts[member] = f'<w:{root} {NS_DECL}>{content}</w:{root}>'
            rels.append((f"rId{name}", f"{REL}/{name}", member.split("/", 1)[1]))
            overrides.append(f'<Override PartName="/{member}" ContentType="{CT_MAIN}.{ctype}"/>')
    refs = []
    for kind, tag, items in (("header", "hdr", headers or {}), ("footer", "ftr", footers or {})):
        for i, (hf_type, content) in enumerate(items.items(), 1):
            member = f"word/{kind}{i}.xml"
            parts[member] = f'<w:{tag} {NS_DECL}>{content}</w:{tag}>'
            rid = f"rId{kind}{i}"
            rels.append((rid, f"{REL}/{kind}", member.split("/", 1)[1]))
            overrides.append(f'<Override PartName="/{member}" ContentType="{CT_MAIN}.{kind}+xml"/>')
            refs.append(f'<w:{kind}Reference w:type="{hf_type}" r:id="{rid}"/>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS_DECL}><w:body>{body}'
                f'<w:sectPr>{"".join(refs)}{sect}</w:sectPr></w:body></w:document>')
    content_types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                     'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                     'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                     f'ContentType="application/xml"/>{"".join(overrides)}</Types>')
    package_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                    f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                    'Target="word/document.xml"/></Relationships>')
    document_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                     'package/2006/relationships">'
                     + "".join(f'<Relationship Id="{rid}" Type="{t}" Target="{target}"/>' for rid, t, target in rels)
                     + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", package_rels)
        zf.writestr("word/document.xml", document)
        zf.writestr("word/_rels/document.xml.rels", document_rels)
        for member, xml in parts.items():
            zf.writestr(member, xml)
    return path


def to_strict(src: Path, dst: Path) -> Path:
    """The same package with every Transitional WordprocessingML and relationship namespace made Strict."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith((".xml", ".rels")):
                data = (data.replace(W.encode(), W_STRICT.encode())
                        .replace(REL.encode(), b"http://purl.oclc.org/ooxml/officeDocument/relationships"))
            zout.writestr(info, data)
    return dst


def blocks_of(path: Path, view: str = "accepted") -> list[Block]:
    return read_blocks(open_package(path), view)


def texts(path: Path, view: str = "accepted", *, keep_empty: bool = False) -> list[str]:
    return [b.text for b in blocks_of(path, view) if keep_empty or b.text]


def collapse(text: str) -> str:
    return " ".join(text.split())


# -- text of paragraphs -------------------------------------------------------------------------------

def test_text_split_across_runs_mid_word_reads_as_words(tmp_path):
    document = docx.Document()
    para = document.add_paragraph()
    for piece in ("The Ci", "ty shall pay wi", "thin ", "45", " da", "ys of inv", "oice."):
        para.add_run(piece)
    document.save(tmp_path / "split.docx")
    assert texts(tmp_path / "split.docx") == ["The City shall pay within 45 days of invoice."]


def test_text_python_docx_drops_is_read_insertion_smart_tag_inline_control_and_simple_field(tmp_path):
    body = p(r("Pay "), '<w:ins w:id="1" w:author="A" w:date="2025-01-01T00:00:00Z">', r("within"), "</w:ins>",
             '<w:smartTag w:uri="urn:x" w:element="n">', r(" 45"), "</w:smartTag>",
             "<w:sdt><w:sdtPr/><w:sdtContent>", r(" days"), "</w:sdtContent></w:sdt>",
             r(" of "), '<w:fldSimple w:instr=" DOCPROPERTY Thing ">', r("invoice"), "</w:fldSimple>", r("."))
    path = make_docx(tmp_path / "dropped.docx", body)
    assert docx.Document(path).paragraphs[0].text != "Pay within 45 days of invoice."  # why this module exists
    [block] = blocks_of(path)
    assert block.text == "Pay within 45 days of invoice."
    assert block.sdt is True


def test_text_special_characters_map_to_what_the_reader_sees(tmp_path):
    body = p(r("one"), "<w:r><w:tab/><w:t>two</w:t><w:br/><w:t>three</w:t></w:r>",
             "<w:r><w:t xml:space=\"preserve\"> non</w:t><w:noBreakHyphen/><w:t>binding</w:t></w:r>",
             "<w:r><w:t xml:space=\"preserve\"> co</w:t><w:softHyphen/><w:t>opera\u00adtion\u200b   now</w:t></w:r>",
             '<w:r><w:t xml:space="preserve"> </w:t><w:sym w:font="Symbol" w:char="00A7"/>'
             '<w:sym w:font="Wingdings" w:char="F0FC"/><w:t xml:space="preserve"> 5  </w:t></w:r>')
    path = make_docx(tmp_path / "chars.docx", body)
    assert texts(path) == ["one two three non-binding cooperation now § 5"]


def test_comments_are_not_contract_text(tmp_path):
    body = p('<w:commentRangeStart w:id="0"/>', r("Fee is due."), '<w:commentRangeEnd w:id="0"/>',
             '<w:r><w:commentReference w:id="0"/></w:r>')
    assert texts(make_docx(tmp_path / "c.docx", body)) == ["Fee is due."]


def test_unknown_view_is_refused(tmp_path):
    with pytest.raises(ValueError, match="view"):
        blocks_of(make_docx(tmp_path / "v.docx", p(r("x"))), "final")


# -- tracked changes ----------------------------------------------------------------------------------

INS = '<w:ins w:id="{id}" w:author="Other Side" w:date="2025-02-01T00:00:00Z">'
DEL = '<w:del w:id="{id}" w:author="Other Side" w:date="2025-02-01T00:00:00Z">'


def test_tracked_insertion_and_deletion_in_accepted_and_original_views(tmp_path):
    body = p(r("The SRO shall "), DEL.format(id=1), r("not ", tag="w:delText"), "</w:del>", r("enforce "),
             INS.format(id=2), r("criminal "), "</w:ins>", r("law."))
    path = make_docx(tmp_path / "tracked.docx", body)
    assert texts(path) == ["The SRO shall enforce criminal law."]
    assert texts(path, "original") == ["The SRO shall not enforce law."]


def test_moved_text_is_read_at_its_destination_when_accepted(tmp_path):
    body = (p('<w:moveFrom w:id="1" w:author="A">', r("Moved clause."), "</w:moveFrom>", r("First.")) +
            p(r("Second."), '<w:moveTo w:id="2" w:author="A">', r(" Moved clause."), "</w:moveTo>"))
    path = make_docx(tmp_path / "move.docx", body)
    assert texts(path) == ["First.", "Second. Moved clause."]
    assert texts(path, "original") == ["Moved clause.First.", "Second."]


def test_deleted_paragraph_mark_merges_the_paragraph_with_the_next(tmp_path):
    deleted_mark = f'<w:rPr>{DEL.format(id=3)}</w:del></w:rPr>'
    body = (p(r("The term is one year"), DEL.format(id=4), r(".", tag="w:delText"), "</w:del>", ppr=deleted_mark)
            + p(r(" and renews each July."), ppr='<w:pStyle w:val="BodyText"/>') + p(r("Next.")))
    path = make_docx(tmp_path / "merge.docx", body)
    merged = blocks_of(path)
    assert [b.text for b in merged] == ["The term is one year and renews each July.", "Next."]
    assert [b.index for b in merged] == [1, 2]
    assert merged[0].style == "BodyText"  # the surviving paragraph mark is the second one
    assert texts(path, "original") == ["The term is one year.", "and renews each July.", "Next."]


def test_inserted_paragraph_mark_merges_in_the_original_view(tmp_path):
    inserted_mark = f'<w:rPr>{INS.format(id=5)}</w:ins></w:rPr>'
    body = p(r("Fees are due within 30 days"), INS.format(id=6), r("."), "</w:ins>", ppr=inserted_mark) \
        + p(r(" of invoice."))
    path = make_docx(tmp_path / "insmark.docx", body)
    assert texts(path) == ["Fees are due within 30 days.", "of invoice."]
    assert texts(path, "original") == ["Fees are due within 30 days of invoice."]


def test_inserted_and_deleted_table_rows_follow_the_view(tmp_path):
    def row(text, trpr=""):
        return f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}<w:tc>{p(r(text))}</w:tc></w:tr>"
    body = ("<w:tbl>" + row("kept") + row("added", INS.format(id=7) + "</w:ins>")
            + row("removed", DEL.format(id=8) + "</w:del>") + "</w:tbl>")
    path = make_docx(tmp_path / "rows.docx", body)
    accepted = blocks_of(path)
    assert [(b.text, b.table) for b in accepted] == [("kept", (1, 0, 0)), ("added", (1, 1, 0))]
    assert [b.text for b in blocks_of(path, "original")] == ["kept", "removed"]


# -- wrappers, fields and links ---------------------------------------------------------------------

def test_content_controls_custom_xml_and_smart_tags_are_read_transparently(tmp_path):
    body = ("<w:sdt><w:sdtPr><w:alias w:val=\"Attire\"/></w:sdtPr><w:sdtContent>"
            + p(r("The SRO will wear the standard uniform.")) + "</w:sdtContent></w:sdt>"
            + '<w:customXml w:uri="urn:c" w:element="clause">' + p(r("Custom block.")) + "</w:customXml>"
            + p(r("The District may "), "<w:sdt><w:sdtPr/><w:sdtContent>",
                '<w:customXml w:element="x">', r("request removal"), "</w:customXml>",
                "</w:sdtContent></w:sdt>", '<w:smartTag w:element="date">', r(" at any time"), "</w:smartTag>",
                r("."))
            + p(r("Plain.")))
    blocks = blocks_of(make_docx(tmp_path / "sdt.docx", body))
    assert [(b.text, b.sdt) for b in blocks] == [
        ("The SRO will wear the standard uniform.", True), ("Custom block.", False),
        ("The District may request removal at any time.", True), ("Plain.", False)]


def test_field_results_are_text_and_field_codes_are_not(tmp_path):
    def fld(kind):
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'
    body = (p(r("Effective "), fld("begin"), r(" DATE \\@ ", tag="w:instrText"), r("MMMM", tag="w:instrText"),
              fld("separate"), r("July 1, 2025"), fld("end"), r("."))
            + p(r("See "), fld("begin"), r(" REF ", tag="w:instrText"),
                fld("begin"), r(" DOCPROPERTY x ", tag="w:instrText"), fld("separate"), r("_Ref9"), fld("end"),
                fld("separate"), r("Section 4.2"), fld("end"), r(" below."))
            + p(r("Dated "), '<w:fldSimple w:instr=" DATE ">', r("June 1"), "</w:fldSimple>", r("."))
            + p(fld("begin"), r(" PAGE ", tag="w:instrText"), fld("end"), r("No result.")))
    assert texts(make_docx(tmp_path / "fields.docx", body)) == [
        "Effective July 1, 2025.", "See Section 4.2 below.", "Dated June 1.", "No result."]


def test_hyperlink_text_is_text(tmp_path):
    body = p(r("Read the "), '<w:hyperlink w:anchor="policy">', r("SRO policy"), "</w:hyperlink>", r(" online."))
    assert texts(make_docx(tmp_path / "link.docx", body)) == ["Read the SRO policy online."]


# -- tables -------------------------------------------------------------------------------------------

def tc(*paras: str, tcpr: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{tcpr}</w:tcPr>' if tcpr else ''}{''.join(paras)}</w:tc>"


def test_tables_nested_and_merged_cells_read_each_cell_once(tmp_path):
    nested = "<w:tbl>" + "<w:tr>" + tc(p(r("inner a"))) + tc(p(r("inner b"))) + "</w:tr></w:tbl>"
    body = (p(r("Before."))
            + "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + "<w:tr>" + tc(p(r("Duty")), tcpr='<w:vMerge w:val="restart"/>')
            + tc(p(r("Who does it")), tcpr='<w:gridSpan w:val="2"/>') + "</w:tr>"
            + "<w:tr>" + tc(p(), tcpr="<w:vMerge/>") + tc(p(r("City")), nested, p()) + tc(p(r("District")))
            + "</w:tr></w:tbl>"
            + p(r("After.")) + "<w:tbl><w:tr>" + tc(p(r("second table"))) + "</w:tr></w:tbl>")
    blocks = [b for b in blocks_of(make_docx(tmp_path / "tables.docx", body)) if b.text]
    assert [(b.text, b.kind, b.table) for b in blocks] == [
        ("Before.", "body", None),
        ("Duty", "cell", (1, 0, 0)),
        ("Who does it", "cell", (1, 0, 1)),
        ("City", "cell", (1, 1, 1)),
        ("inner a", "cell", (2, 0, 0)),
        ("inner b", "cell", (2, 0, 1)),
        ("District", "cell", (1, 1, 2)),
        ("After.", "body", None),
        ("second table", "cell", (3, 0, 0)),
    ]
    joined = " ".join(b.text for b in blocks)
    assert joined.count("Duty") == 1 and joined.count("Who does it") == 1


def test_tables_made_by_python_docx_with_merged_cells(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Merged down"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Merged across"
    table.cell(1, 1).text = "b"
    table.cell(1, 2).text = "c"
    document.save(tmp_path / "merged.docx")
    blocks = [b for b in blocks_of(tmp_path / "merged.docx") if b.text]
    assert [(b.text, b.table) for b in blocks] == [
        ("Merged down", (1, 0, 0)), ("Merged across", (1, 0, 1)), ("b", (1, 1, 1)), ("c", (1, 1, 2))]


# -- text boxes, notes, headers -------------------------------------------------------------------

def textbox_drawing(text: str) -> str:
    content = f"<w:txbxContent>{p(r(text))}</w:txbxContent>"
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
            f'<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
            f'</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r>')


def test_text_box_in_alternate_content_is_read_once_after_its_anchor(tmp_path):
    body = (p(r("Anchor paragraph."), textbox_drawing("Agency records stay with the Department."))
            + p(r("Next paragraph.")) + p('<w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
                                          + p(r("VML only box.")) + '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    blocks = blocks_of(make_docx(tmp_path / "box.docx", body))
    assert [(b.text, b.kind) for b in blocks if b.text] == [
        ("Anchor paragraph.", "body"), ("Agency records stay with the Department.", "textbox"),
        ("Next paragraph.", "body"), ("VML only box.", "textbox")]
    assert [b.index for b in blocks] == list(range(1, len(blocks) + 1))


def note(kind: str, nid: int, text: str, note_type: str = "") -> str:
    type_attr = f' w:type="{note_type}"' if note_type else ""
    return (f'<w:{kind} w:id="{nid}"{type_attr}>'
            + p(f'<w:r><w:{kind}Ref/></w:r>', r(f" {text}"), ppr=f'<w:pStyle w:val="{kind.title()}Text"/>')
            + f"</w:{kind}>")


def test_footnotes_and_endnotes_read_when_referenced_in_reference_order(tmp_path):
    footnotes = (note("footnote", -1, "", "separator") + note("footnote", 0, "", "continuationSeparator")
                 + note("footnote", 1, "Minn. Stat. ch. 13 applies.") + note("footnote", 2, "Never referenced.")
                 + note("footnote", 3, "See also FERPA."))
    endnotes = note("endnote", 1, "End of agreement note.")
    body = p(r("Data"), '<w:r><w:footnoteReference w:id="3"/></w:r>', r(" practices"),
             '<w:r><w:footnoteReference w:id="1"/></w:r>', '<w:r><w:endnoteReference w:id="1"/></w:r>', r("."))
    blocks = blocks_of(make_docx(tmp_path / "notes.docx", body, footnotes=footnotes, endnotes=endnotes))
    assert [(b.text, b.kind, b.part, b.index, b.heading) for b in blocks] == [
        ("Data practices.", "body", "word/document.xml", 1, ""),
        ("See also FERPA.", "footnote", "word/footnotes.xml", 1, ""),
        ("Minn. Stat. ch. 13 applies.", "footnote", "word/footnotes.xml", 2, ""),
        ("End of agreement note.", "endnote", "word/endnotes.xml", 1, ""),
    ]


def test_header_and_footer_made_by_python_docx(tmp_path):
    document = docx.Document()
    document.add_paragraph("Body text.")
    section = document.sections[0]
    section.header.paragraphs[0].text = "CONFIDENTIAL DRAFT"
    section.footer.paragraphs[0].text = "Page footer"
    document.save(tmp_path / "hf.docx")
    blocks = [b for b in blocks_of(tmp_path / "hf.docx") if b.text]
    assert [(b.text, b.kind, b.index) for b in blocks] == [
        ("Body text.", "body", 1), ("CONFIDENTIAL DRAFT", "header", 1), ("Page footer", "footer", 1)]
    assert blocks[1].part != blocks[2].part != "word/document.xml"


def test_only_referenced_headers_are_read_headers_before_footers(tmp_path):
    path = make_docx(tmp_path / "hf2.docx", p(r("Body.")),
                     headers={"default": p(r("Default header")), "first": p(r("First page header"))},
                     footers={"default": p(r("Footer text"))})
    assert [(b.text, b.kind) for b in blocks_of(path)] == [
        ("Body.", "body"), ("Default header", "header"), ("First page header", "header"), ("Footer text", "footer")]


# -- headings and list labels -----------------------------------------------------------------------

STYLES = """
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="Heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="ArticleHead"><w:name w:val="Article Head"/><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="Clause"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListClause"><w:name w:val="List Clause"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
"""


def test_heading_levels_by_style_id_style_name_outline_level_and_title(tmp_path):
    body = (p(r("Services Agreement"), ppr='<w:pStyle w:val="Title"/>')
            + p(r("ARTICLE 1. TERM"), ppr='<w:pStyle w:val="Heading1"/>')
            + p(r("Renewal"), ppr='<w:pStyle w:val="berschrift2"/>')
            + p(r("Notice"), ppr='<w:pStyle w:val="Clause"/>')
            + p(r("ARTICLE 2. DUTIES"), ppr='<w:pStyle w:val="ArticleHead"/>')
            + p(r("Direct outline"), ppr='<w:outlineLvl w:val="1"/>')
            + p(r("Body text"), ppr='<w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/>')
            + p(r("Google heading"), ppr='<w:pStyle w:val="Heading4"/>')
            + p(r("Plain")))
    blocks = blocks_of(make_docx(tmp_path / "headings.docx", body, styles=STYLES))
    assert [(b.text, b.heading_level) for b in blocks] == [
        ("Services Agreement", 0), ("ARTICLE 1. TERM", 1), ("Renewal", 2), ("Notice", 3),
        ("ARTICLE 2. DUTIES", 1), ("Direct outline", 2), ("Body text", None), ("Google heading", 4),
        ("Plain", None)]
    assert blocks[1].style == "Heading1" and blocks[-1].style is None


def test_heading_path_is_the_nearest_enclosing_heading(tmp_path):
    body = (p(r("ARTICLE 4. DUTIES"), ppr='<w:pStyle w:val="Heading1"/>')
            + p(r("The SRO shall foster a positive climate."))
            + p(r("4.2 Limits"), ppr='<w:pStyle w:val="berschrift2"/>')
            + p(r("No school discipline."))
            + "<w:tbl><w:tr>" + tc(p(r("In a table."))) + "</w:tr></w:tbl>"
            + p(r("ARTICLE 5. DATA"), ppr='<w:pStyle w:val="Heading1"/>')
            + p(r("Records stay separate.")))
    headings = [(b.text, b.heading) for b in blocks_of(make_docx(tmp_path / "path.docx", body, styles=STYLES))]
    assert headings == [
        ("ARTICLE 4. DUTIES", ""),
        ("The SRO shall foster a positive climate.", "ARTICLE 4. DUTIES"),
        ("4.2 Limits", "ARTICLE 4. DUTIES"),
        ("No school discipline.", "4.2 Limits"),
        ("In a table.", "4.2 Limits"),
        ("ARTICLE 5. DATA", ""),
        ("Records stay separate.", "ARTICLE 5. DATA"),
    ]


NUMBERING = """
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%2(%3)(%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="30">
  <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="ARTICLE %1"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="10"/>
  <w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>
"""


def numbered(text: str, num_id: int, ilvl: int | None = None, style: str = "") -> str:
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    return p(r(text), ppr=f'{style_xml}<w:numPr>{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr>')


def test_list_labels_are_computed_from_numbering_xml(tmp_path):
    body = (numbered("Definitions", 1, 0) + numbered("Term", 1, 1) + numbered("Renewal", 1, 1)
            + numbered("first duty", 1, 2) + numbered("second duty", 1, 2) + numbered("detail", 1, 3)
            + numbered("Duties", 1, 0) + numbered("Scope", 1, 1) + numbered("restart duty", 1, 2)
            + numbered("a bullet", 2, 0) + p(r("Unnumbered"))
            + numbered("restarted list", 3, 2) + numbered("continues", 1, 2)
            + numbered("Roman", 4, 0) + p(r("No numId anywhere"), ppr='<w:numPr><w:ilvl w:val="0"/></w:numPr>')
            + p(r("Style numbered"), ppr='<w:pStyle w:val="ListClause"/>')
            + numbered("Numbering removed", 0, 0, style="ListClause"))
    blocks = blocks_of(make_docx(tmp_path / "lists.docx", body, numbering=NUMBERING, styles=STYLES))
    assert [(b.label, b.text) for b in blocks] == [
        ("1.", "Definitions"), ("1.1", "Term"), ("1.2", "Renewal"), ("(a)", "first duty"), ("(b)", "second duty"),
        ("2(b)(i)", "detail"), ("2.", "Duties"), ("2.1", "Scope"), ("(a)", "restart duty"), (None, "a bullet"),
        (None, "Unnumbered"), ("(a)", "restarted list"), ("(b)", "continues"), ("ARTICLE III", "Roman"),
        (None, "No numId anywhere"), ("3.", "Style numbered"), (None, "Numbering removed")]


def test_numbered_heading_carries_its_label_into_the_heading_path(tmp_path):
    body = (p(r("Duties"), ppr='<w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/>'
                              '</w:numPr>') + p(r("The SRO serves as a liaison.")))
    blocks = blocks_of(make_docx(tmp_path / "numhead.docx", body, numbering=NUMBERING, styles=STYLES))
    assert blocks[1].heading == "ARTICLE III Duties"


def test_python_docx_list_number_style_gets_labels(tmp_path):
    document = docx.Document()
    for text in ("first", "second", "third"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("bullet", style="List Bullet")
    document.save(tmp_path / "pylist.docx")
    assert [(b.label, b.text) for b in blocks_of(tmp_path / "pylist.docx")] == [
        ("1.", "first"), ("2.", "second"), ("3.", "third"), (None, "bullet")]


# -- Strict OOXML -------------------------------------------------------------------------------------

def rich_document(path: Path) -> Path:
    body = (p(r("ARTICLE 1. DUTIES"), ppr='<w:pStyle w:val="Heading1"/>')
            + numbered("Liaison", 1, 0) + numbered("Advice on drills", 1, 2)
            + p(r("Keep "), INS.format(id=1), r("students "), "</w:ins>", DEL.format(id=2),
                r("people ", tag="w:delText"), "</w:del>", r("safe"), '<w:r><w:footnoteReference w:id="1"/></w:r>')
            + "<w:tbl><w:tr>" + tc(p(r("cell text"))) + "</w:tr></w:tbl>"
            + p(r("Anchor."), textbox_drawing("Box text.")))
    return make_docx(path, body, styles=STYLES, numbering=NUMBERING, footnotes=note("footnote", 1, "Note text."),
                     headers={"default": p(r("Header text"))})


def test_strict_namespace_copy_reads_the_same(tmp_path):
    transitional = rich_document(tmp_path / "transitional.docx")
    strict = to_strict(transitional, tmp_path / "strict.docx")
    package = open_package(strict)
    assert package.strict
    for view in ("accepted", "original"):
        expected = [(b.text, b.kind, b.label, b.heading_level, b.heading, b.table, b.part)
                    for b in blocks_of(transitional, view)]
        assert expected and [(b.text, b.kind, b.label, b.heading_level, b.heading, b.table, b.part)
                             for b in read_blocks(package, view)] == expected
    assert "Box text." in texts(strict) and "Note text." in texts(strict) and "Header text" in texts(strict)


def test_qn_builds_clark_names_for_both_namespaces():
    assert qn("w:p") == f"{{{W}}}p"
    assert qn("w:p", strict=True) == f"{{{W_STRICT}}}p"


# -- run spans ----------------------------------------------------------------------------------------

def run_text(run) -> str:
    pieces = []
    for child in run:
        local = etree.QName(child).localname
        if local in ("t", "delText"):
            pieces.append(child.text or "")
        elif local in ("tab", "br"):
            pieces.append(" ")
    return collapse("".join(pieces))


@pytest.mark.parametrize("view", ["accepted", "original"])
def test_run_spans_slice_back_to_each_runs_text(tmp_path, view):
    path = rich_document(tmp_path / "spans.docx")
    package = open_package(path)
    roots: dict[str, etree._Element] = {}
    checked = 0
    for block in read_blocks(package, view):
        root = roots.setdefault(block.part, package.xml(block.part))
        covered = []
        for span in block.runs:
            assert isinstance(span, RunSpan) and 0 <= span.start < span.end <= len(block.text)
            [run] = root.getroottree().xpath(span.path, namespaces={k: v for k, v in root.nsmap.items() if k})
            assert etree.QName(run).localname == "r"
            assert block.text[span.start:span.end].strip() == run_text(run)
            covered.append(block.text[span.start:span.end])
            checked += 1
        assert collapse(" ".join(covered)).replace(" ", "") == block.text.replace(" ", "")
    assert checked >= 10


def test_run_spans_across_collapsed_whitespace_and_split_words(tmp_path):
    body = p(r("  Pay wi"), r("thin  "), r("  45 days"), "<w:r><w:tab/></w:r>", r("net."))
    path = make_docx(tmp_path / "ws.docx", body)
    [block] = blocks_of(path)
    assert block.text == "Pay within 45 days net."
    assert [block.text[s.start:s.end] for s in block.runs] == ["Pay wi", "thin ", "45 days", "net."]
    assert block.runs[0].path == "/w:document/w:body/w:p/w:r[1]"


def test_reader_is_fast_on_a_long_contract(tmp_path):
    body = "".join(p(r(f"Clause {i} of "), r("the agree"), r(f"ment, part {i}."), ppr='<w:pStyle w:val="Normal"/>')
                   for i in range(6000))
    path = make_docx(tmp_path / "long.docx", body + "<w:tbl>" + "".join(
        f"<w:tr>{tc(p(r(f'cell {i}')))}{tc(p(r('x')))}</w:tr>" for i in range(2000)) + "</w:tbl>", styles=STYLES)
    package = open_package(path)
    started = time.perf_counter()
    blocks = read_blocks(package)
    assert len(blocks) == 10000
    assert time.perf_counter() - started < 5.0


# -- real-world corpus --------------------------------------------------------------------------------

def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    files = sorted(CORPUS.glob("*.docx"))
    for folder in ("edge", "compare", "revisions"):
        files += sorted((CORPUS / folder).glob("*.docx"))
    return files


def require_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"real-world corpus not found at {CORPUS} (the ../shared folder is absent in this clone)")


@pytest.mark.parametrize("path", corpus_files() or [None], ids=lambda p: p.relative_to(CORPUS).as_posix() if p else "none")
def test_corpus_file_reads_in_both_views(path):
    require_corpus()
    try:
        package = open_package(path)
    except PackageError as exc:
        pytest.skip(f"refused by open_package: {exc}")
    for view in ("accepted", "original"):
        blocks = read_blocks(package, view)
        assert all(isinstance(b, Block) for b in blocks)
        by_part: dict[str, list[int]] = {}
        for block in blocks:
            by_part.setdefault(block.part, []).append(block.index)
            assert block.text == block.text.strip() and "  " not in block.text
        assert all(indexes == list(range(1, len(indexes) + 1)) for indexes in by_part.values())


def test_corpus_text_boxes_are_read_once():
    require_corpus()
    blocks = blocks_of(CORPUS / "compare" / "WC044-text-box.b.docx")
    box_texts = [b.text for b in blocks if b.kind == "textbox" and b.text]
    assert box_texts and len(box_texts) == len(set(box_texts))


def test_corpus_strict_edge_file_reads_its_text():
    require_corpus()
    assert texts(CORPUS / "edge" / "d2p__strict.docx")[:4] == ["Bullet1", "Bullet2", "Number1", "Number2"]


REVISION_NAMES = sorted(p.name[:-len(".docx")] for p in (CORPUS / "revisions").glob("*.docx")
                        if p.name.count(".") == 1) if CORPUS.is_dir() else []


def body_text(path: Path, view: str) -> list[str]:
    package = open_package(path)
    return [collapse(b.text) for b in read_blocks(package, view) if b.part == package.main_part and b.text.strip()]


@pytest.mark.parametrize("name", REVISION_NAMES or ["none"])
@pytest.mark.parametrize("view,baseline", [("accepted", "accepted"), ("original", "rejected")])
def test_corpus_revisions_views_match_accept_all_and_reject_all(name, view, baseline):
    require_corpus()
    folder = CORPUS / "revisions"
    assert body_text(folder / f"{name}.docx", view) == body_text(folder / f"{name}.{baseline}.docx", "accepted")


# -- development-set contracts --------------------------------------------------------------------------

def dev_set_cases() -> list[tuple[str, list[str]]]:
    labels_file = DEV_SET / "labels.yaml"
    if not labels_file.is_file():
        return []
    labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    cases = []
    for name, document in labels["documents"].items():
        phrases = [collapse(q) for label in document["labels"].values()
                   for q in re.findall(r'"([^"]+)"', label.get("reason") or "")]
        cases.append((name, phrases))
    return cases


@pytest.mark.parametrize("name,phrases", dev_set_cases() or [("none", [])], ids=lambda v: v if isinstance(v, str) else "")
def test_dev_set_quoted_phrases_are_all_seen(name, phrases):
    if not (DEV_SET / "labels.yaml").is_file():
        pytest.skip(f"dev set not found at {DEV_SET} (the ../shared folder is absent in this clone)")
    blocks = blocks_of(DEV_SET / name)
    joined = collapse(" ".join(b.text for b in blocks))
    assert phrases
    missing = [q for q in phrases if q not in joined]
    assert not missing, f"{name}: phrases not read: {missing}"
