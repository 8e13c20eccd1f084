"""Annual renewal: last year's spec (and executed contract) in, next year's spec, contract and redline out.

Every date that follows from the term moves with it; officers stay, and their training timeline is
judged again against the new term; the new contract is built from the current clause library and
catalog, so a contract that predates a requirement gains it, and the summary says so.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from contractgen import assemble
from contractgen.errors import ContractgenError
from contractgen.output import build_time, check_target, write_atomic
from contractgen.spec import Contract
from contractgen.validation import load_contract, validate_data
from contractgen.yamlfile import SourceMap


@dataclass
class Change:
    what: str
    old: str
    new: str
    why: str


@dataclass
class RenewalResult:
    spec: Path
    contract: Path
    redline: Path
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    gained: list[str] = field(default_factory=list)       # catalog IDs the previous contract lacked
    tracked_changes: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"spec": str(self.spec), "contract": str(self.contract), "redline": str(self.redline),
                "changes": [c.__dict__ for c in self.changes], "warnings": self.warnings,
                "requirements_gained": self.gained, "tracked_changes": self.tracked_changes}

    def text(self) -> str:
        lines = [f"renewal written to {self.contract.parent}:",
                 f"  spec     {self.spec.name}", f"  contract {self.contract.name}",
                 f"  redline  {self.redline.name} ({self.tracked_changes} tracked change(s) against last year)"]
        lines += [f"  changed  {c.what}: {c.old} -> {c.new} ({c.why})" for c in self.changes]
        lines += [f"  gained   {rid}: the previous contract did not satisfy it; the new one does" for rid in self.gained]
        lines += [f"  warning  {w}" for w in self.warnings]
        return "\n".join(lines)


# --- dates ---------------------------------------------------------------------------------------

def shift_years(day: date, years: int) -> date:
    """`day` moved by whole years (February 29 becomes February 28 in a common year)."""
    year = day.year + years
    return date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


@dataclass(frozen=True)
class Roll:
    """How every term-related date moves: by whole years when the new start is the old one a few
    years on (the usual case), else by the same number of days."""

    years: int | None
    days: int

    def __call__(self, day: date) -> date:
        return shift_years(day, self.years) if self.years is not None else day + timedelta(days=self.days)


def roll_for(old_start: date, new_start: date) -> Roll:
    years = new_start.year - old_start.year
    if years and shift_years(old_start, years) == new_start:
        return Roll(years, 0)
    return Roll(None, (new_start - old_start).days)


def rolled_data(contract: Contract, new_start: date, new_end: date | None) -> tuple[dict[str, Any], list[Change]]:
    """Next year's spec as plain data, with the list of what moved."""
    roll = roll_for(contract.term.start, new_start)
    data = contract.model_dump(mode="json", exclude_none=True)
    term = contract.term
    end = new_end or roll(term.end)
    changes = [Change("term.start", str(term.start), str(new_start), "the renewal's start"),
               Change("term.end", str(term.end), str(end), "given" if new_end else "rolled with the start")]
    data["term"]["start"], data["term"]["end"] = new_start.isoformat(), end.isoformat()
    if term.notice_by is not None:
        notice = roll(term.notice_by)
        data["term"]["notice_by"] = notice.isoformat()
        changes.append(Change("term.notice_by", str(term.notice_by), str(notice), "rolled with the term"))
    invoices = [roll(d) for d in contract.compensation.invoice_dates]
    data["compensation"]["invoice_dates"] = [d.isoformat() for d in invoices]
    changes.append(Change("compensation.invoice_dates", ", ".join(map(str, contract.compensation.invoice_dates)),
                          ", ".join(map(str, invoices)), "rolled with the term"))
    return data, changes


# --- the job -------------------------------------------------------------------------------------

def renew(spec: Path, new_start: date, output_dir: Path, new_end: date | None = None,
          previous: Path | None = None, when: date | None = None) -> RenewalResult:
    """Write next year's spec, contract and redline into `output_dir`."""
    from contractgen.lint.runner import lint_file
    from contractgen.ooxml.compare import compare
    from contractgen.ooxml.revisions import check_package

    old = load_contract(spec)
    if new_start <= old.contract.term.start:
        raise ContractgenError(f"the new term must start after the current one ({old.contract.term.start})", str(spec))
    if not output_dir.is_dir():
        raise ContractgenError("is not a folder; create it first", str(output_dir))
    stamp = build_time(when)
    stem = spec.stem
    year = new_start.year
    paths = {"spec": output_dir / f"{stem}-{year}.yaml", "contract": output_dir / f"{stem}-{year}.docx",
             "redline": output_dir / f"{stem}-{year}-redline.docx"}
    inputs = [spec] + ([previous] if previous else [])
    for path in paths.values():
        check_target(path, inputs)

    data, changes = rolled_data(old.contract, new_start, new_end)
    new = validate_data(data, SourceMap(str(paths["spec"])))
    header = (f"# Renewed by contractgen from {spec.name}: term {data['term']['start']} to {data['term']['end']}.\n"
              "# Comments of the original spec are not carried over; `contractgen schema` describes every field.\n")
    spec_text = header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    write_atomic(paths["spec"], spec_text.encode("utf-8"), inputs)
    new = load_contract(paths["spec"])  # again from the file, so warnings point at its lines

    new_assembly = assemble.assemble(new.contract)
    write_atomic(paths["contract"], assemble.render_docx(new_assembly, stamp), inputs)

    baseline = previous
    if baseline is None:  # last year's spec rebuilt, as the executed file is not at hand
        baseline = output_dir / f".{stem}-previous.docx"
        write_atomic(baseline, assemble.render_docx(assemble.assemble(old.contract), stamp), inputs)
    try:
        redline = compare(baseline, paths["contract"], date=stamp)
    finally:
        if previous is None:
            baseline.unlink(missing_ok=True)
    problems = check_package(redline.docx)
    if problems:
        raise ContractgenError(f"the redline failed its own check ({problems[0]})", str(paths["redline"]))
    write_atomic(paths["redline"], redline.docx, inputs)

    result = RenewalResult(paths["spec"], paths["contract"], paths["redline"], changes,
                           tracked_changes=redline.changes)
    result.warnings = [str(w) for w in new.warnings]  # training deadlines judged against the new term
    if previous is not None:
        before = lint_file(str(previous))
        if before.error:
            raise ContractgenError(before.error)
        result.gained = [r.rule for r in before.results
                         if r.is_problem and r.severity in ("error", "warning") and r.rule in new_assembly.satisfied]
    return result

