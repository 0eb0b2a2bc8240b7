"""Opening archive files as streams; gzip is recognised by its magic bytes, not its name."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import IO, cast

from pathmine.records import Rejected

_GZIP_MAGIC = b"\x1f\x8b"

# What a damaged .gz stream raises part-way through a read.
GZIP_ERRORS: tuple[type[Exception], ...] = (EOFError, gzip.BadGzipFile, zlib.error)


def is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == _GZIP_MAGIC


def open_binary(path: Path) -> IO[bytes]:
    """Open ``path`` for streaming bytes, decompressing on the fly if it is gzip."""
    if is_gzip(path):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def open_text_for_csv(path: Path) -> IO[str]:
    """Open ``path`` as text the way the csv module wants it.

    ``newline=""`` keeps CRLF inside quoted fields; ``surrogateescape`` turns bad bytes into
    lone surrogates so a bad row can be rejected instead of aborting the whole file;
    ``utf-8-sig`` drops a leading byte-order mark (Excel exports have one).
    """
    if is_gzip(path):
        return gzip.open(path, "rt", encoding="utf-8-sig", errors="surrogateescape", newline="")
    return path.open("r", encoding="utf-8-sig", errors="surrogateescape", newline="")


def damaged_stream(source: str, location: str) -> Rejected:
    """The file-level rejection for a compressed stream that breaks part-way: the records
    before it are kept, the rest of the file cannot be read and is quarantined as one."""
    return Rejected(
        source,
        location,
        "compressed stream is damaged or truncated: the rest of the file could not be read",
        scope="file",
    )


def os_reason(exc: OSError) -> str:
    """The OS's words for a file problem ("permission denied"), without the file name: the
    name is already the record's source, and a name can itself identify a patient."""
    return (exc.strerror or type(exc).__name__).lower()
