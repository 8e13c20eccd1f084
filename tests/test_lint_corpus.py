"""The linter reads every real-world file in ../shared/corpus without a crash, and refuses the
malformed ones with one clean line."""
from __future__ import annotations

import pytest

from contractgen.lint.runner import lint_file
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"
FILES = sorted(p for p in CORPUS.rglob("*.doc*")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not FILES, reason=f"corpus not found at {CORPUS} (../shared absent)")
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_corpus_file_lints_or_is_refused_in_one_line(path):
    report = lint_file(str(path))
    if report.error is not None:
        assert "\n" not in report.error and str(path) in report.error
        return
    assert len(report.results) == 32
    assert all(r.status in {"present", "partial", "missing", "violation", "not_applicable"} for r in report.results)
