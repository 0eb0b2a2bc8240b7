"""Histologic criteria in OCR-damaged reports (flag set 11 class: a leiomyoma whose own
description meets three Stanford criteria, written "rnoderate", "14/1O HPF", "turnour ce11
necrosis", raised nothing).

A report that shows OCR's letter-for-digit swaps is also read OCR-folded: "1O" in a number
is 10, "ce11" is "cell", a word-initial "rn" is "m". The folding only adds what the text as
written did not match, and every finding points back into the text as written. Our own
sentences; the folding's offsets are checked as a property.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathmine.nlp import Extractor
from pathmine.nlp.ocr_fuzzy import fold_ocr_text, looks_ocr_damaged

ROWS = [
    pytest.param(
        "Microsc0pic: the mitotic count is 12/1O HPF.",
        [("mitoses_per_10hpf", "12")],
        id="letter-o-in-a-number",
    ),
    pytest.param(
        "Mitoses: 9 per l0 HPF in the hotspot (ce11s counted).",
        [("mitoses_per_10hpf", "9")],
        id="letter-l-in-a-number",
    ),
    pytest.param(
        "Slides show c0agulative turnour ce11 necrosis in two blocks.",
        [("tumor_cell_necrosis", "present")],
        id="ocr-necrosis",
    ),
    pytest.param(
        "Sections show diffuse rnarked nuclear atypia (OCR ce11 copy).",
        [("atypia", "severe diffuse")],
        id="ocr-rn-for-m",
    ),
    pytest.param(
        "N0 turnour ce11 necrosis is seen.",
        [("tumor_cell_necrosis", "absent")],
        id="ocr-negated-necrosis",
    ),
    pytest.param(
        "The pattern of the internal return is modern: 5 mitoses per 10 HPF.",
        [("mitoses_per_10hpf", "5")],
        id="clean-text-unchanged",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_feature(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    found = extractor.extract(text).features
    assert [(f.name, f.value) for f in found] == expected
    for f in found:  # offsets point into the text as written
        assert 0 <= f.start < f.end <= len(text)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("14/1O HPF", "14/10 HPF"),
        ("turnour ce11 necrosis", "tumour cell necrosis"),
        ("rnoderate atypia", "moderate atypia"),
        ("Ki-67 ~l5%", "Ki-67 ~15%"),
        ("400x CD10 10HPF", "400x CD10 10HPF"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    result = fold_ocr_text(text, force=True)
    assert result is not None and result.text == folded


def test_clean_text_is_not_folded() -> None:
    assert not looks_ocr_damaged("The pattern of the internal return is modern.")
    assert fold_ocr_text("The pattern of the internal return is modern.") is None


_CONFUSABLE = {"o": "0oO", "0": "0oO", "l": "1lI|", "1": "1lI|", "m": "mr"}


@given(st.text(alphabet="abcdeilmnorstuxCDHIOPF01 |/-.%~5", max_size=60))
def test_every_folded_character_comes_from_the_text(text: str) -> None:
    result = fold_ocr_text(text, force=True)
    assert result is not None
    previous = -1
    for k, char in enumerate(result.text):
        origin = result.origin(k)
        assert previous < origin < len(text)
        assert text[origin] == char or text[origin] in _CONFUSABLE.get(char, char)
        previous = origin
