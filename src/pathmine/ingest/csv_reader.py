"""CSV reader: a header row, then one record per row; quoted fields may span lines.

The header is checked eagerly (``read_layout``) so a file without the needed columns fails
with one ``IngestError`` before anything is yielded; rows are then streamed.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pathmine.ingest.errors import IngestError
from pathmine.ingest.files import (
    GZIP_ERRORS,
    ByteMeter,
    damaged_stream,
    encoding_hint,
    encoding_label,
    open_text_for_csv,
)
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
    header: tuple[str, ...] = ()
    encoding: str = "utf-8"


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
    encoding: str = "utf-8",
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
        with open_text_for_csv(path, encoding) as fh:
            header = next(csv.reader(fh), None)
    except GZIP_ERRORS as exc:
        raise IngestError(f"{path}: compressed stream is damaged or truncated") from exc
    except csv.Error as exc:
        raise IngestError(f"{path}: header row is not valid CSV ({exc})") from exc
    if not header:
        raise IngestError(f"{path}: CSV file is empty or its first line is blank (no header row)")
    if any(has_surrogates(cell) for cell in header):
        raise IngestError(
            f"{path}: CSV header row is not valid {encoding_label(encoding)}"
            + encoding_hint(_raw_bytes(" ".join(header)), encoding)
        )
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
    return CsvLayout(columns=columns, width=len(header), header=tuple(header), encoding=encoding)


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


# A record's first line starts with its key columns; a report_date (ISO or compact) among
# them is what makes a line inside a text field look like the start of another record.
_DATE_SHAPE = re.compile(r"\d{4}-?\d{2}-?\d{2}(?:[T ][0-9:.+\-Z]*)?", re.ASCII)
_KEY_FIELDS = ("patient_id", "report_id", "report_date")
_ID_SHAPE = re.compile(r"[^\s,\"]+")


class _RecordShape:
    """Tells whether a physical line looks like the first line of a record (or the header).

    An unbalanced quote makes the csv module read on through the following lines until the
    next quote, so one field swallows the records after it; when the field count happens to
    match, nothing else would notice that another patient's report became part of this one.
    Report texts do not start lines with the file's key columns, so such a line inside a
    field marks a swallowed record.
    """

    def __init__(self, layout: CsvLayout) -> None:
        keys = [layout.columns[name][0] for name in _KEY_FIELDS if name in layout.columns]
        self._date = layout.columns.get("report_date", (-1, ""))[0]
        self._keys = keys
        self._reach = max(keys, default=-1)
        self._header = layout.header

    def _cells(self, line: str) -> list[str] | None:
        if self._reach < 1 or line.count(",") < self._reach:
            return None
        try:
            cells = next(csv.reader([line]), [])
        except csv.Error:
            return None
        return cells if len(cells) > self._reach else None

    def starts_record(self, line: str) -> bool:
        """Loosely, whether a row starting with ``line`` is a record of its own (perhaps a
        bad one, say with an empty id), not the remainder of the row before it."""
        cells = self._cells(line)
        if cells is None:
            return False
        return self._date < 0 or _DATE_SHAPE.fullmatch(cells[self._date].strip()) is not None

    def kind(self, line: str) -> str | None:
        """``'record'`` or ``'header'`` when ``line`` surely looks like one, else ``None``."""
        cells = self._cells(line)
        if cells is None:
            return None
        if self._header and [c.strip() for c in cells[: len(self._header)]] == list(self._header):
            return "header"
        if self._date >= 0 and not _DATE_SHAPE.fullmatch(cells[self._date].strip()):
            return None
        digits = False
        for index in self._keys:
            value = cells[index].strip()
            if not value or len(value) > 128 or not _ID_SHAPE.fullmatch(value):
                return None
            digits = digits or any(c.isdigit() for c in value)
        # "SIGNED: L. CHEN, MD, 2009-12-24" has a date in place but no identifiers: ids are
        # one word, and one of them holds a digit
        return "record" if digits else None

    def swallowed(self, row: Sequence[str], first_line: int) -> list[tuple[int, str]]:
        """``(physical line, kind)`` of every record-shaped line inside the row's fields."""
        found: list[tuple[int, str]] = []
        line = first_line
        for cell in row:
            if "\n" not in cell:
                continue
            for part in cell.split("\n")[1:]:
                line += 1
                shape = self.kind(part.rstrip("\r"))
                if shape is not None:
                    found.append((line, shape))
        return found


def iter_rows(
    path: Path,
    layout: CsvLayout,
    *,
    locate: Callable[[int, int], str],
    meter: ByteMeter | None = None,
) -> Iterator[CsvRow | Rejected]:
    """Stream data rows as ``CsvRow`` (values by our field name), or ``Rejected`` for rows
    the csv module cannot split into the header's number of fields.

    Every physical record is accounted for once. A row whose field swallowed later records
    (an unbalanced quote) is rejected with each record it swallowed. A short row that does
    not start like a record, right after a structurally broken one, is the broken record's
    remainder (a stray quote ended it early, or the runaway field's closing quote came
    later): it is folded into that rejection instead of counted as a record of its own.
    A damaged compressed stream ends the file with one file-level rejection for the rest.
    """
    source = str(path)
    number = 0
    shape = _RecordShape(layout)
    # One row of lookahead: a row is only complete once the next one is seen to be a record
    # of its own and not this one's remainder.
    pending: CsvRow | Rejected | None = None
    try:
        with open_text_for_csv(path, layout.encoding, meter) as fh:
            tap = _LineTap(fh)
            reader = csv.reader(tap)
            next(reader, None)  # header, already checked by read_layout
            while True:
                line = reader.line_num + 1
                tap.take()
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    if pending is not None:
                        yield pending
                    number += 1
                    pending = Rejected(
                        source,
                        locate(number, line),
                        f"CSV syntax error: {exc}",
                        raw_excerpt=excerpt(tap.take()),
                    )
                    continue
                if not row or (len(row) == 1 and not row[0].strip() and layout.width > 1):
                    continue  # a blank line is not a record
                raw = tap.take()
                if pending is not None:
                    if len(row) != layout.width and not shape.starts_record(_first_line(row)):
                        pending = _with_remainder(pending, line, raw, locate, source)
                        continue
                    yield pending
                    pending = None
                swallowed = shape.swallowed(row, line)
                number += 1
                if swallowed:
                    *done, pending = _swallowing(source, locate, number, line, swallowed, raw)
                    yield from done
                    number += len(swallowed)
                    continue
                if len(row) != layout.width:
                    pending = Rejected(
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
                        bad[field_name] = (
                            f"invalid {encoding_label(layout.encoding)} in column {column}"
                            + encoding_hint(_raw_bytes(row[index]), layout.encoding)
                        )
                pending = CsvRow(number, line, values, bad, excerpt(raw))
    except GZIP_ERRORS:
        if pending is not None:
            yield pending
            pending = None
        yield damaged_stream(source, f"after row {number}")
    if pending is not None:
        yield pending


def _first_line(row: Sequence[str]) -> str:
    return ",".join(row).split("\n", 1)[0]


def _with_remainder(
    previous: CsvRow | Rejected,
    line: int,
    raw: str,
    locate: Callable[[int, int], str],
    source: str,
) -> Rejected:
    """Fold a remainder row into the record it belongs to, which cannot be trusted either:
    a row that parsed cleanly but has a remainder was cut short by a stray quote."""
    if isinstance(previous, CsvRow):
        return Rejected(
            source,
            locate(previous.number, previous.line),
            f"stray quote: the record ends early and its remainder (from line {line}) does "
            "not form a row; fix the quoting and ingest again",
            raw_excerpt=excerpt(previous.raw_excerpt + raw),
        )
    reason = previous.reason
    if "; its remainder" not in reason and "its remainder (from" not in reason:
        reason += f"; its remainder (from line {line}) is part of the same record"
    return dataclasses.replace(
        previous, reason=reason, raw_excerpt=excerpt(previous.raw_excerpt + raw)
    )


def _swallowing(
    source: str,
    locate: Callable[[int, int], str],
    number: int,
    line: int,
    swallowed: Sequence[tuple[int, str]],
    raw: str,
) -> Iterator[Rejected]:
    """Quarantine a row whose field ran on into later records, and each record it swallowed,
    so every physical record is accounted for and none is stored inside another."""
    lines = ", ".join(str(at) for at, _ in swallowed)
    yield Rejected(
        source,
        locate(number, line),
        f"unbalanced quote: a field runs on into {len(swallowed)} later record(s) "
        f"(line(s) {lines}); fix the quoting and ingest again",
        raw_excerpt=excerpt(raw),
    )
    for offset, (at, kind) in enumerate(swallowed, start=1):
        what = "a header row" if kind == "header" else "a record"
        yield Rejected(
            source,
            locate(number + offset, at),
            f"{what} swallowed by an unbalanced quote in the row at line {line}",
        )


def _csv_location(number: int, line: int) -> str:
    return f"row {number} (line {line})"


def read_csv(path: Path, layout: CsvLayout, *, rules: RecordRules) -> Iterator[Report | Rejected]:
    """Yield one ``Report`` or ``Rejected`` per data row; location is ``row N (line L)``."""
    for row in iter_rows(path, layout, locate=_csv_location, meter=rules.meter):
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


def read_report_layout(
    path: Path, column_map: Mapping[str, str] | None, encoding: str = "utf-8"
) -> CsvLayout:
    return read_layout(
        path,
        required=REQUIRED_FIELDS,
        optional=OPTIONAL_FIELDS,
        column_map=column_map,
        encoding=encoding,
    )


def _raw_bytes(value: str) -> bytes:
    """The bytes a surrogate-escaped field was read from."""
    return value.encode("utf-8", errors="surrogateescape")
