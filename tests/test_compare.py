"""`compare(old, new)`: a redline of OLD into NEW whose Reject All reads as OLD and Accept All as NEW.

Every pair is checked three ways: our own reader's two views of the redline (`read_blocks` "original"
and "accepted", every block: body, cells, notes, text boxes, headers and footers) against OLD and NEW,
`check_package` on the bytes, and once for all pairs LibreOffice's Reject All / Accept All texts against
LibreOffice's own text of OLD and NEW (one soffice for the whole batch). Pairs come from the shared
corpus (../shared/corpus/compare, skipped when absent) and from documents generated here with
python-docx; a hypothesis property test makes random word and paragraph edits.
"""
from __future__ import annotations

import csv
import os
import random
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from contractgen.ooxml.blocks import read_blocks
from contractgen.ooxml.compare import CompareResult, compare, compare_files
from contractgen.ooxml.package import open_package
from contractgen.ooxml.revisions import check_package
from tests.conftest import SHARED, libreoffice_missing_reason, run_oracle

CORPUS = SHARED / "corpus" / "compare"
DATE = "2026-07-01T00:00:00Z"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# -- generated documents ------------------------------------------------------------------------------

WORDS = ("the district shall provide officer school services term agreement party notice days written "
         "payment invoice county city board student safety training report annual").split()


def make_doc(path: Path, blocks: list, header: str | None = None) -> Path:
    """A .docx from a list of blocks: "text" (a paragraph), ("h1", text), ("list", text) (numbered),
    ("bold", before, bold, after) (mixed formatting) and ("table", [[cell, ...], ...])."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif block[0] == "h1":
            document.add_heading(block[1], level=1)
        elif block[0] == "list":
            document.add_paragraph(block[1], style="List Number")
        elif block[0] == "bold":
            para = document.add_paragraph(block[1])
            para.add_run(block[2]).bold = True
            para.add_run(block[3])
        elif block[0] == "big":
            para = document.add_paragraph()
            para.add_run(block[1]).font.size = Pt(16)
        elif block[0] == "table":
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        else:
            raise ValueError(block)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    document.save(path)
    return path


BASE = [("h1", "Agreement for school resource officer services"),
        "This agreement is made between the district and the city.",
        ("list", "The officer shall attend training every year."),
        ("bold", "Payment is due within ", "thirty", " days of the invoice."),
        ("table", [["Item", "Amount"], ["Salary", "100"], ["Training", "20"]]),
        "Either party may end this agreement with written notice.",
        "Signed by the parties on the date below."]


def _edit(blocks: list, index: int, value) -> list:
    out = list(blocks)
    if value is None:
        del out[index]
    else:
        out[index] = value
    return out


GENERATED = {
    "edit-start": (BASE, _edit(BASE, 0, ("h1", "Contract for school resource officer services"))),
    "edit-middle": (BASE, _edit(BASE, 1, "This agreement is made today between the school district and the city.")),
    "edit-end": (BASE, _edit(BASE, 6, "Signed by both parties on the date below!")),
    "insert-paragraph-start": (BASE, ["A new first paragraph.", *BASE]),
    "insert-paragraph-middle": (BASE, BASE[:2] + ["The city shall pay the officer.", "And a second one."] + BASE[2:]),
    "insert-paragraph-end": (BASE, BASE + ["A closing paragraph added at the end."]),
    "delete-paragraph-start": (BASE, BASE[1:]),
    "delete-paragraph-middle": (BASE, _edit(BASE, 5, None)),
    "delete-paragraph-end": (BASE, BASE[:-1]),
    "delete-two-last": (BASE, BASE[:-2] + ["Totally different closing words here."]),
    "split-paragraph": (BASE, BASE[:1] + ["This agreement is made between the district", "and the city."] + BASE[2:]),
    "merge-paragraphs": (BASE, BASE[:5] + ["Either party may end this agreement with written notice. Signed by the "
                                           "parties on the date below."]),
    "changed-cell": (BASE, _edit(BASE, 4, ("table", [["Item", "Amount"], ["Salary", "120"], ["Training", "20"]]))),
    "added-row": (BASE, _edit(BASE, 4, ("table", [["Item", "Amount"], ["Salary", "100"], ["Fuel", "5"],
                                                  ["Training", "20"]]))),
    "added-last-row": (BASE, _edit(BASE, 4, ("table", [["Item", "Amount"], ["Salary", "100"], ["Training", "20"],
                                                       ["Total", "120"]]))),
    "removed-row": (BASE, _edit(BASE, 4, ("table", [["Item", "Amount"], ["Training", "20"]]))),
    "added-table": (BASE, BASE[:6] + [("table", [["New", "table"]]), BASE[6]]),
    "removed-table": (BASE, _edit(BASE, 4, None)),
    "moved-paragraph": (BASE, [BASE[0], BASE[5], *BASE[1:5], BASE[6]]),
    "rewritten": (BASE[4:], ["Nothing in common at all", "zzz yyy xxx"]),
    "bold-word-changed": (BASE, _edit(BASE, 3, ("bold", "Payment is due within ", "sixty", " days of the invoice."))),
    "empty-old-paragraph": (BASE[:2] + [""] + BASE[2:], BASE[:2] + ["Now it has text."] + BASE[2:]),
    "identical": (BASE, BASE),
    "paragraphs-deleted-around-table": (["P.", "t t", ("table", [["t t", "x"]]), "t", "t"],
                                        ["P.", ("table", [["t t", "y"]]), "t t"]),
}


def _texts(path: Path, view: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_blocks(open_package(path), view)]


def _pairs(tmp: Path) -> dict[str, tuple[Path, Path]]:
    """Every pair: generated ones written into tmp, then the corpus (when ../shared is present)."""
    out = {}
    for name, (old, new) in GENERATED.items():
        out[name] = (make_doc(tmp / f"{name}.a.docx", old, header="Old header text"),
                     make_doc(tmp / f"{name}.b.docx", new,
                              header="New header text" if name == "edit-start" else "Old header text"))
    if CORPUS.is_dir():
        with open(CORPUS / "PAIRS.tsv", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                out[row["pair"]] = (CORPUS / row["a"], CORPUS / row["b"])
    return out


CORPUS_NAMES = []
if CORPUS.is_dir():
    with open(CORPUS / "PAIRS.tsv", newline="") as _handle:
        CORPUS_NAMES = [row["pair"] for row in csv.DictReader(_handle, delimiter="\t")]
ALL_NAMES = list(GENERATED) + CORPUS_NAMES


@pytest.fixture(scope="session")
def redlines(tmp_path_factory) -> dict[str, tuple[Path, Path, Path, CompareResult]]:
    """(old, new, redline, result) for every pair, compared once per session."""
    tmp = tmp_path_factory.mktemp("compare")
    out = {}
    for name, (old, new) in _pairs(tmp).items():
        result = compare(old, new, date=DATE)
        redline = tmp / f"{name}.redline.docx"
        redline.write_bytes(result.docx)
        out[name] = (old, new, redline, result)
    return out


@pytest.fixture(scope="session")
def oracle(redlines) -> dict[str, tuple[dict, dict, dict]]:
    """LibreOffice's view of every redline and of its OLD and NEW, in ONE soffice run."""
    names = list(redlines)
    files = [path for name in names for path in redlines[name][:3]]
    results = run_oracle(files)
    return {name: tuple(results[3 * i:3 * i + 3]) for i, name in enumerate(names)}


def _pair(redlines, name):
    if name not in redlines:
        pytest.skip(f"corpus pair {name} not found (../shared/corpus/compare is absent in this clone)")
    return redlines[name]


# Structures a tracked paragraph mark cannot express in LibreOffice (nor in our reader, which follows it):
# removing a mark joins a paragraph with the next one, and nothing joins across a table.
KNOWN_LIMITATIONS = {
    "paragraph-before-leading-table": ([("table", [["a", "b"]]), "Text."], ["New first.", ("table", [["a", "b"]]), "Text."]),
    "table-and-paragraph-appended": (BASE, BASE + [("table", [["New", "table"]]), "After the table."]),
    "paragraphs-deleted-before-leading-table": (BASE, ["Nothing in common at all", "zzz yyy xxx"]),
}


@pytest.mark.parametrize("name", list(KNOWN_LIMITATIONS))
@pytest.mark.xfail(strict=True, reason="a paragraph inserted (deleted) right before a table with no unchanged "
                   "paragraph before it (start of the body, or right after an inserted table) has no mark that "
                   "can carry the change: Reject All (Accept All) leaves an empty paragraph there in "
                   "LibreOffice and in our reader")
def test_known_limitations(tmp_path, name):
    old_blocks, new_blocks = KNOWN_LIMITATIONS[name]
    old = make_doc(tmp_path / "a.docx", old_blocks)
    new = make_doc(tmp_path / "b.docx", new_blocks)
    out = tmp_path / "r.docx"
    out.write_bytes(compare(old, new, date=DATE).docx)
    assert _texts(out, "accepted") == _texts(new, "accepted")
    assert _texts(out, "original") == _texts(old, "accepted")


# -- our own views -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL_NAMES)
def test_views_round_trip(redlines, name):
    old, new, redline, result = _pair(redlines, name)
    assert _texts(redline, "accepted") == _texts(new, "accepted"), "Accept All must read as NEW"
    assert _texts(redline, "original") == _texts(old, "accepted"), "Reject All must read as OLD"


@pytest.mark.parametrize("name", ALL_NAMES)
def test_package_is_sound(redlines, name):
    _, _, redline, result = _pair(redlines, name)
    assert check_package(result.docx) == []
    with zipfile.ZipFile(redline) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    ids = [el.get(f"{{{W}}}id") for el in root.iter(f"{{{W}}}ins", f"{{{W}}}del")]
    assert len(ids) == len(set(ids))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/compare is absent in this clone")
def test_corpus_no_change_pair_has_no_tracked_change(redlines):
    """WC055: a space became a no-break space. Both read as a space (our views, LibreOffice's, and
    WmlComparer reports 0 revisions), so it is reported as a formatting change, not tracked."""
    _, _, _, result = redlines["WC055-french-no-change"]
    assert result.changes == 0
    assert any("spacing characters" in line for line in result.formatting_changes)


def test_identical_documents_have_no_changes(redlines):
    _, _, redline, result = redlines["identical"]
    assert result.changes == 0 and result.formatting_changes == []
    with zipfile.ZipFile(redline) as z:
        xml = z.read("word/document.xml")
    assert b"<w:ins " not in xml and b"<w:del " not in xml


def test_changes_are_counted(redlines):
    assert redlines["edit-middle"][3].changes >= 1
    assert redlines["insert-paragraph-middle"][3].changes == 2
    assert redlines["removed-row"][3].changes == 1


def test_newer_styles_and_numbering_survive(redlines):
    """The redline is NEW's package: its styles and numbering parts are NEW's, byte for byte, and the
    paragraphs keep NEW's styles (heading, numbered list) and run formatting."""
    old, new, redline, _ = redlines["edit-start"]
    with zipfile.ZipFile(new) as a, zipfile.ZipFile(redline) as b:
        for part in ("word/styles.xml", "word/numbering.xml"):
            assert a.read(part) == b.read(part)
    document = docx.Document(redline)
    styles = [p.style.name for p in document.paragraphs]
    assert "Heading 1" in styles and "List Number" in styles
    bold = [r for p in document.paragraphs for r in p.runs if r.bold]
    assert [r.text for r in bold] == ["thirty"]


def test_formatting_only_change_is_reported_not_tracked(tmp_path):
    old = make_doc(tmp_path / "a.docx", BASE)
    new = make_doc(tmp_path / "b.docx", _edit(BASE, 1, ("big", BASE[1])))
    result = compare(old, new, date=DATE)
    assert result.changes == 0
    assert len(result.formatting_changes) == 1
    assert "character formatting" in result.formatting_changes[0]
    assert "body paragraph 2" in result.formatting_changes[0]


def test_tracked_markup(redlines):
    """Inserted paragraphs track their mark; deleted rows carry w:trPr/w:del; OLD's words come back as
    w:delText with OLD's run formatting (the bold word)."""
    _, _, redline, _ = redlines["insert-paragraph-middle"]
    with zipfile.ZipFile(redline) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    marks = root.findall(f".//{{{W}}}pPr/{{{W}}}rPr/{{{W}}}ins")
    assert len(marks) == 2
    _, _, redline, _ = redlines["removed-row"]
    with zipfile.ZipFile(redline) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    assert len(root.findall(f".//{{{W}}}trPr/{{{W}}}del")) == 1
    _, _, redline, _ = redlines["bold-word-changed"]
    with zipfile.ZipFile(redline) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    deleted = root.findall(f".//{{{W}}}del/{{{W}}}r")
    assert [r.findtext(f"{{{W}}}delText") for r in deleted] == ["thirty"]
    assert deleted[0].find(f"{{{W}}}rPr/{{{W}}}b") is not None
    assert [t.text for t in root.findall(f".//{{{W}}}ins/{{{W}}}r/{{{W}}}t")] == ["sixty"]


def test_author_and_date(tmp_path):
    old = make_doc(tmp_path / "a.docx", BASE)
    new = make_doc(tmp_path / "b.docx", BASE[:-1])
    out = tmp_path / "redline.docx"
    compare_files(old, new, out, author="Jane Roe", date="2026-02-03T04:05:06Z")
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    changes = root.findall(f".//{{{W}}}del")
    assert changes and {c.get(f"{{{W}}}author") for c in changes} == {"Jane Roe"}
    assert {c.get(f"{{{W}}}date") for c in changes} == {"2026-02-03T04:05:06Z"}


def test_existing_revisions_in_new_are_accepted_first(redlines):
    """CZ004's NEW carries another author's pending insertions: both inputs are compared as they read
    after Accept All, so the redline holds only our revisions."""
    old, new, redline, _ = _pair(redlines, "CZ004-cell-with-existing-revisions")
    with zipfile.ZipFile(redline) as z:
        xml = z.read("word/document.xml").decode()
    assert "Eric White" not in xml


def test_long_contract_is_fast(tmp_path):
    """2,000+ paragraphs with 20 scattered edits compare in well under a second."""
    rng = random.Random(7)
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40))) for _ in range(2200)]
    edited = list(paragraphs)
    for k in range(20):
        i = 50 + k * 100
        if k % 4 == 0:
            edited[i] = edited[i] + " added words here"
        elif k % 4 == 1:
            edited[i] = "new paragraph inserted " + str(k) + "\n" + edited[i]
        elif k % 4 == 2:
            edited[i] = ""
        else:
            words = edited[i].split()
            words[len(words) // 2] = "changed"
            edited[i] = " ".join(words)
    new_paragraphs = [part for p in edited for part in (p.split("\n") if p else [])]
    old = make_doc(tmp_path / "a.docx", paragraphs)
    new = make_doc(tmp_path / "b.docx", new_paragraphs)
    compare(old, new, date=DATE)  # warm up imports
    start = time.perf_counter()
    result = compare(old, new, date=DATE)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0, f"compare took {elapsed:.2f} s"
    assert 20 <= result.changes <= 40
    out = tmp_path / "r.docx"
    out.write_bytes(result.docx)
    assert [t for _, t in _texts(out, "accepted")] == [t for _, t in _texts(new, "accepted")]
    assert [t for _, t in _texts(out, "original")] == [t for _, t in _texts(old, "accepted")]


# -- random edits --------------------------------------------------------------------------------------

_words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
_edits = st.lists(st.tuples(st.sampled_from(["replace", "insert", "delete", "add", "remove", "split", "merge"]),
                            st.integers(0, 10_000), st.integers(0, 10_000), _words), max_size=6)


def _apply_edits(paragraphs: list[str], edits) -> list[str]:
    out = list(paragraphs)
    for kind, a, b, text in edits:
        if not out:
            out.append(text)
            continue
        i = a % len(out)
        words = out[i].split()
        if kind == "replace" and words:
            words[b % len(words)] = text
            out[i] = " ".join(words)
        elif kind == "insert":
            words.insert(b % (len(words) + 1), text)
            out[i] = " ".join(words)
        elif kind == "delete" and words:
            del words[b % len(words)]
            out[i] = " ".join(words)
        elif kind == "add":
            out.insert(a % (len(out) + 1), text)
        elif kind == "remove" and len(out) > 1:
            del out[i]
        elif kind == "split" and len(words) > 1:
            cut = 1 + b % (len(words) - 1)
            out[i:i + 1] = [" ".join(words[:cut]), " ".join(words[cut:])]
        elif kind == "merge" and i + 1 < len(out):
            out[i:i + 2] = [f"{out[i]} {out[i + 1]}".strip()]
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_words, min_size=1, max_size=8), _edits, st.booleans())
def test_random_edits_round_trip(tmp_path, paragraphs, edits, with_table):
    """Random word and paragraph edits (and the same edits in a table's cells). The first paragraph and the
    paragraphs around the table stay put: a paragraph mark tracked next to a table with no unchanged
    paragraph to carry it cannot round-trip (see test_known_limitations)."""
    edited = _apply_edits(paragraphs, edits)
    old_blocks = ["Preamble."] + paragraphs
    new_blocks = ["Preamble."] + edited
    if with_table:
        old_blocks[1 + len(paragraphs) // 2:1 + len(paragraphs) // 2] = [
            "Schedule A.", ("table", [[paragraphs[0], "x"], ["y", paragraphs[-1]]]), "End of schedule."]
        new_blocks[1 + len(edited) // 2:1 + len(edited) // 2] = [
            "Schedule A.", ("table", [[edited[0], "x"], ["y", edited[-1]]]), "End of schedule."]
    old = make_doc(tmp_path / "a.docx", old_blocks)
    new = make_doc(tmp_path / "b.docx", new_blocks)
    result = compare(old, new, date=DATE)
    out = tmp_path / "r.docx"
    out.write_bytes(result.docx)
    assert _texts(out, "accepted") == _texts(new, "accepted")
    assert _texts(out, "original") == _texts(old, "accepted")
    assert check_package(result.docx) == []


# -- LibreOffice as the judge ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL_NAMES)
def test_libreoffice_round_trip(redlines, oracle, name):
    _pair(redlines, name)
    old, new, red = oracle[name]
    assert red["opens"], red.get("error")
    assert red["text_reject_all"] == old["text_accept_all"], "LibreOffice's Reject All must read as OLD"
    assert red["text_accept_all"] == new["text_accept_all"], "LibreOffice's Accept All must read as NEW"
    assert red["redlines_left_after_accept_all"] == 0
    assert red["redlines_left_after_reject_all"] == 0
