"""The safe-open layer of the Word reader: hostile, damaged and unusual packages.

Fixtures are generated in tmp_path from a real small .docx written by python-docx; the corpus walk
uses ../shared/corpus and skips when that folder is absent.
"""
from __future__ import annotations

import csv
import os
import struct
import warnings
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from contractgen.errors import ContractgenError
from contractgen.ooxml.package import MAX_MEMBER_BYTES, MAX_TOTAL_BYTES, MB, PackageError, WordPackage, open_package

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_OFFICE_DOC = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"


# -- helpers -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def base_docx(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("base") / "base.docx"
    document = docx.Document()
    document.add_heading("Services Agreement", level=1)
    document.add_paragraph("The Supplier shall provide the Services.")
    document.save(path)
    return path


def members(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def write_zip(path: Path, entries, compression=zipfile.ZIP_DEFLATED) -> Path:
    """Write (name, bytes) pairs as a zip; duplicates are written as given."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names, which we want on purpose
        with zipfile.ZipFile(path, "w", compression) as zf:
            for name, data in entries:
                zf.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, compress_type=compression)
    return path


def rebuild(base: Path, dst: Path, *, drop=(), replace=None, add=(), compression=zipfile.ZIP_DEFLATED) -> Path:
    replace = replace or {}
    entries = [(info.filename, replace.get(info.filename, data)) for info, data in members(base)
               if info.filename not in drop]
    return write_zip(dst, entries + list(add), compression)


def assert_refused(path: Path, *words: str) -> PackageError:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(PackageError) as caught:
        pkg = open_package(path)
        pkg.xml(pkg.main_part)
    err = caught.value
    text = str(err)
    assert isinstance(err, ContractgenError)
    assert "\n" not in text and "Traceback" not in text
    assert text.startswith(f"{path}: "), text
    for word in words:
        assert word in text, text
    if before is not None:
        assert path.read_bytes() == before, "the input file was changed"
    return err


def patch_sizes(path: Path, member: str, *, file_size: int) -> None:
    """Make the local header and the central directory lie about one member's uncompressed size."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    pos = 0
    while True:
        local = data.find(b"PK\x03\x04", pos)
        assert local >= 0
        name_len = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30:local + 30 + name_len] == name:
            struct.pack_into("<I", data, local + 22, file_size)
            break
        pos = local + 4
    pos = 0
    while True:
        central = data.find(b"PK\x01\x02", pos)
        assert central >= 0
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_len] == name:
            struct.pack_into("<I", data, central + 24, file_size)
            break
        pos = central + 4
    path.write_bytes(bytes(data))


# -- valid packages ----------------------------------------------------------------------------------

def test_plain_docx_opens(base_docx):
    before = base_docx.read_bytes()
    pkg = open_package(base_docx)
    assert isinstance(pkg, WordPackage)
    assert pkg.path == str(base_docx)
    assert pkg.main_part == "word/document.xml"
    assert not pkg.strict and not pkg.macro_enabled
    root = pkg.xml(pkg.main_part)
    assert root.tag == f"{{{W_MAIN}}}document"
    assert "Services Agreement" in "".join(root.itertext())
    assert pkg.read("word/document.xml").lstrip().startswith(b"<?xml")
    rels = pkg.rels(pkg.main_part)
    assert any(target == "word/styles.xml" and mode == "Internal" for _, target, mode in rels.values())
    assert pkg.rels("")  # package relationships
    assert pkg.rels("word/styles.xml") == {}  # no rels part -> no relationships
    assert base_docx.read_bytes() == before


def test_main_part_found_through_package_rels(base_docx, tmp_path):
    parts = dict((info.filename, data) for info, data in members(base_docx))
    rels = parts["_rels/.rels"].replace(b'Target="word/document.xml"', b'Target="/word/main_body.xml"')
    ct = parts["[Content_Types].xml"].replace(b"/word/document.xml", b"/word/main_body.xml")
    assert rels != parts["_rels/.rels"] and ct != parts["[Content_Types].xml"]
    doc_rels = parts.pop("word/_rels/document.xml.rels")
    entries = [(n, d) for n, d in parts.items() if n not in ("word/document.xml", "_rels/.rels", "[Content_Types].xml")]
    entries += [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/main_body.xml", parts["word/document.xml"]),
                ("word/_rels/main_body.xml.rels", doc_rels)]
    path = write_zip(tmp_path / "renamed.docx", entries)
    pkg = open_package(path)
    assert pkg.main_part == "word/main_body.xml"
    assert pkg.xml(pkg.main_part).tag == f"{{{W_MAIN}}}document"
    targets = {target for _, target, _ in pkg.rels(pkg.main_part).values()}
    assert "word/styles.xml" in targets


def test_relationship_targets_resolve_relative_to_the_part(base_docx, tmp_path):
    rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            b'2006/relationships"><Relationship Id="rId1" Type="t/custom" Target="../customXml/item1.xml"/>'
            b'<Relationship Id="rId2" Type="t/link" Target="https://example.com/a" TargetMode="External"/>'
            b'<Relationship Id="rId3" Type="t/img" Target="media/image%201.png"/></Relationships>')
    path = rebuild(base_docx, tmp_path / "rels.docx", replace={"word/_rels/document.xml.rels": rels})
    pkg = open_package(path)
    assert pkg.rels("word/document.xml") == {
        "rId1": ("t/custom", "customXml/item1.xml", "Internal"),
        "rId2": ("t/link", "https://example.com/a", "External"),
        "rId3": ("t/img", "word/media/image 1.png", "Internal"),
    }


def test_strict_relationship_type_marks_strict(base_docx, tmp_path):
    parts = {info.filename: data for info, data in members(base_docx)}
    rels = parts["_rels/.rels"].replace(OFFICE_DOC.encode(), STRICT_OFFICE_DOC.encode())
    path = rebuild(base_docx, tmp_path / "strict.docx", replace={"_rels/.rels": rels})
    pkg = open_package(path)
    assert pkg.strict and pkg.main_part == "word/document.xml"


def test_macro_enabled_package_is_read_and_reported(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "macros.docm", add=[("word/vbaProject.bin", b"\x00" * 64)])
    pkg = open_package(path)
    assert pkg.macro_enabled
    assert pkg.xml(pkg.main_part) is not None


def test_missing_main_relationship_falls_back_to_word_document_xml(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "norels.docx", drop={"_rels/.rels"})
    assert open_package(path).main_part == "word/document.xml"


# -- refusals: not a zip at all -----------------------------------------------------------------------

def test_empty_file(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert_refused(path, "is empty")


def test_not_a_zip(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("Just some text that someone renamed to .docx\n")
    assert_refused(path, "is not a Word document (not a zip file)")


OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def test_legacy_doc(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(OLE_HEADER + "WordDocument".encode("utf-16-le") + b"\x00" * 1024)
    assert_refused(path, "legacy Word 97-2003 .doc", "save it as .docx")


def test_encrypted_ole_container(tmp_path):
    path = tmp_path / "secret.docx"
    path.write_bytes(OLE_HEADER + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
                     + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024)
    assert_refused(path, "is encrypted (password-protected)", "remove the password")


# -- refusals: damaged zips ---------------------------------------------------------------------------

def test_truncated_zip(base_docx, tmp_path):
    path = tmp_path / "truncated.docx"
    path.write_bytes(base_docx.read_bytes()[: base_docx.stat().st_size // 2])
    assert_refused(path, "is damaged", "truncated")


def test_corrupt_central_directory(base_docx, tmp_path):
    data = bytearray(base_docx.read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central:central + 4] = b"XX\x01\x02"
    path = tmp_path / "badcd.docx"
    path.write_bytes(bytes(data))
    assert_refused(path, "is damaged")


def test_crc_error_in_any_member(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "crc.docx", compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("word/styles.xml")
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len + 200
    data[start] = ord("#") if data[start] != ord("#") else ord("%")
    path.write_bytes(bytes(data))
    assert_refused(path, "is damaged", "word/styles.xml", "CRC")


def test_encrypted_zip_entries_are_refused(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "zipcrypto.docx")
    data = bytearray(path.read_bytes())
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:  # set the "encrypted" flag bit in the central directory
        data[pos + 8] |= 0x01
        pos += 4
    path.write_bytes(bytes(data))
    assert_refused(path, "is encrypted")


# -- refusals: not a Word package ---------------------------------------------------------------------

def test_missing_content_types(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "noct.docx", drop={"[Content_Types].xml"})
    assert_refused(path, "[Content_Types].xml")


def test_no_main_document_part(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "nomain.docx", drop={"word/document.xml", "word/_rels/document.xml.rels"})
    assert_refused(path, "has no Word main document part")


def test_plain_zip_is_not_a_word_document(tmp_path):
    path = write_zip(tmp_path / "archive.docx", [("readme.txt", b"hello")])
    assert_refused(path, "[Content_Types].xml")


# -- refusals: zip bombs ------------------------------------------------------------------------------

def test_total_size_bomb(base_docx, tmp_path):
    each = 70 * MB
    assert 3 * each > MAX_TOTAL_BYTES and each < MAX_MEMBER_BYTES
    path = rebuild(base_docx, tmp_path / "bomb_total.docx",
                   add=[(f"word/media/pad{i}.bin", bytes(each)) for i in range(3)])
    assert path.stat().st_size < 2 * MB
    assert_refused(path, f"expands to more than {MAX_TOTAL_BYTES // MB} MB (possible zip bomb)")


def test_single_member_bomb(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "bomb_member.docx",
                   add=[("word/media/big.bin", bytes(MAX_MEMBER_BYTES + 1))])
    assert_refused(path, "word/media/big.bin", f"more than {MAX_MEMBER_BYTES // MB} MB", "zip bomb")


def test_compression_ratio_bomb(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "bomb_ratio.docx", add=[("word/media/zeros.bin", bytes(3 * MB))])
    assert_refused(path, "word/media/zeros.bin", "times (possible zip bomb)")


def test_small_highly_compressible_members_are_fine(base_docx, tmp_path):
    # The ratio rule only applies to members over 1 MB; a 900 kB run of spaces is ordinary XML padding.
    path = rebuild(base_docx, tmp_path / "padded.docx", add=[("customXml/pad.xml", b" " * (900 * 1024))])
    assert open_package(path).main_part == "word/document.xml"


def test_lying_header_cannot_bypass_the_caps(base_docx, tmp_path):
    # The headers claim 1000 bytes; the data inflates to 8 MB. Only the declared amount is ever produced, and
    # the mismatch is reported as damage.
    path = rebuild(base_docx, tmp_path / "liar.docx", add=[("word/media/liar.bin", bytes(8 * MB))])
    patch_sizes(path, "word/media/liar.bin", file_size=1000)
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("word/media/liar.bin").file_size == 1000
    assert_refused(path, "is damaged", "word/media/liar.bin")


def test_header_claiming_more_than_the_data_holds(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "short.docx", add=[("word/media/short.bin", b"abc" * 1000)])
    patch_sizes(path, "word/media/short.bin", file_size=900_000)
    assert_refused(path, "is damaged", "word/media/short.bin")


# -- refusals: hostile names --------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["/etc/evil.xml", "../evil.xml", "word/../../evil.xml", "word\\..\\evil.xml",
                                  "C:/evil.xml"])
def test_unsafe_member_names(base_docx, tmp_path, name):
    path = rebuild(base_docx, tmp_path / "names.docx", add=[(name, b"<x/>")])
    assert_refused(path, "has an entry", repr(name))


def test_duplicate_member_names(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "dup.docx",
                   add=[("word/document.xml", b'<?xml version="1.0"?><w:document xmlns:w="%s"/>' % W_MAIN.encode())])
    with zipfile.ZipFile(path) as zf:
        assert [i.filename for i in zf.infolist()].count("word/document.xml") == 2
    assert_refused(path, "duplicated entry", "word/document.xml")


def test_duplicate_member_names_differing_only_in_case(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "dupcase.docx", add=[("Word/Document.xml", b"<x/>")])
    assert_refused(path, "duplicated entry")


# -- refusals: hostile or broken XML ------------------------------------------------------------------

XXE = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [\n'
       b'<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
       b'<w:document xmlns:w="' + W_MAIN.encode() + b'"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
       b'</w:body></w:document>')
LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
          b'<w:document xmlns:w="' + W_MAIN.encode() + b'"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>'
          b'</w:body></w:document>')
DOCTYPE_ONLY = (b'<?xml version="1.0"?>\n<!DOCTYPE w:document SYSTEM "http://example.com/x.dtd">\n'
                b'<w:document xmlns:w="' + W_MAIN.encode() + b'"><w:body/></w:document>')


@pytest.mark.parametrize("payload", [XXE, LAUGHS, DOCTYPE_ONLY], ids=["external-entity", "billion-laughs", "doctype"])
def test_doctype_in_main_part(base_docx, tmp_path, payload):
    path = rebuild(base_docx, tmp_path / "xxe.docx", replace={"word/document.xml": payload})
    assert_refused(path, "contains a DOCTYPE / entity declaration in word/document.xml, which is not allowed")


def test_doctype_in_utf16_part(base_docx, tmp_path):
    payload = XXE.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode().encode("utf-16")
    path = rebuild(base_docx, tmp_path / "xxe16.docx", replace={"word/document.xml": payload})
    assert_refused(path, "DOCTYPE")


def test_doctype_in_another_part_is_refused_when_that_part_is_parsed(base_docx, tmp_path):
    path = rebuild(base_docx, tmp_path / "xxe_styles.docx", replace={"word/styles.xml": XXE})
    before = path.read_bytes()
    pkg = open_package(path)
    with pytest.raises(PackageError, match="DOCTYPE / entity declaration in word/styles.xml"):
        pkg.xml("word/styles.xml")
    assert path.read_bytes() == before


def test_doctype_in_package_rels_is_refused(base_docx, tmp_path):
    rels = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "word/document.xml">]>'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="' + OFFICE_DOC.encode() + b'" Target="&e;"/></Relationships>')
    path = rebuild(base_docx, tmp_path / "xxe_rels.docx", replace={"_rels/.rels": rels})
    assert_refused(path, "DOCTYPE / entity declaration in _rels/.rels")


def test_malformed_xml_names_member_and_line(base_docx, tmp_path):
    payload = (b'<?xml version="1.0"?>\n<w:document xmlns:w="' + W_MAIN.encode() + b'">\n<w:body>\n'
               b'<w:p><w:r><w:t>unclosed</w:r></w:p>\n</w:body></w:document>')
    path = rebuild(base_docx, tmp_path / "broken.docx", replace={"word/document.xml": payload})
    err = assert_refused(path, "word/document.xml", "line 4", "not well-formed XML")
    assert err.path == str(path)


def test_unknown_member_is_a_package_error(base_docx):
    with pytest.raises(PackageError, match="has no part named word/nothing.xml"):
        open_package(base_docx).read("word/nothing.xml")


def test_part_names_are_case_insensitive(base_docx):
    pkg = open_package(base_docx)
    assert pkg.read("WORD/Document.xml") == pkg.read("word/document.xml")


# -- refusals: filesystem -----------------------------------------------------------------------------

def test_missing_file(tmp_path):
    assert_refused(tmp_path / "nope.docx", "does not exist")


def test_directory(tmp_path):
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    assert_refused(folder, "is a directory")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permission bits do not apply to root")
def test_unreadable_file(base_docx, tmp_path):
    path = tmp_path / "locked.docx"
    path.write_bytes(base_docx.read_bytes())
    path.chmod(0)
    try:
        assert_refused(path, "permission denied")
    finally:
        path.chmod(0o644)


# -- the shared corpus --------------------------------------------------------------------------------

def _corpus_reason() -> str | None:
    if not CORPUS.is_dir():
        return f"the shared corpus is absent ({CORPUS} not found); these tests need the ../shared checkout"
    return None


def _readable_files() -> list:
    if _corpus_reason():
        return [pytest.param(None, id="corpus-absent")]
    files = sorted(CORPUS.glob("*.docx"))
    for sub in ("edge", "revisions", "compare"):
        files += sorted(p for p in (CORPUS / sub).iterdir() if p.suffix.lower() == ".docx")
    return [pytest.param(p, id=str(p.relative_to(CORPUS))) for p in files]


def _malformed_rows() -> list:
    if _corpus_reason():
        return [pytest.param(None, None, id="corpus-absent")]
    with open(CORPUS / "malformed" / "NOTES.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [pytest.param(CORPUS / "malformed" / r["file"], r["expected"], id=r["file"]) for r in rows]


@pytest.mark.parametrize("path", _readable_files())
def test_corpus_file_opens(path):
    if path is None:
        pytest.skip(_corpus_reason())
    before = path.read_bytes()
    pkg = open_package(path)
    root = pkg.xml(pkg.main_part)
    assert etree.QName(root).localname == "document"
    assert pkg.strict == etree.QName(root).namespace.startswith("http://purl.oclc.org/ooxml/")
    pkg.rels(pkg.main_part)
    assert path.read_bytes() == before


def test_corpus_edge_expectations():
    if _corpus_reason():
        pytest.skip(_corpus_reason())
    edge = CORPUS / "edge"
    assert open_package(edge / "d2p__renamed_document_xml.docx").main_part == "word/blah_blah.xml"
    assert open_package(edge / "docx4j__HelloWordOnline.docx").main_part == "word/document22.xml"
    assert open_package(edge / "d2p__strict.docx").strict
    assert not open_package(edge / "mammothjs__utf8-bom.docx").strict


@pytest.mark.parametrize("path, expected", _malformed_rows())
def test_corpus_malformed(path, expected):
    if path is None:
        pytest.skip(_corpus_reason())
    assert expected in ("refuse", "read", "read-or-refuse"), expected
    before = path.read_bytes()
    try:
        pkg = open_package(path)
        pkg.xml(pkg.main_part)
    except PackageError as err:
        assert expected != "read", f"{path.name} must be read but was refused: {err}"
        text = str(err)
        assert path.name in text and "\n" not in text, text
    else:
        assert expected != "refuse", f"{path.name} must be refused but opened"
    assert path.read_bytes() == before


def test_corpus_malformed_messages():
    if _corpus_reason():
        pytest.skip(_corpus_reason())
    bad = CORPUS / "malformed"
    cases = {
        "poi__bug53475-password-is-pass.docx": "is encrypted",
        "poi__footnote.doc": "legacy Word 97-2003 .doc",
        "poi__truncated62886.docx": "truncated",
        "poi__clusterfuzz-testcase-minimized-POIXWPFFuzzer-6733884933668864.docx": "word/theme/theme1.xml fails its CRC",
        "poi__ExternalEntityInText.docx": "DOCTYPE / entity declaration in word/document.xml",
    }
    for name, words in cases.items():
        assert_refused(bad / name, words)
