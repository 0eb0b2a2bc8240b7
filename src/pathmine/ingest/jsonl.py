"""JSON Lines reader: one object per line, streamed in binary so a bad line is one rejection."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO

import orjson

from pathmine.ingest.files import GZIP_ERRORS, damaged_stream, open_binary
from pathmine.ingest.validate import EXCERPT_CHARS, RecordRules, build_record, excerpt
from pathmine.records import Rejected, Report

_BOM = b"\xef\xbb\xbf"
_CHUNK = 1 << 20
_JSON_TYPE_NAMES = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def line_byte_limit(max_text_chars: int) -> int:
    """Longest line worth parsing: a text of ``max_text_chars`` all written as 12-byte
    escaped surrogate pairs, plus room for the other fields. Longer lines are rejected
    without being held in memory."""
    return 12 * max_text_chars + _CHUNK


def read_jsonl(
    path: Path, *, rules: RecordRules, column_map: Mapping[str, str] | None = None
) -> Iterator[Report | Rejected]:
    """Yield one ``Report`` or ``Rejected`` per non-blank line; location is ``line N``."""
    source = str(path)
    keys = dict(column_map or {})
    limit = line_byte_limit(rules.max_text_chars)
    lineno = 0
    try:
        with open_binary(path, rules.meter) as fh:
            for lineno, line, overlong in _lines(fh, limit):
                location = f"line {lineno}"
                if overlong is not None:
                    yield Rejected(
                        source,
                        location,
                        f"line is {overlong} bytes, over the limit of {limit} bytes "
                        f"for text of at most {rules.max_text_chars} characters",
                        raw_excerpt=excerpt(line),
                    )
                    continue
                yield _parse_line(line, source=source, location=location, rules=rules, keys=keys)
    except GZIP_ERRORS:
        yield damaged_stream(source, f"after line {lineno}")


def _lines(fh: IO[bytes], limit: int) -> Iterator[tuple[int, bytes, int | None]]:
    """Yield ``(line number, bytes, None)`` for each non-blank line, or
    ``(line number, first bytes, total length)`` for a line longer than ``limit``."""
    lineno = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if lineno == 1 and line.startswith(_BOM):
            line = line[len(_BOM) :]
        if len(line) > limit and not line.endswith(b"\n"):
            head, total = line[: EXCERPT_CHARS * 4], len(line)
            del line
            while True:  # drain the rest of the line in chunks, keeping none of it
                chunk = fh.readline(_CHUNK)
                total += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield lineno, head, total
            continue
        if line.strip():
            yield lineno, line, None


def _parse_line(
    line: bytes, *, source: str, location: str, rules: RecordRules, keys: Mapping[str, str]
) -> Report | Rejected:
    # The line ending would sit inside a truncated string and be misreported.
    whole = line
    line = line.rstrip(b"\r\n")
    try:  # orjson parses valid UTF-8 JSON several times faster than json
        parsed = orjson.loads(line)
    except orjson.JSONDecodeError:
        pass  # invalid UTF-8, lone surrogates, NaN, huge numbers…: json decides and explains
    else:
        if isinstance(parsed, dict):
            return _build(parsed, whole, source=source, location=location, rules=rules, keys=keys)
    # A bad byte still lets us parse the rest with U+FFFD in its place, so the quarantine
    # row gets its report_id and every other problem in one reason.
    problems: dict[str, str] = {}
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems["encoding"] = f"invalid UTF-8 at byte {exc.start + 1} of the line"
        decoded = line.decode("utf-8", errors="replace")
    try:
        obj = json.loads(decoded)
    except json.JSONDecodeError as exc:
        # exc.msg is the parser's message without the document, which would be PHI.
        where = "" if exc.msg.endswith(" at") else " at"
        problem = f"malformed JSON: {exc.msg}{where} column {exc.colno}"
        return Rejected(source, location, _join(problems, problem), raw_excerpt=excerpt(whole))
    except (ValueError, RecursionError):
        problem = "malformed JSON: a number or nesting is too large"
        return Rejected(source, location, _join(problems, problem), raw_excerpt=excerpt(whole))
    if not isinstance(obj, dict):
        kind = _JSON_TYPE_NAMES.get(type(obj), "not an object")
        problem = f"JSON value is {kind}, not an object"
        return Rejected(source, location, _join(problems, problem), raw_excerpt=excerpt(whole))
    return _build(
        obj, whole, source=source, location=location, rules=rules, keys=keys, problems=problems
    )


def _build(
    obj: dict[str, object],
    whole: bytes,
    *,
    source: str,
    location: str,
    rules: RecordRules,
    keys: Mapping[str, str],
    problems: Mapping[str, str] | None = None,
) -> Report | Rejected:
    values = {**obj, **{name: obj.get(key) for name, key in keys.items()}} if keys else obj
    return build_record(
        values,
        source=source,
        location=location,
        raw_excerpt=lambda: excerpt(whole),
        rules=rules,
        bad_fields=problems,
    )


def _join(problems: dict[str, str], problem: str) -> str:
    return "; ".join([*problems.values(), problem])
