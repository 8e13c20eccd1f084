"""The officer training timeline of Minn. Stat. § 626.8482, subd. 3, and Policy 417, Order 417.8.

Build and renew both ask the same question: on this contract's term, what does each officer still
owe, by when, and may the contract ask them to perform duties (4) and (5) yet?
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from contractgen.spec import Officer, Term

COURSE_REQUIRED_FROM = date(2025, 9, 1)     # subd. 3(a)
LEGACY_DEADLINE = date(2027, 6, 1)          # subd. 3(b)
INTERIM_MONTHS = 6                          # subd. 3(c)
SUBSTITUTE_DAY_LIMIT = 60                   # subd. 3(d) [?]; Order 417.8
REFRESHER_YEARS = 3                         # Order 417.8 [P]

CURRENT_COURSES = ("post_sro_course", "post_supplemental_course")
LEGACY_COURSES = ("school_safety_center_basic", "nasro_basic")
COURSE_NAMES = {
    "post_sro_course": "the POST-approved SRO course (subd. 4)",
    "post_supplemental_course": "the POST-approved supplemental SRO course (subd. 4(b))",
    "school_safety_center_basic": "the School Safety Center Basic SRO Training",
    "nasro_basic": "the NASRO Basic SRO course",
}


@dataclass(frozen=True)
class TrainingNotice:
    """One dated consequence of the timeline for one officer."""

    officer: str
    requirement: str
    message: str
    due: date | None = None
    defers_duties_4_and_5: bool = False


def add_months(day: date, months: int) -> date:
    """`day` plus `months` calendar months, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def assess(officer: Officer, term: Term) -> list[TrainingNotice]:
    """What the training rules say about `officer` during `term`, as notices (never errors)."""
    current = sorted((r for r in officer.training if r.course in CURRENT_COURSES), key=lambda r: r.completed)
    legacy = [r for r in officer.training if r.course in LEGACY_COURSES and r.completed < COURSE_REQUIRED_FROM]
    if officer.substitute and (officer.expected_contact_days or 0) < SUBSTITUTE_DAY_LIMIT:
        return [_substitute_notice(officer)]
    trained_at = current[0].completed if current else None
    if trained_at is not None and trained_at <= officer.assignment_start:
        return _refresher(officer, current[-1].completed, term)
    if legacy and trained_at is None:
        return [_legacy_notice(officer, legacy[-1].course, term)]
    if officer.assignment_start >= COURSE_REQUIRED_FROM:
        return _interim(officer, trained_at, term)
    if trained_at is not None:
        return _refresher(officer, current[-1].completed, term)
    return [TrainingNotice(
        officer.name, "TRAINING",
        f"{officer.name} has no SRO training on record and was assigned on {officer.assignment_start:%B %-d, %Y}, "
        "before subd. 3(a) took effect; the catalog does not settle a deadline for this case, so confirm with "
        "counsel (caution)")]


def _substitute_notice(officer: Officer) -> TrainingNotice:
    days = officer.expected_contact_days
    expected = f"{days} expected student contact days" if days is not None else "no expected contact days stated"
    return TrainingNotice(
        officer.name, "TRAINING-SUBSTITUTE",
        f"{officer.name} is a substitute ({expected}, fewer than {SUBSTITUTE_DAY_LIMIT}): need not complete the "
        "training or perform duties (4) and (5), but must review and comply with the agency's SRO policy "
        "(subd. 3(d) wording unconfirmed: caution)",
        defers_duties_4_and_5=True)


def _refresher(officer: Officer, last: date, term: Term) -> list[TrainingNotice]:
    due = add_months(last, 12 * REFRESHER_YEARS)
    if due > term.end:
        return []
    return [TrainingNotice(
        officer.name, "TRAINING",
        f"{officer.name} completed the SRO course on {last:%B %-d, %Y}; a refresher is due by {due:%B %-d, %Y} "
        "(every three years, Order 417.8), within this term", due=due)]


def _legacy_notice(officer: Officer, course: str, term: Term) -> TrainingNotice:
    passed = "; that deadline has passed" if term.start >= LEGACY_DEADLINE else ""
    return TrainingNotice(
        officer.name, "TRAINING",
        f"{officer.name} holds {COURSE_NAMES[course]} from before September 1, 2025 and must complete the "
        f"POST-approved training before {LEGACY_DEADLINE:%B %-d, %Y} (subd. 3(b)){passed}",
        due=LEGACY_DEADLINE)


def _interim(officer: Officer, trained_at: date | None, term: Term) -> list[TrainingNotice]:
    deadline = add_months(officer.assignment_start, INTERIM_MONTHS)
    if trained_at is not None and trained_at <= deadline:
        return [TrainingNotice(
            officer.name, "TRAINING-INTERIM",
            f"{officer.name} completed the course on {trained_at:%B %-d, %Y}, after assuming duties on "
            f"{officer.assignment_start:%B %-d, %Y}: duties (4) and (5) could not be required before then "
            "(subd. 3(c))")] + _refresher(officer, trained_at, term)
    late = f"; the course on record ({trained_at:%B %-d, %Y}) is late" if trained_at else ""
    if deadline < term.start and trained_at is None:
        return [TrainingNotice(
            officer.name, "TRAINING-INTERIM",
            f"{officer.name} was assigned on {officer.assignment_start:%B %-d, %Y} without the required course, and "
            f"the six-month deadline ({deadline:%B %-d, %Y}) passed before this term starts: record the completed "
            "course, or the officer may not serve as an SRO (subd. 3(c))", due=deadline)]
    return [TrainingNotice(
        officer.name, "TRAINING-INTERIM",
        f"{officer.name} is assigned from {officer.assignment_start:%B %-d, %Y} without the required course: "
        f"duties (4) and (5) are deferred until trained, and the course must be completed within six months, "
        f"by {deadline:%B %-d, %Y} (subd. 3(c)){late}",
        due=deadline, defers_duties_4_and_5=True)]
