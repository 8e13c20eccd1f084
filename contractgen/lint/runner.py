"""Linting files: open each safely, read its text, evaluate the catalog; many files in parallel.

A file that cannot be read becomes a one-line error for that file; the others are still linted.
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from contractgen.errors import ContractgenError
from contractgen.lint.engine import Result

PARALLEL_FROM = 8  # below this many files, one process is faster than starting workers


@dataclass
class FileReport:
    path: str
    results: list[Result] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)


def expand(paths: Iterable[str]) -> list[str]:
    """File arguments with globs expanded (for shells that do not) and folders read for .docx files."""
    found: list[str] = []
    for item in paths:
        if any(ch in item for ch in "*?[") and not Path(item).exists():
            matches = sorted(glob.glob(item, recursive=True))
            found.extend(matches or [item])
        elif Path(item).is_dir():
            found.extend(sorted(str(p) for p in Path(item).rglob("*.docx") if not p.name.startswith("~$")))
        else:
            found.append(item)
    return list(dict.fromkeys(found))


def lint_file(path: str, view: str = "accepted") -> FileReport:
    """Lint one file; never raises for a bad input."""
    from contractgen.lint.engine import evaluate
    from contractgen.ooxml.blocks import read_blocks
    from contractgen.ooxml.package import open_package

    try:
        package = open_package(Path(path))
        blocks = read_blocks(package, view=view)
    except ContractgenError as exc:
        return FileReport(path, error=str(exc) if exc.path else f"{path}: {exc}")
    notes = []
    if package.macro_enabled:
        notes.append("macro-enabled document (.docm): its macros were not run or checked")
    return FileReport(path, evaluate(blocks), notes=notes)


def _lint_one(args: tuple[str, str]) -> FileReport:
    return lint_file(*args)


def lint_files(paths: Sequence[str], view: str = "accepted", jobs: int | None = None,
               progress: Callable[[FileReport], None] | None = None) -> list[FileReport]:
    """Lint every file, in input order; spread over all cores for large batches."""
    jobs = jobs or os.cpu_count() or 1
    work = [(p, view) for p in paths]
    reports: list[FileReport] = []
    if len(work) >= PARALLEL_FROM and jobs > 1:
        from concurrent.futures import ProcessPoolExecutor  # only batches pay for it

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for report in pool.map(_lint_one, work, chunksize=max(1, len(work) // (jobs * 4))):
                reports.append(report)
                if progress:
                    progress(report)
        return reports
    for item in work:
        report = _lint_one(item)
        reports.append(report)
        if progress:
            progress(report)
    return reports
