"""A type named only as a descriptor ("with serous, clear cell and undifferentiated features",
"features of both X and Y") is uncertain; the broad term beside it stands (ANNOTATION.md
section 3: "features of X" used as a descriptor). Examples are our own sentences."""

from __future__ import annotations

import pytest

from helpers import diagnosis_pairs
from pathmine.nlp import Extractor


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Carcinoma of the corpus with serous, clear cell and undifferentiated features.",
            {("8010/3", "affirmed"), ("8441/3", "uncertain"), ("8310/3", "uncertain")},
            {("8441/3", "affirmed"), ("8310/3", "affirmed")},
        ),
        (
            "HIGH GRADE ADENOCARCINOMA WITH ENDOMETRIOID, SEROUS AND CLEAR CELL FEATURES.",
            {("8140/3", "affirmed"), ("8380/3", "uncertain"), ("8441/3", "uncertain")},
            {("8380/3", "affirmed"), ("8441/3", "affirmed")},
        ),
        (
            "Adenocarcinoma with focal mucinous/signet ring cell features.",
            {("8140/3", "affirmed"), ("8480/3", "uncertain")},
            {("8480/3", "affirmed")},
        ),
        (
            "The tumour has features of both serous and high-grade endometrioid carcinoma.",
            {("8380/3", "uncertain")},
            {("8380/3", "affirmed")},
        ),
        # a descriptor after the type does not hedge the type itself
        (
            "Adenocarcinoma, endometrioid type, with squamous features.",
            {("8380/3", "affirmed")},
            {("8380/3", "uncertain")},
        ),
    ],
)
def test_types_named_as_descriptors(
    extractor: Extractor,
    text: str,
    expected: set[tuple[str, str]],
    absent: set[tuple[str, str]],
) -> None:
    pairs = diagnosis_pairs(extractor, text)
    assert expected <= pairs
    assert not (absent & pairs)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Gastrointestinal stromal tumour, spindle cell type, 3.1 cm, very low risk.", "8936/1"),
        ("- GIST, EPITHELIOID TYPE, 4.6 CM,\n  LOW RISK (3 MITOSES / 5 MM2).", "8936/1"),
        ("GIST, 2.9 cm, mitoses 1/5 mm2; low risk of progression (Miettinen).", "8936/1"),
        ("GASTR0INTESTINAL STR0MAL TUM0UR, 2.2 crn, VERY L0W RISK.", "8936/1"),
        ("GIST, 6 cm. Risk 0f pr0gressi0n (AFIP, gastric): L0W.", "8936/1"),
        ("GIST, 11 cm, 14 mitoses/5 mm2: high risk of progression.", "8936/3"),
    ],
)
def test_gist_risk_after_size_and_ocr(extractor: Extractor, text: str, code: str) -> None:
    assert {c for c, _ in diagnosis_pairs(extractor, text)} == {code}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a type word before a site word and a bare "carcinoma"
        ("Papillary serous endometrial carcinoma, FIGO stage III.", "8441/3"),
        ("High-grade serous ovarian carcinoma involving the omentum.", "8441/3"),
        ("Clear cell uterine carcinoma, see comment.", "8310/3"),
        ("Mucinous ovarian carcinoma, expansile type.", "8480/3"),
    ],
)
def test_type_word_before_a_site_word(extractor: Extractor, text: str, code: str) -> None:
    pairs = diagnosis_pairs(extractor, text)
    assert (code, "affirmed") in pairs
    assert ("8010/3", "affirmed") not in pairs


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "Histologic type: mixed serous (60%) and endometrioid (40%) adenocarcinoma.",
            {"8441/3", "8380/3"},
        ),
        ("Mixed\nserous and endometrioid carcinoma, FIGO grade 3.", {"8441/3", "8380/3"}),
        ("Mixed clear cell and endometrioid carcinoma of the ovary.", {"8310/3", "8380/3"}),
    ],
)
def test_mixed_carcinoma_gets_every_named_type(
    extractor: Extractor, text: str, codes: set[str]
) -> None:
    assert codes <= {c for c, a in diagnosis_pairs(extractor, text) if a == "affirmed"}
