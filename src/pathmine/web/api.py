"""The JSON API (``/api/v1``): the same records the pages show, for scripts and notebooks.

Scripts authenticate with ``Authorization: Bearer <token>`` (``pathmine users token``); a
signed-in browser may call it too, with its ``X-CSRF-Token`` on writes. Every read of a
flag, report or timeline is audited like a page view. The schema is at
``/api/v1/openapi.json`` and listed, offline, at ``/api/docs``.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from pathmine.flags import build_timeline
from pathmine.stats import audit_stats
from pathmine.store import accounts, queries
from pathmine.web import charts
from pathmine.web.auth import ApiReviewer, ApiViewer, engine_of
from pathmine.web.render import specimen_class
from pathmine.web.security import client_addr

router = APIRouter(prefix="/api/v1", tags=["v1"])


class DecisionIn(BaseModel):
    decision: Literal["confirmed", "dismissed", "needs_second_review"]
    comment: str | None = Field(None, max_length=2000)


class FlagOut(BaseModel):
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
    evidence: list[dict[str, Any]]
    retired_reason: str | None
    pipeline_version: str
    prior_institution: str | None
    later_report_date: date | None


class FlagPageOut(BaseModel):
    total: int
    page: int
    per_page: int
    counts_by_status: dict[str, int]
    rows: list[FlagOut]


class ReviewOut(BaseModel):
    created_at: Any
    reviewer: str
    decision: str
    comment: str | None


class FlagDetailOut(BaseModel):
    flag: FlagOut
    reviews: list[ReviewOut]


def _flag(record: queries.FlagRecord) -> FlagOut:
    data = asdict(record)
    data["evidence"] = list(record.evidence)
    return FlagOut(**{k: v for k, v in data.items() if k in FlagOut.model_fields})


def _audit(request: Request, who: accounts.Principal, action: str, kind: str, oid: str) -> None:
    accounts.audit(
        engine_of(request),
        action,
        actor=who.username,
        object_type=kind,
        object_id=oid,
        client_addr=client_addr(request),
        detail="api",
    )


@router.get("/flags", response_model=FlagPageOut, summary="The flag queue, filtered and paged")
def list_flags(
    request: Request,
    who: accounts.Principal = ApiViewer,
    status: str | None = None,
    kind: str | None = None,
    lineage: str | None = None,
    severity: str | None = None,
    institution: str | None = None,
    patient_id: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    sort: str = "severity",
    desc: bool = False,
    page: int = Query(1, ge=1),
    per_page: int = Query(50, ge=1, le=500),
) -> FlagPageOut:
    if sort not in queries.FLAG_SORTS:
        raise HTTPException(status_code=400, detail=f"sort is one of {queries.FLAG_SORTS}")
    flt = queries.FlagFilter(
        status=status,
        kind=kind,
        lineage=lineage,
        severity=severity,
        institution=institution,
        patient_id=patient_id,
        date_from=date_from,
        date_to=date_to,
    )
    result = queries.list_flags(
        engine_of(request), flt, page=page, per_page=per_page, sort=sort, descending=desc
    )
    accounts.audit(
        engine_of(request),
        "view_queue",
        actor=who.username,
        client_addr=client_addr(request),
        detail=f"api {result.total} flags",
    )
    return FlagPageOut(
        total=result.total,
        page=result.page,
        per_page=result.per_page,
        counts_by_status=result.counts_by_status,
        rows=[_flag(r) for r in result.rows],
    )


@router.get("/flags/{flag_id}", response_model=FlagDetailOut, summary="A flag and its reviews")
def get_flag(request: Request, flag_id: str, who: accounts.Principal = ApiViewer) -> FlagDetailOut:
    detail = queries.flag_detail(engine_of(request), flag_id)
    if detail is None:
        raise HTTPException(status_code=404)
    _audit(request, who, "view_flag", "flag", flag_id)
    return FlagDetailOut(
        flag=_flag(detail.flag), reviews=[ReviewOut(**asdict(r)) for r in detail.reviews]
    )


@router.post(
    "/flags/{flag_id}/decisions",
    response_model=ReviewOut,
    status_code=201,
    summary="Record a review decision (reviewer role)",
)
def post_decision(
    request: Request, flag_id: str, body: DecisionIn, who: accounts.Principal = ApiReviewer
) -> ReviewOut:
    try:
        entry = queries.record_decision(
            engine_of(request), flag_id, body.decision, who.username, body.comment
        )
    except LookupError:
        raise HTTPException(status_code=404) from None
    _audit(request, who, "decision", "flag", flag_id)
    return ReviewOut(**asdict(entry))


@router.get("/reports/{report_id}", summary="A report version with its extraction")
def get_report(
    request: Request,
    report_id: str,
    who: accounts.Principal = ApiViewer,
    version: int | None = Query(None, ge=1),
) -> dict[str, Any]:
    view = queries.report_view(engine_of(request), report_id, version)
    if view is None:
        raise HTTPException(status_code=404)
    _audit(request, who, "view_report", "report", report_id)
    return asdict(view)


@router.get("/patients/{patient_id}/timeline", summary="A patient's specimens in order")
def get_timeline(
    request: Request, patient_id: str, who: accounts.Principal = ApiViewer
) -> dict[str, Any]:
    entries = build_timeline(queries.patient_entries(engine_of(request), patient_id))
    if not entries:
        raise HTTPException(status_code=404)
    _audit(request, who, "view_patient", "patient", patient_id)
    return {
        "patient_id": patient_id,
        "entries": [
            {
                "report_id": e.report_id,
                "event_date": e.event_date,
                "report_date": e.report_date,
                "specimen_date": e.specimen_date,
                "report_type": e.report_type,
                "institution": e.institution,
                "reviews": list(e.reviews),
                "class": specimen_class(e.extraction)[0],
                "diagnoses": [
                    {"term": d.term, "icdo3": d.icdo3, "assertion": d.assertion}
                    for d in e.extraction.diagnoses
                ],
            }
            for e in entries
        ],
    }


@router.get("/stats", summary="Audit statistics (the numbers behind the charts)")
def get_stats(request: Request, who: accounts.Principal = ApiViewer) -> dict[str, Any]:
    engine = engine_of(request)
    stats = audit_stats(engine)
    return {
        "n_flags": stats.n_flags,
        "home_institution": stats.home_institution,
        **{name: values for name, values in stats.sections().items()},
        "discordance_rate": stats.discordance_rate,
        "flags_by_year_and_kind": charts.year_kind_rows(engine),
    }
