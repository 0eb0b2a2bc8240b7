"""SQLAlchemy 2.0 typed models: the only place ORM objects live.

Everything outside ``pathmine.store`` works with the plain records in ``pathmine.records``.
Types are portable (SQLite and PostgreSQL). Every change to this module needs a new Alembic
revision under ``db/versions/``; ``tests/test_store_schema.py`` fails when
the migrations and these models disagree.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from pathmine.records import REPORT_TYPES

# Alembic names constraints from this, so migrations and models agree on names across
# backends (SQLite needs names to drop or alter constraints in batch mode).
NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

REPORT_TYPE_SOURCES: tuple[str, ...] = ("input", "inferred")
FLAG_STATUSES: tuple[str, ...] = (
    "open",
    "confirmed",
    "dismissed",
    "needs_second_review",
    "retired",
)
INGEST_RUN_STATUSES: tuple[str, ...] = ("running", "completed", "failed", "interrupted")


def utcnow() -> datetime:
    """Timezone-aware current UTC time; used as a column default (called per row)."""
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """``DateTime(timezone=True)`` that always hands back aware UTC datetimes.

    SQLite has no time zone storage and returns naive values; PostgreSQL returns aware values
    in the session time zone. Both come back as UTC-aware here, and naive values are refused
    on the way in so a local time can never be stored by mistake.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; pass a timezone-aware value (e.g. utcnow())")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Patient(Base):
    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_key: Mapped[str] = mapped_column(String(128), unique=True)
    # Set when the patient's reports change; cleared after flags are recomputed.
    flags_dirty: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class IngestRun(Base):
    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16), default="running")
    pipeline_version: Mapped[str] = mapped_column(String(128))
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)
    n_read: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    n_stored: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    n_unchanged: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    n_new_versions: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    n_reextracted: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    n_quarantined: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    n_flags_raised: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    n_flags_retired: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    # the process that owns a running run, and when it last committed (migration 0005)
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    heartbeat_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class IngestSource(Base):
    """One archive file a completed ingest run read, identified by its bytes.

    A later run given a file with the same checksum, size and reader options skips it when
    re-reading could not change anything: the earlier run completed under the same pipeline
    version, no run since used another one, and nothing in the file was quarantined (so no
    record's validity can depend on the date it is read). Also an audit trail of which
    files were ingested when.
    """

    __tablename__ = "ingest_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("ingest_runs.id"), index=True)
    path: Mapped[str] = mapped_column(String(1024))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    reader_options: Mapped[str] = mapped_column(String(512))
    n_read: Mapped[int] = mapped_column(Integer)
    n_quarantined: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Report(Base):
    """One version of one report. ``is_latest`` marks the version extraction and flags use."""

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("report_id", "version"),
        Index(None, "report_id", "is_latest"),
        CheckConstraint(
            "report_type IN (" + ", ".join(f"'{t}'" for t in REPORT_TYPES) + ")",
            name="report_type",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[str] = mapped_column(String(128))
    version: Mapped[int] = mapped_column(Integer)
    patient_pk: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    report_date: Mapped[date] = mapped_column(Date)
    specimen_date: Mapped[date | None] = mapped_column(Date)
    institution: Mapped[str | None] = mapped_column(String(256))
    report_type: Mapped[str] = mapped_column(String(16))
    report_type_source: Mapped[str] = mapped_column(String(16))  # 'input' | 'inferred'
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    is_latest: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(1024))
    location: Mapped[str] = mapped_column(String(64))
    ingest_run_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_runs.id"))
    # Pipeline version of the extraction currently stored for this report (None: not yet).
    # Indexed: a re-run asks whether any report needs re-extracting under this pipeline.
    extracted_with: Mapped[str | None] = mapped_column(String(128), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Report facts of the stored extraction (migration 0004): the accession the report prints
    # for itself, the accessions it cites, its collection date and the dates it gives for a
    # specimen it reviews or amends. The flag engine links reports with them.
    accession: Mapped[str | None] = mapped_column(String(64), index=True)
    cited_accessions: Mapped[list[str] | None] = mapped_column(JSON)
    collection_dates: Mapped[list[str] | None] = mapped_column(JSON)
    cited_dates: Mapped[list[str] | None] = mapped_column(JSON)


class DiagnosisMentionRow(Base):
    __tablename__ = "diagnosis_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_pk: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    pipeline_version: Mapped[str] = mapped_column(String(128))
    term: Mapped[str] = mapped_column(String(256))
    icdo3: Mapped[str] = mapped_column(String(16))
    behavior: Mapped[int] = mapped_column(Integer)
    lineage: Mapped[str] = mapped_column(String(64))
    assertion: Mapped[str] = mapped_column(String(16))
    section: Mapped[str | None] = mapped_column(String(64))
    site: Mapped[str | None] = mapped_column(String(256))
    start: Mapped[int] = mapped_column("start_offset", Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)
    sentence: Mapped[str] = mapped_column(Text)
    rule_id: Mapped[str] = mapped_column(String(128))


class StainResultRow(Base):
    __tablename__ = "stain_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_pk: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    pipeline_version: Mapped[str] = mapped_column(String(128))
    marker: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(String(256))
    result: Mapped[str] = mapped_column(String(16))
    intensity: Mapped[str | None] = mapped_column(String(16))
    extent: Mapped[str | None] = mapped_column(String(16))
    percent: Mapped[float | None] = mapped_column(Float)
    start: Mapped[int] = mapped_column("start_offset", Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)
    sentence: Mapped[str] = mapped_column(Text)
    rule_id: Mapped[str] = mapped_column(String(128))
    section: Mapped[str | None] = mapped_column(String(64))
    pattern: Mapped[str | None] = mapped_column(String(32))  # migration 0003


class HistologicFeatureRow(Base):
    __tablename__ = "histologic_features"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_pk: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    pipeline_version: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(String(64))
    start: Mapped[int] = mapped_column("start_offset", Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)
    sentence: Mapped[str] = mapped_column(Text)
    rule_id: Mapped[str] = mapped_column(String(128))


class FlagRow(Base):
    """A raised discrepancy flag; ``flag_id`` is its stable identity across recomputations."""

    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    flag_id: Mapped[str] = mapped_column(String(64), unique=True)
    patient_pk: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    lineage: Mapped[str] = mapped_column(String(64))
    prior_report_id: Mapped[str] = mapped_column(String(128))
    later_report_id: Mapped[str] = mapped_column(String(128))
    interval_days: Mapped[int | None] = mapped_column(Integer)
    severity: Mapped[str] = mapped_column(String(16))
    # open | confirmed | dismissed | needs_second_review | retired
    status: Mapped[str] = mapped_column(
        String(32), default="open", server_default=text("'open'"), index=True
    )
    explanation: Mapped[str] = mapped_column(Text)
    recommended_action: Mapped[str | None] = mapped_column(Text)  # migration 0004
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    retired_reason: Mapped[str | None] = mapped_column(Text)
    pipeline_version: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class FlagReviewRow(Base):
    """A reviewer's decision on a flag.

    Append-only audit trail: rows are inserted and never updated or deleted by pathmine
    (store code must not issue UPDATE/DELETE on this table). The flag's current ``status`` is
    a cache of the latest decision.
    """

    __tablename__ = "flag_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    flag_pk: Mapped[int] = mapped_column(ForeignKey("flags.id"), index=True)
    decision: Mapped[str] = mapped_column(String(32))
    reviewer: Mapped[str] = mapped_column(String(128))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class QuarantineRow(Base):
    """Quarantine: records that could not be accepted. Never dropped silently.

    ``reason`` must never contain PHI (it is printed and logged); ``raw_excerpt`` may, and
    only lives here. Unique on (source, location, fingerprint) so re-ingesting the same bad
    file does not duplicate rows.
    """

    __tablename__ = "ingest_errors"
    __table_args__ = (UniqueConstraint("source", "location", "fingerprint"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ingest_run_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_runs.id"), index=True)
    source: Mapped[str] = mapped_column(String(1024))
    location: Mapped[str] = mapped_column(String(64))
    report_id: Mapped[str | None] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(Text)
    raw_excerpt: Mapped[str] = mapped_column(Text, default="")
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


# -- the review web app: accounts, sessions, API tokens, audit log (migration 0006) ------------

USER_ROLES: tuple[str, ...] = ("viewer", "reviewer", "admin")  # each may do what those before may


class UserRow(Base):
    """A person who signs in to the review app. ``password_hash`` is an argon2id hash; there
    is no default account and no default password."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class WebSessionRow(Base):
    """A signed-in browser. Only the SHA-256 of the cookie value is kept, so the table cannot
    be replayed as live sessions; ``csrf_token`` is the session's synchroniser token."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    user_pk: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ApiTokenRow(Base):
    """A bearer token for scripts, stored as its SHA-256; shown once when it is made."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    user_pk: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    label: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class AuditLogRow(Base):
    """Who viewed or decided what, when and from where. Append-only: rows are inserted and
    never updated or deleted by pathmine. ``detail`` is a short machine-written note (a
    decision, a failure reason), never report text."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    actor: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32), index=True)
    object_type: Mapped[str | None] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(128))
    client_addr: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(256))
