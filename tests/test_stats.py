"""Audit statistics on both backends, from a real ingest of the sample archive."""

from __future__ import annotations

import pytest

from helpers import SEED_ARCHIVE, flag_tuples
from pathmine.nlp import default_extractor
from pathmine.stats import audit_stats, long_rows
from pathmine.store import make_engine, repository, session_factory
from pathmine.workflow import run_ingest


@pytest.fixture()
def seeded(db_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    run_ingest(engine, [SEED_ARCHIVE], default_extractor())
    return engine


def test_counts_by_section(seeded) -> None:  # type: ignore[no-untyped-def]
    stats = audit_stats(seeded, home_institution="City Medical Centre")
    assert stats.n_flags == 2
    assert stats.by_kind == {"benign_to_malignant": 1, "review_discordance": 1}
    assert stats.by_lineage == {"smooth_muscle": 2}
    assert stats.by_status == {"open": 2}
    assert stats.by_year == {"2020": 2}
    assert stats.by_institution == {"Outside Regional Hospital": 2}
    assert stats.by_origin == {"outside": 2}
    assert stats.interval_buckets == {"1-3 y": 2}
    assert stats.interval_summary["n"] == 2 and stats.interval_summary["min"] == 971
    rate = stats.discordance_rate["Outside Regional Hospital"]
    assert rate == {"flagged_reports": 1, "benign_reports": 1, "rate": 1.0}
    assert stats.discordance_rate["Northgate General Hospital"]["rate"] == 0.0
    rows = long_rows(stats)
    assert {"section": "kind", "key": "review_discordance", "value": 1} in rows


def test_status_counts_follow_reviews(seeded) -> None:  # type: ignore[no-untyped-def]
    flag_id = sorted(flag_tuples(seeded))[0][0]
    with session_factory(seeded)() as session, session.begin():
        repository.record_review(session, flag_id, "dismissed", "qa-2", "benign on recut")
    stats = audit_stats(seeded)
    assert stats.by_status == {"open": 1, "dismissed": 1}
    assert audit_stats(seeded, include_retired=True).n_flags == 2
