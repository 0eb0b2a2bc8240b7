"""Reports written wholly in another language (flag set 12 / BSL class; our own sentences).

A German hysterectomy signed out as "Leiomyome", a Czech addendum that excludes a
"leiomyosarkom", a Swedish "låggradigt endometriestromasarkom": the lexicon carries each
concept's names in the languages archives are written in (``translations``), ConText their
negation, hedge, history and family cues, the sectionizer their headers, and the report facts
their number labels and addendum headings. A name one letter from the English one is left to
the OCR repair, so an English OCR truncation keeps its phrase.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

DIAGNOSES = [
    pytest.param(
        "Diagnose: Uterus myomatosus mit drei intramuralen Leiomyomen.",
        [("8890/0", "affirmed")],
        id="german-leiomyomas",
    ),
    pytest.param(
        "Die Kriterien eines Leiomyosarkoms sind nicht erfüllt.",
        [("8890/3", "negated")],
        id="german-criteria-not-met",
    ),
    pytest.param("Klinik: V.a. Liposarkom.", [("8850/3", "uncertain")], id="german-v-a"),
    pytest.param(
        "Conclusie: recidief leiomyosarcoom van het peritoneum.",
        [("8890/3", "affirmed")],
        id="dutch-lms",
    ),
    pytest.param(
        "Geen aanwijzingen voor een leiomyosarcoom.", [("8890/3", "negated")], id="dutch-geen"
    ),
    pytest.param(
        "Závěr: Diferenciální diagnóza zahrnuje celulární leiomyom a leiomyosarkom.",
        [("8892/0", "uncertain"), ("8890/3", "uncertain")],
        id="czech-differential",
    ),
    pytest.param("Leiomyosarkom je vyloučen.", [("8890/3", "negated")], id="czech-excluded"),
    pytest.param(
        "Conclusion : tumeur phyllode bénigne du sein gauche.",
        [("9020/0", "affirmed")],
        id="french-phyllodes",
    ),
    pytest.param(
        "Ganglions sentinelles : négatifs pour carcinome (0/3).",
        [("8010/3", "negated")],
        id="french-negative-for",
    ),
    pytest.param(
        "Diagnóstico: tumor filodes maligno recidivante.",
        [("9020/3", "affirmed")],
        id="spanish-phyllodes",
    ),
    pytest.param(
        "Conclusão: melanoma maligno de extensão superficial.",
        [("8720/3", "affirmed")],
        id="portuguese-melanoma",
    ),
    pytest.param(
        "Utlåtande: Låggradigt endometriestromasarkom.",
        [("8931/3", "affirmed")],
        id="swedish-lgess",
    ),
    pytest.param("Inga tecken på malignt melanom.", [("8720/3", "negated")], id="swedish-negated"),
    pytest.param(
        "Diagnose: zellreiches Leiomyom.", [("8892/0", "affirmed")], id="german-one-edit-name"
    ),
    pytest.param(
        "INVASIVE SQUAMOUS CELL CARCINOM A.",
        [("8070/3", "affirmed")],
        id="english-ocr-truncation-keeps-its-phrase",
    ),
    pytest.param("SARCOOM EXPERTISECENTRUM NOORD", [], id="dutch-centre-name"),
    pytest.param(
        "PAD: Låggradigt endometriellt stromacellssarkom, uterus.",
        [("8931/3", "affirmed")],
        id="swedish-lgess-stromacell",
    ),
    pytest.param(
        "De diagnose STUMP wordt niet bevestigd.", [("8897/1", "negated")], id="not-confirmed"
    ),
    pytest.param("Clinical: GIST suspected.", [("8936/3", "uncertain")], id="hedge-after"),
    pytest.param(
        "Klinik: Rundherd (? bronchial carcinoma)", [("8010/3", "uncertain")], id="query-in-bracket"
    ),
    pytest.param("Diagnose: Mammakarzinom.", [("8010/3", "affirmed")], id="german-compound"),
    pytest.param(
        "Diagnose: Weichteilsarkom.", [("8800/3", "affirmed")], id="german-compound-sarco"
    ),
    pytest.param(
        "Deres diagnose: karsinom.\n\nVår konklusjon:\nLymfeknute: metastatic melanoma.",
        [("8010/3", "historical"), ("8720/6", "affirmed")],
        id="norwegian-our-conclusion",
    ),
    pytest.param(
        "Distinction between endometrial stromal nodule and low-grade endometrial stromal"
        " sarcoma is not possible on this material.",
        [("8930/0", "uncertain"), ("8931/3", "uncertain")],
        id="distinction-between",
    ),
    pytest.param(
        "Outside endometrial biopsy 03/2021 (XY21-0387): high-grade carcinoma, favor serous.",
        [("8010/3", "historical"), ("8441/3", "historical")],
        id="outside-biopsy-label",
    ),
    pytest.param(
        "Hysterektomie 2016 auswärts (dort: Leiomyom mit bizarren Kernen).",
        [("8893/0", "historical")],
        id="german-there-colon",
    ),
    pytest.param("Uw diagnose: leiomyoom.", [("8890/0", "historical")], id="dutch-your-diagnosis"),
    pytest.param(
        "0/9 ganglioni limfatici, negativi pentru carcinom metastatic.",
        [("8010/6", "negated")],
        id="romanian-negative-for",
    ),
    pytest.param(
        "Antecedentes: Fibroadenoma de mama izquierda extirpado en 2015.",
        [("9010/0", "historical")],
        id="removed-in-a-year",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIAGNOSES)
def test_diagnosis(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    pairs = [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses]
    assert list(dict.fromkeys(pairs)) == expected


def test_a_bracketed_translation_header_starts_its_section(extractor: Extractor) -> None:
    text = (
        "MİKROSKOPİ (Microscopy): Highly cellular smooth muscle tumour.\n\n"
        "TANI (Diagnosis): Uterus, myomectomy: Cellular leiomyoma."
    )
    sections = [(d.icdo3, d.section) for d in extractor.extract(text).diagnoses]
    assert sections == [("8897/1", "microscopic"), ("8892/0", "final_diagnosis")]


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        (
            "Mikroskopie: Lebergewebe, destruierend infiltriert von einer spindelzelligen"
            " Neoplasie.",
            "infiltrative_growth",
            "present",
        ),
        ("FISH : amplification du gène MDM2 mise en évidence.", "mdm2_amplified", "true"),
        ("  Stromal atypia ......................... marked", "atypia", "severe"),
        ("  Tumor border ........................... permeative", "infiltrative_growth", "present"),
    ],
)
def test_features(extractor: Extractor, text: str, name: str, value: str) -> None:
    assert (name, value) in [(f.name, f.value) for f in extractor.extract(text).features]


@pytest.mark.parametrize(
    ("head", "own"),
    [
        ("Číslo biopsie: B 2024/1187\n", "B 2024/1187"),
        ("Nr. înregistrare: HP 4471/2017\n", "HP 4471/2017"),
        ("PAD-nr: N10-04412\n", "N10-04412"),
        ("N° d'examen : P21.04418\n", "P21.04418"),
        ("Accession No: SP 23 1712                 Patient: DOE,JANE\n", "SP 23 1712"),
    ],
)
def test_own_number(extractor: Extractor, head: str, own: str) -> None:
    assert extractor.extract(head + "Diagnosis: leiomyoma.").accession == own


def test_quoted_original_ends_at_a_revision_header(extractor: Extractor) -> None:
    text = (
        "Oorspronkelijke diagnose: STUMP.\n\n"
        "Revisie-bevindingen:\nDiffuse ernstige kernatypie.\n\n"
        "Conclusie revisie:\nUterus, myomectomie: leiomyosarcoom, 8 cm.\n"
    )
    pairs = [(d.icdo3, d.assertion, d.section) for d in extractor.extract(text).diagnoses]
    assert pairs == [
        ("8897/1", "historical", "quoted_diagnosis"),
        ("8890/3", "affirmed", "final_diagnosis"),
    ]


def test_a_swedish_collection_label(extractor: Extractor) -> None:
    text = "PAD-nr: N10-04412\nProvtagningsdatum: 2010-05-18     Ankomstdatum: 2010-05-19\n"
    assert [d.isoformat() for d in extractor.extract(text).collection_dates] == ["2010-05-18"]


def test_a_czech_addendum_heading(extractor: Extractor) -> None:
    text = "DODATEK K BIOPTICKÉMU VYŠETŘENÍ B 2024/1187 (odběr 20.02.2024)\nDesmin pozitivní.\n"
    facts = extractor.extract(text)
    assert facts.inferred_report_type == "addendum"
    assert facts.accession == "B 2024/1187"


def test_a_french_collection_label(extractor: Extractor) -> None:
    text = "N° d'examen : H21-2407\nPrélèvement du : 12/05/2021     Reçu le : 12/05/2021\n"
    # day and month are ambiguous here: both readings are kept for the timeline to match
    assert "2021-05-12" in [d.isoformat() for d in extractor.extract(text).collection_dates]
