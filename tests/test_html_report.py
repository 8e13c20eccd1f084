"""The HTML lint report (`contractgen.lint.html.as_html`) on real contracts.

The dev-set contracts (../shared/legal/dev-set) and freshly built examples are linted, rendered and
parsed: one compliance table per file with one row per catalog requirement, statuses, citations,
highlights in <mark>, escaping, redline links and no external resources. Then headless Chromium
(Debian package `chromium`) loads the page: the DOM has every requirement, a screenshot is taken to
tests/artifacts/report.png and the page logs no console errors. Without Chromium those checks skip,
unless CONTRACTGEN_REQUIRE_CHROMIUM is set (CI), where they fail.
"""
from __future__ import annotations

import os
import re
import signal
import struct
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import lxml.html
import pytest

from contractgen import catalog
from contractgen.lint.html import STATUS_LABEL, as_html, mark_text
from contractgen.lint.runner import FileReport, lint_file
from contractgen.lint.units import normalize
from tests.conftest import EXAMPLES, FIXED_DATE, ROOT, SHARED

DEV_SET = SHARED / "legal" / "dev-set"
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
EVIL_NAME = 'City of <script>alert("x")</script> Quillmont'


def _build(spec: Path, target: Path) -> Path:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    proc = subprocess.run([sys.executable, "-m", "contractgen", "build", str(spec), "-o", str(target),
                           "--date", FIXED_DATE], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return target


@pytest.fixture(scope="module")
def requirements():
    return catalog.bundled().requirements


@pytest.fixture(scope="module")
def built_reports(tmp_path_factory) -> list[FileReport]:
    """The district example as built, and a copy whose city name carries a <script> element."""
    out = tmp_path_factory.mktemp("html-built")
    district = _build(EXAMPLES / "district.yaml", out / "district.docx")
    text = (EXAMPLES / "district.yaml").read_text(encoding="utf-8")
    assert "\n  name: City of Quillmont\n" in text, "examples/district.yaml changed; update this test"
    evil_spec = out / "evil.yaml"
    evil_spec.write_text(text.replace("\n  name: City of Quillmont\n", f"\n  name: {EVIL_NAME}\n"), encoding="utf-8")
    evil = _build(evil_spec, out / "evil.docx")
    return [lint_file(str(district)), lint_file(str(evil))]


@pytest.fixture(scope="module")
def dev_reports() -> list[FileReport]:
    files = sorted(DEV_SET.glob("*.docx"))
    if not files:
        pytest.skip(f"dev-set contracts not found at {DEV_SET} (the ../shared folder is absent in this clone)")
    return [lint_file(str(f)) for f in files]


@pytest.fixture(scope="module")
def all_reports(dev_reports, built_reports) -> list[FileReport]:
    return dev_reports + built_reports


def _tables(doc) -> list:
    return doc.xpath('.//table[contains(concat(" ", @class, " "), " compliance ")]')


def _rows(table) -> list:
    return table.xpath("./tbody/tr[@data-rule]")


def _parse(page: str):
    return lxml.html.document_fromstring(page)


# --- structure -------------------------------------------------------------------------------------

def test_one_table_per_file_with_one_row_per_requirement(all_reports, requirements):
    page = as_html(all_reports, requirements)
    doc = _parse(page)
    tables = _tables(doc)
    assert len(tables) == len(all_reports)
    ids = [r.id for r in requirements]
    for report, table in zip(all_reports, tables):
        assert not report.error, report.error
        assert [tr.get("data-rule") for tr in _rows(table)] == ids, report.path
        caption = table.find("caption")
        assert caption is not None and Path(report.path).name in caption.text_content()
        assert [th.get("scope") for th in table.xpath("./thead/tr/th")] == ["col"] * 5
        assert all(tr.xpath("./th[@scope='row']") for tr in _rows(table))
        section = table.getparent()
        assert section.tag == "section" and report.path in section.text_content()


def test_statuses_severities_and_citations_match_the_results(all_reports, requirements):
    doc = _parse(as_html(all_reports, requirements))
    seen_statuses = set()
    for report, table in zip(all_reports, _tables(doc)):
        for result, tr in zip(report.results, _rows(table)):
            cells = tr.xpath("./th|./td")
            assert result.rule in cells[0].text_content() and result.title in cells[0].text_content()
            badge = cells[1].xpath(".//span[contains(@class,'badge')]")
            assert len(badge) == 1 and badge[0].text_content() == STATUS_LABEL[result.status]
            assert result.status in badge[0].get("class").split()
            assert tr.get("data-status") == result.status
            assert cells[2].text_content().lower() == result.severity
            assert cells[3].text_content() == result.citation
            evidence = cells[4].text_content()
            for ev in result.evidence:
                assert ev.text in evidence and f"\u00b6{ev.paragraph}" in evidence
                if ev.heading:
                    assert ev.heading in evidence
            if result.caution:
                assert result.caution in evidence
            seen_statuses.add(result.status)
    assert {"present", "missing", "partial"} <= seen_statuses  # the dev set exercises the common badges


def test_summary_counts_match_the_text_report(all_reports, requirements):
    from contractgen.lint.report import summary_line

    doc = _parse(as_html(all_reports, requirements))
    rows = doc.xpath('//table[contains(@class,"summary")]/tbody/tr')
    assert len(rows) == len(all_reports)
    for report, tr in zip(all_reports, rows):
        errors, warnings, info, present = [td.text_content() for td in tr.xpath("./td")[:4]]
        line = summary_line(report)
        assert f": {errors} error(s), {warnings} warning(s), {info} info; {present.replace('/', ' of ')} " in line
    total = doc.xpath('//table[contains(@class,"summary")]/tfoot/tr/td')
    assert int(total[0].text_content()) == sum(r.is_problem and r.severity == "error"
                                               for rep in all_reports for r in rep.results)


def test_highlights_are_marked(all_reports, requirements):
    doc = _parse(as_html(all_reports, requirements))
    marked = 0
    for report, table in zip(all_reports, _tables(doc)):
        for result, tr in zip(report.results, _rows(table)):
            marks = [normalize(m.text_content()) for m in tr.xpath(".//blockquote//mark")]
            evidence = normalize(" ".join(e.text for e in result.evidence))
            for word in result.highlights:
                if normalize(word) in evidence:  # some highlights come from a heading, not the quote
                    assert any(normalize(word) in m for m in marks), (report.path, result.rule, word, marks)
                    marked += 1
            if not result.highlights:
                assert not marks, (result.rule, marks)
    assert marked > 100


def test_marking_is_case_insensitive_and_keeps_escaping():
    assert mark_text("The SRO & <b>Staff</b>", ["sro", "staff"]) == (
        "The <mark>SRO</mark> &amp; &lt;b&gt;<mark>Staff</mark>&lt;/b&gt;")
    # the engine's normalized words find the original typography
    assert mark_text("the School Resource Officer\u2019s de\u2011escalation", ["sro's deescalation"]) == (
        "the <mark>School Resource Officer\u2019s de\u2011escalation</mark>")
    assert mark_text("a < b", ["<"]) == "a <mark>&lt;</mark> b"
    assert mark_text("City of Copperton", ["city of c"]) == "<mark>City of Copperton</mark>"


def test_script_in_contract_text_is_shown_as_text(built_reports, requirements):
    page = as_html(built_reports, requirements)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    doc = _parse(page)
    assert not doc.xpath("//script")
    parties = _rows(_tables(doc)[1])[0]
    assert parties.get("data-rule") == "PARTIES"
    assert EVIL_NAME in parties.text_content()


def test_redline_link_when_given(built_reports, requirements):
    target = built_reports[0].path
    page = as_html(built_reports, requirements, redlines={target: "redlines/district redline.docx"})
    doc = _parse(page)
    sections = doc.xpath("//section[contains(@class,'contract')]")
    links = sections[0].xpath(".//a[contains(@href,'.docx')]")
    assert [a.get("href") for a in links] == ["redlines/district%20redline.docx"]
    assert "district redline.docx" in links[0].text_content()
    assert not sections[1].xpath(".//a[contains(@href,'.docx')]")
    assert doc.xpath("//table[contains(@class,'summary')]//a[@href='redlines/district%20redline.docx']")
    assert not _parse(as_html(built_reports, requirements)).xpath("//a[contains(@href,'.docx')]")


def test_no_external_resources(all_reports, requirements):
    page = as_html(all_reports, requirements, redlines={all_reports[0].path: "out/r.docx"})
    doc = _parse(page)
    ids = set(doc.xpath("//@id"))
    refs = doc.xpath("//@href|//@src|//@srcset|//@action|//@poster|//@data")
    assert refs
    for ref in refs:
        parsed = urlparse(ref)
        assert not parsed.scheme and not parsed.netloc and not ref.startswith("//"), ref
        if ref.startswith("#"):
            assert ref[1:] in ids, ref
    assert not doc.xpath("//link|//img|//iframe|//object|//embed|//script|//base")
    css = "".join(doc.xpath("//style/text()"))
    assert "@import" not in css and "url(" not in css
    assert doc.xpath("//table[contains(@class,'summary')]/caption")


def test_unreadable_file_and_notes(tmp_path, built_reports, requirements):
    bad = tmp_path / "not-a-contract.docx"
    bad.write_bytes(b"plain text, not a zip")
    unreadable = lint_file(str(bad))
    assert unreadable.error
    noted = FileReport(built_reports[0].path, built_reports[0].results, notes=["macro-enabled <document>"])
    doc = _parse(as_html([unreadable, noted], requirements))
    sections = doc.xpath("//section[contains(@class,'contract')]")
    assert unreadable.error in sections[0].text_content() and not _tables(sections[0])
    assert "macro-enabled <document>" in sections[1].text_content()
    assert len(_tables(doc)) == 1
    assert "Unreadable" in doc.xpath('//table[contains(@class,"summary")]/tbody/tr')[0].text_content()


def test_output_is_deterministic(all_reports, requirements):
    first = as_html(all_reports, requirements, title="Batch <A & B>")
    assert first == as_html(all_reports, requirements, title="Batch <A & B>")
    assert "<title>Batch &lt;A &amp; B&gt;</title>" in first
    assert "Generated" not in first
    assert "Generated 2026-07-01." in as_html(all_reports, requirements, generated="2026-07-01")
    assert first.startswith("<!DOCTYPE html>\n<html lang=\"en\">")


# --- headless Chromium ---------------------------------------------------------------------------

def _require_chromium() -> None:
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return
    reason = f"{CHROMIUM} not found: install Debian's `chromium` package to render the HTML report"
    if os.environ.get("CONTRACTGEN_REQUIRE_CHROMIUM"):
        pytest.fail(f"Chromium checks are required here but cannot run: {reason}")
    pytest.skip(reason)


def _chromium(profile: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the group of the browser this test started
        out, err = proc.communicate()
        pytest.fail(f"chromium timed out after {timeout}s: {err[-2000:]}")
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


_CONSOLE = re.compile(r":CONSOLE[:(]|Uncaught|Content Security Policy|Refused to", re.I)


def _page_errors(stderr: str) -> list[str]:
    """Lines the page logged (console messages, uncaught exceptions, CSP refusals), not startup noise."""
    return [line for line in stderr.splitlines() if _CONSOLE.search(line)]


@pytest.fixture(scope="module")
def rendered(request, requirements, built_reports) -> Path:
    """The report written to tests/artifacts/report.html (kept for a person to open)."""
    _require_chromium()
    try:
        reports = request.getfixturevalue("dev_reports") + built_reports
    except pytest.skip.Exception:
        reports = built_reports
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "report.html"
    path.write_text(as_html(reports, requirements, redlines={reports[0].path: "redlines/first redline.docx"}),
                    encoding="utf-8")
    return path


def test_chromium_dom_has_every_requirement(rendered, requirements, tmp_path):
    proc = _chromium(tmp_path / "profile", "--dump-dom", rendered.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert not _page_errors(proc.stderr), _page_errors(proc.stderr)
    doc = _parse(proc.stdout)
    tables = _tables(doc)
    assert tables
    ids = [r.id for r in requirements]
    for table in tables:
        assert [tr.get("data-rule") for tr in _rows(table)] == ids
    assert not doc.xpath("//script")
    assert EVIL_NAME in doc.text_content()


def test_chromium_screenshot(rendered, tmp_path):
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    proc = _chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000", rendered.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert not _page_errors(proc.stderr), _page_errors(proc.stderr)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    assert len(data) > 50_000, f"screenshot only {len(data)} bytes: the page is probably blank"


def test_chromium_console_check_sees_page_errors(tmp_path):
    """The console check above is live: a page with a script error is caught by it."""
    _require_chromium()
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><title>x</title><p>x</p><script>console.error("boom");nope();</script>')
    proc = _chromium(tmp_path / "profile", "--dump-dom", page.as_uri())
    errors = _page_errors(proc.stderr)
    assert any("Uncaught" in line for line in errors) and any("boom" in line for line in errors), proc.stderr[-2000:]


def test_cli_writes_the_html_report_and_links_the_redline(tmp_path):
    import subprocess as sp
    import sys as _sys

    spec = Path(__file__).resolve().parent.parent / "examples" / "minimal.yaml"
    contract = tmp_path / "c.docx"
    sp.run([_sys.executable, "-m", "contractgen", "build", str(spec), "-o", str(contract), "--date", "2026-07-01"],
           check=True, capture_output=True)
    report, red = tmp_path / "report.html", tmp_path / "red.docx"
    proc = sp.run([_sys.executable, "-m", "contractgen", "lint", str(contract), "--format", "html", "-o", str(report),
                   "--redline", str(red)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    page = report.read_text(encoding="utf-8")
    assert 'href="red.docx"' in page and "PARTIES" in page


def test_renew_report_links_the_new_contract_to_its_redline(tmp_path):
    import subprocess as sp
    import sys as _sys

    spec = Path(__file__).resolve().parent.parent / "examples" / "charter.yaml"
    proc = sp.run([_sys.executable, "-m", "contractgen", "renew", str(spec), "--start", "2027-08-23", "-o", str(tmp_path),
                   "--date", "2027-07-01", "--report", str(tmp_path / "renewal.html")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "renewal.html").read_text(encoding="utf-8")
    assert "charter-2027.docx" in page and 'href="charter-2027-redline.docx"' in page
