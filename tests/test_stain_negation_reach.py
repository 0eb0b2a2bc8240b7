"""Stain results whose cue is split or reached over other words (TCGA OCR error classes).

Each row is our own sentence for one class: a negator that reaches the result over a hedge
and a verb; a nominal result ("no significant immunoreactivity"); an adverb or bracketed
score inside a prefix cue; a lack of staining; a negative whose object is a positive cue;
a proliferation index described by its level (ANNOTATION.md section 4).
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

ROWS = [
    # a negator two words back, over a hedge or a verb
    pytest.param(
        "A stain for CD117 demonstrated no appreciable immunoreactivity in the tumour.",
        [("CD117", "negative")],
        id="no-hedge-nominal-result",
    ),
    pytest.param(
        "The lesional cells do not show overexpression of HER2.",
        [("HER2", "negative")],
        id="negator-verb-overexpression",
    ),
    pytest.param(
        "The spindle cell tumour does not show expression of desmin.",
        [("desmin", "negative")],
        id="negator-verb-expression",
    ),
    pytest.param(
        "PR: no specific staining of tumour cells.",
        [("PR", "negative")],
        id="staining-of-the-lesion",
    ),
    pytest.param(
        "The spindle cells lack staining for desmin and h-caldesmon.",
        [("desmin", "negative"), ("h-caldesmon", "negative")],
        id="lack-staining-for",
    ),
    pytest.param(
        "The tumour is negative for overexpression of HER2 protein.",
        [("HER2", "negative")],
        id="negative-for-overexpression",
    ),
    # a prefix cue around an adverb or a bracketed score
    pytest.param(
        "The sarcomatous areas stain diffusely for vimentin.",
        [("vimentin", "positive")],
        id="adverb-inside-prefix-cue",
    ),
    pytest.param(
        "The tumour reacts weakly with desmin, and stains focally for SMA.",
        [("desmin", "positive"), ("SMA", "positive")],
        id="adverb-inside-two-cues",
    ),
    pytest.param(
        "The carcinoma is negative (2+) for HER2.",
        [("HER2", "negative")],
        id="bracketed-score-inside-prefix",
    ),
    # a proliferation index given by its level, not a number
    pytest.param(
        "Atypical cells with a high Ki-67 proliferation index.",
        [("Ki-67", "positive")],
        id="index-level-before",
    ),
    pytest.param(
        "The MIB-1 labelling indices are very low throughout.",
        [("Ki-67", "positive")],
        id="index-level-after",
    ),
    # still no result
    pytest.param("Ki-67 index will be reported in an addendum.", [], id="index-awaited"),
    pytest.param(
        "Tumours with intensity scores of 0 or 1 are considered negative for overexpression"
        " of HER2.",
        [],
        id="score-range-legend",
    ),
    # the positive readings these rules must not turn negative
    pytest.param(
        "The tumour cells stain strongly for desmin but not for S100.",
        [("desmin", "positive"), ("S100", "negative")],
        id="adverb-cue-then-but-not",
    ),
    pytest.param("Positive: expression of SMA.", [("SMA", "positive")], id="positive-expression"),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_result(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.marker, s.result) for s in extractor.extract(text).stains] == expected


def test_a_graded_index_has_its_own_rule_id(extractor: Extractor) -> None:
    (stain,) = extractor.extract("A low MIB-1 proliferation index.").stains
    assert stain.rule_id.endswith("/stain.result.index")
    assert stain.percent is None
