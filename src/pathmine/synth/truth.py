"""Gold for a generated patient: mentions from the fragments, flags from the story.

The gold flags are the ones each scenario plants (``Built.planted``: kind, lineage family,
prior and later report), never what ``pathmine.flags`` computes: a corpus whose truth came
from the rules could not catch a bug in them. ``story_conflicts`` redraws stories whose other
reports would form a discrepancy of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pathmine.nlp.rules import load_rules
from pathmine.records import DiagnosisMention, Extraction, Feature, StainResult
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


def story_conflicts(built: Any, golds: dict[str, Gold]) -> bool:
    """Does the story hold a benign-then-malignant pair of one lineage family that it did
    not plant? Read from the gold mentions and the catalogue's families only (never from
    ``pathmine.flags``): a background or control patient must not carry an accidental
    discrepancy, and a planted one none besides its own."""
    families = _families()
    planted = {(kind, fam) for kind, fam, _, _ in built.planted}
    events: list[tuple[Any, str, int]] = []
    for spec in built.specs:
        when = spec.specimen_date or spec.report_date
        for code, assertion in golds[spec.report_id].diagnoses:
            family = families.get(_lineage_or_none(code) or "")
            behaviour = int(code.rsplit("/", 1)[1])
            if family is None:
                continue
            if assertion == "affirmed" and (behaviour == 0 or code == "8897/1"):
                events.append((when, family, 0))
            elif assertion in ("affirmed", "uncertain") and behaviour in (3, 6):
                events.append((when, family, 3))
    for when, family, kind in events:
        if kind != 0 or ("benign_to_malignant", family) in planted:
            continue
        if any(f == family and k == 3 and w > when for w, f, k in events):
            return True
    return False


def _lineage_or_none(code: str) -> str | None:
    try:
        return _lineage(code)
    except KeyError:
        return None


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    out: dict[str, str] = {}
    for family in load_rules().lineages.families:
        for lineage in family.lineages:
            out.setdefault(lineage, family.id)
    return out
