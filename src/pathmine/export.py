"""Rows for the export contract (field names are stable; other tools read them).

``mentions``: one object per report (latest version) with its diagnoses, stains and features.
``flags``: one object per flag with its evidence. ``pathmine extract`` prints the same
mention objects straight from the NLP, without a database.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from pathmine.records import Extraction
from pathmine.store import Engine, queries

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
    for item in queries.iter_latest_extractions(engine, batch):
        yield mention_object(
            item.extraction,
            report_id=item.report_id,
            patient_id=item.patient_id,
            report_date=item.report_date,
            specimen_date=item.specimen_date,
            report_type=item.report_type,
        )


def flag_object(flag: queries.FlagRecord) -> dict[str, Any]:
    """One flag in the export contract's shape (evidence as stored)."""
    obj = {f: getattr(flag, f) for f in FLAG_FIELDS}
    obj["evidence"] = list(flag.evidence)
    obj["retired_reason"] = flag.retired_reason
    obj["pipeline_version"] = flag.pipeline_version
    obj["updated_at"] = flag.updated_at.isoformat() if flag.updated_at else None
    return obj


def iter_flags(
    engine: Engine,
    *,
    status: str | None = None,
    kind: str | None = None,
    patient_id: str | None = None,
) -> Iterator[dict[str, Any]]:
    flt = queries.FlagFilter(status=status, kind=kind, patient_id=patient_id)
    for flag in queries.iter_flags(engine, flt):
        yield flag_object(flag)
