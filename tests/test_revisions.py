"""Tracked changes and comments: our own views, package checks, and LibreOffice as the independent judge.

Every case edits a real .docx (generated with python-docx, or a corpus file that already has tracked
changes and comments) and states the proposed text as line edits of the original. The same edits must
hold for our accepted view and for LibreOffice's Accept All; Reject All must give the original back.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from contractgen.ooxml.blocks import read_blocks
from contractgen.ooxml.editing import EditablePackage
from contractgen.ooxml.namespaces import W
from contractgen.ooxml.revisions import (RevisionError, Revisions, add_comment, check_package, delete_paragraph,
                                         delete_text, existing_ids, insert_paragraph_after, insert_paragraph_before,
                                         insert_text, replace_text)
from contractgen.output import write_atomic
from tests.conftest import SHARED, libreoffice_missing_reason, run_oracle

CORPUS = SHARED / "corpus"
WHEN = datetime(2026, 1, 1, tzinfo=timezone.utc)
NS = {"w": W}
A = 'w:author="Other Lawyer" w:date="2025-06-01T00:00:00Z"'


# -- building inputs -----------------------------------------------------------------------------------

def _fill(paragraph, xml: str) -> None:
    """Replace a python-docx paragraph's content with raw paragraph-content XML."""
    p = paragraph._p
    for child in list(p):
        if child.tag != f"{{{W}}}pPr":
            p.remove(child)
    frag = etree.fromstring(f'<w:p xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                            f'2006/relationships">{xml}</w:p>')
    for child in frag:
        p.append(child)


def generated(path: Path, extra: str | None = None) -> Path:
    """A small contract with mixed run formatting; `extra` is raw XML for one more paragraph."""
    document = docx.Document()
    document.add_paragraph("Agreement between the parties.")
    p = document.add_paragraph("Pay ")
    p.add_run("within 45").bold = True
    p.add_run(" days\tof ")
    p.add_run("invoice").italic = True
    p.add_run(".")
    if extra is not None:
        _fill(document.add_paragraph(), extra)
    document.add_paragraph("The Supplier shall deliver the goods.")
    document.add_paragraph("Last paragraph text.")
    document.save(path)
    return path


def paragraph_with(pkg, phrase: str):
    """The w:p whose accepted text contains `phrase` (found with the reader), and the phrase's offset."""
    for block in read_blocks(pkg, "accepted"):
        if block.part == pkg.main_part and phrase in block.text and block.runs:
            root = pkg.xml(pkg.main_part)
            prefixes = {k: v for k, v in root.nsmap.items() if k}
            run = root.getroottree().xpath(block.runs[0].path, namespaces=prefixes)[0]
            p = next(a for a in run.iterancestors() if a.tag == f"{{{W}}}p")
            return p, block.text.index(phrase)
    raise AssertionError(f"no paragraph contains {phrase!r}")


def body_text(pkg, view: str) -> str:
    return "\n".join(b.text for b in read_blocks(pkg, view) if b.kind in ("body", "cell"))


def apply_edits(text: str, edits: list[tuple[str, str | None]]) -> str:
    """Replace whole lines: (old line, new lines or None to drop it); each old line must occur once."""
    lines = text.split("\n")
    for old, new in edits:
        hits = [i for i, line in enumerate(lines) if line == old]
        assert len(hits) == 1, f"line {old!r} occurs {len(hits)} times"
        i = hits[0]
        lines[i:i + 1] = [] if new is None else new.split("\n")
    return "\n".join(lines)


@dataclass
class Case:
    name: str
    source: Path
    output: Path
    edits: list
    comments: list = field(default_factory=list)  # (text, anchored phrase)
    lo: bool = True
    ids_before: set = field(default_factory=set)
    new_ids: set = field(default_factory=set)


def _run_case(name: str, source: Path, out_dir: Path, edit, lo: bool = True) -> Case:
    pkg = EditablePackage.open(source)
    before = set(existing_ids(pkg))
    rev = Revisions(pkg, author="Contract Bot")
    edits, comments = edit(pkg, rev)
    output = out_dir / f"{name}.docx"
    write_atomic(output, pkg.to_bytes(WHEN), inputs=[source])
    after = set(existing_ids(EditablePackage.open(output)))
    return Case(name, source, output, edits, comments, lo, before, after - before)


# -- the cases ------------------------------------------------------------------------------------------

PAY = "Pay within 45 days of invoice."


def case_insert_text(pkg, rev):
    p, at = paragraph_with(pkg, "within")
    insert_text(rev, p, at, "promptly ")
    first, _ = paragraph_with(pkg, "Agreement")
    insert_text(rev, first, 0, "This ")
    insert_text(rev, first, len("This Agreement between the parties."), " Binding.")
    return [(PAY, "Pay promptly within 45 days of invoice."),
            ("Agreement between the parties.", "This Agreement between the parties. Binding.")], []


def case_delete_text_across_runs(pkg, rev):
    p, at = paragraph_with(pkg, "within 45 days")
    delete_text(rev, p, at, at + len("within 45 days "))
    return [(PAY, "Pay of invoice.")], []


def case_delete_text_across_tab(pkg, rev):
    p, at = paragraph_with(pkg, "days of")
    delete_text(rev, p, at + 2, at + len("days o"))  # "ys o": crosses the w:tab
    return [(PAY, "Pay within 45 daf invoice.")], []


def case_replace_text_keeps_formatting(pkg, rev):
    p, at = paragraph_with(pkg, "45")
    replace_text(rev, p, at, at + 2, "30")
    new = p.xpath(".//w:ins/w:r[w:t='30']", namespaces=NS)
    assert new and new[0].find("w:rPr/w:b", NS) is not None, "the replacement keeps the bold of what it replaces"
    return [(PAY, "Pay within 30 days of invoice.")], []


def case_insert_paragraph_after_middle(pkg, rev):
    p, _ = paragraph_with(pkg, "Agreement between")
    insert_paragraph_after(rev, p, "Recitals follow.")
    return [("Agreement between the parties.", "Agreement between the parties.\nRecitals follow.")], []


def case_insert_paragraph_after_last(pkg, rev):
    p, _ = paragraph_with(pkg, "Last paragraph")
    new = insert_paragraph_after(rev, p, "Signed by [NAME] on [DATE].", style="Heading1", highlight=True)
    marks = new.xpath(".//w:highlight", namespaces=NS)
    assert len(marks) == 2, "each placeholder is highlighted"
    return [("Last paragraph text.", "Last paragraph text.\nSigned by [NAME] on [DATE].")], []


def case_insert_paragraph_before_first(pkg, rev):
    p, _ = paragraph_with(pkg, "Agreement between")
    insert_paragraph_before(rev, p, "MASTER SERVICES AGREEMENT", style="Title")
    return [("Agreement between the parties.", "MASTER SERVICES AGREEMENT\nAgreement between the parties.")], []


def case_delete_paragraph_middle(pkg, rev):
    p, _ = paragraph_with(pkg, "Pay within")
    delete_paragraph(rev, p)
    return [(PAY, None)], []


def case_delete_paragraph_last(pkg, rev):
    p, _ = paragraph_with(pkg, "Last paragraph")
    delete_paragraph(rev, p)
    return [("Last paragraph text.", None)], []


def case_comment(pkg, rev):
    p, at = paragraph_with(pkg, "within 45 days")
    cid = add_comment(rev, p, at, at + len("within 45 days"), "Check the period.\nSee clause 4.")
    assert isinstance(cid, int)
    return [], [("Check the period.\nSee clause 4.", "within 45 days")]


HYPERLINK = ('<w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink w:anchor="rates"><w:r><w:rPr>'
             '<w:u w:val="single"/></w:rPr><w:t>the schedule</w:t></w:r></w:hyperlink>'
             '<w:r><w:t xml:space="preserve"> for rates.</w:t></w:r>')


def case_hyperlink(pkg, rev):
    p, at = paragraph_with(pkg, "schedule")
    replace_text(rev, p, at, at + len("schedule"), "Schedule A")
    p, at = paragraph_with(pkg, "See")
    insert_text(rev, p, len("See the Schedule A for rates."), " Fees are fixed.")
    assert p.xpath("w:hyperlink/w:del", namespaces=NS), "the deletion stays inside the hyperlink"
    return [("See the schedule for rates.", "See the Schedule A for rates. Fees are fixed.")], []


FIELD = ('<w:r><w:t xml:space="preserve">Payment within </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
         '<w:r><w:instrText xml:space="preserve"> QUOTE "45" </w:instrText></w:r>'
         '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>45</w:t></w:r>'
         '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> days net.</w:t></w:r>')


def case_field_deleted_whole(pkg, rev):
    p, at = paragraph_with(pkg, "45 days net")
    with pytest.raises(RevisionError):
        delete_text(rev, p, at + 1, at + 4)  # "5 d" cuts the field
    with pytest.raises(RevisionError):
        insert_text(rev, p, at + 1, "x")
    delete_text(rev, p, at, at + 3)  # "45 ": the whole field and a space
    assert p.xpath("w:del/w:r/w:delInstrText", namespaces=NS), "instrText becomes delInstrText"
    return [("Payment within 45 days net.", "Payment within days net.")], []


WRAPPERS = ('<w:r><w:t xml:space="preserve">The </w:t></w:r><w:smartTag w:uri="urn:x" w:element="party"><w:r>'
            '<w:t>Customer</w:t></w:r></w:smartTag><w:r><w:t xml:space="preserve"> shall </w:t></w:r>'
            '<w:sdt><w:sdtPr><w:alias w:val="verb"/></w:sdtPr><w:sdtContent><w:r><w:t>pay</w:t></w:r></w:sdtContent>'
            '</w:sdt><w:r><w:t xml:space="preserve"> promptly.</w:t></w:r>')


def case_smarttag_and_sdt(pkg, rev):
    p, at = paragraph_with(pkg, "Customer shall pay")
    replace_text(rev, p, at, at + len("Customer shall pay"), "Buyer must remit")
    return [("The Customer shall pay promptly.", "The Buyer must remit promptly.")], []


FOREIGN_INS = (f'<w:r><w:t xml:space="preserve">Notice is given </w:t></w:r><w:ins w:id="901" {A}><w:r>'
               '<w:t xml:space="preserve">quickly and </w:t></w:r></w:ins><w:r><w:t>in writing.</w:t></w:r>')


def case_existing_insertion(pkg, rev):
    p, at = paragraph_with(pkg, "quickly and")
    delete_text(rev, p, at + len("quickly "), at + len("quickly and "))
    insert_text(rev, p, at + len("quick"), "-ish")  # inside the other author's insertion: it is split
    assert p.xpath("w:ins/w:del/w:r/w:delText", namespaces=NS), "w:ins > w:del > w:r, as Word writes"
    assert not p.xpath(".//w:ins//w:ins", namespaces=NS), "insertions never nest"
    return [("Notice is given quickly and in writing.", "Notice is given quick-ishly in writing.")], []


def case_tabs_breaks_spaces(pkg, rev):
    p, at = paragraph_with(pkg, "Alpha")
    text = "Alpha Beta Gamma Delta"
    assert p is not None and at == 0
    delete_text(rev, p, text.index("Beta"), text.index("Gamma"))
    replace_text(rev, p, text.index("Delta") - len("Beta "), len(text) - len("Beta "), "Omega")
    return [(text, "Alpha Gamma Omega")], []


SPACES = ('<w:r><w:t xml:space="preserve">  Alpha  </w:t><w:tab/><w:t>Beta</w:t><w:br/></w:r>'
          '<w:r><w:t xml:space="preserve"> Gamma\u00a0Delta  </w:t></w:r>')


def case_ra001_tracked_revisions(pkg, rev):
    p, at = paragraph_with(pkg, "mix well")
    old = "diluent and mix well. [Label as sample preparation-1 and 2]."
    replace_text(rev, p, at + len("mix "), at + len("mix well"), "thoroughly")
    p, at = paragraph_with(pkg, "diluent and")
    add_comment(rev, p, at, at + len("diluent"), "Which diluent?")
    return [(old, old.replace("mix well", "mix thoroughly"))], [("Which diluent?", "diluent")]


def case_poi_comment(pkg, rev):
    body = pkg.xml(pkg.main_part).find("w:body", NS)
    p = body.find("w:p", NS)
    insert_text(rev, p, 0, "Hello world")
    add_comment(rev, p, 0, 5, "Greeting")
    return [("", "Hello world")], [("Greeting", "Hello")]


def case_dd002_dense_comments(pkg, rev):
    p, at = paragraph_with(pkg, "parties named below")
    old = "These recitals bind the parties named below on the effective date."
    delete_text(rev, p, at + len("parties "), at + len("parties named below "))
    add_comment(rev, p, 0, len("These"), "Plain language")
    return [(old, "These recitals bind the parties on the effective date.")], [("Plain language", "These")]


def case_poi_delins(pkg, rev):
    p, at = paragraph_with(pkg, "has been released")
    old = "Apache Tika 0.3 has been released. Please see the download page for more details."
    replace_text(rev, p, at + len("has been "), at + len("has been released"), "published")
    return [(old, old.replace("released", "published"))], []


GENERATED = {
    "insert_text": (None, case_insert_text),
    "delete_text_across_runs": (None, case_delete_text_across_runs),
    "delete_text_across_tab": (None, case_delete_text_across_tab),
    "replace_text_keeps_formatting": (None, case_replace_text_keeps_formatting),
    "insert_paragraph_after_middle": (None, case_insert_paragraph_after_middle),
    "insert_paragraph_after_last": (None, case_insert_paragraph_after_last),
    "insert_paragraph_before_first": (None, case_insert_paragraph_before_first),
    "delete_paragraph_middle": (None, case_delete_paragraph_middle),
    "delete_paragraph_last": (None, case_delete_paragraph_last),
    "comment": (None, case_comment),
    "hyperlink": (HYPERLINK, case_hyperlink),
    "field_deleted_whole": (FIELD, case_field_deleted_whole),
    "smarttag_and_sdt": (WRAPPERS, case_smarttag_and_sdt),
    "existing_insertion": (FOREIGN_INS, case_existing_insertion),
    "tabs_breaks_spaces": (SPACES, case_tabs_breaks_spaces),
}
CORPUS_CASES = {
    "ra001_tracked_revisions": ("oxpt__RA001-Tracked-Revisions-01.docx", case_ra001_tracked_revisions, True),
    "poi_comment": ("poi__comment.docx", case_poi_comment, True),
    # LibreOffice refuses DD002: its [Content_Types].xml gives the main part no content type.
    "dd002_dense_comments": ("docxodus__DD002-DenseComments.docx", case_dd002_dense_comments, False),
    "poi_delins": ("poi__delins.docx", case_poi_delins, True),
}
ALL_CASES = [*GENERATED, *CORPUS_CASES]


@pytest.fixture(scope="session")
def cases(tmp_path_factory) -> dict[str, Case | str]:
    """Every case built once (a skip reason string for corpus cases when ../shared is absent)."""
    folder = tmp_path_factory.mktemp("revisions")
    out: dict[str, Case | str] = {}
    for name, (extra, edit) in GENERATED.items():
        source = generated(folder / f"{name}.src.docx", extra)
        out[name] = _run_case(name, source, folder, edit)
    for name, (file_name, edit, lo) in CORPUS_CASES.items():
        source = CORPUS / file_name
        if not source.is_file():
            out[name] = f"corpus file {source} not found (the ../shared folder is absent in this clone)"
            continue
        copy_ = folder / f"{name}.src.docx"
        shutil.copyfile(source, copy_)
        out[name] = _run_case(name, copy_, folder, edit, lo)
    return out


def _case(cases, name) -> Case:
    case = cases[name]
    if isinstance(case, str):
        pytest.skip(case)
    return case


# -- our own views and checks ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL_CASES)
def test_accepted_view_is_the_proposed_text_and_original_view_the_input(cases, name):
    case = _case(cases, name)
    source = EditablePackage.open(case.source)
    result = EditablePackage.open(case.output)
    assert body_text(result, "accepted") == apply_edits(body_text(source, "accepted"), case.edits)
    assert body_text(result, "original") == body_text(source, "original")


@pytest.mark.parametrize("name", ALL_CASES)
def test_written_package_passes_check_package(cases, name):
    case = _case(cases, name)
    assert check_package(case.source.read_bytes()) == [], "the input itself is clean"
    assert check_package(case.output.read_bytes()) == []


@pytest.mark.parametrize("name", ALL_CASES)
def test_new_ids_never_reuse_existing_ones_and_existing_ones_stay(cases, name):
    case = _case(cases, name)
    after = set(existing_ids(EditablePackage.open(case.output)))
    assert case.ids_before <= after, "pre-existing revision and comment ids are untouched"
    assert not case.new_ids & case.ids_before


@pytest.mark.parametrize("name", ALL_CASES)
def test_comments_are_written_with_author_date_and_text(cases, name):
    case = _case(cases, name)
    pkg = EditablePackage.open(case.output)
    part = pkg.related_part("comments")
    if not case.comments:
        return
    comments = pkg.xml(part).findall("w:comment", NS)
    ours = {c.get(f"{{{W}}}id"): c for c in comments if c.get(f"{{{W}}}author") == "Contract Bot"}
    assert len(ours) == len(case.comments)
    for comment, (text, _) in zip(ours.values(), case.comments):
        assert comment.get(f"{{{W}}}date") == "2026-01-01T00:00:00Z"
        assert comment.get(f"{{{W}}}initials") == "CB"
        paragraphs = ["".join(comment_p.itertext()) for comment_p in comment.findall("w:p", NS)]
        assert "\n".join(paragraphs) == text


def test_comments_part_relationship_and_content_type_are_created(cases):
    case = _case(cases, "comment")
    with zipfile.ZipFile(case.output) as zf:
        names = zf.namelist()
        assert names[-1] == "word/comments.xml", "new parts come after the original entries"
        assert b"/word/comments.xml" in zf.read("[Content_Types].xml")
        assert b"relationships/comments" in zf.read("word/_rels/document.xml.rels")
    with zipfile.ZipFile(case.source) as src:
        assert names[:-1] == src.namelist()


def test_reference_run_uses_the_comment_reference_style_when_the_document_has_it(cases):
    case = _case(cases, "ra001_tracked_revisions")
    root = EditablePackage.open(case.output).xml("word/document.xml")
    runs = [r for r in root.iter(f"{{{W}}}r") if r.find("w:commentReference", NS) is not None]
    assert runs and all(r.find("w:rPr/w:rStyle", NS).get(f"{{{W}}}val") == "CommentReference" for r in runs)


def test_writing_is_deterministic(tmp_path):
    source = generated(tmp_path / "in.docx")
    outputs = []
    for _ in range(2):
        pkg = EditablePackage.open(source)
        rev = Revisions(pkg)
        p, at = paragraph_with(pkg, "45")
        replace_text(rev, p, at, at + 2, "30")
        add_comment(rev, p, 0, 3, "note")
        outputs.append(pkg.to_bytes(WHEN))
    assert outputs[0] == outputs[1]


def test_check_package_reports_the_usual_mistakes():
    def package(document: str, comments: str | None = None) -> bytes:
        import io
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{document}</w:body></w:document>')
            if comments is not None:
                zf.writestr("word/comments.xml", f'<w:comments xmlns:w="{W}">{comments}</w:comments>')
            zf.writestr("word/broken.xml", "<a>")
        return buf.getvalue()

    problems = check_package(package(
        f'<w:p><w:del w:id="1" {A}><w:r><w:t>x</w:t></w:r></w:del><w:ins w:id="1" {A}><w:r><w:delText>y</w:delText>'
        '</w:r></w:ins><w:r><w:t> z</w:t></w:r><w:commentRangeStart w:id="5"/></w:p>',
        '<w:comment w:id="5"/><w:comment w:id="5"/>'))
    text = "\n".join(problems)
    for expected in ("not well-formed", "revision id 1", "w:t inside w:del", "w:delText outside w:del",
                     "xml:space", "comment id 5 is used by 2", "comment 5 has no w:commentReference",
                     "1 range starts and 0 range ends"):
        assert expected in text


def test_offsets_outside_the_paragraph_are_refused(tmp_path):
    pkg = EditablePackage.open(generated(tmp_path / "in.docx"))
    rev = Revisions(pkg)
    p, _ = paragraph_with(pkg, "Agreement")
    with pytest.raises(RevisionError):
        delete_text(rev, p, 5, 500)


def test_deleting_our_own_new_paragraph_removes_it(tmp_path):
    pkg = EditablePackage.open(generated(tmp_path / "in.docx"))
    rev = Revisions(pkg)
    p, _ = paragraph_with(pkg, "Agreement")
    new = insert_paragraph_after(rev, p, "Temporary.")
    delete_paragraph(rev, new)
    assert new.getparent() is None
    assert body_text(pkg, "accepted") == body_text(pkg, "original")


# -- property: random edit sequences on mixed formatting -------------------------------------------------

_TEMPLATE: list[bytes] = []


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


words = st.text(alphabet="abcdefgh ", min_size=1, max_size=8)


@st.composite
def paragraph_and_ops(draw):
    runs = draw(st.lists(st.tuples(words, st.sampled_from(["", "b", "i", "u"])), min_size=1, max_size=6))
    text = _normal("".join(t for t, _ in runs))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    ops = []
    for lo, hi in zip(cuts[::2], cuts[1::2]):
        kind = draw(st.sampled_from(["delete", "insert", "replace"]))
        new = draw(st.text(alphabet="XYZ ", min_size=1, max_size=5))
        if kind == "insert":
            ops.append(("insert", lo, lo, new))
        elif hi > lo:
            ops.append((kind, lo, hi, new))
    return runs, ops


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraph_and_ops())
def test_random_edit_sequences_give_the_expected_views(data):
    runs, ops = data
    document = docx.Document()
    p = document.add_paragraph()
    for text, fmt in runs:
        run = p.add_run(text)
        if fmt:
            setattr(run, {"b": "bold", "i": "italic", "u": "underline"}[fmt], True)
    document.add_paragraph("End.")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.docx"
        document.save(path)
        pkg = EditablePackage.open(path)
    rev = Revisions(pkg)
    target = pkg.xml(pkg.main_part).find("w:body/w:p", NS)
    original = _normal("".join(t for t, _ in runs))
    expected = original
    for kind, lo, hi, new in reversed(ops):  # right to left: earlier offsets stay valid
        if kind == "delete":
            delete_text(rev, target, lo, hi)
            expected = _normal(expected[:lo] + expected[hi:])
        elif kind == "insert":
            insert_text(rev, target, lo, new)
            expected = _normal(expected[:lo] + new + expected[lo:])
        else:
            replace_text(rev, target, lo, hi, new)
            expected = _normal(expected[:lo] + new + expected[hi:])
    blocks = {view: read_blocks(pkg, view) for view in ("accepted", "original")}
    assert blocks["accepted"][0].text == expected
    assert blocks["original"][0].text == original
    assert check_package(pkg.to_bytes(WHEN)) == []


# -- LibreOffice: one batch for every case ---------------------------------------------------------------

@pytest.fixture(scope="session")
def oracle(cases) -> dict[str, tuple[dict, dict]]:
    """name -> (LibreOffice's report on the input, on the output), from ONE LibreOffice run."""
    reason = libreoffice_missing_reason()
    if reason is not None:
        if os.environ.get("CONTRACTGEN_REQUIRE_LIBREOFFICE"):
            pytest.fail(f"LibreOffice checks are required here but cannot run: {reason}")
        pytest.skip(reason)
    chosen = [c for c in cases.values() if isinstance(c, Case) and c.lo]
    paths = [p for c in chosen for p in (c.source, c.output)]
    reports = run_oracle(paths)
    return {c.name: (reports[2 * i], reports[2 * i + 1]) for i, c in enumerate(chosen)}


LO_CASES = [name for name in ALL_CASES if CORPUS_CASES.get(name, (None, None, True))[2]]


@pytest.mark.parametrize("name", LO_CASES)
def test_libreoffice_accepts_to_the_proposed_text_and_rejects_to_the_original(cases, oracle, name):
    case = _case(cases, name)
    before, after = oracle[name]
    assert after["opens"], after.get("error")
    assert after["redlines_left_after_accept_all"] == 0
    assert after["redlines_left_after_reject_all"] == 0
    assert after["text_reject_all"] == before["text_reject_all"]
    assert after["text_accept_all"] == apply_edits(before["text_accept_all"], case.edits)


@pytest.mark.parametrize("name", [n for n in LO_CASES if n in ("comment", "ra001_tracked_revisions", "poi_comment")])
def test_libreoffice_sees_our_comments_with_their_text(cases, oracle, name):
    case = _case(cases, name)
    _, after = oracle[name]
    ours = [c for c in after["comments"]["items"] if c["author"] == "Contract Bot"]
    assert [(c["text"], c["anchor"]) for c in ours] == case.comments
    assert all(c["date"] == "2026-01-01T00:00:00" for c in ours)
