"""`contractgen clauses check` proves the library complete, and catches what breaks it."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from contractgen import catalog, library, library_check
from contractgen.errors import LibraryError
from contractgen.resources import clauses_dir
from tests.conftest import run_cli


def copy_library(tmp_path: Path) -> Path:
    folder = tmp_path / "clauses"
    shutil.copytree(clauses_dir(), folder)
    return folder


def edit_clause(folder: Path, clause_id: str, **changes) -> None:
    for path in folder.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for clause in (data or {}).get("clauses", []):
            if clause["id"] == clause_id:
                clause.update(changes)
                path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
                return
    raise AssertionError(f"no clause {clause_id}")


def check(folder: Path) -> library_check.CheckReport:
    return library_check.check(library.load(folder), catalog.bundled())


def test_bundled_library_satisfies_every_requirement_in_every_combination():
    report = check(clauses_dir())
    assert report.problems == []
    assert report.combinations > 1  # district/charter, attire modes, instruments, ... really enumerated


def test_every_clause_names_its_source_and_only_known_requirements():
    known = set(catalog.bundled().ids)
    for clause in library.bundled().clauses:
        assert clause.source.strip()
        assert set(clause.satisfies) <= known


def test_check_reports_a_requirement_left_unsatisfied_for_one_attire_mode(tmp_path):
    folder = copy_library(tmp_path)
    plain = [c for c in library.load(folder).clauses if c.when.get("attire.mode") == ["plain_clothes"]]
    assert plain, "expected a clause specific to plain clothes"
    edit_clause(folder, plain[0].id, satisfies=[])
    problems = check(folder).problems
    assert any("ATTIRE" in p and "attire.mode=plain_clothes" in p for p in problems), problems


def test_check_reports_an_unknown_variable_naming_the_clause(tmp_path):
    folder = copy_library(tmp_path)
    clause = library.load(folder).clauses[0]
    edit_clause(folder, clause.id, text=clause.text + "\n{{ agency.no_such_field }}")
    problems = check(folder).problems
    assert any(clause.id in p and "no_such_field" in p for p in problems), problems


def test_check_reports_a_district_only_field_in_a_clause_used_for_charter_schools(tmp_path):
    folder = copy_library(tmp_path)
    generic = next(c for c in library.load(folder).clauses if "school.kind" not in c.when)
    edit_clause(folder, generic.id, text=generic.text + "\n{{ school.superintendent }}")
    problems = check(folder).problems
    assert any(generic.id in p and "superintendent" in p for p in problems), problems


def test_check_reports_an_unknown_requirement_id(tmp_path):
    folder = copy_library(tmp_path)
    clause = library.load(folder).clauses[0]
    edit_clause(folder, clause.id, satisfies=["NOT-A-RULE"])
    assert any("NOT-A-RULE" in p for p in check(folder).problems)


def test_a_when_on_a_field_the_spec_does_not_have_is_refused(tmp_path):
    folder = copy_library(tmp_path)
    clause = library.load(folder).clauses[0]
    edit_clause(folder, clause.id, when={"school.colour": "red"})
    with pytest.raises(LibraryError, match="school.colour"):
        library.load(folder)


def test_cli_clauses_check_list_and_show():
    proc = run_cli("clauses", "check")
    assert proc.returncode == 0, proc.stderr
    assert "combinations" in proc.stdout and ": ok" in proc.stdout
    listing = json.loads(run_cli("clauses", "list", "--format", "json").stdout)
    assert {c["id"] for c in listing} == {c.id for c in library.bundled().clauses}
    first = listing[0]["id"]
    shown = run_cli("clauses", "show", first)
    assert shown.returncode == 0 and "source:" in shown.stdout
    missing = run_cli("clauses", "show", "no.such.clause")
    assert missing.returncode == 2 and "no.such.clause" in missing.stderr
