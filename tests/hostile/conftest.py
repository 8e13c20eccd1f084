"""Fixtures of the hostile-input tests: one real contract built by the CLI, used as the base of every mutation."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.generators import read_entries
from tests.hostile.harness import EXAMPLES, run_cli


@pytest.fixture(scope="session")
def good_docx(tmp_path_factory) -> Path:
    """examples/minimal.yaml built by the real CLI (the starting point of every hostile package)."""
    path = tmp_path_factory.mktemp("good") / "minimal.docx"
    run = run_cli("build", str(EXAMPLES / "minimal.yaml"), "-o", str(path), "--date", "2026-07-01", "-q", timeout=60)
    assert run.returncode == 0, run.stderr
    return path


@pytest.fixture(scope="session")
def base_entries(good_docx):
    return read_entries(good_docx)


@pytest.fixture
def folders(tmp_path) -> tuple[Path, Path]:
    """(inputs, outputs): separate folders, so what a command leaves behind is easy to see."""
    inputs, outputs = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    outputs.mkdir()
    return inputs, outputs
