"""Pure flag rules over one patient's timeline: no database, no I/O.

Given the latest version of each of a patient's reports with its extraction, return the
discrepancy flags that hold now. Identity is a hash of (patient, kind, lineage family, prior
report, later report), so recomputing over the same evidence yields the same flag id and a
review decision recorded against it survives re-runs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pathmine.nlp.rules import LineageRules, load_rules
from pathmine.records import DiagnosisMention, EvidenceItem, Flag, TimelineEntry

BENIGN_BEHAVIORS = frozenset({0, 1})
MALIGNANT_BEHAVIORS = frozenset({3, 6})
REVIEW_TYPES = frozenset({"review", "consult"})
# Later findings count when affirmed or stated with uncertainty ("possibly leiomyosarcoma");
# negated, hypothetical, family and history-only mentions never raise a flag.
LATER_ASSERTIONS = frozenset({"affirmed", "uncertain"})


@dataclass(frozen=True)
class _Finding:
    entry: TimelineEntry
    mention: DiagnosisMention
    family: str


class LineageIndex:
    """Which lineage family a diagnosis belongs to (from ``pipelines/lineages.json``)."""

    def __init__(self, rules: LineageRules) -> None:
        self._family: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        for family in rules.families:
            self.labels[family.id] = family.label
            for lineage in family.lineages:
                self._family.setdefault(lineage, family.id)

    def family_of(self, lineage: str) -> str | None:
        return self._family.get(lineage)


def flag_id(patient_id: str, kind: str, family: str, prior: str, later: str) -> str:
    key = "\x1f".join([patient_id, kind, family, prior, later])
    return "F-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _interval(earlier: date, later: date) -> int:
    return (later - earlier).days


def format_interval(days: int | None) -> str:
    if days is None:
        return "interval unknown"
    years, rem = divmod(days, 365)
    months = round(rem / 30.44)
    if months == 12:
        years, months = years + 1, 0
    return f"{years} y {months} m" if years else f"{months} m"


def _findings(
    timeline: Iterable[TimelineEntry],
    lineages: LineageIndex,
    behaviors: frozenset[int],
    assertions: frozenset[str],
) -> list[_Finding]:
    found = []
    for entry in timeline:
        for mention in entry.extraction.diagnoses:
            family = lineages.family_of(mention.lineage)
            if family and mention.behavior in behaviors and mention.assertion in assertions:
                found.append(_Finding(entry, mention, family))
    return found


def _strongest(findings: Sequence[_Finding]) -> _Finding:
    """Affirmed beats uncertain; metastatic beats primary; the earliest offset breaks ties."""
    return min(
        findings,
        key=lambda f: (
            f.mention.assertion != "affirmed",
            -f.mention.behavior,
            f.mention.start,
        ),
    )


def _evidence(role: str, finding: _Finding) -> EvidenceItem:
    m = finding.mention
    return EvidenceItem(
        report_id=finding.entry.report_id,
        role=role,
        term=m.term,
        section=m.section,
        sentence=m.sentence,
        start=m.start,
        end=m.end,
        rule_id=m.rule_id,
    )


def _describe(finding: _Finding) -> str:
    m, e = finding.mention, finding.entry
    qualifier = "possible " if m.assertion == "uncertain" else ""
    metastatic = "metastatic " if m.behavior == 6 and "metastatic" not in m.term else ""
    site = f" ({m.site})" if m.site else ""
    where = f", {e.institution}" if e.institution else ""
    return (
        f"{qualifier}{metastatic}{m.term} [{m.icdo3}]{site}, {e.report_type} report "
        f"{e.report_id}{where}, {e.event_date.isoformat()}"
    )


def _phenotype(entry: TimelineEntry) -> str:
    positives = sorted({s.marker for s in entry.extraction.stains if s.result == "positive"})
    negatives = sorted({s.marker for s in entry.extraction.stains if s.result == "negative"})
    parts = [f"{m}+" for m in positives] + [f"{m}-" for m in negatives]
    return f"; stains in later report: {', '.join(parts)}" if parts else ""


def _severity(later: DiagnosisMention, upgrade: bool = True) -> str:
    if not upgrade:
        return "low"
    if later.assertion == "uncertain":
        return "medium"
    return "high"


def benign_to_malignant(
    patient_id: str, timeline: Sequence[TimelineEntry], lineages: LineageIndex
) -> list[Flag]:
    """An earlier affirmed benign/uncertain-potential diagnosis, a later malignant one."""
    benign = _findings(timeline, lineages, BENIGN_BEHAVIORS, frozenset({"affirmed"}))
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
    for (family, prior_id, later_id), (priors, laters) in sorted(pairs.items()):
        prior, later = _strongest(priors), _strongest(laters)
        days = _interval(prior.entry.event_date, later.entry.event_date)
        explanation = (
            f"Benign-to-malignant: {_describe(prior)} -> {_describe(later)}; "
            f"same lineage ({lineages.labels[family]}); interval {format_interval(days)}"
            f"{_phenotype(later.entry)}."
        )
        flags.append(
            Flag(
                flag_id=flag_id(patient_id, "benign_to_malignant", family, prior_id, later_id),
                patient_id=patient_id,
                kind="benign_to_malignant",
                lineage=family,
                prior_report_id=prior_id,
                later_report_id=later_id,
                interval_days=days,
                severity=_severity(later.mention),
                explanation=explanation,
                evidence=(_evidence("prior", prior), _evidence("later", later)),
            )
        )
    return flags


def review_discordance(
    patient_id: str, timeline: Sequence[TimelineEntry], lineages: LineageIndex
) -> list[Flag]:
    """A review/consult of the same specimen changes the behaviour of an earlier sign-out.

    The review belongs to the specimen it reviews: same specimen date, signed out later.
    An upgrade (benign → malignant) is high severity; a downgrade is recorded as low.
    """
    flags = []
    reviews = [e for e in timeline if e.report_type in REVIEW_TYPES]
    for review in reviews:
        originals = [
            e
            for e in timeline
            if e.report_type not in REVIEW_TYPES
            and e.report_id != review.report_id
            and e.event_date == review.event_date
            and e.report_date <= review.report_date
        ]
        for original in originals:
            for before_b, after_b, upgrade in (
                (BENIGN_BEHAVIORS, MALIGNANT_BEHAVIORS, True),
                (MALIGNANT_BEHAVIORS, BENIGN_BEHAVIORS, False),
            ):
                before = _findings([original], lineages, before_b, frozenset({"affirmed"}))
                after_assertions = LATER_ASSERTIONS if upgrade else frozenset({"affirmed"})
                after = _findings([review], lineages, after_b, after_assertions)
                for family in sorted({b.family for b in before} & {a.family for a in after}):
                    prior = _strongest([b for b in before if b.family == family])
                    later = _strongest([a for a in after if a.family == family])
                    direction = "upgraded" if upgrade else "downgraded"
                    explanation = (
                        f"Review discordance: {review.report_type} report {review.report_id} "
                        f"({review.report_date.isoformat()}) {direction} specimen of "
                        f"{original.event_date.isoformat()}: {_describe(prior)} -> "
                        f"{_describe(later)}; lineage {lineages.labels[family]}."
                    )
                    flags.append(
                        Flag(
                            flag_id=flag_id(
                                patient_id,
                                "review_discordance",
                                family,
                                original.report_id,
                                review.report_id,
                            ),
                            patient_id=patient_id,
                            kind="review_discordance",
                            lineage=family,
                            prior_report_id=original.report_id,
                            later_report_id=review.report_id,
                            interval_days=_interval(original.report_date, review.report_date),
                            severity=_severity(later.mention, upgrade),
                            explanation=explanation,
                            evidence=(_evidence("prior", prior), _evidence("later", later)),
                        )
                    )
    return flags


def compute_flags(
    patient_id: str,
    timeline: Sequence[TimelineEntry],
    lineage_rules: LineageRules | None = None,
) -> list[Flag]:
    """All flags that hold for this patient now, ordered by kind then report ids."""
    lineages = LineageIndex(lineage_rules or load_rules().lineages)
    ordered = sorted(timeline, key=lambda e: (e.event_date, e.report_date, e.report_id))
    flags = benign_to_malignant(patient_id, ordered, lineages)
    flags += review_discordance(patient_id, ordered, lineages)
    return sorted(flags, key=lambda f: (f.kind, f.prior_report_id, f.later_report_id))
