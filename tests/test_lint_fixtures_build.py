"""The generated `contractgen lint` fixtures build, open, and carry complete, verifiable labels."""
from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from tests.lint_fixtures import DEV_SET_IDS, FIXTURES, IDS, STATUSES, build_all

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT_PARTS = ("word/document.xml", "word/footnotes.xml")
QUOTED = re.compile(r'"([^"]+)"')


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def xml_text(path: Path) -> str:
    """Every w:t of the document and footnotes parts in order (so table cells, text boxes, content
    controls, footnotes and tracked insertions count; deleted text is w:delText and does not), a
    space at each paragraph end, tab and break; whitespace collapsed (no-break spaces included)."""
    pieces: list[str] = []
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        for name in TEXT_PARTS:
            if name not in names:
                continue
            for event, el in etree.iterwalk(etree.fromstring(package.read(name)), events=("start", "end")):
                if event == "start" and el.tag == _w("t"):
                    pieces.append(el.text or "")
                elif event == "start" and el.tag in (_w("tab"), _w("br")):
                    pieces.append(" ")
                elif event == "end" and el.tag == _w("p"):
                    pieces.append(" ")
    return " ".join("".join(pieces).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("lint_fixtures"))


def test_at_least_fourteen_distinct_fixtures(built):
    names = [f.name for f in FIXTURES]
    assert len(FIXTURES) >= 14
    assert len(set(names)) == len(names)
    assert len({f.style for f in FIXTURES}) == len(FIXTURES)
    assert set(built) == set(names)
    for f in FIXTURES:
        assert f.style.strip() and "\n" not in f.style, f.name
        assert built[f.name].name == f.filename


def test_ids_are_parties_plus_the_dev_set_ids():
    assert IDS == ["PARTIES", *DEV_SET_IDS] and len(IDS) == 18


@pytest.mark.parametrize("fx", FIXTURES, ids=lambda f: f.name)
def test_every_fixture_has_all_labels_with_valid_statuses(fx):
    assert list(fx.labels) == IDS
    assert set(fx.why) == set(IDS)
    for rid in IDS:
        assert fx.labels[rid] in STATUSES, (rid, fx.labels[rid])
        why = fx.why[rid]
        assert why.strip() and "\n" not in why, rid
        if fx.labels[rid] != "missing":
            assert QUOTED.search(why), f"{rid}: a {fx.labels[rid]} label must quote its deciding phrase"


@pytest.mark.parametrize("fx", FIXTURES, ids=lambda f: f.name)
def test_fixture_opens_and_quoted_phrases_are_in_the_document(fx, built):
    path = built[fx.name]
    document = Document(str(path))
    assert document.paragraphs, "no body paragraphs"
    text = xml_text(path)
    absent = []
    for rid, why in fx.why.items():
        for phrase in QUOTED.findall(why):
            if " ".join(phrase.split()) not in text:
                absent.append(f"{rid}: {phrase}")
    assert not absent, "quoted phrases not in the document text:\n" + "\n".join(absent)


def test_build_is_deterministic(built, tmp_path):
    again = build_all(tmp_path)
    for name, path in built.items():
        assert again[name].read_bytes() == path.read_bytes(), name


def _has(path: Path, xpath: str, part: str = "word/document.xml") -> bool:
    with zipfile.ZipFile(path) as package:
        if part not in package.namelist():
            return False
        root = etree.fromstring(package.read(part))
    return bool(root.xpath(xpath, namespaces={"w": W, "v": "urn:schemas-microsoft-com:vml"}))


def test_the_set_exercises_every_writer_feature(built):
    paths = list(built.values())
    features = {
        "real heading style": "//w:pStyle[starts-with(@w:val, 'Heading')]",
        "fake heading (bold Normal, no pStyle)": "//w:p[not(w:pPr/w:pStyle)][w:r/w:rPr/w:b]"
                                                  "[not(ancestor::w:tbl)][string-length(normalize-space(.)) > 3]",
        "w:caps fake heading": "//w:rPr[w:caps and w:b]",
        "real Word numbering": "//w:numPr/w:numId",
        "table": "//w:tbl",
        "block content control": "/w:document/w:body/w:sdt",
        "inline content control": "//w:p/w:sdt",
        "text box": "//v:textbox/w:txbxContent",
        "footnote reference": "//w:footnoteReference",
        "tracked insertion": "//w:ins[w:r]",
        "tracked deletion": "//w:del[w:r/w:delText]",
        "tracked paragraph marks": "//w:pPr/w:rPr/w:ins | //w:pPr/w:rPr/w:del",
        "no-break space": "//w:t[contains(., '\u00a0')]",
        "curly apostrophe": "//w:t[contains(., '\u2019')]",
        "typed list label": "//w:t[starts-with(., '(a)') or starts-with(., '(1)') or starts-with(., 'A.')]",
    }
    lacking = [name for name, xp in features.items() if not any(_has(p, xp) for p in paths)]
    assert not lacking, lacking
    with zipfile.ZipFile(built["brindle_creek_isd2602_duty_table"]) as package:
        # a word split across runs: no single w:t holds it, yet the text has it
        root = etree.fromstring(package.read("word/document.xml"))
    assert not any("Fostering" in (t.text or "") for t in root.iter(_w("t")))
    assert "Fostering a positive school climate" in xml_text(built["brindle_creek_isd2602_duty_table"])


def test_label_distribution_covers_every_status_but_not_applicable():
    counts = Counter(status for f in FIXTURES for status in f.labels.values())
    for status in ("present", "partial", "missing", "violation"):
        assert counts[status] > 0, status
    per_id = {rid: Counter(f.labels[rid] for f in FIXTURES) for rid in IDS}
    # every requirement is seen both satisfied and not satisfied somewhere in the set
    for rid, c in per_id.items():
        assert c["present"] and (c["partial"] or c["missing"] or c["violation"]), (rid, c)
