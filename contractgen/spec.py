"""The contract spec: what an attorney writes in YAML to describe one SRO contract.

Every section the law or Policy 417 makes the contract address is a required field, so silence is
an error: an explicit empty list says "none". Fields carry the catalog ID they serve
(`requirement`), which validation messages cite.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Control characters cannot appear in a Word document (and docxtpl turns some into breaks).
_PRINTABLE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000, pattern=_PRINTABLE)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=_PRINTABLE)]


# Contracts live in this century; the bound also keeps date arithmetic (six months, three years) safe.
Day = Annotated[date, Field(ge=date(1990, 1, 1), le=date(2099, 12, 31))]


def req(requirement: str, description: str, **kwargs: Any) -> Any:
    """A field that serves catalog requirement `requirement`."""
    return Field(description=description, json_schema_extra={"requirement": requirement}, **kwargs)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- parties -------------------------------------------------------------------------------------

class Agency(Model):
    """The officer's employer: a city (police department) or a county (sheriff's office)."""

    kind: Literal["city", "county"] = Field(description="The employing government: a city or a county.")
    name: Name = Field(description='Legal name, e.g. "City of Quillmont" or "Norrland County".')
    police_department: Name = Field(description='e.g. "Quillmont Police Department" or "Norrland County Sheriff\'s Office".')
    chief: Name = Field(description="Name of the chief of police or sheriff.")
    chief_title: Name = Field("Chief of Police", description='"Chief of Police" or "Sheriff".')
    sro_policy: Name = Field(description='The agency\'s SRO policy adopted under § 626.8482 subd. 5, e.g. "Policy 417".')
    use_of_force_policy: Name = Field(description='The agency\'s use-of-force policy, e.g. "Policy 300 (Use of Force)".')
    data_practices_policy: Name = Field(description="The agency's data practices policy that governs its law-enforcement records.")


class District(Model):
    """An independent school district (a governmental unit that may enter a joint powers agreement)."""

    kind: Literal["district"]
    name: Name = Field(description='e.g. "Independent School District No. 2264 (Quillmont Public Schools)".')
    short_name: Name = Field("District", description='How the contract refers to it, e.g. "District".')
    isd_number: Annotated[str, StringConstraints(pattern=r"^\d{1,4}(-\d{1,2})?$")] = Field(
        description='The ISD number, e.g. "2264".')
    superintendent: Name
    board_chair: Name


class CharterSchool(Model):
    """A charter school acting through its board of directors (Minn. Stat. § 124E.07); not its authorizer."""

    kind: Literal["charter_school"]
    name: Name
    short_name: Name = Field("School", description='How the contract refers to it, e.g. "School".')
    board_chair: Name = Field(description="Chair of the charter school's board of directors, who signs.")
    executive_director: Name | None = Field(None, description="The school's director or school leader, if any.")
    authorizer: Name | None = Field(None, description="The authorizer, for information only: never a party.")


SchoolParty = Annotated[Union[District, CharterSchool], Field(discriminator="kind")]

Instrument = Literal["services_agreement", "joint_powers_agreement", "contract_for_services"]


class Term(Model):
    start: Day
    end: Day
    renewal: Literal["none", "automatic", "by_amendment"] = Field(
        description="none: ends on `end`; automatic: renews for `renewal_months` unless notice is given by `notice_by`; by_amendment: renewed only in writing.")
    renewal_months: int = Field(12, ge=1, le=60)
    notice_by: Day | None = Field(None, description="Last day to give notice of non-renewal (required for automatic renewal).")


class School(Model):
    name: Name
    level: Literal["elementary", "middle", "secondary", "k12"] = "secondary"
    address: Name | None = None


CourseKind = Literal["post_sro_course", "post_supplemental_course", "school_safety_center_basic", "nasro_basic"]


class TrainingRecord(Model):
    """One completed course. The subd. 4 course is `post_sro_course`; the two older basic courses need
    the supplemental course by June 1, 2027 (subd. 3(b))."""

    course: CourseKind
    completed: Day


class Officer(Model):
    name: Name
    assignment_start: Day
    training: list[TrainingRecord] = req("TRAINING", "Courses completed, newest last; an empty list means none yet.")
    substitute: bool = False
    expected_contact_days: int | None = Field(None, ge=0, le=366, description="For a substitute: expected student contact days in a school year.")


# --- the five items the product owner named ------------------------------------------------------

class Attire(Model):
    mode: Literal["standard_uniform", "modified_uniform", "plain_clothes", "mixed"]
    description: Text = Field(description="What the officer wears, in the words the parties agreed.")
    agreed_how: Text = Field(description='How the parties agreed it, e.g. "by the Chief and the Superintendent after consulting the building principals".')


class Role(Model):
    role: Literal["none", "consulted", "participates"] = Field(
        description="none: the school party has no role; consulted: it is asked for its views; participates: it takes part (panel, joint decision).")
    details: Text | None = None


class Vetting(Model):
    selection: Role
    vetting: Role
    retention: Role = Field(description="Role in retaining the officer, including requests for removal or replacement.")


class DeescalationResource(Model):
    name: Name
    kind: Literal["crisis_team", "mediation", "restorative_practices", "threat_assessment", "mental_health", "other"]
    contact: Name | None = None


class Deescalation(Model):
    informed_how: Text = Field(description="How and when the officer is informed of the school party's de-escalation resources.")
    resources: list[DeescalationResource] = Field(description="The resources; an empty list says there are none yet.")


class RecordCategory(Model):
    category: Text = Field(description='A category of education records, e.g. "directory information".')
    audience: Literal["agency", "sro", "both"]
    purposes: list[Text] = req("DATA-PURPOSES", "Purposes for which this category may be shared or used.", min_length=1)
    legal_basis: Text = Field(description='e.g. "Minn. Stat. § 13.32, subd. 3; 34 C.F.R. § 99.31(a)(1)".')


class DataPractices(Model):
    records: list[RecordCategory] = req(
        "DATA-RECORDS", "Education-record categories shared with the agency and/or the SRO; an empty list says none are shared.")
    sro_school_official: bool = req(
        "DATA-FERPA-SCHOOL-OFFICIAL", "Whether the SRO receives education records as a school official under 34 C.F.R. § 99.31(a)(1).")
    school_contact: Name = Field(description="The school party's data practices compliance official or responsible authority.")
    agency_contact: Name = Field(description="The agency's data practices compliance official or responsible authority.")


class AdditionalDuty(Model):
    description: Text
    compensation: Text | None = Field(None, description="How the duty is paid, if not within the base compensation.")


# --- money and mechanics -------------------------------------------------------------------------

class Compensation(Model):
    funding_source: Literal["general_fund", "safe_schools_levy", "grant", "other"]
    method: Literal["annual_amount", "hourly_rate", "share_of_cost"]
    amount: Decimal = Field(gt=0, description="Annual amount in dollars, hourly rate in dollars, or percent of cost.")
    invoice_dates: list[Day] = Field(min_length=1, description="Dates on which the agency invoices.")
    payment_days: int = Field(35, ge=1, le=120, description="Days after an invoice within which payment is due.")
    additional_duty_rate: Decimal | None = Field(None, gt=0, description="Hourly rate for additional duties, if any.")


class Indemnity(Model):
    mode: Literal["each_party_own_acts", "mutual_indemnity"] = "each_party_own_acts"


class Termination(Model):
    without_cause_notice_days: int = Field(90, ge=0, le=365)
    for_cause_cure_days: int = Field(30, ge=0, le=365)


class Address(Model):
    attention: Name
    address: Text


class Notices(Model):
    agency: Address
    school: Address


class Signatory(Model):
    party: Literal["agency", "school"]
    name: Name
    title: Name


class Reporting(Model):
    frequency: Literal["annual", "semiannual", "quarterly"] = "annual"


class Contract(Model):
    """One SRO contract between an agency and a school district or charter school."""

    agency: Agency = req("PARTIES", "The officer's employer.")
    school: SchoolParty = req("PARTIES", "The school district or charter school.")
    instrument: Instrument = req("PARTIES", "The kind of agreement; a charter school cannot enter a joint powers agreement.")
    term: Term = req("TERM", "Start, end and renewal.")
    schools: list[School] = Field(min_length=1, description="The schools the officers serve.")
    positions: int = Field(ge=1, le=50, description="Number of full-time SRO positions.")
    officers: list[Officer] = req("TRAINING", "Officers known at signing; an empty list when not yet assigned.")
    attire: Attire = req("ATTIRE", "The mutually agreed attire policy (Order 417.2).")
    vetting: Vetting = req("VETTING", "The school party's role in selecting, vetting and retaining the officer (Order 417.2).")
    deescalation: Deescalation = req("DEESCALATION-RESOURCES", "How the officer learns of de-escalation resources (Order 417.2).")
    data_practices: DataPractices = req("DATA-PRACTICES", "Data practices (Order 417.9).")
    additional_duties: list[AdditionalDuty] = req(
        "ADDITIONAL-DUTIES", "Additional duties under subd. 2(b); an empty list says there are none.")
    compensation: Compensation = req("FUNDING", "Payment and funding.")
    indemnity: Indemnity = req("INDEMNITY", "Allocation of liability.", default_factory=Indemnity)
    termination: Termination = req("TERMINATION", "Termination rights.", default_factory=Termination)
    notices: Notices | None = req("TERM", "Notice addresses; when absent, notices go to the signatories' principal offices.", default=None)
    reporting: Reporting = req("REPORTING", "Program review.", default_factory=Reporting)
    signatories: list[Signatory] = req("PARTIES", "Who signs for each party.", min_length=2)

    @property
    def is_charter(self) -> bool:
        return self.school.kind == "charter_school"


def requirement_of(model: type[BaseModel], path: tuple[str | int, ...]) -> str | None:
    """The catalog ID that the deepest field along `path` serves, if any."""
    found: str | None = None
    current: Any = model
    for part in path:
        if isinstance(part, int) or current is None:
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            # a discriminated-union branch name (district / charter_school) is not a field
            continue
        info = fields[part]
        extra = info.json_schema_extra
        if isinstance(extra, dict) and "requirement" in extra:
            found = str(extra["requirement"])
        current = _inner_model(info.annotation)
    return found


def _inner_model(annotation: Any) -> Any:
    """The model class inside `list[Model]`, `Model | None` or a union (first model found)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        inner = _inner_model(arg)
        if inner is not None:
            return inner
    for meta in getattr(annotation, "__metadata__", ()) or ():
        inner = _inner_model(meta)
        if inner is not None:
            return inner
    origin_args = getattr(annotation, "__origin__", None)
    if origin_args is not None and origin_args is not annotation:
        return _inner_model(origin_args)
    return None
