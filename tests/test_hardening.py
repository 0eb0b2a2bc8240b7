"""Issue 9 regressions: bad input never corrupts stored data or stops a whole run.

Each test names the defect it pins down and failed before its fix. All data is synthetic
(ids SYN-…, texts SYNTHETIC-…).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers import write_jsonl
from pathmine.ingest import read_archive
from pathmine.nlp import default_extractor
from pathmine.records import Rejected, Report
from pathmine.store import QuarantineRow, make_engine, session_factory
from pathmine.store import Report as ReportRow
from pathmine.workflow import run_ingest

HEADER = ["patient_id", "report_id", "report_date", "text", "institution"]


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    return default_extractor()


def _csv_archive(rows: int, *, multiline: bool) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADER)
    for i in range(1, rows + 1):
        text = f"SYNTHETIC report {i}, final." + ("\nDIAGNOSIS: leiomyoma." if multiline else "")
        writer.writerow([f"SYN-P{i:03d}", f"SYN-R{i:03d}", f"2014-01-{i % 28 + 1:02d}", text, "X"])
    return buf.getvalue()


def _records(path: Path) -> tuple[list[Report], list[Rejected]]:
    records = list(read_archive(path))
    return (
        [r for r in records if isinstance(r, Report)],
        [r for r in records if isinstance(r, Rejected)],
    )


# -- defect 1: a stray quote in a CSV must never merge reports -------------------------------

# (name, text of the archive with its damage, ids that must be quarantined)
_STRAY = [
    # Row 10's closing quote lost, one-line texts: row 10 used to swallow row 11 whole, with
    # the right field count, and nobody noticed (499 read for 500 rows).
    (
        "closing quote lost, one-line texts",
        lambda: _csv_archive(20, multiline=False).replace(
            'report 10, final.",X', "report 10, final.,X", 1
        ),
        2,
    ),
    # The same with multi-line texts: the runaway field ends inside row 11, whose tail used to
    # be counted as a record of its own.
    (
        "closing quote lost, multi-line texts",
        lambda: _csv_archive(20, multiline=True).replace(
            'leiomyoma.",X\r\nSYN-P011', "leiomyoma.,X\r\nSYN-P011", 1
        ),
        2,
    ),
    # An extra quote ends row 10's text early: its remainder is not a record of its own.
    (
        "field closed early",
        lambda: _csv_archive(20, multiline=True).replace(
            ',"SYNTHETIC report 10,', ',""SYNTHETIC report 10,', 1
        ),
        1,
    ),
    # Two exports concatenated with the second header line inside a runaway field.
    (
        "header swallowed",
        lambda: (
            _csv_archive(5, multiline=False).replace('report 5, final.",X', "report 5, final.,X", 1)
            + _csv_archive(3, multiline=False)
        ),
        None,
    ),
]


@pytest.mark.parametrize("name, make, bad", _STRAY, ids=[s[0] for s in _STRAY])
def test_stray_quote_never_merges_reports(tmp_path: Path, name: str, make, bad) -> None:  # type: ignore[no-untyped-def]
    text = make()
    path = tmp_path / "archive.csv"
    path.write_text(text, encoding="utf-8", newline="")
    reports, rejected = _records(path)
    physical = sum(1 for line in text.splitlines() if line.startswith("SYN-P"))
    # Every physical record is accounted for exactly once.
    assert len(reports) + len(rejected) == physical + text.count("patient_id,report_id") - 1
    if bad is not None:
        assert len(rejected) == bad
    # No stored text holds another record.
    for report in reports:
        assert "SYN-P" not in report.text and "patient_id" not in report.text
        assert report.text.count("SYNTHETIC report") == 1
    assert all("SYN-" not in r.reason and "SYNTHETIC" not in r.reason for r in rejected)


def test_swallowed_records_are_named_in_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "archive.csv"
    path.write_text(_STRAY[0][1](), encoding="utf-8", newline="")  # type: ignore[no-untyped-call]
    _, rejected = _records(path)
    assert [r.location for r in rejected] == ["row 10 (line 11)", "row 11 (line 12)"]
    assert "unbalanced quote" in rejected[0].reason and "line(s) 12" in rejected[0].reason
    assert "swallowed by an unbalanced quote in the row at line 11" in rejected[1].reason


def test_text_lines_that_merely_contain_commas_and_dates_are_kept(tmp_path: Path) -> None:
    """The record-shape check must not reject honest multi-line texts."""
    text = (
        "Specimen received 2014-03-02, fixed, sectioned.\n"
        "Prior: leiomyoma, 2011-05-06, outside.\n"
        "A, B, C, D, E\n"
        "SIGNED: L. CHEN, MD, 2014-03-05\n"  # a signature: a date in place, but no ids
        "2014-01-01,2014-01-02,2014-01-03,x"  # dates but no plausible ids in the key columns?
    )
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADER)
    writer.writerow(["SYN-P1", "SYN-R1", "2014-03-05", text, "X"])
    path = tmp_path / "a.csv"
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    reports, rejected = _records(path)
    # The last line *is* record-shaped (values in the key columns, a date in report_date):
    # quarantining it, with a reason a reviewer can check, is the safe side.
    assert not reports and "unbalanced quote" in rejected[0].reason
    # The first three lines alone are an honest text.
    writer_buf = io.StringIO()
    w = csv.writer(writer_buf)
    w.writerow(HEADER)
    w.writerow(["SYN-P1", "SYN-R1", "2014-03-05", "\n".join(text.splitlines()[:4]), "X"])
    path.write_text(writer_buf.getvalue(), encoding="utf-8", newline="")
    reports, rejected = _records(path)
    assert len(reports) == 1 and not rejected


# -- defect 2: one damaged file must not stop the run ---------------------------------------


def _good(prefix: str, n: int) -> list[dict[str, str]]:
    return [
        {
            "patient_id": f"SYN-{prefix}{i}",
            "report_id": f"SYN-{prefix}-R{i}",
            "report_date": "2019-05-01",
            "text": f"SYNTHETIC-{prefix}. DIAGNOSIS: Uterus, hysterectomy: leiomyoma.",
        }
        for i in range(n)
    ]


def _truncated_gz(path: Path, n: int) -> Path:
    body = b"".join(json.dumps(r).encode() + b"\n" for r in _good("T", n))
    data = gzip.compress(body)
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def _stored_ids(engine) -> set[str]:  # type: ignore[no-untyped-def]
    with session_factory(engine)() as session:
        return set(session.scalars(select(ReportRow.report_id)))


def test_damaged_file_between_good_ones_is_isolated(
    db_url: str,
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", _good("A", 3))
    bad = _truncated_gz(tmp_path / "truncated.jsonl.gz", 400)
    header = tmp_path / "noheader.csv"
    header.write_text("just,some,columns\n1,2,3\n", encoding="utf-8")
    good2 = write_jsonl(tmp_path / "good2.jsonl", _good("B", 2))
    engine = make_engine(db_url)
    for _ in range(2):  # and every rerun, too
        summary = run_ingest(engine, [good, bad, header, good2], extractor, batch_size=50)
        assert len(summary.file_problems) == 2
        assert summary.status == "completed"
    ids = _stored_ids(engine)
    assert {f"SYN-A-R{i}" for i in range(3)} | {f"SYN-B-R{i}" for i in range(2)} <= ids
    assert any(i.startswith("SYN-T-R") for i in ids)  # the readable head of the damaged file
    with session_factory(engine)() as session:
        rows = list(session.scalars(select(QuarantineRow)))
    reasons = {r.source.rsplit("/", 1)[-1]: r.reason for r in rows}
    assert "damaged or truncated" in reasons["truncated.jsonl.gz"]
    assert "missing required column" in reasons["noheader.csv"]
    assert len(rows) == 2  # the rerun did not duplicate them


def test_cli_exits_nonzero_after_ingesting_the_readable_files(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", _good("A", 2))
    bad = _truncated_gz(tmp_path / "truncated.jsonl.gz", 300)
    good2 = write_jsonl(tmp_path / "good2.jsonl", _good("B", 2))
    db = tmp_path / "x.db"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pathmine.cli",
            "ingest",
            str(good),
            str(bad),
            str(good2),
            "--db",
            str(db),
            "--workers",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "truncated.jsonl.gz" in result.stderr and "file-level problem" in result.stderr
    assert "stored (new reports)" in result.stdout
    ids = _stored_ids(make_engine(f"sqlite:///{db}"))
    assert {"SYN-A-R0", "SYN-A-R1", "SYN-B-R0", "SYN-B-R1"} <= ids


def _manifest_dir(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    root = tmp_path / "txt"
    root.mkdir()
    lines = ["file,patient_id,report_id,report_date"]
    for name, patient, report in rows:
        target = root / name
        if not target.exists():
            target.write_text(f"SYNTHETIC {name}. Leiomyoma.", encoding="utf-8")
        lines.append(f"{name},{patient},{report},2018-02-03")
    (root / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_unreadable_manifest_entry_is_quarantined_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection at the OS boundary (tests run as root here, so chmod cannot do it)."""
    root = _manifest_dir(
        tmp_path,
        [
            ("a.txt", "SYN-P1", "SYN-R1"),
            ("b.txt", "SYN-P2", "SYN-R2"),
            ("c.txt", "SYN-P3", "SYN-R3"),
        ],
    )
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "b.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    reports, rejected = _records(root)
    assert [r.report_id for r in reports] == ["SYN-R1", "SYN-R3"]
    assert len(rejected) == 1 and rejected[0].location == "manifest row 2"
    assert rejected[0].reason == "file listed in manifest cannot be read (permission denied)"


@pytest.mark.skipif(
    sys.platform == "win32" or __import__("os").geteuid() == 0, reason="root reads anything"
)
def test_unreadable_manifest_entry_for_real(tmp_path: Path) -> None:
    root = _manifest_dir(tmp_path, [("a.txt", "SYN-P1", "SYN-R1"), ("b.txt", "SYN-P2", "SYN-R2")])
    (root / "b.txt").chmod(0)
    reports, rejected = _records(root)
    assert [r.report_id for r in reports] == ["SYN-R1"]
    assert "cannot be read (permission denied)" in rejected[0].reason


# -- defect 5 (part): one text file listed under two entries -----------------------------------


def test_same_txt_listed_twice_is_quarantined_the_second_time(tmp_path: Path) -> None:
    root = _manifest_dir(
        tmp_path,
        [
            ("a.txt", "SYN-P1", "SYN-R1"),
            ("a.txt", "SYN-P2", "SYN-R2"),
            ("b.txt", "SYN-P3", "SYN-R3"),
        ],
    )
    reports, rejected = _records(root)
    assert [r.report_id for r in reports] == ["SYN-R1", "SYN-R3"]
    assert [(r.location, r.reason) for r in rejected] == [
        ("manifest row 2", "file is already listed in manifest row 1")
    ]


# -- defect 4: --debug must never print PHI ------------------------------------------------

PHI_MRN, PHI_NAME = "SYN-MRN-PHI-7731", "JANEPHIDOE"


def _plant_failing_insert(engine) -> None:  # type: ignore[no-untyped-def]
    """A trigger that fails every report insert, the way a full disk or a constraint would,
    with the row's values in the database's own error detail on PostgreSQL."""
    from sqlalchemy import text

    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(
                text(
                    "CREATE TRIGGER boom BEFORE INSERT ON reports "
                    "BEGIN SELECT RAISE(ABORT, 'planted failure'); END"
                )
            )
        else:
            conn.execute(
                text(
                    "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'planted failure' USING DETAIL = "
                    "'Key (report_id)=(' || NEW.report_id || ') text ' || NEW.text; "
                    "END $$ LANGUAGE plpgsql"
                )
            )
            conn.execute(
                text(
                    "CREATE TRIGGER boom BEFORE INSERT ON reports "
                    "FOR EACH ROW EXECUTE FUNCTION boom()"
                )
            )


def test_debug_output_carries_no_phi(db_url: str, extractor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Regression: on a database error mid-batch, --debug printed the driver's parameter
    dump (MRNs, report text with a patient's name)."""
    engine = make_engine(db_url)
    run_ingest(engine, [write_jsonl(tmp_path / "first.jsonl", _good("A", 1))], extractor)
    _plant_failing_insert(engine)
    engine.dispose()
    phi = write_jsonl(
        tmp_path / "phi.jsonl",
        [
            {
                "patient_id": PHI_MRN,
                "report_id": f"{PHI_MRN}-R1",
                "report_date": "2020-01-02",
                "text": f"Patient {PHI_NAME}, MRN {PHI_MRN}. DIAGNOSIS: Leiomyoma.",
            }
        ],
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pathmine.cli",
            "--debug",
            "ingest",
            str(phi),
            "--db",
            db_url,
            "--workers",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" in out and "planted failure" in out  # the debugging value stays
    assert PHI_MRN not in out and PHI_NAME not in out, out


@pytest.mark.parametrize(
    ("message", "kept", "dropped"),
    [
        (
            'duplicate key value violates unique constraint "patients_key"\n'
            "DETAIL:  Key (patient_key)=(SYN-MRN-1) already exists.",
            "duplicate key value violates unique constraint",
            "SYN-MRN-1",
        ),
        ('invalid input syntax for type date: "JANEPHIDOE"', "invalid input syntax", "JANEPHIDOE"),
        ("statement failed [parameters: ('SYN-MRN-2', 'text')]", "statement failed", "SYN-MRN-2"),
    ],
)
def test_scrub_message(message: str, kept: str, dropped: str) -> None:
    from pathmine.safe_errors import scrub_message

    scrubbed = scrub_message(message)
    assert kept in scrubbed and dropped not in scrubbed


# -- defect 3: two first-time ingests at once ------------------------------------------------

_RACER = """
import sys, time
from pathlib import Path
from pathmine.store import ensure_schema, make_engine
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
ensure_schema(make_engine(sys.argv[1]))
"""


def test_schema_creation_is_safe_under_concurrency(db_url: str, tmp_path: Path) -> None:
    """Regression: the second of two ingests started together on a new SQLite file failed
    with 'table patients already exists'. Six processes race here, released together."""
    go = tmp_path / "go"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", _RACER, db_url, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    time.sleep(2.0)  # every interpreter started and waiting
    go.touch()
    for racer in racers:
        _, err = racer.communicate(timeout=180)
        assert racer.returncode == 0, err
    from pathmine.store import current_revision

    engine = make_engine(db_url)
    assert current_revision(engine) is not None
    engine.dispose()


# -- defect 7: typos must not look like "no flags"; help reads like a well-kept CLI ----------


def _cli(*args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "pathmine.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": str(columns), "TERM": "dumb"},
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("flags", "--kind", "nonsense"), "Invalid value for '--kind'"),
        (("flags", "--status", "bogus"), "Invalid value for '--status'"),
        (
            ("flags", "review", "F-1", "--decision", "dismissed", "--reviewer", " "),
            "must name who decided",
        ),
    ],
)
def test_typos_are_usage_errors(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = _cli(*args, "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr


def test_flags_help_lists_every_kind() -> None:
    out = _cli("flags", "--help", columns=200).stdout
    for kind in ("benign_to_malignant", "review_discordance", "benign_with_malignant_features"):
        assert kind in out


@pytest.mark.parametrize(
    "command", [("ingest",), ("flags",), ("flags", "review"), ("stats",), ("export",)]
)
def test_help_names_types_plainly_and_options_in_full(command: tuple[str, ...]) -> None:
    """Regression: help showed <bool>, <str>, <list[Path]> and cut '--home-instituti…'."""
    out = _cli(*command, "--help").stdout
    assert "<bool>" not in out and "<str>" not in out and "<list" not in out, out
    for line in out.splitlines():
        for word in line.split():
            if word.startswith("--"):
                assert not word.endswith("…"), line


# -- defect 5 (part): escapes in report text never reach the terminal raw -------------------


def test_show_neutralises_terminal_escapes(tmp_path: Path) -> None:
    text = (
        "SYNTHETIC report. \x1b[2J\x1b]0;retitled\x07\x9b31m DIAGNOSIS: Leiomyoma, 4 cm. "
        + "Bland smooth muscle. " * 4
    )
    archive = write_jsonl(
        tmp_path / "esc.jsonl",
        [
            {
                "patient_id": "SYN-E1",
                "report_id": "SYN-E1-R",
                "report_date": "2020-02-02",
                "text": text,
            }
        ],
    )
    db = tmp_path / "x.db"
    assert _cli("ingest", str(archive), "--db", str(db), "--workers", "1").returncode == 0
    shown = _cli("show", "SYN-E1-R", "--db", str(db))
    assert shown.returncode == 0, shown.stderr
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout and "\x9b" not in shown.stdout
    assert "␛[2J" in shown.stdout  # visible, same length, so highlights stay aligned
    with session_factory(make_engine(f"sqlite:///{db}"))() as session:  # stored as sent
        assert session.scalar(select(ReportRow.text)) == text


# -- defect 6: runs whose process is gone are marked interrupted; `pathmine runs` -----------


def test_abandoned_runs_are_marked_interrupted(db_url: str, extractor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import os
    import socket
    from datetime import timedelta

    from pathmine.store import IngestRun, utcnow

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    engine = make_engine(db_url)
    run_ingest(engine, [write_jsonl(tmp_path / "a.jsonl", _good("A", 1))], extractor)
    host = socket.gethostname()
    old = utcnow() - timedelta(days=2)
    with session_factory(engine)() as session, session.begin():
        for h, pid, beat in (
            (host, dead.pid, utcnow()),  # this machine, process gone
            ("other-node", 1234, old),  # another machine, silent for two days
            ("other-node", 1234, utcnow()),  # another machine, alive a moment ago
            (host, os.getpid(), utcnow()),  # this machine, process alive
        ):
            session.add(IngestRun(pipeline_version="x", host=h, pid=pid, heartbeat_at=beat))
    run_ingest(engine, [write_jsonl(tmp_path / "b.jsonl", _good("B", 1))], extractor)
    with session_factory(engine)() as session:
        statuses = list(session.scalars(select(IngestRun.status).order_by(IngestRun.id)))
    assert statuses == [
        "completed",
        "interrupted",
        "interrupted",
        "running",
        "running",
        "completed",
    ]
    listed = _cli("runs", "--db", db_url, "--format", "json")
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["status"] for r in rows] == list(reversed(statuses))
    assert rows[0]["n_stored"] == 1 and rows[0]["host"] == host


def test_killed_ingest_shows_as_interrupted_at_the_next_start(tmp_path: Path) -> None:
    import signal

    from helpers import scaled_archive

    archive = scaled_archive(tmp_path / "big.jsonl", 40)
    db = tmp_path / "k.db"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pathmine.cli",
            "ingest",
            str(archive),
            "--db",
            str(db),
            "--workers",
            "1",
            "--batch-size",
            "5",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    engine = make_engine(f"sqlite:///{db}")
    deadline = time.time() + 120
    from pathmine.store import IngestRun

    while time.time() < deadline:  # wait until the first batch is committed
        time.sleep(0.2)
        try:
            with session_factory(engine)() as session:
                if session.scalar(select(IngestRun.n_read)):
                    break
        except Exception:  # the schema is not created yet
            continue
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    listed = _cli("runs", "--db", str(db), "--format", "json")
    assert json.loads(listed.stdout.splitlines()[0])["status"] == "running"  # nobody knows yet
    again = _cli("ingest", str(archive), "--db", str(db), "--workers", "1")
    assert again.returncode == 0, again.stderr
    rows = [
        json.loads(line)
        for line in _cli("runs", "--db", str(db), "--format", "json").stdout.splitlines()
    ]
    assert [r["status"] for r in rows] == ["completed", "interrupted"]


# -- defect 5 (part): non-UTF-8 archives -----------------------------------------------------


def _cp1252_csv(path: Path) -> Path:
    text = "Patient SYNTHETIC Zoë Müller-Ørsted, façade. DIAGNOSIS: Léiomyome – leiomyoma."
    path.write_bytes(
        (f'patient_id,report_id,report_date,text\r\nSYN-P1,SYN-R1,2020-01-02,"{text}"\r\n').encode(
            "cp1252"
        )
    )
    return path


def test_cp1252_csv_is_quarantined_with_a_hint_then_read_with_encoding(tmp_path: Path) -> None:
    path = _cp1252_csv(tmp_path / "win.csv")
    (rejected,) = list(read_archive(path))
    assert isinstance(rejected, Rejected)
    assert "invalid UTF-8 in column text" in rejected.reason
    assert "try --encoding cp1252" in rejected.reason
    (report,) = list(read_archive(path, encoding="cp1252"))
    assert isinstance(report, Report) and "Zoë Müller-Ørsted" in report.text and "–" in report.text


def test_latin1_txt_archive_with_encoding(tmp_path: Path) -> None:
    root = tmp_path / "txt"
    root.mkdir()
    (root / "a.txt").write_bytes("SYNTHETIC Ångström. Léiomyome.".encode("latin-1"))
    (root / "manifest.csv").write_text(
        "file,patient_id,report_id,report_date\na.txt,P,R,2020-01-02\n"
    )
    (rejected,) = list(read_archive(root))
    assert isinstance(rejected, Rejected) and "--encoding cp1252" in rejected.reason
    (report,) = list(read_archive(root, encoding="latin-1"))
    assert isinstance(report, Report) and report.text.startswith("SYNTHETIC Ångström")


def test_encoding_errors_are_clear(tmp_path: Path) -> None:
    from pathmine.ingest import IngestError

    path = _cp1252_csv(tmp_path / "win.csv")
    with pytest.raises(IngestError, match="unknown encoding"):
        read_archive(path, encoding="klingon")
    with pytest.raises(IngestError, match="JSON Lines is always UTF-8"):
        read_archive(write_jsonl(tmp_path / "a.jsonl", _good("A", 1)), encoding="cp1252")


def test_cli_ingest_encoding_option(tmp_path: Path) -> None:
    path = _cp1252_csv(tmp_path / "win.csv")
    result = _cli(
        "ingest",
        str(path),
        "--encoding",
        "cp1252",
        "--db",
        str(tmp_path / "e.db"),
        "--workers",
        "1",
    )
    assert result.returncode == 0, result.stderr
    assert "quarantined" in result.stdout
    with session_factory(make_engine(f"sqlite:///{tmp_path / 'e.db'}"))() as session:
        assert "Müller" in (session.scalar(select(ReportRow.text)) or "")


# -- concurrency: two ingests on one database; a decision during re-flagging ----------------


def test_two_ingests_on_one_database_at_once(db_url: str, extractor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Overlapping archives ingested by two processes together: both finish, every report is
    stored exactly once, and the flags equal those of one clean run."""
    from helpers import flag_tuples, scaled_archive, table_counts

    archive = scaled_archive(tmp_path / "a.jsonl", 12)
    engine = make_engine(db_url)
    from pathmine.store import ensure_schema

    ensure_schema(engine)  # the first-time race is its own test; here both find the schema
    go = tmp_path / "go"
    script = (
        "import sys, time, pathlib\n"
        "from pathmine.cli import main\n"
        "go = pathlib.Path(sys.argv[1])\n"
        "while not go.exists(): time.sleep(0.001)\n"
        "sys.argv = ['pathmine', '--debug', 'ingest', sys.argv[2], '--db', sys.argv[3],"
        " '--workers', '1', '--batch-size', '7']\n"
        "main()\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(go), str(archive), db_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    time.sleep(3.0)
    go.touch()
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, out + err
    counts = table_counts(engine)
    flags = {f[1:5] for f in flag_tuples(engine)}
    clean = make_engine(f"sqlite:///{tmp_path / 'clean.db'}")
    run_ingest(clean, [archive], extractor)
    assert counts["reports"] == table_counts(clean)["reports"]
    assert flags == {f[1:5] for f in flag_tuples(clean)}


def test_review_decision_during_reflagging_is_never_lost(engine, extractor) -> None:  # type: ignore[no-untyped-def]
    import threading

    from helpers import SEED_ARCHIVE
    from pathmine.store import FlagReviewRow, FlagRow, repository
    from pathmine.workflow import recompute_dirty_flags

    run_ingest(engine, [SEED_ARCHIVE], extractor)
    make = session_factory(engine)
    with make() as session:
        flag_id = session.scalars(select(FlagRow.flag_id).order_by(FlagRow.id)).first()
    assert flag_id
    stop = threading.Event()
    errors: list[BaseException] = []

    def reflag() -> None:
        try:
            while not stop.is_set():
                with make() as session, session.begin():
                    repository.mark_dirty(session, [1, 2, 3, 4, 5, 6])
                recompute_dirty_flags(engine, extractor.version)
        except BaseException as exc:  # reported below
            errors.append(exc)

    worker = threading.Thread(target=reflag)
    worker.start()
    decisions = ["confirmed", "needs_second_review", "dismissed", "confirmed"] * 3
    try:
        for i, decision in enumerate(decisions):
            with make() as session, session.begin():
                repository.record_review(session, flag_id, decision, f"SYN-reviewer-{i}", None)
            time.sleep(0.05)
    finally:
        stop.set()
        worker.join(timeout=120)
    assert not errors, errors
    with make() as session:
        row = session.scalar(select(FlagRow).where(FlagRow.flag_id == flag_id))
        assert row is not None and row.status == decisions[-1]
        trail = list(
            session.scalars(
                select(FlagReviewRow.decision)
                .where(FlagReviewRow.flag_pk == row.id)
                .order_by(FlagReviewRow.id)
            )
        )
    assert trail == decisions


# -- defect 8: progress you can trust ----------------------------------------------------------


def test_progress_reports_bytes_against_a_known_total_then_a_flag_phase(
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from helpers import scaled_archive

    big = scaled_archive(tmp_path / "big.jsonl", 300)  # several MB: more than one read buffer
    gz = tmp_path / "b.jsonl.gz"
    gz.write_bytes(gzip.compress(big.read_bytes()[:400_000].rsplit(b"\n", 1)[0] + b"\n"))
    seen: list[tuple[str, int, int, int, int]] = []
    run_ingest(
        make_engine(f"sqlite:///{tmp_path / 'p.db'}"),
        [big, gz],
        extractor,
        batch_size=200,
        progress=lambda s: seen.append(
            (s.phase, s.bytes_done, s.bytes_total, s.patients_reflagged, s.patients_to_reflag)
        ),
    )
    total = big.stat().st_size + gz.stat().st_size
    ingest = [p for p in seen if p[0] == "ingest"]
    flags = [p for p in seen if p[0] == "flags"]
    assert ingest and all(p[2] == total for p in ingest)
    done = [p[1] for p in ingest]
    assert done == sorted(done) and 0 < done[0] < total and done[-1] == total
    assert flags and flags[0][4] > 0 and flags[-1][3] == flags[-1][4]


# -- defect 10: quarantine summaries by kind; csv/json listings -------------------------------


@pytest.mark.parametrize(
    ("reasons", "kinds"),
    [
        (
            [f"invalid UTF-8 at byte {n} of the line" for n in (3, 17, 250)],
            {"invalid UTF-8 at byte N of the line": 3},
        ),
        (
            ["row has 5 fields, header has 7", "row has 2 fields, header has 7; empty text"],
            {"row has N fields, header has N": 2},
        ),
    ],
)
def test_quarantine_reasons_group_by_kind(reasons: list[str], kinds: dict[str, int]) -> None:
    """Regression: 'invalid UTF-8 at byte N' made 25 summary lines for 121 records."""
    from collections import Counter

    from pathmine.ingest.validate import reason_kind

    assert dict(Counter(reason_kind(r) for r in reasons)) == kinds


def test_reason_kind_never_cuts_mid_word() -> None:
    from pathmine.ingest.validate import reason_kind

    long = "file listed in manifest cannot be read (input/output error while reading the sector)"
    kind = reason_kind(long + " " + "extra words " * 5)
    assert kind.endswith(" …") and (long + " extra").startswith(kind.removesuffix(" …"))
    assert not kind.removesuffix(" …").endswith(("(inpu", "secto"))


def test_quarantine_listing_formats_and_summary(tmp_path: Path) -> None:
    lines = [json.dumps(r) for r in _good("Q", 1)] + [
        json.dumps({"patient_id": "SYN-Q", "report_id": f"SYN-Q-{n}", "report_date": "x"})
        for n in range(3)
    ]
    archive = tmp_path / "q.jsonl"
    archive.write_text("\n".join(lines) + "\n{broken\n", encoding="utf-8")
    db = str(tmp_path / "q.db")
    assert _cli("ingest", str(archive), "--db", db, "--workers", "1").returncode == 0
    as_json = [
        json.loads(x)
        for x in _cli("quarantine", "--db", db, "--format", "json").stdout.splitlines()
    ]
    assert len(as_json) == 4 and {"run_id", "source", "location", "reason"} <= set(as_json[0])
    as_csv = list(
        csv.DictReader(io.StringIO(_cli("quarantine", "--db", db, "--format", "csv").stdout))
    )
    assert [r["location"] for r in as_csv] == [r["location"] for r in as_json]
    table = _cli("quarantine", "--db", db, columns=200).stdout
    assert "By kind:" in table and "     3  " in table  # three missing-text records, one line


def test_a_new_connection_waits_for_the_wal_switch_instead_of_failing(tmp_path: Path) -> None:
    """Regression (seen under load in the six-racer test): the first statement of a new
    connection switched the file to WAL before the busy timeout was set, so a racer holding a
    lock made it fail at once with "database is locked". It now waits for the lock."""
    import sqlite3
    import threading

    path = tmp_path / "race.db"
    holder = sqlite3.connect(path, check_same_thread=False)
    holder.execute("CREATE TABLE t (x INTEGER)")
    holder.commit()
    holder.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.6, holder.commit)
    release.start()
    engine = make_engine(f"sqlite:///{path}", connect_args={"timeout": 0})
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        release.join()
        engine.dispose()
        holder.close()
