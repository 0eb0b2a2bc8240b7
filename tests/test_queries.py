"""The read layer on both backends, over a real ingest of the own flag corpus (105 reports,
25 gold flags) plus two records that must be quarantined."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest

from helpers import REPO, read_jsonl
from pathmine.nlp import default_extractor
from pathmine.store import Engine, make_engine, queries
from pathmine.workflow import run_ingest

FLAG_ARCHIVE = REPO / "corpora" / "flags" / "reports.jsonl"


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ],
)
def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    tmp = tmp_path_factory.mktemp("queries")
    bad = tmp / "bad.jsonl"
    bad.write_text(
        json.dumps({"report_id": "Q-1", "patient_id": "QP", "text": "no dates"}) + "\n{not json\n",
        encoding="utf-8",
    )
    if request.param == "sqlite":
        url, drop = f"sqlite:///{tmp / 'q.db'}", None
    else:
        server = request.getfixturevalue("pg_server")
        name = server.create_database()
        url, drop = server.url(name), (server, name)
    engine = make_engine(url)
    run_ingest(engine, [FLAG_ARCHIVE, bad], default_extractor())
    try:
        yield engine
    finally:
        engine.dispose()
        if drop:
            drop[0].drop_database(drop[1])


def test_queue_pages_add_up_to_the_whole(loaded: Engine) -> None:
    everything = list(queries.iter_flags(loaded))
    assert len(everything) >= 20
    seen: list[str] = []
    page = 1
    while True:
        got = queries.list_flags(loaded, page=page, per_page=7, sort="patient")
        assert got.total == len(everything)
        seen += [r.flag_id for r in got.rows]
        if page >= got.pages:
            break
        page += 1
    assert sorted(seen) == sorted(f.flag_id for f in everything)
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize(
    ("field", "attribute"),
    [
        ("kind", "kind"),
        ("lineage", "lineage"),
        ("severity", "severity"),
        ("institution", "prior_institution"),
    ],
)
def test_each_filter_keeps_exactly_its_rows(loaded: Engine, field: str, attribute: str) -> None:
    everything = list(queries.iter_flags(loaded))
    values = queries.flag_facets(loaded)[field]
    assert values
    for value in values:
        got = queries.list_flags(loaded, queries.FlagFilter(**{field: value}), per_page=500)
        expected = {f.flag_id for f in everything if getattr(f, attribute) == value}
        assert {r.flag_id for r in got.rows} == expected
        assert got.total == len(expected)


def test_date_range_bounds_the_later_sign_out(loaded: Engine) -> None:
    everything = list(queries.iter_flags(loaded))
    dates = sorted(f.later_report_date for f in everything if f.later_report_date)
    lo, hi = dates[len(dates) // 4], dates[3 * len(dates) // 4]
    got = queries.list_flags(loaded, queries.FlagFilter(date_from=lo, date_to=hi), per_page=500)
    expected = {
        f.flag_id for f in everything if f.later_report_date and lo <= f.later_report_date <= hi
    }
    assert {r.flag_id for r in got.rows} == expected
    assert all(isinstance(r.later_report_date, date) for r in got.rows)


def test_severity_sort_puts_high_first(loaded: Engine) -> None:
    rows = queries.list_flags(loaded, per_page=500, sort="severity").rows
    ranks = [queries.SEVERITY_ORDER.index(r.severity) for r in rows]
    assert ranks == sorted(ranks)
    reverse = queries.list_flags(loaded, per_page=500, sort="severity", descending=True).rows
    assert [queries.SEVERITY_ORDER.index(r.severity) for r in reverse] == sorted(
        ranks, reverse=True
    )
    with pytest.raises(ValueError, match="sort must be one of"):
        queries.list_flags(loaded, sort="explanation; drop table flags")


def test_counts_per_status_follow_a_decision(loaded: Engine) -> None:
    first = queries.list_flags(loaded, per_page=1, sort="patient").rows[0]
    before = queries.list_flags(loaded).counts_by_status
    entry = queries.record_decision(
        loaded, first.flag_id, "dismissed", "qa-one", "benign on re-cut"
    )
    assert (entry.decision, entry.reviewer) == ("dismissed", "qa-one")
    after = queries.list_flags(loaded).counts_by_status
    assert after.get("dismissed", 0) == before.get("dismissed", 0) + 1
    assert sum(after.values()) == sum(before.values())
    dismissed = queries.list_flags(loaded, queries.FlagFilter(status="dismissed"), per_page=500)
    assert first.flag_id in {r.flag_id for r in dismissed.rows}
    detail = queries.flag_detail(loaded, first.flag_id)
    assert detail is not None and detail.flag.status == "dismissed"
    assert [r.comment for r in detail.reviews][-1] == "benign on re-cut"
    queries.record_decision(loaded, first.flag_id, "open", "qa-one", None)
    with pytest.raises(LookupError):
        queries.record_decision(loaded, "F-nope", "confirmed", "qa-one", None)
    with pytest.raises(ValueError):
        queries.record_decision(loaded, first.flag_id, "maybe", "qa-one", None)


def test_flag_detail_and_its_reports(loaded: Engine) -> None:
    flag = next(iter(queries.iter_flags(loaded)))
    detail = queries.flag_detail(loaded, flag.flag_id)
    assert detail is not None
    assert detail.flag.evidence and detail.flag.explanation
    assert queries.flag_detail(loaded, "F-0000") is None
    for report_id in (flag.prior_report_id, flag.later_report_id):
        view = queries.report_view(loaded, report_id)
        assert view is not None and view.patient_id == flag.patient_id
        assert view.version in view.versions
        assert view.extraction.pipeline_version
        assert queries.patient_of_report(loaded, report_id) == flag.patient_id
    entries = queries.patient_entries(loaded, flag.patient_id)
    assert {flag.prior_report_id, flag.later_report_id} <= {e.report_id for e in entries}
    assert queries.patient_entries(loaded, "no-such-patient") == []
    assert queries.report_view(loaded, "no-such-report") is None


def test_quarantine_excerpt_only_when_asked(loaded: Engine) -> None:
    plain = queries.quarantine_items(loaded)
    assert len(plain) == 2 == queries.quarantine_count(loaded)
    assert all(item.excerpt is None and item.reason for item in plain)
    with_excerpt = queries.quarantine_items(loaded, with_excerpt=True)
    assert any(item.excerpt for item in with_excerpt)
    assert [i.id for i in queries.quarantine_items(loaded, limit=1, offset=1)] == [plain[1].id]


def test_mentions_stream_every_latest_report(loaded: Engine) -> None:
    ids = [m.report_id for m in queries.iter_latest_extractions(loaded, batch=16)]
    expected = {r["report_id"] for r in read_jsonl(FLAG_ARCHIVE)}
    assert set(ids) == expected and len(ids) == len(expected)


def test_runs_and_statistics_rows(loaded: Engine) -> None:
    (run,) = queries.list_runs(loaded)
    assert run.status == "completed" and run.n_quarantined == 2
    assert queries.run_exists(loaded, run.id) and not queries.run_exists(loaded, run.id + 99)
    live = queries.flag_stat_rows(loaded)
    assert len(live) == len([f for f in queries.iter_flags(loaded) if f.status != "retired"])
    assert queries.busiest_institution(loaded)
    assert sum(queries.benign_reports_by_institution(loaded).values()) > 0


def test_severity_order_is_the_flag_rules_order_reversed() -> None:
    from pathmine.flags.rules import SEVERITIES

    assert tuple(reversed(SEVERITIES)) == queries.SEVERITY_ORDER
