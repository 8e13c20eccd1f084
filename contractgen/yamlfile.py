"""Safe YAML loading that remembers where every value came from.

Attorneys fix specs by line number, so each value keeps its `line:col`. The loader accepts plain
data only: no Python tags, no duplicate keys (YAML silently keeps the last one), no alias bombs,
UTF-8 only, and a mapping at the top.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, SequenceNode

from contractgen.errors import ContractgenError

MAX_NODES = 100_000
MAX_DEPTH = 50
MAX_BYTES = 5 * 1024 * 1024

Path_ = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Line and column (1-based) of each value, keyed by its path in the document."""

    file: str
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that exists (for a missing field)."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


class YamlError(ContractgenError):
    """A YAML file that is not plain, well-formed data; the message starts with `file:line:col:`."""


def _fail(file: str, line: int, col: int, message: str) -> YamlError:
    return YamlError(f"{file}:{line}:{col}: {message}")


def read_text(path: Path, label: str) -> str:
    """The file's text, refusing what is too large or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(label, 1, 1, f"file is {size} bytes, more than the {MAX_BYTES}-byte limit for a spec")
        data = path.read_bytes()
    except IsADirectoryError:
        raise ContractgenError("is a directory, not a YAML file", label) from None
    except FileNotFoundError:
        raise ContractgenError("no such file", label) from None
    except PermissionError:
        raise ContractgenError("permission denied", label) from None
    except OSError as exc:
        raise ContractgenError(f"cannot read: {exc.strerror or exc}", label) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(label, line, col, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8") from None


def load(path: Path, label: str | None = None) -> tuple[dict[str, Any], SourceMap]:
    """Parse a YAML mapping from `path`; returns the data and its source map."""
    label = label or str(path)
    return loads(read_text(path, label), label)


def load_trusted(path: Path) -> Any:
    """Our own bundled data (catalog, clause library): parsed with libyaml when available, since
    it is read on every run; tests check these files with the strict loader above."""
    text = read_text(path, str(path))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise YamlError(f"{path}: malformed YAML: {exc}") from None


def loads(text: str, label: str) -> tuple[dict[str, Any], SourceMap]:
    """Parse a YAML mapping from `text` (named `label` in messages)."""
    bad = next((i for i, ch in enumerate(text) if ch == "\x00"), None)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        raise _fail(label, line, bad - text.rfind("\n", 0, bad), "contains a NUL character; a spec is plain text")
    try:
        loader = yaml.SafeLoader(text)
    except yaml.YAMLError as exc:
        raise _fail(label, 1, 1, f"malformed YAML: {exc}") from None
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "malformed YAML"
        if "\t" in problem or "\\t" in problem or "tab" in problem:
            problem += " (YAML does not allow tabs for indentation; use spaces)"
        raise _fail(label, line, col, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise _fail(label, 1, 1, f"malformed YAML: {exc}") from None
    except RecursionError:
        raise _fail(label, 1, 1, "nested too deeply; a spec is a few levels of mappings and lists") from None
    finally:
        loader.dispose()
    if root is None:
        raise _fail(label, 1, 1, "the file is empty; a spec is a YAML mapping (see `contractgen init`)")
    if not isinstance(root, MappingNode):
        line, col = root.start_mark.line + 1, root.start_mark.column + 1
        kind = "a list" if isinstance(root, SequenceNode) else "a single value"
        raise _fail(label, line, col, f"the top level is {kind}; a spec must be a YAML mapping of fields")
    source = SourceMap(label)
    budget = [MAX_NODES]
    try:
        data = _convert(root, (), source, loader, budget)
    except RecursionError:
        raise _fail(label, 1, 1, "nested too deeply; a spec is a few levels of mappings and lists") from None
    return data, source


def _convert(node: Node, path: Path_, source: SourceMap, loader: yaml.SafeLoader, budget: list[int]) -> Any:
    """Build plain Python data from a node, recording positions and enforcing the limits."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _fail(source.file, node.start_mark.line + 1, node.start_mark.column + 1,
                    f"more than {MAX_NODES} values (an alias bomb?); a spec is much smaller")
    source.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if len(path) > MAX_DEPTH:
        raise _fail(source.file, node.start_mark.line + 1, node.start_mark.column + 1,
                    f"nested more than {MAX_DEPTH} levels deep; a spec is a few levels of mappings and lists")
    if isinstance(node, MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            raise _unsupported_tag(node, source)
        try:
            loader.flatten_mapping(node)
        except yaml.YAMLError:
            raise _fail(source.file, node.start_mark.line + 1, node.start_mark.column + 1,
                        "invalid merge key (<<); a spec does not need merge keys") from None
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path + ("<key>",), source, loader, budget)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                raise _fail(source.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                            f"a key must be a plain name, not {type(key).__name__}")
            key = str(key)
            if key in result:
                raise _fail(source.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                            f"duplicate key {key!r} (YAML would silently keep only the last one)")
            source.positions[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _convert(value_node, path + (key,), source, loader, budget)
        source.positions.pop(path + ("<key>",), None)
        return result
    if isinstance(node, SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise _unsupported_tag(node, source)
        return [_convert(item, path + (i,), source, loader, budget) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ConstructorError:
        raise _unsupported_tag(node, source) from None
    except Exception as exc:  # noqa: BLE001 - PyYAML raises ValueError, IndexError, KeyError... for odd scalars
        # e.g. a date like 2026-02-30, or `!!int ""`, which PyYAML recognizes but cannot build
        raise _fail(source.file, node.start_mark.line + 1, node.start_mark.column + 1,
                    f"{_where(path)}invalid value {node.value!r} ({type(exc).__name__})") from None


def _where(path: Path_) -> str:
    return ".".join(str(p) for p in path) + ": " if path else ""


def _unsupported_tag(node: Node, source: SourceMap) -> YamlError:
    return _fail(source.file, node.start_mark.line + 1, node.start_mark.column + 1,
                 f"unsupported YAML tag {node.tag!r}; a spec holds plain text, numbers, dates, lists and mappings")
