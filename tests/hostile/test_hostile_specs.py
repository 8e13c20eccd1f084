"""Hostile specs (validate, build) and hostile Word templates (build --template).

A spec that cannot be read gives exit 2 and one line on stderr naming the file and the problem,
never runs anything it names (a marker file must not appear), writes nothing; a spec value that
looks like Jinja comes out literally; a template reaching for Python internals is refused by the
sandbox.
"""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from tests.hostile.generators import SPEC_CASES, SpecCase, passwd_marker, with_doctype
from tests.hostile.harness import (EXAMPLES, ROOT, assert_no_crash, assert_refused, output_text, run_cli, snapshot,
                                   strays)

MINIMAL = EXAMPLES / "minimal.yaml"
DEFAULT_TEMPLATE = ROOT / "templates" / "contract.docx"


def _spec_params() -> list:
    out = []
    for case in SPEC_CASES:
        for command in ("validate", "build"):
            marks = [pytest.mark.xfail(strict=True, reason=f"product bug: {case.bug}")] if case.bug else []
            out.append(pytest.param(case, command, id=f"{case.name}-{command}", marks=marks))
    return out


@pytest.mark.parametrize(("case", "command"), _spec_params())
def test_hostile_spec(case: SpecCase, command: str, folders):
    inputs, outputs = folders
    spec = inputs / "spec.yaml"
    spec.write_bytes(case.data(inputs))
    before_in = snapshot(inputs)
    args = ["validate", str(spec)] if command == "validate" else ["build", str(spec), "-o", str(outputs / "c.docx")]
    run = run_cli(*args)
    assert_refused(run, spec, case.words)
    assert not run.stdout.strip(), run.stdout
    assert snapshot(inputs) == before_in, "the spec was changed or something was written beside it"
    assert snapshot(outputs) == {} and strays(inputs, outputs) == []
    assert not (inputs / "MARKER").exists(), "a YAML tag ran a command"


def test_spec_that_is_a_directory(folders):
    inputs, outputs = folders
    spec = inputs / "spec.yaml"
    spec.mkdir()
    run = run_cli("build", str(spec), "-o", str(outputs / "c.docx"))
    assert_refused(run, spec, ("directory",))
    assert snapshot(outputs) == {}


JINJA_VALUES = ["{{ ''.__class__ }}", "{% raw %}{{ 7*7 }}{% endraw %}", "{{ cycler.__init__.__globals__ }}",
                "${7*7} <w:t>x</w:t> &amp; ]]>"]


@pytest.mark.parametrize("value", JINJA_VALUES, ids=["class", "raw-block", "globals", "xml-and-dollar"])
def test_jinja_in_a_spec_value_comes_out_literally(value, folders):
    inputs, outputs = folders
    text = MINIMAL.read_text(encoding="utf-8")
    assert "  name: City of Example\n" in text
    spec = inputs / "spec.yaml"
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    spec.write_text(text.replace("  name: City of Example\n", f'  name: "{quoted}"\n'), encoding="utf-8")
    before = snapshot(inputs)
    out = outputs / "c.docx"
    run = run_cli("build", str(spec), "-o", str(out), "--date", "2026-07-01", "-q")
    assert_no_crash(run)
    assert run.returncode == 0, run.stderr
    assert snapshot(inputs) == before and strays(inputs, outputs) == []
    with zipfile.ZipFile(out) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    body = "".join(root.itertext())
    assert value in body, f"{value!r} did not come out literally"
    assert "<class 'str'>" not in body and "49" not in body.replace("9999", "")


# -- templates -------------------------------------------------------------------------------------------

def template_with(path: Path, text: str) -> Path:
    document = docx.Document(str(DEFAULT_TEMPLATE))
    document.add_paragraph(text)
    document.save(str(path))
    return path


SANDBOX_ESCAPES = {
    "mro-subclasses": "{{ title.__class__.__mro__[1].__subclasses__() }}",
    "cycler-globals-os-system": "{{ cycler.__init__.__globals__.os.system('touch MARKER_PATH') }}",
    "lipsum-globals-popen": "{{ lipsum.__globals__['os'].popen('touch MARKER_PATH').read() }}",
    "format-string-escape": "{{ '{0.__class__.__init__.__globals__}'.format(title) }}",
    "namespace-attr": "{{ namespace.__init__.__globals__ }}",
}


@pytest.mark.parametrize("name", list(SANDBOX_ESCAPES))
def test_template_reaching_for_python_internals_is_refused(name, folders):
    inputs, outputs = folders
    marker = inputs / "MARKER"
    template = template_with(inputs / "letterhead.docx", SANDBOX_ESCAPES[name].replace("MARKER_PATH", str(marker)))
    spec = inputs / "spec.yaml"
    shutil.copyfile(MINIMAL, spec)
    before = snapshot(inputs)
    run = run_cli("build", str(spec), "-o", str(outputs / "c.docx"), "--template", str(template))
    assert_refused(run, template, ("sandbox",))
    assert not marker.exists(), "the template ran a command"
    assert snapshot(inputs) == before and snapshot(outputs) == {} and strays(inputs, outputs) == []


TEMPLATE_BUGS = {
    "huge-range": ("{% for x in range(10**9) %}{% endfor %}",
                   "the sandbox's OverflowError ('Range too big') is not caught in assemble.render_docx: "
                   "exit 3 'internal error' instead of exit 2 naming the template"),
    "huge-string": ("{{ 'a' * 10**10 }}",
                    "the sandbox does not bound string repetition; under a 2 GiB cap MemoryError escapes as exit 3 "
                    "'internal error' (without a cap, 'a' * 10**9 takes ~6 GB and ~55 s, then exits 0)"),
}


@pytest.mark.parametrize("name", list(TEMPLATE_BUGS))
def test_template_exhausting_resources_is_refused(name, folders):
    text, _ = TEMPLATE_BUGS[name]
    inputs, outputs = folders
    template = template_with(inputs / "letterhead.docx", text)
    spec = inputs / "spec.yaml"
    shutil.copyfile(MINIMAL, spec)
    before = snapshot(inputs)
    run = run_cli("build", str(spec), "-o", str(outputs / "c.docx"), "--template", str(template))
    assert snapshot(inputs) == before and snapshot(outputs) == {} and strays(inputs, outputs) == []
    assert_refused(run, template, ())


@pytest.mark.parametrize("content", [b"", b"\x7fELF not a zip at all", b"PK\x03\x04truncated"],
                         ids=["empty", "random", "truncated-zip"])
def test_unusable_template_file(content, folders):
    inputs, outputs = folders
    template = inputs / "letterhead.docx"
    template.write_bytes(content)
    spec = inputs / "spec.yaml"
    shutil.copyfile(MINIMAL, spec)
    before = snapshot(inputs)
    run = run_cli("build", str(spec), "-o", str(outputs / "c.docx"), "--template", str(template))
    assert_refused(run, template, ("template",))
    assert snapshot(inputs) == before and snapshot(outputs) == {} and strays(inputs, outputs) == []


def test_template_with_external_entity_never_leaks(folders):
    """python-docx parses templates with resolve_entities=False: the DOCTYPE may be accepted, never expanded."""
    inputs, outputs = folders
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as zf:
        entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    parts = dict(entries)
    doc = parts["word/document.xml"]
    assert b"{{ title }}" in doc
    doc = with_doctype(doc, b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    doc = doc.replace(b"{{ title }}", b"&xxe; {{ title }}", 1)
    template = inputs / "letterhead.docx"
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, doc if name == "word/document.xml" else data)
    spec = inputs / "spec.yaml"
    shutil.copyfile(MINIMAL, spec)
    before = snapshot(inputs)
    run = run_cli("build", str(spec), "-o", str(outputs / "c.docx"), "--template", str(template), "-q")
    assert_no_crash(run)
    assert run.returncode in (0, 2), run.stderr
    if run.returncode == 2:
        assert_refused(run, template, ())
        assert snapshot(outputs) == {}
    marker = passwd_marker()
    if marker:
        assert marker not in run.stdout + run.stderr + output_text(outputs)
    assert snapshot(inputs) == before and strays(inputs, outputs) == []
