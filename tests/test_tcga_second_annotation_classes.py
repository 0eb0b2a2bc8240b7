"""Diagnosis classes from the TCGA second annotation (tenth session); our own sentences.

- A mixed adenocarcinoma with its types named after it gets every named code, the mixed head
  (8323/3) included (ANNOTATION.md section 2: mixed carcinomas get every named code).
- In a clinical section, a diagnosis "per" an earlier procedure ("per BMP", "per endometrial
  biopsy", "per outside report") is that specimen's: historical.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

CASES = [
    (
        "Histologic type: mixed adenocarcinoma, predominantly endometrioid (70%) and clear cell"
        " (30%)",
        {("8323/3", "affirmed"), ("8380/3", "affirmed"), ("8310/3", "affirmed")},
    ),
    (
        "DIAGNOSIS: Mixed adenocarcinoma (serous and endometrioid types).",
        {("8323/3", "affirmed"), ("8441/3", "affirmed"), ("8380/3", "affirmed")},
    ),
    ("DIAGNOSIS: Mixed adenocarcinoma.", {("8323/3", "affirmed")}),
    ("CLINICAL HISTORY: Serous carcinoma per EMB.", {("8441/3", "historical")}),
    (
        "Clinical history: grade 2 endometrioid adenocarcinoma per prior biopsy, for staging.",
        {("8380/3", "historical")},
    ),
    ("DIAGNOSIS: Endometrioid adenocarcinoma, FIGO grade 1.", {("8380/3", "affirmed")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_diagnoses(extractor: Extractor, text: str, expected: set[tuple[str, str]]) -> None:
    assert {(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses} == expected
