"""Generated SRO contracts (.docx) with expected `contractgen lint` labels.

Each :class:`Fixture` names one contract, describes its drafting style in one line, and gives the
expected status of the 18 requirement IDs (``IDS``: PARTIES plus the 17 IDs of the dev-set) with a
one-line reason per label in ``why``.  Text in straight double quotes inside a reason is verbatim
document text (whitespace, including no-break spaces, collapsed; curly apostrophes kept), read
from every w:t of word/document.xml and word/footnotes.xml -- so it may sit in a table, a text
box, a content control, a footnote or an unaccepted tracked insertion (deleted text is never
quoted: the labels judge the text after Accept All).

Labels follow the status rubric of requirements.md section 4.  The documents are written by code
(``writer.py``) and are byte-identical from run to run.

    from tests.lint_fixtures import FIXTURES, build_all
    paths = build_all(tmp_path)          # {fixture name: Path to .docx}
"""
from __future__ import annotations

from pathlib import Path

from .base import DEV_SET_IDS, IDS, STATUSES, Fixture
from .contracts_a import FIXTURES_A
from .contracts_b import FIXTURES_B
from .contracts_c import FIXTURES_C

FIXTURES: list[Fixture] = [*FIXTURES_A, *FIXTURES_B, *FIXTURES_C]

__all__ = ["FIXTURES", "Fixture", "IDS", "DEV_SET_IDS", "STATUSES", "build_all", "by_name"]


def by_name(name: str) -> Fixture:
    for f in FIXTURES:
        if f.name == name:
            return f
    raise KeyError(name)


def build_all(folder: Path) -> dict[str, Path]:
    """Write every fixture contract into ``folder`` as NAME.docx; returns {name: path}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return {f.name: f.build(folder / f.filename) for f in FIXTURES}
