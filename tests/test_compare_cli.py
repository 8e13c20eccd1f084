"""`contractgen compare` as a user runs it."""
from __future__ import annotations

import json

from contractgen.ooxml.blocks import read_blocks
from contractgen.ooxml.package import open_package
from tests.conftest import EXAMPLES, FIXED_DATE, run_cli


def texts(path, view="accepted"):
    return [b.text for b in read_blocks(open_package(path), view=view) if b.text]


def test_compare_two_builds_of_a_renewed_contract(tmp_path):
    import yaml

    data = yaml.safe_load((EXAMPLES / "district.yaml").read_text(encoding="utf-8"))
    old_spec, new_spec = tmp_path / "2026.yaml", tmp_path / "2027.yaml"
    old_spec.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    data["term"]["start"], data["term"]["end"], data["term"]["notice_by"] = "2027-08-15", "2028-06-30", "2028-04-01"
    data["compensation"]["amount"] = 191000
    data["compensation"]["invoice_dates"] = ["2027-12-15", "2028-06-15"]
    new_spec.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    old, new, out = tmp_path / "old.docx", tmp_path / "new.docx", tmp_path / "redline.docx"
    for spec, target in ((old_spec, old), (new_spec, new)):
        assert run_cli("build", str(spec), "-o", str(target), "--date", FIXED_DATE).returncode == 0
    proc = run_cli("compare", str(old), str(new), "-o", str(out), "--date", FIXED_DATE, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["changes"] > 0
    assert texts(out) == texts(new) and texts(out, "original") == texts(old)
    again = tmp_path / "again.docx"
    run_cli("compare", str(old), str(new), "-o", str(again), "--date", FIXED_DATE)
    assert again.read_bytes() == out.read_bytes()


def test_compare_refuses_to_write_over_an_input_and_reports_unreadable_files(tmp_path, built):
    before = built["minimal"].read_bytes()
    proc = run_cli("compare", str(built["minimal"]), str(built["district"]), "-o", str(built["minimal"]))
    assert proc.returncode == 2 and built["minimal"].read_bytes() == before
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    proc = run_cli("compare", str(bad), str(built["district"]), "-o", str(tmp_path / "r.docx"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and str(bad) in proc.stderr
    assert not (tmp_path / "r.docx").exists()
