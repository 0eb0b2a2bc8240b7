"""Directory reader: ``manifest.csv`` holds the metadata, one ``.txt`` file per report.

Every ``.txt`` file under the directory is accounted for: a listed file becomes a ``Report``
or ``Rejected``, and a file the manifest does not list is rejected as unlisted.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from pathmine.ingest.csv_reader import CsvLayout, iter_rows, read_layout
from pathmine.ingest.errors import IngestError
from pathmine.ingest.files import encoding_hint, encoding_label, os_reason
from pathmine.ingest.validate import (
    EXCERPT_CHARS,
    OPTIONAL_FIELDS,
    RecordRules,
    build_record,
    excerpt,
)
from pathmine.records import Rejected, Report

MANIFEST_NAME = "manifest.csv"
MANIFEST_REQUIRED: tuple[str, ...] = ("file", "patient_id", "report_id", "report_date")
_BOM = b"\xef\xbb\xbf"
# UTF-8 needs at most 4 bytes a character, so a bigger file is surely over the text limit.
_MAX_BYTES_PER_CHAR = 4


def read_manifest_layout(
    root: Path, column_map: Mapping[str, str] | None, encoding: str = "utf-8"
) -> CsvLayout:
    """Check that ``root`` holds a manifest with the required columns (``IngestError`` if not)."""
    manifest = root / MANIFEST_NAME
    if not manifest.is_file():
        raise IngestError(f"{root}: directory has no {MANIFEST_NAME}")
    return read_layout(
        manifest,
        required=MANIFEST_REQUIRED,
        optional=OPTIONAL_FIELDS,
        column_map=column_map,
        encoding=encoding,
    )


def read_txt_dir(
    root: Path, layout: CsvLayout, *, rules: RecordRules
) -> Iterator[Report | Rejected]:
    """Yield one record per manifest row (location ``manifest row N``), then one ``Rejected``
    per ``.txt`` file the manifest does not list (location ``file <relative path>``).

    Memory grows with the number of manifest rows (the set of listed paths, needed to find
    unlisted files), not with the size of the texts.
    """
    source = str(root)
    base = root.resolve()
    listed: dict[Path, int] = {}  # file → the manifest row that listed it first
    for row in iter_rows(
        root / MANIFEST_NAME, layout, locate=_manifest_location, meter=rules.meter
    ):
        if isinstance(row, Rejected):
            yield row
            continue
        location = _manifest_location(row.number, row.line)
        bad = dict(row.bad_fields)
        values: dict[str, object] = dict(row.values)
        raw = row.raw_excerpt
        if "file" not in bad:
            text, problem, file_head = _read_text(
                base, row.values["file"], rules, listed, row.number
            )
            if problem is not None:
                bad["text"] = problem
            values["text"] = text
            if file_head:
                raw = excerpt(raw + "\n" + file_head)
        yield build_record(
            values, source=source, location=location, raw_excerpt=raw, rules=rules, bad_fields=bad
        )
    yield from _unlisted(base, source, listed)


def _manifest_location(number: int, line: int) -> str:
    return f"manifest row {number}"


def _read_text(
    base: Path, name: str, rules: RecordRules, listed: dict[Path, int], number: int
) -> tuple[str | None, str | None, str]:
    """Return ``(text, problem, head of file for the excerpt)`` for one manifest entry.

    Each entry is its own unit: a file that cannot be read (permissions, I/O error) is this
    entry's problem, not the archive's, and the reader goes on with the next entry.
    """
    if not name.strip():
        return None, "file is empty in manifest", ""
    target = (base / name.strip()).resolve()
    if not target.is_relative_to(base):
        return None, "file listed in manifest is outside the archive directory", ""
    first = listed.setdefault(target, number)
    if first != number:
        # One text under two entries (often two patients): storing both would give one
        # patient's report to another.
        return None, f"file is already listed in manifest row {first}", ""
    if not target.is_file():
        return None, "file listed in manifest not found", ""
    try:
        size = target.stat().st_size
        if size > _MAX_BYTES_PER_CHAR * rules.max_text_chars + len(_BOM):
            with target.open("rb") as fh:
                head = excerpt(fh.read(EXCERPT_CHARS * 4))
            return (
                None,
                f"text file is {size} bytes, over the limit of {rules.max_text_chars} characters",
                head,
            )
        data = target.read_bytes()
        if rules.meter is not None:
            rules.meter.done += len(data)
    except OSError as exc:
        return None, f"file listed in manifest cannot be read ({os_reason(exc)})", ""
    if data.startswith(_BOM) and codecs.lookup(rules.encoding).name == "utf-8":
        data = data[len(_BOM) :]
    try:
        return data.decode(rules.encoding), None, ""
    except UnicodeDecodeError as exc:
        label = encoding_label(rules.encoding)
        hint = encoding_hint(data, rules.encoding)
        return None, f"invalid {label} at byte {exc.start + 1} of the file{hint}", excerpt(data)


def _unlisted(base: Path, source: str, listed: Mapping[Path, int]) -> Iterator[Rejected]:
    unreadable: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(base, onerror=unreadable.append):
        dirnames.sort()
        yield from _unwalkable(base, source, unreadable)
        for filename in sorted(filenames):
            path = Path(dirpath, filename)
            if path.suffix.lower() != ".txt" or path.resolve() in listed:
                continue
            try:
                with path.open("rb") as fh:
                    head = excerpt(fh.read(EXCERPT_CHARS * 4))
            except OSError:
                head = ""
            yield Rejected(
                source,
                f"file {path.relative_to(base).as_posix()}",
                "not listed in manifest",
                raw_excerpt=head,
            )
    yield from _unwalkable(base, source, unreadable)


def _unwalkable(base: Path, source: str, unreadable: list[OSError]) -> Iterator[Rejected]:
    """A directory os.walk could not list: its files cannot be checked, so say so."""
    while unreadable:
        exc = unreadable.pop(0)
        where = Path(str(exc.filename)).relative_to(base).as_posix() if exc.filename else "?"
        yield Rejected(
            source,
            f"directory {where}",
            f"directory cannot be read ({os_reason(exc)}): its files are not checked "
            "against the manifest",
            scope="file",
        )
