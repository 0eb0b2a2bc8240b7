"""Small helpers shared by the database-backed tests (no fixtures here; see conftest)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from pathmine.store import (
    DiagnosisMentionRow,
    FlagRow,
    Patient,
    QuarantineRow,
    Report,
    StainResultRow,
    session_factory,
)

REPO = Path(__file__).resolve().parent.parent
SEED_ARCHIVE = REPO / "corpora" / "seed_case" / "reports.jsonl"
SEED_FLAGS_GOLD = REPO / "corpora" / "seed_case" / "gold_flags.jsonl"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def flag_tuples(engine: Engine, *, include_retired: bool = False) -> set[tuple[str, ...]]:
    with session_factory(engine)() as session:
        query = select(
            FlagRow.flag_id,
            Patient.patient_key,
            FlagRow.kind,
            FlagRow.prior_report_id,
            FlagRow.later_report_id,
            FlagRow.status,
        ).join(Patient, Patient.id == FlagRow.patient_pk)
        if not include_retired:
            query = query.where(FlagRow.status != "retired")
        return {tuple(str(v) for v in row) for row in session.execute(query)}


def table_counts(engine: Engine) -> dict[str, int]:
    with session_factory(engine)() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (
                Patient,
                Report,
                DiagnosisMentionRow,
                StainResultRow,
                FlagRow,
                QuarantineRow,
            )
        }


def scaled_archive(path: Path, copies: int) -> Path:
    """The seed archive repeated with fresh patient and report ids (synthetic, for volume)."""
    seed = read_jsonl(SEED_ARCHIVE)
    records = (
        {**r, "patient_id": f"{r['patient_id']}-{n:04d}", "report_id": f"{r['report_id']}-{n:04d}"}
        for n in range(copies)
        for r in seed
    )
    return write_jsonl(path, records)


def diagnosis_pairs(extractor: Any, text: str) -> set[tuple[str, str]]:
    """The distinct (icdo3, assertion) pairs of one text: the unit the gold sets score."""
    return {(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses}
