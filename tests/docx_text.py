"""A minimal reader for tests: the paragraphs of a .docx body, straight from the XML."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def part_xml(path: Path, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def paragraphs(path: Path, name: str = "word/document.xml") -> list[str]:
    """Text of each paragraph, tabs as spaces, in document order."""
    root = part_xml(path, name)
    result = []
    for p in root.iter(f"{{{W}}}p"):
        pieces = []
        for node in p.iter(f"{{{W}}}t", f"{{{W}}}tab"):
            pieces.append(node.text or "" if node.tag == f"{{{W}}}t" else " ")
        result.append("".join(pieces))
    return result


def text(path: Path) -> str:
    return "\n".join(paragraphs(path))


def styles_used(path: Path) -> set[str]:
    root = part_xml(path)
    return {el.get(f"{{{W}}}val") for el in root.iter(f"{{{W}}}pStyle")}
