"""Patient timelines: episodes over years, turned into report specs (with reviews, addenda
and amended versions), for background, planted and control patients.

Every patient is built from its own ``Random``; nothing here is shared between patients, so
a corpus can be generated one patient at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from pathmine.synth import phrases as ph
from pathmine.synth.catalog import (
    ALL_MALIGNANT_FAMILIES,
    BENIGN_BY_FAMILY,
    DISTANT_SITES,
    ENTITIES,
    FAMILIES_WITH_BENIGN,
    FIRST_NAMES,
    INSTITUTIONS,
    LAST_NAMES,
    MALIGNANT_BY_FAMILY,
    ORGANS,
    PATHOLOGISTS,
    Entity,
    Frag,
)
from pathmine.synth.styles import Part, Spec

# Fixed, not today(): the output must not depend on when it is generated. Addenda and
# amendments may fall a few weeks after it, still in the past.
LAST_DATE = date(2025, 12, 31)
MAX_REPORTS = 6  # report lines per background patient, amended versions included

PLANTED_KINDS: tuple[tuple[str, float], ...] = (
    ("benign_to_malignant", 0.38),
    ("phenotype", 0.15),
    ("review_upgrade", 0.2),
    ("review_downgrade", 0.09),
    ("features", 0.18),
)
CONTROL_KINDS: tuple[str, ...] = (
    "malignant_then_benign",
    "different_lineage",
    "negated_later",
    "hypothetical_later",
    "family_later",
    "history_only_later",
    "near_miss_features",
    "phenotype_other_lineage",
    "in_situ_later",
    "concordant_review",
    "premalignant_then_carcinoma",
)

_HISTORY_FILLER: dict[str, tuple[str, ...]] = {
    "uterus": (
        "Menorrhagia and pelvic pain.",
        "Enlarged uterus on ultrasound.",
        "Rapidly enlarging pelvic mass.",
        "Pressure symptoms; bulky uterus.",
    ),
    "endometrium": (
        "Postmenopausal bleeding; thickened endometrium on ultrasound.",
        "Abnormal uterine bleeding.",
    ),
    "soft": ("Slowly enlarging painless mass.", "Deep-seated mass on MRI, growing."),
    "nerve": ("Painful mass with tingling on percussion.", "Mass along the course of a nerve."),
    "breast": ("Rapidly growing palpable breast lump.", "Well-defined mass on ultrasound."),
    "skin": ("Changing pigmented lesion.", "Irregular pigmented lesion on dermoscopy."),
    "colon": ("Screening colonoscopy.", "Change in bowel habit; iron deficiency anaemia."),
    "ovary": ("Adnexal mass on ultrasound.", "Pelvic mass; raised tumour markers."),
    "stomach": ("Incidental gastric submucosal mass at endoscopy.",),
    "lung": ("New lung nodule on surveillance CT.",),
    "liver": ("Liver lesion on staging imaging.",),
    "bone": ("Destructive lytic lesion on MRI; back pain with radiculopathy.",),
    "peritoneum": ("Omental nodularity on CT.",),
}
_COMMENT_FILLER = (
    "Clinical correlation is recommended.",
    "The case was reviewed at the departmental consensus meeting.",
    "Results were communicated to the referring clinician.",
    "Appropriate controls were reviewed.",
    "Slides and blocks are available for review on request.",
)
_EXTRA_PARTS: dict[str, tuple[tuple[str, str], ...]] = {
    "uterus": (
        ("Cervix", "Chronic cervicitis."),
        ("Endometrium", "Proliferative phase endometrium."),
        ("Bilateral fallopian tubes and ovaries", "No significant pathology."),
    ),
    "colon": (
        ("Regional lymph nodes", "Fourteen lymph nodes, negative for malignancy (0/14)."),
        ("Proximal and distal margins", "Free of tumour."),
    ),
    "endometrium": (("Cervix", "No significant pathology."),),
    "ovary": (("Omentum", "No significant pathology."),),
}


@dataclass
class Episode:
    """One specimen and what its report says."""

    when: date
    organ: str
    entity: Entity | None  # None: non-neoplastic sign-out
    assertion: str = "affirmed"
    metastatic: bool = False
    site_label: str | None = None
    criteria: str | None = None  # smooth muscle: benign / near / bwmf / malignant
    stains: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    safe: bool = False
    extra_dx: list[Frag] = field(default_factory=list)  # further diagnosis lines
    extra_history: list[Frag] = field(default_factory=list)
    mention_priors: bool = True  # restate earlier diagnoses as history
    no_review: bool = False  # a later review could turn a known misreading into a flag


@dataclass
class Built:
    """A patient's reports in file order (amended versions last) and the scenario."""

    patient_id: str
    scenario: str  # background, planted:<kind>, control:<kind>
    specs: list[Spec]
    intended: str | None = None  # flag kind a planted patient must raise
    # The flags the story plants (kind, lineage family, prior report, later report): the
    # corpus's flag gold, written by the scenario itself, never by the flag rules.
    planted: list[tuple[str, str, str, str]] = field(default_factory=list)


class PatientBuilder:
    def __init__(self, index: int, width: int, rng: Random) -> None:
        self.rng = rng
        self.index = index
        self.width = width
        self.patient_id = f"SYN-{index:0{width}d}"
        self.sex = "F" if rng.random() < 0.72 else "M"
        self.birth_year = rng.randint(1935, 1995)
        first = rng.choice(FIRST_NAMES[:9] if self.sex == "F" else FIRST_NAMES[9:])
        self.name = f"{rng.choice(LAST_NAMES)}, {first}"
        self.mrn = f"SYN{rng.randint(10**6, 10**7 - 1)}"
        home_style = rng.choice(("cap", "cap", "synoptic", "au", "india"))
        self.home = (home_style, *rng.choice(INSTITUTIONS[home_style]))
        self.seq = 0
        self.specs: list[Spec] = []
        self.amended: list[Spec] = []
        self.planted: list[tuple[str, str, str, str]] = []
        self.episodes: list[tuple[Episode, Spec]] = []

    def female(self) -> None:
        """Scenarios about the uterus, ovary or breast need a female patient."""
        if self.sex != "F":
            self.sex = "F"
            self.name = f"{self.name.split(',')[0]}, {self.rng.choice(FIRST_NAMES[:9])}"

    # -- ids, places, dates -------------------------------------------------------------------

    def _place(self, outside: bool = False) -> tuple[str, str, str]:
        if not outside and self.rng.random() < 0.75:
            return self.home
        style = self.rng.choice(("cap", "synoptic", "au", "india", "terse", "terse"))
        return (style, *self.rng.choice(INSTITUTIONS[style]))

    def _ids(self, prefix: str, year: int, letter: str) -> tuple[str, str]:
        self.seq += 1
        core = f"{letter}{year % 100:02d}-{self.index:0{self.width}d}{self.seq}"
        return f"{prefix}-{core}", core

    def _spec(
        self, place: tuple[str, str, str], when: date, signed: date, rtype: str, letter: str = "S"
    ) -> Spec:
        style, inst, prefix = place
        report_id, accession = self._ids(prefix, signed.year, letter)
        age = when.year - self.birth_year
        r = self.rng.random()
        return Spec(
            report_id=report_id,
            accession=accession if style != "terse" else report_id,
            style=style,
            institution=inst,
            report_type=rtype,
            report_date=signed,
            specimen_date=when,
            patient=(self.name, self.mrn, age, self.sex),
            pathologist=self.rng.choice(PATHOLOGISTS),
            caps=r < 0.07 or (style in ("terse", "india") and r < 0.2),
            ocr=self.rng.random() < 0.06,
        )

    def start_date(self) -> date:
        return date(self.rng.randint(2004, 2018), self.rng.randint(1, 12), self.rng.randint(1, 28))

    def later(self, d: date, low: int = 120, high: int = 1800) -> date:
        """A date after ``d`` (strictly), kept before ``LAST_DATE`` where there is room."""
        room = (LAST_DATE - d).days
        high = max(1, min(high, room))
        low = max(1, min(low, high))
        return d + timedelta(days=self.rng.randint(low, high))

    # -- content --------------------------------------------------------------------------

    def _size(self) -> float:
        return round(self.rng.uniform(0.8, 14.0), 1)

    def _gross(self, organ: str, long: bool) -> list[str]:
        rng = self.rng
        org = ORGANS[organ]
        n_cass = rng.randint(2, 14)
        values = {
            "size": self._size(),
            "w": rng.randint(80, 900),
            "n": rng.randint(1, 6),
            "c": n_cass,
            "dim": f"{rng.randint(3, 18)} x {rng.randint(2, 12)} x {rng.randint(1, 9)}",
            "sdim": f"{rng.randint(4, 30) / 10} x {rng.randint(3, 20) / 10} x "
            f"{rng.randint(1, 8) / 10}",
        }
        out = [rng.choice(org.gross).format(**values)]
        key = "; ".join(f"A{i + 1}: {rng.choice(_CASSETTE)}" for i in range(n_cass))
        out.append(f"Cassette key: {key}.")
        out.append(" ".join(rng.sample(_GROSS_EXTRA, rng.randint(3, 5))))
        if long:
            nodules = [
                f"Nodule {i + 1} measures {self._size()} cm and is located in the "
                f"{rng.choice(_LOCATIONS)}; it has a {rng.choice(_SURFACES)} cut surface and is "
                f"{rng.choice(('well circumscribed', 'ill-defined', 'partly calcified'))}."
                for i in range(rng.randint(70, 100))
            ]
            out.append(" ".join(nodules))
            cassettes = [
                f"{letter}{i + 1}: {rng.choice(_CASSETTE)}"
                for letter in "ABCDEFGHJK"[: rng.randint(6, 10)]
                for i in range(rng.randint(14, 24))
            ]
            out.append("Extended cassette key: " + "; ".join(cassettes) + ".")
        return out

    def _micro(self, ep: Episode) -> list[Frag]:
        rng = self.rng
        org = ORGANS[ep.organ]
        ent = ep.entity
        if ent is None:
            base = rng.choice(org.micro_benign)
        elif ent.behavior >= 3 or ep.metastatic:
            base = rng.choice(org.micro_malignant)
        else:
            base = rng.choice(org.micro_benign)
        frags = [Frag(base)]
        if ep.criteria:
            frags += ph.criteria(ep.criteria, rng, safe=ep.safe or ep.criteria == "bwmf")
        frags += [Frag(t) for t in rng.sample(_MICRO_TAIL, rng.randint(1, 3))]
        return frags

    def _ihc(self, ep: Episode, style: str, ocr: bool) -> list[Frag]:
        if ep.stains is not None:
            pos, neg = ep.stains
        elif ep.entity is not None and ep.entity.positive and self.rng.random() < 0.6:
            pos, neg = ep.entity.positive, ep.entity.negative
        else:
            return []
        ki = self.rng.choice((None, None, self.rng.randint(2, 60)))
        return ph.stain_panel(pos, neg, self.rng, style=style, ocr=ocr and not ep.safe, ki67=ki)

    def _synoptic(self, ep: Episode) -> list[Frag]:
        assert ep.entity is not None
        term = ph.name_of(ep.entity, self.rng)
        lines = [
            Frag(f"Procedure: {self.rng.choice(('Resection', 'Excision', 'Hysterectomy'))}"),
            Frag(f"Histologic Type: {ph.cap1(term)}", dx=((ep.entity.code, "affirmed"),)),
            Frag(f"Tumor Size: {self._size()} cm (greatest dimension)"),
            Frag(f"Histologic Grade: {self.rng.choice(('G2', 'G3', 'High grade'))}"),
            Frag("Margins: Uninvolved by tumor"),
            Frag("Lymphovascular Invasion: Not identified"),
            Frag(f"Pathologic Stage: pT{self.rng.randint(1, 3)} pNX"),
        ]
        return lines

    def _priors(self, upto: date, style: str) -> list[Frag]:
        """Earlier diagnoses restated as clinical history (historical mentions)."""
        out = []
        for ep, _spec in self.episodes:
            if ep.entity is None or ep.when >= upto or self.rng.random() < 0.45:
                continue
            if ep.assertion != "affirmed" or ep.metastatic:
                continue
            out.append(
                ph.history(ep.entity, "historical", self.rng, ep.when.year, cued=style == "terse")
            )
        return out[:2]

    def original(self, ep: Episode, place: tuple[str, str, str] | None = None) -> Spec:
        rng = self.rng
        place = place or self._place()
        signed = ep.when + timedelta(days=rng.randint(1, 9))
        spec = self._spec(place, ep.when, signed, "original")
        long = rng.random() < 0.011
        label = ep.site_label or rng.choice(ORGANS[ep.organ].specimens)
        history = [Frag(rng.choice(_HISTORY_FILLER[ep.organ]))]
        if ep.mention_priors:
            history += self._priors(ep.when, spec.style)
        history += ep.extra_history
        lines: list[Frag] = []
        if ep.entity is None:
            lines.append(Frag(rng.choice(ORGANS[ep.organ].background)))
        else:
            lines.append(
                ph.diagnosis(
                    ep.entity,
                    ep.assertion,
                    rng,
                    metastatic=ep.metastatic,
                    size=self._size() if rng.random() < 0.4 else None,
                    safe=ep.safe,
                )
            )
        lines += ep.extra_dx
        parts = [Part(label, lines)]
        extra = _EXTRA_PARTS.get(ep.organ, ())
        if extra and ep.site_label is None:
            for lab, line in rng.sample(extra, rng.randint(0, len(extra))):
                parts.append(Part(lab, [Frag(line)]))
        if long and ep.organ in ("uterus", "colon"):
            for i in range(rng.randint(8, 16)):
                parts.append(
                    Part(
                        f"Lymph nodes, station {i + 1}",
                        [
                            Frag(
                                f"{rng.randint(1, 9)} lymph nodes, negative for "
                                f"malignancy (0/{rng.randint(1, 9)})."
                            )
                        ],
                    )
                )
        spec.history = history
        spec.specimen = [p.label for p in parts]
        spec.gross = self._gross(ep.organ, long)
        spec.micro = self._micro(ep)
        spec.ihc = self._ihc(ep, spec.style, spec.ocr)
        spec.parts = parts
        if rng.random() < 0.5:
            spec.comment = [Frag(c) for c in rng.sample(_COMMENT_FILLER, rng.randint(1, 2))]
        if (
            spec.style == "synoptic"
            and ep.entity is not None
            and ep.entity.behavior == 3
            and ep.assertion == "affirmed"
            and not ep.metastatic
        ):
            spec.synoptic = self._synoptic(ep)
        if spec.style == "terse":
            spec.gross = spec.gross[:1]
        self.specs.append(spec)
        self.episodes.append((ep, spec))
        return spec

    def review(
        self,
        of: Spec,
        entity: Entity,
        assertion: str,
        *,
        criteria: str | None,
        stains: tuple[tuple[str, ...], tuple[str, ...]] | None,
        safe: bool = True,
        extra: list[Frag] | None = None,
        prior: Entity | None = None,
    ) -> Spec:
        """A review/second opinion of ``of``'s slides: same specimen date, signed later."""
        rng = self.rng
        place = self._place(outside=of.institution == self.home[1])
        if place[0] == "terse":
            place = (
                self.home if self.home[1] != of.institution else ("cap", *INSTITUTIONS["cap"][0])
            )
        signed = self.later(of.report_date, 20, 2200)
        consult = rng.random() < 0.25
        spec = self._spec(
            place, of.specimen_date, signed, "consult" if consult else "review", letter="R"
        )
        headings = (
            ("CONSULTATION REPORT - EXPERT OPINION", "Referred for an opinion (consult case)")
            if consult
            else (
                "REVIEW OF OUTSIDE SLIDES / SECOND OPINION",
                "INSTITUTIONAL SLIDE REVIEW",
                "PATHOLOGY REVIEW - REFERRED MATERIAL",
            )
        )
        spec.preamble = [
            rng.choice(headings),
            f"Material received: {rng.randint(3, 12)} H&E slides and {rng.randint(1, 5)} "
            f"paraffin blocks, outside accession {of.accession} ({of.institution}), "
            f"specimen dated {of.specimen_date.isoformat()}.",
        ]
        spec.dx_header = (
            "CONSULTATION DIAGNOSIS"
            if consult
            else ("REVIEW DIAGNOSIS" if spec.style != "india" else "Review diagnosis")
        )
        spec.history = [Frag("Slides referred for review at the request of the treating team.")]
        if prior is not None:
            spec.history.append(ph.history(prior, "historical", rng, of.specimen_date.year))
        ep = Episode(
            of.specimen_date,
            entity.organ,
            entity,
            assertion,
            criteria=criteria,
            stains=stains,
            safe=safe,
        )
        spec.micro = self._micro(ep)
        spec.ihc = self._ihc(ep, spec.style, False) if stains is not None else []
        label = of.parts[0].label if of.parts else "Specimen"
        spec.parts = [
            Part(
                f"{label} (outside {of.accession})",
                [ph.diagnosis(entity, assertion, rng, safe=safe), *(extra or [])],
            )
        ]
        spec.comment = [Frag(rng.choice(_COMMENT_FILLER))]
        self.specs.append(spec)
        return spec

    def addendum(self, of: Spec, ep: Episode) -> Spec:
        """A separate addendum report (immunostains) for the same specimen."""
        rng = self.rng
        place = (of.style, of.institution, of.report_id.split("-", 1)[0])
        signed = of.report_date + timedelta(days=rng.randint(3, 25))
        spec = self._spec(place, of.specimen_date, signed, "addendum", letter="A")
        spec.preamble = [f"ADDENDUM REPORT (to {of.accession})"]
        spec.dx_header = "ADDENDUM"
        stains = ep.stains or (
            (ep.entity.positive, ep.entity.negative) if ep.entity is not None else ((), ())
        )
        panel = ph.stain_panel(stains[0] or ("vimentin",), stains[1], rng, style=spec.style)
        spec.parts = [
            Part(
                "Immunohistochemistry on block A1",
                [*panel, Frag("The immunoprofile supports the original diagnosis.")],
            )
        ]
        self.specs.append(spec)
        return spec

    def amend(self, spec: Spec, ep: Episode, new_entity: Entity | None) -> Spec:
        """Re-issue ``spec`` under the same report id with a changed text (report_type
        amended). The old diagnosis is quoted as previously reported (historical)."""
        rng = self.rng
        new = Spec(**{**spec.__dict__})
        new.report_type = "amended"
        new.report_date = spec.report_date + timedelta(days=rng.randint(2, 60))
        new.preamble = ["AMENDED REPORT", f"Amended on {new.report_date.isoformat()}."]
        first = spec.parts[0]
        if new_entity is not None and ep.entity is not None:
            new.dx_header = "AMENDED DIAGNOSIS" if spec.style != "india" else "Revised diagnosis"
            line = ph.diagnosis(new_entity, "affirmed", rng, safe=True)
            old = Frag(
                f"Previously reported as {ph.name_of(ep.entity, rng)}.",
                dx=((ep.entity.code, "historical"),),
            )
            new.parts = [Part(first.label, [line]), *spec.parts[1:]]
            new.comment = [
                old,
                Frag("The diagnosis has been revised after additional sections were examined."),
            ]
        else:
            new.parts = [
                Part(first.label.replace("Left", "Right") + " (laterality corrected)", first.lines),
                *spec.parts[1:],
            ]
            new.comment = [
                Frag("Amended to correct the specimen laterality; the diagnosis is unchanged.")
            ]
        self.amended.append(new)
        return new

    def built(self, scenario: str, intended: str | None = None) -> Built:
        ordered = sorted(self.specs, key=lambda s: (s.report_date, s.report_id))
        return Built(
            self.patient_id, scenario, ordered + self.amended, intended, list(self.planted)
        )


_CASSETTE = (
    "representative section of the lesion",
    "lesion with closest margin",
    "lesion to capsule",
    "adjacent normal tissue",
    "additional sections of the mass",
    "soft yellow area",
    "firm white area",
    "margins, perpendicular",
)
_LOCATIONS = (
    "anterior fundus",
    "posterior wall",
    "left cornu",
    "right lateral wall",
    "lower segment",
    "serosal surface",
    "submucosa",
    "intramural myometrium",
)
_SURFACES = (
    "whorled white",
    "tan-white bulging",
    "grey-white trabeculated",
    "soft tan with haemorrhage",
    "rubbery white",
)
_GROSS_EXTRA = (
    "The specimen is received in 10% neutral buffered formalin; the time to fixation is "
    "recorded on the requisition as less than one hour and the fixation time as 6 to 72 hours.",
    "The external surface is inked as follows: anterior blue, posterior black, superior green "
    "and inferior orange. The specimen is serially sectioned at 5 mm intervals from superior "
    "to inferior.",
    "Photographs are taken before and after sectioning. Tissue is retained for research with "
    "consent on file.",
    "The cut surfaces are examined closely; no additional focal abnormality is seen in the "
    "remaining tissue, which appears tan-pink and unremarkable.",
    "Dictated by the pathology assistant and verified by the reporting pathologist. The "
    "container and requisition labels match.",
)
_MICRO_TAIL = (
    "The overlying surface is intact.",
    "Blood vessels in the adjacent tissue show no significant abnormality.",
    "Levels were examined and show similar features.",
    "Margins are clear.",
    "The lesion is completely excised.",
    "No lymphovascular invasion is seen.",
    "The surrounding tissue shows no significant abnormality.",
)


# -- scenarios --------------------------------------------------------------------------------


def _entity(rng: Random, keys: tuple[str, ...]) -> Entity:
    return ENTITIES[rng.choice(keys)]


def _n_reports(rng: Random) -> int:
    return rng.choices((1, 2, 3, 4, 5, 6), weights=(34, 26, 18, 12, 6, 4))[0]


_MALE_FAMILIES: tuple[str, ...] = (
    "adipocytic",
    "nerve_sheath",
    "melanocytic",
    "colorectal_glandular",
)


def _random_episode(b: PatientBuilder, when: date) -> Episode:
    rng = b.rng
    r = rng.random()
    if r < 0.42:
        organ = rng.choice(
            (
                "uterus",
                "endometrium",
                "soft",
                "breast",
                "skin",
                "colon",
                "colon",
                "ovary",
                "stomach",
                "skin",
            )
        )
        return Episode(when, organ, None)
    if r < 0.75:
        fam = rng.choice(FAMILIES_WITH_BENIGN)
        ent = _entity(rng, BENIGN_BY_FAMILY[fam])
        crit = "benign" if ent.family == "smooth_muscle" else None
        ep = Episode(when, ent.organ, ent, criteria=crit)
        if ent.family in MALIGNANT_BY_FAMILY and rng.random() < 0.2:
            # "Leiomyoma. No evidence of leiomyosarcoma." The trap phrasing (misread as
            # affirmed) only without an earlier benign of the family and never reviewed later.
            mal = _entity(rng, MALIGNANT_BY_FAMILY[ent.family])
            earlier = any(
                e.entity is not None and e.entity.family == ent.family and e.entity.behavior < 2
                for e, _ in b.episodes
            )
            line = ph.diagnosis(mal, "negated", rng, trap=not earlier)
            ep.extra_dx.append(line)
            ep.no_review = line.text.startswith("Criteria")
        return ep
    fam2 = rng.choice(ALL_MALIGNANT_FAMILIES)
    ent = _entity(rng, MALIGNANT_BY_FAMILY[fam2])
    assertion = "uncertain" if rng.random() < 0.1 else "affirmed"
    crit = "malignant" if ent.family == "smooth_muscle" else None
    ep = Episode(when, ent.organ, ent, assertion, criteria=crit)
    others = [k for k in MALIGNANT_BY_FAMILY[fam2] if ENTITIES[k].code != ent.code]
    if others and rng.random() < 0.25:
        other = ENTITIES[rng.choice(others)]
        a, o = ph.name_of(ent, rng, safe=True), ph.name_of(other, rng, safe=True)
        ep.extra_dx.append(
            Frag(
                f"The differential diagnosis includes {a} versus {o}.",
                dx=((ent.code, "uncertain"), (other.code, "uncertain")),
            )
        )
    return ep


def _decorate(b: PatientBuilder) -> None:
    """Occasional addenda, concordant reviews and amended versions on existing reports
    (a patient keeps at most ``MAX_REPORTS`` report lines)."""
    rng = b.rng
    for ep, spec in list(b.episodes):
        r = rng.random()
        if len(b.specs) + len(b.amended) >= MAX_REPORTS:
            break
        if r < 0.04 and ep.entity is not None and spec.report_type == "original":
            b.addendum(spec, ep)
        elif (
            r < 0.07
            and ep.entity is not None
            and ep.assertion == "affirmed"
            and not ep.metastatic
            and not ep.no_review
        ):
            b.review(
                spec,
                ep.entity,
                "affirmed",
                criteria=ep.criteria,
                stains=None,
                safe=False,
                prior=ep.entity,
            )
        elif r < 0.095 and ep.entity is not None:
            b.amend(spec, ep, _sibling(rng, ep))
        elif r < 0.11:
            b.amend(spec, ep, None)


def _sibling(rng: Random, ep: Episode) -> Entity | None:
    """Another entity of the same family and class, for an amended diagnosis."""
    ent = ep.entity
    if ent is None or ent.family is None or ep.metastatic or ep.assertion != "affirmed":
        return None
    pool = BENIGN_BY_FAMILY if ent.behavior < 2 else MALIGNANT_BY_FAMILY
    keys = [k for k in pool.get(ent.family, ()) if ENTITIES[k].code != ent.code]
    return ENTITIES[rng.choice(keys)] if keys else None


def background(b: PatientBuilder) -> Built:
    when = b.start_date()
    for i in range(_n_reports(b.rng)):
        if i:
            when = b.later(when)
        b.original(_random_episode(b, when))
    _decorate(b)
    return b.built("background")


def fallback(b: PatientBuilder) -> Built:
    b.original(Episode(b.start_date(), "colon", None))
    return b.built("background")


def _filler_episodes(b: PatientBuilder, start: date, end: date) -> None:
    if b.rng.random() < 0.4 and (end - start).days > 200:
        mid = start + timedelta(days=b.rng.randint(60, (end - start).days - 60))
        b.original(Episode(mid, b.rng.choice(("colon", "skin", "uterus", "breast")), None))


def planted(b: PatientBuilder, kind: str) -> Built:
    rng = b.rng
    b.female()  # most planted families are gynaecological or breast; keep it simple
    t0 = b.start_date()
    if kind == "features":
        ent = ENTITIES[rng.choice(("leiomyoma", "leiomyoma", "cellular_leiomyoma"))]
        spec = b.original(Episode(t0, "uterus", ent, criteria="bwmf", safe=True))
        b.planted.append(
            ("benign_with_malignant_features", "smooth_muscle", spec.report_id, spec.report_id)
        )
        if rng.random() < 0.4:
            b.original(Episode(b.later(t0), rng.choice(("colon", "skin")), None))
        return b.built(f"planted:{kind}", "benign_with_malignant_features")
    if kind in ("benign_to_malignant", "phenotype"):
        if kind == "phenotype":
            fam = "smooth_muscle"
            benign = ENTITIES[rng.choice(("leiomyoma", "leiomyoma", "cellular_leiomyoma"))]
        else:
            fam = rng.choice(FAMILIES_WITH_BENIGN)
            benign = _entity(rng, BENIGN_BY_FAMILY[fam])
        crit = "benign" if fam == "smooth_muscle" else None
        # FLAG-RULES.md: these lineages need the same site or lesion, so the story recurs
        # at the benign tumour's site; smooth muscle and stromal ones may be distant
        same_site = fam not in ("smooth_muscle", "endometrial_stromal")
        label = rng.choice(ORGANS[benign.organ].specimens) if same_site else None
        prior = b.original(
            Episode(
                t0,
                benign.organ,
                benign,
                criteria=crit,
                safe=True,
                mention_priors=False,
                site_label=label,
            )
        )
        t1 = b.later(t0, 200, 3600)
        _filler_episodes(b, t0, t1)
        if kind == "phenotype":
            site, label = rng.choice([s for s in DISTANT_SITES if s[0] in ("bone", "lung", "soft")])
            pos = ("SMA", "desmin") + (("h-caldesmon",) if rng.random() < 0.5 else ())
            neg = ("S100", "CD117") + (("DOG1",) if rng.random() < 0.5 else ())
            mal = ENTITIES["spindle_sarcoma"]
            later = b.original(
                Episode(t1, site, mal, "affirmed", site_label=label, stains=(pos, neg), safe=True)
            )
        else:
            mal = _entity(rng, MALIGNANT_BY_FAMILY[fam])
            metastatic = rng.random() < 0.4 and not same_site
            assertion = "uncertain" if rng.random() < 0.3 else "affirmed"
            if metastatic:
                site, distant = rng.choice(DISTANT_SITES)
                later = b.original(
                    Episode(
                        t1, site, mal, assertion, metastatic=True, site_label=distant, safe=True
                    )
                )
            else:
                later = b.original(
                    Episode(
                        t1,
                        benign.organ if same_site else mal.organ,
                        mal,
                        assertion,
                        safe=True,
                        criteria="malignant" if fam == "smooth_muscle" else None,
                        site_label=label,
                    )
                )
        b.planted.append(("benign_to_malignant", fam, prior.report_id, later.report_id))
        return b.built(f"planted:{kind}", "benign_to_malignant")
    if kind == "review_upgrade":
        fam = rng.choice(FAMILIES_WITH_BENIGN)
        benign = _entity(rng, BENIGN_BY_FAMILY[fam])
        mal = _entity(rng, MALIGNANT_BY_FAMILY[fam])
        crit = "benign" if fam == "smooth_muscle" else None
        outside = b._place(outside=True)
        orig = b.original(
            Episode(t0, benign.organ, benign, criteria=crit, safe=True, mention_priors=False),
            place=outside,
        )
        assertion = "uncertain" if rng.random() < 0.25 else "affirmed"
        rev = b.review(
            orig,
            mal,
            assertion,
            criteria="malignant" if crit else None,
            stains=(mal.positive, mal.negative) if mal.positive else None,
            prior=benign,
        )
        b.planted.append(("review_discordance", fam, orig.report_id, rev.report_id))
        return b.built(f"planted:{kind}", "review_discordance")
    # review_downgrade: outside malignant call, review says benign
    fam = rng.choice(("smooth_muscle", "melanocytic", "phyllodes", "nerve_sheath", "adipocytic"))
    mal = _entity(rng, MALIGNANT_BY_FAMILY[fam])
    benign = _entity(rng, BENIGN_BY_FAMILY[fam])
    if fam == "smooth_muscle":
        benign = ENTITIES["cellular_leiomyoma"] if rng.random() < 0.5 else ENTITIES["leiomyoma"]
    orig = b.original(
        Episode(
            t0,
            mal.organ,
            mal,
            safe=True,
            mention_priors=False,
            criteria="malignant" if fam == "smooth_muscle" else None,
        ),
        place=b._place(outside=True),
    )
    extra = [ph.diagnosis(mal, "negated", rng, safe=True)] if rng.random() < 0.6 else []
    rev = b.review(
        orig,
        benign,
        "affirmed",
        criteria="benign" if fam == "smooth_muscle" else None,
        stains=None,
        extra=extra,
        prior=mal,
    )
    b.planted.append(("review_discordance", fam, orig.report_id, rev.report_id))
    return b.built(f"planted:{kind}", "review_discordance")


def control(b: PatientBuilder, kind: str) -> Built:
    """Near misses: each looks like a discrepancy but no flag rule holds."""
    rng = b.rng
    b.female()
    t0 = b.start_date()
    t1 = b.later(t0, 200, 3000)
    fam = rng.choice(FAMILIES_WITH_BENIGN)
    benign = _entity(rng, BENIGN_BY_FAMILY[fam])
    mal = _entity(rng, MALIGNANT_BY_FAMILY[fam])
    crit_b = "benign" if fam == "smooth_muscle" else None
    crit_m = "malignant" if fam == "smooth_muscle" else None
    if kind == "malignant_then_benign":
        b.original(Episode(t0, mal.organ, mal, criteria=crit_m))
        b.original(Episode(t1, benign.organ, benign, criteria=crit_b))
    elif kind == "different_lineage":
        other = rng.choice([f for f in ALL_MALIGNANT_FAMILIES if f != fam])
        mal2 = _entity(rng, MALIGNANT_BY_FAMILY[other])
        b.original(Episode(t0, benign.organ, benign, criteria=crit_b))
        b.original(
            Episode(
                t1,
                mal2.organ,
                mal2,
                criteria="malignant" if mal2.family == "smooth_muscle" else None,
            )
        )
    elif kind in ("negated_later", "hypothetical_later", "family_later", "history_only_later"):
        b.original(Episode(t0, benign.organ, benign, criteria=crit_b, mention_priors=False))
        later = Episode(t1, benign.organ, rng.choice((None, benign)), criteria=None)
        if later.entity is not None and fam == "smooth_muscle":
            later.criteria = "benign"
        if kind == "negated_later":
            later.extra_dx = [ph.diagnosis(mal, "negated", rng, safe=True)]
        else:
            assertion = {
                "hypothetical_later": "hypothetical",
                "family_later": "family",
                "history_only_later": "historical",
            }[kind]
            later.extra_history = [ph.history(mal, assertion, rng, t0.year, cued=True)]
        b.original(later, place=b.home)
    elif kind == "near_miss_features":
        ent = ENTITIES[rng.choice(("leiomyoma", "cellular_leiomyoma"))]
        b.original(Episode(t0, "uterus", ent, criteria="near"))
    elif kind == "phenotype_other_lineage":
        leio = ENTITIES["leiomyoma"]
        b.original(Episode(t0, "uterus", leio, criteria="benign"))
        site, label = rng.choice([s for s in DISTANT_SITES if s[0] in ("bone", "lung", "soft")])
        stains = rng.choice(
            (
                (("SMA", "desmin", "CD117"), ("S100",)),
                (("S100", "SOX10", "HMB-45"), ("SMA", "desmin")),
                (("MDM2",), ("SMA", "desmin")),
            )
        )
        b.original(Episode(t1, site, ENTITIES["spindle_sarcoma"], site_label=label, stains=stains))
    elif kind == "in_situ_later":
        nevus = ENTITIES[rng.choice(("nevus", "dysplastic_nevus"))]
        b.original(Episode(t0, "skin", nevus))
        b.original(Episode(t1, "skin", ENTITIES["melanoma_in_situ"]))
    elif kind == "concordant_review":
        orig = b.original(
            Episode(t0, benign.organ, benign, criteria=crit_b), place=b._place(outside=True)
        )
        b.review(orig, benign, "affirmed", criteria=crit_b, stains=None, prior=benign)
    else:  # premalignant_then_carcinoma: a borderline (/1) tumour is neither benign nor
        # malignant (FLAG-RULES.md), so serous carcinoma after it raises nothing
        b.original(Episode(t0, "ovary", ENTITIES["serous_borderline"]))
        b.original(Episode(t1, "ovary", ENTITIES["serous_ca"]))
    return b.built(f"control:{kind}")
