"""Review and amendment wording found on the fourth blind flag set (examples are our own):
the report type a review or reference report gets from its text, the own-diagnosis headers
of reviews and amended reports, and a differential considered and then set aside."""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor, default_extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Department of Histopathology - REPORT ON REVIEWED MATERIAL\nLab No: X1", "review"),
        ("Reference review of slides from case Q-19-2201\n", "review"),
        ("REFERENCE PATHOLOGY REPORT\nUnser Zeichen: K-2020-11\n", "consult"),
        ("Department of Pathology - Consultation (Outside Material)\n", "consult"),
        ("SURGICAL PATHOLOGY REPORT\nSpecimen: uterus\n", "original"),
    ],
)
def test_review_report_types(extractor: Extractor, head: str, expected: str) -> None:
    assert extractor.infer_report_type(head + "DIAGNOSIS: leiomyoma.") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "PREVIOUS DIAGNOSIS (2020-02-01): Leiomyosarcoma - withdrawn.\n\n"
            "AMENDED FINAL DIAGNOSIS:\nUterus: CELLULAR LEIOMYOMA.",
            {("8890/3", "historical"), ("8892/0", "affirmed")},
            id="amended-final-diagnosis-is-the-own-voice",
        ),
        pytest.param(
            "ORIGINAL REPORT (S20-1001): leiomyoma.\n\n"
            "CONCLUSION ON REVIEW: Uterus (S20-1001) - LEIOMYOSARCOMA.",
            {("8890/0", "historical"), ("8890/3", "affirmed")},
            id="conclusion-on-review-is-the-own-voice",
        ),
        pytest.param(
            "COMMENT: Leiomyosarcoma was considered because of the size, but mitoses are"
            " scarce.\nDIAGNOSIS: Cellular leiomyoma.",
            {("8890/3", "negated"), ("8892/0", "affirmed")},
            id="considered-then-but",
        ),
        pytest.param(
            "COMMENT: Leiomyosarcoma was considered. Atypia is severe.",
            {("8890/3", "affirmed")},
            id="considered-without-but-is-not-negated",
        ),
    ],
)
def test_review_voices(extractor: Extractor, text: str, expected: set[tuple[str, str]]) -> None:
    assert {(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses} == expected
