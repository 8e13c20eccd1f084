"""`contractgen renew`: next year's spec, contract and redline, with every term date rolled."""
from __future__ import annotations

import json
from datetime import date

import yaml

from contractgen.ooxml.blocks import read_blocks
from contractgen.ooxml.package import open_package
from contractgen.renew import roll_for, shift_years
from tests.conftest import EXAMPLES, FIXED_DATE, run_cli


def texts(path, view="accepted"):
    return [b.text for b in read_blocks(open_package(path), view=view) if b.text]


def test_dates_roll_by_whole_years_and_february_29_survives():
    roll = roll_for(date(2026, 8, 15), date(2027, 8, 15))
    assert roll(date(2027, 6, 30)) == date(2028, 6, 30)
    assert shift_years(date(2028, 2, 29), 1) == date(2029, 2, 28)
    odd = roll_for(date(2026, 8, 15), date(2027, 8, 20))
    assert odd(date(2027, 6, 30)) == date(2028, 7, 4)


def test_renewal_rolls_the_term_keeps_officers_and_redlines_against_the_executed_contract(tmp_path):
    executed = tmp_path / "executed-2026.docx"
    assert run_cli("build", str(EXAMPLES / "district.yaml"), "-o", str(executed), "--date", FIXED_DATE).returncode == 0
    out = tmp_path / "renewal"
    out.mkdir()
    proc = run_cli("renew", str(EXAMPLES / "district.yaml"), "--start", "2027-08-15", "--previous", str(executed),
                   "-o", str(out), "--date", "2027-07-01", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    spec = yaml.safe_load((out / "district-2027.yaml").read_text(encoding="utf-8"))
    assert spec["term"] == {**spec["term"], "start": "2027-08-15", "end": "2028-06-30", "notice_by": "2028-04-01"}
    assert spec["compensation"]["invoice_dates"] == ["2027-12-15", "2028-06-15"]
    assert [o["name"] for o in spec["officers"]] == ["Officer Jordan Ellis", "Officer Priya Raman"]
    assert any("Priya Raman" in w and "passed" in w for w in summary["warnings"])
    assert {c["what"] for c in summary["changes"]} >= {"term.start", "term.end", "term.notice_by"}
    redline = out / "district-2027-redline.docx"
    assert texts(redline, "original") == texts(executed)
    assert texts(redline) == texts(out / "district-2027.docx")
    assert "August 15, 2027" in " ".join(texts(out / "district-2027.docx"))
    assert run_cli("validate", str(out / "district-2027.yaml")).returncode == 0


def test_a_contract_that_predates_requirements_gains_them(tmp_path):
    old = tmp_path / "old.docx"
    from tests.lint_support import write_contract
    write_contract(old, [("Duties", ["The SRO shall enforce federal, state and local criminal laws."])])
    out = tmp_path / "r"
    out.mkdir()
    proc = run_cli("renew", str(EXAMPLES / "charter.yaml"), "--start", "2027-08-23", "--previous", str(old),
                   "-o", str(out), "--date", "2027-07-01", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    gained = json.loads(proc.stdout)["requirements_gained"]
    assert {"ATTIRE", "VETTING", "DATA-RECORDS", "SUBD2-A4"} <= set(gained)


def test_renewal_refuses_a_start_before_the_current_term_and_a_missing_folder(tmp_path):
    proc = run_cli("renew", str(EXAMPLES / "district.yaml"), "--start", "2025-01-01", "-o", str(tmp_path))
    assert proc.returncode == 2 and "must start after" in proc.stderr
    proc = run_cli("renew", str(EXAMPLES / "district.yaml"), "--start", "2027-08-15", "-o", str(tmp_path / "no"))
    assert proc.returncode == 2 and "folder" in proc.stderr


def test_charter_example_renews_and_still_lints_clean(tmp_path):
    proc = run_cli("renew", str(EXAMPLES / "charter.yaml"), "--start", "2027-08-23", "-o", str(tmp_path),
                   "--date", "2027-07-01")
    assert proc.returncode == 0, proc.stderr
    lint = run_cli("lint", str(tmp_path / "charter-2027.docx"), "--fail-on", "warning")
    assert lint.returncode == 0, lint.stdout


def test_an_agreement_drafted_elsewhere_renews_from_the_docx_alone(tmp_path):
    from tests.lint_support import write_contract
    from contractgen.lint.runner import lint_file
    old = write_contract(tmp_path / "their-2026.docx", [
        ("Parties", ["This Agreement is made between the City of Alderton and Independent School District No. 4410."]),
        ("Term", ["This Agreement begins on August 15, 2026 and ends on June 30, 2027."]),
        ("Duties", ["The SRO shall enforce federal, state and local criminal laws and maintain order in the hallways."]),
    ])
    proc = run_cli("renew", "--previous", str(old), "--start", "2027-08-15", "-o", str(tmp_path),
                   "--date", "2027-07-01", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["old_term"] == {"start": "2026-08-15", "end": "2027-06-30"}
    assert data["new_term"] == {"start": "2027-08-15", "end": "2028-06-30"}
    assert "City of Alderton" in data["parties"] and data["could_not_determine"]
    redline = tmp_path / "their-2026-2027-redline.docx"
    assert texts(redline, "original") == texts(old)
    accepted = " ".join(texts(redline))
    assert "August 15, 2027" in accepted and "June 30, 2028" in accepted and "maintain order" not in accepted
    from contractgen.lint.engine import evaluate
    after = evaluate(read_blocks(open_package(redline)))
    assert not [r.rule for r in after if r.severity == "error" and r.status in ("missing", "violation")]


def test_libreoffice_opens_a_renewal_redline_of_a_real_agreement_with_notes_and_round_trips(tmp_path):
    from tests.conftest import SHARED, run_oracle
    import pytest

    source = SHARED / "legal" / "dev-set" / "copperton_isd2730_sro_agreement.docx"
    if not source.exists():
        pytest.skip(f"dev set not found at {source.parent} (../shared absent)")
    proc = run_cli("renew", "--previous", str(source), "--start", "2026-07-01", "-o", str(tmp_path), "--date", "2026-06-01")
    assert proc.returncode == 0, proc.stderr
    redline, original = run_oracle([tmp_path / "copperton_isd2730_sro_agreement-2026-redline.docx", source])
    assert redline["opens"], redline.get("error")
    assert redline["text_reject_all"] == original["text_accept_all"]
    assert "effective July 1, 2026 and ends June 30, 2027" in redline["text_accept_all"]
