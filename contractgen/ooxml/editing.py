"""A Word package held in memory for editing, written back deterministically.

The reader (`package.open_package`) is read-only and checks every limit; editing starts from it, so a
file we redline passed the same safety checks as a file we lint. XML parts are parsed on first use and
serialized again on save; parts nobody parsed are written back byte for byte, and every entry keeps its
original position, so a redline changes only what it has to.
"""
from __future__ import annotations

import posixpath
from datetime import datetime
from pathlib import Path

from lxml import etree

from contractgen.ooxml.namespaces import PKG_RELS, REL_BASES, W, W_STRICT, rel_type_name, w_namespace
from contractgen.ooxml.package import (CONTENT_TYPES, WordPackage, _rels_part, _resolve_target, write_package,
                                       open_package)

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


class EditablePackage:
    """All parts of a .docx in memory; XML parts parsed on demand and written back on save.

    It offers the reading interface `blocks.read_blocks` uses (`main_part`, `has`, `xml`, `rels`), so the
    edited document can be read again before it is written.
    """

    def __init__(self, source: WordPackage) -> None:
        self._source = source
        self.path = source.path
        self.main_part: str = source.main_part
        self.strict = source.strict
        self._order: list[str] = source.members()
        self._names: dict[str, str] = {name.casefold(): name for name in self._order}
        self._bytes: dict[str, bytes] = {}
        self._parsed: dict[str, etree._Element] = {}

    @classmethod
    def open(cls, path: Path) -> "EditablePackage":
        """Open through `open_package`, so every safety limit of the reader applies."""
        return cls(open_package(Path(path)))

    # -- reading ---------------------------------------------------------------------------------------
    def _real_name(self, member: str) -> str | None:
        return self._names.get(member.lstrip("/").casefold())

    def has(self, member: str) -> bool:
        return self._real_name(member) is not None

    def members(self) -> list[str]:
        return list(self._order)

    def read(self, member: str) -> bytes:
        name = self._real_name(member) or member
        if name in self._parsed:
            return _serialize(self._parsed[name])
        if name not in self._bytes:
            self._bytes[name] = self._source.read(name)
        return self._bytes[name]

    def xml(self, member: str) -> etree._Element:
        """The part's root element: parsed once (safely, by the reader), kept, and written back on save."""
        name = self._real_name(member)
        if name is None:
            raise KeyError(f"{self.path} has no part named {member}")
        root = self._parsed.get(name)
        if root is None:
            root = self._parsed[name] = self._source.xml(name)
        return root

    def rels(self, member: str) -> dict[str, tuple[str, str, str]]:
        """rId -> (type, target, mode) of `member`, internal targets resolved to member names (as the reader)."""
        rels_name = _rels_part(member)
        if not self.has(rels_name):
            return {}
        out = {}
        for rel in self.xml(rels_name).iter(f"{{{PKG_RELS}}}Relationship"):
            rid, rtype, target = rel.get("Id", ""), rel.get("Type", ""), rel.get("Target", "")
            mode = rel.get("TargetMode", "Internal")
            if mode != "External":
                resolved = _resolve_target(member.lstrip("/"), target)
                if resolved is None:
                    from contractgen.ooxml.package import PackageError
                    raise PackageError(f"has a relationship in {rels_name} whose target leaves the package "
                                       f"({target!r})", self.path)
                target = self._real_name(resolved) or resolved
            out[rid] = (rtype, target, mode)
        return out

    def related_part(self, short_type: str, source: str | None = None) -> str | None:
        """The first internal part `source` (default: the main part) relates to with this short type name."""
        for rtype, target, mode in self.rels(source or self.main_part).values():
            if rel_type_name(rtype) == short_type and mode != "External" and self.has(target):
                return self._real_name(target)
        return None

    # -- adding parts ----------------------------------------------------------------------------------
    def add_part(self, member: str, root: etree._Element, content_type: str | None = None) -> None:
        """A new XML part, appended after the existing entries; with `content_type`, its Override too."""
        if self.has(member):
            raise ValueError(f"{self.path} already has a part named {member}")
        self._order.append(member)
        self._names[member.casefold()] = member
        self._parsed[member] = root
        if content_type:
            types = self.xml(CONTENT_TYPES)
            override = etree.SubElement(types, f"{{{CT_NS}}}Override")
            override.set("PartName", "/" + member)
            override.set("ContentType", content_type)

    def relate(self, source: str, short_type: str, target_member: str) -> str:
        """Add a relationship from `source` to `target_member`; returns its new rId."""
        return self.add_relationship(source, REL_BASES[1 if self.strict else 0] + short_type, target_member)

    def add_relationship(self, source: str, rel_type: str, target: str, external: bool = False) -> str:
        """A new relationship of `source` (its .rels part created when missing), with the first free rId.
        `target` is a package member, or a URL when `external`."""
        rels_name = _rels_part(source)
        if not self.has(rels_name):
            self.add_part(rels_name, etree.Element(f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS}))
        rels = self.xml(rels_name)
        taken = {rel.get("Id") for rel in rels}
        number = len(taken) + 1
        while f"rId{number}" in taken:
            number += 1
        rid = f"rId{number}"
        rel = etree.SubElement(rels, f"{{{PKG_RELS}}}Relationship")
        rel.set("Id", rid)
        rel.set("Type", rel_type)
        if external:
            rel.set("Target", target)
            rel.set("TargetMode", "External")
        else:
            rel.set("Target", posixpath.relpath(target, posixpath.dirname(source) or "."))
        return rid

    def ensure_comments(self) -> etree._Element:
        """word/comments.xml's root; creates the part, its relationship from the main part and its
        content-type Override when the document has no comments yet."""
        existing = self.related_part("comments")
        if existing is not None:
            return self.xml(existing)
        folder = posixpath.dirname(self.main_part)
        name, number = posixpath.join(folder, "comments.xml"), 1
        while self.has(name):
            number += 1
            name = posixpath.join(folder, f"comments{number}.xml")
        ns = w_namespace(self.xml(self.main_part))
        root = etree.Element(f"{{{ns}}}comments", nsmap={"w": ns})
        self.add_part(name, root, COMMENTS_CONTENT_TYPE)
        self.relate(self.main_part, "comments", name)
        return root

    # -- writing ---------------------------------------------------------------------------------------
    def to_bytes(self, when: datetime | None) -> bytes:
        """The package as zip bytes: original entry order, new parts appended, fixed timestamps."""
        return write_package(((name, self.read(name)) for name in self._order), when)


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", standalone=True)


__all__ = ["EditablePackage", "COMMENTS_CONTENT_TYPE", "W", "W_STRICT"]
