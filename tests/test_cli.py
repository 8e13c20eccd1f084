"""The command line as a user meets it: help, version, init, schema."""
from __future__ import annotations

import json
import re

import pytest
import yaml

from contractgen import __version__
from contractgen.cli import cli
from tests.conftest import run_cli


def all_commands(group=cli, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield prefix + (name,)
        if hasattr(command, "commands"):
            yield from all_commands(command, prefix + (name,))


@pytest.mark.parametrize("command", list(all_commands()), ids=" ".join)
def test_every_command_has_help_with_an_example(command):
    proc = run_cli(*command, "--help")
    assert proc.returncode == 0
    assert "Example:" in proc.stdout and "contractgen" in proc.stdout.split("Example:")[1]


def test_version():
    proc = run_cli("--version")
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_unknown_command_is_a_usage_error():
    proc = run_cli("frobnicate")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


@pytest.mark.parametrize("charter", [False, True], ids=["district", "charter"])
def test_init_writes_a_commented_spec_that_validates(tmp_path, charter):
    spec = tmp_path / "spec.yaml"
    args = ["init", "--no-input", "-o", str(spec)] + (["--charter"] if charter else [])
    assert run_cli(*args).returncode == 0
    source = spec.read_text(encoding="utf-8")
    assert source.count("#") > 10  # it explains itself
    data = yaml.safe_load(source)
    assert data["school"]["kind"] == ("charter_school" if charter else "district")
    if charter:
        assert data["instrument"] != "joint_powers_agreement"
        assert data["compensation"]["funding_source"] != "safe_schools_levy"
    proc = run_cli("validate", str(spec))
    assert proc.returncode == 0, proc.stderr


def test_init_answers_are_kept_as_data(tmp_path):
    from contractgen import starter

    answers = starter.answers_with_defaults(False, lambda q, d: 'Evil: "{{ x }}" #not a comment' if q.key == "chief" else d)
    spec = tmp_path / "s.yaml"
    spec.write_text(starter.render(answers, "s.yaml"), encoding="utf-8")
    assert yaml.safe_load(spec.read_text())["agency"]["chief"] == 'Evil: "{{ x }}" #not a comment'


def test_init_refuses_to_overwrite_without_force(tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("keep me", encoding="utf-8")
    proc = run_cli("init", "--no-input", "-o", str(spec))
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert spec.read_text() == "keep me"
    assert run_cli("init", "--no-input", "--force", "-o", str(spec)).returncode == 0


def test_schema_is_json_schema_naming_every_top_level_section():
    proc = run_cli("schema")
    schema = json.loads(proc.stdout)
    for section in ("agency", "school", "attire", "vetting", "deescalation", "data_practices", "additional_duties"):
        assert section in schema["properties"]
    assert set(schema["required"]) >= {"attire", "vetting", "deescalation", "data_practices", "additional_duties"}


def test_validate_accepts_several_specs_and_reports_each(tmp_path):
    from tests.conftest import EXAMPLES

    proc = run_cli("validate", *(str(p) for p in sorted(EXAMPLES.glob("*.yaml"))))
    assert proc.returncode == 0
    assert len(re.findall(r": valid", proc.stdout)) == 3
