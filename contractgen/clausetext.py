"""Clause text: a sandboxed Jinja dialect over the spec, and the paragraphs it renders to.

Clause text is data that lawyers edit, and spec values are typed by users, so both stay inert:
the environment is sandboxed, unknown variables are errors (StrictUndefined), and a value that
contains `{{ ... }}` is printed literally because values are never rendered again. Whitespace in
values is collapsed so that a value cannot open a paragraph or a list item of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

ITEM_MARK = "* "


@dataclass(frozen=True)
class Paragraph:
    """One rendered paragraph: `body` text, or an `item` of a lettered list."""

    kind: Literal["body", "item"]
    text: str


class ClauseRenderError(Exception):
    """A clause that cannot be rendered; the library names the clause."""


def _placeholder(value: Any) -> bool:
    return getattr(value, "__placeholder__", False) is True


def long_date(value: date) -> str:
    if _placeholder(value):
        return str(value)
    return f"{value:%B} {value.day}, {value.year}"


def money(value: Decimal | int | float) -> str:
    if _placeholder(value):
        return str(value)
    amount = Decimal(value)
    return f"${amount:,.2f}" if amount != amount.to_integral() else f"${int(amount):,}"


def join_and(values: Any, conjunction: str = "and") -> str:
    items = [str(v) for v in values]
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f", {conjunction} " + items[-1]


def number_word(value: int) -> str:
    if _placeholder(value):
        return str(value)
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return f"{words[value]} ({value})" if 0 <= value < len(words) else str(value)


def _finalize(value: Any) -> Any:
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value)
    if isinstance(value, date):
        return long_date(value)
    if _placeholder(value):
        return str(value)
    return value


FILTERS = {"long_date": long_date, "money": money, "join_and": join_and, "number_word": number_word}


MAX_PRODUCT = 1_000_000  # characters or items a template may make by multiplication


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox, which already refuses Python internals and huge ranges, plus limits on
    `*` and `**`: a template cannot make a gigabyte string or a number with a billion digits."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            if isinstance(right, (int, float)) and abs(right) > 64:
                raise SecurityError("exponent too large for a template")
            return left ** right
        sized, count = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
        if isinstance(sized, (str, list, tuple)) and isinstance(count, int) and len(sized) * count > MAX_PRODUCT:
            raise SecurityError("a template may not repeat text or lists that many times")
        return left * right


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The one Jinja environment for clause text (and user templates)."""
    env = BoundedSandbox(undefined=StrictUndefined, autoescape=False, trim_blocks=True,
                         lstrip_blocks=True, finalize=_finalize)
    env.filters.update(FILTERS)
    return env


@lru_cache(maxsize=2048)
def compile_text(source: str):
    """Parse clause text once; raises ClauseRenderError on a syntax error."""
    try:
        return environment().from_string(source)
    except TemplateSyntaxError as exc:
        raise ClauseRenderError(f"template syntax error on line {exc.lineno}: {exc.message}") from None


def parse(source: str) -> nodes.Template:
    try:
        return environment().parse(source)
    except TemplateSyntaxError as exc:
        raise ClauseRenderError(f"template syntax error on line {exc.lineno}: {exc.message}") from None


def render(source: str, context: dict[str, Any]) -> list[Paragraph]:
    """Render clause text to paragraphs: blank lines separate paragraphs, `* ` starts a list item."""
    try:
        text = compile_text(source).render(context)
    except UndefinedError as exc:
        raise ClauseRenderError(f"unknown variable: {exc.message}") from None
    except (SecurityError, OverflowError, RecursionError, MemoryError) as exc:
        raise ClauseRenderError(f"refused by the sandbox: {exc}") from None
    return split_paragraphs(text)


def split_paragraphs(text: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        buffer: list[str] = []
        in_item = False
        for line in (line.strip() for line in block.splitlines()):
            if not line:
                continue
            if line.startswith(ITEM_MARK):
                if buffer:
                    paragraphs.append(Paragraph("body", " ".join(buffer)))
                    buffer = []
                paragraphs.append(Paragraph("item", line[len(ITEM_MARK):].strip()))
                in_item = True
            elif in_item:  # a continuation line of the item above
                paragraphs[-1] = Paragraph("item", f"{paragraphs[-1].text} {line}")
            else:
                buffer.append(line)
        if buffer:
            paragraphs.append(Paragraph("body", " ".join(buffer)))
    return paragraphs
