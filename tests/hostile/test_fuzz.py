"""Property-based fuzzing of the two readers.

Word: start from a real contract (examples/minimal.yaml built by the CLI), mutate its document.xml
and numbering.xml (drop, duplicate, reorder and re-nest elements, split runs, insert unknown elements
and attributes, scramble attribute values), zip it again and read it with `open_package`,
`read_blocks` and `lint.engine.evaluate`: each either returns or raises ContractgenError, never
anything else.

Specs: random YAML-ish mappings, and mutations of examples/minimal.yaml, through
`yamlfile.loads` + `validation.validate_data`: a result or a ContractgenError, never anything else.

The default number of examples is small so the suite stays fast; set CONTRACTGEN_FUZZ_EXAMPLES to
run a campaign (e.g. CONTRACTGEN_FUZZ_EXAMPLES=3000).
"""
from __future__ import annotations

import copy
import datetime as dt
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from contractgen.errors import ContractgenError
from tests.hostile.harness import EXAMPLES, ROOT

EXAMPLES_COUNT = int(os.environ.get("CONTRACTGEN_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES_COUNT, deadline=None, database=None, derandomize=not os.environ.get("CONTRACTGEN_FUZZ_EXAMPLES"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MUTATED_PARTS = ("word/document.xml", "word/numbering.xml")


def _base_docx() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="contractgen-fuzz-"))
    path = folder / "minimal.docx"
    subprocess.run([sys.executable, "-m", "contractgen", "build", str(EXAMPLES / "minimal.yaml"), "-o", str(path),
                    "--date", "2026-07-01", "-q"], cwd=ROOT, check=True, capture_output=True, timeout=120)
    return path


_BASE: dict = {}


def base() -> dict:
    """The built contract's entries and its parsed parts (made once per process)."""
    if not _BASE:
        path = _base_docx()
        with zipfile.ZipFile(path) as zf:
            _BASE["entries"] = [(i.filename, zf.read(i)) for i in zf.infolist()]
        _BASE["roots"] = {name: etree.fromstring(dict(_BASE["entries"])[name]) for name in MUTATED_PARTS}
        _BASE["folder"] = path.parent
    return _BASE


# -- mutations ------------------------------------------------------------------------------------------

XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
ATTR_VALUES = st.one_of(XML_TEXT, st.sampled_from(["-1", "0", "999999999", "99999999999999999999", "abc", "", "NaN",
                                                   "decimal", "upperRoman", "lowerLetter", "bullet", "%1.%2.%9",
                                                   "%0", "%", "true", "false", "rId1", "rId999", "../x"]))
TAGS = st.sampled_from([f"{{{W}}}{t}" for t in ("p", "r", "t", "tbl", "tr", "tc", "sdt", "sdtContent", "ins", "del",
                                                "delText", "hyperlink", "fldSimple", "footnoteReference", "tab", "br",
                                                "numPr", "ilvl", "numId", "pStyle", "bogus")]
                       + ["{urn:fuzz}unknown", "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
                          "AlternateContent", "plain"])
ATTR_NAMES = st.sampled_from([f"{{{W}}}{a}" for a in ("val", "id", "type", "ilvl", "numId", "abstractNumId", "start",
                                                      "fldCharType", "instr", "bogus")] + ["{urn:fuzz}a", "plain"])

OPS = st.one_of(
    st.tuples(st.just("drop"), st.integers(0, 10**6)),
    st.tuples(st.just("duplicate"), st.integers(0, 10**6)),
    st.tuples(st.just("reverse"), st.integers(0, 10**6)),
    st.tuples(st.just("swap"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("renest"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("split"), st.integers(0, 10**6), st.integers(0, 200)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), TAGS, st.integers(0, 50), XML_TEXT),
    st.tuples(st.just("attr"), st.integers(0, 10**6), ATTR_NAMES, ATTR_VALUES),
    st.tuples(st.just("retag"), st.integers(0, 10**6), TAGS),
    st.tuples(st.just("text"), st.integers(0, 10**6), XML_TEXT),
)


def _elements(root) -> list:
    return [el for el in root.iter() if isinstance(el.tag, str)]


def mutate(root, ops) -> None:
    for op in ops:
        els = _elements(root)
        kind, i = op[0], op[1] % len(els)
        el = els[i]
        parent = el.getparent()
        if kind == "drop" and parent is not None:
            parent.remove(el)
        elif kind == "duplicate" and parent is not None:
            el.addnext(copy.deepcopy(el))
        elif kind == "reverse":
            children = list(el)
            for child in children:
                el.remove(child)
            for child in reversed(children):
                el.append(child)
        elif kind == "swap":
            other = els[op[2] % len(els)]
            if parent is not None and other.getparent() is parent and other is not el:
                a, b = parent.index(el), parent.index(other)
                if a > b:
                    el, other, a, b = other, el, b, a
                parent.insert(b, el)
                parent.insert(a, other)
        elif kind == "renest":
            target = els[op[2] % len(els)]
            if parent is not None and target is not el and el not in list(target.iterancestors()):
                target.append(el)
        elif kind == "split":
            runs = [r for r in root.iter(f"{{{W}}}r") if r.find(f"{{{W}}}t") is not None]
            if runs:
                run = runs[op[1] % len(runs)]
                t = run.find(f"{{{W}}}t")
                text = t.text or ""
                cut = op[2] % (len(text) + 1)
                second = copy.deepcopy(run)
                t.text = text[:cut]
                second.find(f"{{{W}}}t").text = text[cut:]
                run.addnext(second)
        elif kind == "insert":
            child = etree.Element(op[2])
            child.text = op[4] or None
            el.insert(op[3] % (len(el) + 1), child)
        elif kind == "attr":
            el.set(op[2], op[3])
        elif kind == "retag" and parent is not None:
            el.tag = op[2]
        elif kind == "text":
            el.text = op[2]


def packaged(mutations: dict[str, list]) -> Path:
    b = base()
    replaced = {}
    for name, ops in mutations.items():
        root = copy.deepcopy(b["roots"][name])
        mutate(root, ops)
        replaced[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    path = b["folder"] / "mutated.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in b["entries"]:
            zf.writestr(name, replaced.get(name, data))
    return path


def read_and_lint(path: Path):
    from contractgen.lint.engine import evaluate
    from contractgen.ooxml.blocks import read_blocks
    from contractgen.ooxml.package import open_package

    try:
        package = open_package(path)
        for view in ("accepted", "original"):
            blocks = read_blocks(package, view=view)
            results = evaluate(blocks)
            assert results and all(r.status for r in results)
    except ContractgenError as exc:
        assert "\n" not in str(exc), f"a multi-line error: {exc!r}"


@FUZZ
@given(doc_ops=st.lists(OPS, min_size=1, max_size=12), numbering_ops=st.lists(OPS, max_size=6))
def test_mutated_documents_read_or_refuse(doc_ops, numbering_ops):
    mutations = {"word/document.xml": doc_ops}
    if numbering_ops:
        mutations["word/numbering.xml"] = numbering_ops
    read_and_lint(packaged(mutations))


# -- specs -----------------------------------------------------------------------------------------------

MINIMAL = yaml.safe_load((EXAMPLES / "minimal.yaml").read_text(encoding="utf-8"))
KEYS = st.one_of(st.sampled_from(sorted({k for v in MINIMAL.values() if isinstance(v, dict) for k in v} | set(MINIMAL))),
                 st.text(min_size=1, max_size=10))
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
                    st.text(max_size=30), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
                    st.sampled_from(["city", "county", "district", "charter", "none", "standard_uniform",
                                     "services_agreement", "joint_powers_agreement", "general_fund", "annual_amount",
                                     "agency", "school", "2026-09-01", "9999", "", " "]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(KEYS, inner, max_size=4)), max_leaves=12)


def check_spec_text(text: str) -> None:
    from contractgen import yamlfile
    from contractgen.validation import validate_data

    try:
        data, source = yamlfile.loads(text, "fuzz.yaml")
        validated = validate_data(data, source)
        assert validated.contract is not None
    except ContractgenError as exc:
        text = str(exc)
        assert text.strip(), "an empty error message"


def _set_path(data, path, value):
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paths(v, prefix + (i,))


SPEC_PATHS = [p for p in _paths(MINIMAL) if p]


@FUZZ
@given(edits=st.lists(st.tuples(st.sampled_from(SPEC_PATHS), VALUES), min_size=1, max_size=5),
       extra=st.dictionaries(KEYS, VALUES, max_size=2))
def test_mutated_specs_validate_or_refuse(edits, extra):
    data = copy.deepcopy(MINIMAL)
    for path, value in edits:
        try:
            _set_path(data, path, value)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier edit replaced an ancestor
    data.update(extra)
    check_spec_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


@FUZZ
@given(st.dictionaries(KEYS, VALUES, max_size=6))
def test_random_mappings_validate_or_refuse(data):
    check_spec_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


# YAML-ish token soup, including what a 3,000-example campaign once broke: '<<' merge keys, NUL, and
# !!int / !!float / !!bool / !!timestamp tags on values PyYAML cannot build ('!!int :').
TOKENS = st.sampled_from(["a", "agency", "school", "term", ":", ": ", " ", "  ", "\n", "- ", "[", "]", "{", "}", ",",
                          "&x ", "*x", "!!str ", "!!null ", "!!binary ", "!!set ", "!!omap ", "'", '"',
                          "#", "\t", "? ", "|", ">", "2026-02-30", "2026-09-01", "1e309", "0x1F", "~", "null",
                          "yes", "\u00e9", "\ufeff", "---", "...", "%YAML 1.1\n", "!local ", "kind", "city",
                          "<<", "\x00", "!!int ", "!!float ", "!!bool ", "!!timestamp "])


@FUZZ
@given(st.lists(TOKENS, max_size=40).map("".join))
def test_yaml_token_soup_loads_or_refuses(text):
    check_spec_text(text)
