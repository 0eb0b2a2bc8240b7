"""Rows of a cumulative / previous-results table list earlier specimens: their diagnoses are
historical; the report's own row and its own diagnosis are not (examples are our own)."""

from __future__ import annotations

from helpers import diagnosis_pairs
from pathmine.nlp import Extractor

REPORT = """NORTHSHORE STATE PATHOLOGY          CUMULATIVE REPORT
Collected    Lab No.        Specimen                  Result
14/03/2016   NS16-004471    Uterus, myomectomy        LEIOMYOMA
2019-09-02   NS19-118820    Skin, back                COMPOUND NAEVUS
05/05/2023   NS23-040012    Lung, core biopsy         ** see below **
Lab No. NS23-040012   Collected 05/05/2023
DIAGNOSIS: Lung, core biopsy: metastatic leiomyosarcoma.
"""


def test_previous_rows_are_historical(extractor: Extractor) -> None:
    pairs = diagnosis_pairs(extractor, REPORT)
    assert ("8890/0", "historical") in pairs
    assert ("8720/0", "historical") in pairs
    assert ("8890/0", "affirmed") not in pairs
    assert ("8890/6", "affirmed") in pairs


def test_own_row_stays_affirmed(extractor: Extractor) -> None:
    text = (
        "Lab No.: NS23-040012\n"
        "05/05/2023   NS23-040012    Uterus, hysterectomy     LEIOMYOMA, 4 cm\n"
    )
    assert diagnosis_pairs(extractor, text) == {("8890/0", "affirmed")}


def test_dated_prose_is_not_a_row(extractor: Extractor) -> None:
    text = "DIAGNOSIS:\n12/08/2019 specimen shows leiomyoma.\n"
    assert ("8890/0", "affirmed") in diagnosis_pairs(extractor, text)
