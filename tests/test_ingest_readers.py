"""pathmine.ingest: every record comes out as a Report or a Rejected, reasons carry no PHI.

All data here is synthetic: ids start with SYN-, texts contain SYNTHETIC-TEXT-.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathmine.ingest import IngestError, detect_format, read_archive
from pathmine.records import REPORT_TYPES, Rejected, Report

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BIG_TEXT_CHARS = 5_000_000
CSV_HEADER = [
    "patient_id",
    "report_id",
    "report_date",
    "specimen_date",
    "institution",
    "report_type",
    "text",
]
TOMORROW = date.today() + timedelta(days=1)

# (location, expected kind, reason substring or None, patient_id of the record (for PHI checks))
JSONL_EXPECTED: list[tuple[str, type, str | None, str | None]] = [
    ("line 1", Report, None, "SYN-P001"),
    ("line 2", Report, None, "4002"),
    # line 3 is blank: not a record
    ("line 4", Rejected, "report_date is not a real calendar date", "SYN-P004"),
    ("line 5", Rejected, "report_date is not a valid date (expected YYYY-MM-DD)", "SYN-P005"),
    ("line 6", Rejected, "empty text", "SYN-P006"),
    ("line 7", Rejected, "invalid UTF-8 at byte 113 of the line", "SYN-P007"),
    ("line 8", Rejected, "missing required field report_date", "SYN-P008"),
    ("line 9", Rejected, "JSON value is an array, not an object", "SYN-P009"),
    ("line 10", Rejected, "report_date is in the future", "SYN-P010"),
    ("line 11", Rejected, "binary content (NUL or control characters)", "SYN-P011"),
    ("line 12", Rejected, "report_type is not one of original", "SYN-P012"),
    ("line 13", Report, None, "SYN-P013"),
    ("line 14", Rejected, "report_date is before 1900-01-01", "SYN-P014"),
    ("line 15", Rejected, "malformed JSON: Unterminated string", "SYN-P015"),
]

CSV_EXPECTED: list[tuple[str, type, str | None, str | None]] = [
    ("row 1 (line 2)", Report, None, "SYN-P101"),
    ("row 2 (line 4)", Report, None, "SYN-P102"),
    ("row 3 (line 6)", Rejected, "report_date is not a real calendar date", "SYN-P103"),
    ("row 4 (line 7)", Rejected, "empty text", "SYN-P104"),
    ("row 5 (line 8)", Rejected, "invalid UTF-8 in column text", "SYN-P105"),
    ("row 6 (line 9)", Rejected, "patient_id is empty", None),
    ("row 7 (line 10)", Rejected, "row has 5 fields, header has 7", "SYN-P107"),
    ("row 8 (line 11)", Report, None, "SYN-P108"),
    # line 14 is blank: not a record
    ("row 9 (line 15)", Rejected, "specimen_date is in the future", "SYN-P109"),
    ("row 10 (line 16)", Report, None, "SYN-P110"),
]

TXT_EXPECTED: list[tuple[str, type, str | None, str | None]] = [
    ("manifest row 1", Report, None, "SYN-P201"),
    ("manifest row 2", Report, None, "SYN-P202"),
    ("manifest row 3", Rejected, "file listed in manifest not found", "SYN-P203"),
    ("manifest row 4", Rejected, "invalid UTF-8 at byte 23 of the file", "SYN-P204"),
    ("manifest row 5", Rejected, "report_date is not a real calendar date", "SYN-P205"),
    ("manifest row 6", Rejected, "outside the archive directory", "SYN-P206"),
    ("file reports/stray.txt", Rejected, "not listed in manifest", None),
]


def big_report(report_id: str) -> dict[str, Any]:
    return {
        "patient_id": "SYN-P999",
        "report_id": report_id,
        "report_date": "2022-02-02",
        "text": "SYNTHETIC-TEXT-999 " + "x" * (BIG_TEXT_CHARS - 19),
    }


@pytest.fixture
def jsonl_with_big_record(tmp_path: Path) -> Path:
    """The malformed JSONL fixture with a 5 MB record inserted before the truncated last line."""
    lines = (FIXTURES / "malformed.jsonl").read_bytes().split(b"\n")
    big = json.dumps(big_report("SYN-R999")).encode()
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"\n".join([*lines[:-1], big, lines[-1]]))
    return path


@pytest.fixture
def csv_with_big_record(tmp_path: Path) -> Path:
    buf = io.StringIO()
    rec = big_report("SYN-R998")
    csv.writer(buf, lineterminator="\n").writerow(
        [rec["patient_id"], rec["report_id"], rec["report_date"], "", "", "", rec["text"]]
    )
    path = tmp_path / "archive.csv"
    path.write_bytes((FIXTURES / "malformed.csv").read_bytes() + buf.getvalue().encode())
    return path


def check_expected(
    records: list[Report | Rejected], expected: list[tuple[str, type, str | None, str | None]]
) -> None:
    assert [r.location for r in records] == [e[0] for e in expected]
    for record, (location, kind, reason, _) in zip(records, expected, strict=True):
        assert type(record) is kind, (location, record)
        if reason is not None:
            assert isinstance(record, Rejected)
            assert reason in record.reason, (location, record.reason)


def test_jsonl_fixture_every_line_accounted_for(jsonl_with_big_record: Path) -> None:
    records = list(read_archive(jsonl_with_big_record))
    expected = [
        *JSONL_EXPECTED[:-1],
        (
            "line 15",
            Rejected,
            f"text is {BIG_TEXT_CHARS} characters, over the limit of 1000000",
            "SYN-P999",
        ),
        ("line 16", Rejected, "malformed JSON: Unterminated string", "SYN-P015"),
    ]
    check_expected(records, expected)
    non_blank = [ln for ln in jsonl_with_big_record.read_bytes().split(b"\n") if ln.strip()]
    assert len(records) == len(non_blank)
    big = records[-2]
    assert isinstance(big, Rejected)
    assert big.report_id == "SYN-R999"
    assert len(big.raw_excerpt) == 2000


def test_jsonl_fixture_good_records_are_normalized() -> None:
    records = {r.location: r for r in read_archive(FIXTURES / "malformed.jsonl")}
    first, second, third = records["line 1"], records["line 2"], records["line 13"]
    assert first == Report(
        patient_id="SYN-P001",
        report_id="SYN-R001",
        report_date=date(2021, 3, 4),
        specimen_date=date(2021, 3, 1),
        institution="Synthetic General Hospital",
        report_type="original",
        text='FINAL DIAGNOSIS: SYNTHETIC-TEXT-001 benign nevus, "compound", margins clear.'
        "\nCOMMENT: none.",
        source=str(FIXTURES / "malformed.jsonl"),
        location="line 1",
    )
    assert isinstance(second, Report) and isinstance(third, Report)
    assert (second.patient_id, second.report_id) == ("4002", "1002")  # ints coerced
    assert second.report_date == date(2022, 1, 15)  # YYYYMMDD
    assert second.report_type == "consult"  # "Second Opinion"
    assert second.text == "SYNTHETIC-TEXT-002 consult.\nDysplastic nevus, moderate atypia."
    assert third.report_date == date(2022, 11, 3)  # datetime → date part
    assert third.institution == "Synthetic Regional Lab"
    assert third.report_type == "addendum"
    # invalid UTF-8 still yields the accession for the quarantine row
    assert records["line 7"].report_id == "SYN-R007"


def test_csv_fixture_every_row_accounted_for(csv_with_big_record: Path) -> None:
    records = list(read_archive(csv_with_big_record))
    expected = [
        *CSV_EXPECTED,
        (
            "row 11 (line 17)",
            Rejected,
            f"text is {BIG_TEXT_CHARS} characters, over the limit of 1000000",
            "SYN-P999",
        ),
    ]
    check_expected(records, expected)
    assert records[-1].report_id == "SYN-R998"


def test_csv_fixture_good_rows_are_normalized() -> None:
    records = {r.location: r for r in read_archive(FIXTURES / "malformed.csv")}
    first, second, eighth, tenth = (
        records["row 1 (line 2)"],
        records["row 2 (line 4)"],
        records["row 8 (line 11)"],
        records["row 10 (line 16)"],
    )
    assert isinstance(first, Report)
    assert first.text == (
        'FINAL DIAGNOSIS:\nSYNTHETIC-TEXT-101 melanocytic nevus, "junctional", completely excised.'
    )
    assert first.specimen_date == date(2021, 5, 28)
    assert isinstance(second, Report)
    assert second.text == "SYNTHETIC-TEXT-102 line one\nline two, with comma"
    assert (second.specimen_date, second.institution, second.report_type) == (None, None, None)
    assert isinstance(eighth, Report) and eighth.report_type == "consult"
    assert isinstance(tenth, Report) and tenth.report_type == "amended"
    assert tenth.report_date == date(2021, 6, 10)
    bad_bytes = records["row 5 (line 8)"]
    assert isinstance(bad_bytes, Rejected)
    assert bad_bytes.report_id == "SYN-R105"
    assert "bad byte \ufffd here" in bad_bytes.raw_excerpt


def test_txt_archive_every_file_accounted_for() -> None:
    records = list(read_archive(FIXTURES / "txt_archive"))
    check_expected(records, TXT_EXPECTED)
    first, second = records[0], records[1]
    assert isinstance(first, Report) and isinstance(second, Report)
    assert first.text == "FINAL DIAGNOSIS: SYNTHETIC-TEXT-201 seborrheic keratosis.\n"
    assert first.specimen_date == date(2020, 1, 8)
    # BOM stripped, CRLF folded, otherwise exact
    assert second.text == "ADDENDUM:\nSYNTHETIC-TEXT-202 café au lait, S100 positive.\n"
    assert second.report_type == "addendum"
    bad_encoding = records[3]
    assert isinstance(bad_encoding, Rejected)
    assert "SYNTHETIC-TEXT-204 caf\ufffd au lait" in bad_encoding.raw_excerpt


def test_txt_archive_combines_file_and_manifest_problems(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text(
        "file,patient_id,report_id,report_date\nnope.txt,SYN-P1,SYN-R1,2020-02-30\n"
    )
    [record] = list(read_archive(tmp_path))
    assert isinstance(record, Rejected)
    assert "report_date is not a real calendar date" in record.reason
    assert "file listed in manifest not found" in record.reason


def test_txt_archive_oversized_file_is_rejected_without_decoding(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text(
        "file,patient_id,report_id,report_date\nbig.txt,SYN-P1,SYN-R1,2020-02-03\n"
    )
    (tmp_path / "big.txt").write_bytes(b"SYNTHETIC-TEXT " * 100)
    [record] = list(read_archive(tmp_path, max_text_chars=100))
    assert isinstance(record, Rejected)
    assert record.reason == "text file is 1500 bytes, over the limit of 100 characters"


def test_txt_archive_without_manifest_is_an_ingest_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("SYNTHETIC-TEXT")
    with pytest.raises(IngestError, match=r"no manifest\.csv"):
        read_archive(tmp_path)


def all_fixture_records(tmp_path: Path) -> list[tuple[Report | Rejected, str | None]]:
    """Every fixture record with the patient_id of the record it came from."""
    big_jsonl = tmp_path / "big.jsonl"
    big_jsonl.write_text(json.dumps(big_report("SYN-R999")) + "\n")
    out: list[tuple[Report | Rejected, str | None]] = []
    archives: list[tuple[Path, list[tuple[str, type, str | None, str | None]]]] = [
        (FIXTURES / "malformed.jsonl", JSONL_EXPECTED),
        (FIXTURES / "malformed.csv", CSV_EXPECTED),
        (FIXTURES / "txt_archive", TXT_EXPECTED),
        (big_jsonl, [("line 1", Rejected, None, "SYN-P999")]),
    ]
    for path, expected in archives:
        records = list(read_archive(path))
        assert len(records) == len(expected)
        out.extend((r, e[3]) for r, e in zip(records, expected, strict=True))
    return out


def test_rejection_reasons_carry_no_phi(tmp_path: Path) -> None:
    records = all_fixture_records(tmp_path)
    rejected = [(r, pid) for r, pid in records if isinstance(r, Rejected)]
    assert len(rejected) >= 20
    for record, patient_id in rejected:
        reason = record.reason
        # All synthetic patient ids, accessions and texts carry these markers.
        for marker in ("SYN-", "SYNTHETIC", "caf", "xxxxxxxx"):
            assert marker not in reason, (record.location, reason)
        if patient_id is not None:
            assert patient_id not in reason
        # the excerpt is where the raw record goes (quarantine table only)
        assert "SYN" in record.raw_excerpt
        assert len(record.raw_excerpt) <= 2000
        # the reason is one line
        assert "\n" not in reason


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


GOOD: dict[str, Any] = {
    "patient_id": "SYN-P1",
    "report_id": "SYN-R1",
    "report_date": "2020-01-02",
    "text": "SYNTHETIC-TEXT benign.",
}


def read_one(tmp_path: Path, record: dict[str, Any], **kwargs: Any) -> Report | Rejected:
    [result] = list(read_archive(write_jsonl(tmp_path / "one.jsonl", [record]), **kwargs))
    return result


# (overrides of GOOD, expected reason substring; None means accepted)
VALIDATION_TABLE: list[tuple[dict[str, Any], str | None]] = [
    ({}, None),
    # required fields
    ({"patient_id": None}, "missing required field patient_id"),
    ({"patient_id": "   "}, "patient_id is empty"),
    ({"report_id": ""}, "report_id is empty"),
    ({"text": None}, "missing required field text"),
    ({"report_date": None}, "missing required field report_date"),
    # ids
    ({"patient_id": 12345}, None),
    ({"patient_id": True}, "patient_id must be a string or an integer"),
    ({"report_id": 1.5}, "report_id must be a string or an integer"),
    ({"report_id": "R" * 128}, None),
    ({"report_id": "R" * 129}, "report_id is longer than 128 characters"),
    ({"patient_id": "SYN\tP1"}, "patient_id contains control characters"),
    ({"report_id": "SYN-R\ud800"}, "report_id contains invalid Unicode"),
    # dates
    ({"report_date": "2020-02-29"}, None),
    ({"report_date": "2021-02-29"}, "report_date is not a real calendar date"),
    ({"report_date": "20200102"}, None),
    ({"report_date": "20201302"}, "report_date is not a real calendar date"),
    ({"report_date": "2020-01-02T10:11"}, None),
    ({"report_date": "2020-01-02T10:11:12"}, None),
    ({"report_date": "2020-01-02T25:11"}, "report_date is not a valid date"),
    ({"report_date": "01/02/2020"}, "report_date is not a valid date (expected YYYY-MM-DD)"),
    ({"report_date": "2020-1-2"}, "report_date is not a valid date"),
    # issue 9, defect 5: numbers are read as their decimal text, for dates as for ids
    ({"report_date": 20200102}, None),
    ({"report_date": 2020.5}, "report_date must be a string or an integer"),
    ({"report_date": True}, "report_date must be a string or an integer"),
    ({"report_id": 4002}, None),
    ({"report_date": "1900-01-01"}, None),
    ({"report_date": "1899-12-31"}, "report_date is before 1900-01-01"),
    ({"report_date": TOMORROW.isoformat()}, None),
    ({"report_date": (TOMORROW + timedelta(days=1)).isoformat()}, "report_date is in the future"),
    ({"specimen_date": None}, None),
    ({"specimen_date": ""}, None),
    ({"specimen_date": "2019-12-30"}, None),
    ({"specimen_date": "2019-13-30"}, "specimen_date is not a real calendar date"),
    ({"specimen_date": "soon"}, "specimen_date is not a valid date"),
    # issue 9, defect 5: a specimen cannot be collected after its report was signed out
    ({"specimen_date": "2020-01-03"}, "specimen_date is after report_date"),
    ({"specimen_date": "2020-01-02"}, None),
    # report_type
    ({"report_type": "Original"}, None),
    ({"report_type": "second opinion"}, None),
    ({"report_type": "second_opinion"}, None),
    ({"report_type": "frozen section"}, "report_type is not one of"),
    ({"report_type": 3}, "report_type must be a string"),
    # text
    ({"text": "   \n\t"}, "empty text"),
    ({"text": ""}, "empty text"),
    ({"text": "x" * 100}, None),
    ({"text": "x" * 101}, "text is 101 characters, over the limit of 100"),
    ({"text": "SYNTHETIC\x00TEXT"}, "binary content (NUL or control characters)"),
    ({"text": "ab\x01\x02" + "c" * 16}, None),  # 2 of 20 = 10%: not over
    ({"text": "ab\x01\x02\x03" + "c" * 15}, "binary content"),  # 3 of 20 > 10%
    ({"text": "page one\f\tpage two\r\n\n"}, None),  # layout characters do not count
    ({"text": "SYNTHETIC \ud83d"}, "text contains invalid Unicode"),
    ({"text": ["not", "text"]}, "text must be a string"),
    # institution
    ({"institution": "   "}, None),
    ({"institution": "I" * 256}, None),
    ({"institution": "I" * 257}, "institution is longer than 256 characters"),
    ({"institution": 7}, "institution must be a string"),
]


@pytest.mark.parametrize(("overrides", "reason"), VALIDATION_TABLE)
def test_validation_rules(tmp_path: Path, overrides: dict[str, Any], reason: str | None) -> None:
    record = read_one(tmp_path, {**GOOD, **overrides}, max_text_chars=100)
    if reason is None:
        assert isinstance(record, Report), record
    else:
        assert isinstance(record, Rejected)
        assert reason in record.reason
        assert record.location == "line 1"


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("report_type", "Second Opinion", "consult"),
        ("report_type", "second_opinion", "consult"),
        ("report_type", "Addendum Report", "addendum"),
        ("report_type", "amendment", "amended"),
        ("report_type", " REVIEW ", "review"),
        ("report_type", "", None),
        ("institution", "  Synthetic Lab \n", "Synthetic Lab"),
        ("institution", "", None),
        ("patient_id", "  SYN-P1  ", "SYN-P1"),
        ("report_date", "2020-01-02T23:59:59+05:00", date(2020, 1, 2)),
        ("text", "a\r\nb\rc\n", "a\nb\rc\n"),  # only CRLF is folded
        ("text", "  SYNTHETIC  ", "  SYNTHETIC  "),  # text is never stripped
    ],
)
def test_normalization(tmp_path: Path, field: str, value: str, expected: object) -> None:
    record = read_one(tmp_path, {**GOOD, field: value})
    assert isinstance(record, Report)
    assert getattr(record, field) == expected


def test_rejection_lists_every_problem(tmp_path: Path) -> None:
    record = read_one(tmp_path, {**GOOD, "report_date": "2020-02-30", "text": " "})
    assert isinstance(record, Rejected)
    assert record.reason == "report_date is not a real calendar date; empty text"
    assert record.report_id == "SYN-R1"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"patient_id": "SYN-P1", "text": "tru', "malformed JSON: Unterminated string"),
        (b"{,}", "malformed JSON: Expecting property name"),
        (b'"SYNTHETIC-TEXT"', "JSON value is a string, not an object"),
        (b"null", "JSON value is null, not an object"),
        (b"42", "JSON value is a number, not an object"),
        (b"[" * 100_000 + b"]" * 100_000, "malformed JSON: a number or nesting is too large"),
        (b'{"text": "SYN\xc3"}', "invalid UTF-8 at byte 14 of the line"),
        (b"\xff{}", "invalid UTF-8 at byte 1 of the line; malformed JSON"),
    ],
)
def test_jsonl_line_problems(tmp_path: Path, line: bytes, reason: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(line + b"\n")
    [record] = list(read_archive(path))
    assert isinstance(record, Rejected)
    assert reason in record.reason
    assert "SYN" not in record.reason


def test_jsonl_blank_lines_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.ndjson"
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\r\n\n  \t\n" + json.dumps(GOOD).encode()
    )
    records = list(read_archive(path))
    assert [r.location for r in records] == ["line 1", "line 4"]
    assert all(isinstance(r, Report) for r in records)


def test_jsonl_overlong_line_is_rejected_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    long_rec = {**GOOD, "text": "SYNTHETIC " * 300_000}  # 3 MB line, limit ~1 MB for 10 chars
    write_jsonl(path, [GOOD, long_rec, GOOD])
    records = [r for r in read_archive(path, max_text_chars=10) if isinstance(r, Rejected)]
    assert len(records) == 3
    assert "text is 22 characters" in records[0].reason
    assert records[1].location == "line 2"
    assert records[1].reason.startswith("line is 3000")
    assert "over the limit of" in records[1].reason
    assert records[2].location == "line 3"


def test_gzip_archives(tmp_path: Path) -> None:
    jpath = tmp_path / "a.jsonl.gz"
    with gzip.open(jpath, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(GOOD) + "\n")
    cpath = tmp_path / "a.csv.gz"
    with gzip.open(cpath, "wb") as fh:
        fh.write((FIXTURES / "malformed.csv").read_bytes())
    assert isinstance(next(read_archive(jpath)), Report)
    check_expected(list(read_archive(cpath)), CSV_EXPECTED)


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_truncated_gzip_keeps_the_good_records_and_quarantines_the_tail(
    tmp_path: Path, kind: str
) -> None:
    """Regression (issue 9, defect 2): a truncated .gz used to raise and stop the run."""
    if kind == "jsonl":
        body = b"".join(json.dumps(GOOD).encode() + b"\n" for _ in range(2000))
    else:
        head = ",".join(CSV_HEADER).encode() + b"\n"
        row = b"SYN-P1,SYN-R1,2020-01-01,,,,SYNTHETIC-TEXT leiomyoma\n"
        body = head + row * 2000
    path = tmp_path / f"a.{kind}.gz"
    data = gzip.compress(body)
    path.write_bytes(data[: len(data) // 2])
    records = list(read_archive(path))
    *good, tail = records
    assert good and all(isinstance(r, Report) for r in good)
    assert isinstance(tail, Rejected) and tail.scope == "file"
    assert "damaged or truncated" in tail.reason and tail.location.startswith("after ")


def test_csv_column_map(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "ACCESSION,MRN,SIGNED_OUT,UNUSED,REPORT_TEXT,TYPE\n"
        'SYN-R1,SYN-P1,2020-03-04,ignored,"SYNTHETIC-TEXT\nline 2",Consultation\n'
        "SYN-R2,SYN-P2,2020-03-05,ignored,,\n",
        encoding="utf-8",
    )
    column_map = {
        "report_id": "ACCESSION",
        "patient_id": "MRN",
        "report_date": "SIGNED_OUT",
        "text": "REPORT_TEXT",
        "report_type": "TYPE",
    }
    first, second = list(read_archive(path, column_map=column_map))
    assert first == Report(
        patient_id="SYN-P1",
        report_id="SYN-R1",
        report_date=date(2020, 3, 4),
        text="SYNTHETIC-TEXT\nline 2",
        report_type="consult",
        source=str(path),
        location="row 1 (line 2)",
    )
    assert isinstance(second, Rejected)
    assert second.reason == "empty text"
    assert second.location == "row 2 (line 4)"


def test_csv_missing_required_columns_is_an_ingest_error(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("MRN,report_id,TEXT\nSYN-P1,SYN-R1,SYNTHETIC\n")
    with pytest.raises(IngestError) as info:
        read_archive(path, column_map={"text": "REPORT_TEXT"})
    message = str(info.value)
    assert "missing required column(s): patient_id, report_date, REPORT_TEXT (for text)" in message
    assert "\n" not in message and "SYN" not in message.replace(str(path), "")


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "no header row"),
        (b"\nreport_id\n", "no header row"),
        (b"patient_id,report_id,report_date,text,text\n", "column text more than once"),
        (b"patient_id,report_id,report_date,te\xffxt\n", "header row is not valid UTF-8"),
    ],
)
def test_csv_bad_header(tmp_path: Path, content: bytes, match: str) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=match):
        read_archive(path)


def test_column_map_with_unknown_field_is_an_ingest_error(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [GOOD])
    with pytest.raises(IngestError, match="unknown field"):
        read_archive(path, column_map={"mrn": "MRN"})
    with pytest.raises(IngestError, match="unknown field"):
        read_archive(FIXTURES / "malformed.csv", column_map={"mrn": "MRN"})


def test_jsonl_column_map(tmp_path: Path) -> None:
    record = dict(GOOD)
    record["body"] = record.pop("text")
    path = write_jsonl(tmp_path / "a.jsonl", [record])
    [result] = list(read_archive(path, column_map={"text": "body"}))
    assert isinstance(result, Report) and result.text == "SYNTHETIC-TEXT benign."


def test_txt_unlisted_files_in_subdirectories(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "txt_archive", tmp_path / "arch")
    (tmp_path / "arch" / "reports" / "deep").mkdir()
    (tmp_path / "arch" / "reports" / "deep" / "Other.TXT").write_text("SYNTHETIC-TEXT")
    records = list(read_archive(tmp_path / "arch", "txt"))
    unlisted = [r.location for r in records if isinstance(r, Rejected) and "not listed" in r.reason]
    assert unlisted == ["file reports/stray.txt", "file reports/deep/Other.TXT"]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("A.JSONL.GZ", "jsonl"),
        ("a.csv", "csv"),
        ("a.csv.gz", "csv"),
    ],
)
def test_detect_format(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert detect_format(path) == fmt


def test_detect_format_errors(tmp_path: Path) -> None:
    assert detect_format(tmp_path) == "txt"
    with pytest.raises(IngestError, match="archive not found"):
        detect_format(tmp_path / "nope.jsonl")
    (tmp_path / "a.xlsx").write_bytes(b"")
    with pytest.raises(IngestError, match="cannot tell the archive format"):
        detect_format(tmp_path / "a.xlsx")
    with pytest.raises(IngestError, match="archive not found"):
        read_archive(tmp_path / "nope.csv")
    with pytest.raises(IngestError, match="unknown format"):
        read_archive(tmp_path / "a.xlsx", "xlsx")
    with pytest.raises(IngestError, match="needs a file"):
        read_archive(tmp_path, "jsonl")


def test_explicit_format_overrides_suffix(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "export.txt", [GOOD])
    assert isinstance(next(read_archive(path, "jsonl")), Report)


# --- property: valid reports round-trip through JSONL and CSV -------------------------------

_visible = st.characters(blacklist_categories=("Cc", "Cs"))
_ids = st.text(_visible, min_size=1, max_size=30).map(str.strip).filter(bool)
_texts = st.text(
    st.one_of(_visible, st.sampled_from(["\n", "\t", '"', ",", "'", "\\", "\r"])),
    min_size=1,
    max_size=200,
).filter(lambda t: bool(t.replace("\r\n", "\n").strip()))
_reports = st.builds(
    Report,
    patient_id=_ids,
    report_id=_ids,
    report_date=st.dates(date(1900, 1, 1), date.today()),
    text=_texts,
    specimen_date=st.none() | st.dates(date(1900, 1, 1), date.today()),
    institution=st.none() | _ids,
    report_type=st.none() | st.sampled_from(REPORT_TYPES),
).filter(lambda r: r.specimen_date is None or r.specimen_date <= r.report_date)


def _expected(report: Report, path: Path, location: str) -> Report:
    return Report(
        patient_id=report.patient_id,
        report_id=report.report_id,
        report_date=report.report_date,
        text=report.text.replace("\r\n", "\n"),
        specimen_date=report.specimen_date,
        institution=report.institution,
        report_type=report.report_type,
        source=str(path),
        location=location,
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reports=st.lists(_reports, min_size=1, max_size=5))
def test_property_jsonl_round_trip(tmp_path: Path, reports: list[Report]) -> None:
    path = tmp_path / "prop.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in reports:
            fh.write(
                json.dumps(
                    {
                        "patient_id": r.patient_id,
                        "report_id": r.report_id,
                        "report_date": _iso(r.report_date),
                        "specimen_date": _iso(r.specimen_date),
                        "institution": r.institution,
                        "report_type": r.report_type,
                        "text": r.text,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    got = list(read_archive(path))
    assert got == [_expected(r, path, f"line {i}") for i, r in enumerate(reports, 1)]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reports=st.lists(_reports, min_size=1, max_size=5))
def test_property_csv_round_trip(tmp_path: Path, reports: list[Report]) -> None:
    path = tmp_path / "prop.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_HEADER)
        for r in reports:
            writer.writerow(
                [
                    r.patient_id,
                    r.report_id,
                    _iso(r.report_date),
                    _iso(r.specimen_date) or "",
                    r.institution or "",
                    r.report_type or "",
                    r.text,
                ]
            )
    got = list(read_archive(path))
    assert [(type(g), getattr(g, "reason", None)) for g in got] == [(Report, None)] * len(reports)
    assert [g.location.split(" (")[0] for g in got] == [f"row {i}" for i in range(1, len(got) + 1)]
    assert [_expected(r, path, "") for r in reports] == [
        _expected(g, path, "") for g in got if isinstance(g, Report)
    ]


# --- memory: streaming, not loading --------------------------------------------------------


def test_memory_is_flat_in_archive_size(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    body = "SYNTHETIC-TEXT benign compound nevus, margins clear. " * 38  # ~2 KB
    with path.open("w", encoding="utf-8") as fh:
        for i in range(20_000):
            fh.write(
                json.dumps(
                    {
                        "patient_id": f"SYN-P{i % 997}",
                        "report_id": f"SYN-R{i}",
                        "report_date": "2021-05-06",
                        "text": body,
                    }
                )
                + "\n"
            )
    assert path.stat().st_size > 40_000_000
    started = time.perf_counter()
    tracemalloc.start()
    try:
        count = sum(1 for record in read_archive(path) if isinstance(record, Report))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert peak < 5_000_000, f"peak traced memory {peak} bytes"
    assert time.perf_counter() - started < 10
