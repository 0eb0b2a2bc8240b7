"""Forward and backward exclusion wording read as negated (ANNOTATION.md section 3: "does not
support X", "argues against X", "falls short of X"), a negator OCR glued to its verb, and a
year attached to a clinical-history mention (historical). Examples are our own sentences."""

from __future__ import annotations

import pytest

from helpers import diagnosis_pairs
from pathmine.nlp import Extractor


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "The degree of atypia is insufficient to classify the lesion as leiomyosarcoma.",
            "8890/3",
        ),
        ("Nuclear changes are too focal to diagnose serous carcinoma.", "8441/3"),
        ("The morphology does not lend support to a leiomyosarcoma.", "8890/3"),
        ("Retained p16 staining, ruling against a high-grade serous carcinoma.", "8441/3"),
        ("A carcinoma component is not identified.", "8010/3"),
        ("Endometrial stromal sarcoma is no longer favoured after the fusion studies.", "8930/3"),
        (
            "Leiomyosarcoma was raised on the biopsy because of the cellularity; the absence of "
            "necrosis, the low mitotic count and the bland nuclei on excision argue against it.",
            "8890/3",
        ),
        (
            "Adenosarcoma with sarcomatous overgrowth of the stroma is not supported here.",
            "8933/3",
        ),
        ("There areno residual leiomyomas.", "8890/0"),
    ],
)
def test_exclusions_are_negated(extractor: Extractor, text: str, code: str) -> None:
    pairs = diagnosis_pairs(extractor, text)
    assert (code, "negated") in pairs
    assert (code, "affirmed") not in pairs


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the same words that do not exclude anything
        ("Tissue is insufficient for further studies. Leiomyosarcoma.", "8890/3"),
        ("The cellularity supports a leiomyosarcoma.", "8890/3"),
        ("Leiomyoma. The sarcomatous areas seen on frozen section are not present.", "8890/0"),
    ],
)
def test_near_misses_stay_affirmed(extractor: Extractor, text: str, code: str) -> None:
    assert (code, "affirmed") in diagnosis_pairs(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year attached to the mention in a clinical section dates it to an earlier specimen
        ("CLINICAL HISTORY: 61-year-old with leiomyosarcoma of the uterus (2018).", "historical"),
        ("Clinical: myomectomy 2011 (leiomyoma). Now a pelvic mass.", "historical"),
        ("Clinical history: ovarian cyst removed 2014 (outside) - mature teratoma.", "historical"),
        ("CLINICAL HISTORY: melanoma in situ, left shoulder 2016.", "historical"),
        # a year that dates something else leaves today's indication affirmed
        ("CLINICAL HISTORY: fibroid uterus; ultrasound 05/2023 shows growth.", "affirmed"),
    ],
)
def test_dated_clinical_mentions(extractor: Extractor, text: str, expected: str) -> None:
    assert {assertion for _, assertion in diagnosis_pairs(extractor, text)} == {expected}


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        # considered, then the criteria are not met: both mentions negated
        (
            "STUMP was considered; however, the criteria for STUMP are not fulfilled.",
            "8897/1",
            {"negated"},
        ),
        (
            "Were the margin involved, the lesion would be reclassified as leiomyosarcoma.",
            "8890/3",
            {"hypothetical"},
        ),
        (
            "Epithelioid leiomyosarcoma remains a consideration pending review.",
            "8891/3",
            {"uncertain"},
        ),
        # voice recognition splits a term
        ("Final diagnosis colon leo myoma comma 3 cm period.", "8890/0", {"affirmed"}),
        # OCR years in a clinical history date an earlier specimen
        (
            "CLINICAL HIST0RY: myomectomy 2Ol4 (leiomy0ma). Now pelvic mass.",
            "8890/0",
            {"historical"},
        ),
    ],
)
def test_more_assertion_wording(
    extractor: Extractor, text: str, code: str, expected: set[str]
) -> None:
    assert {a for c, a in diagnosis_pairs(extractor, text) if c == code} == expected


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        # OCR-damaged cue words: "cann0t" is "can" "not" like "cannot"
        ("Leiomyosarcoma cann0t be entire1y exc1uded.", "8890/3", {"uncertain"}),
        ("Second opinion: agrees; favours STUMP over leiomyoma.", "8897/1", {"uncertain"}),
        # a quoted previous diagnosis the report withdraws stays historical ...
        (
            "ORIGINAL DIAGNOSIS (2021): Leiomyoma - this diagnosis is withdrawn.",
            "8890/0",
            {"historical"},
        ),
        # ... while a withdrawn interpretation in the report's own words is negated
        ("The provisional diagnosis of leiomyosarcoma is withdrawn.", "8890/3", {"negated"}),
    ],
)
def test_ocr_cues_and_withdrawals(
    extractor: Extractor, text: str, code: str, expected: set[str]
) -> None:
    assert {a for c, a in diagnosis_pairs(extractor, text) if c == code} == expected


@pytest.mark.parametrize(
    "text",
    [
        # a quoted outside / referring diagnosis after a colon, mid-paragraph (ANNOTATION.md
        # section 3: historical in a review or consult)
        "Slides received for review (S19-1234). Outside diagnosis: leiomyoma. Recurrence now.",
        "MICROSCOPY: Referring diagnosis: leiomyoma. The slides show a smooth muscle tumour.",
        "Your diagnosis: leiomyoma. We concur.",
    ],
)
def test_quoted_diagnosis_after_a_colon_is_historical(extractor: Extractor, text: str) -> None:
    assert ("8890/0", "historical") in diagnosis_pairs(extractor, text)
    assert ("8890/0", "affirmed") not in diagnosis_pairs(extractor, text)
