"""`contractgen init`: a commented starter spec, from answers or defaults.

The starter is a template in `templates/starter.yaml.j2`; every answer is quoted as a YAML string
so that whatever the attorney types stays data.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from contractgen import resources
from contractgen.clausetext import environment


@dataclass(frozen=True)
class Question:
    key: str
    prompt: str
    default: Callable[[dict[str, Any]], str]


def _year_start(_: dict[str, Any]) -> str:
    today = date.today()
    return f"{today.year if today.month < 8 else today.year + 1}-08-15"


QUESTIONS = [
    Question("agency_kind", "Employing government (city or county)", lambda a: "city"),
    Question("agency_name", "Its legal name", lambda a: "City of Example" if a["agency_kind"] == "city" else "Example County"),
    Question("police_department", "Police department or sheriff's office",
             lambda a: f"{a['agency_name'].removeprefix('City of ')} Police Department" if a["agency_kind"] == "city"
             else f"{a['agency_name']} Sheriff's Office"),
    Question("chief", "Name of the chief of police or sheriff", lambda a: "Alex Doe"),
    Question("school_name", "School district or charter school name",
             lambda a: "Example Academy" if a["charter"] else "Independent School District No. 9999"),
    Question("isd_number", "ISD number", lambda a: "9999"),
    Question("superintendent", "Superintendent", lambda a: "Jamie Roe"),
    Question("executive_director", "Executive director or school leader", lambda a: "Jamie Roe"),
    Question("board_chair", "Chair of the school board or board of directors", lambda a: "Sam Poe"),
    Question("first_school", "First school served",
             lambda a: a["school_name"] if a["charter"] else "Example High School"),
    Question("start", "Term start (YYYY-MM-DD)", _year_start),
    Question("end", "Term end (YYYY-MM-DD)", lambda a: f"{int(a['start'][:4]) + 1}-06-30"),
]

SKIP = {True: {"isd_number", "superintendent"}, False: {"executive_director"}}


def questions(charter: bool) -> list[Question]:
    return [q for q in QUESTIONS if q.key not in SKIP[charter]]


def answers_with_defaults(charter: bool, ask: Callable[[Question, str], str] | None = None) -> dict[str, Any]:
    """Every answer, asking through `ask` (prompt, default) -> answer when given."""
    answers: dict[str, Any] = {"charter": charter}
    for question in questions(charter):
        default = question.default(answers)
        answers[question.key] = ask(question, default) if ask else default
    answers["chief_title"] = "Chief of Police" if answers["agency_kind"] == "city" else "Sheriff"
    answers["agency_signatory"] = "Mayor's Name" if answers["agency_kind"] == "city" else "Board Chair's Name"
    answers["agency_signatory_title"] = "Mayor" if answers["agency_kind"] == "city" else "Chair, County Board"
    answers["invoice"] = f"{int(answers['start'][:4]) + 1}-01-15"
    return answers


def render(answers: dict[str, Any], filename: str) -> str:
    env = environment().overlay(finalize=None)
    env.filters["q"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    source = (resources.templates_dir() / "starter.yaml.j2").read_text(encoding="utf-8")
    return env.from_string(source).render(answers, filename=filename) + "\n"
