"""End-to-end ingest → nlp → store → flags on SQLite and PostgreSQL (real databases)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from sqlalchemy import func, select

from helpers import (
    SEED_ARCHIVE,
    SEED_FLAGS_GOLD,
    flag_tuples,
    read_jsonl,
    scaled_archive,
    table_counts,
    write_jsonl,
)
from pathmine import parallel
from pathmine.nlp import default_extractor
from pathmine.store import (
    IngestRun,
    QuarantineRow,
    Report,
    make_engine,
    repository,
    session_factory,
)
from pathmine.workflow import run_ingest

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    return default_extractor()


def _gold_flags() -> set[tuple[str, str, str, str]]:
    return {
        (g["patient_id"], g["kind"], g["prior_report_id"], g["later_report_id"])
        for g in read_jsonl(SEED_FLAGS_GOLD)
    }


def _as_gold(flags: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    return {f[1:5] for f in flags}


def test_seed_archive_flags_exactly_the_seed_patient(db_url: str, extractor) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    summary = run_ingest(engine, [SEED_ARCHIVE], extractor)
    n_reports = len(read_jsonl(SEED_ARCHIVE))
    assert (summary.read, summary.stored, summary.quarantined) == (n_reports, n_reports, 0)
    assert summary.status == "completed"
    flags = flag_tuples(engine)
    assert _as_gold(flags) == _gold_flags()
    assert {f[1] for f in flags} == {"P-SEED-001"}
    with session_factory(engine)() as session:
        run = session.get(IngestRun, summary.run_id)
        assert run is not None and run.status == "completed" and run.n_stored == n_reports
        assert run.finished_at is not None


def test_reingest_is_a_noop(db_url: str, extractor) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    run_ingest(engine, [SEED_ARCHIVE], extractor)
    before_counts, before_flags = table_counts(engine), flag_tuples(engine, include_retired=True)
    again = run_ingest(engine, [SEED_ARCHIVE], extractor)
    assert again.unchanged == again.read == len(read_jsonl(SEED_ARCHIVE))
    assert (again.stored, again.new_versions, again.flags_raised, again.flags_retired) == (
        0,
        0,
        0,
        0,
    )
    assert table_counts(engine) == before_counts
    assert flag_tuples(engine, include_retired=True) == before_flags


def test_changed_text_becomes_new_version_and_retires_flag(
    db_url: str,
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    engine = make_engine(db_url)
    run_ingest(engine, [SEED_ARCHIVE], extractor)
    records = read_jsonl(SEED_ARCHIVE)
    biopsy = next(r for r in records if r["report_id"] == "CMC-S20-01377")
    amended = {
        **biopsy,
        "report_type": "amended",
        "text": "AMENDED REPORT\n\nFINAL DIAGNOSIS:\nS1 vertebra, biopsy: schwannoma.\n"
        "S100 is diffusely positive; SMA and desmin are negative.\n",
    }
    summary = run_ingest(engine, [write_jsonl(tmp_path / "amend.jsonl", [amended])], extractor)
    assert (summary.new_versions, summary.stored, summary.flags_retired) == (1, 0, 1)
    with session_factory(engine)() as session:
        versions = session.execute(
            select(Report.version, Report.is_latest, Report.report_type)
            .where(Report.report_id == "CMC-S20-01377")
            .order_by(Report.version)
        ).all()
    assert [tuple(v) for v in versions] == [(1, False, "original"), (2, True, "amended")]
    live = _as_gold(flag_tuples(engine))
    assert live == {("P-SEED-001", "review_discordance", "ORH-S17-04418", "CMC-R20-00091")}
    retired = flag_tuples(engine, include_retired=True) - flag_tuples(engine)
    assert {f[2] for f in retired} == {"benign_to_malignant"}
    # Re-reading the original text is not a change: it is a version we already hold.
    same = run_ingest(engine, [write_jsonl(tmp_path / "orig.jsonl", [biopsy])], extractor)
    assert (same.unchanged, same.new_versions) == (1, 0)
    # A further amendment restores the diagnosis: the flag is raised again, same identity.
    restored = {**biopsy, "text": biopsy["text"] + "\nADDENDUM: original diagnosis restored.\n"}
    back = run_ingest(engine, [write_jsonl(tmp_path / "back.jsonl", [restored])], extractor)
    assert back.new_versions == 1 and back.flags_raised == 1
    assert _as_gold(flag_tuples(engine)) == _gold_flags()


def test_archive_with_original_and_amended_text_reingests_as_noop(
    db_url: str,
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    records = read_jsonl(SEED_ARCHIVE)
    original = records[0]
    amended = {**original, "report_type": "amended", "text": original["text"] + "\nAMENDED."}
    archive = write_jsonl(tmp_path / "both.jsonl", [*records, amended])
    engine = make_engine(db_url)
    first = run_ingest(engine, [archive], extractor, batch_size=5)
    assert (first.stored, first.new_versions) == (len(records), 1)
    before = table_counts(engine)
    again = run_ingest(engine, [archive], extractor, batch_size=5)
    assert again.unchanged == again.read == len(records) + 1
    assert (again.new_versions, again.stored) == (0, 0)
    assert table_counts(engine) == before


def test_amendment_before_its_original_stays_the_latest(
    db_url: str,
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """Archive files in any order give the same latest versions and flags: an original that
    arrives after its (later-dated) amendment is stored as a version, not as the latest (the
    100k fault-injection run found a flag lost when the amendment was in the CSV file and the
    original in the .txt directory read after it). The two orders run as two copies of the
    seed patients, suffixed "-B" for the second."""
    records = read_jsonl(SEED_ARCHIVE)
    biopsy = next(r for r in records if "possibly leiomyosarcoma" in r["text"].lower())
    amended = {
        **biopsy,
        "report_type": "amended",
        "report_date": "2021-12-01",
        "text": biopsy["text"] + "\nAMENDED DIAGNOSIS: leiomyosarcoma, on deeper levels.\n",
    }
    others = [r for r in records if r is not biopsy]

    def copy(r: dict[str, object], tag: str) -> dict[str, object]:
        return {**r, "patient_id": f"{r['patient_id']}{tag}", "report_id": f"{r['report_id']}{tag}"}

    engine = make_engine(db_url)
    results = []
    for tag, (first, second) in [("", (biopsy, amended)), ("-B", (amended, biopsy))]:
        files = [
            write_jsonl(tmp_path / f"o{tag}-a.jsonl", [copy(r, tag) for r in [*others, first]]),
            write_jsonl(tmp_path / f"o{tag}-b.jsonl", [copy(second, tag)]),
        ]
        run_ingest(engine, files, extractor)
        with session_factory(engine)() as session:
            versions = session.execute(
                select(Report.version, Report.is_latest, Report.report_type).where(
                    Report.report_id == f"{biopsy['report_id']}{tag}"
                )
            ).all()
        latest = [v for v in versions if v.is_latest]
        assert len(versions) == 2 and len(latest) == 1
        assert latest[0].report_type == "amended"
        assert run_ingest(engine, files, extractor).new_versions == 0  # a rerun adds nothing
        results.append(
            {
                tuple(str(x).removesuffix(tag) for x in f)
                for f in _as_gold(flag_tuples(engine))
                if str(f[0]).endswith(tag) and (tag or not str(f[0]).endswith("-B"))
            }
        )
    assert results[0] == results[1] != set()


def test_ingest_order_does_not_change_flags(db_url: str, extractor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    records = read_jsonl(SEED_ARCHIVE)
    engine = make_engine(db_url)
    later_first = sorted(records, key=lambda r: r["report_date"], reverse=True)
    for n, record in enumerate(later_first):
        run_ingest(engine, [write_jsonl(tmp_path / f"one-{n}.jsonl", [record])], extractor)
    assert _as_gold(flag_tuples(engine)) == _gold_flags()


def test_review_decision_survives_rerun(db_url: str, extractor) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    run_ingest(engine, [SEED_ARCHIVE], extractor)
    flag_id = next(iter(flag_tuples(engine)))[0]
    with session_factory(engine)() as session, session.begin():
        repository.record_review(session, flag_id, "confirmed", "qa-reviewer-1", "slides seen")
    with session_factory(engine)() as session, session.begin():
        repository.mark_dirty(session, [1, 2, 3])
    run_ingest(engine, [SEED_ARCHIVE], extractor)
    statuses = {f[0]: f[5] for f in flag_tuples(engine)}
    assert statuses[flag_id] == "confirmed"


def test_malformed_archive_quarantines_each_bad_record(
    db_url: str,
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    engine = make_engine(db_url)
    # The fixtures plus a generated 5 MB report (never committed).
    big = tmp_path / "big.jsonl"
    write_jsonl(
        big,
        [
            {
                "patient_id": "SYN-BIG",
                "report_id": "SYN-BIG-1",
                "report_date": "2021-01-01",
                "text": "Leiomyoma. " * 480_000,
            }
        ],
    )
    from pathmine.ingest import read_archive

    expected = {}
    for path in (FIXTURES / "malformed.jsonl", FIXTURES / "malformed.csv", big):
        items = list(read_archive(path))
        expected[str(path)] = (
            sum(1 for i in items if type(i).__name__ == "Report"),
            sum(1 for i in items if type(i).__name__ == "Rejected"),
        )
    summary = run_ingest(
        engine, [FIXTURES / "malformed.jsonl", FIXTURES / "malformed.csv", big], extractor
    )
    good = sum(g for g, _ in expected.values())
    bad = sum(b for _, b in expected.values())
    assert bad >= 8 and good >= 2
    assert summary.quarantined == bad
    assert summary.stored + summary.new_versions + summary.unchanged == good
    assert summary.read == good + bad  # nothing silently dropped
    with session_factory(engine)() as session:
        rows = list(session.scalars(select(QuarantineRow)))
    assert len(rows) == bad
    reasons = " | ".join(r.reason for r in rows)
    for needle in ("date", "empty text", "UTF-8", "malformed JSON", "over the limit"):
        assert needle in reasons, needle
    assert all(r.source and r.location for r in rows)
    # Reasons are printed and logged: they never carry the record's text.
    assert not any("SYNTHETIC-TEXT" in r.reason or "Leiomyoma. Leiomyoma" in r.reason for r in rows)
    # Re-running the same bad files does not duplicate quarantine rows.
    again = run_ingest(
        engine, [FIXTURES / "malformed.jsonl", FIXTURES / "malformed.csv"], extractor
    )
    assert (
        again.quarantined
        == expected[str(FIXTURES / "malformed.jsonl")][1]
        + expected[str(FIXTURES / "malformed.csv")][1]
    )
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count()).select_from(QuarantineRow)) == bad


def test_pipeline_change_reextracts_without_new_version(db_url: str, extractor) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    run_ingest(engine, [SEED_ARCHIVE], extractor)
    with session_factory(engine)() as session, session.begin():
        session.execute(Report.__table__.update().values(extracted_with="older-pipeline"))
    summary = run_ingest(engine, [SEED_ARCHIVE], extractor)
    n = len(read_jsonl(SEED_ARCHIVE))
    assert (summary.reextracted, summary.stored, summary.new_versions) == (n, 0, 0)
    with session_factory(engine)() as session:
        versions = set(session.scalars(select(Report.extracted_with)))
        assert versions == {extractor.version}
        assert session.scalar(select(func.max(Report.version))) == 1
    assert _as_gold(flag_tuples(engine)) == _gold_flags()


def _count_reports(db_url: str) -> int:
    engine = make_engine(db_url)
    try:
        with session_factory(engine)() as session:
            return session.scalar(select(func.count()).select_from(Report)) or 0
    except Exception:
        return 0  # schema not created yet
    finally:
        engine.dispose()


@pytest.mark.slow
def test_killed_ingest_resumes_without_duplicates_or_loss(
    db_url: str,
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    archive = scaled_archive(tmp_path / "scaled.jsonl", copies=40)
    total = len(read_jsonl(archive))
    cmd = [
        sys.executable,
        "-m",
        "pathmine.cli",
        "ingest",
        str(archive),
        "--db",
        db_url,
        "--batch-size",
        "10",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if _count_reports(db_url) >= 30:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "ingest finished before it could be killed"
        workers = psutil.Process(proc.pid).children(recursive=True)
        assert workers, "the ingest should be extracting in worker processes"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    # The extraction workers die with their parent: nothing is left holding the database.
    _gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []
    partial = _count_reports(db_url)
    assert 30 <= partial < total
    # Rerun to completion in-process.
    engine = make_engine(db_url)
    summary = run_ingest(engine, [archive], extractor)
    assert summary.sources_skipped == 0  # a killed run vouches for no file
    assert summary.unchanged >= 30
    assert summary.stored + summary.unchanged == total
    with session_factory(engine)() as session:
        ids = list(session.scalars(select(Report.report_id)))
    assert len(ids) == len(set(ids)) == total
    # Same state as a clean single run into a fresh database.
    clean = make_engine(f"sqlite:///{tmp_path / 'clean.db'}")
    run_ingest(clean, [archive], extractor)
    assert {f[:5] for f in flag_tuples(engine)} == {f[:5] for f in flag_tuples(clean)}
    assert table_counts(engine) | {"ingest_errors": 0} == table_counts(clean) | {"ingest_errors": 0}
    assert len(flag_tuples(engine)) == 2 * 40


@pytest.mark.parametrize("recycle_every", [None, 10], ids=["one-pool", "recycled-workers"])
def test_worker_pool_gives_the_same_result_as_one_process(
    db_url: str,
    extractor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    recycle_every: int | None,  # type: ignore[no-untyped-def]
) -> None:
    """Also with workers replaced by fresh forks every few batches, as a long run does."""
    started: list[int] = []
    if recycle_every is not None:
        monkeypatch.setattr(parallel, "RECYCLE_AFTER_TEXTS_PER_WORKER", recycle_every)
        original = parallel.ExtractionPool._start

        def counting_start(self: parallel.ExtractionPool) -> object:
            started.append(1)
            return original(self)

        monkeypatch.setattr(parallel.ExtractionPool, "_start", counting_start)
    archive = scaled_archive(tmp_path / "scaled.jsonl", copies=6)
    pooled = make_engine(db_url)
    summary = run_ingest(pooled, [archive], extractor, batch_size=7, workers=2)
    if recycle_every is not None:  # 2 workers x 10 texts per generation, batches of 7
        assert len(started) >= len(read_jsonl(archive)) // 21
    assert summary.stored == len(read_jsonl(archive))
    serial = make_engine(f"sqlite:///{tmp_path / 'serial.db'}")
    run_ingest(serial, [archive], extractor, batch_size=7, workers=1)
    assert {f[:5] for f in flag_tuples(pooled)} == {f[:5] for f in flag_tuples(serial)}
    assert table_counts(pooled) == table_counts(serial)
    again = run_ingest(pooled, [archive], extractor, batch_size=7, workers=2)
    assert again.unchanged == again.read


def test_runs_are_recorded_with_counts(db_url: str, extractor) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    first = run_ingest(engine, [SEED_ARCHIVE], extractor)
    second = run_ingest(engine, [SEED_ARCHIVE], extractor)
    with session_factory(engine)() as session:
        runs = {r.id: r for r in session.scalars(select(IngestRun))}
    assert runs[first.run_id].n_stored == first.stored
    assert runs[second.run_id].n_unchanged == second.unchanged
    assert json.loads(json.dumps(runs[second.run_id].sources)) == [str(SEED_ARCHIVE)]
