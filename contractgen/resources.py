"""Where the bundled clause library, templates and examples live.

An installed wheel carries them inside the package (`contractgen/_bundled/`); a source checkout
keeps them at the top of the repository. Both layouts resolve here and nowhere else.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The bundled folder `name` (templates, clauses or examples)."""
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found next to {_PACKAGE}")


def clauses_dir() -> Path:
    return data_dir("clauses")


def templates_dir() -> Path:
    return data_dir("templates")

