"""docs/cli.md documents every command, matches the current --help text, and every help ends with an example."""
from __future__ import annotations

import importlib.util
import inspect
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "make_cli_reference.py"
DOC = ROOT / "docs" / "cli.md"
REGENERATE = "run `python scripts/make_cli_reference.py` and commit docs/cli.md"


def _load_script():
    spec = importlib.util.spec_from_file_location("make_cli_reference", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module


ref = _load_script()
ENTRIES = ref.commands()


def _documented() -> dict[str, str]:
    assert DOC.is_file(), f"{DOC} is missing; {REGENERATE}"
    return ref.split_sections(DOC.read_text(encoding="utf-8"))


def test_tree_is_walked_into_groups():
    paths = [e.path for e in ENTRIES]
    assert paths[0] == "contractgen"
    assert "contractgen clauses" in paths and "contractgen clauses check" in paths


def test_every_command_has_a_section():
    documented = _documented()
    missing = [e.path for e in ENTRIES if e.path not in documented]
    assert not missing, f"commands with no section in docs/cli.md: {', '.join(missing)}; {REGENERATE}"
    toc = documented["(header)"]
    not_listed = [e.path for e in ENTRIES if f"(#{ref.anchor(e.path)})" not in toc]
    assert not not_listed, f"commands missing from the table of contents: {', '.join(not_listed)}; {REGENERATE}"


def test_doc_matches_generated_output():
    current = DOC.read_text(encoding="utf-8") if DOC.is_file() else ""
    problems = ref.differences(current, ref.render(ENTRIES))
    assert not problems, "docs/cli.md is out of date (" + "; ".join(problems) + f"); {REGENERATE}"


def test_check_flag_exit_codes(tmp_path):
    good = tmp_path / "cli.md"
    assert subprocess.run([sys.executable, str(SCRIPT), "--output", str(good)], capture_output=True).returncode == 0
    ok = subprocess.run([sys.executable, str(SCRIPT), "--check", "--output", str(good)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    good.write_text(good.read_text(encoding="utf-8").replace("Build a contract", "Build a kontract"), encoding="utf-8")
    stale = subprocess.run([sys.executable, str(SCRIPT), "--check", "--output", str(good)], capture_output=True, text=True)
    assert stale.returncode == 1
    assert "contractgen build" in stale.stderr and "make_cli_reference.py" in stale.stderr


@pytest.mark.parametrize("columns", ["40", "300"])
def test_output_does_not_depend_on_the_terminal(monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    assert ref.render(ref.commands()) == ref.render(ENTRIES)
    assert "\x1b[" not in "".join(e.help for e in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.path for e in ENTRIES])
def test_help_ends_with_an_example(entry):
    doc = inspect.cleandoc(entry.command.help or "")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", doc) if p.strip()]
    assert paragraphs, f"`{entry.path}` has no help text"
    last = paragraphs[-1].lstrip("\b").strip()
    assert last.startswith("Example:") and "contractgen" in last, (
        f"the help of `{entry.path}` must end with an 'Example:' paragraph showing a contractgen command line "
        f"(preceded by a \\b line so click keeps its layout); it ends with: {last!r}")
    # and the example survives click's formatting into the --help text itself
    assert "Example:" in entry.help.split("\nOptions:")[0]
