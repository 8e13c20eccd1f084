"""A non-editable install, run from another folder, finds the bundled templates and clauses."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_wheel_installed_in_a_fresh_venv_builds_an_example_from_another_folder(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = dist.glob("contractgen-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                         capture_output=True, text=True, timeout=600)
    assert pip.returncode == 0, pip.stderr[-2000:]
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    exe = str(venv / "bin" / "contractgen")
    init = subprocess.run([exe, "init", "--no-input", "-o", "spec.yaml"], cwd=work, env=env,
                          capture_output=True, text=True, timeout=120)
    assert init.returncode == 0, init.stderr
    built = subprocess.run([exe, "build", "spec.yaml", "-o", "contract.docx", "--date", "2026-07-01"], cwd=work,
                           env=env, capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    assert (work / "contract.docx").stat().st_size > 10_000
    check = subprocess.run([exe, "clauses", "check"], cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stderr
    # the installed package really is the wheel, not this checkout
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import contractgen; print(contractgen.__file__)"],
                           cwd=work, env=env, capture_output=True, text=True)
    assert str(venv) in where.stdout
