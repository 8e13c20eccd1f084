"""`contractgen lint --redline`: tracked insertions of missing clauses, deletions of unlawful words,
a comment per finding; Reject All gives the original back, Accept All lints clean."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from contractgen.lint import redline
from contractgen.lint.runner import lint_file
from contractgen.ooxml.blocks import read_blocks
from contractgen.ooxml.package import open_package
from tests.conftest import EXAMPLES, ORACLE, run_cli, require_libreoffice
from tests.lint_fixtures import FIXTURES, build_all

NON_COMPLIANT = ["tamarack_bend_isd2167_2019_liaison_in_force", "larchmont_prairie_isd2833_exhibit_duties",
                 "vantry_pd_isd2049_department_party", "wickham_lake_isd2636_letter_as_assigned",
                 "embry_falls_northstar_harbor_charter_jpa"]


def body_text(path, view="accepted") -> list[str]:
    return [b.text for b in read_blocks(open_package(path), view=view) if b.text]


@pytest.fixture(scope="module")
def redlines(tmp_path_factory):
    folder = tmp_path_factory.mktemp("redline")
    sources = build_all(folder)
    made = {}
    for name in NON_COMPLIANT:
        out = folder / f"{name}.redline.docx"
        proc = run_cli("lint", str(sources[name]), "--redline", str(out), "--date", "2026-07-01")
        assert proc.returncode == 1, proc.stderr
        assert "tracked changes" in proc.stderr
        made[name] = (sources[name], out)
    return made


@pytest.mark.parametrize("name", NON_COMPLIANT)
def test_rejecting_every_change_gives_the_original_text(redlines, name):
    source, out = redlines[name]
    assert body_text(out, "original") == body_text(source)


@pytest.mark.parametrize("name", NON_COMPLIANT)
def test_accepting_every_change_leaves_no_error_for_the_requirements_addressed(redlines, name):
    source, out = redlines[name]
    before = {r.rule: r for r in lint_file(str(source)).results}
    from contractgen.lint.engine import evaluate
    after = {r.rule: r for r in evaluate(read_blocks(open_package(out), view="accepted"))}
    addressed = [rid for rid, r in before.items() if r.is_problem and r.severity == "error"
                 and (r.status != "violation" or rid in redline.STRIKE)]
    still = [rid for rid in addressed if after[rid].is_problem and after[rid].severity == "error"]
    assert still == []


def test_unlawful_words_are_deleted_and_every_finding_gets_a_comment(redlines):
    source, out = redlines["tamarack_bend_isd2167_2019_liaison_in_force"]
    accepted = " ".join(body_text(out))
    original = " ".join(body_text(source))
    assert "truancy" in original.lower() and "truancy" not in accepted.lower()
    report = lint_file(str(source))
    violations = [r for r in report.results if r.status == "violation"]
    assert violations
    for r in violations:
        for _, words in r.matched:
            assert words.split()[0] in original.lower()
    import zipfile
    with zipfile.ZipFile(out) as z:
        comments = z.read("word/comments.xml").decode()
    problems = [r for r in report.results if r.is_problem]
    assert all(r.rule in comments for r in problems)


def test_redline_is_byte_identical_for_the_same_input_and_date(tmp_path, redlines):
    source, out = redlines["vantry_pd_isd2049_department_party"]
    again = tmp_path / "again.docx"
    assert run_cli("lint", str(source), "--redline", str(again), "--date", "2026-07-01").returncode == 1
    assert again.read_bytes() == out.read_bytes()


def test_redline_with_a_spec_fills_the_clauses_instead_of_placeholders(tmp_path, redlines):
    source, _ = redlines["wickham_lake_isd2636_letter_as_assigned"]
    out = tmp_path / "filled.docx"
    proc = run_cli("lint", str(source), "--redline", str(out), "--spec", str(EXAMPLES / "district.yaml"),
                   "--date", "2026-07-01")
    assert proc.returncode == 1, proc.stderr
    added = set(body_text(out)) - set(body_text(source))
    assert added and not any("[" in t and "]" in t and t[t.find("[") + 1:t.find("]")].isupper() for t in added)
    assert any("Quillmont" in t for t in added)


def test_redline_refuses_to_overwrite_its_input_and_takes_one_file(tmp_path, redlines):
    source, _ = redlines["vantry_pd_isd2049_department_party"]
    before = source.read_bytes()
    proc = run_cli("lint", str(source), "--redline", str(source))
    assert proc.returncode == 2 and source.read_bytes() == before
    other, _ = redlines["wickham_lake_isd2636_letter_as_assigned"]
    proc = run_cli("lint", str(source), str(other), "--redline", str(tmp_path / "x.docx"))
    assert proc.returncode == 2 and not (tmp_path / "x.docx").exists()


@pytest.mark.libreoffice
def test_libreoffice_sees_real_revisions_that_round_trip(redlines, tmp_path):
    require_libreoffice()
    names = list(redlines)
    files = [redlines[n][1] for n in names] + [redlines[n][0] for n in names]
    env = {**os.environ, "LO_ORACLE_SAVE_ACCEPTED": str(tmp_path)}
    proc = subprocess.run([sys.executable, str(ORACLE), *map(str, files)], capture_output=True, text=True,
                          timeout=600, env=env)
    results = json.loads(proc.stdout)
    reds, origs = results[:len(names)], results[len(names):]
    for name, red, orig in zip(names, reds, origs):
        assert red["opens"], name
        import zipfile
        with zipfile.ZipFile(redlines[name][1]) as z:
            ours = z.read("word/document.xml").count(b"<w:ins ") + z.read("word/document.xml").count(b"<w:del ")
        assert red["comments"]["total"] > 0 and (red["redlines"]["total"] > 0) == (ours > 0), name
        assert red["redlines_left_after_accept_all"] == 0 and red["redlines_left_after_reject_all"] == 0
        assert red["text_reject_all"] == orig["text_accept_all"], name
        accepted = red["accepted_docx"]
        after = {r.rule: r for r in lint_file(accepted).results}
        left = [r.rule for r in after.values() if r.status == "missing" and r.severity == "error"]
        left += [r.rule for r in after.values() if r.status == "violation" and r.rule in redline.STRIKE]
        assert left == [], name
