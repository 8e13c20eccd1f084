"""Property tests: any valid combination of spec choices assembles into a complete contract."""
from __future__ import annotations

import copy
from datetime import date, datetime, timezone

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from contractgen import assemble, catalog
from contractgen.spec import Contract
from contractgen.validation import cross_field_checks
from tests.conftest import EXAMPLES
from tests.docx_text import text

BASE = yaml.safe_load((EXAMPLES / "district.yaml").read_text(encoding="utf-8"))
CHARTER = yaml.safe_load((EXAMPLES / "charter.yaml").read_text(encoding="utf-8"))

printable = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FFF, exclude_categories=("Cs", "Cc")),
                    min_size=1, max_size=40).filter(lambda s: s.strip())
role = st.fixed_dictionaries({"role": st.sampled_from(["none", "consulted", "participates"]),
                              "details": st.one_of(st.none(), printable)})


@st.composite
def specs(draw) -> dict:
    charter = draw(st.booleans())
    data = copy.deepcopy(BASE)
    if charter:
        data["school"] = copy.deepcopy(CHARTER["school"])
        data["signatories"] = copy.deepcopy(CHARTER["signatories"])
    instruments = ["services_agreement", "contract_for_services"] + ([] if charter else ["joint_powers_agreement"])
    data["instrument"] = draw(st.sampled_from(instruments))
    data["agency"]["kind"] = draw(st.sampled_from(["city", "county"]))
    data["agency"]["name"] = draw(printable)
    data["school"]["name"] = draw(printable)
    data["attire"]["mode"] = draw(st.sampled_from(["standard_uniform", "modified_uniform", "plain_clothes", "mixed"]))
    data["vetting"] = {"selection": draw(role), "vetting": draw(role), "retention": draw(role)}
    if draw(st.booleans()):
        data["deescalation"]["resources"] = []
    if draw(st.booleans()):
        data["data_practices"]["records"] = []
    data["data_practices"]["sro_school_official"] = draw(st.booleans())
    if draw(st.booleans()):
        data["additional_duties"] = []
    sources = ["general_fund", "grant", "other"] + ([] if charter else ["safe_schools_levy"])
    data["compensation"]["funding_source"] = draw(st.sampled_from(sources))
    data["compensation"]["method"] = draw(st.sampled_from(["annual_amount", "hourly_rate", "share_of_cost"]))
    data["indemnity"] = {"mode": draw(st.sampled_from(["each_party_own_acts", "mutual_indemnity"]))}
    renewal = draw(st.sampled_from(["none", "automatic", "by_amendment"]))
    data["term"]["renewal"] = renewal
    if draw(st.booleans()):
        data.pop("notices", None)
    data["reporting"] = {"frequency": draw(st.sampled_from(["annual", "semiannual", "quarterly"]))}
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs())
def test_every_valid_spec_assembles_with_every_requirement_addressed(data):
    contract = Contract.model_validate(data)
    errors = [c for c in cross_field_checks(contract, catalog.bundled()) if c[3] == "error"]
    assert errors == []
    result = assemble.assemble(contract)
    assert set(catalog.bundled().ids) <= result.satisfied
    rendered = " ".join(p.text for a in result.articles for rc in a.clauses for p in rc.paragraphs)
    assert "None" not in rendered.replace(contract.agency.name, "").replace(contract.school.name, "")
    assert " ".join(contract.school.name.split()) in " ".join(p.text for rc in result.front["parties"] for p in rc.paragraphs)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(specs())
def test_every_valid_spec_renders_to_a_docx_that_keeps_typed_text_verbatim(tmp_path, data):
    contract = Contract.model_validate(data)
    out = tmp_path / "c.docx"
    out.write_bytes(assemble.render_docx(assemble.assemble(contract), datetime(2026, 7, 1, tzinfo=timezone.utc)))
    body = text(out)
    assert " ".join(contract.school.name.split()) in body
