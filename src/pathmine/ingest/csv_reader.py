"""CSV reader: a header row, then one record per row; quoted fields may span lines.

The header is checked eagerly (``read_layout``) so a file without the needed columns fails
with one ``IngestError`` before anything is yielded; rows are then streamed.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pathmine.ingest.errors import IngestError
from pathmine.ingest.files import GZIP_ERRORS, open_text_for_csv
from pathmine.ingest.validate import (
    EXCERPT_CHARS,
    OPTIONAL_FIELDS,
    REQUIRED_FIELDS,
    RecordRules,
    build_record,
    excerpt,
    has_surrogates,
)
from pathmine.records import Rejected, Report


def _raise_field_size_limit() -> None:
    """Let csv parse fields of any size so an oversized text is rejected by the size rule
    (with its length in the reason) instead of aborting the file. The limit is global to
    the process; we only ever raise it."""
    limit = sys.maxsize
    while limit > csv.field_size_limit():
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # C long is 32-bit on some platforms
            limit //= 2


@dataclass(frozen=True, slots=True)
class CsvLayout:
    """Where each of our fields sits in the file: field name → (column index, column name)."""

    columns: Mapping[str, tuple[int, str]]
    width: int


@dataclass(frozen=True, slots=True)
class CsvRow:
    number: int  # 1-based data row, blank lines not counted
    line: int  # physical line where the row starts
    values: dict[str, str]
    bad_fields: dict[str, str]
    raw_excerpt: str


def read_layout(
    path: Path,
    *,
    required: Sequence[str],
    optional: Sequence[str],
    column_map: Mapping[str, str] | None,
) -> CsvLayout:
    """Read and check the header row; raise ``IngestError`` if required columns are missing."""
    known = (*required, *optional)
    names = {name: name for name in known}
    unknown = sorted(set(column_map or {}) - set(known))
    if unknown:
        raise IngestError(
            f"column_map names unknown field(s) {', '.join(unknown)}; "
            f"known fields: {', '.join(known)}"
        )
    names.update(column_map or {})
    _raise_field_size_limit()
    try:
        with open_text_for_csv(path) as fh:
            header = next(csv.reader(fh), None)
    except GZIP_ERRORS as exc:
        raise IngestError(f"{path}: compressed stream is damaged or truncated") from exc
    except csv.Error as exc:
        raise IngestError(f"{path}: header row is not valid CSV ({exc})") from exc
    if not header:
        raise IngestError(f"{path}: CSV file is empty or its first line is blank (no header row)")
    if any(has_surrogates(cell) for cell in header):
        raise IngestError(f"{path}: CSV header row is not valid UTF-8")
    header = [cell.strip() for cell in header]
    missing = [
        f"{names[f]} (for {f})" if names[f] != f else f for f in required if names[f] not in header
    ]
    if missing:
        raise IngestError(f"{path}: CSV header is missing required column(s): {', '.join(missing)}")
    columns: dict[str, tuple[int, str]] = {}
    for field_name in known:
        column = names[field_name]
        if header.count(column) > 1:
            raise IngestError(f"{path}: CSV header has column {column} more than once")
        if column in header:
            columns[field_name] = (header.index(column), column)
    return CsvLayout(columns=columns, width=len(header))


class _LineTap:
    """Passes lines through to csv.reader and keeps the start of the current row's raw
    text, for ``Rejected.raw_excerpt``."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self._kept: list[str] = []
        self._size = 0

    def __iter__(self) -> _LineTap:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        if self._size < EXCERPT_CHARS:
            part = line[: EXCERPT_CHARS - self._size]
            self._kept.append(part)
            self._size += len(part)
        return line

    def take(self) -> str:
        raw = "".join(self._kept)
        self._kept, self._size = [], 0
        return raw


def iter_rows(
    path: Path, layout: CsvLayout, *, locate: Callable[[int, int], str]
) -> Iterator[CsvRow | Rejected]:
    """Stream data rows as ``CsvRow`` (values by our field name), or ``Rejected`` for rows
    the csv module cannot split into the header's number of fields."""
    source = str(path)
    number = 0
    try:
        with open_text_for_csv(path) as fh:
            tap = _LineTap(fh)
            reader = csv.reader(tap)
            next(reader, None)  # header, already checked by read_layout
            while True:
                line = reader.line_num + 1
                tap.take()
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    number += 1
                    yield Rejected(
                        source,
                        locate(number, line),
                        f"CSV syntax error: {exc}",
                        raw_excerpt=excerpt(tap.take()),
                    )
                    continue
                if not row or (len(row) == 1 and not row[0].strip() and layout.width > 1):
                    continue  # a blank line is not a record
                number += 1
                raw = tap.take()
                if len(row) != layout.width:
                    yield Rejected(
                        source,
                        locate(number, line),
                        f"row has {len(row)} fields, header has {layout.width}",
                        raw_excerpt=excerpt(raw),
                    )
                    continue
                values: dict[str, str] = {}
                bad: dict[str, str] = {}
                for field_name, (index, column) in layout.columns.items():
                    values[field_name] = row[index]
                    if has_surrogates(row[index]):
                        bad[field_name] = f"invalid UTF-8 in column {column}"
                yield CsvRow(number, line, values, bad, excerpt(raw))
    except GZIP_ERRORS as exc:
        raise IngestError(
            f"{path}: compressed stream is damaged or truncated after row {number}"
        ) from exc


def _csv_location(number: int, line: int) -> str:
    return f"row {number} (line {line})"


def read_csv(path: Path, layout: CsvLayout, *, rules: RecordRules) -> Iterator[Report | Rejected]:
    """Yield one ``Report`` or ``Rejected`` per data row; location is ``row N (line L)``."""
    for row in iter_rows(path, layout, locate=_csv_location):
        if isinstance(row, Rejected):
            yield row
            continue
        yield build_record(
            row.values,
            source=str(path),
            location=_csv_location(row.number, row.line),
            raw_excerpt=row.raw_excerpt,
            rules=rules,
            bad_fields=row.bad_fields,
        )


def read_report_layout(path: Path, column_map: Mapping[str, str] | None) -> CsvLayout:
    return read_layout(
        path, required=REQUIRED_FIELDS, optional=OPTIONAL_FIELDS, column_map=column_map
    )
