"""Stain sentences that are not results of the case (scoring legends, textbook statements) and
negated "<marker>-positive cells" with words between the negator and the marker (examples are
our own sentences)."""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor


def _stains(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(s.marker, s.result) for s in extractor.extract(text).stains}


@pytest.mark.parametrize(
    "text",
    [
        "Criteria for a positive result: ER and PR nuclear staining in more than 1% of cells.",
        "Interpretation: ER/PR <1% = NEGATIVE; 1-10% = LOW POSITIVE; >10% = POSITIVE.",
        "Tumours with an intensity score of 3+ are considered positive for HER2.",
        "HER2 is considered positive when more than 10% of cells show complete membrane staining.",
        "WT1 is usually positive in ovarian serous carcinoma and typically negative in "
        "endometrial serous carcinoma.",
        "Leiomyosarcomas are generally reactive with desmin and h-caldesmon.",
    ],
)
def test_legends_and_textbook_statements_give_no_result(extractor: Extractor, text: str) -> None:
    assert _stains(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the case's own results beside such wording still count
        ("ER is positive (90%) and PR is negative.", {("ER", "positive"), ("PR", "negative")}),
        (
            "Desmin is diffusely positive; h-caldesmon is negative.",
            {("desmin", "positive"), ("h-caldesmon", "negative")},
        ),
        # negated positive cells, with words between the negator and the marker
        (
            'No "occult" keratin-positive tumour cells are seen in six nodes.',
            {("pan-cytokeratin", "negative")},
        ),
        ("There are no residual desmin-positive cells.", {("desmin", "negative")}),
        ("No definite S100-positive cells are present.", {("S100", "negative")}),
    ],
)
def test_results_of_the_case(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _stains(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Unicode minus sign (U+2212) is a negative result like "-"
        (
            "IHC: desmin +, CD10 \u2212, S100 (\u2212).",
            {("desmin", "positive"), ("CD10", "negative"), ("S100", "negative")},
        ),
        # an index given in words
        ("Ki 67: 12 percent.", {("Ki-67", "positive")}),
        # a lone leader dot between label and value
        (
            "MLH1 / PMS2 . intact\nMSH6 . lost",
            {("MLH1", "positive"), ("PMS2", "positive"), ("MSH6", "negative")},
        ),
        # the result the report calls it wins over the staining it describes
        ("PR  faint staining in 2% of cells, interpreted as negative.", {("PR", "negative")}),
        # a table with a column per component gives both results
        (
            "| Marker | Glands | Stroma |\n|---|---|---|\n| CK7 | positive | negative |\n"
            "| CD10 | negative | positive (diffuse) |",
            {("CK7", "positive"), ("CK7", "negative"), ("CD10", "negative"), ("CD10", "positive")},
        ),
    ],
)
def test_signs_leaders_tables_and_calls(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _stains(extractor, text) == expected


def test_printed_options_still_give_no_result(extractor: Extractor) -> None:
    assert _stains(extractor, "ER  o Negative  o Positive\nPR  [ ] Negative  [ ] Positive") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The tumour cells are negative for progesterone but express oestrogen.",
            {("PR", "negative"), ("ER", "positive")},
        ),
        ("History of unopposed estrogen exposure.", set()),
    ],
)
def test_receptor_named_by_its_hormone(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _stains(extractor, text) == expected
