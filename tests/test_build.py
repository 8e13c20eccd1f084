"""`contractgen build`: every example becomes a complete, filled, openable, reproducible contract."""
from __future__ import annotations

import hashlib
import zipfile
from datetime import date
from pathlib import Path

import pytest

from contractgen import assemble, catalog, library
from contractgen.validation import load_contract
from tests.conftest import EXAMPLES, FIXED_DATE, run_cli
from tests.docx_text import paragraphs, styles_used, text

EXAMPLE_NAMES = ["district", "charter", "minimal", "starter-district", "starter-charter"]


def clause_sentences(name: str, spec: Path) -> dict[str, list[str]]:
    """For each requirement, the rendered paragraphs of the clauses that claim to satisfy it."""
    a = assemble.assemble(load_contract(spec).contract)
    rendered = a.rendered()
    found: dict[str, list[str]] = {}
    for rc in rendered:
        for rid in rc.clause.satisfies:
            found.setdefault(rid, []).extend(p.text for p in rc.paragraphs)
    return found


@pytest.mark.parametrize("name", ["district", "charter", "minimal"])
def test_every_catalog_requirement_has_its_clause_text_in_the_document(built, name):
    body = text(built[name])
    found = clause_sentences(name, EXAMPLES / f"{name}.yaml")
    for rid in catalog.bundled().ids:
        assert rid in found, f"no clause satisfies {rid}"
        for sentence in found[rid]:
            assert sentence in body, f"{rid}: clause text missing from the document: {sentence[:80]}"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_built_contract_has_every_variable_filled(built, name):
    body = text(built[name])
    for leftover in ("{{", "}}", "{%", "%}", "None", "Undefined", "[]"):
        assert leftover not in body, f"{leftover!r} left in {name}"


@pytest.mark.parametrize("name", ["district", "charter", "minimal"])
def test_the_seven_statutory_duties_are_operative_list_items(built, name):
    duties = [
        "fostering a positive school climate through relationship building and open communication",
        "protecting students, staff, and visitors to the school grounds from criminal activity",
        "serving as a liaison from law enforcement to school officials",
        "providing advice on safety drills",
        "identifying vulnerabilities in school facilities and safety protocols",
        "educating and advising students and staff on law enforcement topics",
        "enforcement of criminal laws",
    ]
    paras = paragraphs(built[name])
    for duty in duties:
        assert any(duty in p.lower() for p in paras), duty


def test_district_contract_names_the_district_parties_and_signatories(built):
    body = text(built["district"])
    assert "City of Quillmont" in body
    assert "Independent School District No. 2264" in body
    assert "Peter Lindqvist" in body and "Chair, School Board" in body
    assert "Helen Marsh" in body
    assert "126C.44" in body  # district funded by the safe schools levy


def test_charter_contract_is_with_the_board_not_the_authorizer(built):
    body = text(built["charter"])
    assert "Lodestar Academy" in body
    assert "board of directors" in body.lower()
    assert "Joint Powers" not in body and "471.59" not in body
    assert "126C.44" not in body
    assert "Miriam Osei" in body
    signature_part = body[body.find("IN WITNESS WHEREOF"):]
    assert "Northern Lights" not in signature_part


def test_contract_uses_real_word_styles(built):
    used = styles_used(built["district"])
    assert {"Title", "Heading1", "ContractBody", "ContractItem"} <= used


def test_header_and_footer_carry_title_and_page_numbers(built):
    with zipfile.ZipFile(built["district"]) as z:
        headers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/header")]
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    assert any("City of Quillmont" in h for h in headers)
    assert any("PAGE" in f and "NUMPAGES" in f for f in footers)


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_libreoffice_opens_every_built_contract(oracle_results, name):
    result = oracle_results[name]
    assert result["opens"] is True, result.get("error")
    assert "SCHOOL RESOURCE OFFICER" in result["text_accept_all"].upper()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_two_builds_with_the_same_date_are_byte_identical(tmp_path):
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    for out in (first, second):
        assert run_cli("build", str(EXAMPLES / "district.yaml"), "-o", str(out), "--date", FIXED_DATE).returncode == 0
    assert sha(first) == sha(second)


def test_source_date_epoch_fixes_the_bytes_and_the_stamp(tmp_path):
    outs = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for out in outs:
        proc = run_cli("build", str(EXAMPLES / "charter.yaml"), "-o", str(out), env={"SOURCE_DATE_EPOCH": "1782864000"})
        assert proc.returncode == 0, proc.stderr
    assert sha(outs[0]) == sha(outs[1])
    with zipfile.ZipFile(outs[0]) as z:
        core = z.read("docProps/core.xml").decode()
        stamps = {i.date_time for i in z.infolist()}
    assert "2026-07-01T00:00:00Z" in core
    assert stamps == {(2026, 7, 1, 0, 0, 0)}


def test_a_different_date_changes_only_the_stamps(tmp_path):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    run_cli("build", str(EXAMPLES / "district.yaml"), "-o", str(a), "--date", "2026-07-01")
    run_cli("build", str(EXAMPLES / "district.yaml"), "-o", str(b), "--date", "2026-07-02")
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        assert za.namelist() == zb.namelist()
        differing = [n for n in za.namelist() if za.read(n) != zb.read(n)]
    assert differing == ["docProps/core.xml"]


def test_build_never_writes_over_its_input(tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_bytes((EXAMPLES / "minimal.yaml").read_bytes())
    before = spec.read_bytes()
    proc = run_cli("build", str(spec), "-o", str(spec))
    assert proc.returncode == 2
    assert "overwrite the input" in proc.stderr and "Traceback" not in proc.stderr
    assert spec.read_bytes() == before


def test_build_into_a_directory_or_missing_folder_is_a_clean_error(tmp_path):
    for target in (tmp_path, tmp_path / "nope" / "out.docx"):
        proc = run_cli("build", str(EXAMPLES / "minimal.yaml"), "-o", str(target))
        assert proc.returncode == 2, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and str(target) in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_build_replaces_an_existing_output_atomically_and_leaves_no_temp_files(tmp_path):
    out = tmp_path / "contract.docx"
    out.write_bytes(b"old")
    assert run_cli("build", str(EXAMPLES / "minimal.yaml"), "-o", str(out), "--date", FIXED_DATE).returncode == 0
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir()] == ["contract.docx"]


def test_build_summary_lists_the_articles_and_requirements(tmp_path):
    proc = run_cli("build", str(EXAMPLES / "district.yaml"), "-o", str(tmp_path / "c.docx"), "--date", FIXED_DATE)
    assert proc.returncode == 0
    total = len(catalog.bundled().ids)
    assert f"{total} of {total} catalog requirements addressed" in proc.stdout
    assert "Attire" in proc.stdout and "Data Practices" in proc.stdout
    assert "TRAINING-INTERIM" in proc.stderr  # the untrained officer's warning, with its deadline
    assert "February 15, 2027" in proc.stderr


def test_build_json_summary_is_machine_readable(tmp_path):
    import json

    proc = run_cli("build", str(EXAMPLES / "charter.yaml"), "-o", str(tmp_path / "c.docx"), "--date", FIXED_DATE,
                   "--format", "json")
    data = json.loads(proc.stdout)
    assert data["parties"]["school_kind"] == "charter_school"
    assert set(catalog.bundled().ids) <= set(data["requirements_addressed"])
    assert data["articles"][0]["number"] == "1"
