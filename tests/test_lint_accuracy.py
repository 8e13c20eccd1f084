"""Accuracy against labelled contracts: the six dev-set documents (labels by hand, from the rubric).

This is a check on the rubric points, not a target: the product is measured on other contracts,
so a failure here means a rubric point is wrong for every phrasing, not that a sentence needs a rule.
"""
from __future__ import annotations

import pytest
import yaml

from contractgen.lint.runner import lint_file
from tests.conftest import SHARED

DEV_SET = SHARED / "legal" / "dev-set"


@pytest.mark.skipif(not DEV_SET.is_dir(), reason=f"dev set not found at {DEV_SET} (../shared absent)")
def test_dev_set_labels_agree_with_the_linter():
    labels = yaml.safe_load((DEV_SET / "labels.yaml").read_text(encoding="utf-8"))
    disagreements, total = [], 0
    for name, doc in labels["documents"].items():
        report = lint_file(str(DEV_SET / name))
        got = {r.rule: r.status for r in report.results}
        for rid, label in doc["labels"].items():
            total += 1
            if got[rid] != label["status"]:
                disagreements.append(f"{name} {rid}: labelled {label['status']}, linted {got[rid]}")
    agreement = 1 - len(disagreements) / total
    assert agreement >= 0.9, "\n".join(disagreements)
