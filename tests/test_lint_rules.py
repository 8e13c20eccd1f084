"""Every rule accepts its compliant example and rejects its non-compliant one (catalog `examples:`).

The examples are phrasings written for the rule, not sentences from any fixture, and each is
checked inside a real .docx under a plain heading.
"""
from __future__ import annotations

import pytest

from contractgen import catalog
from tests.lint_support import lint_statuses, write_contract

RULES = [r for r in catalog.bundled().requirements if r.examples]
DUTY_RULES = {"DUTIES-DEFINED", "FORCE-SCHOOL-RULES", "ADDITIONAL-DUTIES"} | {f"SUBD2-A{i}" for i in range(1, 8)}


def heading_for(rule) -> str:
    return "Duties of the SRO" if rule.id in DUTY_RULES else rule.title


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_accepts_its_compliant_example(tmp_path, rule):
    path = write_contract(tmp_path / "ok.docx", [(heading_for(rule), [rule.examples.compliant])])
    assert lint_statuses(path)[rule.id] == "present"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_rejects_its_non_compliant_example(tmp_path, rule):
    text = rule.examples.non_compliant
    section = (heading_for(rule), [text]) if text else ("General Provisions", ["The parties will cooperate in good faith."])
    path = write_contract(tmp_path / "bad.docx", [section])
    status = lint_statuses(path)[rule.id]
    assert status != "present", f"{rule.id} accepted {text!r}"


@pytest.mark.parametrize("text", [
    "The SRO shall not enforce school discipline.",
    "The officer will not take part in enforcing the dress code or cell-phone rules.",
    "Enforcing the student code of conduct is the responsibility of school administrators, not the SRO.",
    "School staff alone handle tardiness and attendance violations.",
])
def test_negated_or_reassigned_school_rule_enforcement_is_not_a_violation(tmp_path, text):
    path = write_contract(tmp_path / "c.docx", [("Duties of the Officer", [text])])
    assert lint_statuses(path)["FORCE-SCHOOL-RULES"] in {"present", "missing"}


@pytest.mark.parametrize("text", [
    "The SRO's duties include assisting with school discipline.",
    "The officer shall enforce the student code of conduct.",
    "The SRO will monitor hallways and the cafeteria during lunch.",
    "The Liaison Officer shall deter truancy and follow up with absent students.",
])
def test_school_rule_enforcement_assigned_as_a_duty_is_a_violation(tmp_path, text):
    path = write_contract(tmp_path / "c.docx", [("Duties of the Officer", [text])])
    assert lint_statuses(path)["FORCE-SCHOOL-RULES"] == "violation"


def test_duties_named_only_in_recitals_do_not_count(tmp_path):
    recital = ("WHEREAS, the parties wish the SRO to foster a positive school climate through relationship "
               "building and open communication, and to provide advice on safety drills;")
    path = write_contract(tmp_path / "c.docx", [("Recitals", [recital]), ("Term", ["This Agreement begins on August 1, 2026."])])
    statuses = lint_statuses(path)
    assert statuses["SUBD2-A1"] == "missing" and statuses["SUBD2-A4"] == "missing"


def test_duties_in_a_purpose_section_do_not_count(tmp_path):
    path = write_contract(tmp_path / "c.docx", [("Purpose and Goals", [
        "The goals of the program are to identify vulnerabilities in school facilities and safety protocols."])])
    assert lint_statuses(path)["SUBD2-A5"] == "missing"


def test_incorporating_subdivision_2_by_pinpoint_reference_defines_all_seven_duties(tmp_path):
    text = ("The SRO shall perform the duties listed in Minn. Stat. § 626.8482, subd. 2(a), which are "
            "incorporated into this Agreement as if fully set forth.")
    statuses = lint_statuses(write_contract(tmp_path / "c.docx", [("Duties", [text])]))
    for rid in ["DUTIES-DEFINED"] + [f"SUBD2-A{i}" for i in range(1, 8)]:
        assert statuses[rid] == "present", rid


def test_duties_listed_in_a_table_count(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_heading("School Resource Officer Agreement", 0)
    doc.add_heading("Duty Matrix", 1)
    table = doc.add_table(rows=3, cols=2)
    rows = [("Duty", "How"), ("Safety drills", "Advises the principal on lockdown and fire drills"),
            ("Vulnerabilities", "Identifies vulnerabilities in school facilities and safety protocols each fall")]
    for row, (a, b) in zip(table.rows, rows):
        row.cells[0].text, row.cells[1].text = a, b
    path = tmp_path / "t.docx"
    doc.save(str(path))
    statuses = lint_statuses(path)
    assert statuses["SUBD2-A4"] == "present" and statuses["SUBD2-A5"] == "present"


def test_a_partial_duty_is_reported_partial_not_missing(tmp_path):
    text = "The SRO will protect persons who are present on school property."
    assert lint_statuses(write_contract(tmp_path / "c.docx", [("Duties", [text])]))["SUBD2-A2"] == "partial"
