"""The one read layer: every listing and detail the CLI, the exports, the statistics and the
review web app show, as plain frozen records.

Callers hand in an ``Engine`` and get dataclasses back; no ORM object or SQL leaves
``pathmine.store``. Each function opens and closes its own short read session, so a page
or a command never holds a transaction open while it renders. Writes that belong to the
review workflow (a decision) live here too, because they are made from the same screens and
must follow the same rules as ``pathmine flags review``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from pathmine.records import Extraction, TimelineEntry
from pathmine.store import repository
from pathmine.store.engine import session_factory
from pathmine.store.models import (
    DiagnosisMentionRow,
    FlagReviewRow,
    FlagRow,
    IngestRun,
    Patient,
    QuarantineRow,
    Report,
)

# most urgent first: the reverse of flags.rules.SEVERITIES (tests/test_queries.py checks)
SEVERITY_ORDER: tuple[str, ...] = ("critical", "high", "medium", "low")
FLAG_SORTS: tuple[str, ...] = (
    "severity",
    "later_date",
    "interval",
    "patient",
    "kind",
    "updated",
)


# -- records -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlagFilter:
    """What a flag queue shows. ``None`` means any; dates bound the later report's sign-out
    date (when the discrepancy surfaced), inclusive; ``institution`` is the prior report's,
    the sign-out being audited."""

    status: str | None = None
    kind: str | None = None
    lineage: str | None = None
    severity: str | None = None
    institution: str | None = None
    patient_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    include_retired: bool = True


@dataclass(frozen=True)
class FlagRecord:
    flag_id: str
    patient_id: str
    kind: str
    lineage: str
    prior_report_id: str
    later_report_id: str
    interval_days: int | None
    severity: str
    status: str
    explanation: str
    recommended_action: str | None
    evidence: tuple[dict[str, Any], ...]
    retired_reason: str | None
    pipeline_version: str
    created_at: datetime | None
    updated_at: datetime | None
    prior_institution: str | None = None
    later_report_date: date | None = None


@dataclass(frozen=True)
class FlagPage:
    rows: tuple[FlagRecord, ...]
    total: int
    page: int
    per_page: int
    counts_by_status: dict[str, int] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class ReviewEntry:
    created_at: datetime
    reviewer: str
    decision: str
    comment: str | None


@dataclass(frozen=True)
class FlagDetail:
    flag: FlagRecord
    reviews: tuple[ReviewEntry, ...]


@dataclass(frozen=True)
class ReportView:
    """One stored report version with the extraction stored for it."""

    report_id: str
    version: int
    versions: tuple[int, ...]
    patient_id: str
    report_type: str
    report_type_source: str
    report_date: date
    specimen_date: date | None
    institution: str | None
    text: str
    extraction: Extraction


@dataclass(frozen=True)
class QuarantineItem:
    """One quarantined record. ``excerpt`` is filled only when asked for (it may hold PHI)."""

    id: int
    run_id: int | None
    source: str
    location: str
    report_id: str | None
    reason: str
    created_at: datetime | None
    excerpt: str | None = None


@dataclass(frozen=True)
class FlagStatRow:
    """What the audit statistics need of one flag."""

    kind: str
    lineage: str
    status: str
    interval_days: int | None
    prior_institution: str | None
    later_report_date: date | None
    prior_report_id: str


# -- flags -------------------------------------------------------------------------------------


def _reader(engine: Engine) -> Session:
    return session_factory(engine)()


def _flag_query(
    flt: FlagFilter, head: Sequence[Any] = (FlagRow, Patient.patient_key)
) -> Select[Any]:
    """``head`` columns, then the prior report's institution and the later report's sign-out
    date (latest versions), for the flags ``flt`` keeps (its status filter aside)."""
    prior, later = aliased(Report), aliased(Report)
    query = (
        select(*head, prior.institution, later.report_date)
        .join(Patient, Patient.id == FlagRow.patient_pk)
        .outerjoin(
            prior,
            and_(prior.report_id == FlagRow.prior_report_id, prior.is_latest.is_(True)),
        )
        .outerjoin(
            later,
            and_(later.report_id == FlagRow.later_report_id, later.is_latest.is_(True)),
        )
    )
    if flt.kind:
        query = query.where(FlagRow.kind == flt.kind)
    if flt.lineage:
        query = query.where(FlagRow.lineage == flt.lineage)
    if flt.severity:
        query = query.where(FlagRow.severity == flt.severity)
    if flt.institution:
        query = query.where(prior.institution == flt.institution)
    if flt.patient_id:
        query = query.where(Patient.patient_key == flt.patient_id)
    if flt.date_from:
        query = query.where(later.report_date >= flt.date_from)
    if flt.date_to:
        query = query.where(later.report_date <= flt.date_to)
    if not flt.include_retired:
        query = query.where(FlagRow.status != "retired")
    return query


def _flag_record(
    row: FlagRow, patient_key: str, institution: str | None, later_date: date | None
) -> FlagRecord:
    return FlagRecord(
        flag_id=row.flag_id,
        patient_id=patient_key,
        kind=row.kind,
        lineage=row.lineage,
        prior_report_id=row.prior_report_id,
        later_report_id=row.later_report_id,
        interval_days=row.interval_days,
        severity=row.severity,
        status=row.status,
        explanation=row.explanation,
        recommended_action=row.recommended_action,
        evidence=tuple(row.evidence or ()),
        retired_reason=row.retired_reason,
        pipeline_version=row.pipeline_version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        prior_institution=institution,
        later_report_date=later_date,
    )


def _ordered(query: Select[Any], sort: str, descending: bool) -> Select[Any]:
    if sort not in FLAG_SORTS:
        raise ValueError(f"sort must be one of {', '.join(FLAG_SORTS)}")
    later_date = list(query.selected_columns)[-1]
    severity_rank = _severity_rank()
    keys: dict[str, Any] = {
        "severity": severity_rank,
        "later_date": later_date,
        "interval": FlagRow.interval_days,
        "patient": Patient.patient_key,
        "kind": FlagRow.kind,
        "updated": FlagRow.updated_at,
    }
    key = keys[sort]
    # severity ranks high=0 first; every other key reads naturally ascending
    primary = key.desc() if descending else key.asc()
    return query.order_by(primary.nulls_last(), Patient.patient_key, FlagRow.flag_id)


def _severity_rank() -> Any:
    return case(
        *((FlagRow.severity == name, i) for i, name in enumerate(SEVERITY_ORDER)),
        else_=len(SEVERITY_ORDER),
    )


def list_flags(
    engine: Engine,
    flt: FlagFilter | None = None,
    *,
    page: int = 1,
    per_page: int = 50,
    sort: str = "severity",
    descending: bool = False,
) -> FlagPage:
    """One page of the flag queue, with the total and the count per status under the same
    filters (the status filter aside, so the tabs show what each would hold)."""
    flt = flt or FlagFilter()
    page = max(1, page)
    per_page = max(1, min(per_page, 500))
    base = _flag_query(flt)
    with _reader(engine) as session:
        counts_query = select(base.subquery().c.status, func.count()).group_by("status")
        counts = {status: n for status, n in session.execute(counts_query)}
        query = base.where(FlagRow.status == flt.status) if flt.status else base
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = session.execute(
            _ordered(query, sort, descending).limit(per_page).offset((page - 1) * per_page)
        ).all()
        records = tuple(_flag_record(*row) for row in rows)
    return FlagPage(records, total, page, per_page, dict(sorted(counts.items())))


def iter_flags(engine: Engine, flt: FlagFilter | None = None) -> Iterator[FlagRecord]:
    """Every flag matching ``flt`` by patient, kind and id, streamed (exports, the CLI)."""
    flt = flt or FlagFilter()
    query = _flag_query(flt)
    if flt.status:
        query = query.where(FlagRow.status == flt.status)
    query = query.order_by(Patient.patient_key, FlagRow.kind, FlagRow.flag_id)
    with _reader(engine) as session:
        for row in session.execute(query.execution_options(yield_per=500)):
            yield _flag_record(*row)


def flag_detail(engine: Engine, flag_id: str) -> FlagDetail | None:
    """A flag with its review history, oldest decision first; ``None`` if there is none."""
    with _reader(engine) as session:
        found = session.execute(_flag_query(FlagFilter()).where(FlagRow.flag_id == flag_id)).first()
        if found is None:
            return None
        reviews = session.execute(
            select(
                FlagReviewRow.created_at,
                FlagReviewRow.reviewer,
                FlagReviewRow.decision,
                FlagReviewRow.comment,
            )
            .where(FlagReviewRow.flag_pk == found[0].id)
            .order_by(FlagReviewRow.id)
        ).all()
        return FlagDetail(_flag_record(*found), tuple(ReviewEntry(*r) for r in reviews))


def flag_facets(engine: Engine) -> dict[str, list[str]]:
    """The values each queue filter can take, for its drop-down lists."""
    with _reader(engine) as session:

        def distinct(column: Any) -> list[str]:
            return [v for v in session.scalars(select(column).distinct().order_by(column)) if v]

        prior = aliased(Report)
        institutions = session.scalars(
            select(prior.institution)
            .join(FlagRow, FlagRow.prior_report_id == prior.report_id)
            .where(prior.is_latest.is_(True), prior.institution.is_not(None))
            .distinct()
            .order_by(prior.institution)
        )
        return {
            "status": distinct(FlagRow.status),
            "kind": distinct(FlagRow.kind),
            "lineage": distinct(FlagRow.lineage),
            "severity": [s for s in SEVERITY_ORDER if s in distinct(FlagRow.severity)],
            "institution": [i for i in institutions if i],
        }


def record_decision(
    engine: Engine, flag_id: str, decision: str, reviewer: str, comment: str | None
) -> ReviewEntry:
    """Append a review decision and set the flag's status (LookupError: no such flag;
    ValueError: not a decision). One transaction."""
    with session_factory(engine)() as session, session.begin():
        row = repository.record_review(session, flag_id, decision, reviewer, comment)
        return ReviewEntry(row.created_at, row.reviewer, row.decision, row.comment)


# -- reports and timelines --------------------------------------------------------------------


def report_view(engine: Engine, report_id: str, version: int | None = None) -> ReportView | None:
    """A report version (default: the latest) with its stored extraction."""
    with _reader(engine) as session:
        query = (
            select(Report, Patient.patient_key)
            .join(Patient, Patient.id == Report.patient_pk)
            .where(Report.report_id == report_id)
        )
        query = (
            query.where(Report.version == version)
            if version
            else query.where(Report.is_latest.is_(True))
        )
        found = session.execute(query).first()
        if found is None:
            return None
        report, patient_key = found
        versions = tuple(
            session.scalars(
                select(Report.version).where(Report.report_id == report_id).order_by(Report.version)
            )
        )
        extraction = repository.extractions_for(session, [report.id])[report.id]
        return ReportView(
            report_id=report.report_id,
            version=report.version,
            versions=versions,
            patient_id=patient_key,
            report_type=report.report_type,
            report_type_source=report.report_type_source,
            report_date=report.report_date,
            specimen_date=report.specimen_date,
            institution=report.institution,
            text=report.text,
            extraction=extraction,
        )


def patient_entries(engine: Engine, patient_id: str) -> list[TimelineEntry]:
    """A patient's latest report versions with their extractions, as the flag rules read
    them; ``flags.build_timeline`` dates and links them. Empty for an unknown patient."""
    with _reader(engine) as session:
        pk = session.scalar(select(Patient.id).where(Patient.patient_key == patient_id))
        if pk is None:
            return []
        return repository.timelines(session, [pk])[pk]


def patient_of_report(engine: Engine, report_id: str) -> str | None:
    with _reader(engine) as session:
        return session.scalar(
            select(Patient.patient_key)
            .join(Report, Report.patient_pk == Patient.id)
            .where(Report.report_id == report_id)
            .limit(1)
        )


@dataclass(frozen=True)
class MentionSource:
    """A latest report version's identity and dates, with its stored extraction."""

    report_id: str
    patient_id: str
    report_date: date
    specimen_date: date | None
    report_type: str
    extraction: Extraction


def iter_latest_extractions(engine: Engine, batch: int = 200) -> Iterator[MentionSource]:
    """Every report's latest version with its extraction, streamed in primary-key order
    without loading the table (the mentions export)."""
    with _reader(engine) as session:
        chunk: list[tuple[Report, str]] = []
        for item in repository.iter_latest_reports(session, batch):
            chunk.append(item)
            if len(chunk) >= batch:
                yield from _sources(session, chunk)
                chunk = []
        yield from _sources(session, chunk)


def _sources(session: Session, chunk: Sequence[tuple[Report, str]]) -> Iterator[MentionSource]:
    extractions = repository.extractions_for(session, [r.id for r, _ in chunk])
    for report, patient_key in chunk:
        yield MentionSource(
            report.report_id,
            patient_key,
            report.report_date,
            report.specimen_date,
            report.report_type,
            extractions[report.id],
        )


# -- quarantine, runs, statistics -------------------------------------------------------------


def quarantine_items(
    engine: Engine,
    run_id: int | None = None,
    *,
    with_excerpt: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[QuarantineItem]:
    """Quarantined records in the order they were quarantined. The raw excerpt may hold PHI:
    it is read only with ``with_excerpt`` (the web app asks only for admins)."""
    q = QuarantineRow
    columns: list[Any] = [
        q.id,
        q.ingest_run_id,
        q.source,
        q.location,
        q.report_id,
        q.reason,
        q.created_at,
    ]
    if with_excerpt:
        columns.append(q.raw_excerpt)
    query = select(*columns).order_by(q.id).offset(offset)
    if run_id is not None:
        query = query.where(q.ingest_run_id == run_id)
    if limit is not None:
        query = query.limit(limit)
    with _reader(engine) as session:
        return [QuarantineItem(*row) for row in session.execute(query)]


def quarantine_count(engine: Engine, run_id: int | None = None) -> int:
    query = select(func.count()).select_from(QuarantineRow)
    if run_id is not None:
        query = query.where(QuarantineRow.ingest_run_id == run_id)
    with _reader(engine) as session:
        return session.scalar(query) or 0


def list_runs(engine: Engine, limit: int = 50) -> list[repository.RunRow]:
    with _reader(engine) as session:
        return repository.list_runs(session, limit)


def run_exists(engine: Engine, run_id: int) -> bool:
    with _reader(engine) as session:
        return session.get(IngestRun, run_id) is not None


def flag_stat_rows(engine: Engine, *, include_retired: bool = False) -> list[FlagStatRow]:
    head = (FlagRow.kind, FlagRow.lineage, FlagRow.status, FlagRow.interval_days)
    query = _flag_query(FlagFilter(include_retired=include_retired), head)
    query = query.add_columns(FlagRow.prior_report_id)
    with _reader(engine) as session:
        return [
            FlagStatRow(kind, lineage, status, days, institution, later_date, prior_id)
            for kind, lineage, status, days, institution, later_date, prior_id in session.execute(
                query
            )
        ]


def busiest_institution(engine: Engine) -> str | None:
    """The institution with the most reports: the home laboratory, by default."""
    with _reader(engine) as session:
        return session.scalar(
            select(Report.institution)
            .where(Report.is_latest.is_(True), Report.institution.is_not(None))
            .group_by(Report.institution)
            .order_by(func.count().desc(), Report.institution)
            .limit(1)
        )


def benign_reports_by_institution(engine: Engine) -> dict[str | None, int]:
    """Per institution, the latest reports with an affirmed benign or uncertain-potential
    diagnosis: the denominator of the discordance rate."""
    with _reader(engine) as session:
        return {
            institution: n
            for institution, n in session.execute(
                select(Report.institution, func.count(func.distinct(Report.id)))
                .join(DiagnosisMentionRow, DiagnosisMentionRow.report_pk == Report.id)
                .where(
                    Report.is_latest.is_(True),
                    DiagnosisMentionRow.assertion == "affirmed",
                    or_(DiagnosisMentionRow.behavior == 0, DiagnosisMentionRow.behavior == 1),
                )
                .group_by(Report.institution)
            )
        }
