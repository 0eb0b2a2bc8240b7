"""Assertions and codes for BSJ error classes; every row is our own sentence.

- A clinical or material line that attributes a diagnosis to another specimen (a year before
  the procedure, "previous core ...:", "on second opinion", "diagnosed on <any> biopsy", an
  accession that is not the report's own) is that specimen's diagnosis: historical.
- In a review or consult, a mention whose clause names an accession that is neither the
  report's own nor the reviewed one (the first other accession printed) is that other
  specimen's diagnosis: historical (flag set 12 class: a review confirming a 2017 schwannoma
  that names the "current right thigh MPNST (2022/...)" is no upgrade).
- "Original conclusion quoted:" opens a quoted (historical) diagnosis.
- Conditional statements ("should be considered if", "would be revised to") are hypothetical.
- A bracketed aside does not use up a backward cue's reach ("features of X (...) are absent").
- A sarcoma subtype written after it ("Leiomyosarcoma, myxoid type") takes the subtype code;
  "serous-like" is not serous.
"""

from __future__ import annotations

import re

import pytest

from pathmine.nlp import Extractor

ROWS = [
    pytest.param(
        "Clinical: Regrowth at the scar of a 2016 excision (benign phyllodes tumour), left breast.",
        [("9020/0", "historical")],
        id="year-before-procedure",
    ),
    pytest.param(
        "Material: Left breast lump excision (previous core 2019, QX-19/0412: fibroadenoma).",
        [("9010/0", "historical")],
        id="previous-core-label",
    ),
    pytest.param(
        "History: Myomectomy 2017; cellular leiomyoma on expert review (ZZ-REV-17-044).",
        [("8892/0", "historical")],
        id="on-expert-review",
    ),
    pytest.param(
        "Clinical: Serous carcinoma diagnosed on omental core biopsy, after chemotherapy.",
        [("8441/3", "historical")],
        id="diagnosed-on-any-biopsy",
    ),
    pytest.param(
        "Reason for review: metastatic leiomyosarcoma in liver core HP21-3345.",
        [("8890/6", "historical")],
        id="cited-accession-in-clause",
    ),
    pytest.param(
        "Lab No: Q22-00871\nClinical: menorrhagia; leiomyoma, hysterectomy Q22-00871.",
        [("8890/0", "affirmed")],
        id="own-accession-is-not-another-specimen",
    ),
    pytest.param(
        "SLIDE REVIEW\nReview No: QR-23-0412\nMaterial: slides of QX-19/0412 (uterus, 2019)."
        "\n\nOPINION\nLeiomyoma, confirmed. The current pelvic leiomyosarcoma (QX-23/1187) is"
        " a separate tumour.",
        [("8890/0", "affirmed"), ("8890/3", "historical")],
        id="review-names-another-specimen",
    ),
    pytest.param(
        "SLIDE REVIEW\nReview No: QR-23-0412\nMaterial: slides of QX-19/0412 (uterus, 2019)."
        "\n\nOPINION\nQX-19/0412, uterus: leiomyosarcoma.",
        [("8890/3", "affirmed")],
        id="review-names-the-reviewed-specimen",
    ),
    pytest.param(
        "CONSULTATION REPORT\nOur ref: KC-24-0077\nYour ref: 2018/44512 (left thigh excision)."
        "\n\nOPINION\nNeurofibroma. Unrelated to the schwannoma excised from the right arm"
        " (2021/30917).",
        [("9540/0", "affirmed"), ("9560/0", "historical")],
        id="consult-numeric-laboratory-numbers",
    ),
    pytest.param(
        'Original conclusion quoted: "Leiomyoma, 6 cm."',
        [("8890/0", "historical")],
        id="original-conclusion-quoted",
    ),
    pytest.param(
        'ORIGINAL DIAGNOSIS (Lakeside Clinic, signed 02/11/2020): "Leiomyoma, 6 cm."',
        [("8890/0", "historical")],
        id="quoted-header-with-a-long-qualifier",
    ),
    pytest.param(
        'Diagnóstico original / Original diagnosis (Hospital Sur): "Leiomyosarcoma."',
        [("8890/3", "historical")],
        id="bilingual-quoted-header",
    ),
    pytest.param(
        "Reason for review: metastatic leiomyosarcoma in liver (HP21-S-3345).",
        [("8890/6", "historical")],
        id="cited-accession-with-a-letter-part",
    ),
    pytest.param(
        "Intravenous leiomyomatosis should be considered if vascular plugs are seen at surgery.",
        [("8890/1", "hypothetical")],
        id="should-be-considered-if",
    ),
    pytest.param(
        "If MDM2 is amplified, the diagnosis would be changed to atypical lipomatous tumour.",
        [("8851/3", "hypothetical")],
        id="would-be-changed-to",
    ),
    pytest.param(
        "Features of leiomyosarcoma (diffuse atypia, tumour cell necrosis) are absent.",
        [("8890/3", "negated")],
        id="aside-inside-backward-reach",
    ),
    pytest.param(
        "Diagnosis: Leiomyosarcoma, epithelioid type.",
        [("8891/3", "affirmed")],
        id="subtype-after-comma",
    ),
    pytest.param(
        "Diagnosis: Liposarcoma (pleomorphic variant).",
        [("8854/3", "affirmed")],
        id="subtype-in-brackets",
    ),
    pytest.param(
        "Diagnosis: Leiomyosarcoma with myxoid change.",
        [("8890/3", "affirmed")],
        id="stromal-change-is-not-a-subtype",
    ),
    pytest.param(
        "Diagnosis: monophasic synovial sarcoma.",
        [("9041/3", "affirmed")],
        id="monophasic-synovial",
    ),
    pytest.param(
        "An adenocarcinoma with mucinous-like glands.",
        [("8140/3", "affirmed")],
        id="type-like-is-not-the-type",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_code_and_assertion(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the current MPNST (2022/118804)", ["2022/118804"]),
        ("Lab Ref 2017/33104 (left neck)", ["2017/33104"]),
        ("scans 2019/2020", []),  # a year range: five digits after the slash are required
        ("2022/11/30", []),
    ],
)
def test_numeric_laboratory_numbers_are_accessions(
    extractor: Extractor, text: str, found: list[str]
) -> None:
    cues = extractor.rules.sections.clinical_prior_specimen
    assert cues is not None and cues.cited_accession is not None
    assert re.findall(cues.cited_accession, text) == found
