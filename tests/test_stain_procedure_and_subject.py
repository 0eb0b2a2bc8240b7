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
BSP classes:
- an extent or intensity word before a list with no result word ("The diffuse desmin and
  h-caldesmon ...", "with only focal desmin") is staining: positive; a result adjective after
  a joining word ("with negative CD10") belongs to the marker it precedes, not the list
  before; "positive with negative CD10" keeps the first list's result;
- "highlights the epithelial component only" is the lesion's own result;
- markers the lexicon lacked (PTEN, ARID1A, L1CAM, INI1, SMARCA4, FH) no longer lend their
  result to the marker before them; "keratin pearl formation" is no stain.
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
    (
        "The diffuse SMA and desmin with negative CD10 favour a smooth muscle tumour.",
        {("SMA", "positive"), ("desmin", "positive"), ("CD10", "negative")},
    ),
    (
        "Strong CD10 with only patchy desmin and negative h-caldesmon suggest a stromal tumour.",
        {("CD10", "positive"), ("desmin", "positive"), ("h-caldesmon", "negative")},
    ),
    (
        "ER and PR are positive with negative WT1.",
        {("ER", "positive"), ("PR", "positive"), ("WT1", "negative")},
    ),
    ("Desmin positive with strong intensity.", {("desmin", "positive")}),
    ("There is no diffuse desmin.", set()),
    ("Squamous nests with focal keratin pearl formation.", set()),
    (
        "Pan-cytokeratin highlights the glandular component only.",
        {("pan-cytokeratin", "positive")},
    ),
    (
        "p53 wild-type pattern, ARID1A loss in the tumour glands.",
        {("p53", "positive"), ("ARID1A", "negative")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_stain_results(text: str, expected: set[tuple[str, str]]) -> None:
    found = {(s.marker, s.result) for s in extract(text).stains}
    assert found == expected
