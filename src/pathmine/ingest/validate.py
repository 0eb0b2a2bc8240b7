"""Record validation shared by every reader: raw field values in, ``Report`` or ``Rejected`` out.

A reason names the field and the rule it broke, never the value: reasons are printed and
logged, and the values are PHI. Every problem in a record is reported, joined with "; ", so a
reviewer fixes a quarantined row in one pass.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from pathmine.ingest.files import ByteMeter
from pathmine.records import REPORT_TYPES, Rejected, Report

REQUIRED_FIELDS: tuple[str, ...] = ("patient_id", "report_id", "report_date", "text")
OPTIONAL_FIELDS: tuple[str, ...] = ("specimen_date", "institution", "report_type")
REPORT_FIELDS: tuple[str, ...] = REQUIRED_FIELDS + OPTIONAL_FIELDS

MAX_ID_CHARS = 128
MAX_INSTITUTION_CHARS = 256
EXCERPT_CHARS = 2000
EARLIEST_DATE = date(1900, 1, 1)

# Control characters that make text look binary; \n \r \t \f are layout, so not counted.
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Lone surrogates come from JSON "\ud800" escapes or CSV surrogateescape decoding; they cannot
# be encoded as UTF-8, so they would break hashing and storage downstream.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ]([01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    re.ASCII,
)
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
# A tissue cannot be collected after its report was signed out: one of the two is wrong, and
# the flag engine orders specimens by these dates.
_SPECIMEN_AFTER_REPORT = "specimen_date is after report_date"

_REPORT_TYPE_ALIASES: dict[str, str] = {
    "second opinion": "consult",
    "consultation": "consult",
    "addendum report": "addendum",
    "amendment": "amended",
    "amended report": "amended",
    "original report": "original",
}


@dataclass(frozen=True, slots=True)
class RecordRules:
    """Limits one archive read applies to every record; ``latest_date`` is fixed per read."""

    max_text_chars: int = 1_000_000
    latest_date: date = field(default_factory=lambda: date.today() + timedelta(days=1))
    encoding: str = "utf-8"  # of CSV and .txt archives (JSON Lines is UTF-8 by definition)
    meter: ByteMeter | None = field(default=None, compare=False)  # bytes read, for progress


# a number standing alone ("byte 17", "row 10"), not one inside a name ("UTF-8", "cp1252")
_NUMBER = re.compile(r"(?<![\w-])\d+(?:\.\d+)?(?![\w-])")
_KIND_CHARS = 80


def reason_kind(reason: str) -> str:
    """The kind of a rejection reason, for summaries: its first problem, numbers as N, cut at
    a word boundary ("row has N fields, header has N"; "invalid UTF-8 at byte N of the line")."""
    first = _NUMBER.sub("N", reason.split(";")[0].strip())
    if len(first) <= _KIND_CHARS:
        return first
    cut = first[:_KIND_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,:(") + " …"


def excerpt(raw: bytes | str) -> str:
    """First ``EXCERPT_CHARS`` characters of a raw line, safe to store (may hold PHI)."""
    if isinstance(raw, bytes):
        return raw[: EXCERPT_CHARS * 4].decode("utf-8", errors="replace")[:EXCERPT_CHARS]
    head = raw[:EXCERPT_CHARS]
    if not has_surrogates(head):
        return head
    try:  # CSV text decoded with surrogateescape: recover the original bytes
        data = head.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:  # lone surrogates from JSON escapes
        data = head.encode("utf-8", errors="surrogatepass")
    return data.decode("utf-8", errors="replace")[:EXCERPT_CHARS]


def has_surrogates(value: str) -> bool:
    return not value.isascii() and _SURROGATE.search(value) is not None


# The same controls as ``_BINARY_CONTROL`` that ASCII can hold (C1 controls are not ASCII).
_ASCII_BINARY_CONTROL = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def _binary_controls(text: str) -> int:
    """How many binary control characters the text holds.

    Most reports are ASCII: there, deleting the control bytes with ``bytes.translate`` counts
    them at C speed, where the regex scan was the largest cost of reading a record.
    """
    if text.isascii():
        data = text.encode("ascii")
        return len(data) - len(data.translate(None, _ASCII_BINARY_CONTROL))
    return len(_BINARY_CONTROL.findall(text))


def build_record(
    values: Mapping[str, object],
    *,
    source: str,
    location: str,
    raw_excerpt: str | Callable[[], str],
    rules: RecordRules,
    bad_fields: Mapping[str, str] | None = None,
) -> Report | Rejected:
    """Validate and normalize one record's fields.

    ``values`` maps our field names to raw values (``None`` or absent = missing).
    ``bad_fields`` carries problems a reader already found in a field (e.g. undecodable
    bytes); those fields are not validated again. Returns a ``Report`` if every field is
    acceptable, otherwise a ``Rejected`` whose reason lists every problem. ``raw_excerpt`` may
    be a callable: most records are accepted, and only a rejected one needs its excerpt.
    """
    if not bad_fields:  # the usual record: every field clean, no problem list to build
        pid, p1 = _clean_id("patient_id", values.get("patient_id"))
        rid, p2 = _clean_id("report_id", values.get("report_id"))
        rdate, p3 = _clean_date("report_date", values.get("report_date"), rules, True)
        sdate, p4 = _clean_date("specimen_date", values.get("specimen_date"), rules, False)
        inst, p5 = _clean_institution(values.get("institution"))
        rtype, p6 = _clean_report_type(values.get("report_type"))
        body, p7 = _clean_text(values.get("text"), rules)
        if p4 is None and sdate is not None and rdate is not None and sdate > rdate:
            p4 = _SPECIMEN_AFTER_REPORT
        if p1 is p2 is p3 is p4 is p5 is p6 is p7 is None:
            assert pid is not None and rid is not None
            assert rdate is not None and body is not None
            return Report(
                patient_id=pid,
                report_id=rid,
                report_date=rdate,
                text=body,
                specimen_date=sdate,
                institution=inst,
                report_type=rtype,
                source=source,
                location=location,
            )
    bad = dict(bad_fields or {})
    # Whole-record problems (e.g. undecodable bytes) come first, then field by field.
    problems = [reason for name, reason in bad.items() if name not in REPORT_FIELDS]

    def check(name: str, cleaned: tuple[object, str | None]) -> object:
        if name in bad:
            problems.append(bad[name])
            return None
        value, problem = cleaned
        if problem is not None:
            problems.append(problem)
        return value

    patient_id = check("patient_id", _clean_id("patient_id", values.get("patient_id")))
    report_id = check("report_id", _clean_id("report_id", values.get("report_id")))
    report_date = check(
        "report_date", _clean_date("report_date", values.get("report_date"), rules, True)
    )
    specimen_date = check(
        "specimen_date", _clean_date("specimen_date", values.get("specimen_date"), rules, False)
    )
    institution = check("institution", _clean_institution(values.get("institution")))
    report_type = check("report_type", _clean_report_type(values.get("report_type")))
    text = check("text", _clean_text(values.get("text"), rules))
    if (
        isinstance(report_date, date)
        and isinstance(specimen_date, date)
        and specimen_date > report_date
    ):
        problems.append(_SPECIMEN_AFTER_REPORT)

    if problems:
        return Rejected(
            source=source,
            location=location,
            reason="; ".join(problems),
            report_id=report_id if isinstance(report_id, str) else None,
            raw_excerpt=raw_excerpt() if callable(raw_excerpt) else raw_excerpt,
        )
    assert isinstance(patient_id, str) and isinstance(report_id, str)
    assert isinstance(report_date, date) and isinstance(text, str)
    assert specimen_date is None or isinstance(specimen_date, date)
    assert institution is None or isinstance(institution, str)
    assert report_type is None or isinstance(report_type, str)
    return Report(
        patient_id=patient_id,
        report_id=report_id,
        report_date=report_date,
        text=text,
        specimen_date=specimen_date,
        institution=institution,
        report_type=report_type,
        source=source,
        location=location,
    )


def _plain_ascii(value: str, limit: int) -> bool:
    """The common case, decided in C: non-empty, short, printable ASCII (so no control
    characters and no surrogates). Anything else goes through the checks that explain."""
    return 0 < len(value) <= limit and value.isascii() and value.isprintable()


def _clean_id(name: str, value: object) -> tuple[str | None, str | None]:
    if type(value) is str and _plain_ascii(cleaned := value.strip(), MAX_ID_CHARS):
        return cleaned, None
    if value is None:
        return None, f"missing required field {name}"
    # bool is an int subclass, but True is never an accession number.
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None, f"{name} must be a string or an integer"
    cleaned = str(value).strip()
    if not cleaned:
        return None, f"{name} is empty"
    if len(cleaned) > MAX_ID_CHARS:
        return None, f"{name} is longer than {MAX_ID_CHARS} characters"
    if _ANY_CONTROL.search(cleaned):
        return None, f"{name} contains control characters"
    if has_surrogates(cleaned):
        return None, f"{name} contains invalid Unicode (unpaired surrogate)"
    return cleaned, None


def _clean_date(
    name: str, value: object, rules: RecordRules, required: bool
) -> tuple[date | None, str | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        if not required:
            return None, None
        return None, (f"missing required field {name}" if value is None else f"{name} is empty")
    # Numbers are read as their decimal text, for dates as for ids: a JSON 20140302 is the
    # compact date 2014-03-02 (and a JSON 4002 is the id "4002"); a float or a bool is not.
    if type(value) is int:
        value = str(value)
    if not isinstance(value, str):
        return None, f"{name} must be a string or an integer (expected YYYY-MM-DD or YYYYMMDD)"
    text = value.strip()
    if len(text) == 10 and text.isascii() and text[4] == text[7] == "-":
        try:  # the usual YYYY-MM-DD, parsed in C; anything odd takes the regex path below
            return _check_range(name, date.fromisoformat(text), rules)
        except ValueError:
            pass
    match = _ISO_DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    if match is None:
        return None, f"{name} is not a valid date (expected YYYY-MM-DD)"
    year, month, day = (int(part) for part in match.group(1, 2, 3))
    try:
        parsed = date(year, month, day)
    except ValueError:
        return None, f"{name} is not a real calendar date"
    return _check_range(name, parsed, rules)


def _check_range(name: str, parsed: date, rules: RecordRules) -> tuple[date | None, str | None]:
    if parsed < EARLIEST_DATE:
        return None, f"{name} is before {EARLIEST_DATE.isoformat()}"
    if parsed > rules.latest_date:
        return None, f"{name} is in the future (after {rules.latest_date.isoformat()})"
    return parsed, None


def _clean_institution(value: object) -> tuple[str | None, str | None]:
    if type(value) is str and _plain_ascii(cleaned := value.strip(), MAX_INSTITUTION_CHARS):
        return cleaned, None
    if value is None:
        return None, None
    if not isinstance(value, str):
        return None, "institution must be a string"
    cleaned = value.strip()
    if not cleaned:
        return None, None
    if len(cleaned) > MAX_INSTITUTION_CHARS:
        return None, f"institution is longer than {MAX_INSTITUTION_CHARS} characters"
    if _ANY_CONTROL.search(cleaned):
        return None, "institution contains control characters"
    if has_surrogates(cleaned):
        return None, "institution contains invalid Unicode (unpaired surrogate)"
    return cleaned, None


@functools.lru_cache(maxsize=1024)
def normalize_report_type(value: str) -> str | None:
    """Map a source's report type label to one of ``REPORT_TYPES``; ``None`` if unknown."""
    key = " ".join(value.replace("_", " ").replace("-", " ").lower().split())
    key = _REPORT_TYPE_ALIASES.get(key, key)
    return key if key in REPORT_TYPES else None


def _clean_report_type(value: object) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    if not isinstance(value, str):
        return None, "report_type must be a string"
    if not value.strip():
        return None, None
    normalized = normalize_report_type(value)
    if normalized is None:
        return None, f"report_type is not one of {', '.join(REPORT_TYPES)}"
    return normalized, None


def _clean_text(value: object, rules: RecordRules) -> tuple[str | None, str | None]:
    if value is None:
        return None, "missing required field text"
    if not isinstance(value, str):
        return None, "text must be a string"
    # Only CRLF is folded: every other character is kept, because extraction offsets are
    # computed on exactly the text we store.
    text = value.replace("\r\n", "\n")
    if not text or text.isspace():
        return None, "empty text"
    if len(text) > rules.max_text_chars:
        return None, f"text is {len(text)} characters, over the limit of {rules.max_text_chars}"
    if "\x00" in text or _binary_controls(text) * 10 > len(text):
        return None, "binary content (NUL or control characters)"
    if has_surrogates(text):
        return None, "text contains invalid Unicode (unpaired surrogate)"
    return text, None
