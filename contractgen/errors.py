"""One exception family. The CLI turns any of these into a one-line message and exit code 2."""
from __future__ import annotations


class ContractgenError(Exception):
    """An input or environment problem a user can act on; never a bug in contractgen."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class SpecError(ContractgenError):
    """A spec file that cannot be read, or that does not validate.

    `problems` holds every problem found, each already formatted as `file:line:col: path: message`.
    """

    def __init__(self, path: str, problems: list) -> None:
        self.problems = problems
        first = problems[0] if problems else None
        super().__init__(str(first) if first else "invalid spec", None)


class LibraryError(ContractgenError):
    """The clause library or requirement catalog is inconsistent (a bug in the data, named by file)."""


class TemplateError(ContractgenError):
    """A Word template cannot be used."""


class OutputError(ContractgenError):
    """An output cannot be written where the user asked."""
