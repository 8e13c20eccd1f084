"""Deterministic writing of OOXML packages.

Word and LibreOffice do not care about zip entry timestamps, but attorneys diff and hash what we
write: the same input must give the same bytes, so every entry gets one fixed timestamp and the
entry order is kept exactly as the writer produced it.
"""
from __future__ import annotations

import io
import zipfile
from datetime import datetime

# The zip format cannot store dates before 1980.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_timestamp(when: datetime | None) -> tuple[int, int, int, int, int, int]:
    """The zip date_time tuple for `when` (clamped to the zip epoch)."""
    if when is None or when.year < 1980:
        return ZIP_EPOCH
    return (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)


def normalize_package(data: bytes, when: datetime | None = None) -> bytes:
    """Rewrite a zip package with fixed timestamps, fixed permissions and deflate compression."""
    stamp = zip_timestamp(when)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
