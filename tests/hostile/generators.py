"""Generators of hostile inputs: damaged and malicious Word packages, YAML specs and templates.

Everything is made from bytes in code (starting, for Word packages, from a real contract built by
`contractgen build examples/minimal.yaml`), so no binary fixture is committed. Large members are
streamed through zipfile so the tests themselves stay light.
"""
from __future__ import annotations

import random
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MB = 1024 * 1024

Entries = list[tuple[str, bytes]]


# -- zip helpers -------------------------------------------------------------------------------------

def read_entries(path: Path) -> Entries:
    with zipfile.ZipFile(path) as zf:
        return [(info.filename, zf.read(info)) for info in zf.infolist()]


def write_zip(path: Path, entries: Entries, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """(name, bytes) pairs as a zip, in order; duplicate names are written as given."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names, which some cases want
        with zipfile.ZipFile(path, "w", compression) as zf:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = compression
                zf.writestr(info, data)
    return path


def edited(entries: Entries, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = (),
           add: Entries = ()) -> Entries:
    replace = replace or {}
    return [(n, replace.get(n, d)) for n, d in entries if n not in drop] + list(add)


def stream_member(path: Path, entries: Entries, name: str, size: int, byte: bytes = b"\0") -> Path:
    """The entries plus one deflated member of `size` copies of `byte`, streamed 1 MB at a time."""
    write_zip(path, entries)
    with zipfile.ZipFile(path, "a") as zf:
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED  # a bare ZipInfo defaults to STORED: 200 MB on disk
        chunk = byte * MB
        with zf.open(info, "w", force_zip64=True) as out:
            left = size
            while left > 0:
                out.write(chunk[: min(left, MB)])
                left -= MB
    return path


def document_xml(body: bytes, prolog: bytes = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>') -> bytes:
    return prolog + f'<w:document xmlns:w="{W_MAIN}"><w:body>'.encode() + body + b"</w:body></w:document>"


def paragraph(text: str) -> bytes:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'.encode()


def ole_file(tail: bytes = b"", size: int = 8192, seed: int = 7) -> bytes:
    """An OLE compound-file header and filler (a legacy .doc, or an encrypted .docx with `tail`)."""
    rng = random.Random(seed)
    filler = bytes(rng.randrange(256) for _ in range(size))
    return OLE_MAGIC + filler[: size // 2] + tail + filler[size // 2:]


# -- XML attacks ---------------------------------------------------------------------------------------

PASSWD = Path("/etc/passwd")


def passwd_marker() -> str | None:
    """A line of /etc/passwd that must never show up in any output (None if the file is absent)."""
    try:
        lines = [ln for ln in PASSWD.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return None
    return lines[0] if lines else None


def with_doctype(doc: bytes, doctype: bytes) -> bytes:
    """`doc` with `doctype` inserted after its XML declaration."""
    end = doc.index(b"?>") + 2
    return doc[:end] + doctype + doc[end:]


def xxe_document() -> bytes:
    dtd = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return with_doctype(document_xml(b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>"), dtd)


def billion_laughs_document() -> bytes:
    ents = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    dtd = ("<!DOCTYPE w:document [" + "".join(ents) + "]>").encode()
    return with_doctype(document_xml(b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"), dtd)


def nested_tables(depth: int) -> bytes:
    inner = paragraph("The School Resource Officer")
    for _ in range(depth):
        inner = b"<w:tbl><w:tr><w:tc>" + inner + b"</w:tc></w:tr></w:tbl><w:p/>"
    return document_xml(inner)


def many_runs(count: int) -> bytes:
    return document_xml(b"<w:p>" + b"<w:r><w:t xml:space=\"preserve\">a </w:t></w:r>" * count + b"</w:p>")


def big_document(size: int) -> bytes:
    para = paragraph("The School Resource Officer shall provide services to the District as described here. ")
    return document_xml(para * (size // len(para)))


# -- the Word cases ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DocCase:
    """A hostile Word input. `words` appear in the refusal; `readable` cases are read (exit 0/1)."""

    name: str
    make: Callable[[Entries, Path], None]
    words: tuple[str, ...] = ()
    readable: bool = False
    heavy: bool = False
    suffix: str = ".docx"
    lenient: tuple[str, ...] = ()  # commands that may read it instead (see the case)


def _bytes(data: bytes | Callable[[], bytes]) -> Callable[[Entries, Path], None]:
    return lambda base, path: path.write_bytes(data() if callable(data) else data)


def _zip(replace=None, drop=(), add=(), compression=zipfile.ZIP_DEFLATED) -> Callable[[Entries, Path], None]:
    def make(base: Entries, path: Path) -> None:
        write_zip(path, edited(base, replace() if callable(replace) else replace, drop, add), compression)
    return make


def _truncated(base: Entries, path: Path) -> None:
    write_zip(path, base)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])


def _encrypted_member_flag(base: Entries, path: Path) -> None:
    """A zip whose entries claim traditional PKWARE encryption (general-purpose flag bit 0)."""
    write_zip(path, base)
    data = bytearray(path.read_bytes())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = 0
        while (pos := data.find(sig, pos)) >= 0:
            data[pos + flag_at] |= 0x01
            pos += 4
    path.write_bytes(bytes(data))


def _bomb(size: int, name: str = "word/media/zeros.bin") -> Callable[[Entries, Path], None]:
    return lambda base, path: stream_member(path, base, name, size)


def _random_bytes() -> bytes:
    data = random.Random(1234).randbytes(64 * 1024)
    return b"\x7f" + data[1:]  # never a zip, OLE, RTF or PDF signature by accident


DOC = "word/document.xml"
RELS = "word/_rels/document.xml.rels"
ESCAPING_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/relationships"><Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                 b'officeDocument/2006/relationships/styles" Target="../../../../etc/passwd"/></Relationships>')

def _xxe_content_types(base: Entries, path: Path) -> None:
    ct = dict(base)["[Content_Types].xml"]
    dtd = b'<!DOCTYPE Types [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    ct = with_doctype(ct, dtd).replace(b"</Types>", b'<Default Extension="x" ContentType="&xxe;"/></Types>')
    write_zip(path, edited(base, {"[Content_Types].xml": ct}))


DOC_CASES: list[DocCase] = [
    DocCase("empty", _bytes(b""), ("empty",)),
    DocCase("random-bytes", _bytes(_random_bytes), ("not a Word document",)),
    DocCase("truncated-zip", _truncated, ("damaged", "truncated")),
    DocCase("no-document-xml", _zip(drop=(DOC,)), ("no Word main document part",)),
    DocCase("no-content-types", _zip(drop=("[Content_Types].xml",)), ("[Content_Types].xml",)),
    DocCase("legacy-doc", _bytes(lambda: ole_file()), ("legacy", ".doc"), suffix=".doc"),
    DocCase("ole-encrypted-docx", _bytes(lambda: ole_file("EncryptedPackage".encode("utf-16-le"))), ("encrypted",)),
    DocCase("zip-encryption-flag", _encrypted_member_flag, ("encrypted",)),
    DocCase("rtf-renamed", _bytes(b"{\\rtf1\\ansi School Resource Officer}"), ("RTF",)),
    DocCase("pdf-renamed", _bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), ("PDF",)),
    DocCase("doctype", _zip({DOC: with_doctype(document_xml(paragraph("x")), b"<!DOCTYPE w:document>")}),
            ("DOCTYPE",)),
    DocCase("billion-laughs", _zip({DOC: billion_laughs_document()}), ("DOCTYPE",)),
    DocCase("xxe-etc-passwd", _zip({DOC: xxe_document()}), ("DOCTYPE",)),
    DocCase("xxe-in-content-types", _xxe_content_types, ("DOCTYPE",)),
    DocCase("xxe-utf16", _zip({DOC: xxe_document().replace(b'encoding="UTF-8"', b'encoding="UTF-16"')
                                .decode().encode("utf-16")}), ("DOCTYPE",)),
    DocCase("dotdot-entry", _zip(add=[("word/../../evil.xml", b"<x/>")]), ("'..'",)),
    DocCase("absolute-entry", _zip(add=[("/etc/evil.xml", b"<x/>")]), ("absolute path",)),
    DocCase("drive-letter-entry", _zip(add=[("C:/evil.xml", b"<x/>")]), ("absolute path",)),
    DocCase("duplicate-entry", _zip(add=[(DOC, document_xml(paragraph("second copy")))]), ("duplicated entry",)),
    DocCase("case-duplicate-entry", _zip(add=[(DOC.upper(), document_xml(paragraph("x")))]), ("duplicated entry",)),
    # lint refuses it; compare reads NEW through EditablePackage.rels, which ignores a target that leaves the
    # package instead of refusing it (nothing outside the zip is read): accepted there, reported to the lead.
    DocCase("rels-escape-package", _zip({RELS: ESCAPING_RELS}), ("leaves the package",), lenient=("compare-new",)),
    DocCase("invalid-utf8", _zip({DOC: document_xml(b"<w:p><w:r><w:t>caf\xe9 \xff\xfe</w:t></w:r></w:p>")}),
            ("not well-formed",)),
    DocCase("not-xml-main-part", _zip({DOC: bytes(range(256)) * 4}), ("not well-formed",)),
    DocCase("zip-bomb-200mb", _bomb(200 * MB), ("zip bomb",), heavy=True),
    DocCase("zip-bomb-ratio", _bomb(20 * MB), ("zip bomb", "times"), heavy=True),
    DocCase("million-runs-deflated", _zip({DOC: many_runs(1_000_000)}), ("zip bomb",), heavy=True),
    DocCase("tables-nested-300", _zip({DOC: nested_tables(300)}), ("not well-formed",)),
    # legitimately readable documents: exit 0/1, never a crash
    DocCase("docm-vba", _zip(add=[("word/vbaProject.bin", ole_file(size=2048))]), readable=True, suffix=".docm"),
    DocCase("tables-nested-50", _zip({DOC: nested_tables(50)}), readable=True),
    DocCase("million-runs-stored", _zip({DOC: many_runs(1_000_000)}, compression=zipfile.ZIP_STORED),
            readable=False, heavy=True),
]


# A 50 MB main part, stored: refused (the main part is capped at 20 MB), or read in time.
BIG_DOCUMENT = DocCase("document-xml-50mb", _zip({DOC: big_document(50 * MB)}, compression=zipfile.ZIP_STORED),
                       readable=True, heavy=True)

# A main part that is well-formed XML but not a Word document.
NOT_WORD_ROOT = DocCase("main-part-not-w-document", _zip({DOC: b'<?xml version="1.0"?><foo/>'}), readable=True)


# -- YAML specs ------------------------------------------------------------------------------------------

def alias_bomb() -> bytes:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    return ("\n".join(lines) + "\n").encode()


@dataclass(frozen=True)
class SpecCase:
    name: str
    data: Callable[[Path], bytes]  # given the folder, for cases that name a marker file
    words: tuple[str, ...]
    bug: str | None = None  # a known product bug (the case is xfail(strict=True))


SPEC_CASES: list[SpecCase] = [
    SpecCase("empty", lambda d: b"", ("empty",)),
    SpecCase("random-bytes", lambda d: _random_bytes()[:4096], ("not UTF-8",)),
    SpecCase("alias-bomb", lambda d: alias_bomb(), ("alias bomb",)),
    SpecCase("python-object-apply", lambda d: (f'agency: !!python/object/apply:os.system ["touch {d}/MARKER"]\n'
                                               ).encode(), ("unsupported YAML tag",)),
    SpecCase("python-name-tag", lambda d: b"agency: !!python/name:os.system\n", ("unsupported YAML tag",)),
    SpecCase("latin-1", lambda d: "agency:\n  name: Caf\u00e9\n".encode("latin-1"), ("not UTF-8",)),
    SpecCase("utf-16", lambda d: "agency: {kind: city}\n".encode("utf-16"), ("not UTF-8",)),
    SpecCase("tab-indent", lambda d: b"agency:\n\tkind: city\n", ("tabs",)),
    SpecCase("top-level-list", lambda d: b"- agency\n- school\n", ("top level is a list",)),
    SpecCase("top-level-scalar", lambda d: b"just a sentence\n", ("top level is a single value",)),
    SpecCase("duplicate-keys", lambda d: b"agency: {kind: city}\nagency: {kind: county}\n", ("duplicate key",)),
    SpecCase("two-documents", lambda d: b"agency: {kind: city}\n---\nschool: {}\n", ("malformed YAML",)),
    SpecCase("too-large", lambda d: b"# " + b"x" * (5 * MB + 10) + b"\n", ("limit",)),
    SpecCase("deep-nesting", lambda d: b"agency: " + b"[" * 5000 + b"]" * 5000 + b"\n", ("YAML",)),
    SpecCase("bad-merge-key", lambda d: b"<<: [1, 2]\nagency: {kind: city}\n", ("merg",)),
    SpecCase("nul-character", lambda d: b"agency:\n  name: a\x00b\n", ("character",)),
]
# Explicitly tagged scalars PyYAML cannot build: yamlfile._convert catches only ConstructorError and ValueError
# around construct_object, so IndexError / KeyError / AttributeError escape as exit 3 (found by test_fuzz.py).
_TAG_BUG = "an explicitly tagged scalar PyYAML cannot build raises {} in construct_object; yamlfile._convert " \
           "catches only ConstructorError/ValueError: exit 3 'internal error'"
SPEC_CASES += [
    SpecCase("tagged-empty-int", lambda d: b'agency: !!int ""\n', ("agency",)),
    SpecCase("tagged-empty-float", lambda d: b"agency: !!float\n", ("agency",)),
    SpecCase("tagged-bad-bool", lambda d: b'agency: !!bool "maybe"\n', ("agency",)),
    SpecCase("tagged-bad-timestamp", lambda d: b'agency: !!timestamp "never"\n', ("agency",)),
]
