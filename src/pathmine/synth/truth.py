"""Gold for a generated patient: mentions from the fragments, flags from the real rules.

The gold flags are not declared by the scenario: they are what ``pathmine.flags.compute_flags``
returns when fed the gold mentions (instead of the pipeline's). So the flag gold is the truth
under ``flags/rules.py`` by construction, for planted patients and background alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pathmine.flags import build_timeline, compute_flags
from pathmine.nlp.rules import load_rules
from pathmine.records import DiagnosisMention, Extraction, Feature, Flag, StainResult, TimelineEntry
from pathmine.synth.styles import Spec


@dataclass(frozen=True, slots=True)
class Gold:
    report_id: str
    diagnoses: tuple[tuple[str, str], ...]
    stains: tuple[tuple[str, str], ...]
    features: tuple[tuple[str, str], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "report_id": self.report_id,
            "diagnoses": [{"icdo3": c, "assertion": a} for c, a in self.diagnoses],
            "stains": [{"marker": m, "result": r} for m, r in self.stains],
        }


def gold_of(spec: Spec) -> Gold:
    dx: set[tuple[str, str]] = set()
    stains: set[tuple[str, str]] = set()
    feats: list[tuple[str, str]] = []
    for frag in spec.frags():
        dx.update(frag.dx)
        stains.update(frag.stains)
        feats.extend(frag.feats)
    return Gold(spec.report_id, tuple(sorted(dx)), tuple(sorted(stains)), tuple(feats))


@lru_cache(maxsize=1)
def _lineages() -> dict[str, str]:
    """ICD-O-3 code -> lineage, from the diagnosis lexicon (metastatic /6 as its /3)."""
    out: dict[str, str] = {}
    for entry in load_rules().diagnoses.entries:
        out.setdefault(entry.icdo3, entry.lineage)
    return out


def _lineage(code: str) -> str:
    table = _lineages()
    if code in table:
        return table[code]
    morph, _, behavior = code.partition("/")
    if behavior == "6" and f"{morph}/3" in table:
        return table[f"{morph}/3"]
    raise KeyError(f"ICD-O-3 code {code} is not in the diagnosis lexicon")


def _extraction(gold: Gold) -> Extraction:
    dx = tuple(
        DiagnosisMention(
            code,
            code,
            int(code.rsplit("/", 1)[1]),
            _lineage(code),
            assertion,
            None,
            None,
            i,
            i + 1,
            "",
            "synth.gold",
        )
        for i, (code, assertion) in enumerate(gold.diagnoses)
    )
    stains = tuple(
        StainResult(marker, marker, result, None, None, None, 0, 0, "", "synth.gold")
        for marker, result in gold.stains
    )
    feats = tuple(Feature(name, value, 0, 0, "", "synth.gold") for name, value in gold.features)
    return Extraction("synth.gold", dx, stains, feats)


def gold_flags(patient_id: str, latest: list[tuple[Spec, Gold]]) -> list[Flag]:
    """The flags the rules raise on this patient's gold (latest version of each report)."""
    timeline = [
        TimelineEntry(
            report_id=spec.report_id,
            report_date=spec.report_date,
            specimen_date=spec.specimen_date,
            report_type=spec.report_type,
            institution=spec.institution,
            extraction=_extraction(gold),
        )
        for spec, gold in latest
    ]
    return compute_flags(patient_id, build_timeline(timeline))
