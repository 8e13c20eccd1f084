"""The subd. 3 training timeline: deadlines computed, duties (4) and (5) deferred only when allowed."""
from __future__ import annotations

from datetime import date

from contractgen.spec import Officer, Term, TrainingRecord
from contractgen.training import add_months, assess

TERM = Term(start=date(2026, 8, 15), end=date(2027, 6, 30), renewal="none")


def officer(start: date, *courses: tuple[str, date], **extra) -> Officer:
    return Officer(name="Officer A", assignment_start=start,
                   training=[TrainingRecord(course=c, completed=d) for c, d in courses], **extra)


def test_untrained_officer_assigned_after_sept_2025_has_duties_4_and_5_deferred_for_six_months():
    (notice,) = assess(officer(date(2026, 8, 15)), TERM)
    assert notice.requirement == "TRAINING-INTERIM"
    assert notice.defers_duties_4_and_5
    assert notice.due == date(2027, 2, 15)


def test_six_month_deadline_clamps_to_the_end_of_a_short_month():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    (notice,) = assess(officer(date(2026, 8, 31)), TERM)
    assert notice.due == date(2027, 2, 28)


def test_officer_trained_before_assignment_owes_nothing_until_the_refresher():
    assert assess(officer(date(2026, 8, 15), ("post_sro_course", date(2026, 6, 1))), TERM) == []


def test_refresher_every_three_years_is_flagged_when_due_within_the_term():
    (notice,) = assess(officer(date(2024, 1, 10), ("post_sro_course", date(2024, 1, 5))), TERM)
    assert notice.requirement == "TRAINING" and notice.due == date(2027, 1, 5)


def test_older_basic_course_must_be_supplemented_before_june_1_2027():
    (notice,) = assess(officer(date(2023, 8, 20), ("nasro_basic", date(2022, 6, 1))), TERM)
    assert notice.requirement == "TRAINING" and notice.due == date(2027, 6, 1)
    assert not notice.defers_duties_4_and_5


def test_older_basic_course_deadline_passed_is_said():
    later = Term(start=date(2027, 8, 15), end=date(2028, 6, 30), renewal="none")
    (notice,) = assess(officer(date(2023, 8, 20), ("school_safety_center_basic", date(2022, 6, 1))), later)
    assert "deadline has passed" in notice.message


def test_substitute_under_60_days_need_not_train_but_the_notice_is_a_caution():
    (notice,) = assess(officer(date(2026, 9, 1), substitute=True, expected_contact_days=20), TERM)
    assert notice.requirement == "TRAINING-SUBSTITUTE" and notice.defers_duties_4_and_5
    assert "unconfirmed" in notice.message


def test_substitute_for_60_days_or_more_is_treated_as_a_regular_officer():
    (notice,) = assess(officer(date(2026, 9, 1), substitute=True, expected_contact_days=60), TERM)
    assert notice.requirement == "TRAINING-INTERIM"


def test_officer_assigned_before_the_law_without_training_gets_a_caution_not_an_invented_deadline():
    (notice,) = assess(officer(date(2024, 8, 19)), TERM)
    assert notice.due is None and "caution" in notice.message


def test_six_month_deadline_that_passed_before_a_renewed_term_is_said_not_deferred_again():
    renewed = Term(start=date(2027, 8, 15), end=date(2028, 6, 30), renewal="none")
    (notice,) = assess(officer(date(2026, 8, 15)), renewed)
    assert notice.requirement == "TRAINING-INTERIM" and not notice.defers_duties_4_and_5
    assert "February 15, 2027" in notice.message and "passed" in notice.message
