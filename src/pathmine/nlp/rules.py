"""Load and validate the versioned rule data under ``pipelines/``.

The rule files are data, not code: they are found through ``importlib.resources`` (the
package ships them as ``pathmine/pipelines``), validated with pydantic so a malformed edit
fails loudly at load time, and hashed into the pipeline version so every extraction row
records exactly which rules produced it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pathmine.nlp.version import RULE_FILES, pipeline_version, rules_dir, version_of


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DiagnosisEntry(_Strict):
    id: str = Field(pattern=r"^dx\.[a-z0-9_]+$")
    term: str
    icdo3: str = Field(pattern=r"^\d{4}/[0-36]$")
    lineage: str
    phrases: list[str] = []
    # the concept's names in other languages ("Leiomyosarkom", "tumor filodes benigno"):
    # matched like phrases, but never a target of the OCR one-edit repair (``ocr_fuzzy``), so
    # an English slip one letter from a translation still reads as the English name
    translations: list[str] = []
    exact: list[str] = []
    regex: list[str] = []

    @property
    def morphology(self) -> str:
        return self.icdo3.split("/")[0]

    @property
    def behavior(self) -> int:
        return int(self.icdo3.split("/")[1])


class DiagnosisExclusion(_Strict):
    """A context in which a lexicon match is not a diagnosis ("lipoma-like", "nevus cells",
    "Sarcoma Center", "higher than for lipoma").

    ``before`` must match the text of the sentence that ends where the mention starts
    (anchor it with ``$``), ``after`` the text that starts where it ends (anchor it with
    ``^``); both are case-insensitive. ``entries`` limits the exclusion to some entry ids
    (empty: every entry).
    """

    id: str = Field(pattern=r"^excl\.[a-z0-9_]+$")
    doc: str = ""
    before: str | None = None
    after: str | None = None
    entries: list[str] = []

    @model_validator(mode="after")
    def _one_side(self) -> DiagnosisExclusion:
        if self.before is None and self.after is None and getattr(self, "report", None) is None:
            raise ValueError("an exclusion needs 'before' or 'after'")
        return self


class SubtypeQualifier(DiagnosisExclusion):
    """A type named next to a broad term recodes the mention to entry ``to``, or adds entry
    ``to`` beside it ("adenocarcinoma, FIGO grade 1, endometrioid type").

    ``before``/``after`` match as for exclusions; ``entries`` lists the broad entries it
    applies to (required).
    """

    id: str = Field(pattern=r"^sub\.[a-z0-9_]+$")
    to: str
    entries: list[str] = Field(min_length=1)
    # recode: the mention becomes entry ``to`` ("low-risk GIST"); add: entry ``to`` is listed
    # for each type named ("adenocarcinoma, mixed endometrioid and serous" gives 8323/3,
    # 8380/3 and 8441/3), and the broad term only with ``keep_broad`` ("squamous cell
    # carcinoma, large cell keratinizing type": the broad term is a full diagnosis of its
    # own, so 8070/3 and 8071/3; ANNOTATION.md: listing both is never wrong)
    mode: Literal["recode", "add"] = "recode"
    keep_broad: bool = False
    # a regex over the whole report instead of the mention's sentence ("Risk: low" on its
    # own line recodes every GIST of the report)
    report: str | None = None


class TypedValue(_Strict):
    regex: str
    entry: str


class TypedValues(_Strict):
    """Synoptic 'Histologic type:' fields given as a bare type adjective."""

    doc: str = ""
    line: str
    values: list[TypedValue]
    # a label printed with no value, its values in a column below ("Histologic type:" ...
    # "Endometrioid"): the first short line after it that opens with a type word
    empty_label: str | None = None
    column_reach: int = Field(default=1500, ge=0)


class OcrFuzzy(_Strict):
    """One-edit OCR repairs of long lexicon words (``nlp.ocr_fuzzy``)."""

    doc: str = ""
    min_length: int = Field(default=8, ge=6)
    protected: list[str] = []


def _require_known(info: Any, kind: str, named: dict[str, set[str]]) -> None:
    """Every entry id a rule names (``named``: rule id -> entry ids) is a lexicon entry."""
    known = {e.id for e in info.data.get("entries", [])}
    for rule_id, ids in named.items():
        unknown = sorted(ids - known)
        if unknown:
            raise ValueError(f"{kind} {rule_id} names unknown entries: {', '.join(unknown)}")


class DiagnosisLexicon(_Strict):
    schema_: Literal["pathmine.diagnoses.v1"] = Field(alias="schema")
    version: str
    doc: str = ""
    metastatic_cues: list[str] = []
    entries: list[DiagnosisEntry]
    exclusions: list[DiagnosisExclusion] = []
    # Contexts in which a generic term refers back to the typed tumour the report names
    # ("carcinoma invades 16 mm"); they apply only when the report names a specific type.
    back_references: list[DiagnosisExclusion] = []
    subtype_qualifiers: list[SubtypeQualifier] = []
    typed_values: TypedValues | None = None
    ocr_fuzzy: OcrFuzzy | None = None
    # One word of another language -> the English lexicon word it stands for ("sarkom" ->
    # "sarcoma", "endometriyal" -> "endometrial"): set as the word's NORM, so every lexicon
    # phrase whose word order the language shares matches without a translation per entry
    # ("endometriyal stromal sarkom", "tubuläres Adenom", "malignes Melanom").
    word_translations: dict[str, str] = {}

    @field_validator("subtype_qualifiers")
    @classmethod
    def _known_targets(
        cls, qualifiers: list[SubtypeQualifier], info: Any
    ) -> list[SubtypeQualifier]:
        _require_unique([q.id for q in qualifiers], "subtype qualifier id")
        _require_known(info, "qualifier", {q.id: {q.to, *q.entries} for q in qualifiers})
        return qualifiers

    @field_validator("entries")
    @classmethod
    def _unique_ids(cls, entries: list[DiagnosisEntry]) -> list[DiagnosisEntry]:
        _require_unique([e.id for e in entries], "diagnosis id")
        return entries

    @field_validator("exclusions", "back_references")
    @classmethod
    def _known_entries(
        cls, exclusions: list[DiagnosisExclusion], info: Any
    ) -> list[DiagnosisExclusion]:
        _require_unique([x.id for x in exclusions], "exclusion id")
        _require_known(info, "exclusion", {x.id: set(x.entries) for x in exclusions})
        return exclusions


class ContextRuleRecord(_Strict):
    id: str = Field(pattern=r"^ctx\.[a-z]+\.[a-z0-9_]+$")
    literal: str
    category: Literal[
        "NEGATED_EXISTENCE",
        "POSSIBLE_EXISTENCE",
        "HISTORICAL",
        "HYPOTHETICAL",
        "FAMILY",
        "TERMINATE",
        "PSEUDO",
    ]
    direction: Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"]
    max_scope: int | None = None
    pattern: list[dict[str, Any]] | None = None


class AnswerCue(_Strict):
    """A later clause that answers a diagnosis raised before it with a pronoun ("concern for
    X is noted; the findings do not support it"). ConText cues stop at a clause terminator
    (';', 'but', a sentence end), and this one must reach across it: ``after`` is searched
    in the text from the mention to the end of the next sentence (at most ``reach``
    characters), and it answers the nearest diagnosis before it only."""

    id: str = Field(pattern=r"^ctx\.neg\.[a-z0-9_]+$")
    doc: str = ""
    after: str
    reach: int = 220


class ContextRules(_Strict):
    schema_: Literal["pathmine.context.v1"] = Field(alias="schema")
    version: str
    doc: str = ""
    rules: list[ContextRuleRecord]
    answers: list[AnswerCue] = []

    @field_validator("rules")
    @classmethod
    def _unique_ids(cls, rules: list[ContextRuleRecord]) -> list[ContextRuleRecord]:
        _require_unique([r.id for r in rules], "context rule id")
        return rules


class SectionRuleRecord(_Strict):
    id: str = Field(pattern=r"^sec\.[a-z_]+$")
    category: str
    literals: list[str]


class SectionRules(_Strict):
    schema_: Literal["pathmine.sections.v1"] = Field(alias="schema")
    version: str
    doc: str = ""
    categories: dict[str, Literal["diagnostic", "descriptive", "clinical", "quoted", "reference"]]
    rules: list[SectionRuleRecord]
    clinical_prior_specimen: PriorSpecimenCues | None = None


class PriorSpecimenCues(_Strict):
    """Regexes over a mention's sentence that report an earlier procedure's diagnosis: that
    mention is historical. ``before`` (sentence text before the mention) and ``after`` (text
    after it) apply in clinical sections ("biopsy showed X", "X on EMB"); ``anywhere_before``
    and ``anywhere_after`` in every section ("originally reported (2021) as: X", "X
    diagnosed at an outside hospital")."""

    doc: str = ""
    before: list[str]
    after: list[str] = []
    anywhere_before: list[str] = []
    anywhere_after: list[str] = []
    evidence: list[str] = []
    # an accession-shaped token in the mention's clause ("metastatic leiomyosarcoma in lung
    # wedge CV19-11207"): in a clinical section the mention is that specimen's diagnosis,
    # historical, unless the token is the report's own accession
    cited_accession: str | None = None
    cited_accession_reach: int = 60


class MarkerEntry(_Strict):
    id: str = Field(pattern=r"^stain\.[a-z0-9_]+$")
    marker: str
    aliases: list[str] = []
    exact: list[str] = []
    regex: list[str] = []


Outcome = Literal["positive", "negative", "equivocal"]


class StainPatterns(_Strict):
    """Pattern words recorded beside the result (p53 wild-type/mutant/null, MMR intact)."""

    doc: str = ""
    markers: list[str]
    cues: dict[str, list[str]]
    # the result each pattern implies: a pattern word that contradicts the result read for
    # the marker belongs to another marker of the clause ("loss of MLH1 with retained MSH2")
    results: dict[str, Outcome] = {}


class GradedIndex(_Strict):
    """A proliferation index described by its level, not a number ("a high MIB-1
    proliferation index", "Ki-67 labelling index is very low"): the stain was read, so it is
    positive like an index given as a number (ANNOTATION.md section 4)."""

    doc: str = ""
    markers: list[str]
    nouns: list[str]
    levels: list[str]


class ResultCues(_Strict):
    doc: str = ""
    postfix: dict[Outcome, list[str]]
    prefix: dict[Outcome, list[str]]
    negators: list[str]
    intensity: dict[Literal["weak", "moderate", "strong"], list[str]]
    extent: dict[Literal["focal", "patchy", "diffuse"], list[str]]
    patterns: StainPatterns | None = None
    # "keratin stains are negative for metastatic carcinoma": a result cue ending in "for"
    # whose object is the lesion (a diagnosis or one of these words) is the marker's own
    # result, not the prefix of the next marker ("desmin positive, negative for S100")
    lesion_objects: list[str] = []
    graded_index: GradedIndex | None = None


class CompoundMarker(_Strict):
    """A phrase naming several markers at once ("estrogen and progesterone receptors")."""

    id: str = Field(pattern=r"^stain\.compound\.[a-z0-9_]+$")
    markers: list[str] = Field(min_length=2)
    aliases: list[str]


class MolecularContext(_Strict):
    """Words that make a marker mention a molecular result ("MDM2 amplification")."""

    doc: str = ""
    after: list[str]
    before: list[str]


class NotResults(_Strict):
    """Sentences that state how stains are read rather than what this case showed."""

    doc: str = ""
    sentences: list[str]

    @field_validator("sentences")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns


class StainLexicon(_Strict):
    schema_: Literal["pathmine.stains.v1"] = Field(alias="schema")
    version: str
    doc: str = ""
    markers: list[MarkerEntry]
    results: ResultCues
    scored: list[str] = []
    compounds: list[CompoundMarker] = []
    molecular: MolecularContext | None = None
    not_results: NotResults | None = None

    @field_validator("markers")
    @classmethod
    def _unique_ids(cls, markers: list[MarkerEntry]) -> list[MarkerEntry]:
        _require_unique([m.id for m in markers], "marker id")
        _require_unique([m.marker for m in markers], "canonical marker name")
        return markers

    @model_validator(mode="after")
    def _known_markers(self) -> StainLexicon:
        names = {m.marker for m in self.markers}
        ids = {m.id for m in self.markers}
        unknown = sorted(set(self.scored) - names) + sorted(
            {i for c in self.compounds for i in c.markers} - ids
        )
        if self.results.patterns is not None:
            unknown += sorted(set(self.results.patterns.markers) - names)
        if unknown:
            raise ValueError(f"stains.json names unknown markers: {', '.join(unknown)}")
        return self


class ReportFactRules(_Strict):
    """``report_facts.json``: own and cited accessions, specimen dates (see the file's doc)."""

    schema_: Literal["pathmine.report_facts.v1"] = Field(alias="schema")
    version: str
    doc: str = ""
    head_window: int = 1500
    own_accession: list[str]
    accession: str
    collection: list[str]
    # the stems without which no collection pattern can match (a cheap first scan)
    collection_cue: str
    cited_date: list[str]
    # a label before a token that makes it a patient (or lab) identifier, not an accession
    identifier_labels: str | None = None
    day_first_default: bool = False


class SiteEntry(_Strict):
    id: str = Field(pattern=r"^[a-z_]+$")
    label: str
    patterns: list[str] = Field(min_length=1)


class SiteVocabulary(_Strict):
    """``sites.json``: the anatomical vocabulary sites are normalised to."""

    schema_: Literal["pathmine.sites.v1"] = Field(alias="schema")
    version: str
    doc: str = ""
    laterality: dict[str, str]
    sites: list[SiteEntry]
    distant: list[str] = []
    default_labels: str = "^$"

    @model_validator(mode="after")
    def _known_distant(self) -> SiteVocabulary:
        _require_unique([s.id for s in self.sites], "site id")
        unknown = sorted(set(self.distant) - {s.id for s in self.sites})
        if unknown:
            raise ValueError(f"distant names unknown sites: {', '.join(unknown)}")
        return self


class RegexRule(_Strict):
    id: str
    regex: str
    unit: str | None = None
    value: str | None = None
    name: str | None = None  # for 'findings': the feature the rule sets
    doc: str = ""


class FeatureRules(_Strict):
    schema_: Literal["pathmine.features.v1"] = Field(alias="schema")
    version: str
    doc: str = ""
    mitoses: list[RegexRule]
    necrosis: list[RegexRule]
    atypia: list[RegexRule]
    negation_cues: list[str]
    triggers: list[str] = []
    postfix_negation_cues: list[str] = []
    findings: list[RegexRule] = []
    # an atypia grade word of another language -> mild | moderate | severe ("moderada a
    # severa" -> severe, "geringe" -> mild)
    grade_words: dict[str, Literal["mild", "moderate", "severe"]] = {}


class ReportTypeRule(_Strict):
    id: str
    type: Literal["original", "review", "consult", "addendum", "amended"]
    regex: str


class ReportTypeRules(_Strict):
    schema_: Literal["pathmine.report_types.v1"] = Field(alias="schema")
    version: str
    doc: str = ""
    window: int
    rules: list[ReportTypeRule]
    recommendation: str = ""  # a cue in a sentence that also matches this is passed over


class LineageFamily(_Strict):
    id: str
    label: str
    lineages: list[str]


class Phenotype(_Strict):
    """Immunophenotype that assigns a lineage family to a diagnosis without one."""

    id: str = Field(pattern=r"^pheno\.[a-z_]+$")
    family: str
    label: str
    applies_to: list[str]
    markers: list[str]
    min_positive: int = Field(ge=1)
    exclude_positive: list[str] = []


class MalignancyCriteria(_Strict):
    """Stanford-style criteria for a benign sign-out that documents malignant features."""

    id: str = Field(pattern=r"^crit\.[a-z0-9_]+$")
    doc: str = ""
    family: str
    min_criteria: int = Field(ge=1)
    mitoses_per_10hpf: float
    atypia: list[str]
    tumor_cell_necrosis: bool = True
    features: list[str] = []  # further features that count when present/true


class BenignPriors(_Strict):
    doc: str = ""
    codes: list[str] = []


class Inference(_Strict):
    doc: str = ""
    applies_to: list[str] = []
    growth_features: list[str] = []


class ClinicianQueryCues(_Strict):
    doc: str = ""
    ids: list[str] = []


class LineageRules(_Strict):
    schema_: Literal["pathmine.lineages.v1"] = Field(alias="schema")
    version: str
    doc: str = ""
    families: list[LineageFamily]
    phenotypes: list[Phenotype] = []
    malignancy_criteria: list[MalignancyCriteria] = []
    same_site_families: list[str] = []
    benign_priors: BenignPriors = BenignPriors()
    inference: Inference = Inference()
    clinician_query_cues: ClinicianQueryCues = ClinicianQueryCues()
    actions: dict[str, Any] = {}


@dataclass(frozen=True)
class RulePack:
    """Every rule file, validated, plus the version string stored with each extraction."""

    diagnoses: DiagnosisLexicon
    context: ContextRules
    sections: SectionRules
    stains: StainLexicon
    features: FeatureRules
    report_types: ReportTypeRules
    lineages: LineageRules
    report_facts: ReportFactRules
    sites: SiteVocabulary
    version: str


def _require_unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what}: {value}")
        seen.add(value)


@lru_cache(maxsize=1)
def load_rules() -> RulePack:
    """Load all rule files once per process; invalid data raises ``pydantic.ValidationError``."""
    return load_rules_from(rules_dir())


def load_rules_from(directory: Traversable | Path) -> RulePack:
    """Load and validate the rule files in ``directory`` (uncached; for tests and tools)."""
    raw = {name: (directory / name).read_bytes() for name in RULE_FILES}

    def parse(name: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(raw[name])
        return data

    return RulePack(
        diagnoses=DiagnosisLexicon.model_validate(parse("diagnoses.json")),
        context=ContextRules.model_validate(parse("context.json")),
        sections=SectionRules.model_validate(parse("sections.json")),
        stains=StainLexicon.model_validate(parse("stains.json")),
        features=FeatureRules.model_validate(parse("features.json")),
        report_types=ReportTypeRules.model_validate(parse("report_types.json")),
        lineages=LineageRules.model_validate(parse("lineages.json")),
        report_facts=ReportFactRules.model_validate(parse("report_facts.json")),
        sites=SiteVocabulary.model_validate(parse("sites.json")),
        version=version_of(raw),
    )


__all__ = [
    "RULE_FILES",
    "RulePack",
    "load_rules",
    "load_rules_from",
    "pipeline_version",
    "rules_dir",
]
