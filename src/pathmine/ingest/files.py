"""Opening archive files as streams; gzip is recognised by its magic bytes, not its name."""

from __future__ import annotations

import codecs
import gzip
import io
import zlib
from pathlib import Path
from typing import IO, Any, cast

from pathmine.records import Rejected

_GZIP_MAGIC = b"\x1f\x8b"

# What a damaged .gz stream raises part-way through a read.
GZIP_ERRORS: tuple[type[Exception], ...] = (EOFError, gzip.BadGzipFile, zlib.error)


def is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == _GZIP_MAGIC


class ByteMeter:
    """How many bytes of the archive files have been read from disk (compressed bytes for a
    .gz): the progress bar's numerator, against the files' sizes."""

    def __init__(self) -> None:
        self.done = 0


class _CountingRaw(io.RawIOBase):
    """A raw file that adds every byte it reads to a ``ByteMeter``."""

    def __init__(self, raw: IO[bytes], meter: ByteMeter) -> None:
        self._raw, self._meter = raw, meter

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        self._meter.done += n or 0
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


_BUFFER = 1 << 20


def _open_counted(path: Path, meter: ByteMeter | None) -> IO[bytes]:
    if meter is None:
        return path.open("rb")
    raw = _CountingRaw(path.open("rb", buffering=0), meter)
    return cast(IO[bytes], io.BufferedReader(raw, buffer_size=_BUFFER))


def open_binary(path: Path, meter: ByteMeter | None = None) -> IO[bytes]:
    """Open ``path`` for streaming bytes, decompressing on the fly if it is gzip."""
    fh = _open_counted(path, meter)
    if is_gzip(path):
        return cast(IO[bytes], gzip.GzipFile(fileobj=fh, mode="rb"))
    return fh


def open_text_for_csv(
    path: Path, encoding: str = "utf-8", meter: ByteMeter | None = None
) -> IO[str]:
    """Open ``path`` as text the way the csv module wants it.

    ``newline=""`` keeps CRLF inside quoted fields; ``surrogateescape`` turns bad bytes into
    lone surrogates so a bad row can be rejected instead of aborting the whole file; UTF-8 is
    read as ``utf-8-sig``, which drops a leading byte-order mark (Excel exports have one).
    """
    codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    binary = open_binary(path, meter)
    return io.TextIOWrapper(binary, encoding=codec, errors="surrogateescape", newline="")


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
