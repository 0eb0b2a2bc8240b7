"""The synthetic corpus generator: deterministic, streaming, well-formed, and its planted
flags are found by the real pipeline."""

from __future__ import annotations

import hashlib
import json
import re
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from pathmine.evaluate import evaluate
from pathmine.nlp.rules import load_rules
from pathmine.synth import generate
from pathmine.synth.catalog import ORGANS
from pathmine.synth.writer import build_patient

FILES = ("reports.jsonl", "gold_mentions.jsonl", "gold_flags.jsonl", "manifest.json")


def _digest(directory: Path) -> str:
    h = hashlib.sha256()
    for name in FILES:
        h.update((directory / name).read_bytes())
    return h.hexdigest()


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth200")
    generate(200, 3, out, flag_rate=0.1)
    return out


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path) -> None:
    generate(60, 5, tmp_path / "a")
    generate(60, 5, tmp_path / "b")
    generate(60, 6, tmp_path / "c")
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_a_patient_does_not_depend_on_the_corpus_size() -> None:
    # Per-patient random streams: patient 7 is the same in a corpus of 10 or of 10,000
    # (apart from the zero-padding width of its ids, fixed here).
    a = build_patient(7, 1, 6, 0.015)
    b = build_patient(7, 1, 6, 0.015)
    assert [t for _, t in a[1]] == [t for _, t in b[1]]


def test_streaming_memory_stays_flat(tmp_path: Path) -> None:
    tracemalloc.start()
    try:
        summary = generate(2000, 9, tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary.reports_written > 3000
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_schema_and_consistency(corpus: Path) -> None:
    reports = _jsonl(corpus / "reports.jsonl")
    gold = _jsonl(corpus / "gold_mentions.jsonl")
    flags = _jsonl(corpus / "gold_flags.jsonl")
    manifest = json.loads((corpus / "manifest.json").read_text())
    assert manifest["patients"] == 200 and manifest["seed"] == 3
    assert manifest["counts"]["report_lines"] == len(reports)

    latest: dict[str, dict[str, object]] = {}
    owner: dict[str, str] = {}
    for r in reports:
        assert set(r) >= {"patient_id", "report_id", "report_date", "specimen_date", "text"}
        assert r["report_type"] in ("original", "review", "consult", "addendum", "amended")
        assert date.fromisoformat(str(r["specimen_date"])) <= date.fromisoformat(
            str(r["report_date"])
        )
        rid = str(r["report_id"])
        assert owner.setdefault(rid, str(r["patient_id"])) == r["patient_id"]
        if rid in latest:  # a repeated id is a later, amended version with another text
            assert r["report_type"] == "amended" and r["text"] != latest[rid]["text"]
        latest[rid] = r
    assert any(r["report_type"] == "amended" for r in reports)

    codes = {e.icdo3 for e in load_rules().diagnoses.entries}
    markers = {m.marker for m in load_rules().stains.markers}
    assert len({g["report_id"] for g in gold}) == len(gold) == len(latest)
    for g in gold:
        assert g["report_id"] in latest
        for d in g["diagnoses"]:  # type: ignore[attr-defined]
            morph, behaviour = d["icdo3"].split("/")
            assert d["icdo3"] in codes or (behaviour == "6" and f"{morph}/3" in codes)
        for s in g["stains"]:  # type: ignore[attr-defined]
            assert s["marker"] in markers

    assert {f["kind"] for f in flags} == {
        "benign_to_malignant",
        "review_discordance",
        "benign_with_malignant_features",
    }
    for f in flags:
        prior, later = latest[str(f["prior_report_id"])], latest[str(f["later_report_id"])]
        assert prior["patient_id"] == later["patient_id"] == f["patient_id"]
        if f["kind"] == "benign_to_malignant":
            assert str(prior["specimen_date"]) < str(later["specimen_date"])
        elif f["kind"] == "review_discordance":
            assert later["report_type"] in ("review", "consult")
            assert prior["specimen_date"] == later["specimen_date"]
            assert str(prior["report_date"]) <= str(later["report_date"])
        else:
            assert prior is later


def test_filler_text_holds_no_diagnosis_term() -> None:
    # Gross and microscopy filler must not carry a lexicon phrase: it has no gold.
    phrases = sorted(
        {p.lower() for e in load_rules().diagnoses.entries for p in e.phrases}, key=len
    )
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")s?\b")
    for organ in ORGANS.values():
        for text in (*organ.micro_benign, *organ.micro_malignant):
            assert not pattern.search(text.lower()), text


def test_every_planted_flag_is_found(corpus: Path) -> None:
    result = evaluate(
        corpus / "gold_mentions.jsonl",
        corpus / "reports.jsonl",
        flags_gold=corpus / "gold_flags.jsonl",
    )
    assert result.flags is not None and result.flags.tp >= 10
    assert result.flags.recall == 1.0, [e for e in result.flag_errors if e.kind == "miss"]
    assert result.diagnoses.f1 >= 0.9


def test_cli_corpus_generate(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pathmine.cli import app

    result = CliRunner().invoke(
        app, ["corpus", "generate", "--patients", "20", "--seed", "4", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "reports/s" in result.output
    assert json.loads((tmp_path / "manifest.json").read_text())["patients"] == 20
    assert all((tmp_path / name).is_file() for name in FILES)
