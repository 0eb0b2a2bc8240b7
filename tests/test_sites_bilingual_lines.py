"""Sites from bilingual labels, wrapped lines and the word 'sigma' (flag set 9 class BF9-37).

A later carcinoma is matched to the benign specimen at the same site, so a lost site turns a
same-site prior into the latest benign one elsewhere. Each row is our own sentence.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

ROWS = [
    pytest.param(
        "Chan doan / Diagnosis: Colon sigma, polypectomy: tubular adenoma, low grade.",
        [("8211/0", "sigmoid colon")],
        id="bilingual-diagnosis-line-glued-colon",
    ),
    pytest.param(
        "Conclusion: Left ovary (cystectomy): serous cystadenoma.",
        [("8441/0", "left ovary")],
        id="diagnosis-line-glued-colon",
    ),
    pytest.param(
        "Makroskopie / Gross: Sigmoid colon segment, 18 cm, with an ulcerated tumour.\n\n"
        "Microscopy: adenocarcinoma, moderately differentiated.",
        [("8140/3", "sigmoid colon")],
        id="bilingual-default-label-foreign-first",
    ),
    pytest.param(
        "Gross / Macroscopie: left ovary, 45 mm, unilocular cyst.\n\n"
        "Microscopy: serous cystadenoma.",
        [("8441/0", "left ovary")],
        id="bilingual-default-label-english-first",
    ),
    pytest.param(
        "Ket qua: sections of the sigmoid colon resection show a tumour, U TUYEN /\n"
        "ADENOCARCINOMA, invading the muscularis propria.",
        [("8140/3", "sigmoid colon")],
        id="line-wrapped-after-slash",
    ),
    pytest.param(
        "Sigma 20 cm, biopsy:\ntubular adenoma.",
        [("8211/0", "sigmoid colon")],
        id="sigma-with-distance",
    ),
    pytest.param(
        "Immunohistochemistry: SMA (clone 1A4, Sigma, St Louis) positive.\nDiagnosis: leiomyoma.",
        [("8890/0", None)],
        id="sigma-the-vendor-names-no-site",
    ),
    pytest.param(
        "Desmin (Sigma-Aldrich) positive; the tumour is a leiomyoma.",
        [("8890/0", None)],
        id="sigma-aldrich-names-no-site",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_site(extractor: Extractor, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(d.icdo3, d.site) for d in extractor.extract(text).diagnoses] == expected


def test_a_line_cut_after_a_slash_is_one_sentence(extractor: Extractor) -> None:
    text = (
        "Ket qua: sections of the sigmoid colon resection show a tumour, U TUYEN /\n"
        "ADENOCARCINOMA, invading the muscularis propria."
    )
    (mention,) = extractor.extract(text).diagnoses
    assert mention.sentence.startswith("Ket qua")


def test_a_short_line_ending_in_a_slash_still_ends(extractor: Extractor) -> None:
    # short lines are headings or table rows: "ER /" above "Leiomyoma" does not join
    (mention,) = extractor.extract("ER / PR /\nLeiomyoma.").diagnoses
    assert mention.sentence == "Leiomyoma."
