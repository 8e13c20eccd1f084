"""Hostile Word files through every command that reads one: lint, lint --format json, lint --redline,
compare (as OLD and as NEW) and renew --previous.

For each (case, command): exit 2 with one line naming the file and the problem (lint in text mode
prints it on stdout, as the report of that file, and nothing on stderr; every other command, and
lint --format json, print it on stderr), or, for a document that is legitimately readable, exit 0/1;
never a traceback or an internal error; done within the time limit under a 2 GiB address-space cap;
every input byte-identical; nothing written and no `.part` file left when the input is refused; and
the content of /etc/passwd never appears anywhere.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.hostile.generators import BIG_DOCUMENT, DOC_CASES, NOT_WORD_ROOT, DocCase, passwd_marker
from tests.hostile.harness import EXAMPLES, assert_no_crash, assert_refused, output_text, run_cli, snapshot, strays

START = "2027-09-01"

# name -> (argv builder, channel of the error line)
COMMANDS = {
    "lint": (lambda x, good, out: ["lint", str(x)], "stdout"),
    "lint-json": (lambda x, good, out: ["lint", "--format", "json", str(x)], "stderr"),
    "lint-redline": (lambda x, good, out: ["lint", str(x), "--redline", str(out / "redline.docx")], "stdout"),
    "compare-old": (lambda x, good, out: ["compare", str(x), str(good), "-o", str(out / "redline.docx")], "stderr"),
    "compare-new": (lambda x, good, out: ["compare", str(good), str(x), "-o", str(out / "redline.docx")], "stderr"),
    "renew-previous": (lambda x, good, out: ["renew", "--previous", str(x), "--start", START, "-o", str(out)],
                       "stderr"),
}
HEAVY_COMMANDS = ("lint", "compare-new")
KNOWN_BUGS: dict[tuple[str, str], str] = {}  # (case, command) -> a product bug kept as a strict xfail


def _params() -> list:
    return list(_each())


def _each():
    for case in DOC_CASES:
        for command in COMMANDS:
            if case.heavy and command not in HEAVY_COMMANDS:
                continue
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[(case.name, command)])] \
                if (case.name, command) in KNOWN_BUGS else []
            yield pytest.param(case, command, id=f"{case.name}-{command}", marks=marks)


@pytest.fixture(scope="session")
def made(tmp_path_factory, base_entries):
    """Each hostile file made once per session (heavy ones take a second to stream)."""
    folder = tmp_path_factory.mktemp("hostile-docx")
    cache: dict[str, Path] = {}

    def get(case: DocCase) -> Path:
        if case.name not in cache:
            path = folder / f"{case.name}{case.suffix}"
            case.make(base_entries, path)
            cache[case.name] = path
        return cache[case.name]
    return get


def exercise(case: DocCase, command: str, made, good_docx: Path, folders: tuple[Path, Path]):
    inputs, outputs = folders
    hostile = inputs / f"hostile-{case.name}{case.suffix}"
    shutil.copyfile(made(case), hostile)
    good = inputs / "good.docx"
    shutil.copyfile(good_docx, good)
    build_args, channel = COMMANDS[command]
    before_in, before_out = snapshot(inputs), snapshot(outputs)
    run = run_cli(*build_args(hostile, good, outputs))
    assert snapshot(inputs) == before_in, "an input file was changed, or a file was written beside the inputs"
    assert strays(inputs, outputs) == [], "a temporary .part file was left behind"
    marker = passwd_marker()
    if marker:
        for text in (run.stdout, run.stderr, output_text(outputs)):
            assert marker not in text, "the content of /etc/passwd leaked into the output"
    return run, hostile, channel, before_out, outputs


@pytest.mark.parametrize(("case", "command"), _params())
def test_hostile_docx(case: DocCase, command: str, made, good_docx, folders):
    run, hostile, channel, before_out, outputs = exercise(case, command, made, good_docx, folders)
    if not case.readable and not (command in case.lenient and run.returncode == 0):
        assert_refused(run, hostile, case.words, channel)
        assert snapshot(outputs) == before_out, f"output written for a refused input: {sorted(snapshot(outputs))}"
        if command == "lint-json":
            report = json.loads(run.stdout)
            assert report["files"][0]["error"] == run.stderr.strip()
        return
    # legitimately readable: a report (lint exits 0 or 1), a redline (compare / renew exit 0)
    assert_no_crash(run)
    writes = command in ("lint-redline", "compare-old", "compare-new", "renew-previous")
    if writes and run.returncode == 2:
        # read, but the redline cannot be made (e.g. no body paragraph to anchor a clause): a clean refusal
        assert_refused(run, hostile, (), "stderr")
        assert snapshot(outputs) == before_out
        return
    if command.startswith("lint"):
        assert run.returncode in (0, 1), f"exit {run.returncode}: {run.stdout[-800:]} | {run.stderr[-800:]}"
        if command == "lint-json":
            report = json.loads(run.stdout)["files"][0]
            assert report["path"] == str(hostile) and "error" not in report and report["results"]
            notes = " ".join(report.get("notes", []))
        else:
            assert f"{hostile}: " in run.stdout
            notes = run.stdout
        if case.name == "docm-vba":
            assert "macro-enabled" in notes, notes
    else:
        assert run.returncode == 0, f"exit {run.returncode}: {run.stderr[-1500:]}"
        assert snapshot(outputs), "nothing was written"


def test_million_runs_finish_in_time(made, good_docx, folders):
    """A paragraph of a million runs (stored so the ratio check lets it through) is refused in time: its
    main part is larger than any contract needs."""
    case = next(c for c in DOC_CASES if c.name == "million-runs-stored")
    run, hostile, channel, *_ = exercise(case, "lint", made, good_docx, folders)
    assert run.seconds < 15
    assert_refused(run, hostile, (), channel)


def test_50mb_document_xml_is_refused_or_read_in_time(made, good_docx, folders):
    run, hostile, channel, before_out, outputs = exercise(BIG_DOCUMENT, "lint", made, good_docx, folders)
    assert_no_crash(run)
    if run.returncode == 2:
        assert_refused(run, hostile, (), channel)
    else:
        assert run.returncode in (0, 1)


def test_compare_against_a_main_part_that_is_not_a_word_document(made, good_docx, folders):
    run, hostile, channel, before_out, outputs = exercise(NOT_WORD_ROOT, "compare-new", made, good_docx, folders)
    assert_refused(run, hostile, (), "stderr")
    assert snapshot(outputs) == before_out


@pytest.mark.parametrize("name", ["random-bytes", "xxe-etc-passwd"])
def test_renew_with_spec_and_hostile_previous_leaves_nothing(name, made, good_docx, folders):
    case = next(c for c in DOC_CASES if c.name == name)
    inputs, outputs = folders
    hostile = inputs / f"hostile{case.suffix}"
    shutil.copyfile(made(case), hostile)
    spec = inputs / "minimal.yaml"
    shutil.copyfile(EXAMPLES / "minimal.yaml", spec)
    before = snapshot(inputs)
    run = run_cli("renew", str(spec), "--previous", str(hostile), "--start", START, "-o", str(outputs))
    assert snapshot(inputs) == before and strays(inputs, outputs) == []
    assert_refused(run, hostile, case.words)
    assert snapshot(outputs) == {}, f"partial output left: {sorted(snapshot(outputs))}"
