"""Shared fixtures: paths, the CLI runner, built examples and one batched LibreOffice run."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
ORACLE = SHARED / "tools" / "lo_oracle.py"
FIXED_DATE = "2026-07-01"


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 60):
    """Run `python -m contractgen ARGS` as a user would; returns the CompletedProcess."""
    full_env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    full_env.update({"NO_COLOR": "1", **(env or {})})
    return subprocess.run([sys.executable, "-m", "contractgen", *args], capture_output=True, text=True,
                          cwd=cwd, env=full_env, timeout=timeout)


def libreoffice_missing_reason() -> str | None:
    if not ORACLE.is_file():
        return f"LibreOffice oracle not found at {ORACLE} (the ../shared folder is absent in this clone)"
    if shutil.which("soffice") is None:
        return "LibreOffice (soffice) is not installed; see ../shared/tools/README.md"
    return None


def require_libreoffice() -> None:
    reason = libreoffice_missing_reason()
    if reason is None:
        return
    if os.environ.get("CONTRACTGEN_REQUIRE_LIBREOFFICE"):
        pytest.fail(f"LibreOffice checks are required here but cannot run: {reason}")
    pytest.skip(reason)


def run_oracle(paths: list[Path], *extra: str) -> list[dict]:
    """Open every file in ONE LibreOffice process; returns one JSON object per file."""
    require_libreoffice()
    proc = subprocess.run([sys.executable, str(ORACLE), *extra, *map(str, paths)], capture_output=True,
                          text=True, timeout=600)
    if proc.returncode not in (0, 1):
        pytest.fail(f"lo_oracle failed ({proc.returncode}): {proc.stderr[-2000:]}")
    data = json.loads(proc.stdout)
    return data if isinstance(data, list) else [data]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """Every bundled example and both starter specs, built once for the session."""
    out = tmp_path_factory.mktemp("built")
    specs = {p.stem: p for p in sorted(EXAMPLES.glob("*.yaml"))}
    for charter in (False, True):
        name = "starter-charter" if charter else "starter-district"
        target = out / f"{name}.yaml"
        args = ["init", "--no-input", "-o", str(target)] + (["--charter"] if charter else [])
        proc = run_cli(*args)
        assert proc.returncode == 0, proc.stderr
        specs[name] = target
    result = {}
    for name, spec in specs.items():
        docx = out / f"{name}.docx"
        proc = run_cli("build", str(spec), "-o", str(docx), "--date", FIXED_DATE)
        assert proc.returncode == 0, f"{name}: {proc.stderr}"
        result[name] = docx
    return result


@pytest.fixture(scope="session")
def oracle_results(built) -> dict[str, dict]:
    names = list(built)
    return dict(zip(names, run_oracle([built[n] for n in names])))
