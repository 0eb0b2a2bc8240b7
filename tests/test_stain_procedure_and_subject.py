"""Stain results around procedures, subjects, cell phrases and citations (tenth session).

Error classes from the TCGA second annotation, each with sentences of our own:
- a result that follows the procedure and where it was done ("immunostain performed on all
  lymph node specimens (B-I) is negative"), and "positive control" wording that is not one;
- a stain only pending or ordered ("cytokeratin stains on the nodes are pending", a "STAINS
  Date Ordered" heading) gives no result;
- a subject ("stains for mismatch repair proteins show that ...") is the topic when the next
  list in the sentence has its own result;
- "positive staining of tumour cells in the glandular areas for ER": the cells phrase
  between the cue and the marker;
- a sentence that opens with a literature citation ("See Smith et al, ...") reports a study;
- OCR and long forms of WT1 ("WT -1", "Wilm's tumor gene").
"""

from __future__ import annotations

import pytest

from pathmine.nlp import extract

CASES = [
    # (text, expected {(marker, result)})
    (
        "NOTE: Desmin immunostain performed on all myometrial sections (A2-A9) is negative.",
        {("desmin", "negative")},
    ),
    (
        "A p16 stain was performed on block C3 (cervix, 12 o'clock) and was negative in the"
        " lesional cells.",
        {("p16", "negative")},
    ),
    (
        "SMA stain performed on the curettings (blocks B1, B2) is diffusely positive.",
        {("SMA", "positive")},
    ),
    ("CD10 was performed on block A4 with appropriate positive control.", set()),
    (
        "Desmin stain was performed on block A1 with appropriate positive and negative controls.",
        set(),
    ),
    ("Pancytokeratin stains on the sentinel nodes are pending.", set()),
    ("ESTROGEN AND PROGESTERONE RECEPTOR STAINS Date Ordered: 03/04 Signed out: 03/06", set()),
    (
        "Immunostains for mismatch repair proteins show that the tumour cells are positive for"
        " MLH1 and PMS2 while the nuclear staining for MSH2 and MSH6 is absent.",
        {("MLH1", "positive"), ("PMS2", "positive"), ("MSH2", "negative"), ("MSH6", "negative")},
    ),
    ("Stains for SMA and desmin are positive.", {("SMA", "positive"), ("desmin", "positive")}),
    (
        "There is positive staining of tumour cells in the solid areas for progesterone receptor.",
        {("PR", "positive")},
    ),
    ("Negative staining in the spindle cells for CD34.", {("CD34", "negative")}),
    (
        "See Jones B et al, Desmin immunoreactivity in endometrial stromal tumours, Histopathology"
        " 2012.",
        set(),
    ),
    ("Desmin is positive (see Jones et al. 2012).", {("desmin", "positive")}),
    ("WT -1 is negative in the tumour.", {("WT1", "negative")}),
    ("The carcinoma is unreactive for Wilm's tumor gene (WT-1).", {("WT1", "negative")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_stain_results(text: str, expected: set[tuple[str, str]]) -> None:
    found = {(s.marker, s.result) for s in extract(text).stains}
    assert found == expected
