"""Pure flag rules over one patient's timeline: no database, no I/O.

Given the latest version of each of a patient's reports with its extraction, return the
discrepancy flags that hold now. Identity is a hash of (patient, kind, lineage family, prior
report, later report), so recomputing over the same evidence yields the same flag id and a
review decision recorded against it survives re-runs.

Kinds (rule ids in brackets, recorded on every evidence row):
* ``benign_to_malignant`` [flag.b2m.v1] — earlier affirmed benign/uncertain-potential
  diagnosis, later malignant/metastatic diagnosis of the same lineage family.
* ``review_discordance`` [flag.review.v1] — a review/consult of the same specimen changes
  the behaviour (upgrade high, downgrade low).
* ``benign_with_malignant_features`` [flag.features.v1] — one report signs out benign but
  documents malignancy criteria (Stanford criteria for smooth-muscle tumours).
A diagnosis without a lineage family of its own (spindle cell neoplasm, sarcoma NOS) takes
one from its report's immunophenotype (``pipelines/lineages.json`` phenotypes), and the
explanation says so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pathmine.flags.timeline import REVIEW_TYPES

if TYPE_CHECKING:  # the rule schemas import pydantic: loaded only when flags are computed
    from pathmine.nlp.rules import LineageRules, MalignancyCriteria, Phenotype
from pathmine.records import DiagnosisMention, EvidenceItem, Feature, Flag, TimelineEntry

BENIGN_BEHAVIORS = frozenset({0, 1})
MALIGNANT_BEHAVIORS = frozenset({3, 6})
# Later findings count when affirmed or stated with uncertainty ("possibly leiomyosarcoma");
# negated, hypothetical, family and history-only mentions never raise a flag.
LATER_ASSERTIONS = frozenset({"affirmed", "uncertain"})
AFFIRMED = frozenset({"affirmed"})
SEVERITIES = ("low", "medium", "high", "critical")
LONG_INTERVAL_DAYS = 10 * 365  # beyond this a recurrence of the same tumour is less likely


@dataclass(frozen=True)
class _Finding:
    entry: TimelineEntry
    mention: DiagnosisMention
    family: str
    phenotype: str | None = None  # set when the family was inferred from stains


class LineageIndex:
    """Lineage families, phenotypes and malignancy criteria from ``pipelines/lineages.json``."""

    def __init__(self, rules: LineageRules) -> None:
        self._family: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        for family in rules.families:
            self.labels[family.id] = family.label
            for lineage in family.lineages:
                self._family.setdefault(lineage, family.id)
        self.phenotypes: list[Phenotype] = list(rules.phenotypes)
        self.criteria: list[MalignancyCriteria] = list(rules.malignancy_criteria)

    def family_of(self, lineage: str) -> str | None:
        return self._family.get(lineage)

    def infer(self, lineage: str, entry: TimelineEntry) -> tuple[str, str] | None:
        """(family, explanation) from the report's stains, for lineages without a family."""
        results: dict[str, set[str]] = {}
        for stain in entry.extraction.stains:
            results.setdefault(stain.result, set()).add(stain.marker)
        positive = results.get("positive", set())
        for pheno in self.phenotypes:
            if lineage not in pheno.applies_to:
                continue
            hits = [m for m in pheno.markers if m in positive]
            if len(hits) >= pheno.min_positive and not positive & set(pheno.exclude_positive):
                negatives = sorted(results.get("negative", set()) & set(pheno.exclude_positive))
                detail = ", ".join([f"{m}+" for m in hits] + [f"{m}-" for m in negatives])
                return pheno.family, f"{pheno.label} inferred from stains ({detail})"
        return None


def flag_id(patient_id: str, kind: str, family: str, prior: str, later: str) -> str:
    key = "\x1f".join([patient_id, kind, family, prior, later])
    return "F-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def format_interval(days: int | None) -> str:
    if days is None:
        return "interval unknown"
    years, rem = divmod(abs(days), 365)
    months = round(rem / 30.44)
    if months == 12:
        years, months = years + 1, 0
    return f"{years} y {months} m" if years else f"{months} m"


def _findings(
    entries: Sequence[TimelineEntry],
    lineages: LineageIndex,
    behaviors: frozenset[int],
    assertions: frozenset[str],
) -> list[_Finding]:
    found = []
    for entry in entries:
        for mention in entry.extraction.diagnoses:
            if mention.behavior not in behaviors or mention.assertion not in assertions:
                continue
            family = lineages.family_of(mention.lineage)
            if family is not None:
                found.append(_Finding(entry, mention, family))
                continue
            inferred = lineages.infer(mention.lineage, entry)
            if inferred is not None:
                found.append(_Finding(entry, mention, inferred[0], inferred[1]))
    return found


def _strongest(findings: Sequence[_Finding]) -> _Finding:
    """Affirmed beats uncertain; metastatic beats primary; own lineage beats inferred."""
    return min(
        findings,
        key=lambda f: (
            f.mention.assertion != "affirmed",
            -f.mention.behavior,
            f.phenotype is not None,
            f.mention.start,
        ),
    )


def _evidence(role: str, finding: _Finding, rule: str) -> EvidenceItem:
    m = finding.mention
    return EvidenceItem(
        report_id=finding.entry.report_id,
        role=role,
        term=m.term,
        section=m.section,
        sentence=m.sentence,
        start=m.start,
        end=m.end,
        rule_id=f"{rule}:{m.rule_id}",
    )


def _describe(finding: _Finding) -> str:
    m, e = finding.mention, finding.entry
    qualifier = "possible " if m.assertion == "uncertain" else ""
    metastatic = "metastatic " if m.behavior == 6 and "metastatic" not in m.term else ""
    site = f" of {m.site}" if m.site else ""
    where = f", {e.institution}" if e.institution else ""
    dated = (
        f"specimen {e.specimen_date.isoformat()}"
        if e.specimen_date
        else (f"signed out {e.report_date.isoformat()}")
    )
    source = f"{e.report_type} {e.report_id}{where}, {dated}"
    return f"{qualifier}{metastatic}{m.term}{site} [{m.icdo3}] ({source})"


def _phenotype_note(finding: _Finding) -> str:
    if finding.phenotype:
        return f"; lineage by {finding.phenotype}"
    stains = finding.entry.extraction.stains
    positives = sorted({s.marker for s in stains if s.result == "positive"})
    negatives = sorted({s.marker for s in stains if s.result == "negative"})
    parts = [f"{m}+" for m in positives] + [f"{m}-" for m in negatives]
    return f"; stains in the later report: {', '.join(parts)}" if parts else ""


def severity(later: DiagnosisMention, interval_days: int | None, *, upgrade: bool = True) -> str:
    """high for an affirmed malignant finding, medium if uncertain; metastatic raises one
    level, an interval over ten years lowers one; a downgrade on review is low."""
    if not upgrade:
        return "low"
    level = 2 if later.assertion == "affirmed" else 1
    if later.behavior == 6:
        level += 1
    if interval_days is not None and interval_days > LONG_INTERVAL_DAYS:
        level -= 1
    return SEVERITIES[max(0, min(level, len(SEVERITIES) - 1))]


def _flag(
    patient_id: str,
    kind: str,
    family: str,
    prior: _Finding,
    later: _Finding,
    interval_days: int | None,
    sev: str,
    explanation: str,
    rule: str,
    extra: Sequence[EvidenceItem] = (),
) -> Flag:
    return Flag(
        flag_id=flag_id(patient_id, kind, family, prior.entry.report_id, later.entry.report_id),
        patient_id=patient_id,
        kind=kind,
        lineage=family,
        prior_report_id=prior.entry.report_id,
        later_report_id=later.entry.report_id,
        interval_days=interval_days,
        severity=sev,
        explanation=explanation,
        evidence=(_evidence("prior", prior, rule), _evidence("later", later, rule), *extra),
    )


def benign_to_malignant(
    patient_id: str, timeline: Sequence[TimelineEntry], lineages: LineageIndex
) -> list[Flag]:
    """An earlier affirmed benign/uncertain-potential diagnosis, a later malignant one."""
    benign = _findings(timeline, lineages, BENIGN_BEHAVIORS, AFFIRMED)
    malignant = _findings(timeline, lineages, MALIGNANT_BEHAVIORS, LATER_ASSERTIONS)
    pairs: dict[tuple[str, str, str], tuple[list[_Finding], list[_Finding]]] = {}
    for b in benign:
        for m in malignant:
            if b.family != m.family or m.entry.event_date <= b.entry.event_date:
                continue
            key = (b.family, b.entry.report_id, m.entry.report_id)
            prior_list, later_list = pairs.setdefault(key, ([], []))
            prior_list.append(b)
            later_list.append(m)
    flags = []
    for (family, _prior_id, _later_id), (priors, laters) in sorted(pairs.items()):
        prior, later = _strongest(priors), _strongest(laters)
        days = (later.entry.event_date - prior.entry.event_date).days
        explanation = (
            f"Benign-to-malignant: {_describe(prior)} -> {_describe(later)}; same lineage "
            f"({lineages.labels[family]}){_phenotype_note(later)}; interval "
            f"{format_interval(days)}."
        )
        flags.append(
            _flag(
                patient_id,
                "benign_to_malignant",
                family,
                prior,
                later,
                days,
                severity(later.mention, days),
                explanation,
                "flag.b2m.v1",
            )
        )
    return flags


def _reviewed_originals(
    review: TimelineEntry, timeline: Sequence[TimelineEntry]
) -> list[TimelineEntry]:
    """The specimens a review reviews.

    With a specimen date: the non-review reports of that date signed out before the review
    (a review often also names other accessions in its history; the date disambiguates).
    Without one: the reports its text names.
    """
    if review.specimen_date is None:
        return [e for e in timeline if e.report_id in review.reviews]
    return [
        e
        for e in timeline
        if e.report_type not in REVIEW_TYPES
        and e.report_id != review.report_id
        and e.event_date == review.specimen_date
        and e.report_date <= review.report_date
    ]


def review_discordance(
    patient_id: str, timeline: Sequence[TimelineEntry], lineages: LineageIndex
) -> list[Flag]:
    """A review/consult of an earlier specimen changes its behaviour (up: high, down: low)."""
    flags = []
    for review in (e for e in timeline if e.report_type in REVIEW_TYPES):
        for original in _reviewed_originals(review, timeline):
            for before_b, after_b, upgrade in (
                (BENIGN_BEHAVIORS, MALIGNANT_BEHAVIORS, True),
                (MALIGNANT_BEHAVIORS, BENIGN_BEHAVIORS, False),
            ):
                before = _findings([original], lineages, before_b, AFFIRMED)
                after_assertions = LATER_ASSERTIONS if upgrade else AFFIRMED
                after = _findings([review], lineages, after_b, after_assertions)
                if not upgrade and _findings([review], lineages, MALIGNANT_BEHAVIORS, AFFIRMED):
                    continue  # the review still calls something malignant: not a downgrade
                for family in sorted({b.family for b in before} & {a.family for a in after}):
                    prior = _strongest([b for b in before if b.family == family])
                    later = _strongest([a for a in after if a.family == family])
                    days = (review.report_date - original.report_date).days
                    direction = "upgraded" if upgrade else "downgraded"
                    explanation = (
                        f"Review discordance: {review.report_type} {review.report_id} "
                        f"({review.report_date.isoformat()}) {direction} the diagnosis of "
                        f"specimen {original.report_id}: {_describe(prior)} -> "
                        f"{later.mention.term} [{later.mention.icdo3}]"
                        f"{' (uncertain)' if later.mention.assertion == 'uncertain' else ''}; "
                        f"lineage {lineages.labels[family]}; "
                        f"{format_interval(days)} after the original sign-out."
                    )
                    flags.append(
                        _flag(
                            patient_id,
                            "review_discordance",
                            family,
                            prior,
                            later,
                            days,
                            severity(later.mention, None, upgrade=upgrade),
                            explanation,
                            "flag.review.v1",
                        )
                    )
    return flags


def _feature_evidence(entry: TimelineEntry, feature: Feature, rule: str) -> EvidenceItem:
    return EvidenceItem(
        report_id=entry.report_id,
        role="criterion",
        term=f"{feature.name}={feature.value}",
        section=None,
        sentence=feature.sentence,
        start=feature.start,
        end=feature.end,
        rule_id=f"{rule}:{feature.rule_id}",
    )


def _criteria_met(entry: TimelineEntry, crit: MalignancyCriteria) -> list[tuple[str, Feature]]:
    met: dict[str, Feature] = {}
    for feat in entry.extraction.features:
        if feat.name == "mitoses_per_10hpf" and float(feat.value) >= crit.mitoses_per_10hpf:
            met.setdefault("mitoses", feat)
        elif feat.name == "atypia" and feat.value in crit.atypia:
            met.setdefault("atypia", feat)
        elif (
            feat.name == "tumor_cell_necrosis"
            and crit.tumor_cell_necrosis
            and feat.value == "present"
        ):
            met.setdefault("necrosis", feat)
    return sorted(met.items())


def benign_with_malignant_features(
    patient_id: str, timeline: Sequence[TimelineEntry], lineages: LineageIndex
) -> list[Flag]:
    """A benign sign-out whose own text documents enough malignancy criteria."""
    flags = []
    for entry in timeline:
        for crit in lineages.criteria:
            benign = [
                f
                for f in _findings([entry], lineages, frozenset({0}), AFFIRMED)
                if f.family == crit.family
            ]
            malignant = [
                f
                for f in _findings([entry], lineages, MALIGNANT_BEHAVIORS, LATER_ASSERTIONS)
                if f.family == crit.family
            ]
            met = _criteria_met(entry, crit)
            if not benign or malignant or len(met) < crit.min_criteria:
                continue  # a malignant call in the same report owns the features
            finding = _strongest(benign)
            names = ", ".join(f"{name} ({feat.value})" for name, feat in met)
            sev = "high" if len(met) >= 3 else "medium"
            explanation = (
                f"Benign with malignant features: {_describe(finding)} is signed out benign "
                f"but documents {len(met)} malignancy criteria ({crit.id}): {names}."
            )
            flags.append(
                _flag(
                    patient_id,
                    "benign_with_malignant_features",
                    crit.family,
                    finding,
                    finding,
                    0,
                    sev,
                    explanation,
                    "flag.features.v1",
                    [_feature_evidence(entry, feat, "flag.features.v1") for _, feat in met],
                )
            )
    return flags


def compute_flags(
    patient_id: str,
    timeline: Sequence[TimelineEntry],
    lineage_rules: LineageRules | None = None,
) -> list[Flag]:
    """All flags that hold for this patient now, ordered by kind then report ids."""
    if lineage_rules is None:
        from pathmine.nlp.rules import load_rules

        lineage_rules = load_rules().lineages
    lineages = LineageIndex(lineage_rules)
    ordered = sorted(timeline, key=lambda e: (e.event_date, e.report_date, e.report_id))
    flags = benign_to_malignant(patient_id, ordered, lineages)
    flags += review_discordance(patient_id, ordered, lineages)
    flags += benign_with_malignant_features(patient_id, ordered, lineages)
    return sorted(flags, key=lambda f: (f.kind, f.prior_report_id, f.later_report_id))


__all__ = [
    "LineageIndex",
    "benign_to_malignant",
    "benign_with_malignant_features",
    "compute_flags",
    "flag_id",
    "format_interval",
    "review_discordance",
    "severity",
]
