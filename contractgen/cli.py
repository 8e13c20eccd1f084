"""The `contractgen` command: parse options, call the library, print, choose the exit code.

Exit codes: 0 success; 1 findings at or above --fail-on (lint); 2 bad input or usage;
3 an internal error (a bug: please report it).
"""
from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable

import click

from contractgen import __version__
from contractgen.errors import ContractgenError, SpecError

EXIT_INPUT = 2
EXIT_INTERNAL = 3


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def format_option(*choices: str) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(choices or ("text", "json")), default="text",
                        show_default=True, help="Output format.")


class DateType(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: Any, ctx: Any) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date like 2026-08-15", param, ctx)


DATE = DateType()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="contractgen")
def cli() -> None:
    """Draft, check and renew Minnesota School Resource Officer contracts.

    Every rule and clause cites Minn. Stat. § 626.8482 or the agency's SRO policy
    (POST model, e.g. Lakeville Police Department Policy 417).

    \b
    Example:
      contractgen init -o spec.yaml && contractgen build spec.yaml -o contract.docx
    """


# --- init / schema / validate --------------------------------------------------------------------

@cli.command()
@click.option("--charter", is_flag=True, help="Start a charter-school contract instead of a district one.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("spec.yaml"), show_default=True,
              help="Where to write the starter spec.")
@click.option("--no-input", is_flag=True, help="Do not prompt; use the defaults.")
@click.option("--force", is_flag=True, help="Replace an existing file.")
def init(charter: bool, output: Path, no_input: bool, force: bool) -> None:
    """Write a commented starter spec, asking a few questions on a terminal.

    \b
    Example:
      contractgen init --charter -o lodestar.yaml
    """
    from contractgen import starter
    from contractgen.output import write_atomic

    if output.exists() and not force:
        raise ContractgenError("already exists; use --force to replace it or -o to choose another name", str(output))
    ask = None
    if not no_input and sys.stdin.isatty():
        def ask(question: starter.Question, default: str) -> str:
            kind: Any = click.Choice(["city", "county"]) if question.key == "agency_kind" else str
            if question.key in {"start", "end"}:
                return DATE.convert(click.prompt(question.prompt, default=default), None, None).isoformat()
            return click.prompt(question.prompt, default=default, type=kind)
    answers = starter.answers_with_defaults(charter, ask)
    write_atomic(output, starter.render(answers, output.name).encode("utf-8"))
    click.echo(f"wrote {output} ({'charter school' if charter else 'school district'} starter); "
               f"next: contractgen validate {output}", err=True)
    if charter:
        from contractgen import catalog
        for rid in ("FUNDING", "PARTIES"):
            req = catalog.bundled().get(rid)
            if req.caution:
                click.echo(f"caution [{rid}]: {req.caution}", err=True)
        click.echo("caution: whether a charter school's SRO contract must be reported to or approved by its "
                   "authorizer is unconfirmed in our research; check with the authorizer", err=True)


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to a file instead of standard output.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of a spec (for editor completion and checks).

    \b
    Example:
      contractgen schema -o spec.schema.json
    """
    from contractgen.output import write_atomic
    from contractgen.spec import Contract

    text = json.dumps(Contract.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        write_atomic(output, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)


@cli.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option()
def validate(specs: tuple[Path, ...], fmt: str) -> None:
    """Check specs: every problem as FILE:LINE:COL: FIELD: MESSAGE [REQUIREMENT, CITATION].

    Exits 2 when any spec has an error; warnings (e.g. training deadlines) do not fail.

    \b
    Example:
      contractgen validate examples/district.yaml
    """
    from contractgen.validation import load_contract

    failed = False
    results = []
    for spec in specs:
        try:
            validated = load_contract(spec)
        except SpecError as exc:
            failed = True
            results.append({"file": str(spec), "valid": False, "problems": [_problem_dict(p) for p in exc.problems]})
            if fmt == "text":
                for problem in exc.problems:
                    click.echo(str(problem), err=True)
            continue
        except ContractgenError as exc:
            failed = True
            results.append({"file": str(spec), "valid": False, "problems": [{"message": str(exc)}]})
            if fmt == "text":
                click.echo(str(exc), err=True)
            continue
        results.append({"file": str(spec), "valid": True, "problems": [w.as_dict() for w in validated.warnings]})
        if fmt == "text":
            for warning in validated.warnings:
                click.echo(str(warning), err=True)
            click.echo(f"{spec}: valid ({len(validated.warnings)} warning(s))")
    if fmt == "json":
        _echo_json({"tool": {"name": "contractgen", "version": __version__}, "files": results})
    if failed:
        sys.exit(EXIT_INPUT)


def _problem_dict(problem: Any) -> dict[str, Any]:
    return problem.as_dict() if hasattr(problem, "as_dict") else {"message": str(problem)}


# --- build ---------------------------------------------------------------------------------------

@cli.command()
@click.argument("spec", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The .docx to write.")
@click.option("--template", type=click.Path(path_type=Path), help="Your own docxtpl letterhead template.")
@click.option("--date", "when", type=DATE, help="Date stamped into the file (default: SOURCE_DATE_EPOCH, else today).")
@format_option()
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(spec: Path, output: Path, template: Path | None, when: date | None, fmt: str, quiet: bool) -> None:
    """Build a contract (.docx) from a spec.

    The same spec and date always give the same bytes.

    \b
    Example:
      contractgen build examples/district.yaml -o quillmont-sro.docx --date 2026-07-01
    """
    from contractgen import assemble

    result = assemble.build(spec, output, template=template, when=when)
    if fmt == "json":
        _echo_json(result.summary())
        return
    for warning in result.warnings:
        click.echo(str(warning), err=True)
    if not quiet:
        click.echo(result.summary_text())


# --- lint and rules ------------------------------------------------------------------------------

@cli.command()
@click.argument("files", nargs=-1, required=True)
@format_option("text", "json", "sarif", "html")
@click.option("--select", "selected", multiple=True, metavar="ID",
              help="Only these rules: an ID or a prefix such as DATA- (repeatable, or comma-separated).")
@click.option("--ignore", "ignored", multiple=True, metavar="ID", help="Skip these rules (ID or prefix).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Exit 1 when a finding at or above this severity is found.")
@click.option("--view", type=click.Choice(["accepted", "original"]), default="accepted", show_default=True,
              help="Lint tracked changes as if all were accepted, or all rejected.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Worker processes for large batches (default: all cores).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report to a file.")
@click.option("--redline", type=click.Path(path_type=Path),
              help="Also write a copy with tracked changes and comments that fix the findings (one file only).")
@click.option("--spec", type=click.Path(path_type=Path), help="With --redline: fill inserted clauses from this spec.")
@click.option("--author", default="contractgen", show_default=True, help="With --redline: the revisions' author.")
@click.option("--date", "when", type=DATE, help="With --redline: the revisions' date (default: SOURCE_DATE_EPOCH, else today).")
def lint(files: tuple[str, ...], fmt: str, selected: tuple[str, ...], ignored: tuple[str, ...], fail_on: str,
         view: str, jobs: int | None, output: Path | None, redline: Path | None, spec: Path | None,
         author: str, when: date | None) -> None:
    """Check Word contracts against every requirement of the catalog, with citations.

    Exit 0 when clean, 1 when a finding at or above --fail-on is found, 2 when a file
    cannot be read (the other files are still checked).

    \b
    Example:
      contractgen lint contract.docx
      contractgen lint contracts/*.docx --format json --select DATA- --fail-on warning
      contractgen lint their-draft.docx --redline our-redline.docx --author "City Attorney"
      contractgen lint contracts/*.docx --format html -o report.html
    """
    from contractgen import catalog
    from contractgen.lint import report as report_mod
    from contractgen.lint.runner import expand, lint_files

    selected_ids = [s.strip() for item in selected for s in item.split(",") if s.strip()]
    ignored_ids = [s.strip() for item in ignored for s in item.split(",") if s.strip()]
    _check_rule_names(selected_ids + ignored_ids)
    paths = expand(files)
    if output is not None:
        from contractgen.output import check_target
        check_target(output, [Path(p) for p in paths])
    if redline is not None and len(paths) != 1:
        raise click.UsageError("--redline works on one file at a time")
    if redline is not None:
        from contractgen.output import check_target
        check_target(redline, [Path(paths[0])] + ([spec] if spec else []))
    reports = lint_files(paths, view=view, jobs=jobs, progress=_progress(len(paths)))
    if redline is not None and not reports[0].error:
        from datetime import datetime, timezone
        from contractgen.lint.redline import redline as write_redline
        stamp = datetime(when.year, when.month, when.day, tzinfo=timezone.utc) if when else None
        done = write_redline(reports[0], redline, spec=spec, author=author, when=stamp)
        click.echo(f"wrote {done.output}: {done.insertions} insertion(s), {done.deletions} deletion(s), "
                   f"{done.comments} comment(s) as tracked changes", err=True)
    for rep in reports:
        rep.results = report_mod.select(rep.results, selected_ids, ignored_ids)
    if fmt == "json":
        text = report_mod.as_json(reports)
    elif fmt == "sarif":
        text = report_mod.as_sarif(reports, catalog.bundled().requirements)
    elif fmt == "html":
        from contractgen.lint import html as html_mod
        links = {}
        if redline is not None and output is not None and not reports[0].error:
            links[reports[0].path] = Path(os.path.relpath(redline.resolve(), output.resolve().parent)).as_posix()
        text = html_mod.as_html(reports, catalog.bundled().requirements, links).rstrip("\n")
    else:
        colour = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = "\n".join(report_mod.text_lines(reports, colour=colour))
        if len(reports) > 1:
            text += "\n" + report_mod.summary_table(reports)
    if output is not None:
        from contractgen.output import write_atomic
        write_atomic(output, (text + "\n").encode("utf-8"), [Path(p) for p in paths])
    else:
        click.echo(text)
    unreadable = [r for r in reports if r.error]
    for rep in unreadable:
        if fmt != "text" or output is not None:
            click.echo(rep.error, err=True)
    if unreadable:
        sys.exit(EXIT_INPUT)
    if any(r.is_problem and report_mod.at_or_above(r.severity, fail_on) for rep in reports for r in rep.results):
        sys.exit(1)


def _renewal_report(target: Path, documents: list[Path], redlines: dict[str, Path]) -> None:
    """The HTML compliance report of a renewal, linking each contract to its redline."""
    from contractgen import catalog
    from contractgen.lint import html as html_mod
    from contractgen.lint.runner import lint_files
    from contractgen.output import write_atomic

    reports = lint_files([str(d) for d in documents])
    links = {path: Path(os.path.relpath(Path(red).resolve(), target.resolve().parent)).as_posix()
             for path, red in redlines.items()}
    page = html_mod.as_html(reports, catalog.bundled().requirements, links, title="SRO contract renewal")
    write_atomic(target, page.encode("utf-8"), documents)
    click.echo(f"wrote {target}", err=True)


def _check_rule_names(names: list[str]) -> None:
    from contractgen import catalog

    ids = catalog.bundled().ids
    for name in names:
        if not any(i == name or i.startswith(name) for i in ids):
            raise click.UsageError(f"no rule matches {name!r}; `contractgen rules` lists them")


def _progress(total: int) -> Callable | None:
    """A one-line progress counter on a terminal, for batches."""
    if total < 2 or not sys.stderr.isatty():
        return None
    done = [0]

    def tick(report: Any) -> None:
        done[0] += 1
        width = 30
        filled = width * done[0] // total
        click.echo(f"\r[{'#' * filled}{'.' * (width - filled)}] {done[0]}/{total} {Path(report.path).name[:40]:<40}",
                   err=True, nl=done[0] == total)
    return tick


@cli.command()
@click.argument("spec", type=click.Path(path_type=Path), required=False)
@click.option("--start", type=DATE, required=True, help="First day of the new term.")
@click.option("--end", type=DATE, help="Last day of the new term (default: the old end, rolled like the start).")
@click.option("--previous", type=click.Path(path_type=Path),
              help="Last year's executed contract (.docx), if it was edited after it was built.")
@click.option("-o", "--output-dir", type=click.Path(path_type=Path), required=True, help="Folder for the new files.")
@click.option("--date", "when", type=DATE, help="Date stamped into the files (default: SOURCE_DATE_EPOCH, else today).")
@click.option("--report", type=click.Path(path_type=Path),
              help="Also write an HTML compliance report of the new contract (and the previous one).")
@format_option()
def renew(spec: Path | None, start: date, end: date | None, previous: Path | None, output_dir: Path,
          when: date | None, report: Path | None, fmt: str) -> None:
    """Renew a contract: next year's spec, the new contract, and a redline against last year's.

    Every date that follows from the term moves with it; officers' training deadlines are
    judged again against the new term; the new contract follows the current catalog.

    Without a spec (an agreement drafted elsewhere), give --previous: the redline rolls the
    term's dates and brings the agreement into compliance, and says what it could not read.

    \b
    Example:
      contractgen renew quillmont.yaml --start 2027-08-15 --previous executed-2026.docx -o renewal-2027
      contractgen renew --previous their-2026.docx --start 2027-08-15 -o renewal-2027
    """
    from contractgen.renew import renew as renew_contract, renew_document

    if spec is None:
        if previous is None:
            raise click.UsageError("give a spec, or --previous with last year's contract")
        outcome = renew_document(previous, start, output_dir, new_end=end, when=when)
        if report is not None:
            _renewal_report(report, [previous], {str(previous): outcome.redline})
        if fmt == "json":
            _echo_json({"tool": {"name": "contractgen", "version": __version__}, **outcome.as_dict()})
        else:
            click.echo(outcome.text())
        return
    result = renew_contract(spec, start, output_dir, new_end=end, previous=previous, when=when)
    if report is not None:
        _renewal_report(report, ([previous] if previous else []) + [result.contract],
                        {str(result.contract): result.redline})
    if fmt == "json":
        _echo_json({"tool": {"name": "contractgen", "version": __version__}, **result.as_dict()})
    else:
        click.echo(result.text())


@cli.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The redline .docx to write.")
@click.option("--author", default="contractgen", show_default=True, help="The revisions' author.")
@click.option("--date", "when", type=DATE, help="The revisions' date (default: SOURCE_DATE_EPOCH, else today).")
@format_option()
def compare(old: Path, new: Path, output: Path, author: str, when: date | None, fmt: str) -> None:
    """Write a Word redline of OLD into NEW: Reject All gives OLD, Accept All gives NEW.

    The redline is built on NEW's own XML, so its styles and numbering survive.

    \b
    Example:
      contractgen compare sro-2025.docx sro-2026.docx -o sro-2026-redline.docx
    """
    from contractgen.ooxml.compare import compare as compare_documents
    from contractgen.ooxml.revisions import check_package
    from contractgen.output import build_time, check_target, write_atomic

    check_target(output, [old, new])
    stamp = build_time(when)
    try:
        result = compare_documents(old, new, author=author, date=stamp)
    except ValueError as exc:
        raise ContractgenError(str(exc), str(new)) from None
    problems = check_package(result.docx)
    if problems:
        raise ContractgenError(f"the redline failed its own check ({problems[0]}); nothing was written", str(output))
    write_atomic(output, result.docx, [old, new])
    if fmt == "json":
        _echo_json({"tool": {"name": "contractgen", "version": __version__}, "old": str(old), "new": str(new),
                    "output": str(output), "changes": result.changes, "formatting_changes": result.formatting_changes})
        return
    click.echo(f"wrote {output}: {result.changes} tracked change(s)")
    for line in result.formatting_changes:
        click.echo(f"  formatting only (not tracked): {line}")


@cli.command()
@click.argument("rule_id", required=False)
@format_option()
def rules(rule_id: str | None, fmt: str) -> None:
    """List every rule with its citation, or explain one with examples.

    \b
    Example:
      contractgen rules
      contractgen rules SUBD2-A4
    """
    from contractgen import catalog

    cat = catalog.bundled()
    if rule_id is None:
        if fmt == "json":
            _echo_json([{"id": r.id, "group": r.group, "severity": r.severity, "title": r.title,
                         "citation": r.citation} for r in cat.requirements])
            return
        for r in cat.requirements:
            click.echo(f"{r.id:<27} {r.severity:<7} {r.title} [{r.citation}]")
        return
    try:
        r = cat.get(rule_id.upper())
    except KeyError:
        raise ContractgenError(f"no rule {rule_id!r}; `contractgen rules` lists them") from None
    if fmt == "json":
        _echo_json({k: v for k, v in r.as_dict().items() if k != "detect"})
        return
    click.echo(f"{r.id} — {r.title} ({r.group}, {r.severity})")
    click.echo(f"citation: {r.citation}")
    for source in r.sources:
        confidence = {"S": "statute text confirmed", "P": "Policy 417", "U": "unconfirmed"}[source.confidence]
        click.echo(f"  source: {source.cite} ({confidence})")
    if r.caution:
        click.echo(f"caution: {r.caution}")
    click.echo(f"\n{r.summary}")
    if r.statute_text:
        click.echo(f"\nThe law says: \u201c{' '.join(r.statute_text.split())}\u201d")
    if r.failures:
        click.echo("\nTypical failures:")
        for failure in r.failures:
            click.echo(f"  - {failure}")
    if r.examples:
        click.echo(f"\nCompliant:     {r.examples.compliant}")
        click.echo(f"Non-compliant: {r.examples.non_compliant or '(the contract says nothing about it)'}")


# --- clauses -------------------------------------------------------------------------------------

@cli.group()
def clauses() -> None:
    """Inspect and check the clause library.

    \b
    Example:
      contractgen clauses check
    """


@clauses.command("list")
@format_option()
def clauses_list(fmt: str) -> None:
    """List every clause with the requirements it satisfies.

    \b
    Example:
      contractgen clauses list --format json
    """
    from contractgen import library

    lib = library.bundled()
    if fmt == "json":
        _echo_json([{"id": c.id, "title": c.title, "article": c.article, "satisfies": c.satisfies,
                     "source": c.source, "when": c.when, "file": lib.files[c.id]} for c in lib.clauses])
        return
    width = max(len(c.id) for c in lib.clauses)
    for clause in lib.clauses:
        when = " ".join(f"{k}={'|'.join(map(str, v))}" for k, v in clause.when.items())
        satisfies = ",".join(clause.satisfies) or "-"
        click.echo(f"{clause.id:<{width}}  {satisfies}  {when}".rstrip())


@clauses.command("show")
@click.argument("clause_id")
@format_option()
def clauses_show(clause_id: str, fmt: str) -> None:
    """Show one clause: its source, what it satisfies, when it is used, and its text.

    \b
    Example:
      contractgen clauses show duties.statutory
    """
    from contractgen import catalog, library

    lib = library.bundled()
    try:
        clause = lib.get(clause_id)
    except KeyError:
        raise ContractgenError(f"no clause {clause_id!r}; `contractgen clauses list` shows them all") from None
    if fmt == "json":
        _echo_json(clause.model_dump() | {"file": lib.files[clause.id]})
        return
    cat = catalog.bundled()
    click.echo(f"{clause.id} — {clause.title}  ({lib.files[clause.id]}, article {clause.article})")
    click.echo(f"source: {clause.source}")
    if clause.caution:
        click.echo(f"caution: {clause.caution}")
    for rid in clause.satisfies:
        click.echo(f"satisfies: {rid} [{cat.get(rid).citation}]")
    if clause.when:
        click.echo("when: " + ", ".join(f"{k} in {v}" for k, v in clause.when.items()))
    click.echo("")
    click.echo(clause.text.rstrip())


@clauses.command("check")
@format_option()
def clauses_check(fmt: str) -> None:
    """Prove the library complete: every requirement satisfied for every combination of spec
    choices, every variable defined in the spec model, no unknown requirement IDs.

    \b
    Example:
      contractgen clauses check
    """
    from contractgen import catalog, library, library_check

    report = library_check.check(library.bundled(), catalog.bundled())
    if fmt == "json":
        _echo_json({"ok": report.ok, "clauses": report.clauses, "combinations": report.combinations,
                    "problems": report.problems})
    else:
        for problem in report.problems:
            click.echo(problem, err=True)
        status = "ok" if report.ok else f"{len(report.problems)} problem(s)"
        click.echo(f"clause library: {report.clauses} clauses, {report.combinations} combinations of choices "
                   f"checked against {len(catalog.bundled().ids)} requirements: {status}")
    if not report.ok:
        sys.exit(1)


# --- entry point ---------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every ContractgenError becomes one line on stderr and exit 2."""
    try:
        code = cli.main(args=argv, prog_name="contractgen", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("contractgen: aborted", err=True)
        sys.exit(EXIT_INPUT)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_INPUT)
    except SpecError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(EXIT_INPUT)
    except ContractgenError as exc:
        click.echo(f"{exc}", err=True)
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt:
        click.echo("contractgen: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: one line by default, the traceback on request
        if os.environ.get("CONTRACTGEN_DEBUG"):
            raise
        click.echo(f"contractgen: internal error: {type(exc).__name__}: {exc} "
                   "(set CONTRACTGEN_DEBUG=1 for the traceback and please report it)", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else 0)
