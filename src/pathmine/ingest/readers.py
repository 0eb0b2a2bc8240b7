"""Entry point: pick the reader for an archive and stream its records."""

from __future__ import annotations

import codecs
from collections.abc import Iterator, Mapping
from pathlib import Path

from pathmine.ingest.csv_reader import read_csv, read_report_layout
from pathmine.ingest.errors import IngestError
from pathmine.ingest.files import ByteMeter
from pathmine.ingest.jsonl import read_jsonl
from pathmine.ingest.txt_manifest import read_manifest_layout, read_txt_dir
from pathmine.ingest.validate import REPORT_FIELDS, RecordRules
from pathmine.records import Rejected, Report

FORMATS: tuple[str, ...] = ("jsonl", "csv", "txt")
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".jsonl.gz", "jsonl"),
    (".ndjson.gz", "jsonl"),
    (".csv", "csv"),
    (".csv.gz", "csv"),
)


def detect_format(path: Path) -> str:
    """Return ``'jsonl'``, ``'csv'`` or ``'txt'`` (a directory) from the path's name.

    Raises ``IngestError`` if the path does not exist or its suffix is not one we read.
    """
    path = Path(path)
    if not path.exists():
        raise IngestError(f"{path}: archive not found")
    if path.is_dir():
        return "txt"
    name = path.name.lower()
    for suffix, fmt in _SUFFIXES:
        if name.endswith(suffix):
            return fmt
    raise IngestError(
        f"{path}: cannot tell the archive format from the name; expected .jsonl, .ndjson, "
        ".jsonl.gz, .csv, .csv.gz or a directory with manifest.csv (or pass fmt=)"
    )


def read_archive(
    path: str | Path,
    fmt: str = "auto",
    *,
    column_map: Mapping[str, str] | None = None,
    max_text_chars: int = 1_000_000,
    encoding: str = "utf-8",
    meter: ByteMeter | None = None,
) -> Iterator[Report | Rejected]:
    """Stream every record of an archive as a ``Report`` or a ``Rejected``; none is dropped.

    ``fmt`` is ``'auto'`` (by suffix, see ``detect_format``), ``'jsonl'``, ``'csv'`` or
    ``'txt'`` (a directory with ``manifest.csv``). ``encoding`` is that of CSV files and .txt
    texts (hospital exports are often cp1252 or Latin-1). ``column_map`` maps our field names to the
    source's column (or JSON key) names. Whole-archive problems (missing path, unknown format,
    no manifest, CSV header without required columns) raise ``IngestError`` here, before
    iteration starts; record problems are yielded as ``Rejected``. Memory use does not grow
    with the archive's size (the txt reader keeps the set of listed file paths).
    """
    archive = Path(path)
    if max_text_chars < 1:
        raise ValueError("max_text_chars must be at least 1")
    kind = detect_format(archive) if fmt == "auto" else fmt
    if kind not in FORMATS:
        raise IngestError(f"unknown format {fmt!r}; expected auto, {', '.join(FORMATS)}")
    if not archive.exists():
        raise IngestError(f"{archive}: archive not found")
    if kind == "txt" and not archive.is_dir():
        raise IngestError(f"{archive}: txt format needs a directory holding manifest.csv")
    if kind != "txt" and not archive.is_file():
        raise IngestError(f"{archive}: {kind} format needs a file, not a directory")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise IngestError(f"unknown encoding {encoding!r}; e.g. utf-8, cp1252, latin-1") from None
    if kind == "jsonl" and codecs.lookup(encoding).name != "utf-8":
        raise IngestError(
            f"{archive}: JSON Lines is always UTF-8; --encoding applies to CSV and txt"
        )
    rules = RecordRules(max_text_chars=max_text_chars, encoding=encoding, meter=meter)
    if kind == "jsonl":
        unknown = sorted(set(column_map or {}) - set(REPORT_FIELDS))
        if unknown:
            raise IngestError(
                f"column_map names unknown field(s) {', '.join(unknown)}; "
                f"known fields: {', '.join(REPORT_FIELDS)}"
            )
        return read_jsonl(archive, rules=rules, column_map=column_map)
    if kind == "csv":
        return read_csv(archive, read_report_layout(archive, column_map, encoding), rules=rules)
    return read_txt_dir(archive, read_manifest_layout(archive, column_map, encoding), rules=rules)
