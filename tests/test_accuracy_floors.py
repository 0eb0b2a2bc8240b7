"""Accuracy guard: every gold set scores at or above the floors recorded in corpora/floors.json.

The floors only move up (docs/accuracy.md records the measured values and the command).
A rule or code change that costs precision, recall or assertion accuracy fails here with
the metric, the floor and the measured value.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pathmine.evaluate import check_floors, evaluate
from pathmine.nlp import default_extractor

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
FLOORS = json.loads((CORPORA / "floors.json").read_text(encoding="utf-8"))
GOLD_SETS = {
    # name: (reports archive or None when gold lines reference their texts, gold, flag gold)
    "dev": ("dev/reports.jsonl", "dev/gold.jsonl", None),
    "real": (None, "real/gold.jsonl", None),
    "seed_case": (
        "seed_case/reports.jsonl",
        "seed_case/gold_mentions.jsonl",
        "seed_case/gold_flags.jsonl",
    ),
    "flags": ("flags/reports.jsonl", "flags/gold_mentions.jsonl", "flags/gold_flags.jsonl"),
}
REAL_TEXTS = CORPORA.parent.parent / "shared" / "corpora-real"


def test_every_floor_has_a_gold_set() -> None:
    assert set(FLOORS) <= set(GOLD_SETS)
    assert {"dev", "real", "seed_case"} <= set(FLOORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_set_meets_its_floor(name: str) -> None:
    reports, gold, flags_gold = GOLD_SETS[name]
    if name == "real" and not REAL_TEXTS.is_dir():
        pytest.fail(f"real report texts are expected beside the repo at {REAL_TEXTS}")
    result = evaluate(
        CORPORA / gold,
        CORPORA / reports if reports else None,
        flags_gold=CORPORA / flags_gold if flags_gold else None,
        extractor=default_extractor(),
    )
    assert check_floors(result, FLOORS[name]) == []
