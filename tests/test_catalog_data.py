"""The bundled data files are strict YAML: no duplicate keys (which libyaml would silently accept)."""
from __future__ import annotations

import pytest

from contractgen import catalog, yamlfile
from contractgen.resources import clauses_dir


@pytest.mark.parametrize("path", sorted(clauses_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_bundled_yaml_parses_strictly(path):
    data, _ = yamlfile.load(path)
    assert data


def test_catalog_holds_every_requirement_id_once_with_detection_and_examples():
    cat = catalog.load()
    assert len(cat.ids) == len(set(cat.ids)) == 32
    for req in cat.requirements:
        assert req.detect is not None and req.examples is not None, req.id
    assert catalog.detection_problems(cat) == []


def test_the_catalog_cache_is_never_read_stale(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    copy = tmp_path / "requirements.yaml"
    shutil.copy(clauses_dir() / "requirements.yaml", copy)
    first = catalog.load(copy)
    assert list((tmp_path / "cache" / "contractgen").glob("catalog-*.json"))
    copy.write_text(copy.read_text(encoding="utf-8").replace("title: Proper contracting parties",
                                                              "title: Proper parties (edited)"), encoding="utf-8")
    assert catalog.load(copy).get("PARTIES").title == "Proper parties (edited)" != first.get("PARTIES").title
