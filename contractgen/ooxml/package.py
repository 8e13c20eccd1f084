"""Deterministic writing of OOXML packages.

Word and LibreOffice do not care about zip entry timestamps, but attorneys diff and hash what we
write: the same input must give the same bytes, so every entry gets one fixed timestamp and the
entry order is kept exactly as the writer produced it.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from contractgen.errors import ContractgenError

# The zip format cannot store dates before 1980.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_timestamp(when: datetime | None) -> tuple[int, int, int, int, int, int]:
    """The zip date_time tuple for `when` (clamped to the zip epoch)."""
    if when is None or when.year < 1980:
        return ZIP_EPOCH
    return (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)


def normalize_package(data: bytes, when: datetime | None = None) -> bytes:
    """Rewrite a zip package with fixed timestamps, fixed permissions and deflate compression."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return write_package(((info.filename, src.read(info.filename)) for info in src.infolist()), when)


def write_package(entries, when: datetime | None = None) -> bytes:
    """A zip package of (name, bytes) entries in the given order, with fixed metadata."""
    stamp = zip_timestamp(when)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            dst.writestr(entry, data)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------
# Safe opening of Word packages (the reader's first line of defence).
#
# Everything here treats the input as hostile: sizes are checked from the central directory before
# anything is decompressed, and the bytes actually produced are counted too, so a lying header cannot
# get past the caps. XML is parsed without DTDs, entities or network access. Every problem becomes a
# one-line PackageError naming the file; nothing is ever written.
# ---------------------------------------------------------------------------------------------------

MB = 1024 * 1024
MAX_TOTAL_BYTES = 200 * MB  # sum of all members, uncompressed
MAX_MEMBER_BYTES = 100 * MB  # one member, uncompressed
MAX_MAIN_PART_BYTES = 20 * MB  # the document text itself: thousands of pages; more is an attack or a mistake
MAX_RATIO = 200  # uncompressed : compressed, for members over RATIO_MIN_BYTES
RATIO_MIN_BYTES = 1 * MB
_CHUNK = 64 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_ZIP_MAGIC = b"PK\x03\x04"

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
OFFICE_DOCUMENT_TYPES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
STRICT_PREFIX = "http://purl.oclc.org/ooxml/"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DTD_RE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_UTF16 = tuple(s.encode(enc) for s in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-16-le", "utf-16-be"))


class PackageError(ContractgenError):
    """A Word file that cannot be opened safely; the message is one line and says what to do."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(" ".join(message.split()), path)


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, dtd_validation=False, load_dtd=False,
                           huge_tree=False)


def _bad_member_name(name: str) -> str | None:
    """Why a zip member name is unsafe, or None."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return f"has an entry with an absolute path ({name!r})"
    if ".." in re.split(r"[/\\]", name):
        return f"has an entry whose name climbs out of the package with '..' ({name!r})"
    if "\x00" in name:
        return f"has an entry with a NUL character in its name ({name!r})"
    return None


def _resolve_target(source: str, target: str) -> str | None:
    """The zip member name a relationship target points at, relative to the source part; None if it escapes."""
    target = unquote(target.split("#", 1)[0])
    if target.startswith("/"):
        joined = target.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(source), target)
    parts: list[str] = []
    for seg in joined.split("/"):
        if seg in ("", "."):
            continue
        if seg == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(seg)
    return "/".join(parts)


def _rels_part(member: str) -> str:
    member = member.lstrip("/")
    if not member:
        return PACKAGE_RELS
    folder, name = posixpath.split(member)
    return posixpath.join(folder, "_rels", name + ".rels")


@dataclass
class WordPackage:
    path: str
    main_part: str
    strict: bool
    macro_enabled: bool
    _data: bytes = field(default=b"", repr=False, compare=False)
    _names: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # casefolded -> real
    _zip: zipfile.ZipFile | None = field(default=None, repr=False, compare=False)

    # -- lookups -------------------------------------------------------------------------------------
    def _error(self, message: str) -> PackageError:
        return PackageError(message, self.path)

    def _zipfile(self) -> zipfile.ZipFile:
        if self._zip is None:
            self._zip = zipfile.ZipFile(io.BytesIO(self._data))
        return self._zip

    def has(self, member: str) -> bool:
        return member.lstrip("/").casefold() in self._names

    def members(self) -> list[str]:
        return list(self._names.values())

    def _real_name(self, member: str) -> str:
        """Part names are case-insensitive (OPC); map to the name stored in the zip."""
        real = self._names.get(member.lstrip("/").casefold())
        if real is None:
            raise self._error(f"has no part named {member}")
        return real

    # -- reading -------------------------------------------------------------------------------------
    def read(self, member: str) -> bytes:
        """The bytes of one member, with its declared and actual size capped and its CRC checked."""
        name = self._real_name(member)
        info = self._zipfile().getinfo(name)
        _check_declared(info, self._error)
        limit = min(info.file_size, MAX_MEMBER_BYTES)
        return _read_capped(self._zipfile(), info, limit, self._error)

    def xml(self, member: str) -> etree._Element:
        """One member parsed as XML: no DTD, no entities, no network; a DOCTYPE is refused."""
        name = self._real_name(member)
        data = self.read(name)
        refused = f"contains a DOCTYPE / entity declaration in {name}, which is not allowed"
        if _DTD_RE.search(data) or any(s in data for s in _DTD_UTF16):
            raise self._error(refused)
        try:
            root = etree.fromstring(data, _safe_parser())
        except etree.XMLSyntaxError as exc:
            line = getattr(exc, "lineno", None) or (exc.position[0] if exc.position else "?")
            detail = (getattr(exc, "msg", None) or str(exc)).split(" (line", 1)[0]
            raise self._error(f"is damaged: {name} is not well-formed XML (line {line}: {detail})") from None
        except ValueError as exc:  # e.g. a declared encoding lxml does not know
            raise self._error(f"is damaged: {name} cannot be parsed as XML ({exc})") from None
        tree = root.getroottree()
        if tree.docinfo.doctype or tree.docinfo.internalDTD is not None or tree.docinfo.externalDTD is not None:
            raise self._error(refused)
        for node in root.iter(etree.Entity):
            raise self._error(refused)
        return root

    def rels(self, member: str) -> dict[str, tuple[str, str, str]]:
        """rId -> (type, target, target_mode) for the part `member` ("" for the package); internal targets
        are resolved to zip member names. A part without a relationships part has none."""
        rels_name = _rels_part(member)
        if not self.has(rels_name):
            return {}
        source = member.lstrip("/")
        out: dict[str, tuple[str, str, str]] = {}
        for rel in self.xml(rels_name).iter(f"{{{_RELS_NS}}}Relationship"):
            rid, rtype, target = rel.get("Id", ""), rel.get("Type", ""), rel.get("Target", "")
            mode = rel.get("TargetMode", "Internal")
            if mode != "External":
                resolved = _resolve_target(source, target)
                if resolved is None:
                    raise self._error(f"has a relationship in {rels_name} whose target leaves the package ({target!r})")
                target = self._names.get(resolved.casefold(), resolved)
            out[rid] = (rtype, target, mode)
        return out


def _check_declared(info: zipfile.ZipInfo, error) -> None:
    size, packed = info.file_size, info.compress_size
    if size > MAX_MEMBER_BYTES:
        raise error(f"has an entry ({info.filename}) that expands to more than {MAX_MEMBER_BYTES // MB} MB "
                    "(possible zip bomb)")
    if size > RATIO_MIN_BYTES and size > MAX_RATIO * max(packed, 1):
        raise error(f"has an entry ({info.filename}) that expands {size // max(packed, 1)} times "
                    "(possible zip bomb)")


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, error) -> bytes:
    """Decompress one member, never producing more than `limit` bytes whatever its header says."""
    chunks: list[bytes] = []
    total = 0
    try:
        with zf.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise error(f"has an entry ({info.filename}) that expands beyond its declared size "
                                "(possible zip bomb)")
                chunks.append(chunk)
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc):
            raise error(f"is damaged: the entry {info.filename} fails its CRC check") from None
        raise error(f"is damaged: the entry {info.filename} cannot be read ({exc})") from None
    except (zlib.error, EOFError, OSError) as exc:
        raise error(f"is damaged: the entry {info.filename} cannot be decompressed ({exc})") from None
    except NotImplementedError:
        raise error(f"uses a compression method Word does not use for {info.filename}; "
                    "save it again in Word") from None
    except RuntimeError:  # encrypted member
        raise error("is encrypted (password-protected); remove the password in Word and save again") from None
    if total != info.file_size:
        raise error(f"is damaged: the entry {info.filename} is shorter than its header says")
    return b"".join(chunks)


def _refuse_non_zip(path: str, data: bytes) -> PackageError:
    head = data[:8]
    if head == OLE_MAGIC:
        if _ENCRYPTED_STREAM in data:
            return PackageError("is encrypted (password-protected); remove the password in Word and save again",
                                path)
        return PackageError("is a legacy Word 97-2003 .doc file (OLE compound document); save it as .docx", path)
    if head.startswith(b"{\\rtf"):
        return PackageError("is an RTF file, not a Word .docx document; save it as .docx", path)
    if head.startswith(b"%PDF"):
        return PackageError("is a PDF file, not a Word .docx document", path)
    if head.startswith(b"PK"):
        return PackageError("is damaged: the zip archive is truncated or its central directory is corrupt", path)
    return PackageError("is not a Word document (not a zip file)", path)


def open_package(path: Path) -> WordPackage:
    """Open a .docx/.docm for reading, or raise PackageError saying in one line what is wrong with it."""
    shown = str(path)
    path = Path(path)

    def error(message: str) -> PackageError:
        return PackageError(message, shown)

    try:
        if not path.exists():
            raise error("does not exist")
        if path.is_dir():
            raise error("is a directory, not a Word document")
        size = path.stat().st_size
        if size > MAX_TOTAL_BYTES:
            raise error(f"is larger than {MAX_TOTAL_BYTES // MB} MB, which is not supported")
        data = path.read_bytes()
    except PermissionError:
        raise error("cannot be read (permission denied)") from None
    except OSError as exc:
        raise error(f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise error("is empty (0 bytes), not a Word document")
    if not data.startswith(b"PK"):
        raise _refuse_non_zip(shown, data)

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        text = str(exc)
        if "not a zip file" in text or "Truncated" in text:
            raise error("is damaged: the zip archive is truncated") from None
        raise error(f"is damaged: the zip archive's directory is corrupt ({text.rstrip('.')})") from None
    except (OSError, EOFError, ValueError) as exc:
        raise error(f"is damaged: the zip archive cannot be read ({exc})") from None

    # Names and declared sizes first: nothing is decompressed until these pass.
    names: dict[str, str] = {}
    total = 0
    for info in infos:
        problem = _bad_member_name(info.filename)
        if problem:
            raise error(problem)
        key = info.filename.casefold()
        if key in names:
            raise error(f"has a duplicated entry ({info.filename}); the package is ambiguous")
        names[key] = info.filename
        if info.flag_bits & 0x1:
            raise error("is encrypted (password-protected); remove the password in Word and save again")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise error(f"expands to more than {MAX_TOTAL_BYTES // MB} MB (possible zip bomb)")
    for info in infos:
        _check_declared(info, error)

    # Then every member is decompressed once (and thrown away) to check CRCs and count real bytes.
    actual = 0
    for info in infos:
        if info.is_dir():
            continue
        actual += len(_read_capped(zf, info, min(info.file_size, MAX_MEMBER_BYTES), error))
        if actual > MAX_TOTAL_BYTES:
            raise error(f"expands to more than {MAX_TOTAL_BYTES // MB} MB (possible zip bomb)")

    if CONTENT_TYPES.casefold() not in names:
        raise error(f"is not a Word document: it has no {CONTENT_TYPES} part")

    pkg = WordPackage(path=shown, main_part="", strict=False, macro_enabled=False, _data=data, _names=names,
                      _zip=zf)
    content_types = pkg.xml(CONTENT_TYPES)

    main = None
    rel_type = ""
    for rtype, target, mode in pkg.rels("").values():
        if rtype in OFFICE_DOCUMENT_TYPES and mode != "External" and pkg.has(target):
            main, rel_type = pkg._real_name(target), rtype
            break
    if main is None and pkg.has("word/document.xml"):
        main = pkg._real_name("word/document.xml")
    if main is None:
        raise error("has no Word main document part")
    pkg.main_part = main
    size = zf.getinfo(main).file_size if main in zf.namelist() else 0
    if size > MAX_MAIN_PART_BYTES:
        raise error(f"has a main document part of {size // MB} MB, more than the {MAX_MAIN_PART_BYTES // MB} MB "
                    "of text a contract could need")
    root = pkg.xml(main)
    namespace = etree.QName(root).namespace or ""
    if etree.QName(root).localname != "document" or not namespace.endswith("wordprocessingml/2006/main") \
            and namespace != STRICT_PREFIX + "wordprocessingml/main":
        raise error(f"is not a Word document: its main part {main} holds <{etree.QName(root).localname}>, "
                    "not a w:document")
    pkg.strict = rel_type.startswith(STRICT_PREFIX) or namespace.startswith(STRICT_PREFIX)
    macro_types = any("macroEnabled" in (el.get("ContentType") or "") for el in content_types.iter())
    pkg.macro_enabled = (path.suffix.lower() in (".docm", ".dotm") or macro_types
                         or any(n.rsplit("/", 1)[-1].casefold() == "vbaproject.bin" for n in names.values()))
    return pkg
