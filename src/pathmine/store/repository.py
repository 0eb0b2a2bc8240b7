"""Reads and writes between plain records and the ORM models.

Every function takes an open ``Session`` and leaves the transaction to the caller, so the
ingest job can commit exactly once per batch (a kill mid-batch loses only that batch, which
the rerun redoes). Nothing outside ``pathmine.store`` sees an ORM object.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, Table, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from pathmine.records import (
    DiagnosisMention,
    Extraction,
    Feature,
    Flag,
    Rejected,
    StainResult,
    TimelineEntry,
)
from pathmine.records import Report as ReportRecord
from pathmine.store.models import (
    Base,
    DiagnosisMentionRow,
    FlagReviewRow,
    FlagRow,
    HistologicFeatureRow,
    IngestRun,
    IngestSource,
    Patient,
    QuarantineRow,
    Report,
    StainResultRow,
    utcnow,
)

REVIEW_DECISIONS: tuple[str, ...] = ("confirmed", "dismissed", "needs_second_review", "open")


@dataclass(frozen=True)
class StoredVersion:
    """What the ingest job needs to know about a report's latest stored version."""

    pk: int
    version: int
    sha256: str
    patient_key: str
    extracted_with: str | None
    # Hashes of every stored version: an archive that holds both the original and the
    # amended text of a report must not add versions each time it is re-ingested.
    known: frozenset[str] = frozenset()
    # the latest version's sign-out date, and the highest version number stored: a text
    # that arrives later but is dated earlier (the original after its amendment) is kept
    # as a version, numbered after the others, without becoming the latest
    report_date: date | None = None
    max_version: int = 0


@functools.cache
def _versions_by_report_id() -> Select[tuple[str, int, int, str, str, str | None, bool, date]]:
    """Every stored version of the given report ids, with the patient that owns them.

    A Core statement with an expanding parameter, built once: the ingest job runs it for
    every batch, and through the ORM it cost twice as much as the query itself.
    """
    r, p = _table(Report).c, _table(Patient).c
    return (
        select(
            r.report_id,
            r.id,
            r.version,
            r.sha256,
            p.patient_key,
            r.extracted_with,
            r.is_latest,
            r.report_date,
        )
        .join_from(_table(Report), _table(Patient), p.id == r.patient_pk)
        .where(r.report_id.in_(bindparam("ids", expanding=True)))
    )


def latest_versions(session: Session, report_ids: Iterable[str]) -> dict[str, StoredVersion]:
    ids = sorted(set(report_ids))
    found: dict[str, StoredVersion] = {}
    connection = session.connection()
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        rows = connection.execute(_versions_by_report_id(), {"ids": chunk})
        known: dict[str, set[str]] = {}
        highest: dict[str, int] = {}
        latest_rows: list[tuple[str, int, int, str, str, str | None, date]] = []
        for report_id, pk, version, sha, patient_key, extracted_with, latest, signed in rows:
            known.setdefault(report_id, set()).add(sha)
            highest[report_id] = max(highest.get(report_id, 0), version)
            if latest:
                latest_rows.append(
                    (report_id, pk, version, sha, patient_key, extracted_with, signed)
                )
        for report_id, pk, version, sha, patient_key, extracted_with, signed in latest_rows:
            found[report_id] = StoredVersion(
                pk,
                version,
                sha,
                patient_key,
                extracted_with,
                frozenset(known[report_id]),
                signed,
                highest[report_id],
            )
    return found


def patient_pks(session: Session, keys: Iterable[str]) -> dict[str, int]:
    """Primary keys for these patient ids, creating the patients that are new (one INSERT)."""
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    rows = session.execute(
        select(Patient.patient_key, Patient.id).where(Patient.patient_key.in_(wanted))
    )
    existing: dict[str, int] = {key: pk for key, pk in rows}
    missing = [
        {"patient_key": key, "created_at": utcnow()} for key in wanted if key not in existing
    ]
    if missing:
        created = session.execute(
            insert(Patient).returning(Patient.patient_key, Patient.id), missing
        )
        existing.update({key: pk for key, pk in created})
    return existing


@dataclass(frozen=True)
class NewVersion:
    """A report version to insert, with the extraction to store beside it."""

    report: ReportRecord
    patient_pk: int
    version: int
    report_type: str
    report_type_source: str
    previous_pk: int | None
    extraction: Extraction
    is_latest: bool = True  # False when a later text of the same report is in the same batch


def add_report_versions(
    session: Session, versions: Sequence[NewVersion], run_id: int | None
) -> list[int]:
    """Insert new versions in bulk and return their primary keys, in input order.

    The previous latest version of each report stays, no longer marked latest: an amended
    text never overwrites the original.
    """
    if not versions:
        return []
    previous = [v.previous_pk for v in versions if v.previous_pk is not None]
    if previous:
        session.execute(update(Report).where(Report.id.in_(previous)).values(is_latest=False))
    rows = [
        {
            "report_id": v.report.report_id,
            "version": v.version,
            "patient_pk": v.patient_pk,
            "report_date": v.report.report_date,
            "specimen_date": v.report.specimen_date,
            "institution": v.report.institution,
            "report_type": v.report_type,
            "report_type_source": v.report_type_source,
            "text": v.report.text,
            "sha256": v.report.sha256,
            "is_latest": v.is_latest,
            "source": v.report.source[-1024:],
            "location": v.report.location[:64],
            "ingest_run_id": run_id,
            "extracted_with": v.extraction.pipeline_version,
            "created_at": utcnow(),
            **_fact_columns(v.extraction),
        }
        for v in versions
    ]
    table = _table(Report)
    result = session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
    )
    pks = [row[0] for row in result]
    _insert_extractions(session, list(zip(pks, (v.extraction for v in versions), strict=True)))
    return pks


def replace_extractions(session: Session, pairs: Sequence[tuple[int, Extraction]]) -> None:
    """Re-extraction under a new pipeline: drop the old rows, store the new ones."""
    if not pairs:
        return
    pks = [pk for pk, _ in pairs]
    for model in (DiagnosisMentionRow, StainResultRow, HistologicFeatureRow):
        session.execute(delete(model).where(model.report_pk.in_(pks)))
    _insert_extractions(session, pairs)
    for pk, extraction in pairs:
        session.execute(
            update(Report)
            .where(Report.id == pk)
            .values(extracted_with=extraction.pipeline_version, **_fact_columns(extraction))
        )


def _fact_columns(e: Extraction) -> dict[str, Any]:
    """The report-fact columns of an extraction (``reports`` table, migration 0004)."""
    return {
        "accession": e.accession[:64] if e.accession else None,
        "cited_accessions": [a[:64] for a in e.cited_accessions[:50]],
        "collection_dates": [d.isoformat() for d in e.collection_dates[:4]],
        "cited_dates": [d.isoformat() for d in e.cited_dates[:20]],
    }


def _insert_extractions(session: Session, pairs: Sequence[tuple[int, Extraction]]) -> None:
    """Bulk INSERT (executemany) of mention, stain and feature rows."""
    diagnoses = [_diagnosis_row(pk, e.pipeline_version, d) for pk, e in pairs for d in e.diagnoses]
    stains = [_stain_row(pk, e.pipeline_version, st) for pk, e in pairs for st in e.stains]
    features = [_feature_row(pk, e.pipeline_version, f) for pk, e in pairs for f in e.features]
    for model, rows in (
        (DiagnosisMentionRow, diagnoses),
        (StainResultRow, stains),
        (HistologicFeatureRow, features),
    ):
        if rows:  # Core executemany: the ORM's per-row bulk bookkeeping is not needed
            session.execute(insert(_table(model)), rows)


def _table(model: type[Base]) -> Table:
    """A model's Core table, for executemany inserts without ORM bookkeeping."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


# The row builders below key by column name (``start_offset``), as Core inserts need.


def _diagnosis_row(report_pk: int, version: str, d: DiagnosisMention) -> dict[str, Any]:
    return {
        "report_pk": report_pk,
        "pipeline_version": version,
        "term": d.term,
        "icdo3": d.icdo3,
        "behavior": d.behavior,
        "lineage": d.lineage,
        "assertion": d.assertion,
        "section": d.section,
        "site": d.site[:256] if d.site else None,
        "start_offset": d.start,
        "end_offset": d.end,
        "sentence": d.sentence,
        "rule_id": d.rule_id[:128],
    }


def _stain_row(report_pk: int, version: str, s: StainResult) -> dict[str, Any]:
    return {
        "report_pk": report_pk,
        "pipeline_version": version,
        "marker": s.marker,
        "text": s.text[:256],
        "result": s.result,
        "intensity": s.intensity,
        "extent": s.extent,
        "percent": s.percent,
        "start_offset": s.start,
        "end_offset": s.end,
        "sentence": s.sentence,
        "rule_id": s.rule_id[:128],
        "section": s.section,
        "pattern": s.pattern,
    }


def _feature_row(report_pk: int, version: str, f: Feature) -> dict[str, Any]:
    return {
        "report_pk": report_pk,
        "pipeline_version": version,
        "name": f.name,
        "value": f.value[:64],
        "start_offset": f.start,
        "end_offset": f.end,
        "sentence": f.sentence,
        "rule_id": f.rule_id[:128],
    }


def quarantine(session: Session, run_id: int | None, rejected: Rejected) -> bool:
    """Record a bad record once; returns False when the same record was quarantined before."""
    fingerprint = hashlib.sha256(
        f"{rejected.reason}\x1f{rejected.raw_excerpt}".encode("utf-8", "surrogatepass")
    ).hexdigest()
    source, location = rejected.source[-1024:], rejected.location[:64]
    exists = session.scalar(
        select(QuarantineRow.id).where(
            QuarantineRow.source == source,
            QuarantineRow.location == location,
            QuarantineRow.fingerprint == fingerprint,
        )
    )
    if exists is not None:
        return False
    session.add(
        QuarantineRow(
            ingest_run_id=run_id,
            source=source,
            location=location,
            report_id=rejected.report_id,
            reason=rejected.reason,
            raw_excerpt=rejected.raw_excerpt.encode("utf-8", "replace").decode("utf-8"),
            fingerprint=fingerprint,
        )
    )
    return True


@dataclass(frozen=True)
class SourceRecord:
    """An archive file as one run saw it (see ``IngestSource``)."""

    path: str
    sha256: str
    size_bytes: int
    reader_options: str
    n_read: int
    n_quarantined: int
    skipped: bool = False


def fully_ingested_source(
    session: Session, sha256: str, size_bytes: int, reader_options: str, pipeline_version: str
) -> int | None:
    """How many records an identical file held when a completed run read it whole, if
    re-reading it now could not change anything; else ``None``.

    Identical: same checksum, size and reader options. Could not change anything: that run
    used this pipeline version and quarantined nothing from the file (so no record's validity
    can depend on the day it is read), and every stored report is extracted with this
    pipeline version (so none of the file's reports needs re-extracting). The last is
    checked on the reports themselves, not on the run history, through an index.
    """
    s, r = _table(IngestSource).c, _table(IngestRun).c
    found = (
        session.connection()
        .execute(
            select(s.n_read)
            .join_from(_table(IngestSource), _table(IngestRun), r.id == s.run_id)
            .where(
                s.sha256 == sha256,
                s.size_bytes == size_bytes,
                s.reader_options == reader_options,
                s.n_quarantined == 0,
                r.status == "completed",
                r.pipeline_version == pipeline_version,
            )
            .order_by(s.run_id.desc())
            .limit(1)
        )
        .first()
    )
    if found is None:
        return None
    reports = _table(Report).c
    stale = (
        session.connection()
        .execute(
            select(reports.id)
            .where(
                or_(reports.extracted_with.is_(None), reports.extracted_with != pipeline_version)
            )
            .limit(1)
        )
        .first()
    )
    return None if stale is not None else int(found[0])


def record_sources(session: Session, run_id: int, sources: Sequence[SourceRecord]) -> None:
    if sources:
        session.execute(
            insert(_table(IngestSource)),
            [
                {
                    "run_id": run_id,
                    "path": s.path[-1024:],
                    "sha256": s.sha256,
                    "size_bytes": s.size_bytes,
                    "reader_options": s.reader_options[:512],
                    "n_read": s.n_read,
                    "n_quarantined": s.n_quarantined,
                    "skipped": s.skipped,
                    "created_at": utcnow(),
                }
                for s in sources
            ],
        )


def start_run(
    session: Session, pipeline_version: str, sources: Sequence[str], host: str, pid: int
) -> int:
    """Open an ingest run (status running, heartbeat now); returns its id."""
    run = IngestRun(
        pipeline_version=pipeline_version,
        sources=list(sources),
        host=host[:255],
        pid=pid,
        heartbeat_at=utcnow(),
    )
    session.add(run)
    session.flush()
    return run.id


def finish_run(session: Session, run_id: int) -> None:
    """Stamp the run's end (its status and counts are saved by ``update_run``)."""
    run = session.get(IngestRun, run_id)
    if run is not None:
        run.finished_at = utcnow()


def update_run(session: Session, run_id: int, **values: object) -> None:
    """Set an ingest run's counters and status and beat its heartbeat (one Core UPDATE)."""
    runs = _table(IngestRun)
    session.execute(update(runs).where(runs.c.id == run_id).values(**values, heartbeat_at=utcnow()))


# A running run on another machine whose heartbeat is older than this is taken as lost. Every
# batch commit beats it; one batch never takes this long.
STALE_HEARTBEAT = timedelta(hours=6)


def mark_abandoned_runs(session: Session, host: str, alive: Callable[[int], bool]) -> int:
    """Mark "running" runs whose process is gone as "interrupted"; returns how many.

    On this host a run is gone when its pid is no longer alive (``alive``); on another host
    (or without a pid) when its heartbeat is older than ``STALE_HEARTBEAT``.
    """
    runs = _table(IngestRun)
    rows = session.execute(
        select(runs.c.id, runs.c.host, runs.c.pid, runs.c.heartbeat_at, runs.c.started_at).where(
            runs.c.status == "running"
        )
    ).all()
    cutoff = utcnow() - STALE_HEARTBEAT
    gone = []
    for run_id, run_host, pid, heartbeat, started in rows:
        if run_host == host and pid is not None:
            if not alive(pid):
                gone.append(run_id)
        elif _as_utc(heartbeat or started) < cutoff:
            gone.append(run_id)
    if gone:
        session.execute(
            update(runs)
            .where(runs.c.id.in_(gone), runs.c.status == "running")
            .values(status="interrupted")
        )
    return len(gone)


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class RunRow:
    """One ingest run for ``pathmine runs`` (plain values, no ORM object)."""

    id: int
    status: str
    started_at: datetime
    finished_at: datetime | None
    pipeline_version: str
    n_read: int
    n_stored: int
    n_unchanged: int
    n_quarantined: int
    n_flags_raised: int
    n_flags_retired: int
    host: str | None
    pid: int | None


def list_runs(session: Session, limit: int = 50) -> list[RunRow]:
    """The latest ingest runs, newest first."""
    runs = _table(IngestRun).c
    rows = session.execute(
        select(
            runs.id,
            runs.status,
            runs.started_at,
            runs.finished_at,
            runs.pipeline_version,
            runs.n_read,
            runs.n_stored,
            runs.n_unchanged,
            runs.n_quarantined,
            runs.n_flags_raised,
            runs.n_flags_retired,
            runs.host,
            runs.pid,
        )
        .order_by(runs.id.desc())
        .limit(limit)
    ).all()
    return [RunRow(*row) for row in rows]


def mark_dirty(session: Session, pks: Iterable[int]) -> None:
    ids = sorted(set(pks))
    if ids:
        session.execute(update(Patient).where(Patient.id.in_(ids)).values(flags_dirty=True))


def dirty_count(session: Session) -> int:
    """How many patients have flags to recompute (the flag phase's progress total)."""
    return session.scalar(select(func.count()).where(Patient.flags_dirty.is_(True))) or 0


def dirty_patients(session: Session, limit: int = 500) -> list[tuple[int, str]]:
    """Patients whose flags need recomputing, locked for this transaction.

    On PostgreSQL the rows are taken ``FOR UPDATE SKIP LOCKED``: two ingests recomputing at
    once take disjoint patients instead of both inserting the same new flag (SQLite has one
    writer at a time, and ignores the clause).
    """
    rows = session.execute(
        select(Patient.id, Patient.patient_key)
        .where(Patient.flags_dirty.is_(True))
        .order_by(Patient.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=Patient)
    )
    return [(pk, key) for pk, key in rows]


# -- reading back ----------------------------------------------------------------------------


# Read back through Core column selects: loading ORM instances (identity map, attribute
# instrumentation) for tens of thousands of mention rows cost more than the flag rules.

# Record field → column, where the column is named differently ("end" is reserved in SQL).
_COLUMN_OF = {"start": "start_offset", "end": "end_offset"}


def _fields_and_columns(record: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = tuple(f.name for f in fields(record))
    return names, tuple(_COLUMN_OF.get(name, name) for name in names)


_MENTION_FIELDS, _MENTION_COLUMNS = _fields_and_columns(DiagnosisMention)
_STAIN_FIELDS, _STAIN_COLUMNS = _fields_and_columns(StainResult)
_FEATURE_FIELDS, _FEATURE_COLUMNS = _fields_and_columns(Feature)


def _rows_for(
    session: Session, model: type[Base], columns: Sequence[str], report_pks: list[int]
) -> Iterator[Any]:
    table = _table(model)
    c = table.c
    return iter(
        session.connection().execute(
            select(c.report_pk, c.pipeline_version, *(c[name] for name in columns))
            .where(c.report_pk.in_(report_pks))
            .order_by(c.report_pk, c.start_offset)
        )
    )


def extractions_for(session: Session, report_pks: Sequence[int]) -> dict[int, Extraction]:
    """Stored extractions, keyed by report primary key, in offset order."""
    by_pk: dict[int, dict[str, list[Any]]] = {pk: {"d": [], "s": [], "f": []} for pk in report_pks}
    versions: dict[int, str] = {}
    facts: dict[int, tuple[str | None, tuple[str, ...], tuple[date, ...], tuple[date, ...]]] = {}
    reports = _table(Report).c
    for chunk_start in range(0, len(report_pks), 500):
        chunk = list(report_pks[chunk_start : chunk_start + 500])
        mentions = _rows_for(session, DiagnosisMentionRow, _MENTION_COLUMNS, chunk)
        for pk, version, *values in mentions:
            by_pk[pk]["d"].append(
                DiagnosisMention(**dict(zip(_MENTION_FIELDS, values, strict=True)))
            )
            versions[pk] = version
        for pk, _version, *values in _rows_for(session, StainResultRow, _STAIN_COLUMNS, chunk):
            by_pk[pk]["s"].append(StainResult(**dict(zip(_STAIN_FIELDS, values, strict=True))))
        features = _rows_for(session, HistologicFeatureRow, _FEATURE_COLUMNS, chunk)
        for pk, _version, *values in features:
            by_pk[pk]["f"].append(Feature(**dict(zip(_FEATURE_FIELDS, values, strict=True))))
        for (
            pk,
            extracted_with,
            accession,
            cited,
            collected,
            cited_dates,
        ) in session.connection().execute(
            select(
                reports.id,
                reports.extracted_with,
                reports.accession,
                reports.cited_accessions,
                reports.collection_dates,
                reports.cited_dates,
            ).where(reports.id.in_(chunk))
        ):
            versions[pk] = extracted_with or versions.get(pk, "")
            facts[pk] = (
                accession,
                tuple(cited or ()),
                tuple(date.fromisoformat(d) for d in (collected or ())),
                tuple(date.fromisoformat(d) for d in (cited_dates or ())),
            )
    return {
        pk: Extraction(
            pipeline_version=versions.get(pk, ""),
            diagnoses=tuple(parts["d"]),
            stains=tuple(parts["s"]),
            features=tuple(parts["f"]),
            accession=facts.get(pk, (None,))[0],
            cited_accessions=facts.get(pk, (None, ()))[1],
            collection_dates=facts.get(pk, (None, (), ()))[2],
            cited_dates=facts.get(pk, (None, (), (), ()))[3],
        )
        for pk, parts in by_pk.items()
    }


def timelines(session: Session, patient_pks: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    """Each patient's latest report versions with their stored extractions, in a handful of
    queries; ``flags.build_timeline`` links and dates them (no report text is read)."""
    r = _table(Report).c
    reports = (
        session.connection()
        .execute(
            select(
                r.id,
                r.patient_pk,
                r.report_id,
                r.report_date,
                r.specimen_date,
                r.report_type,
                r.institution,
            ).where(r.patient_pk.in_(patient_pks), r.is_latest.is_(True))
        )
        .all()
    )
    extractions = extractions_for(session, [row.id for row in reports])
    result: dict[int, list[TimelineEntry]] = {pk: [] for pk in patient_pks}
    for pk, patient_pk, report_id, report_date, specimen_date, rtype, institution in reports:
        result[patient_pk].append(
            TimelineEntry(
                report_id=report_id,
                report_date=report_date,
                specimen_date=specimen_date,
                report_type=rtype,
                institution=institution,
                extraction=extractions[pk],
            )
        )
    return result


def flags_by_patient(session: Session, patient_pks: Sequence[int]) -> dict[int, list[FlagRow]]:
    found: dict[int, list[FlagRow]] = {pk: [] for pk in patient_pks}
    for row in session.scalars(select(FlagRow).where(FlagRow.patient_pk.in_(patient_pks))):
        found[row.patient_pk].append(row)
    return found


def clear_dirty(session: Session, patient_pks: Sequence[int]) -> None:
    session.execute(update(Patient).where(Patient.id.in_(patient_pks)).values(flags_dirty=False))


# -- flags -------------------------------------------------------------------------------------


def sync_flags(
    session: Session,
    patient_pk: int,
    flags: Sequence[Flag],
    pipeline_version: str,
    stored: Sequence[FlagRow] | None = None,
) -> tuple[int, int]:
    """Make stored flags match the computed ones; returns (raised, retired).

    A flag that still holds keeps its id, status and review history and gets the new
    evidence; a new one opens; one that no longer holds is retired with a reason, never
    deleted. A retired flag that holds again reopens with its latest review decision.
    ``stored`` are the patient's flag rows when the caller has already loaded them; the
    caller then also clears the patient's dirty mark (``clear_dirty``) for its whole chunk.
    """
    prefetched = stored is not None
    if stored is None:
        stored = list(session.scalars(select(FlagRow).where(FlagRow.patient_pk == patient_pk)))
    existing = {f.flag_id: f for f in stored}
    raised = retired = 0
    computed_ids = set()
    for flag in flags:
        computed_ids.add(flag.flag_id)
        values = {
            "kind": flag.kind,
            "lineage": flag.lineage,
            "prior_report_id": flag.prior_report_id,
            "later_report_id": flag.later_report_id,
            "interval_days": flag.interval_days,
            "severity": flag.severity,
            "explanation": flag.explanation,
            "recommended_action": flag.recommended_action,
            "evidence": [e.to_dict() for e in flag.evidence],
            "pipeline_version": pipeline_version,
        }
        row = existing.get(flag.flag_id)
        if row is None:
            session.add(
                FlagRow(flag_id=flag.flag_id, patient_pk=patient_pk, status="open", **values)
            )
            raised += 1
            continue
        changed = any(getattr(row, k) != v for k, v in values.items())
        if row.status == "retired":
            row.status = _latest_decision(session, row.id) or "open"
            row.retired_reason = None
            raised += 1
            changed = True
        if changed:
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = utcnow()
    for flag_id_, row in existing.items():
        if flag_id_ not in computed_ids and row.status != "retired":
            row.status = "retired"
            row.retired_reason = (
                "no longer supported by the current reports and extractions "
                f"(recomputed with {pipeline_version})"
            )
            row.updated_at = utcnow()
            retired += 1
    if not prefetched:
        clear_dirty(session, [patient_pk])
    return raised, retired


def _latest_decision(session: Session, flag_pk: int) -> str | None:
    return session.scalar(
        select(FlagReviewRow.decision)
        .where(FlagReviewRow.flag_pk == flag_pk)
        .order_by(FlagReviewRow.id.desc())
        .limit(1)
    )


def record_review(
    session: Session, flag_id: str, decision: str, reviewer: str, comment: str | None
) -> FlagReviewRow:
    """Append a decision to the audit trail and update the flag's current status."""
    if decision not in REVIEW_DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(REVIEW_DECISIONS)}")
    row = session.scalar(select(FlagRow).where(FlagRow.flag_id == flag_id))
    if row is None:
        raise LookupError(f"no flag with id {flag_id}")
    review = FlagReviewRow(flag_pk=row.id, decision=decision, reviewer=reviewer, comment=comment)
    session.add(review)
    if row.status != "retired":
        row.status = decision
        row.updated_at = utcnow()
    session.flush()
    return review


def iter_latest_reports(session: Session, batch: int = 500) -> Iterator[tuple[Report, str]]:
    """Latest version of every report with its patient id, in primary-key order, streamed."""
    last = 0
    while True:
        rows = session.execute(
            select(Report, Patient.patient_key)
            .join(Patient, Patient.id == Report.patient_pk)
            .where(Report.is_latest.is_(True), Report.id > last)
            .order_by(Report.id)
            .limit(batch)
        ).all()
        if not rows:
            return
        yield from ((report, key) for report, key in rows)
        last = rows[-1][0].id
