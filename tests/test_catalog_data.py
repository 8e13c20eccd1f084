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
