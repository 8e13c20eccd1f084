"""Clause text and templates run in a sandbox: typed values stay literal, unknown names are errors."""
from __future__ import annotations

import io
import zipfile

import pytest
import yaml
from docx import Document

from contractgen import clausetext
from contractgen.clausetext import ClauseRenderError
from tests.conftest import EXAMPLES, FIXED_DATE, run_cli
from tests.docx_text import text


def minimal_spec() -> dict:
    return yaml.safe_load((EXAMPLES / "minimal.yaml").read_text(encoding="utf-8"))


def write_spec(path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_jinja_typed_into_a_spec_value_comes_out_literally(tmp_path):
    data = minimal_spec()
    data["agency"]["chief"] = "{{ ''.__class__.__mro__ }} {% for x in range(3) %}x{% endfor %}"
    data["school"]["name"] = "Fish & Game <Academy> {{ 7*7 }}"
    spec, out = tmp_path / "spec.yaml", tmp_path / "out.docx"
    write_spec(spec, data)
    proc = run_cli("build", str(spec), "-o", str(out), "--date", FIXED_DATE)
    assert proc.returncode == 0, proc.stderr
    body = text(out)
    assert "{{ ''.__class__.__mro__ }} {% for x in range(3) %}x{% endfor %}" in body
    assert "Fish & Game <Academy> {{ 7*7 }}" in body
    assert "49" not in body and "xxx" not in body


def test_a_value_cannot_open_a_paragraph_or_list_item_of_its_own():
    paragraphs = clausetext.render("Intro {{ v }}\n* item", {"v": "first\n\n* injected"})
    assert [p.kind for p in paragraphs] == ["body", "item"]
    assert paragraphs[0].text == "Intro first * injected"


def test_unknown_variable_in_clause_text_is_an_error():
    with pytest.raises(ClauseRenderError, match="unknown variable"):
        clausetext.render("The {{ nonexistent }} shall", {})


def test_sandbox_refuses_python_internals_in_clause_text():
    with pytest.raises(ClauseRenderError, match="sandbox"):
        clausetext.render("{{ ''.__class__.__mro__[1].__subclasses__() }}", {})


def make_user_template(path, body_text: str) -> None:
    doc = Document()
    doc.add_paragraph("LETTERHEAD OF THE CITY ATTORNEY")
    doc.add_paragraph(body_text)
    doc.save(str(path))


def test_user_letterhead_template_is_used(tmp_path):
    template, out = tmp_path / "letterhead.docx", tmp_path / "out.docx"
    make_user_template(template, "{{ title }} — {{ parties_text }}")
    proc = run_cli("build", str(EXAMPLES / "minimal.yaml"), "-o", str(out), "--template", str(template),
                   "--date", FIXED_DATE)
    assert proc.returncode == 0, proc.stderr
    body = text(out)
    assert "LETTERHEAD OF THE CITY ATTORNEY" in body and "City of Example" in body


def test_user_template_reaching_for_python_internals_is_refused(tmp_path):
    template, out = tmp_path / "evil.docx", tmp_path / "out.docx"
    make_user_template(template, "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    proc = run_cli("build", str(EXAMPLES / "minimal.yaml"), "-o", str(out), "--template", str(template))
    assert proc.returncode == 2
    assert "sandbox" in proc.stderr and str(template) in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists()


def test_user_template_with_unknown_variable_names_it(tmp_path):
    template, out = tmp_path / "t.docx", tmp_path / "out.docx"
    make_user_template(template, "{{ no_such_thing }}")
    proc = run_cli("build", str(EXAMPLES / "minimal.yaml"), "-o", str(out), "--template", str(template))
    assert proc.returncode == 2 and "no_such_thing" in proc.stderr and not out.exists()


def test_a_template_that_is_not_a_word_file_is_a_clean_error(tmp_path):
    template, out = tmp_path / "t.docx", tmp_path / "out.docx"
    template.write_bytes(b"not a zip at all")
    proc = run_cli("build", str(EXAMPLES / "minimal.yaml"), "-o", str(out), "--template", str(template))
    assert proc.returncode == 2 and str(template) in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
