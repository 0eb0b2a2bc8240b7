"""Assertions and codes for BSJ error classes; every row is our own sentence.

- A clinical or material line that attributes a diagnosis to another specimen (a year before
  the procedure, "previous core ...:", "on second opinion", "diagnosed on <any> biopsy", an
  accession that is not the report's own) is that specimen's diagnosis: historical.
- "Original conclusion quoted:" opens a quoted (historical) diagnosis.
- Conditional statements ("should be considered if", "would be revised to") are hypothetical.
- A bracketed aside does not use up a backward cue's reach ("features of X (...) are absent").
- A sarcoma subtype written after it ("Leiomyosarcoma, myxoid type") takes the subtype code;
  "serous-like" is not serous.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor, default_extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


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
