"""`contractgen lint` as a user runs it: formats, selection, exit codes, batches."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from contractgen import catalog
from tests.conftest import SHARED, run_cli
from tests.lint_support import write_contract

DEV_SET = SHARED / "legal" / "dev-set"
needs_dev_set = pytest.mark.skipif(not DEV_SET.is_dir(), reason=f"dev set not found at {DEV_SET} (../shared absent)")
LINE = re.compile(r"^(?P<file>.+?\.docx):(?:(?P<part>[\w/.]*)\u00b6(?P<para>\d+))?.*? (?P<sev>error|warning|info) "
                  r"(?P<rule>[A-Z0-9-]+) (?P<status>missing|partial|violation): .+ \[(?P<cite>.+)\]$")


def test_built_contract_lints_clean_with_exit_0(built):
    proc = run_cli("lint", str(built["district"]))
    assert proc.returncode == 0, proc.stdout
    assert "0 error(s), 0 warning(s)" in proc.stdout


@needs_dev_set
def test_text_report_is_one_compiler_style_line_per_problem_most_severe_first():
    path = DEV_SET / "sable_rapids_isd2471_liaison_agreement.docx"
    proc = run_cli("lint", str(path))
    assert proc.returncode == 1
    lines = proc.stdout.strip().splitlines()
    problems, summary = lines[:-1], lines[-1]
    assert all(LINE.match(line) for line in problems), [l for l in problems if not LINE.match(l)]
    severities = [LINE.match(l)["sev"] for l in problems]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    violation = next(l for l in problems if "FORCE-SCHOOL-RULES violation" in l)
    assert "\u00b6" in violation and "Minn. Stat. § 626.8482, subd. 2(c)" in violation
    assert summary.startswith(str(path)) and "error(s)" in summary
    assert "\x1b[" not in proc.stdout  # no colour when not on a terminal


@needs_dev_set
def test_json_has_exactly_the_documented_shape_with_every_requirement():
    path = DEV_SET / "copperton_isd2730_sro_agreement.docx"
    data = json.loads(run_cli("lint", str(path), "--format", "json").stdout)
    assert data["tool"]["name"] == "contractgen" and data["tool"]["version"]
    (entry,) = data["files"]
    assert entry["path"] == str(path)
    assert [r["rule"] for r in entry["results"]] == catalog.bundled().ids
    for r in entry["results"]:
        assert {"rule", "status", "severity", "citation", "message", "evidence"} <= set(r)
        assert r["status"] in {"present", "partial", "missing", "violation", "not_applicable"}
        assert r["severity"] in {"error", "warning", "info"}
        for ev in r["evidence"]:
            assert {"part", "paragraph", "heading", "text"} <= set(ev)
    attire = next(r for r in entry["results"] if r["rule"] == "ATTIRE")
    assert attire["status"] == "partial" and "Chief of Police" in attire["evidence"][0]["text"]


@needs_dev_set
def test_sarif_is_2_1_0_with_rules_and_results():
    data = json.loads(run_cli("lint", str(DEV_SET / "sable_rapids_isd2471_liaison_agreement.docx"),
                              "--format", "sarif").stdout)
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    assert len(run["tool"]["driver"]["rules"]) == len(catalog.bundled().ids)
    assert run["results"] and all(r["level"] in {"error", "warning", "note"} for r in run["results"])
    assert {r["ruleId"] for r in run["results"]} >= {"FORCE-SCHOOL-RULES", "SUBD2-A3"}


@needs_dev_set
def test_select_ignore_and_fail_on(tmp_path):
    path = str(DEV_SET / "heronsgate_isd2138_sro_agreement.docx")
    data = json.loads(run_cli("lint", path, "--format", "json", "--select", "DATA-").stdout)
    assert {r["rule"] for r in data["files"][0]["results"]} == {i for i in catalog.bundled().ids if i.startswith("DATA-")}
    data = json.loads(run_cli("lint", path, "--format", "json", "--ignore", "SUBD2-A1,DATA-").stdout)
    rules = {r["rule"] for r in data["files"][0]["results"]}
    assert "SUBD2-A1" not in rules and not any(r.startswith("DATA-") for r in rules)
    # heronsgate's only error is SUBD2-A1; ignoring it leaves warnings only
    assert run_cli("lint", path, "--ignore", "SUBD2-A1").returncode == 0
    assert run_cli("lint", path, "--ignore", "SUBD2-A1", "--fail-on", "warning").returncode == 1
    bad = run_cli("lint", path, "--select", "NOPE")
    assert bad.returncode == 2 and "NOPE" in bad.stderr


@needs_dev_set
def test_unreadable_file_gives_exit_2_and_the_others_are_still_linted(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    good = DEV_SET / "quillmont_isd2264_sro_agreement.docx"
    proc = run_cli("lint", str(broken), str(good), str(legacy))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    assert any(str(broken) in l and "damaged" in l or "not a" in l for l in proc.stdout.splitlines())
    assert f"{good}: 0 error(s)" in proc.stdout
    assert any("legacy" in l and str(legacy) in l for l in proc.stdout.splitlines())


@needs_dev_set
def test_glob_and_folder_arguments_lint_every_contract(tmp_path):
    for f in DEV_SET.glob("*.docx"):
        shutil.copy(f, tmp_path / f.name)
    by_glob = run_cli("lint", str(tmp_path / "*.docx"), "--format", "json")
    by_folder = run_cli("lint", str(tmp_path), "--format", "json")
    assert len(json.loads(by_glob.stdout)["files"]) == 6 == len(json.loads(by_folder.stdout)["files"])


def test_tracked_insertion_is_linted_in_the_accepted_view_and_not_in_the_original(tmp_path):
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = Document()
    doc.add_heading("School Resource Officer Agreement", 0)
    doc.add_heading("Duties", 1)
    p = doc.add_paragraph("The SRO shall ")
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="x" w:date="2026-01-01T00:00:00Z"><w:r><w:t>'
                          "provide advice on safety drills</w:t></w:r></w:ins>"))
    path = tmp_path / "tracked.docx"
    doc.save(str(path))
    accepted = json.loads(run_cli("lint", str(path), "--format", "json", "--select", "SUBD2-A4").stdout)
    original = json.loads(run_cli("lint", str(path), "--format", "json", "--select", "SUBD2-A4", "--view", "original").stdout)
    assert accepted["files"][0]["results"][0]["status"] == "present"
    assert original["files"][0]["results"][0]["status"] == "missing"


def test_report_can_be_written_to_a_file_but_never_over_an_input(tmp_path, built):
    out = tmp_path / "report.json"
    assert run_cli("lint", str(built["charter"]), "--format", "json", "-o", str(out)).returncode == 0
    assert json.loads(out.read_text())["files"][0]["path"] == str(built["charter"])
    before = built["charter"].read_bytes()
    proc = run_cli("lint", str(built["charter"]), "-o", str(built["charter"]))
    assert proc.returncode == 2 and built["charter"].read_bytes() == before


def test_rules_lists_every_rule_and_explains_one_with_examples():
    listing = run_cli("rules")
    assert listing.returncode == 0
    assert all(rid in listing.stdout for rid in catalog.bundled().ids)
    one = run_cli("rules", "SUBD2-A4")
    assert "subd. 2(a)(4)" in one.stdout and "Compliant:" in one.stdout and "Non-compliant:" in one.stdout
    assert run_cli("rules", "NOPE").returncode == 2


def test_macro_enabled_document_is_read_and_reported(tmp_path, built):
    import zipfile

    docm = tmp_path / "contract.docm"
    with zipfile.ZipFile(built["minimal"]) as src, zipfile.ZipFile(docm, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("word/vbaProject.bin", b"\0" * 64)
    proc = run_cli("lint", str(docm))
    assert proc.returncode == 0 and "macro" in proc.stdout
