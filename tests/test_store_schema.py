"""The schema: migrations match the models on both backends, constraints hold, URLs resolve."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, delete, func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from pathmine.store import (
    Base,
    DiagnosisMentionRow,
    IngestRun,
    Patient,
    QuarantineRow,
    Report,
    current_revision,
    downgrade,
    ensure_schema,
    head_revision,
    make_engine,
    resolve_db_url,
    session_factory,
    upgrade,
)
from pathmine.store.migrate import SCHEMA_HEAD

EXPECTED_TABLES = {
    "ingest_sources",
    "patients",
    "reports",
    "diagnosis_mentions",
    "stain_results",
    "histologic_features",
    "flags",
    "flag_reviews",
    "ingest_runs",
    "ingest_errors",
}


def _schema_diff(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": True}
        )
        return list(compare_metadata(ctx, Base.metadata))


def _report(patient_pk: int, report_id: str = "R1", version: int = 1, **kw: Any) -> Report:
    fields: dict[str, Any] = {
        "report_id": report_id,
        "version": version,
        "patient_pk": patient_pk,
        "report_date": date(2020, 1, 2),
        "report_type": "original",
        "report_type_source": "input",
        "text": "FINAL DIAGNOSIS: benign.",
        "sha256": "0" * 64,
        "is_latest": True,
        "source": "fixture.jsonl",
        "location": "line 1",
    }
    fields.update(kw)
    return Report(**fields)


def _add_patient(engine: Engine, key: str = "P1") -> int:
    with session_factory(engine).begin() as session:
        patient = Patient(patient_key=key)
        session.add(patient)
        session.flush()
        return patient.id


def test_migrations_match_models(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        assert set(inspect(engine).get_table_names()) >= EXPECTED_TABLES
        assert _schema_diff(engine) == []
    finally:
        engine.dispose()


def test_downgrade_base_then_upgrade_head(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        downgrade(engine, "base")
        assert current_revision(engine) is None
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(db_url)  # by URL this time
        assert current_revision(engine) == head_revision()
        assert _schema_diff(engine) == []
    finally:
        engine.dispose()


def test_ensure_schema_is_idempotent(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) is None
        ensure_schema(engine)
        ensure_schema(engine)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_sqlite_pragmas_are_on(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "p.db"))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert (conn.execute(text("PRAGMA busy_timeout")).scalar() or 0) > 0
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
    finally:
        engine.dispose()


def test_report_id_version_unique(engine: Engine) -> None:
    patient_pk = _add_patient(engine)
    with session_factory(engine).begin() as session:
        session.add(_report(patient_pk, version=1))
        session.add(_report(patient_pk, version=2, is_latest=False))
    with pytest.raises(IntegrityError), session_factory(engine).begin() as session:
        session.add(_report(patient_pk, version=1))


def test_foreign_keys_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError), session_factory(engine).begin() as session:
        session.add(_report(patient_pk=999_999))


def test_report_type_check_constraint(engine: Engine) -> None:
    patient_pk = _add_patient(engine)
    with pytest.raises(IntegrityError), session_factory(engine).begin() as session:
        session.add(_report(patient_pk, report_type="bogus"))


def test_deleting_report_cascades_to_extractions(engine: Engine) -> None:
    patient_pk = _add_patient(engine)
    with session_factory(engine).begin() as session:
        report = _report(patient_pk)
        session.add(report)
        session.flush()
        session.add(
            DiagnosisMentionRow(
                report_pk=report.id,
                pipeline_version="test-0",
                term="leiomyoma",
                icdo3="8890/0",
                behavior=0,
                lineage="smooth_muscle",
                assertion="affirmed",
                start=17,
                end=26,
                sentence="FINAL DIAGNOSIS: leiomyoma.",
                rule_id="dx.test",
            )
        )
    with session_factory(engine).begin() as session:
        session.execute(delete(Report))
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count()).select_from(DiagnosisMentionRow)) == 0
        # attribute `start` maps to column `start_offset`
        assert "start_offset" in {
            c["name"] for c in inspect(engine).get_columns("diagnosis_mentions")
        }


def test_ingest_error_fingerprint_unique(engine: Engine) -> None:
    with session_factory(engine).begin() as session:
        run = IngestRun(pipeline_version="test-0", sources=["bad.jsonl"])
        session.add(run)
        session.flush()
        run_id = run.id
        session.add(
            QuarantineRow(
                ingest_run_id=run_id,
                source="bad.jsonl",
                location="line 3",
                reason="missing report_date",
                raw_excerpt="{...}",
                fingerprint="f" * 64,
            )
        )
    with pytest.raises(IntegrityError), session_factory(engine).begin() as session:
        session.add(
            QuarantineRow(
                ingest_run_id=run_id,
                source="bad.jsonl",
                location="line 3",
                reason="missing report_date",
                fingerprint="f" * 64,
            )
        )


def test_defaults_and_utc_timestamps(engine: Engine) -> None:
    before = datetime.now(UTC)
    with session_factory(engine).begin() as session:
        session.add(IngestRun(pipeline_version="test-0"))
        session.add(Patient(patient_key="P9"))
    with session_factory(engine)() as session:
        run = session.scalars(select(IngestRun)).one()
        assert run.status == "running" and run.sources == [] and run.n_read == 0
        assert run.started_at.tzinfo is not None and run.started_at >= before
        patient = session.scalars(select(Patient)).one()
        assert patient.flags_dirty is False
        assert patient.created_at.utcoffset() is not None


def test_naive_datetime_rejected(engine: Engine) -> None:
    with (
        pytest.raises(Exception, match="naive datetime"),
        session_factory(engine).begin() as session,
    ):
        session.add(IngestRun(pipeline_version="x", started_at=datetime(2024, 1, 1)))


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        (None, None, "sqlite:///pathmine.db"),
        ("", None, "sqlite:///pathmine.db"),
        (None, "sqlite:///from_env.db", "sqlite:///from_env.db"),
        ("sqlite:///explicit.db", "sqlite:///from_env.db", "sqlite:///explicit.db"),
        ("data/archive.db", None, "sqlite:///data/archive.db"),
        ("/abs/archive.db", None, "sqlite:////abs/archive.db"),
        (None, "/abs/env.db", "sqlite:////abs/env.db"),
        ("postgresql://u@h/db", None, "postgresql+psycopg://u@h/db"),
        ("postgres://u:p@h:5433/db", None, "postgresql+psycopg://u:p@h:5433/db"),
        ("postgresql+psycopg://u@h/db", None, "postgresql+psycopg://u@h/db"),
        (None, "postgresql://u@/db?host=/tmp", "postgresql+psycopg://u@/db?host=/tmp"),
        ("sqlite://", None, "sqlite://"),
    ],
)
def test_resolve_db_url(
    monkeypatch: pytest.MonkeyPatch, explicit: str | None, env: str | None, expected: str
) -> None:
    if env is None:
        monkeypatch.delenv("PATHMINE_DB", raising=False)
    else:
        monkeypatch.setenv("PATHMINE_DB", env)
    assert resolve_db_url(explicit) == expected


def test_schema_head_constant_is_the_migrations_head() -> None:
    """``ensure_schema`` trusts ``SCHEMA_HEAD`` to skip Alembic; a new migration must bump it."""
    assert head_revision() == SCHEMA_HEAD
