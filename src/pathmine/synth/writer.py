"""Stream a synthetic corpus to disk, one patient at a time.

Memory stays flat whatever the number of patients: each patient is built from its own
``Random`` (seeded by the corpus seed and the patient's index), rendered, checked against the
flag rules and written before the next one starts. Same (patients, seed, flag rate) → the
same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any, TextIO

from pathmine.synth import timelines as tl
from pathmine.synth.styles import Spec, render
from pathmine.synth.truth import Gold, gold_of, story_conflicts

GENERATOR_VERSION = "pathmine.synth.v1"
MAX_ATTEMPTS = 12  # a background patient that happens to satisfy a flag rule is redrawn


@dataclass
class Summary:
    patients: int
    seed: int
    flag_rate: float
    reports_written: int = 0  # lines in reports.jsonl (amended versions included)
    report_ids: int = 0
    bytes_text: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_style: Counter[str] = field(default_factory=Counter)
    scenarios: Counter[str] = field(default_factory=Counter)
    flags_by_kind: Counter[str] = field(default_factory=Counter)
    redrawn: int = 0
    long_reports: int = 0

    def manifest(self) -> dict[str, Any]:
        return {
            "generator": "pathmine corpus generate",
            "generator_version": GENERATOR_VERSION,
            "patients": self.patients,
            "seed": self.seed,
            "flag_rate": self.flag_rate,
            "files": {
                "reports": "reports.jsonl",
                "gold_mentions": "gold_mentions.jsonl",
                "gold_flags": "gold_flags.jsonl",
            },
            "counts": {
                "report_lines": self.reports_written,
                "report_ids": self.report_ids,
                "text_bytes": self.bytes_text,
                "mean_text_bytes": round(self.bytes_text / max(self.reports_written, 1), 1),
                "reports_over_15kb": self.long_reports,
                "by_report_type": dict(sorted(self.by_type.items())),
                "by_style": dict(sorted(self.by_style.items())),
                "patients_by_scenario": dict(sorted(self.scenarios.items())),
                "gold_flags_by_kind": dict(sorted(self.flags_by_kind.items())),
                "background_patients_redrawn": self.redrawn,
            },
        }


def patient_rng(seed: int, index: int, attempt: int = 0) -> Random:
    """The patient's own random stream (string seeds hash with SHA-512: stable everywhere)."""
    return Random(f"pathmine-synth:{seed}:{index}:{attempt}")


def _weighted(rng: Random, table: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def build_patient(
    index: int, seed: int, width: int, flag_rate: float
) -> tuple[tl.Built, list[tuple[Spec, str]], dict[str, Gold], list[dict[str, str]], int]:
    """One patient: (built, [(spec, text)] in file order, gold by report id, gold flags,
    number of redraws)."""
    chooser = patient_rng(seed, index, -1)
    r = chooser.random()
    if r < flag_rate:
        role, kind = "planted", _weighted(chooser, tl.PLANTED_KINDS)
    elif r < 2 * flag_rate:
        role, kind = "control", chooser.choice(tl.CONTROL_KINDS)
    else:
        role, kind = "background", ""
    for attempt in range(MAX_ATTEMPTS + 1):
        rng = patient_rng(seed, index, attempt)
        builder = tl.PatientBuilder(index, width, rng)
        if attempt == MAX_ATTEMPTS:
            built = tl.fallback(builder)
        elif role == "planted":
            built = tl.planted(builder, kind)
        elif role == "control":
            built = tl.control(builder, kind)
        else:
            built = tl.background(builder)
        latest: dict[str, Spec] = {}
        for spec in built.specs:
            latest[spec.report_id] = spec
        golds = {rid: gold_of(spec) for rid, spec in latest.items()}
        # The flag gold is the story's (issue: a corpus whose truth came from the rules could
        # not catch a rule bug). A story whose other reports happen to form a discrepancy of
        # their own (a random leiomyoma before a random leiomyosarcoma) is drawn again.
        ok = not story_conflicts(built, golds)
        if ok or attempt == MAX_ATTEMPTS:
            texts = [(spec, render(spec, rng)) for spec in built.specs]
            rows = [
                {
                    "patient_id": built.patient_id,
                    "kind": kind,
                    "lineage": family,
                    "prior_report_id": prior,
                    "later_report_id": later,
                }
                for kind, family, prior, later in built.planted
            ]
            return built, texts, golds, rows, attempt
    raise AssertionError("unreachable")  # pragma: no cover


def _dump(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def write_patient(
    out: tuple[TextIO, TextIO, TextIO],
    summary: Summary,
    built: tl.Built,
    texts: list[tuple[Spec, str]],
    golds: dict[str, Gold],
    flags: list[dict[str, str]],
) -> None:
    reports, mentions, flag_file = out
    for spec, text in texts:
        reports.write(
            _dump(
                {
                    "patient_id": built.patient_id,
                    "report_id": spec.report_id,
                    "report_date": spec.report_date.isoformat(),
                    "specimen_date": spec.specimen_date.isoformat(),
                    "institution": spec.institution,
                    "report_type": spec.report_type,
                    "text": text,
                }
            )
        )
        summary.reports_written += 1
        size = len(text.encode("utf-8"))
        summary.bytes_text += size
        summary.long_reports += size > 15_000
        summary.by_type[spec.report_type] += 1
        summary.by_style[
            spec.style + ("+caps" if spec.caps else "") + ("+ocr" if spec.ocr else "")
        ] += 1
    for gold in golds.values():
        mentions.write(_dump(gold.to_json()))
    summary.report_ids += len(golds)
    for row in flags:
        flag_file.write(_dump(row))
        summary.flags_by_kind[row["kind"]] += 1
    summary.scenarios[
        built.scenario.split(":")[0] if built.scenario == "background" else built.scenario
    ] += 1


def generate(patients: int, seed: int, out_dir: Path, *, flag_rate: float = 0.015) -> Summary:
    """Write ``reports.jsonl``, ``gold_mentions.jsonl``, ``gold_flags.jsonl`` and
    ``manifest.json`` under ``out_dir``; returns the counts written to the manifest.

    Deterministic: the output depends only on (patients, seed, flag_rate) and this module's
    ``GENERATOR_VERSION``. Streaming: at most one patient is held in memory.
    """
    if patients < 1:
        raise ValueError("patients must be at least 1")
    if not 0 <= flag_rate <= 0.5:
        raise ValueError("flag_rate must be between 0 and 0.5")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    width = max(6, len(str(patients)))
    summary = Summary(patients, seed, flag_rate)
    with (
        (out_dir / "reports.jsonl").open("w", encoding="utf-8", newline="\n") as reports,
        (out_dir / "gold_mentions.jsonl").open("w", encoding="utf-8", newline="\n") as mentions,
        (out_dir / "gold_flags.jsonl").open("w", encoding="utf-8", newline="\n") as flag_file,
    ):
        for index in range(1, patients + 1):
            built, texts, golds, flags, attempt = build_patient(index, seed, width, flag_rate)
            summary.redrawn += attempt > 0
            write_patient((reports, mentions, flag_file), summary, built, texts, golds, flags)
    (out_dir / "manifest.json").write_text(
        json.dumps(summary.manifest(), indent=2) + "\n", encoding="utf-8"
    )
    return summary
