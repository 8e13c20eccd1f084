"""Views of one result list: compiler-style text, JSON and SARIF 2.1.0.

The JSON shape is a contract with other tools: keys may be added, never renamed.
"""
from __future__ import annotations

import json
from typing import Iterable, Sequence

from contractgen import __version__
from contractgen.lint.engine import Result
from contractgen.lint.runner import FileReport

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def at_or_above(severity: str, threshold: str) -> bool:
    return SEVERITY_ORDER[severity] <= SEVERITY_ORDER[threshold]


def select(results: Iterable[Result], selected: Sequence[str], ignored: Sequence[str]) -> list[Result]:
    """Results whose rule matches --select (ID or prefix such as DATA-) and not --ignore."""
    def matches(rule: str, patterns: Sequence[str]) -> bool:
        return any(rule == p or (p.endswith("-") and rule.startswith(p)) or rule.startswith(p + "-") for p in patterns)
    return [r for r in results if (not selected or matches(r.rule, selected)) and not matches(r.rule, ignored)]


def location(report: FileReport, result: Result) -> str:
    """`file:¶N (heading)` or `file:part¶N (heading)`; just `file:` when there is no evidence."""
    ev = result.evidence[0] if result.evidence else result.anchor
    if ev is None:
        return f"{report.path}:"
    part = "" if ev.part.endswith("document.xml") else ev.part.removeprefix("word/")
    label = f" {ev.label}" if ev.label else ""
    heading = f" ({ev.heading})" if ev.heading else ""
    return f"{report.path}:{part}\u00b6{ev.paragraph}{label}{heading}"


def problems(report: FileReport) -> list[Result]:
    ordered = [r for r in report.results if r.is_problem]
    def position(r: Result) -> int:
        ev = r.evidence[0] if r.evidence else r.anchor
        return ev.paragraph if ev else 0
    return sorted(ordered, key=lambda r: (SEVERITY_ORDER[r.severity], position(r)))


def text_lines(reports: Sequence[FileReport], colour: bool = False) -> list[str]:
    import click

    lines: list[str] = []
    for report in reports:
        if report.error:
            lines.append(report.error)
            continue
        for note in report.notes:
            lines.append(f"{report.path}: note: {note}")
        for result in problems(report):
            severity = click.style(result.severity, fg=COLOURS[result.severity], bold=True) if colour else result.severity
            lines.append(f"{location(report, result)} {severity} {result.rule} {result.message} [{result.citation}]")
        lines.append(summary_line(report))
    return lines


def counts(report: FileReport) -> dict[str, int]:
    """Findings per severity, requirements present, and requirements evaluated."""
    found = {s: sum(1 for r in report.results if r.is_problem and r.severity == s) for s in SEVERITY_ORDER}
    found["present"] = sum(1 for r in report.results if r.status == "present")
    found["total"] = len(report.results)
    return found


def summary_line(report: FileReport) -> str:
    c = counts(report)
    return (f"{report.path}: {c['error']} error(s), {c['warning']} warning(s), {c['info']} info; "
            f"{c['present']} of {c['total']} requirements present")


def summary_table(reports: Sequence[FileReport]) -> str:
    """One row per file, for a batch on a terminal."""
    rows = [f"{'file':<48} {'errors':>6} {'warnings':>8} {'present':>7}"]
    for rep in reports:
        if rep.error:
            rows.append(f"{rep.path[-48:]:<48} {'unreadable':>23}")
            continue
        c = counts(rep)
        rows.append(f"{rep.path[-48:]:<48} {c['error']:>6} {c['warning']:>8} {c['present']:>4}/{c['total']:<2}")
    return "\n".join(rows)


def as_json(reports: Sequence[FileReport]) -> str:
    files = []
    for report in reports:
        entry: dict = {"path": report.path, "results": [_result_json(r) for r in report.results]}
        if report.error:
            entry["error"] = report.error
        if report.notes:
            entry["notes"] = report.notes
        files.append(entry)
    return json.dumps({"tool": {"name": "contractgen", "version": __version__}, "files": files},
                      indent=2, ensure_ascii=False)


def _result_json(r: Result) -> dict:
    data = {"rule": r.rule, "status": r.status, "severity": r.severity, "citation": r.citation,
            "message": r.message, "title": r.title,
            "evidence": [{"part": e.part, "paragraph": e.paragraph, "heading": e.heading, "text": e.text,
                          "label": e.label} for e in r.evidence]}
    if r.caution:
        data["caution"] = r.caution
    if r.anchor is not None:
        data["anchor"] = {"part": r.anchor.part, "paragraph": r.anchor.paragraph, "heading": r.anchor.heading}
    return data


def as_sarif(reports: Sequence[FileReport], rules: Sequence) -> str:
    """SARIF 2.1.0: one run, every catalog rule described, one result per problem."""
    driver = {
        "name": "contractgen", "version": __version__, "semanticVersion": __version__,
        "informationUri": "https://www.revisor.mn.gov/statutes/cite/626.8482",
        "rules": [{"id": r.id, "name": r.id.replace("-", "_").title(), "shortDescription": {"text": r.title},
                   "fullDescription": {"text": r.summary}, "help": {"text": f"{r.summary} [{r.citation}]"},
                   "defaultConfiguration": {"level": SARIF_LEVEL[r.severity]},
                   "properties": {"citation": r.citation, "group": r.group}} for r in rules],
    }
    index = {r.id: i for i, r in enumerate(rules)}
    results, notifications = [], []
    for report in reports:
        if report.error:
            notifications.append({"level": "error", "message": {"text": report.error},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": report.path}}}]})
            continue
        for r in problems(report):
            location = {"physicalLocation": {"artifactLocation": {"uri": report.path}}}
            if r.evidence:
                ev = r.evidence[0]
                location["logicalLocations"] = [{"name": f"\u00b6{ev.paragraph}", "fullyQualifiedName":
                                                 f"{ev.part}#{ev.paragraph}", "kind": "paragraph"}]
            results.append({"ruleId": r.rule, "ruleIndex": index[r.rule], "level": SARIF_LEVEL[r.severity],
                            "kind": "fail", "message": {"text": f"{r.message} [{r.citation}]"},
                            "locations": [location], "properties": {"status": r.status}})
    run = {"tool": {"driver": driver}, "results": results}
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    return json.dumps({"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]},
                      indent=2, ensure_ascii=False)
