"""Plain typed records that cross stage boundaries (ingest → nlp → store → flags).

ORM objects stay in ``pathmine.store`` and spaCy ``Doc`` objects stay in ``pathmine.nlp``;
everything that moves between stages is one of these frozen dataclasses, so a stage can run
in a worker process (or a Spark executor) and hand its result back by pickling.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

ReportType = Literal["original", "review", "consult", "addendum", "amended"]
REPORT_TYPES: tuple[str, ...] = ("original", "review", "consult", "addendum", "amended")

Assertion = Literal["affirmed", "negated", "uncertain", "historical", "hypothetical", "family"]
ASSERTIONS: tuple[str, ...] = (
    "affirmed",
    "negated",
    "uncertain",
    "historical",
    "hypothetical",
    "family",
)

StainOutcome = Literal["positive", "negative", "equivocal"]


def sha256_text(text: str) -> str:
    """Content hash used for idempotency: same text, same hash, no re-extraction."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Report:
    """One report as read from an archive, already validated by ``pathmine.ingest``."""

    patient_id: str
    report_id: str
    report_date: date
    text: str
    specimen_date: date | None = None
    institution: str | None = None
    report_type: str | None = None
    source: str = ""
    location: str = ""
    sha256: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Hashed once: the ingest job compares it several times per record.
        object.__setattr__(self, "sha256", sha256_text(self.text))


@dataclass(frozen=True, slots=True)
class Rejected:
    """A record that could not be accepted; it is quarantined, never dropped.

    ``reason`` must never contain report text or patient identifiers: it is printed and
    logged. ``raw_excerpt`` (which may hold PHI) only goes to the quarantine table.
    """

    source: str
    location: str
    reason: str
    report_id: str | None = None
    raw_excerpt: str = ""
    # "record": one record is bad. "file": the rest of a file (or all of it) could not be
    # read; the run goes on with the next file and ends with a non-zero exit.
    scope: str = "record"


@dataclass(frozen=True, slots=True)
class DiagnosisMention:
    term: str
    icdo3: str
    behavior: int
    lineage: str
    assertion: str
    section: str | None
    site: str | None
    start: int
    end: int
    sentence: str
    rule_id: str


@dataclass(frozen=True, slots=True)
class StainResult:
    marker: str
    text: str
    result: str
    intensity: str | None
    extent: str | None
    percent: float | None
    start: int
    end: int
    sentence: str
    rule_id: str
    section: str | None = None
    pattern: str | None = None  # p53 wild-type/mutant/null, p16 block/lost, MMR intact/lost


@dataclass(frozen=True, slots=True)
class Feature:
    """A histologic criterion (mitotic count, necrosis type, atypia) found in the text."""

    name: str
    value: str
    start: int
    end: int
    sentence: str
    rule_id: str


@dataclass(frozen=True, slots=True)
class Extraction:
    pipeline_version: str
    diagnoses: tuple[DiagnosisMention, ...] = ()
    stains: tuple[StainResult, ...] = ()
    features: tuple[Feature, ...] = ()
    inferred_report_type: str | None = None
    # Report facts read from the text (nlp.report_facts): the accession the report prints
    # for itself, the accessions it cites, its specimen's collection date, and the dates it
    # gives for a specimen it reviews or amends. The flag engine links reports with them.
    accession: str | None = None
    cited_accessions: tuple[str, ...] = ()
    collection_dates: tuple[date, ...] = ()  # both readings of an ambiguous d/m/y date
    cited_dates: tuple[date, ...] = ()

    def features_summary(self) -> dict[str, Any]:
        """The export contract's ``features`` object: one value per criterion."""
        summary: dict[str, Any] = {
            "mitoses_per_10hpf": None,
            "mitoses_per_mm2": None,
            "tumor_cell_necrosis": None,
            "atypia": None,
            "mdm2_amplified": None,
        }
        for feat in self.features:
            if feat.name in ("mitoses_per_10hpf", "mitoses_per_mm2"):
                value = float(feat.value)
                current = summary[feat.name]
                summary[feat.name] = value if current is None else max(current, value)
            elif feat.name == "tumor_cell_necrosis":
                summary["tumor_cell_necrosis"] = summary["tumor_cell_necrosis"] or (
                    feat.value == "present"
                )
            elif feat.name == "atypia":
                # the highest grade stated ("focal mild ... diffuse moderate" is moderate)
                current = summary["atypia"]
                if current is None or _ATYPIA_RANK.get(feat.value.split()[0], 0) > _ATYPIA_RANK.get(
                    str(current).split()[0], 0
                ):
                    summary["atypia"] = feat.value
            elif feat.name == "mdm2_amplified":
                summary["mdm2_amplified"] = bool(summary["mdm2_amplified"]) or feat.value == "true"
        return summary


_ATYPIA_RANK = {"none": 0, "mild": 1, "moderate": 2, "severe": 3}


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    report_id: str
    role: str
    term: str
    section: str | None
    sentence: str
    start: int
    end: int
    rule_id: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Flag:
    flag_id: str
    patient_id: str
    kind: str
    lineage: str
    prior_report_id: str
    later_report_id: str
    interval_days: int | None
    severity: str
    explanation: str
    evidence: tuple[EvidenceItem, ...] = field(default_factory=tuple)
    recommended_action: str = ""  # what a reviewer would do (lineages.json "actions")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One report version with its extraction, as the flag rules see a patient's history."""

    report_id: str
    report_date: date
    specimen_date: date | None
    report_type: str
    institution: str | None
    extraction: Extraction
    # For a review/consult: the report ids of the specimen it reviews (named in its text).
    reviews: tuple[str, ...] = ()

    @property
    def event_date(self) -> date:
        """Specimen (collection) date where known, else sign-out date."""
        return self.specimen_date or self.report_date
