"""Pure flag rules over one patient's timeline: no database, no I/O (FLAG-RULES.md).

Given the latest version of each of a patient's reports with its extraction (a timeline from
``flags.timeline.build_timeline``), return the discrepancy flags that hold now: **one flag per
(patient, kind, lineage family)**, citing the canonical pair; other qualifying reports are
evidence of that flag. Identity is a hash of (patient, kind, family), so a flag keeps its id
(and its review history) when new reports change which pair it cites.

Kinds (rule ids in brackets, recorded on every evidence row):

* ``benign_to_malignant`` [flag.b2m.v2] — a benign finding (affirmed /0, or STUMP) of family
  L, then a malignant (or inferred malignant) finding of L on a specimen dated strictly later.
  Later = the earliest such malignant specimen's first report establishing it; prior = the
  benign specimen with the latest date before it (on a tie, the report signed out first).
  Adipocytic, nerve sheath, phyllodes, melanocytic and colorectal discrepancies need the same
  site; smooth muscle and endometrial stromal ones may be distant.
* ``review_discordance`` [flag.review.v2] — a review or consult of an earlier specimen whose
  own diagnosis has a different behaviour class (benign < uncertain /1 < malignant) in L than
  the original report's: an upgrade, or a downgrade at low severity. The review's quoted
  outside diagnosis is historical and never its own; an uncertain malignant aside in a review
  that affirms a diagnosis of L is set aside.
* ``benign_with_malignant_features`` [flag.features.v2] — one report signs out a benign
  diagnosis of L but documents L's malignancy criteria (``lineages.json``).

Findings never come from clinical sections (a clinician's "r/o leiomyosarcoma" is not a
finding) or from quoted outside diagnoses. Within one specimen (an original with its addenda
and amendments) the latest report that speaks of L holds the interpretation of L, so a
retracted interpretation no longer counts and an addendum can be the first to establish
malignancy. Explanations carry codes, dates, lineages, vocabulary sites and report ids only.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pathmine.flags.timeline import LINKED_TYPES, REVIEW_TYPES
from pathmine.records import DiagnosisMention, EvidenceItem, Feature, Flag, TimelineEntry

if TYPE_CHECKING:  # the rule schemas import pydantic: loaded only when flags are computed
    from pathmine.nlp.rules import MalignancyCriteria, RulePack

MALIGNANT_BEHAVIORS = frozenset({3, 6})
LATER_ASSERTIONS = frozenset({"affirmed", "uncertain"})
SEVERITIES = ("low", "medium", "high", "critical")
LONG_INTERVAL_DAYS = 10 * 365  # beyond this a recurrence of the same tumour is less likely
NOT_FINDINGS = frozenset({"clinical", "quoted", "reference"})  # section roles that hold no finding
B2M, REVIEW, FEATURES = "flag.b2m.v2", "flag.review.v2", "flag.features.v2"
# the lineage by which an unnamed neoplasm takes its family from its stains (lineages.json)
_UNNAMED_LINEAGE = "mesenchymal_nos"


@dataclass(frozen=True)
class _Finding:
    entry: TimelineEntry
    mention: DiagnosisMention
    family: str
    inferred: str | None = None  # why an unnamed malignancy was inferred
    phenotype: str | None = None  # set when the family came from the stains

    @property
    def malignant(self) -> bool:
        return self.mention.behavior in MALIGNANT_BEHAVIORS or self.inferred is not None


@dataclass
class _Specimen:
    """One accession's tissue: its original report and the addenda/amendments of it."""

    key: str
    reports: list[TimelineEntry] = field(default_factory=list)
    reviews: list[TimelineEntry] = field(default_factory=list)

    @property
    def date(self) -> Any:
        return self.reports[0].event_date

    @property
    def original(self) -> TimelineEntry:
        return self.reports[0]

    @property
    def review_only(self) -> bool:
        """A review or consult whose specimen is not in the archive: it is never a new
        specimen of benign_to_malignant (its date is the reviewed specimen's)."""
        return self.reports[0].report_type in REVIEW_TYPES


def flag_id(patient_id: str, kind: str, family: str) -> str:
    """Stable identity: one flag per (patient, kind, lineage family)."""
    key = "\x1f".join([patient_id, kind, family])
    return "F-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def format_interval(days: int | None) -> str:
    if days is None:
        return "interval unknown"
    years, rem = divmod(abs(days), 365)
    months = round(rem / 30.44)
    if months == 12:
        years, months = years + 1, 0
    return f"{years} y {months} m" if years else f"{months} m"


def severity(
    later: DiagnosisMention,
    interval_days: int | None,
    *,
    upgrade: bool = True,
    inferred: bool = False,
) -> str:
    """high for an affirmed malignant finding, medium if uncertain or inferred; metastatic
    raises one level, an interval over ten years lowers one; a downgrade on review is low."""
    if not upgrade:
        return "low"
    level = 2 if later.assertion == "affirmed" and not inferred else 1
    if later.behavior == 6:
        level += 1
    if interval_days is not None and interval_days > LONG_INTERVAL_DAYS:
        level -= 1
    return SEVERITIES[max(0, min(level, len(SEVERITIES) - 1))]


class FlagEngine:
    """The flag rules with their data (lineages, sites, section roles) indexed once per run."""

    def __init__(self, rules: RulePack) -> None:
        from pathmine.nlp.sites import SiteNormalizer

        lineages = rules.lineages
        self._family: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        for family in lineages.families:
            self.labels[family.id] = family.label
            for lineage in family.lineages:
                self._family.setdefault(lineage, family.id)
        self.phenotypes = list(lineages.phenotypes)
        self.criteria = list(lineages.malignancy_criteria)
        self.site_bound = frozenset(lineages.same_site_families)
        self.benign_codes = frozenset(lineages.benign_priors.codes)
        self.infer_lineages = frozenset(lineages.inference.applies_to)
        self.growth = frozenset(lineages.inference.growth_features)
        self.actions: dict[str, Any] = dict(lineages.actions)
        self.query_cues = frozenset(lineages.clinician_query_cues.ids)
        self.roles = dict(rules.sections.categories)
        self.sites = SiteNormalizer(rules.sites)

    # -- findings ------------------------------------------------------------------------

    def _counts(self, mention: DiagnosisMention) -> bool:
        role = self.roles.get(mention.section or "", "diagnostic")
        if role in NOT_FINDINGS or mention.assertion not in LATER_ASSERTIONS:
            return False
        return not self._clinician_query(mention)

    def _clinician_query(self, mention: DiagnosisMention) -> bool:
        """An uncertain mention hedged only by request cues ("query LMS", "r/o LMS") is a
        clinician's question, whatever section it sits in (FLAG-RULES.md)."""
        if mention.assertion != "uncertain":
            return False
        cues = {part for part in mention.rule_id.split("/")[1:] if part.startswith("ctx.unc.")}
        return bool(cues) and cues <= self.query_cues

    def is_benign(self, f: _Finding) -> bool:
        m = f.mention
        return m.assertion == "affirmed" and (m.behavior == 0 or m.icdo3 in self.benign_codes)

    def _phenotype(self, lineage: str, stains: Sequence[Any]) -> tuple[str, str] | None:
        results: dict[str, set[str]] = {}
        for stain in stains:
            results.setdefault(stain.result, set()).add(stain.marker)
        positive = results.get("positive", set())
        for pheno in self.phenotypes:
            if lineage not in pheno.applies_to:
                continue
            hits = [m for m in pheno.markers if m in positive]
            if len(hits) >= pheno.min_positive and not positive & set(pheno.exclude_positive):
                negatives = sorted(results.get("negative", set()) & set(pheno.exclude_positive))
                detail = ", ".join([f"{m}+" for m in hits] + [f"{m}-" for m in negatives])
                return pheno.family, f"{pheno.label} ({detail})"
        return None

    def findings(self, entry: TimelineEntry, group: Sequence[TimelineEntry] = ()) -> list[_Finding]:
        """The report's findings: own-lineage diagnoses, and lineage-free ones (spindle cell
        neoplasm, sarcoma NOS) that take a family from the stains of their specimen's reports
        (``group``: the original and its addenda), inferred malignant when the behaviour is."""
        out = []
        pool = group or [entry]
        stains = [s for e in pool for s in e.extraction.stains]
        for m in entry.extraction.diagnoses:
            if not self._counts(m):
                continue
            family = self._family.get(m.lineage)
            if family is not None:
                out.append(_Finding(entry, m, family))
                continue
            pheno = self._phenotype(m.lineage, stains)
            if pheno is None:
                continue
            if m.behavior in MALIGNANT_BEHAVIORS or m.lineage not in self.infer_lineages:
                out.append(_Finding(entry, m, pheno[0], phenotype=pheno[1]))
                continue
            why = self._malignant_behaviour(m, pool, pheno[0])
            if why is not None:
                out.append(_Finding(entry, m, pheno[0], inferred=why, phenotype=pheno[1]))
        if not out and entry.report_type not in LINKED_TYPES:
            unnamed = self._unnamed_neoplasm(entry)
            if unnamed is not None:
                out.append(unnamed)
        return out

    def _unnamed_neoplasm(self, entry: TimelineEntry) -> _Finding | None:
        """An original report that names no diagnosis of any family but describes a neoplasm
        by its stains and its malignant behaviour ("atypical spindle cell proliferation with
        smooth muscle immunophenotype, infiltrative, multifocal": desmin, SMA, h-caldesmon
        positive, 16 mitoses/10 HPF, tumour cell necrosis): FLAG-RULES.md's inferred malignant
        finding, anchored on the phenotype's first positive stain. Only for families whose
        flags do not depend on the site, since no diagnosis gives one."""
        stains = entry.extraction.stains
        pheno = self._phenotype(_UNNAMED_LINEAGE, stains)
        if pheno is None or pheno[0] in self.site_bound:
            return None
        anchor = next(s for s in stains if s.result == "positive")
        mention = DiagnosisMention(
            term="neoplasm described only by its stains (no diagnosis named)",
            icdo3="",
            behavior=1,
            lineage=_UNNAMED_LINEAGE,
            assertion="affirmed",
            section=anchor.section,
            site=None,
            start=anchor.start,
            end=anchor.end,
            sentence=anchor.sentence,
            rule_id="flag.inferred_from_phenotype",
        )
        why = self._malignant_behaviour(mention, [entry], pheno[0])
        if why is None:
            return None
        return _Finding(entry, mention, pheno[0], inferred=why, phenotype=pheno[1])

    def _malignant_behaviour(
        self, mention: DiagnosisMention, pool: Sequence[TimelineEntry], family: str
    ) -> str | None:
        feats = [f for e in pool for f in e.extraction.features]
        growth = [f for f in feats if f.name in self.growth and f.value == "present"]
        if growth:
            return "destructive or infiltrative growth"
        site_id, _ = self.sites.site_id(mention.site)
        if site_id in self.sites.distant:
            return f"a tumour at a metastatic site ({self.sites.site_id(mention.site)[0]})"
        for crit in self.criteria:
            if crit.family == family and len(_criteria_met(feats, crit)) >= crit.min_criteria:
                return f"malignancy criteria ({crit.id})"
        return None

    # -- specimens -----------------------------------------------------------------------

    def specimens(self, timeline: Sequence[TimelineEntry]) -> list[_Specimen]:
        by_key: dict[str, _Specimen] = {}
        ordered = sorted(timeline, key=lambda e: (e.report_date, e.report_id))
        for e in ordered:
            if e.report_type not in LINKED_TYPES:
                by_key.setdefault(e.report_id, _Specimen(e.report_id)).reports.insert(0, e)
        for e in ordered:
            if e.report_type not in LINKED_TYPES:
                continue
            target = next((by_key[r] for r in e.reviews if r in by_key), None)
            if target is None:  # nothing to attach to: a specimen of its own
                spec = by_key.setdefault(e.report_id, _Specimen(e.report_id))
                spec.reports.append(e)
            elif e.report_type in REVIEW_TYPES:
                target.reviews.append(e)
            else:
                target.reports.append(e)
        for spec in by_key.values():
            first = spec.reports[:1]
            spec.reports = first + sorted(
                spec.reports[1:], key=lambda e: (e.report_date, e.report_id)
            )
        return sorted(by_key.values(), key=lambda s: (s.date, s.original.report_date, s.key))

    def interpretation(self, spec: _Specimen, family: str) -> list[_Finding]:
        """The specimen's current findings of ``family``: those of the latest report of the
        specimen (original, addendum, amendment) that speaks of it. A later report that only
        withdraws or excludes the malignancy ("The original diagnosis of leiomyosarcoma is
        withdrawn", with no diagnosis of the family of its own) retracts the malignant
        findings before it and keeps the benign ones (FLAG-RULES.md: superseded)."""
        current: list[_Finding] = []
        for entry in spec.reports:
            found = [f for f in self.findings(entry, spec.reports) if f.family == family]
            if found:
                current = found
            elif current and self._retracts(entry, family):
                current = [f for f in current if not f.malignant]
        return current

    def _retracts(self, entry: TimelineEntry, family: str) -> bool:
        """Does the report negate a malignant diagnosis of ``family`` in its own voice?"""
        return any(
            m.assertion == "negated"
            and m.behavior in MALIGNANT_BEHAVIORS
            and self._family.get(m.lineage) == family
            and self.roles.get(m.section or "", "diagnostic") not in NOT_FINDINGS
            for m in entry.extraction.diagnoses
        )

    def families(self, spec: _Specimen) -> set[str]:
        return {f.family for e in spec.reports for f in self.findings(e, spec.reports)}

    def same_site(self, family: str, a: _Finding, b: _Finding) -> bool:
        if family not in self.site_bound:
            return True
        (sa, la), (sb, lb) = self.sites.site_id(a.mention.site), self.sites.site_id(b.mention.site)
        if sa is None or sb is None:
            return True  # unknown site: the rule cannot tell a new primary from a recurrence
        return sa == sb and (la is None or lb is None or la == lb)

    def _sited(self, findings: list[_Finding]) -> list[_Finding]:
        """The findings whose site is known, when any is: a specimen whose diagnosis names
        its site ("Muslo izquierdo: liposarcoma mixoide") is at that site, whatever its
        microscopy's unsited mention of the same tumour; all of them otherwise."""
        sited = [f for f in findings if self.sites.site_id(f.mention.site)[0] is not None]
        return sited or findings

    # -- kinds ---------------------------------------------------------------------------

    def benign_to_malignant(self, patient_id: str, specs: Sequence[_Specimen]) -> list[Flag]:
        flags = []
        for family in sorted({fam for s in specs for fam in self.families(s)}):
            interp = {s.key: self.interpretation(s, family) for s in specs}
            benign = {k: [f for f in v if self.is_benign(f)] for k, v in interp.items()}
            malignant = {k: [f for f in v if f.malignant] for k, v in interp.items()}
            by_review = self._review_established(specs, family, interp)
            for key, found in by_review.items():
                malignant[key] = found
            chosen = None
            for later_spec in specs:
                if not malignant[later_spec.key] or later_spec.review_only:
                    continue
                priors = [
                    (s, f)
                    for s in specs
                    if s.date < later_spec.date and not s.review_only
                    for f in self._sited(benign[s.key])
                    if any(
                        self.same_site(family, f, m) for m in self._sited(malignant[later_spec.key])
                    )
                ]
                if priors:
                    chosen = (later_spec, priors)
                    break
            if chosen is None:
                continue
            later_spec, priors = chosen
            latest_date = max(s.date for s, _ in priors)
            prior_findings = [f for s, f in priors if s.date == latest_date]
            prior = min(prior_findings, key=lambda f: (f.entry.report_date, f.entry.report_id))
            prior = _strongest([f for f in prior_findings if f.entry is prior.entry])
            # the specimen's current interpretation is malignant; the later report is the
            # first of its reports to say so, or the review that first established it
            # (FLAG-RULES.md: an addendum is the later report only when it first
            # establishes the malignancy)
            # (a named malignancy first; an inferred one from the report's own stains)
            laters = malignant[later_spec.key]
            firsts = (
                []
                if later_spec.key in by_review
                else [
                    [f for f in self.findings(entry, [entry]) if f.family == family and f.malignant]
                    for entry in later_spec.reports
                ]
            )
            named = next((fs for fs in firsts if any(f.inferred is None for f in fs)), None)
            laters = named or next((fs for fs in firsts if fs), laters)
            first_report = min(laters, key=lambda f: (f.entry.report_date, f.entry.report_id)).entry
            later = _strongest([f for f in laters if f.entry is first_report])
            days = (later_spec.date - latest_date).days
            others = [
                f
                for s in specs
                for f in benign[s.key] + malignant[s.key]
                if f.entry is not prior.entry and f.entry is not later.entry
            ]
            inferred = later.inferred is not None
            explanation = (
                f"Benign-to-malignant ({self.labels[family]}): {self._describe(prior)} -> "
                f"{self._describe(later)}; interval {format_interval(days)}"
                + (
                    f"; malignancy inferred from {later.phenotype} and {later.inferred}"
                    if inferred
                    else ""
                )
                + (f"; lineage from {later.phenotype}" if later.phenotype and not inferred else "")
                + (
                    f"; {len({f.entry.report_id for f in others})} other qualifying "
                    "report(s) cited as evidence"
                    if others
                    else ""
                )
                + "."
            )
            action = self._action("benign_to_malignant", family, prior, later, inferred=inferred)
            flags.append(
                self._flag(
                    patient_id,
                    "benign_to_malignant",
                    family,
                    prior,
                    later,
                    days,
                    severity(later.mention, days, inferred=inferred),
                    explanation,
                    B2M,
                    action,
                    others,
                )
            )
        return flags

    def _review_established(
        self, specs: Sequence[_Specimen], family: str, interp: dict[str, list[_Finding]]
    ) -> dict[str, list[_Finding]]:
        """Specimens whose own reports name nothing of ``family`` but whose review names a
        malignancy of it (a non-diagnostic core reviewed as dedifferentiated liposarcoma):
        the review first establishes the malignancy, so it is the later report. A review of
        an already diagnosed specimen stays a review discordance."""
        found: dict[str, list[_Finding]] = {}
        for spec in specs:
            if interp[spec.key] or spec.review_only:
                continue
            for review in sorted(spec.reviews, key=lambda e: (e.report_date, e.report_id)):
                own = self._sign_out(self.findings(review, [review, *spec.reports]))
                malignant = [f for f in own if f.family == family and f.malignant]
                if malignant:
                    found[spec.key] = malignant
                    break
        return found

    def _review_class(self, findings: Sequence[_Finding]) -> int | None:
        affirmed = [f for f in findings if f.mention.assertion == "affirmed" or f.inferred]
        if affirmed:
            return max(_behaviour_class(f) for f in affirmed)
        uncertain = [f for f in findings if f.malignant]
        return max((_behaviour_class(f) for f in uncertain), default=None)

    def review_discordance(self, patient_id: str, specs: Sequence[_Specimen]) -> list[Flag]:
        found: dict[str, list[tuple[bool, TimelineEntry, _Finding, _Finding, _Specimen]]] = (
            defaultdict(list)
        )
        for spec in specs:
            for review in spec.reviews:
                own = self._sign_out(self.findings(review, [review, *spec.reports]))
                for family in sorted({f.family for f in own}):
                    before = [
                        f
                        for e in spec.reports
                        if e.report_date <= review.report_date
                        for f in self._sign_out(self.findings(e, spec.reports))
                        if f.family == family and f.mention.assertion == "affirmed"
                    ]
                    after = [f for f in own if f.family == family]
                    if not before:
                        continue
                    before_class = max(_behaviour_class(f) for f in before)
                    after_class = self._review_class(after)
                    if after_class is None or after_class == before_class:
                        continue
                    upgrade = after_class > before_class
                    prior = _strongest([f for f in before if _behaviour_class(f) == before_class])
                    later = _strongest([f for f in after if _behaviour_class(f) == after_class])
                    found[family].append((upgrade, review, prior, later, spec))
        flags = []
        for family, cases in sorted(found.items()):
            cases.sort(key=lambda c: (not c[0], c[1].report_date, c[1].report_id))
            upgrade, review, prior, later, spec = cases[0]
            days = (review.report_date - spec.original.report_date).days
            direction = "upgraded" if upgrade else "downgraded"
            explanation = (
                f"Review discordance ({self.labels[family]}): {review.report_type} "
                f"{review.report_id} (signed out {review.report_date.isoformat()}) {direction} "
                f"specimen {spec.original.report_id}: {self._describe(prior)} -> "
                f"{later.mention.term} [{later.mention.icdo3}]"
                f"{' (uncertain)' if later.mention.assertion == 'uncertain' else ''}; "
                f"{format_interval(days)} after the original sign-out"
                + (
                    f"; {len(cases) - 1} further discordant review(s) cited as evidence"
                    if len(cases) > 1
                    else ""
                )
                + "."
            )
            action = self._action("review_discordance", family, prior, later, upgrade=upgrade)
            others = [c[3] for c in cases[1:]]
            sev = severity(later.mention, None, upgrade=upgrade)
            if upgrade and _behaviour_class(later) == 1:
                sev = "medium"  # an upgrade to uncertain potential (borderline, STUMP)
            flags.append(
                self._flag(
                    patient_id,
                    "review_discordance",
                    family,
                    prior,
                    later,
                    days,
                    sev,
                    explanation,
                    REVIEW,
                    action,
                    others,
                )
            )
        return flags

    def benign_with_malignant_features(
        self, patient_id: str, specs: Sequence[_Specimen]
    ) -> list[Flag]:
        flags = []
        done: set[str] = set()
        entries = sorted(
            (e for s in specs for e in s.reports), key=lambda e: (e.report_date, e.report_id)
        )
        for entry in entries:
            own = self._sign_out(self.findings(entry))
            for crit in self.criteria:
                if crit.family in done:
                    continue
                benign = [
                    f
                    for f in own
                    if f.family == crit.family and self.is_benign(f) and f.mention.behavior == 0
                ]
                # a /1 or malignant sign-out of the family owns the features
                malignant = [
                    f
                    for f in own
                    if f.family == crit.family and (f.malignant or f.mention.behavior == 1)
                ]
                met = _criteria_met(entry.extraction.features, crit)
                if not benign or malignant or len(met) < crit.min_criteria:
                    continue  # a malignant call in the same report owns the features
                done.add(crit.family)
                finding = _strongest(benign)
                names = ", ".join(f"{name} ({feat.value})" for name, feat in met)
                sev = "high" if len(met) >= 3 else "medium"
                explanation = (
                    f"Benign with malignant features ({self.labels[crit.family]}): "
                    f"{self._describe(finding)} is signed out benign but documents "
                    f"{len(met)} malignancy criteria ({crit.id}): {names}."
                )
                action = self._action(
                    "benign_with_malignant_features", crit.family, finding, finding, criteria=names
                )
                flags.append(
                    self._flag(
                        patient_id,
                        "benign_with_malignant_features",
                        crit.family,
                        finding,
                        finding,
                        0,
                        sev,
                        explanation,
                        FEATURES,
                        action,
                        (),
                        [_feature_evidence(entry, feat, FEATURES) for _, feat in met],
                    )
                )
        return flags

    _SIGN_OUT_SECTIONS = frozenset({"final_diagnosis", "synoptic", "addendum"})

    def _sign_out(self, findings: list[_Finding]) -> list[_Finding]:
        """The report's signed-out diagnoses: those of its diagnosis sections when it has
        any, else all its findings (a comment's "more than a leiomyoma" is not a sign-out)."""
        signed = [f for f in findings if f.mention.section in self._SIGN_OUT_SECTIONS]
        return signed or findings

    # -- text ----------------------------------------------------------------------------

    def _describe(self, f: _Finding) -> str:
        m, e = f.mention, f.entry
        qualifier = "possible " if m.assertion == "uncertain" else ""
        metastatic = "metastatic " if m.behavior == 6 and "metastatic" not in m.term else ""
        code = f"[{m.icdo3}]" if m.icdo3 else "[no code]"
        where = f", {m.site}" if m.site else ""
        dated = f"specimen {e.event_date.isoformat()}"
        source = f"{e.report_type} {e.report_id} ({dated}{where})"
        return f"{qualifier}{metastatic}{m.term} {code} in {source}"

    def _action(
        self,
        kind: str,
        family: str,
        prior: _Finding,
        later: _Finding,
        *,
        upgrade: bool = True,
        inferred: bool = False,
        criteria: str = "",
    ) -> str:
        table = self.actions.get(kind, {})
        if kind == "review_discordance":
            template = table.get("upgrade" if upgrade else "downgrade", "")
        else:
            template = table.get(family) or table.get("*", "")
        text = str(template).format(
            prior=prior.entry.report_id, later=later.entry.report_id, criteria=criteria
        )
        if inferred and self.actions.get("inferred"):
            text += " " + str(self.actions["inferred"]).format(
                prior=prior.entry.report_id, later=later.entry.report_id, criteria=criteria
            )
        return text

    def _flag(
        self,
        patient_id: str,
        kind: str,
        family: str,
        prior: _Finding,
        later: _Finding,
        interval_days: int | None,
        sev: str,
        explanation: str,
        rule: str,
        action: str,
        others: Sequence[_Finding],
        extra: Sequence[EvidenceItem] = (),
    ) -> Flag:
        return Flag(
            flag_id=flag_id(patient_id, kind, family),
            patient_id=patient_id,
            kind=kind,
            lineage=family,
            prior_report_id=prior.entry.report_id,
            later_report_id=later.entry.report_id,
            interval_days=interval_days,
            severity=sev,
            explanation=explanation,
            evidence=(
                _evidence("prior", prior, rule),
                _evidence("later", later, rule),
                *extra,
                *(_evidence("supporting", f, rule) for f in _distinct(others)),
            ),
            recommended_action=action,
        )

    def compute(self, patient_id: str, timeline: Sequence[TimelineEntry]) -> list[Flag]:
        specs = self.specimens(timeline)
        flags = self.benign_to_malignant(patient_id, specs)
        flags += self.review_discordance(patient_id, specs)
        flags += self.benign_with_malignant_features(patient_id, specs)
        return sorted(flags, key=lambda f: (f.kind, f.lineage))


def _behaviour_class(f: _Finding) -> int:
    """benign 0 < uncertain potential 1 < malignant 3 (metastatic counts as malignant)."""
    if f.malignant:
        return 3
    return min(f.mention.behavior, 1)


def _strongest(findings: Sequence[_Finding]) -> _Finding:
    """Named beats inferred; affirmed beats uncertain; metastatic beats primary."""
    return min(
        findings,
        key=lambda f: (
            f.inferred is not None,
            f.mention.assertion != "affirmed",
            -f.mention.behavior,
            f.phenotype is not None,
            f.mention.start,
        ),
    )


def _distinct(findings: Sequence[_Finding]) -> list[_Finding]:
    seen: set[tuple[str, int]] = set()
    out = []
    for f in findings:
        key = (f.entry.report_id, f.mention.start)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


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


def _criteria_met(
    features: Sequence[Feature], crit: MalignancyCriteria
) -> list[tuple[str, Feature]]:
    met: dict[str, Feature] = {}
    for feat in features:
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
        elif feat.name in crit.features and feat.value in ("present", "true"):
            met.setdefault(feat.name, feat)
    return sorted(met.items())


@lru_cache(maxsize=1)
def default_engine() -> FlagEngine:
    """One engine per process, built from the packaged rules."""
    from pathmine.nlp.rules import load_rules

    return FlagEngine(load_rules())


def compute_flags(
    patient_id: str, timeline: Sequence[TimelineEntry], engine: FlagEngine | None = None
) -> list[Flag]:
    """All flags that hold for this patient now (one per kind and lineage family)."""
    return (engine or default_engine()).compute(patient_id, timeline)


__all__ = [
    "FlagEngine",
    "compute_flags",
    "default_engine",
    "flag_id",
    "format_interval",
    "severity",
]
