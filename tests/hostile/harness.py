"""Running the real CLI on hostile input, with a time and memory cap, and checking what it left behind."""
from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TIMEOUT = 15.0
MEMORY = 2 * 1024 ** 3  # RLIMIT_AS for every child


def _limit_memory() -> None:  # runs in the child between fork and exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@dataclass
class Run:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def run_cli(*args: str, cwd: Path | None = None, timeout: float = TIMEOUT) -> Run:
    """`python -m contractgen ARGS` as a user runs it: no debug switch, no colour, capped in time and memory."""
    env = {k: v for k, v in os.environ.items() if k not in ("CONTRACTGEN_DEBUG", "SOURCE_DATE_EPOCH")}
    env.update({"NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "contractgen", *args], cwd=cwd or ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=timeout, preexec_fn=_limit_memory)
    return Run(tuple(args), proc.returncode, proc.stdout, proc.stderr, time.monotonic() - started)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def snapshot(*folders: Path) -> dict[str, str]:
    """Every file under the folders (recursively) with its hash."""
    out = {}
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            if p.is_file() and not p.is_symlink():
                out[str(p)] = sha256(p)
    return out


def strays(*folders: Path) -> list[str]:
    return sorted(str(p) for f in folders for p in f.rglob("*") if p.name.endswith(".part"))


def one_line(text: str, what: str) -> str:
    stripped = text.strip()
    assert stripped, f"expected one line on {what}, got nothing"
    assert "\n" not in stripped, f"expected ONE line on {what}, got:\n{text[:3000]}"
    return stripped


def output_text(folder: Path) -> str:
    """Everything written under `folder`, zip members unpacked, as text (for leak checks)."""
    parts = []
    for p in folder.rglob("*"):
        if not p.is_file():
            continue
        data = p.read_bytes()
        if data[:2] == b"PK":
            try:
                with zipfile.ZipFile(p) as zf:
                    data = b"".join(zf.read(i) for i in zf.infolist())
            except zipfile.BadZipFile:
                pass
        parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


def assert_no_crash(run: Run) -> None:
    for stream in (run.stdout, run.stderr):
        assert "Traceback" not in stream, f"traceback for {run.args}:\n{stream[-3000:]}"
        assert "internal error" not in stream, f"internal error for {run.args}: {stream[-2000:]}"
    assert run.returncode not in (3,) and run.returncode >= 0, f"{run.args}: exit {run.returncode}\n{run.stderr}"


def assert_refused(run: Run, named: Path | str, words: tuple[str, ...], channel: str = "stderr") -> str:
    """Exit 2, one line naming `named` and the problem on `channel` (the other stream as the CLI does)."""
    assert_no_crash(run)
    assert run.returncode == 2, f"{run.args}: exit {run.returncode}, want 2\nstdout: {run.stdout[-1500:]}\n" \
                                f"stderr: {run.stderr[-1500:]}"
    line = one_line(run.stdout if channel == "stdout" else run.stderr, channel)
    assert str(named) in line, f"the message does not name {named}: {line}"
    for word in words:
        assert word.lower() in line.lower(), f"{word!r} not in: {line}"
    if channel == "stdout":
        assert not run.stderr.strip(), f"unexpected stderr: {run.stderr}"
    return line
