"""Writing outputs safely: atomically, never over an input, with a reproducible clock.

A crash or a full disk must leave either the previous file or nothing, never half a contract; and
the same input with the same date must give the same bytes.
"""
from __future__ import annotations

import os
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable

from contractgen.errors import OutputError


def build_time(option: date | None = None) -> datetime:
    """The timestamp stamped into outputs: `--date`, else SOURCE_DATE_EPOCH, else now (UTC)."""
    if option is not None:
        return datetime(option.year, option.month, option.day, tzinfo=timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise OutputError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp") from None
    return datetime.now(timezone.utc).replace(microsecond=0)


def check_target(target: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output path that is a directory, a missing folder, or one of the inputs."""
    if target.is_dir():
        raise OutputError("is a directory; give a file name for the output", str(target))
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"folder {parent} does not exist", str(target))
    for source in inputs:
        if _same_file(source, target):
            raise OutputError(f"would overwrite the input {source}; choose another output name", str(target))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def write_atomic(target: Path, data: bytes, inputs: Iterable[Path] = ()) -> None:
    """Write `data` to `target` through a temporary file beside it, renamed into place."""
    inputs = list(inputs)
    check_target(target, inputs)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=parent)
    except PermissionError:
        raise OutputError(f"permission denied in folder {parent}", str(target)) from None
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", str(target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror or exc}", str(target)) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
