"""Helpers for lint tests: small real .docx contracts written with python-docx."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from docx import Document


def write_contract(path: Path, sections: Iterable[tuple[str, list[str]]],
                   title: str = "School Resource Officer Agreement") -> Path:
    """A contract with a title and (heading, paragraphs) sections, headings in Word's Heading 1."""
    doc = Document()
    doc.add_heading(title, level=0)
    for heading, paragraphs in sections:
        if heading:
            doc.add_heading(heading, level=1)
        for text in paragraphs:
            doc.add_paragraph(text)
    doc.save(str(path))
    return path


def lint_statuses(path: Path) -> dict[str, str]:
    from contractgen.lint.runner import lint_file

    report = lint_file(str(path))
    assert report.error is None, report.error
    return {r.rule: r.status for r in report.results}
