"""One report the NLP fails on, or that runs past its time budget, is quarantined with the
reason; the rest of the run is stored (issue 9: no report stops an ingest)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers import write_jsonl
from pathmine.nlp import Extractor
from pathmine.parallel import ExtractionFailure, extract_isolated
from pathmine.records import Extraction
from pathmine.store import QuarantineRow, make_engine, session_factory
from pathmine.store import Report as ReportRow
from pathmine.workflow import run_ingest


class _FailsOn:
    """The real pipeline, except that it raises on texts holding ``marker`` (a stand-in
    for an NLP defect: the test is about isolating it, not about the defect)."""

    def __init__(self, inner: Extractor, marker: str) -> None:
        self.inner, self.marker, self.version = inner, marker, inner.version

    def extract_many(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Extraction]:
        for text in texts:
            if self.marker in text:
                raise ValueError("defect")
            yield self.inner.extract(text)


def _long_report(kb: int) -> str:
    line = "Sections show a spindle cell proliferation with no atypia and no mitoses. "
    return "DIAGNOSIS: leiomyoma.\n" + line * (kb * 1024 // len(line))


def test_a_failing_report_is_isolated_and_the_next_ones_still_extract(
    extractor: Extractor,
) -> None:
    texts = ["DIAGNOSIS: leiomyoma.", "BOOM leiomyosarcoma", "DIAGNOSIS: lipoma."]
    out = extract_isolated(_FailsOn(extractor, "BOOM"), texts, budget=None)
    assert [type(e).__name__ for e in out] == ["Extraction", "ExtractionFailure", "Extraction"]
    failure = out[1]
    assert isinstance(failure, ExtractionFailure)
    assert failure.reason == "extraction failed (ValueError)"  # the kind, never the text
    assert [d.icdo3 for d in out[2].diagnoses] == ["8850/0"]  # type: ignore[union-attr]


def test_a_report_over_its_time_budget_is_isolated(extractor: Extractor) -> None:
    texts = ["DIAGNOSIS: leiomyoma.", _long_report(300), "DIAGNOSIS: lipoma."]
    out = extract_isolated(extractor, texts, budget=0.05)
    assert isinstance(out[1], ExtractionFailure)
    assert out[1].reason == "extraction took longer than 0.05 s"
    assert isinstance(out[0], Extraction) and isinstance(out[2], Extraction)


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_quarantines_the_slow_report_and_stores_the_rest(
    db_url: str, extractor: Extractor, tmp_path: Path, workers: int
) -> None:
    records = [
        {
            "patient_id": f"SYN-P{i}",
            "report_id": f"SYN-R{i}",
            "report_date": "2020-01-02",
            "text": "DIAGNOSIS: Uterus: leiomyoma.",
        }
        for i in range(4)
    ]
    records[2]["text"] = _long_report(300)
    archive = write_jsonl(tmp_path / "reports.jsonl", records)
    engine = make_engine(db_url)
    summary = run_ingest(
        engine, [archive], extractor, batch_size=2, workers=workers, time_budget=0.05
    )
    assert (summary.read, summary.stored, summary.quarantined) == (4, 3, 1)
    with session_factory(engine)() as session:
        stored = set(session.scalars(select(ReportRow.report_id)))
        rows = list(session.scalars(select(QuarantineRow)))
    assert stored == {"SYN-R0", "SYN-R1", "SYN-R3"}
    assert [(r.report_id, r.reason) for r in rows] == [
        ("SYN-R2", "extraction took longer than 0.05 s")
    ]
    again = run_ingest(engine, [archive], extractor, batch_size=2, workers=workers, time_budget=60)
    assert again.stored == 1  # with a sane budget the rerun stores it; nothing duplicated
