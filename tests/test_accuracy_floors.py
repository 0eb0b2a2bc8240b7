"""Accuracy guard: every gold set scores at or above the floors recorded in corpora/floors.json.

Every gold set has a floor: our own (dev, real, seed, flags), the fifteen TCGA batches annotated
in place and a second annotation of 48 of their reports, the independently written synthetic
sets (BSA-BSR) and the eighteen blind flag sets.
docs/accuracy.md records the measured values, the commands and each blind set's first-run
score. A rule or code change that costs precision, recall or assertion accuracy fails here
with the metric, the floor and the measured value; ``max_controls_flagged`` caps the control
patients a flag set may flag.
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
    **{f"tcga_batch{b}": (None, f"tcga/batch{b}.gold.jsonl", None) for b in range(1, 16)},
    # 48 uterine TCGA reports annotated a second time by an annotator who saw neither the
    # rules nor the first gold (corpora/tcga/README.md)
    "tcga_second_annotator": (None, "tcga/second_annotator.gold.jsonl", None),
    **{
        f"blind_{s.lower()}": (
            f"blind_synth/{s}.reports.jsonl",
            f"blind_synth/{s}.gold.jsonl",
            None,
        )
        for s in (
            "BSA",
            "BSB",
            "BSC",
            "BSD",
            "BSE",
            "BSF",
            "BSG",
            "BSH",
            "BSI",
            "BSJ",
            "BSK",
            "BSL",
            "BSM",
            "BSN",
            "BSO",
            "BSP",
            "BSQ",
            "BSR",
        )
    },
    # flag-only sets: no mention gold ("-")
    "blind_flags": ("blind_flags/reports.jsonl", None, "blind_flags/gold_flags.jsonl"),
    "blind_flags2": ("blind_flags2/reports.jsonl", None, "blind_flags2/gold_flags.jsonl"),
    "blind_flags3": ("blind_flags3/reports.jsonl", None, "blind_flags3/gold_flags.jsonl"),
    "blind_flags4": ("blind_flags4/reports.jsonl", None, "blind_flags4/gold_flags.jsonl"),
    "blind_flags5": ("blind_flags5/reports.jsonl", None, "blind_flags5/gold_flags.jsonl"),
    "blind_flags6": ("blind_flags6/reports.jsonl", None, "blind_flags6/gold_flags.jsonl"),
    "blind_flags7": ("blind_flags7/reports.jsonl", None, "blind_flags7/gold_flags.jsonl"),
    "blind_flags8": ("blind_flags8/reports.jsonl", None, "blind_flags8/gold_flags.jsonl"),
    "blind_flags9": ("blind_flags9/reports.jsonl", None, "blind_flags9/gold_flags.jsonl"),
    "blind_flags10": ("blind_flags10/reports.jsonl", None, "blind_flags10/gold_flags.jsonl"),
    "blind_flags11": ("blind_flags11/reports.jsonl", None, "blind_flags11/gold_flags.jsonl"),
    "blind_flags12": ("blind_flags12/reports.jsonl", None, "blind_flags12/gold_flags.jsonl"),
    "blind_flags13": ("blind_flags13/reports.jsonl", None, "blind_flags13/gold_flags.jsonl"),
    "blind_flags14": ("blind_flags14/reports.jsonl", None, "blind_flags14/gold_flags.jsonl"),
    "blind_flags15": ("blind_flags15/reports.jsonl", None, "blind_flags15/gold_flags.jsonl"),
    "blind_flags16": ("blind_flags16/reports.jsonl", None, "blind_flags16/gold_flags.jsonl"),
    "blind_flags17": ("blind_flags17/reports.jsonl", None, "blind_flags17/gold_flags.jsonl"),
    "blind_flags18": ("blind_flags18/reports.jsonl", None, "blind_flags18/gold_flags.jsonl"),
    "blind_flags19": ("blind_flags19/reports.jsonl", None, "blind_flags19/gold_flags.jsonl"),
}
TCGA_TEXTS = CORPORA.parent.parent / "shared" / "corpora-tcga"
REAL_TEXTS = CORPORA.parent.parent / "shared" / "corpora-real"


def test_every_floor_has_a_gold_set() -> None:
    assert set(FLOORS) <= set(GOLD_SETS)
    assert {"dev", "real", "seed_case"} <= set(FLOORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_set_meets_its_floor(name: str) -> None:
    reports, gold, flags_gold = GOLD_SETS[name]
    if name == "real" and not REAL_TEXTS.is_dir():
        pytest.fail(f"real report texts are expected beside the repo at {REAL_TEXTS}")
    if name.startswith("tcga") and not TCGA_TEXTS.is_dir():
        pytest.fail(f"TCGA report texts are expected beside the repo at {TCGA_TEXTS}")
    result = evaluate(
        CORPORA / gold if gold else Path("-"),
        CORPORA / reports if reports else None,
        flags_gold=CORPORA / flags_gold if flags_gold else None,
        extractor=default_extractor(),
    )
    floors = dict(FLOORS[name])
    max_controls = floors.pop("max_controls_flagged", None)
    assert check_floors(result, floors) == []
    if max_controls is not None:
        assert result.flag_figures is not None
        assert result.flag_figures.controls_flagged <= max_controls
