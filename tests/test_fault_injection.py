"""The fault-injection benchmark at a small scale (benchmarks/fault_injection.py): bad records
of 16 kinds in JSON Lines, CSV and a .txt directory, SIGKILLs at random moments, and on
PostgreSQL a server stop and restart mid-run. After the reruns every good report is stored
exactly once, every bad one is quarantined once, and the flags equal a clean run's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import fault_injection


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_kills_restarts_and_bad_records_lose_and_duplicate_nothing(
    backend: str, tmp_path: Path
) -> None:
    results = fault_injection.run(40, 2, [backend], seed=5, work=tmp_path)
    figures = results[backend]
    assert isinstance(figures, dict)
    assert figures["final_exit"] == 0, figures["final_stderr"]
    assert figures["stored_good_exactly_once"], figures
    assert figures["quarantined"] == figures["bad_planted"], figures
    assert figures["flags_equal_clean_run"], figures
    assert len(results["bad_by_kind"]) >= 10  # type: ignore[arg-type]
