"""Flag set 16 error classes at the extraction level; every row is our own text.

- A header may say it is about the reviewed material ("Microscopic review:", "Opinion on
  reviewed material (S14-2201):"): the review's own diagnosis is then not read as part of
  the quoted outside diagnosis above it.
- "An addendum will follow" in a comment does not make the report an addendum.
- Parts numbered in brackets ("(1) Caecum, polypectomy: ...") head their own sites, so a
  specimen line listing several parts does not give every diagnosis its last site, and the
  microscopy's "(2) ..." takes the site of the diagnosis's part 2.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

_REVIEW = (
    "SLIDE REVIEW\nReview No: RV-0311/2022\nMaterial: 4 slides labelled S14-2201.\n\n"
    "Referring diagnosis: Cellular leiomyoma.\n\n{micro}\n"
    "The tumour shows diffuse severe atypia and 15 mitoses per 10 HPF.\n\n"
    "{opinion}\n   LEIOMYOSARCOMA.\n"
)


@pytest.mark.parametrize(
    ("micro", "opinion"),
    [
        ("Microscopic review:", "Opinion on reviewed material (S14-2201):"),
        ("MICROSCOPY ON THE REVIEWED SLIDES:", "DIAGNOSIS ON REVIEW:"),
        ("Histology review -", "Conclusion of review:"),
    ],
)
def test_review_headers_end_the_quoted_diagnosis(
    extractor: Extractor, micro: str, opinion: str
) -> None:
    found = extractor.extract(_REVIEW.format(micro=micro, opinion=opinion))
    pairs = {(d.icdo3, d.assertion) for d in found.diagnoses}
    assert ("8890/3", "affirmed") in pairs
    assert ("8892/0", "historical") in pairs


@pytest.mark.parametrize(
    ("text", "report_type"),
    [
        (
            "SURGICAL PATHOLOGY\nCOMMENT: Immunostains are pending and an\naddendum will follow.",
            "original",
        ),
        ("Note: results to be issued as an\naddendum to follow.", "original"),
        ("ADDENDUM\nImmunostains: desmin positive.", "addendum"),
        ("Addendum: SMA and desmin are positive.", "addendum"),
    ],
)
def test_future_addendum_is_not_an_addendum(
    extractor: Extractor, text: str, report_type: str
) -> None:
    assert extractor.extract(text).inferred_report_type == report_type


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        (
            "Specimen: (1) Sigmoid polyp (2) Rectal polyp\nDiagnosis:\n"
            "(1) Sigmoid colon, polypectomy: TUBULAR ADENOMA.\n(2) Rectum, biopsy: Hyperplastic"
            " polyp.",
            {"sigmoid colon"},
        ),
        (
            "(A) Uterus, hysterectomy: LEIOMYOMA.\n(B) Omentum, biopsy: metastatic carcinoma.",
            {"uterus", "omentum"},
        ),
        (
            "Clinical: 3 mm rectal polyp and a sigmoid polyp.\nMicroscopy:\n(2) Tubular adenoma"
            " with low grade dysplasia.\nDiagnosis:\n(1) Rectum, biopsy: hyperplastic polyp.\n"
            "(2) Sigmoid colon, polypectomy: tubular adenoma.",
            {"sigmoid colon"},
        ),
    ],
)
def test_bracketed_part_numbers_head_their_sites(
    extractor: Extractor, text: str, sites: set[str]
) -> None:
    assert {d.site for d in extractor.extract(text).diagnoses} == sites
