"""A report-type cue inside a recommendation says what should happen next, not what the
report is (class found on blind flag set 9; the sentences here are our own): an original
report that suggests a second opinion stays an original, so its diagnosis still counts as
the patient's prior diagnosis, while a report that *is* a consultation keeps its type."""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(
            "SURGICAL PATHOLOGY\nComment: given the atypia, referral of the blocks for an\n"
            "expert opinion is suggested.\n",
            "original",
            id="suggested-referral-wrapped",
        ),
        pytest.param(
            "HISTOLOGY REPORT\nNote: a second opinion may be sought if clinically indicated.\n",
            "original",
            id="may-be-sought",
        ),
        pytest.param(
            "Pathology report\nAn expert opinion is advised before definitive surgery.\n",
            "original",
            id="expert-opinion-is-advised",
        ),
        pytest.param(
            "Please send the slides for second opinion to the reference laboratory.\n",
            "original",
            id="please-send",
        ),
        pytest.param(
            "SECOND OPINION REPORT\nMaterial received: 4 slides from the referring hospital.\n",
            "consult",
            id="is-a-second-opinion",
        ),
        pytest.param(
            "A second opinion may be sought.\n\nCONSULTATION REPORT\nReferring diagnosis: "
            "leiomyoma.\n",
            "consult",
            id="a-later-cue-outside-the-recommendation-still-counts",
        ),
    ],
)
def test_recommendation_does_not_type_the_report(
    extractor: Extractor, head: str, expected: str
) -> None:
    assert extractor.infer_report_type(head + "DIAGNOSIS: leiomyoma.") == expected
