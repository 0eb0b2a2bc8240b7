"""OCR joins and specks found on the TCGA batches (every example is our own sentence): a
connector glued to the word before it, a period set between two words, a diagnosis whose type
word was pushed onto the next line, and a truncated ICD label for "malignant neoplasm"."""

from __future__ import annotations

import pytest
import spacy

from helpers import diagnosis_pairs
from pathmine.nlp import Extractor
from pathmine.nlp.ocr_fuzzy import fuzzy_vocabulary
from pathmine.nlp.rules import load_rules
from pathmine.nlp.tokenizer import PathologyTokenizer


@pytest.fixture(scope="module")
def tokenizer() -> PathologyTokenizer:
    return PathologyTokenizer(spacy.blank("en").vocab, fuzzy=fuzzy_vocabulary(load_rules()))


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("negativefor desmin", ["negative", "for", "desmin"]),
        ("POSITIVEFOR CD10", ["POSITIVE", "FOR", "CD10"]),
        ("vimentinand ER", ["vimentin", "and", "ER"]),
        ("desminor SMA", ["desmin", "or", "SMA"]),
        ("reactivewith caldesmon", ["reactive", "with", "caldesmon"]),
        # a preposition glued to the lexicon or marker word after it
        ("positivity forestrogen receptor", ["positivity", "for", "estrogen", "receptor"]),
        ("involved incarcinoma", ["involved", "in", "carcinoma"]),
        # words that start like a preposition stay whole
        ("often informed androgen", ["often", "informed", "androgen"]),
        # real words that end in a connector stay whole
        ("the gland and a band", ["the", "gland", "and", "a", "band"]),
        ("tumor factor doctor", ["tumor", "factor", "doctor"]),
        ("Ferdinand", ["Ferdinand"]),
    ],
)
def test_connector_glued_to_a_known_word_is_split(
    tokenizer: PathologyTokenizer, text: str, tokens: list[str]
) -> None:
    assert [t.text for t in tokenizer(text)] == tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The neoplastic cells stain weakly positivefor PR and are negative for ER.",
            {("PR", "positive"), ("ER", "negative")},
        ),
        (
            "Diffuse strong positivity forprogesterone receptor (3+, 80%).",
            {("PR", "positive")},
        ),
        (
            "Spindle cells are negative for desminand caldesmon, positive for CD10.",
            {("desmin", "negative"), ("h-caldesmon", "negative"), ("CD10", "positive")},
        ),
    ],
)
def test_glued_connectors_in_stain_sentences(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(s.marker, s.result) for s in extractor.extract(text).stains} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a period OCR set between two words is not a sentence end
        ("FINAL DIAGNOSIS:\nCarcinoma.of endometrium, serous type.", ("8441/3", "affirmed")),
        # the type word pushed onto a line of its own, bracket read as a letter
        (
            "DIAGNOSIS:\n- Adenocarcinoma of endometrium\nLEndometrioid) type\n- Grade 1",
            ("8380/3", "affirmed"),
        ),
        ("DIAGNOSIS:\nAdenocarcinoma, uterine corpus\nof serous type", ("8441/3", "affirmed")),
        # a preposition glued to the term, after a clipped "history of"
        (
            "Clinical: per surgeon, histo ofadenocarcinoma on a cervix biopsy.",
            ("8140/3", "historical"),
        ),
        # OCR-joined, split and misspelt "endometrioid" (ANNOTATION.md section 2)
        ("FINAL DIAGNOSIS: - ENDOMETRl0lDADEN0CARCIN0MA, FIGO 2.", ("8380/3", "affirmed")),
        ("Histologic type: Endo metrioid adenocarcinoma, grade 1", ("8380/3", "affirmed")),
        ("TUMOR TYPE: Endomatroid adenocarcinoma", ("8380/3", "affirmed")),
        # OCR debris inside a phrase: the real words before it still name the type
        ("Diagnosis: Squamous cell) carcinoma, grade 2.", ("8070/3", "affirmed")),
        ("Histologic type: clear cell ^ carcinoma", ("8310/3", "affirmed")),
        # ICD-9 labels that OCR truncated or joined
        ("CLINICAL HISTORY: Malignant neopla corpus uteri.", ("8000/3", "affirmed")),
        ("Clinical Dx:\nMalignant neocorpus uteri-182.0", ("8000/3", "affirmed")),
    ],
)
def test_ocr_damaged_diagnosis_lines(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    assert expected in diagnosis_pairs(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # a type line does not pull the next diagnosis into the one before it
        "DIAGNOSIS:\n- Leiomyoma\n- Adenomyosis\nSerous type cyst, left ovary",
        # a new sentence after a real full stop still starts in upper case
        "No carcinoma seen. Endometrioid type change is absent.",
        "Endometrial adenocarcinoma, FIGO grade 2.",
    ],
)
def test_type_lines_and_specks_do_not_invent_subtypes(extractor: Extractor, text: str) -> None:
    codes = {code for code, _ in diagnosis_pairs(extractor, text)}
    assert "8380/3" not in codes and "8441/3" not in codes


def test_a_real_separator_is_not_debris(extractor: Extractor) -> None:
    codes = {c for c, _ in diagnosis_pairs(extractor, "Squamous cell, carcinoma NOS.")}
    assert "8070/3" not in codes
