"""XML namespaces of WordprocessingML and the `qn("w:p")` helper.

Word writes the Transitional namespaces; ISO/IEC 29500 Strict files use the purl.oclc.org ones for the
same elements. Readers pick the namespace of each part from its root element (`w_namespace`) so a
Strict file reads exactly like a Transitional one.
"""
from __future__ import annotations

from functools import lru_cache

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
M_STRICT = "http://purl.oclc.org/ooxml/officeDocument/math"
V = "urn:schemas-microsoft-com:vml"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Relationship types are "<base>/<name>"; Strict packages use the second base.
REL_BASES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/",
)

NSMAP = {"w": W, "r": R, "mc": MC, "m": M, "v": V, "wp": WP, "wps": WPS, "a": A}
STRICT_NSMAP = {**NSMAP, "w": W_STRICT, "r": R_STRICT, "m": M_STRICT}


@lru_cache(maxsize=None)
def qn(name: str, strict: bool = False) -> str:
    """Clark notation for a prefixed name: qn("w:p") -> "{http://...wordprocessingml/2006/main}p"."""
    prefix, _, local = name.partition(":")
    return f"{{{(STRICT_NSMAP if strict else NSMAP)[prefix]}}}{local}"


def w_namespace(root) -> str:
    """The WordprocessingML namespace a part uses: Strict when its root element is Strict, else Transitional."""
    tag = root.tag if isinstance(root.tag, str) else ""
    return W_STRICT if tag.startswith("{" + W_STRICT + "}") else W


def rel_type_name(rel_type: str) -> str | None:
    """The short name of a standard relationship type ("header", "footnotes", ...), for both bases; else None."""
    for base in REL_BASES:
        if rel_type.startswith(base):
            return rel_type[len(base):]
    return None
