"""Codes and assertions for BSK error classes; every row is our own sentence.

- A forward cue written as a label owns its colon ("Family history: cousin had ..."): the
  colon opens the cue's scope instead of ending it.
- A forward cue's reach skips a bracketed aside that closes inside its window ("father
  (carrier of the same variant) died of ..."), but not an aside holding its own clause.
- A word hyphenated at a line end ("leiomyo-\\nsarcoma", "LEIOMYO-\\nSARCOMA") is one word, and
  an ALL-CAPS line read through OCR's "l" for "I" ("lNVASlVE") wraps like any caps line.
- Abbreviations of four letters or more read through OCR's "l"/"1" for "I" ("GlST");
  three-letter block labels ("A1S") are not AIS.
- "low-risk <site> GIST" is the low-risk tumour; struma ovarii has its own code.
- A tumour word that ends a laboratory's name ("... SARCOMA PATHOLOGY - CONSULTATION") is
  not a diagnosis.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

ROWS = [
    pytest.param(
        "Family history: cousin treated for leiomyosarcoma at 30.",
        [("8890/3", "family")],
        id="family-history-label",
    ),
    pytest.param(
        "Past history: myomectomy for leiomyoma.",
        [("8890/0", "historical")],
        id="history-label",
    ),
    pytest.param(
        "Negative for: leiomyosarcoma.",
        [("8890/3", "negated")],
        id="negation-label",
    ),
    pytest.param(
        "Family history: her father (carrier of the same variant) died of a malignant"
        " peripheral nerve sheath tumour.",
        [("9540/3", "family")],
        id="aside-inside-family-reach",
    ),
    pytest.param(
        "Outside slides not seen here yet (they were positive for serous carcinoma of the ovary).",
        [("8441/3", "affirmed")],
        id="aside-with-its-own-clause",
    ),
    pytest.param(
        "DIAGNOSIS: Pelvic mass, core biopsy: recurrent leiomyo-\nsarcoma, high grade.",
        [("8890/3", "affirmed")],
        id="hyphen-line-wrap",
    ),
    pytest.param(
        "DIAGNOSIS: PELVIC MASS, CORE BIOPSY: RECURRENT LEIOMYO-\nSARCOMA, HIGH GRADE.",
        [("8890/3", "affirmed")],
        id="hyphen-line-wrap-caps",
    ),
    pytest.param(
        "B. PERITONEAL NODULE: DEPOSIT WlTH lNVASlVE FEATURES, SUSPlClOUS F0R L0W-GRADE SER0US\n"
        "   CARClN0MA.",
        [("8460/3", "uncertain")],
        id="ocr-caps-line-wrap",
    ),
    pytest.param(
        "History: low-risk gastric GlST excised 2018.",
        [("8936/1", "historical")],
        id="ocr-abbreviation-and-site-word",
    ),
    pytest.param(
        "Diagnosis: G1ST, spindle cell type.",
        [("8936/3", "affirmed")],
        id="ocr-abbreviation-digit",
    ),
    pytest.param(
        "Blocks: A1S-A17 left ovary; AlS tube.",
        [],
        id="block-label-is-not-ais",
    ),
    pytest.param(
        "Right ovary: mature cystic teratoma with a struma ovarii component.",
        [("9080/0", "affirmed"), ("9090/0", "affirmed")],
        id="struma-ovarii",
    ),
    pytest.param(
        "LAKESIDE SARCOMA PATHOLOGY - CONSULTATION REPORT",
        [],
        id="laboratory-name-ends-in-pathology",
    ),
    pytest.param(
        "Slides were sent to the Sarcoma Pathology Laboratory.",
        [],
        id="laboratory-name",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_code_and_assertion(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == expected
