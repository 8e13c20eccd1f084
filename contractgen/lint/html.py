"""The lint report as ONE self-contained HTML5 page: a batch summary, then a compliance table per contract.

No scripts, no external resources: inline CSS only, so the file can be mailed, archived or printed as
is. Every string from a contract or the catalog is escaped. The page is deterministic: the same
reports give the same bytes (a date appears only when the caller passes `generated`).
"""
from __future__ import annotations

import html
import re
from typing import Mapping, Sequence
from urllib.parse import quote

from contractgen import __version__
from contractgen.lint.engine import Evidence, Result
from contractgen.lint.report import counts
from contractgen.lint.runner import FileReport

STATUS_LABEL = {"present": "Present", "partial": "Partial", "missing": "Missing", "violation": "Violation",
                "not_applicable": "Not applicable"}
SEVERITY_LABEL = {"error": "Error", "warning": "Warning", "info": "Info"}
GROUP_LABEL = {"mandatory": "Mandatory (statute)", "advisory": "Advisory (policy and related law)",
               "practice": "Contract practice"}
PROBLEMS = ("missing", "partial", "violation")

_CSS = """
:root{--ink:#1d2330;--muted:#5b6473;--line:#d8dde6;--soft:#f5f7fa;--accent:#1f4e79;
--ok:#1e6b3a;--ok-bg:#e3f3e8;--part:#7a4b00;--part-bg:#fdf0d5;--miss:#9b1c1c;--miss-bg:#fde4e4;
--viol:#ffffff;--viol-bg:#9b1c1c;--na:#4a5361;--na-bg:#eceff3;--mark:#fff0a8}
*{box-sizing:border-box}
html{color-scheme:light}
body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
main{max-width:1240px;margin:0 auto;padding:28px 28px 48px}
header.page{border-bottom:3px solid var(--accent);padding-bottom:12px;margin-bottom:20px}
h1{font-size:26px;margin:0 0 4px;color:var(--accent)}
h2{font-size:20px;margin:0 0 2px}
h3{font-size:16px;margin:22px 0 8px}
p{margin:6px 0}
.muted{color:var(--muted)}
.small{font-size:13px}
code,.path{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;word-break:break-all}
a{color:var(--accent)}
a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:14px 0 18px;padding:0;list-style:none}
.cards li{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px;background:var(--soft)}
.cards .n{display:block;font-size:24px;font-weight:700;line-height:1.2}
.cards .k{font-size:13px;color:var(--muted)}
.cards .error .n{color:var(--miss)}
.cards .warning .n{color:var(--part)}
.cards .present .n{color:var(--ok)}
table{border-collapse:collapse;width:100%;margin:8px 0 6px}
caption{text-align:left;font-weight:600;padding:0 0 6px;color:var(--muted);font-size:13px}
th,td{border:1px solid var(--line);padding:7px 9px;text-align:left;vertical-align:top}
thead th{background:var(--accent);color:#fff;font-size:13px;font-weight:600;position:sticky;top:0}
tbody tr:nth-child(even) td{background:#fbfcfd}
tfoot th,tfoot td{background:var(--soft);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
th[scope=rowgroup]{background:var(--soft);color:var(--accent);font-size:13px;text-transform:uppercase;
letter-spacing:.04em}
th[scope=row]{font-weight:400}
.summary td.zero{color:var(--muted)}
.rid{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;font-weight:700;
white-space:nowrap}
.rtitle{display:block;margin-top:2px}
.badge{display:inline-block;border-radius:999px;padding:1px 10px;font-size:12.5px;font-weight:700;white-space:nowrap;
border:1px solid transparent;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.badge.present{color:var(--ok);background:var(--ok-bg);border-color:#9fd2ae}
.badge.partial{color:var(--part);background:var(--part-bg);border-color:#efc977}
.badge.missing{color:var(--miss);background:var(--miss-bg);border-color:#f2a7a7}
.badge.violation{color:var(--viol);background:var(--viol-bg);border-color:var(--viol-bg)}
.badge.not_applicable{color:var(--na);background:var(--na-bg);border-color:#cfd5dd}
.sev{font-size:13px;white-space:nowrap}
.sev.problem.error{color:var(--miss);font-weight:700}
.sev.problem.warning{color:var(--part);font-weight:700}
.sev.quiet{color:var(--muted)}
.cite{font-size:13px}
blockquote{margin:0 0 6px;padding:4px 10px;border-left:3px solid var(--line);background:var(--soft);
overflow-wrap:anywhere}
mark{background:var(--mark);color:inherit;padding:0 1px;border-radius:2px;-webkit-print-color-adjust:exact;
print-color-adjust:exact}
tr.violation mark{background:#ffd0d0}
.loc{display:block;font-size:12.5px;color:var(--muted);margin-top:2px}
.req{font-size:13px;margin-top:4px}
.none{font-style:italic;color:var(--muted)}
.caution{margin-top:6px;padding:5px 9px;border:1px solid #efc977;background:#fffaf0;border-radius:6px;font-size:13px}
.alert{padding:10px 14px;border:1px solid #f2a7a7;background:var(--miss-bg);color:var(--miss);border-radius:6px}
.notes{padding:8px 14px 8px 30px;border:1px solid var(--line);background:var(--soft);border-radius:6px;font-size:14px}
section.contract{margin-top:34px;padding-top:18px;border-top:1px solid var(--line)}
.filehead{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:8px}
.redline a{font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;font-size:13px;color:var(--muted);margin:6px 0}
footer{margin-top:36px;padding-top:10px;border-top:1px solid var(--line);font-size:12.5px;color:var(--muted)}
col.c-req{width:24%}col.c-status{width:10%}col.c-sev{width:8%}col.c-cite{width:16%}col.c-ev{width:42%}
@media print{
@page{size:A4 landscape;margin:12mm}
body{font-size:10.5pt}
main{max-width:none;padding:0}
thead th{position:static}
thead{display:table-header-group}
tr,blockquote,.caution{break-inside:avoid;page-break-inside:avoid}
section.contract{break-before:page;page-break-before:always;border-top:0;margin-top:0}
.cards li{background:#fff}
a{color:inherit;text-decoration:none}
.redline a[href]::after{content:" (" attr(href) ")";font-weight:400}
.skip{display:none}
}
"""


def as_html(reports: Sequence[FileReport], requirements: Sequence, redlines: Mapping[str, str] | None = None,
            title: str = "SRO contract compliance", *, generated: str | None = None) -> str:
    """One self-contained HTML page for these reports.

    `requirements` is the catalog (`catalog.bundled().requirements`): it gives each result its group
    and the summary of what the law requires. `redlines` maps a report's `path` to its redline's
    location relative to the HTML file (shown as a link). `generated` is an optional date or time
    string for the header; without it the page carries no timestamp.
    """
    catalog = {r.id: r for r in requirements}
    redlines = redlines or {}
    out: list[str] = []
    add = out.append
    add("<!DOCTYPE html>")
    add('<html lang="en">')
    add("<head>")
    add('<meta charset="utf-8">')
    add('<meta name="viewport" content="width=device-width, initial-scale=1">')
    # No scripts, fetches or embeds, even if a contract's text ever slipped through unescaped.
    add('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; '
        'base-uri \'none\'; form-action \'none\'">')
    add(f'<meta name="generator" content="contractgen {_e(__version__)}">')
    add(f"<title>{_e(title)}</title>")
    add(f"<style>{_CSS}</style>")
    add("</head>")
    add("<body>")
    add('<main id="top">')
    add('<header class="page">')
    add(f"<h1>{_e(title)}</h1>")
    groups = _group_counts(requirements)
    add(f'<p class="muted">{len(reports)} {_plural(len(reports), "contract")} checked against '
        f"{len(requirements)} catalog {_plural(len(requirements), 'requirement')}"
        + (f" ({_e(groups)})" if groups else "") + ".</p>")
    if generated:
        add(f'<p class="muted small">Generated {_e(generated)}.</p>')
    add("</header>")
    _batch_summary(out, reports, redlines)
    for number, report in enumerate(reports, 1):
        _contract_section(out, number, report, catalog, redlines.get(report.path))
    add(f"<footer>Produced by contractgen {_e(__version__)} (<code>contractgen lint --format html</code>). "
        "Automated checks find wording, not meaning: every finding needs a lawyer's review. "
        "Statuses: present, partial, missing, violation, not applicable (not checked automatically "
        "or not addressed).</footer>")
    add("</main>")
    add("</body>")
    add("</html>")
    return "\n".join(out) + "\n"


# --- batch summary -------------------------------------------------------------------------------

def _batch_summary(out: list[str], reports: Sequence[FileReport], redlines: Mapping[str, str]) -> None:
    add = out.append
    readable = [r for r in reports if not r.error]
    totals = {k: 0 for k in ("error", "warning", "info", "present", "total")}
    for report in readable:
        for key, value in counts(report).items():
            totals[key] += value
    add('<section class="batch" aria-labelledby="summary-h">')
    add('<h2 id="summary-h">Summary</h2>')
    add('<ul class="cards">')
    cards = [("files", len(reports), _plural(len(reports), "file")),
             ("error", totals["error"], _plural(totals["error"], "error")),
             ("warning", totals["warning"], _plural(totals["warning"], "warning")),
             ("info", totals["info"], "info"),
             ("present", f"{totals['present']}/{totals['total']}", "requirements present")]
    unreadable = len(reports) - len(readable)
    if unreadable:
        cards.append(("error", unreadable, "unreadable"))
    for cls, value, label in cards:
        add(f'<li class="{cls}"><span class="n">{_e(str(value))}</span> <span class="k">{_e(label)}</span></li>')
    add("</ul>")
    add('<table class="summary">')
    add("<caption>Findings per contract (errors, warnings and info count partial, missing and violating "
        "requirements by severity)</caption>")
    add('<thead><tr><th scope="col">Contract</th><th scope="col" class="num">Errors</th>'
        '<th scope="col" class="num">Warnings</th><th scope="col" class="num">Info</th>'
        '<th scope="col" class="num">Present</th><th scope="col">Redline</th></tr></thead>')
    add("<tbody>")
    for number, report in enumerate(reports, 1):
        link = f'<a href="#file-{number}"><span class="path">{_e(report.path)}</span></a>'
        redline = _redline_link(redlines.get(report.path))
        if report.error:
            add(f'<tr><th scope="row">{link}</th><td colspan="4"><span class="badge missing">Unreadable</span>'
                f"</td><td>{redline}</td></tr>")
            continue
        c = counts(report)
        cells = "".join(f'<td class="num{" zero" if c[k] == 0 else ""}">{c[k]}</td>' for k in SEVERITY_LABEL)
        add(f'<tr><th scope="row">{link}</th>{cells}<td class="num">{c["present"]}/{c["total"]}</td>'
            f"<td>{redline}</td></tr>")
    add("</tbody>")
    add(f'<tfoot><tr><th scope="row">Total ({len(reports)} {_plural(len(reports), "file")})</th>'
        + "".join(f'<td class="num">{totals[k]}</td>' for k in SEVERITY_LABEL)
        + f'<td class="num">{totals["present"]}/{totals["total"]}</td><td></td></tr></tfoot>')
    add("</table>")
    add('<p class="legend" aria-label="Status legend">Statuses: '
        + " ".join(_badge(s) for s in STATUS_LABEL) + "</p>")
    add("</section>")


# --- one contract --------------------------------------------------------------------------------

def _contract_section(out: list[str], number: int, report: FileReport, catalog: Mapping,
                      redline: str | None) -> None:
    add = out.append
    anchor = f"file-{number}"
    name = report.path.replace("\\", "/").rsplit("/", 1)[-1]
    add(f'<section class="contract" id="{anchor}" aria-labelledby="{anchor}-h">')
    add('<div class="filehead">')
    add(f'<h2 id="{anchor}-h">{_e(name)}</h2>')
    add('<a class="small skip" href="#top">Back to summary</a>')
    add("</div>")
    add(f'<p class="muted small">File: <span class="path">{_e(report.path)}</span></p>')
    if redline is not None:
        add(f'<p class="redline">Redline with suggested fixes: {_redline_link(redline)}</p>')
    if report.error:
        add(f'<p class="alert"><strong>Could not be read:</strong> {_e(report.error)}</p>')
    if report.notes:
        add('<ul class="notes">' + "".join(f"<li>Note: {_e(n)}</li>" for n in report.notes) + "</ul>")
    if not report.results:
        if not report.error:
            add('<p class="none">No requirement results (all rules were filtered out).</p>')
        add("</section>")
        return
    c = counts(report)
    add(f'<p class="small">{c["error"]} {_plural(c["error"], "error")}, {c["warning"]} '
        f'{_plural(c["warning"], "warning")}, {c["info"]} info; {c["present"]} of {c["total"]} '
        "requirements present.</p>")
    add(f'<table class="compliance" id="{anchor}-table">')
    add(f'<caption>Compliance of <span class="path">{_e(name)}</span> with {c["total"]} '
        f"{_plural(c['total'], 'requirement')}</caption>")
    add('<colgroup><col class="c-req"><col class="c-status"><col class="c-sev"><col class="c-cite">'
        '<col class="c-ev"></colgroup>')
    add('<thead><tr><th scope="col">Requirement</th><th scope="col">Status</th><th scope="col">Severity</th>'
        '<th scope="col">Citation</th><th scope="col">Evidence</th></tr></thead>')
    for group, results in _grouped(report.results, catalog):
        add("<tbody>")
        if group is not None:
            add(f'<tr class="group"><th scope="rowgroup" colspan="5">{_e(GROUP_LABEL.get(group, group))}</th></tr>')
        for result in results:
            _result_row(out, anchor, result, catalog.get(result.rule))
        add("</tbody>")
    add("</table>")
    add("</section>")


def _grouped(results: Sequence[Result], catalog: Mapping) -> list[tuple[str | None, list[Result]]]:
    """Results in their own order, cut into runs of one catalog group (None when unknown)."""
    runs: list[tuple[str | None, list[Result]]] = []
    for result in results:
        req = catalog.get(result.rule)
        group = getattr(req, "group", None)
        if runs and runs[-1][0] == group:
            runs[-1][1].append(result)
        else:
            runs.append((group, [result]))
    return runs


def _result_row(out: list[str], anchor: str, r: Result, req) -> None:
    rid = _e(r.rule)
    problem = r.status in PROBLEMS
    cells = [
        f'<th scope="row"><span class="rid">{rid}</span><span class="rtitle">{_e(r.title)}</span></th>',
        f"<td>{_badge(r.status)}</td>",
        f'<td><span class="sev {"problem" if problem else "quiet"} {_e(r.severity)}">'
        f"{_e(SEVERITY_LABEL.get(r.severity, r.severity))}</span></td>",
        f'<td class="cite">{_e(r.citation)}</td>',
        f"<td>{_evidence_cell(r, req)}</td>",
    ]
    out.append(f'<tr id="{anchor}-{_slug(r.rule)}" class="result {_e(r.status)}" data-rule="{rid}" '
               f'data-status="{_e(r.status)}">' + "".join(cells) + "</tr>")


def _evidence_cell(r: Result, req) -> str:
    parts: list[str] = []
    for ev in r.evidence:
        parts.append(f"<blockquote>{mark_text(ev.text, r.highlights)}"
                     f'<span class="loc">{_e(_where(ev))}</span></blockquote>')
    if not r.evidence:
        if r.status == "not_applicable":
            parts.append(f'<p class="none">{_e(_sentence(r.message))}</p>')
        elif r.status == "present":
            parts.append('<p class="none">Present by implication (no single passage quoted).</p>')
        else:
            parts.append('<p class="none">No matching text found in the contract.</p>')
            if r.anchor is not None:
                parts.append(f'<span class="loc">Belongs near {_e(_where(r.anchor))}</span>')
    if problem_summary := (getattr(req, "summary", None) if r.status in PROBLEMS else None):
        parts.append(f'<p class="req"><strong>Requires:</strong> {_e(problem_summary)}</p>')
    elif r.status in PROBLEMS:
        parts.append(f'<p class="req">{_e(_sentence(r.message))}</p>')
    if r.caution:
        parts.append(f'<p class="caution"><strong>Caution:</strong> {_e(r.caution)}</p>')
    return "".join(parts)


def _where(ev: Evidence) -> str:
    """`¶12 (a) — 4. SRO Responsibilities`; the part is named when it is not the main body."""
    part = "" if ev.part.endswith("document.xml") else ev.part.removeprefix("word/").removesuffix(".xml") + " "
    label = f" {ev.label}" if ev.label else ""
    heading = f" \u2014 {ev.heading}" if ev.heading else ""
    return f"{part}\u00b6{ev.paragraph}{label}{heading}"


# --- highlighting --------------------------------------------------------------------------------

_SRO_TITLE = r"(?:sros?|(?:police[-\s]+)?school\s+(?:resource|liaison|safety)\s+officers?)"
_CHAR_CLASS = {"'": "['\u2018\u2019`]", '"': "[\"\u201c\u201d]", "-": "[-\u2010\u2011\u2013\u2014]"}
_INVISIBLE = "[\u00ad\u200b\ufeff]*"


def _pattern(word: str) -> str | None:
    """A regex that finds a normalized highlight (lower case, straight quotes, `sro`) in original text."""
    tokens = re.split(r"(\s+)", word.strip())
    pieces: list[str] = []
    for token in tokens:
        if not token:
            continue
        if token.isspace():
            pieces.append(r"[\s\u00a0]+")
            continue
        for i, chunk in enumerate(re.split(r"\bsro\b", token)):
            if i:
                pieces.append(_SRO_TITLE)
            chunk = chunk.replace("deescalat", "\0")
            for ch in chunk:
                if ch == "\0":
                    pieces.append("de[-\u2010\u2011\u2013\u2014]?escalat")
                else:
                    pieces.append(_CHAR_CLASS.get(ch, re.escape(ch)) + _INVISIBLE)
    return "".join(pieces) or None


def mark_text(text: str, highlights: Sequence[str]) -> str:
    """`text` escaped, with every occurrence of each highlight wrapped in <mark> (case-insensitive)."""
    spans: list[tuple[int, int]] = []
    for word in highlights:
        regex = _pattern(word) if word and word.strip() else None
        if regex is None:
            continue
        spans.extend(_whole_words(text, m.start(), m.end()) for m in re.finditer(regex, text, re.IGNORECASE)
                     if m.end() > m.start())
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, pos = [], 0
    for start, end in merged:
        pieces.append(_e(text[pos:start]))
        pieces.append(f"<mark>{_e(text[start:end])}</mark>")
        pos = end
    pieces.append(_e(text[pos:]))
    return "".join(pieces)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A match widened to whole words: the engine's "city of c" marks "City of Copperton"."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


# --- small helpers -------------------------------------------------------------------------------

def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _badge(status: str) -> str:
    return f'<span class="badge {_e(status)}">{_e(STATUS_LABEL.get(status, status))}</span>'


def _redline_link(href: str | None) -> str:
    if not href:
        return ""
    target = quote(href.replace("\\", "/"), safe="/")
    name = href.replace("\\", "/").rsplit("/", 1)[-1]
    return f'<a href="{_e(target)}" type="application/vnd.openxmlformats-officedocument.wordprocessingml.document">' \
           f"{_e(name)}</a>"


def _slug(rule: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", rule)


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _group_counts(requirements: Sequence) -> str:
    per_group: dict[str, int] = {}
    for r in requirements:
        group = getattr(r, "group", None)
        if group:
            per_group[group] = per_group.get(group, 0) + 1
    return ", ".join(f"{n} {g}" for g, n in per_group.items())
