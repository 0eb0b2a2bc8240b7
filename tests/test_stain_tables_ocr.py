"""IHC tables as OCR prints them (BSQ classes, tenth session); our own tables.

- A column table whose marker lines start lower-case ("h-Caldesmon") is read on the input's
  own lines, not on the unwrapped text that joins such a line to the one above.
- Column results may carry two qualifiers ("DIFFUSE STRONG POSITIVE") and OCR letters
  ("POSlTIVE", "NEGATlVE").
- A row table: one line of three or more markers, then (past a "RESULT" label) one line of as
  many results, paired in order; p53 wild-type and intact MMR proteins are positive.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import extract

CASES = [
    (
        "IMMUNOHISTOCHEMISTRY:\nSMA\nDesmin\nh-Caldesmon\nCD10\nDIFFUSE STRONG POSITIVE\n"
        "POSlTIVE (80%)\nFOCAL POSITIVE\nNEGATlVE\nThe profile supports a smooth muscle tumour.",
        {
            ("SMA", "positive"),
            ("desmin", "positive"),
            ("h-caldesmon", "positive"),
            ("CD10", "negative"),
        },
    ),
    (
        "IHC (block B2):\nMARKER   ER   PR   p53   MLH1   PMS2\nRESULT\n"
        "POS (90%) NEG WlLD TYPE PATTERN INTACT LOST\nComment: see above.",
        {
            ("ER", "positive"),
            ("PR", "negative"),
            ("p53", "positive"),
            ("MLH1", "positive"),
            ("PMS2", "negative"),
        },
    ),
    (
        "Stains: CD117 DOG1 CD34\nNegative Negative Positive",
        {("CD117", "negative"), ("DOG1", "negative"), ("CD34", "positive")},
    ),
    ("Stains: CD117 DOG1 CD34\nPositive Negative", set()),  # counts differ: no pairing
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_tables(text: str, expected: set[tuple[str, str]]) -> None:
    assert {(s.marker, s.result) for s in extract(text).stains} == expected
