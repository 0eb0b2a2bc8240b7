"""Rows for the export contract (field names are stable; other tools read them).

``mentions``: one object per report (latest version) with its diagnoses, stains and features.
``flags``: one object per flag with its evidence. ``pathmine extract`` prints the same
mention objects straight from the NLP, without a database.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pathmine.records import Extraction
from pathmine.store import FlagRow, Patient, repository, session_factory

MENTION_FIELDS = (
    "term",
    "icdo3",
    "behavior",
    "lineage",
    "assertion",
    "section",
    "site",
    "start",
    "end",
)
STAIN_FIELDS = (
    "marker",
    "text",
    "result",
    "intensity",
    "extent",
    "percent",
    "pattern",
    "start",
    "end",
)
REPORT_FIELDS = ("report_id", "patient_id", "report_date", "specimen_date", "report_type")
# CSV has no nesting: one row per diagnosis or stain, the report's fields repeated.
MENTION_CSV_FIELDS = tuple(
    dict.fromkeys((*REPORT_FIELDS, "kind", *MENTION_FIELDS, *STAIN_FIELDS, "rule_id"))
)
FLAG_FIELDS = (
    "flag_id",
    "patient_id",
    "kind",
    "lineage",
    "prior_report_id",
    "later_report_id",
    "interval_days",
    "severity",
    "status",
    "explanation",
    "recommended_action",
    "evidence",
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def mention_object(
    extraction: Extraction,
    *,
    report_id: str | None,
    patient_id: str | None,
    report_date: date | None,
    specimen_date: date | None,
    report_type: str | None,
    with_provenance: bool = True,
) -> dict[str, Any]:
    """One report's extraction in the export contract's shape."""

    def pick(obj: object, fields: tuple[str, ...]) -> dict[str, Any]:
        row = {f: getattr(obj, f) for f in fields}
        if with_provenance:
            row["rule_id"] = getattr(obj, "rule_id")  # noqa: B009
        return row

    return {
        "report_id": report_id,
        "patient_id": patient_id,
        "report_date": _iso(report_date),
        "specimen_date": _iso(specimen_date),
        "report_type": report_type,
        "pipeline_version": extraction.pipeline_version,
        "diagnoses": [pick(d, MENTION_FIELDS) for d in extraction.diagnoses],
        "stains": [pick(s, STAIN_FIELDS) for s in extraction.stains],
        "features": extraction.features_summary(),
    }


def iter_mentions(engine: Engine, batch: int = 200) -> Iterator[dict[str, Any]]:
    """Stream every report's latest extraction without loading the table."""
    with session_factory(engine)() as session:
        chunk: list[tuple[Any, str]] = []
        for item in repository.iter_latest_reports(session, batch):
            chunk.append(item)
            if len(chunk) >= batch:
                yield from _mention_chunk(session, chunk)
                chunk = []
        yield from _mention_chunk(session, chunk)


def _mention_chunk(session: Session, chunk: list[tuple[Any, str]]) -> Iterator[dict[str, Any]]:
    extractions = repository.extractions_for(session, [r.id for r, _ in chunk])
    for report, patient_key in chunk:
        yield mention_object(
            extractions[report.id],
            report_id=report.report_id,
            patient_id=patient_key,
            report_date=report.report_date,
            specimen_date=report.specimen_date,
            report_type=report.report_type,
        )


def flag_object(row: FlagRow, patient_key: str) -> dict[str, Any]:
    obj = {f: getattr(row, f) for f in FLAG_FIELDS if f != "patient_id"}
    obj["patient_id"] = patient_key
    obj["retired_reason"] = row.retired_reason
    obj["pipeline_version"] = row.pipeline_version
    obj["updated_at"] = row.updated_at.isoformat() if row.updated_at else None
    return {k: obj[k] for k in (*FLAG_FIELDS, "retired_reason", "pipeline_version", "updated_at")}


def iter_flags(
    engine: Engine,
    *,
    status: str | None = None,
    kind: str | None = None,
    patient_id: str | None = None,
) -> Iterator[dict[str, Any]]:
    with session_factory(engine)() as session:
        query = select(FlagRow, Patient.patient_key).join(Patient, Patient.id == FlagRow.patient_pk)
        if status:
            query = query.where(FlagRow.status == status)
        if kind:
            query = query.where(FlagRow.kind == kind)
        if patient_id:
            query = query.where(Patient.patient_key == patient_id)
        query = query.order_by(Patient.patient_key, FlagRow.kind, FlagRow.flag_id)
        for row, key in session.execute(query):
            yield flag_object(row, key)
