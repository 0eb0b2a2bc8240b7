"""Opening archive files as streams; gzip is recognised by its magic bytes, not its name."""

from __future__ import annotations

import codecs
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


def open_text_for_csv(path: Path, encoding: str = "utf-8") -> IO[str]:
    """Open ``path`` as text the way the csv module wants it.

    ``newline=""`` keeps CRLF inside quoted fields; ``surrogateescape`` turns bad bytes into
    lone surrogates so a bad row can be rejected instead of aborting the whole file; UTF-8 is
    read as ``utf-8-sig``, which drops a leading byte-order mark (Excel exports have one).
    """
    codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    if is_gzip(path):
        return gzip.open(path, "rt", encoding=codec, errors="surrogateescape", newline="")
    return path.open("r", encoding=codec, errors="surrogateescape", newline="")


def encoding_label(encoding: str) -> str:
    """How reasons name an encoding: "UTF-8", "cp1252", "ISO-8859-1"."""
    name = codecs.lookup(encoding).name
    return {"utf-8": "UTF-8", "iso8859-1": "ISO-8859-1 (Latin-1)"}.get(name, name)


def encoding_hint(data: bytes, encoding: str) -> str:
    """A hint for bytes that are not valid in ``encoding``: hospital exports are often
    Windows-1252 or Latin-1, and the option that reads them."""
    if codecs.lookup(encoding).name != "utf-8":
        return ""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return " (not cp1252 either: check the export's encoding)"
    return " (the bytes read as cp1252/Latin-1: try --encoding cp1252)"


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
