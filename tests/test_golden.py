"""Golden files: the full text of the bundled examples, so every wording change is reviewed.

On a mismatch the actual text is saved under tests/artifacts/ for a person to read; run with
UPDATE_GOLDEN=1 to accept a deliberate change.
"""
from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from tests.docx_text import paragraphs

GOLDEN = Path(__file__).parent / "golden"
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.mark.parametrize("name", ["district", "charter", "minimal"])
def test_built_contract_text_matches_the_reviewed_golden_file(built, name):
    actual = "\n".join(p for p in paragraphs(built[name]) if p.strip()) + "\n"
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"{name}.txt").write_text(actual, encoding="utf-8")
        (ARTIFACTS / f"{name}.docx").write_bytes(built[name].read_bytes())
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "actual", n=1))
        pytest.fail(f"{name} differs from {golden} (actual saved in {ARTIFACTS}):\n{diff[:4000]}")
