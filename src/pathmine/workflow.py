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

import codecs
import contextlib
import copy
import hashlib
import itertools
import json
import os
import socket
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from pathmine.flags import build_timeline, compute_flags
from pathmine.ingest import IngestError, read_archive
from pathmine.ingest.files import ByteMeter, os_reason
from pathmine.ingest.validate import REPORT_FIELDS, reason_kind
from pathmine.parallel import (
    DEFAULT_TIME_BUDGET,
    ExtractionFailure,
    ExtractionPool,
    extract_isolated,
)
from pathmine.records import Extraction, Rejected, sha256_text
from pathmine.records import Report as ReportRecord
from pathmine.store import (
    Engine,
    Session,
    WriteConflict,
    ensure_schema,
    repository,
    session_factory,
)


class TextExtractor(Protocol):
    version: str

    def extract_many(self, texts: Iterable[str], batch_size: int = ...) -> Iterator[Extraction]: ...


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
    # Archive files not re-read: identical to a file a completed run read whole.
    sources_skipped: int = 0
    quarantined_by_source: dict[str, int] = field(default_factory=dict)
    # File-level problems ("<file>: <reason>"): a file, or its tail, could not be read. The
    # run goes on with the next file; the command exits non-zero at the end.
    file_problems: list[str] = field(default_factory=list)
    # progress: bytes of the archive files read so far and in all; the file being read; the
    # phase ("ingest", then "flags") and the patients whose flags need recomputing
    bytes_done: int = 0
    bytes_total: int = 0
    current_file: str = ""
    phase: str = "ingest"
    patients_to_reflag: int = 0

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


ProgressHook = Callable[[RunSummary], None]


@dataclass(frozen=True)
class _Planned:
    report: ReportRecord
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
    """A short, PHI-free kind of reason for summaries: the first problem, with its numbers
    as N ("invalid UTF-8 at byte N of the line"), so one kind is one line however many
    records it hit."""
    return reason_kind(reason)


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
    workers: int = 1,
    skip_unchanged_files: bool = True,
    encoding: str = "utf-8",
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> RunSummary:
    """Ingest archives into the database and recompute flags for every patient touched.

    With ``skip_unchanged_files``, an archive file identical (checksum, size, reader
    options) to one a completed run read whole is not read again when that cannot change
    anything (``repository.fully_ingested_source``); its records count as unchanged.
    A report whose extraction fails or takes longer than ``time_budget`` seconds is
    quarantined with the reason; the rest of its batch is stored.
    """
    ensure_schema(engine)
    make_session = session_factory(engine)
    summary = RunSummary()
    with make_session() as session, session.begin():
        repository.mark_abandoned_runs(session, socket.gethostname(), _process_alive)
        summary.run_id = repository.start_run(
            session, extractor.version, [str(p) for p in paths], socket.gethostname(), os.getpid()
        )
    options = _reader_options(fmt, column_map, max_text_chars, encoding)
    sources = [_Source(Path(p)) for p in paths]
    for source in sources:
        source.fingerprint = _fingerprint(source.path)
        if skip_unchanged_files and source.fingerprint is not None:
            with make_session() as session:
                known = repository.fully_ingested_source(
                    session, *source.fingerprint, options, extractor.version
                )
            if known is not None:
                source.skipped, source.n_read = True, known
                summary.read += known
                summary.unchanged += known
                summary.sources_skipped += 1
    _check_arguments(sources, column_map)
    meter = ByteMeter()
    summary.bytes_total = sum(_size_on_disk(s.path) for s in sources if not s.skipped)
    readers = [
        _counted(
            source,
            _isolated(source.path, fmt, column_map, max_text_chars, encoding, meter),
            summary,
        )
        for source in sources
        if not source.skipped
    ]
    if progress is not None:
        hook = progress

        def progress(summary: RunSummary) -> None:  # the bytes read so far, then the hook
            summary.bytes_done = meter.done
            hook(summary)

    batches = _batches(itertools.chain.from_iterable(readers), batch_size)
    pool = (
        ExtractionPool(extractor, workers, before_fork=engine.dispose, time_budget=time_budget)
        if workers > 1
        else None
    )
    try:
        if pool is None:
            for batch in batches:
                _write_batch(
                    make_session, batch, _inline(extractor, time_budget), extractor.version, summary
                )
                if progress:
                    progress(summary)
        else:
            _run_pooled(make_session, batches, pool, extractor, summary, progress, time_budget)
        recompute_dirty_flags(engine, extractor.version, summary, progress)
    except BaseException:
        summary.status = "interrupted"
        if pool is not None:
            pool.close(cancel=True)
            pool = None
        _finish(make_session, summary)
        raise
    finally:
        if pool is not None:
            pool.close()
    summary.status = "completed"
    _finish(make_session, summary, [s.record(options, summary) for s in sources if s.fingerprint])
    return summary


def _process_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this machine (signal 0 probes, sends nothing).
    A recycled pid reads as alive: the run is then marked at a later start, never wrongly."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


@dataclass
class _Source:
    path: Path
    fingerprint: tuple[str, int] | None = None  # (sha256, size) of a regular file
    n_read: int = 0
    skipped: bool = False

    def record(self, options: str, summary: RunSummary) -> repository.SourceRecord:
        assert self.fingerprint is not None
        quarantined = summary.quarantined_by_source.get(str(self.path), 0)
        return repository.SourceRecord(
            path=str(self.path),
            sha256=self.fingerprint[0],
            size_bytes=self.fingerprint[1],
            reader_options=options,
            n_read=self.n_read,
            n_quarantined=0 if self.skipped else quarantined,
            skipped=self.skipped,
        )


def _fingerprint(path: Path) -> tuple[str, int] | None:
    """Checksum and size of a regular file, read in 1 MB chunks (directories: ``None``)."""
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _reader_options(
    fmt: str, column_map: Mapping[str, str] | None, max_text_chars: int, encoding: str = "utf-8"
) -> str:
    """Everything besides the bytes that decides how a file's records are read (the default
    encoding is left out, so files recorded before the option existed still match)."""
    columns = dict(sorted((column_map or {}).items()))
    options: dict[str, object] = {
        "format": fmt,
        "columns": columns,
        "max_text_chars": max_text_chars,
    }
    if codecs.lookup(encoding).name != "utf-8":
        options["encoding"] = codecs.lookup(encoding).name
    return json.dumps(options, sort_keys=True)


def _check_arguments(sources: Sequence[_Source], column_map: Mapping[str, str] | None) -> None:
    """Mistakes in the command itself fail before anything is written: a path that does not
    exist (a typo), a column mapping for a field we do not have."""
    for source in sources:
        if not source.path.exists():
            raise IngestError(f"{source.path}: archive not found")
    unknown = sorted(set(column_map or {}) - {*REPORT_FIELDS, "file"})
    if unknown:
        raise IngestError(
            f"column_map names unknown field(s) {', '.join(unknown)}; "
            f"known fields: {', '.join(REPORT_FIELDS)}"
        )


def _isolated(
    path: Path,
    fmt: str,
    column_map: Mapping[str, str] | None,
    max_text_chars: int,
    encoding: str = "utf-8",
    meter: ByteMeter | None = None,
) -> Iterator[ReportRecord | Rejected]:
    """One archive file as its own unit: a file that cannot be read at all (bad header,
    unknown format, no permission) or breaks part-way (I/O error) becomes one file-level
    rejection after whatever it yielded, and the run goes on with the next file."""
    try:
        records = read_archive(
            path,
            fmt,
            column_map=column_map,
            max_text_chars=max_text_chars,
            encoding=encoding,
            meter=meter,
        )
    except IngestError as exc:
        yield Rejected(str(path), "file", _without_path(str(exc), path), scope="file")
        return
    except OSError as exc:
        yield Rejected(str(path), "file", f"file cannot be read ({os_reason(exc)})", scope="file")
        return
    last = ""
    try:
        for record in records:
            last = record.location
            yield record
    except IngestError as exc:
        where = f"after {last}" if last else "file"
        yield Rejected(str(path), where, _without_path(str(exc), path), scope="file")
    except OSError as exc:
        where = f"after {last}" if last else "file"
        reason = f"file cannot be read ({os_reason(exc)}): the rest of it was not read"
        yield Rejected(str(path), where, reason, scope="file")


def _without_path(message: str, path: Path) -> str:
    prefix = f"{path}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _counted(
    source: _Source, records: Iterator[ReportRecord | Rejected], summary: RunSummary
) -> Iterator[ReportRecord | Rejected]:
    summary.current_file = source.path.name
    for record in records:
        source.n_read += 1
        yield record


def _size_on_disk(path: Path) -> int:
    """Bytes a reader will read: a file's size, or a directory's files (manifest and texts)."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for dirpath, _, filenames in os.walk(path):
        for name in filenames:
            if name.lower().endswith((".txt", ".csv")):
                with contextlib.suppress(OSError):
                    total += os.stat(os.path.join(dirpath, name)).st_size
    return total


def _inline(extractor: TextExtractor, budget: float | None) -> Extract:
    return lambda texts: extract_isolated(extractor, texts, budget) if texts else []


def _write_batch(
    make_session: Callable[[], Session],
    batch: list[ReportRecord | Rejected],
    extract: Extract,
    version: str,
    summary: RunSummary,
    stored: Stored | None = None,
) -> None:
    """One batch, one transaction: reports, extractions, quarantine, dirty marks, counts.

    A batch that changes nothing (all unchanged, classified from a snapshot) never touches
    the database: its counts are saved with the next batch that writes, or at the end.
    """
    for attempt in range(_WRITE_ATTEMPTS):
        saved = copy.deepcopy(summary)
        before = _writes(summary)
        try:
            with make_session() as session, session.begin():
                _ingest_batch(session, batch, extract, version, summary, stored)
                if _writes(summary) != before:
                    _save_counts(session, summary)
            return
        except WriteConflict:
            # Another ingest on the same database stored some of these patients or reports
            # first (two runs over overlapping archives). The transaction rolled back whole:
            # forget its counts and classify the batch again against what is stored now,
            # which turns the other run's rows into "unchanged".
            summary.__dict__.update(saved.__dict__)
            stored = None
            if attempt == _WRITE_ATTEMPTS - 1:
                raise


# A batch that loses a race with a concurrent ingest is classified and written again; a
# conflict that survives this many attempts is not a race.
_WRITE_ATTEMPTS = 4


def _writes(summary: RunSummary) -> tuple[int, int, int, int]:
    return (summary.stored, summary.new_versions, summary.reextracted, summary.quarantined)


@dataclass
class _InFlight:
    """A batch whose extraction runs in a worker while older batches are written."""

    batch: list[ReportRecord | Rejected]
    ids: set[str]
    shas: list[str]
    future: Future[list[Extraction | ExtractionFailure]]
    stored: Stored | None  # read-time snapshot; None once a batch written since touched ids


def _run_pooled(
    make_session: Callable[[], Session],
    batches: Iterable[list[ReportRecord | Rejected]],
    pool: ExtractionPool,
    extractor: TextExtractor,
    summary: RunSummary,
    progress: ProgressHook | None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> None:
    """Workers extract upcoming batches while this process writes the oldest one.

    Texts already stored under this pipeline version are left out before any NLP. Batches
    are written in order by this single writer; the read-time snapshot of what is stored
    is reused at write time unless a batch written in between touched the same report ids
    (then the writer classifies again), so a report repeated across in-flight batches is
    still versioned correctly and an unchanged batch costs one query, not two.
    """
    inflight: deque[_InFlight] = deque()

    def write_oldest() -> None:
        oldest = inflight.popleft()
        done = dict(zip(oldest.shas, oldest.future.result(), strict=True))

        def extract(texts: Sequence[str]) -> list[Extraction | ExtractionFailure]:
            missing = [t for t in texts if sha256_text(t) not in done]
            if missing:  # a text the read-time check thought unchanged
                fresh = extract_isolated(extractor, missing, time_budget)
                done.update(zip(map(sha256_text, missing), fresh, strict=True))
            return [done[sha256_text(t)] for t in texts]

        _write_batch(make_session, oldest.batch, extract, extractor.version, summary, oldest.stored)
        for later in inflight:
            if later.stored is not None and not later.ids.isdisjoint(oldest.ids):
                later.stored = None
        if progress:
            progress(summary)

    for batch in batches:
        ids = {r.report_id for r in batch if isinstance(r, ReportRecord)}
        stored = _stored_versions(make_session, ids)
        todo = _needing_extraction(batch, stored, extractor.version)
        future = pool.submit(list(todo.values()))
        inflight.append(_InFlight(batch, ids, list(todo), future, stored))
        if len(inflight) > pool.max_inflight:
            write_oldest()
    while inflight:
        write_oldest()


Stored = dict[str, repository.StoredVersion]


def _stored_versions(make_session: Callable[[], Session], ids: Iterable[str]) -> Stored:
    with make_session() as session:
        return repository.latest_versions(session, ids)


def _needing_extraction(
    batch: list[ReportRecord | Rejected], stored: Stored, version: str
) -> dict[str, str]:
    """sha256 → text for the batch's reports not already stored under this pipeline."""
    todo: dict[str, str] = {}
    for r in batch:
        if not isinstance(r, ReportRecord):
            continue
        prior = stored.get(r.report_id)
        if prior is None or (
            r.sha256 not in prior.known
            or (prior.sha256 == r.sha256 and prior.extracted_with != version)
        ):
            todo.setdefault(r.sha256, r.text)
    return todo


Extract = Callable[[Sequence[str]], Sequence[Extraction | ExtractionFailure]]


def _ingest_batch(
    session: Session,
    batch: list[ReportRecord | Rejected],
    extract: Extract,
    version: str,
    summary: RunSummary,
    stored: Stored | None = None,
) -> None:
    """Classify one batch against what is stored, extract what is new, write it in bulk.

    ``stored`` is a snapshot of the batch's stored versions taken earlier by this writer and
    still valid; without it the batch is classified against the database now.
    """
    summary.read += len(batch)
    reports = [r for r in batch if isinstance(r, ReportRecord)]
    for item in batch:
        if isinstance(item, Rejected):
            _quarantine(session, summary, item)
    if stored is None:
        stored = repository.latest_versions(session, (r.report_id for r in reports))
    planned: list[_Planned] = []
    pending: dict[str, _Planned] = {}  # a report id seen twice in one batch
    for report in reports:
        prior = stored.get(report.report_id)
        in_batch = pending.get(report.report_id)
        owner = in_batch.report.patient_id if in_batch else prior.patient_key if prior else None
        if owner is not None and owner != report.patient_id:
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
        if in_batch is not None:
            if in_batch.report.sha256 == report.sha256:
                summary.unchanged += 1
                continue
            plan = _Planned(report, in_batch.version + 1, in_batch.previous_pk, "new_version")
        elif prior is None:
            plan = _Planned(report, 1, None, "new")
        elif prior.sha256 == report.sha256:
            if prior.extracted_with == version:
                summary.unchanged += 1
                continue
            plan = _Planned(report, prior.version, prior.pk, "reextract")
        elif report.sha256 in prior.known:
            summary.unchanged += 1  # an earlier version we already hold (original, then amended)
            continue
        else:
            number = max(prior.version, prior.max_version) + 1
            plan = _Planned(report, number, prior.pk, "new_version")
        planned.append(plan)
        pending[report.report_id] = plan
    latest = _latest_plans(planned, stored)
    # Patients are looked up (or created) only for reports that are actually written: a
    # re-run over an unchanged archive touches no patient rows.
    pks = repository.patient_pks(session, (p.report.patient_id for p in planned))
    extractions = extract([p.report.text for p in planned])
    new_versions: list[repository.NewVersion] = []
    reextracted: list[tuple[int, Extraction]] = []
    for plan, extraction in zip(planned, extractions, strict=True):
        if isinstance(extraction, ExtractionFailure):
            # the pipeline failed on this report (or ran past its time budget): quarantined
            # with the reason, the rest of the batch goes on
            _quarantine(
                session,
                summary,
                Rejected(
                    plan.report.source,
                    plan.report.location,
                    extraction.reason,
                    plan.report.report_id,
                ),
            )
            continue
        if plan.kind == "reextract":
            assert plan.previous_pk is not None
            reextracted.append((plan.previous_pk, extraction))
            summary.reextracted += 1
            continue
        report_type, type_source = _report_type(plan.report, extraction)
        new_versions.append(
            repository.NewVersion(
                report=plan.report,
                patient_pk=pks[plan.report.patient_id],
                version=plan.version,
                report_type=report_type,
                report_type_source=type_source,
                previous_pk=plan.previous_pk if latest.get(plan.report.report_id) is plan else None,
                extraction=extraction,
                is_latest=latest.get(plan.report.report_id) is plan,
            )
        )
        if plan.kind == "new":
            summary.stored += 1
        else:
            summary.new_versions += 1
    repository.add_report_versions(session, new_versions, summary.run_id)
    repository.replace_extractions(session, reextracted)
    repository.mark_dirty(session, (pks[p.report.patient_id] for p in planned))


def _latest_plans(
    planned: Sequence[_Planned], stored: Mapping[str, repository.StoredVersion]
) -> dict[str, _Planned]:
    """The version of each report id that becomes the latest: the newest by sign-out date,
    then by arrival, among the stored latest and this batch's texts. The latest is what the
    report now says, whatever order the archive files came in: an original that arrives
    after its amendment (the amendment in one file, the original in the next) is kept as a
    version but does not supersede it. Report ids whose stored latest stays have no entry."""
    best: dict[str, _Planned] = {}
    for plan in planned:
        if plan.kind == "reextract":
            continue
        rid = plan.report.report_id
        current = best.get(rid)
        if current is not None and plan.report.report_date < current.report.report_date:
            continue  # an earlier-dated text of the same report in the same batch
        prior = stored.get(rid)
        if (
            current is None
            and prior is not None
            and prior.report_date is not None
            and plan.report.report_date < prior.report_date
        ):
            continue  # dated before the stored latest: a version, not the new latest
        best[rid] = plan
    return best


def _report_type(report: ReportRecord, extraction: Extraction) -> tuple[str, str]:
    if report.report_type:
        return report.report_type, "input"
    return extraction.inferred_report_type or "original", "inferred"


def _quarantine(session: Session, summary: RunSummary, rejected: Rejected) -> None:
    repository.quarantine(session, summary.run_id, rejected)
    summary.quarantined += 1
    if rejected.scope == "file":
        summary.file_problems.append(f"{rejected.source} ({rejected.location}): {rejected.reason}")
    by_source = summary.quarantined_by_source
    by_source[rejected.source] = by_source.get(rejected.source, 0) + 1
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
    summary.phase = "flags"
    with make_session() as session:
        summary.patients_to_reflag = repository.dirty_count(session)
    if progress:
        progress(summary)
    conflicts = 0
    while True:
        try:
            if not _recompute_chunk(make_session, pipeline_version, summary):
                break
        except WriteConflict:
            # a concurrent run flagged the same patient first (SQLite, without row locks):
            # the chunk rolled back; the next pass reads what is dirty now
            conflicts += 1
            if conflicts >= _WRITE_ATTEMPTS:
                raise
            continue
        conflicts = 0
        if progress:
            progress(summary)
    return summary


def _recompute_chunk(
    make_session: Callable[[], Session], pipeline_version: str, summary: RunSummary
) -> bool:
    """Recompute one chunk of dirty patients in one transaction; False when none is left."""
    saved = copy.deepcopy(summary)
    try:
        with make_session() as session, session.begin():
            patients = repository.dirty_patients(session, limit=200)
            if not patients:
                return False
            pks = [pk for pk, _ in patients]
            timelines = repository.timelines(session, pks)
            stored = repository.flags_by_patient(session, pks)
            for pk, key in patients:
                flags = compute_flags(key, build_timeline(timelines[pk]))
                raised, retired = repository.sync_flags(
                    session, pk, flags, pipeline_version, stored[pk]
                )
                summary.flags_raised += raised
                summary.flags_retired += retired
                summary.patients_reflagged += 1
            repository.clear_dirty(session, pks)
            _save_counts(session, summary)
    except WriteConflict:
        summary.__dict__.update(saved.__dict__)
        raise
    return True


def _save_counts(session: Session, summary: RunSummary) -> None:
    """The run's counters, committed with each batch (one UPDATE, no ORM load)."""
    if summary.run_id is None:
        return
    repository.update_run(
        session,
        summary.run_id,
        n_read=summary.read,
        n_stored=summary.stored,
        n_unchanged=summary.unchanged,
        n_new_versions=summary.new_versions,
        n_reextracted=summary.reextracted,
        n_quarantined=summary.quarantined,
        n_flags_raised=summary.flags_raised,
        n_flags_retired=summary.flags_retired,
        status=summary.status,
    )


def _finish(
    make_session: Callable[[], Session],
    summary: RunSummary,
    sources: Sequence[repository.SourceRecord] = (),
) -> None:
    """Final counts and status; a completed run also records the archive files it read."""
    with make_session() as session, session.begin():
        _save_counts(session, summary)
        if summary.run_id is not None:
            repository.record_sources(session, summary.run_id, sources)
            repository.finish_run(session, summary.run_id)
