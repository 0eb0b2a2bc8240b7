"""Review and amendment wording found on the fourth blind flag set (examples are our own):
the report type a review or reference report gets from its text, the own-diagnosis headers
of reviews and amended reports, and a differential considered and then set aside."""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Department of Histopathology - REPORT ON REVIEWED MATERIAL\nLab No: X1", "review"),
        ("Reference review of slides from case Q-19-2201\n", "review"),
        ("REFERENCE PATHOLOGY REPORT\nUnser Zeichen: K-2020-11\n", "review"),
        ("Department of Pathology - Consultation (Outside Material)\n", "consult"),
        ("SURGICAL PATHOLOGY REPORT\nSpecimen: uterus\n", "original"),
    ],
)
def test_review_report_types(extractor: Extractor, head: str, expected: str) -> None:
    assert extractor.infer_report_type(head + "DIAGNOSIS: leiomyoma.") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "PREVIOUS DIAGNOSIS (2020-02-01): Leiomyosarcoma - withdrawn.\n\n"
            "AMENDED FINAL DIAGNOSIS:\nUterus: CELLULAR LEIOMYOMA.",
            {("8890/3", "historical"), ("8892/0", "affirmed")},
            id="amended-final-diagnosis-is-the-own-voice",
        ),
        pytest.param(
            "ORIGINAL REPORT (S20-1001): leiomyoma.\n\n"
            "CONCLUSION ON REVIEW: Uterus (S20-1001) - LEIOMYOSARCOMA.",
            {("8890/0", "historical"), ("8890/3", "affirmed")},
            id="conclusion-on-review-is-the-own-voice",
        ),
        pytest.param(
            "COMMENT: Leiomyosarcoma was considered because of the size, but mitoses are"
            " scarce.\nDIAGNOSIS: Cellular leiomyoma.",
            {("8890/3", "negated"), ("8892/0", "affirmed")},
            id="considered-then-but",
        ),
        pytest.param(
            "COMMENT: Leiomyosarcoma was considered. Atypia is severe.",
            {("8890/3", "uncertain")},  # in the differential: a hedge (BSP), not negated
            id="considered-without-but-is-not-negated",
        ),
        # "X is excluded by ...", "X and Y are excluded", "stains rule out X"
        pytest.param(
            "COMMENT: Low-grade endometrial stromal sarcoma with intravascular growth is"
            " excluded (CD10 negative).",
            {("8931/3", "negated")},
            id="is-excluded-over-the-clause",
        ),
        pytest.param(
            "COMMENT: Epithelioid leiomyosarcoma and leiomyoma with bizarre nuclei are excluded"
            " by the immunoprofile.",
            {("8891/3", "negated"), ("8893/0", "negated")},
            id="are-excluded-by",
        ),
        pytest.param(
            "COMMENT: Desmin and h-caldesmon expression rule out gastrointestinal stromal tumour.",
            {("8936/3", "negated")},
            id="evidence-rules-out",
        ),
        pytest.param("Clinical: rule out leiomyosarcoma.", {("8890/3", "uncertain")}, id="request"),
        # a consult letter quoting the referring pathologist
        pytest.param(
            "Your diagnosis: cellular leiomyoma.\n\nOUR DIAGNOSIS: Leiomyosarcoma.",
            {("8892/0", "historical"), ("8890/3", "affirmed")},
            id="your-diagnosis-header",
        ),
        pytest.param(
            "Thank you for sending this uterine tumour, which you diagnosed as cellular"
            " leiomyoma.\nDIAGNOSIS: Leiomyosarcoma.",
            {("8892/0", "historical"), ("8890/3", "affirmed")},
            id="which-you-diagnosed-as",
        ),
        pytest.param(
            "DIAGNOSIS OF ORIGIN (H-22-0101): Epithelioid leiomyoma.\n"
            "REVIEW DIAGNOSIS: Epithelioid leiomyosarcoma.",
            {("8891/0", "historical"), ("8891/3", "affirmed")},
            id="diagnosis-of-origin",
        ),
        # a header in a non-Latin script before its English twin
        pytest.param(
            "臨床診断 Clinical diagnosis: uterine mass (biopsy: leiomyosarcoma).\n"
            "DIAGNOSIS: Leiomyosarcoma.",
            {("8890/3", "historical"), ("8890/3", "affirmed")},
            id="non-latin-header-prefix",
        ),
    ],
)
def test_review_voices(extractor: Extractor, text: str, expected: set[tuple[str, str]]) -> None:
    assert {(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "KLINISCHE GEGEVENS / CLINICAL DATA:\nMyoma.\nMICROSCOPIE:\nSmooth muscle tumour.\n"
            "CONCLUSIE / CONCLUSION:\nCellular leiomyoma.\n",
            [
                ("8890/0", "clinical_history"),
                ("8897/1", "microscopic"),
                ("8892/0", "final_diagnosis"),
            ],
            id="bilingual-headers-other-language-first",
        ),
        pytest.param(
            "CLINICAL DATA / DADOS CLINICOS:\nFibroid.\nDIAGNOSIS / DIAGNÓSTICO:\nLeiomyoma.\n",
            [("8890/0", "clinical_history"), ("8890/0", "final_diagnosis")],
            id="bilingual-headers-english-first",
        ),
        pytest.param(
            "Klinisk info: ?naevus.\nMikro: compound naevus.\nKonklusjon: Compound naevus.\n",
            [
                ("8720/0", "clinical_history"),
                ("8720/0", "microscopic"),
                ("8720/0", "final_diagnosis"),
            ],
            id="scandinavian-headers",
        ),
        pytest.param(
            "Ki-67 / MIB-1: 5%. Leiomyoma.\n",
            [("8890/0", None)],
            id="a-slash-inside-a-line-is-no-header",
        ),
    ],
)
def test_section_headers_in_other_languages(
    extractor: Extractor, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(d.icdo3, d.section) for d in extractor.extract(text).diagnoses] == expected


@pytest.mark.parametrize(
    ("head", "own"),
    [
        ("Our no.: LSR19-0772     Referred by: Dr S. Haig\n", "LSR19-0772"),
        ("Ons nummer (our no.): C18-00531\nUw kenmerk (your ref.): T16-08412\n", "C18-00531"),
        ("T-nummer: T16-08412     Aanvrager: drs. M. Koster\n", "T16-08412"),
        ("Rekv.nr.: P19-23871     Rekvirent: Dr K. Lund\n", "P19-23871"),
        ("Prøvenr.: VF17-2281     Rekvirent: Gyn\n", "VF17-2281"),
    ],
)
def test_own_accession_labels(extractor: Extractor, head: str, own: str) -> None:
    assert extractor.extract(head + "DIAGNOSIS: leiomyoma.").accession == own


@pytest.mark.parametrize(
    "head",
    [
        "Pasient-ID: VF-0228417     Prøvenr.: VF17-2281\n",
        "CPR: 120371-AB18     Rekv.nr.: P19-23871\n",
        "Fødselsnr.: 140279-AB441   Prøvenr.: VF17-2281\n",
    ],
)
def test_national_patient_ids_are_never_cited_accessions(extractor: Extractor, head: str) -> None:
    extraction = extractor.extract(head + "DIAGNOSIS: leiomyoma.")
    assert extraction.cited_accessions == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Comment: Leiomyosarcoma was considered in the differential diagnosis and is excluded:"
            " there is no necrosis.",
            {("8890/3", "negated")},
            id="considered-and-excluded",
        ),
        pytest.param(
            "SARCOMA REFERENCE PATHOLOGY - SPECIALIST OPINION\nDiagnosis: leiomyoma.",
            {("8890/0", "affirmed")},
            id="service-title-is-no-mention",
        ),
    ],
)
def test_review_assertions(extractor: Extractor, text: str, expected: set[tuple[str, str]]) -> None:
    assert {(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses} == expected


def test_specialist_opinion_is_a_review_and_dates_its_specimen(extractor: Extractor) -> None:
    text = (
        "SARCOMA REFERENCE PATHOLOGY - SPECIALIST OPINION\nMATERIAL RECEIVED:\n9 slides from a"
        " hysterectomy and bilateral salpingo-oophorectomy performed at Deeside Infirmary on"
        " 14 March 2015.\nOPINION: Leiomyosarcoma."
    )
    extraction = extractor.extract(text)
    assert extractor.infer_report_type(text) == "review"
    assert [d.isoformat() for d in extraction.cited_dates] == ["2015-03-14"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "CLINICAL HISTORY:\nTAH/BSO June 2021 (Q21/0442) for endometrioid adenocarcinoma.",
            {("8380/3", "historical")},
            id="procedure-year-accession-for",
        ),
        pytest.param(
            "CLINICAL HISTORY:\nLeft mastectomy March 2022 (HP/22/118) for malignant phyllodes"
            " tumour.",
            {("9020/3", "historical")},
            id="any-ectomy-year-for",
        ),
        pytest.param(
            "CLINICAL HISTORY:\nStatus after excision 2020 for atypical lipomatous tumour.",
            {("8851/3", "historical")},
            id="status-after",
        ),
        pytest.param(
            "COMMENT: A cellular leiomyoma was considered; the infiltrative border argues against"
            " this.",
            {("8892/0", "negated")},
            id="considered-then-argues-against-this",
        ),
        pytest.param(
            "COMMENT: Should FISH be negative, a leiomyosarcoma would need to be considered.",
            {("8890/3", "hypothetical")},
            id="would-need-to-be-considered",
        ),
        pytest.param(
            "COMMENT: The alternative of an angiosarcoma raised by the referring pathologist is"
            " therefore excluded.",
            {("9120/3", "negated")},
            id="is-therefore-excluded-reaches-far",
        ),
        pytest.param(
            "CLINICAL: Schwannoma?\nDIAGNOSIS: Neurofibroma.",
            {("9560/0", "uncertain"), ("9540/0", "affirmed")},
            id="trailing-question-mark",
        ),
        pytest.param(
            "Servicio: Traumatologia - Unidad de Sarcomas\nDIAGNOSIS: Lipoma.",
            {("8850/0", "affirmed")},
            id="unit-of-sarcomas-is-a-service",
        ),
    ],
)
def test_blind_set_assertion_wording(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses} == expected


def test_institution_code_before_a_header_is_the_consultants_own_voice(
    extractor: Extractor,
) -> None:
    text = (
        "OUTSIDE DIAGNOSIS: Leiomyoma.\n\nHUMC DIAGNOSIS:\nUterus: STUMP.\n"
        "CLINICAL DIAGNOSIS: fibroid\n"
    )
    found = [(d.icdo3, d.assertion, d.section) for d in extractor.extract(text).diagnoses]
    assert found == [
        ("8890/0", "historical", "quoted_diagnosis"),
        ("8897/1", "affirmed", "final_diagnosis"),
        ("8890/0", "affirmed", "clinical_history"),
    ]


def test_a_line_ending_inside_parentheses_continues(extractor: Extractor) -> None:
    text = (
        "ANCILLARY - FISH ... MDM2 (12q15) FISH, block A4 (referral laboratory, report dated\n"
        "                     05/09/2021): AMPLIFIED, ratio 5.8.\n"
    )
    assert [(f.name, f.value) for f in extractor.extract(text).features] == [
        ("mdm2_amplified", "true")
    ]


@pytest.mark.parametrize(
    ("heading", "site"),
    [
        ("Left forearrn (ulnar nerve), excision:", "left arm"),
        ("Left 0vary, oophorectomy:", "left ovary"),
        ("Sternum, biopsy:", None),  # "rn" stays when the repaired word is no site
    ],
)
def test_site_words_read_through_ocr_slips(
    extractor: Extractor, heading: str, site: str | None
) -> None:
    extractor.load()
    assert extractor._sites.normalize(heading) == site


@pytest.mark.parametrize(
    "head",
    [
        "Hosp. No: UHUTH/0083142\n",
        "Hospital No.: RQ-449120\n",
        "HOSP NR: HX/22/0091\n",
        "Name: Hinemoa Rose     NHI: ZAB1234\n",
        "Folder No: KB-2231871\n",
        "Reg. No.: PK-88120-A\n",
        "SNOMED: T-83000, M-88900\n",
    ],
)
def test_hospital_numbers_with_a_period_are_never_cited(extractor: Extractor, head: str) -> None:
    extraction = extractor.extract(head + "Lab No: UH/S/19/2604\nDIAGNOSIS: leiomyoma.")
    assert extraction.cited_accessions == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "AMENDED DIAGNOSIS: Atypical lipomatous tumour. The earlier diagnosis of lipoma is"
            " withdrawn.",
            {("8851/3", "affirmed"), ("8850/0", "negated")},
            id="earlier-diagnosis-withdrawn-is-negated",
        ),
        pytest.param(
            "AMENDED: The earlier diagnosis of lipoma was reported on 2 May.",
            {("8850/0", "historical")},
            id="earlier-diagnosis-of-is-quoted",
        ),
        pytest.param(
            "REVIEW: The diagnosis of cellular leiomyoma is upheld.",
            {("8892/0", "affirmed")},
            id="an-upheld-diagnosis-stays-affirmed",
        ),
    ],
)
def test_superseded_wording(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses} == expected


@pytest.mark.parametrize(
    ("head", "own"),
    [
        ("HPE No. : S-3920/19     Date of receipt : 02-07-2019\n", "S-3920/19"),
        ("Lab Ref No.  : HP/4471/16      Ref. Dr : Dr. A. Deshpande\n", "HP/4471/16"),
    ],
)
def test_more_own_accession_labels(extractor: Extractor, head: str, own: str) -> None:
    assert extractor.extract(head + "IMPRESSION: Leiomyoma.").accession == own


def test_a_named_month_date_is_a_cited_date_not_an_accession(extractor: Extractor) -> None:
    text = (
        "CONSULTATION\nOPINION (hysterectomy specimen of 04-Aug-2016):\nUTERUS: LEIOMYOSARCOMA.\n"
    )
    extraction = extractor.extract(text)
    assert extraction.cited_accessions == ()
    assert [d.isoformat() for d in extraction.cited_dates] == ["2016-08-04"]


def test_a_withdrawn_provisional_diagnosis_is_negated(extractor: Extractor) -> None:
    text = (
        "ADDENDUM:\nOMENTAL NODULE - PARASITIC LEIOMYOMA.\nThe favoured diagnosis of"
        " leiomyosarcoma given in the provisional report is WITHDRAWN.\n"
    )
    found = {(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses}
    assert found == {("8890/0", "affirmed"), ("8890/3", "negated")}


def test_mdm2_amplification_read_through_ocr(extractor: Extractor) -> None:
    text = "FISH for MDM2 on block 4:\nMDM2 AMPLIFICATI0N DETECTED (ratio 5.8).\n"
    assert ("mdm2_amplified", "true") in {
        (f.name, f.value) for f in extractor.extract(text).features
    }


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        pytest.param(
            "MICROSCOPIC: Invasive adenocarcinoma.\nDIAGNOSIS: Caecum, biopsy - ADENOCARCINOMA.\n",
            ["right colon", "right colon"],
            id="diagnosis-line-names-the-one-specimen",
        ),
        pytest.param(
            "DIAGNOSIS: Right hemicolectomy - ADENOCARCINOMA of caecum.\n",
            ["right colon"],
            id="a-side-is-not-added-to-right-colon",
        ),
        pytest.param(
            "Total abdominal hysterectomy with bilateral salpingo-oophorectomy:\n"
            "- Leiomyomata of uterus (intramural, 6.2 cm).\n",
            ["uterus"],
            id="the-site-a-mention-names-beats-a-multi-organ-heading",
        ),
        pytest.param(
            "A. Left ovary:\nSerous carcinoma in the left ovary and tube.\n",
            ["left ovary"],
            id="the-first-attached-site",
        ),
    ],
)
def test_colon_sites(extractor: Extractor, text: str, sites: list[str]) -> None:
    assert [d.site for d in extractor.extract(text).diagnoses] == sites
