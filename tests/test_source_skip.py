"""A re-run skips an archive file only when re-reading it could not change anything.

Real SQLite and PostgreSQL (``db_url``); each test compares the skipping re-run with what
reading the file record by record gives.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers import SEED_ARCHIVE, flag_tuples, read_jsonl, table_counts, write_jsonl
from pathmine.nlp import default_extractor
from pathmine.store import IngestSource, Report, make_engine, session_factory
from pathmine.workflow import run_ingest


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    return default_extractor()


def _copy(tmp_path: Path, name: str = "archive.jsonl") -> Path:
    return Path(shutil.copyfile(SEED_ARCHIVE, tmp_path / name))


def test_identical_file_is_skipped_with_the_same_counts_and_state(
    db_url: str,
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    engine = make_engine(db_url)
    archive = _copy(tmp_path)
    n = len(read_jsonl(archive))
    first = run_ingest(engine, [archive], extractor)
    assert first.sources_skipped == 0 and first.stored == n
    before = table_counts(engine), flag_tuples(engine, include_retired=True)

    again = run_ingest(engine, [archive], extractor)
    assert again.sources_skipped == 1
    assert (again.read, again.unchanged, again.stored, again.quarantined) == (n, n, 0, 0)
    assert (table_counts(engine), flag_tuples(engine, include_retired=True)) == before

    # The same bytes under another name are the same archive; --recheck reads it anyway
    # and agrees record by record.
    renamed = Path(shutil.copyfile(archive, tmp_path / "renamed.jsonl"))
    assert run_ingest(engine, [renamed], extractor).sources_skipped == 1
    checked = run_ingest(engine, [archive], extractor, skip_unchanged_files=False)
    assert checked.sources_skipped == 0
    assert (checked.read, checked.unchanged) == (again.read, again.unchanged)
    with session_factory(engine)() as session:
        rows = session.execute(select(IngestSource.skipped, IngestSource.n_read)).all()
    assert sorted(tuple(r) for r in rows) == [(False, n), (False, n), (True, n), (True, n)]


def test_changed_file_is_read(db_url: str, extractor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    archive = _copy(tmp_path)
    run_ingest(engine, [archive], extractor)
    records = read_jsonl(archive)
    records[0]["text"] += "\nADDENDUM: no change to the diagnosis."
    write_jsonl(archive, records)
    summary = run_ingest(engine, [archive], extractor)
    assert summary.sources_skipped == 0
    assert (summary.new_versions, summary.unchanged) == (1, len(records) - 1)


def test_file_with_quarantined_records_is_always_read(
    db_url: str,
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """A record rejected today (a report date after tomorrow) may be valid another day."""
    engine = make_engine(db_url)
    records = read_jsonl(SEED_ARCHIVE)
    records.append({**records[0], "report_id": "FUTURE-1", "report_date": "2999-01-01"})
    archive = write_jsonl(tmp_path / "with-bad.jsonl", records)
    assert run_ingest(engine, [archive], extractor).quarantined == 1
    again = run_ingest(engine, [archive], extractor)
    assert again.sources_skipped == 0 and again.quarantined == 1
    assert again.unchanged == len(records) - 1


def test_other_reader_options_read_the_file_again(
    db_url: str,
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    engine = make_engine(db_url)
    archive = _copy(tmp_path)
    run_ingest(engine, [archive], extractor)
    longest = max(len(r["text"]) for r in read_jsonl(archive))
    tighter = run_ingest(engine, [archive], extractor, max_text_chars=longest - 1)
    assert tighter.sources_skipped == 0 and tighter.quarantined >= 1


def test_reports_awaiting_reextraction_prevent_the_skip(
    db_url: str,
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """Checked on the stored reports, not on the run history: even rows changed behind
    pathmine's back are re-extracted."""
    engine = make_engine(db_url)
    archive = _copy(tmp_path)
    run_ingest(engine, [archive], extractor)
    with session_factory(engine)() as session, session.begin():
        session.execute(Report.__table__.update().values(extracted_with="older-pipeline"))
    summary = run_ingest(engine, [archive], extractor)
    assert summary.sources_skipped == 0
    assert summary.reextracted == len(read_jsonl(archive))
    assert run_ingest(engine, [archive], extractor).sources_skipped == 1


def test_an_interrupted_run_records_no_source(
    db_url: str,
    extractor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """Only a completed run vouches for a file (the kill-and-resume test in test_workflow
    shows the resumed run reading everything)."""

    class Boom(RuntimeError):
        pass

    def explode(_summary: object) -> None:
        raise Boom

    engine = make_engine(db_url)
    archive = _copy(tmp_path)
    with pytest.raises(Boom):
        run_ingest(engine, [archive], extractor, progress=explode)
    with session_factory(engine)() as session:
        assert session.execute(select(IngestSource.id)).first() is None
    resumed = run_ingest(engine, [archive], extractor)
    assert resumed.sources_skipped == 0
    assert resumed.stored + resumed.unchanged == len(read_jsonl(archive))
