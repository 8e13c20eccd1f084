"""Annual renewal: last year's spec (and executed contract) in, next year's spec, contract and redline out.

Every date that follows from the term moves with it; officers stay, and their training timeline is
judged again against the new term; the new contract is built from the current clause library and
catalog, so a contract that predates a requirement gains it, and the summary says so.
"""
from __future__ import annotations

import calendar
import re
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
    """Write next year's spec, contract and redline into `output_dir` (all three, or none)."""
    old = load_contract(spec)
    if new_start <= old.contract.term.start:
        raise ContractgenError(f"the new term must start after the current one ({old.contract.term.start})", str(spec))
    if not output_dir.is_dir():
        raise ContractgenError("is not a folder; create it first", str(output_dir))
    stamp = build_time(when)
    stem, year = spec.stem, new_start.year
    paths = {"spec": output_dir / f"{stem}-{year}.yaml", "contract": output_dir / f"{stem}-{year}.docx",
             "redline": output_dir / f"{stem}-{year}-redline.docx"}
    inputs = [spec] + ([previous] if previous else [])
    for path in paths.values():
        check_target(path, inputs)
    if previous is not None:
        from contractgen.ooxml.package import open_package
        open_package(previous)  # a file that cannot be read is refused before anything is written
    written: list[Path] = []
    try:
        return _renew(old, spec, previous, paths, inputs, new_start, new_end, stamp, output_dir, written)
    except BaseException:
        for path in written:  # all three files or none
            path.unlink(missing_ok=True)
        raise


def _renew(old, spec: Path, previous: Path | None, paths: dict[str, Path], inputs: list[Path], new_start: date,
           new_end: date | None, stamp, output_dir: Path, written: list[Path]) -> RenewalResult:
    from contractgen.lint.runner import lint_file
    from contractgen.ooxml.compare import compare
    from contractgen.ooxml.revisions import check_package

    stem = spec.stem

    data, changes = rolled_data(old.contract, new_start, new_end)
    new = validate_data(data, SourceMap(str(paths["spec"])))
    header = (f"# Renewed by contractgen from {spec.name}: term {data['term']['start']} to {data['term']['end']}.\n"
              "# Comments of the original spec are not carried over; `contractgen schema` describes every field.\n")
    spec_text = header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    write_atomic(paths["spec"], spec_text.encode("utf-8"), inputs)
    written.append(paths["spec"])
    new = load_contract(paths["spec"])  # again from the file, so warnings point at its lines

    new_assembly = assemble.assemble(new.contract)
    contract_bytes = assemble.render_docx(new_assembly, stamp)
    if problems := check_package(contract_bytes):
        raise ContractgenError(f"the new contract failed its own check ({problems[0]})", str(paths["contract"]))
    write_atomic(paths["contract"], contract_bytes, inputs)
    written.append(paths["contract"])

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
    written.append(paths["redline"])

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



# --- a contract drafted elsewhere, with no spec ------------------------------------------------------

_MONTHS = ("january february march april may june july august september october november december").split()
_DATE = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+(\d{1,2}),\s+(\d{4})\b"
                   r"|\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
ROLLED_RULES = ("TERM", "RENEWAL", "FUNDING")


def _parse(match: re.Match[str]) -> date | None:
    try:
        if match.group(1):
            return date(int(match.group(3)), _MONTHS.index(match.group(1).lower()) + 1, int(match.group(2)))
        return date(int(match.group(6)), int(match.group(4)), int(match.group(5)))
    except ValueError:
        return None


def _format_like(match: re.Match[str], day: date) -> str:
    if match.group(1):
        return f"{day:%B} {day.day}, {day.year}"
    return f"{day.month}/{day.day}/{day.year}"


@dataclass
class DocumentRenewal:
    redline: Path
    parties: str | None
    old_term: tuple[date, date] | None
    new_term: tuple[date, date] | None
    rolled: list[Change] = field(default_factory=list)
    undetermined: list[str] = field(default_factory=list)
    insertions: int = 0
    deletions: int = 0

    def as_dict(self) -> dict[str, Any]:
        term = lambda t: {"start": str(t[0]), "end": str(t[1])} if t else None  # noqa: E731
        return {"redline": str(self.redline), "parties": self.parties, "old_term": term(self.old_term),
                "new_term": term(self.new_term), "rolled": [c.__dict__ for c in self.rolled],
                "could_not_determine": self.undetermined, "insertions": self.insertions, "deletions": self.deletions}

    def text(self) -> str:
        lines = [f"renewal redline written to {self.redline}",
                 f"  parties  {self.parties or '(not found)'}"]
        if self.old_term and self.new_term:
            lines.append(f"  term     {self.old_term[0]} to {self.old_term[1]} -> {self.new_term[0]} to {self.new_term[1]}")
        lines += [f"  rolled   {c.what}: {c.old} -> {c.new}" for c in self.rolled]
        lines.append(f"  redline  {self.insertions} clause insertion(s), {self.deletions} deletion(s) for compliance")
        lines += [f"  could not determine: {item}" for item in self.undetermined]
        return "\n".join(lines)


def renew_document(previous: Path, new_start: date, output_dir: Path, new_end: date | None = None,
                   when: date | None = None, author: str = "contractgen") -> DocumentRenewal:
    """Renew an agreement drafted elsewhere: lint it, roll the term's dates as tracked changes, and add
    the compliance redline; say what could not be read reliably."""
    from contractgen.lint import redline as redline_mod
    from contractgen.lint.runner import lint_file
    from contractgen.ooxml.blocks import read_blocks
    from contractgen.ooxml.package import open_package
    from contractgen.placeholders import placeholder_context

    if not output_dir.is_dir():
        raise ContractgenError("is not a folder; create it first", str(output_dir))
    report = lint_file(str(previous))
    if report.error:
        raise ContractgenError(report.error)
    target = output_dir / f"{previous.stem}-{new_start.year}-redline.docx"
    check_target(target, [previous])
    blocks = read_blocks(open_package(previous))
    results = {r.rule: r for r in report.results}
    parties = results["PARTIES"].evidence[0].text if results["PARTIES"].status == "present" else None
    outcome = DocumentRenewal(target, parties, None, None)
    if parties is None:
        outcome.undetermined.append("the parties (no sentence names a city or county and a school party)")
    term_blocks = sorted({i for rule in ROLLED_RULES for i in results[rule].block_indexes})
    term_dates = [(_parse(m), m, i) for i in results["TERM"].block_indexes for m in _DATE.finditer(blocks[i].text)]
    term_dates = [(d, m, i) for d, m, i in term_dates if d is not None]
    charter = any("charter school" in b.text.lower() for b in blocks[:40])
    plan = redline_mod.plan(report.results, blocks, placeholder_context(charter), charter)
    if len(term_dates) >= 2:
        old_start, old_end = term_dates[0][0], term_dates[1][0]
        roll = roll_for(old_start, new_start)
        end = new_end or roll(old_end)
        outcome.old_term, outcome.new_term = (old_start, old_end), (new_start, end)
        for i in term_blocks:
            for match in _DATE.finditer(blocks[i].text):
                day = _parse(match)
                if day is None:
                    continue
                new_day = new_start if day == old_start else end if day == old_end else roll(day)
                why = f"renewal: dates that follow from the term move with it ({old_start} -> {new_start})"
                plan.replacements.append(redline_mod.Replacement(i, match.start(), match.end(),
                                                                 _format_like(match, new_day), why))
                outcome.rolled.append(Change(f"\u00b6{blocks[i].index}", match.group(0), _format_like(match, new_day),
                                             "rolled with the term"))
    else:
        outcome.undetermined.append("the term's start and end dates (no term paragraph with two dates); "
                                    "the term was not rolled")
    outcome.undetermined.append("dates outside the term, renewal and payment provisions were left as they are")
    stamp = build_time(when)
    done = redline_mod.apply(plan, previous, target, blocks, author, stamp.strftime("%Y-%m-%dT%H:%M:%SZ"), stamp)
    outcome.insertions, outcome.deletions = done.insertions, done.deletions
    return outcome
