"""The ingest job: archives → validated records → NLP → database → flags.

Read one way, top to bottom: ``run_ingest`` streams records in batches; each batch is
classified against what is stored (new, new version, unchanged, needs re-extraction under a
newer pipeline), extracted, written and committed in one transaction, and the touched
patients are marked dirty. Flags are recomputed for dirty patients at the end. Because the
dirty mark is committed with the batch, a run killed at any point leaves a state from which
a rerun finishes the job: committed batches are skipped by content hash, the lost batch is
redone, and every dirty patient gets its flags recomputed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from pathmine.flags import compute_flags, link_reviews
from pathmine.ingest import read_archive
from pathmine.records import Extraction, Rejected
from pathmine.records import Report as ReportRecord
from pathmine.store import IngestRun, ensure_schema, repository, session_factory, utcnow


class TextExtractor(Protocol):
    version: str

    def extract_many(self, texts: Iterable[str], batch_size: int = ...) -> Iterator[Extraction]: ...

    def infer_report_type(self, text: str) -> str: ...


@dataclass
class RunSummary:
    run_id: int | None = None
    read: int = 0
    stored: int = 0
    unchanged: int = 0
    new_versions: int = 0
    reextracted: int = 0
    quarantined: int = 0
    flags_raised: int = 0
    flags_retired: int = 0
    patients_reflagged: int = 0
    status: str = "running"
    reasons: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


ProgressHook = Callable[[RunSummary], None]


@dataclass(frozen=True)
class _Planned:
    report: ReportRecord
    patient_pk: int
    version: int
    previous_pk: int | None
    kind: str  # 'new' | 'new_version' | 'reextract'


def _batches(
    items: Iterable[ReportRecord | Rejected], size: int
) -> Iterator[list[ReportRecord | Rejected]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _reason_key(reason: str) -> str:
    """A short, PHI-free category for the summary ("empty text", "malformed JSON", …)."""
    first = reason.split(";")[0]
    return first.split(":")[0].strip()[:60]


def run_ingest(
    engine: Engine,
    paths: Sequence[str | Path],
    extractor: TextExtractor,
    *,
    fmt: str = "auto",
    column_map: Mapping[str, str] | None = None,
    batch_size: int = 100,
    max_text_chars: int = 1_000_000,
    progress: ProgressHook | None = None,
) -> RunSummary:
    """Ingest archives into the database and recompute flags for every patient touched."""
    ensure_schema(engine)
    make_session = session_factory(engine)
    summary = RunSummary()
    with make_session() as session, session.begin():
        run = IngestRun(pipeline_version=extractor.version, sources=[str(p) for p in paths])
        session.add(run)
        session.flush()
        summary.run_id = run.id
    # Open every archive first so a missing file fails before anything is written.
    readers = [
        read_archive(p, fmt, column_map=column_map, max_text_chars=max_text_chars) for p in paths
    ]
    try:
        for batch in _batches(itertools.chain.from_iterable(readers), batch_size):
            with make_session() as session, session.begin():
                _ingest_batch(session, batch, extractor, summary)
                _save_counts(session, summary)
            if progress:
                progress(summary)
        recompute_dirty_flags(engine, extractor.version, summary, progress)
    except BaseException:
        summary.status = "interrupted"
        _finish(make_session, summary)
        raise
    summary.status = "completed"
    _finish(make_session, summary)
    return summary


def _ingest_batch(
    session: Session,
    batch: list[ReportRecord | Rejected],
    extractor: TextExtractor,
    summary: RunSummary,
) -> None:
    summary.read += len(batch)
    reports = [r for r in batch if isinstance(r, ReportRecord)]
    for item in batch:
        if isinstance(item, Rejected):
            _quarantine(session, summary, item)
    stored = repository.latest_versions(session, (r.report_id for r in reports))
    pks = repository.patient_pks(session, (r.patient_id for r in reports))
    planned: list[_Planned] = []
    pending: dict[str, _Planned] = {}  # a report id seen twice in one batch
    for report in reports:
        prior = stored.get(report.report_id)
        in_batch = pending.get(report.report_id)
        if in_batch is not None:
            if in_batch.report.sha256 == report.sha256:
                summary.unchanged += 1
                continue
            plan = _Planned(
                report, pks[report.patient_id], in_batch.version + 1, None, "new_version"
            )
        elif prior is None:
            plan = _Planned(report, pks[report.patient_id], 1, None, "new")
        elif prior.patient_key != report.patient_id:
            _quarantine(
                session,
                summary,
                Rejected(
                    report.source,
                    report.location,
                    "report_id is already stored for a different patient_id",
                    report.report_id,
                ),
            )
            continue
        elif prior.sha256 == report.sha256:
            if prior.extracted_with == extractor.version:
                summary.unchanged += 1
                continue
            plan = _Planned(report, pks[report.patient_id], prior.version, prior.pk, "reextract")
        else:
            plan = _Planned(
                report, pks[report.patient_id], prior.version + 1, prior.pk, "new_version"
            )
        planned.append(plan)
        pending[report.report_id] = plan
    extractions = extractor.extract_many([p.report.text for p in planned])
    written: dict[str, int] = {}
    for plan, extraction in zip(planned, extractions, strict=True):
        if plan.kind == "reextract":
            report_pk = plan.previous_pk
            assert report_pk is not None
            summary.reextracted += 1
        else:
            previous = written.get(plan.report.report_id, plan.previous_pk)
            report_type, source = _report_type(plan.report, extractor, extraction)
            report_pk = repository.add_report_version(
                session,
                plan.report,
                patient_pk=plan.patient_pk,
                version=plan.version,
                report_type=report_type,
                report_type_source=source,
                run_id=summary.run_id,
                previous_pk=previous,
            )
            written[plan.report.report_id] = report_pk
            if plan.kind == "new":
                summary.stored += 1
            else:
                summary.new_versions += 1
        repository.replace_extraction(session, report_pk, extraction)
    repository.mark_dirty(session, (p.patient_pk for p in planned))


def _report_type(
    report: ReportRecord, extractor: TextExtractor, extraction: Extraction
) -> tuple[str, str]:
    if report.report_type:
        return report.report_type, "input"
    inferred = extraction.inferred_report_type or extractor.infer_report_type(report.text)
    return inferred, "inferred"


def _quarantine(session: Session, summary: RunSummary, rejected: Rejected) -> None:
    repository.quarantine(session, summary.run_id, rejected)
    summary.quarantined += 1
    key = _reason_key(rejected.reason)
    summary.reasons[key] = summary.reasons.get(key, 0) + 1


def recompute_dirty_flags(
    engine: Engine,
    pipeline_version: str,
    summary: RunSummary | None = None,
    progress: ProgressHook | None = None,
) -> RunSummary:
    """Recompute flags for every patient marked dirty, one transaction per chunk."""
    summary = summary or RunSummary()
    make_session = session_factory(engine)
    while True:
        with make_session() as session, session.begin():
            patients = repository.dirty_patients(session, limit=200)
            if not patients:
                break
            for pk, key in patients:
                entries, texts = repository.timeline(session, pk)
                flags = compute_flags(key, link_reviews(entries, texts))
                raised, retired = repository.sync_flags(session, pk, flags, pipeline_version)
                summary.flags_raised += raised
                summary.flags_retired += retired
                summary.patients_reflagged += 1
            _save_counts(session, summary)
        if progress:
            progress(summary)
    return summary


def _save_counts(session: Session, summary: RunSummary) -> None:
    if summary.run_id is None:
        return
    run = session.get(IngestRun, summary.run_id)
    if run is None:
        return
    run.n_read = summary.read
    run.n_stored = summary.stored
    run.n_unchanged = summary.unchanged
    run.n_new_versions = summary.new_versions
    run.n_reextracted = summary.reextracted
    run.n_quarantined = summary.quarantined
    run.n_flags_raised = summary.flags_raised
    run.n_flags_retired = summary.flags_retired
    run.status = summary.status


def _finish(make_session: Callable[[], Session], summary: RunSummary) -> None:
    with make_session() as session, session.begin():
        _save_counts(session, summary)
        run = session.get(IngestRun, summary.run_id)
        if run is not None:
            run.finished_at = utcnow()
