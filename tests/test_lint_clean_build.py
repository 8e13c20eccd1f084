"""Every contract that `contractgen build` writes lints with no error and no warning."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings

from contractgen import assemble
from contractgen.lint.runner import lint_file
from contractgen.spec import Contract
from tests.test_properties import specs


@pytest.mark.parametrize("name", ["district", "charter", "minimal", "starter-district", "starter-charter"])
def test_bundled_examples_lint_with_every_requirement_present(built, name):
    report = lint_file(str(built[name]))
    assert report.error is None
    not_present = [(r.rule, r.status, r.message) for r in report.results if r.status != "present"]
    assert not_present == []


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(specs())
def test_any_valid_spec_builds_a_contract_that_lints_clean(tmp_path, data):
    out = tmp_path / "c.docx"
    contract = Contract.model_validate(data)
    out.write_bytes(assemble.render_docx(assemble.assemble(contract), datetime(2026, 7, 1, tzinfo=timezone.utc)))
    report = lint_file(str(out))
    problems = [(r.rule, r.status) for r in report.results if r.is_problem and r.severity in ("error", "warning")]
    assert problems == []
