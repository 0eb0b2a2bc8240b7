"""Histologic criteria through OCR slips and with the extent after the grade (flag set 10
class: a leiomyoma with bizarre nuclei read as meeting two Stanford criteria).

"N0 tumour cell necrosis" is the negation "No" with a zero; "severe atypia, focal" is focal
atypia, which is not the diffuse atypia the Stanford criteria ask for. Our own sentences.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

ROWS = [
    pytest.param(
        "N0 coagulative tumour cell necrosis.", [("tumor_cell_necrosis", "absent")], id="n-zero"
    ),
    pytest.param(
        "Tumour cell necrosis n0t identified.", [("tumor_cell_necrosis", "absent")], id="n0t"
    ),
    pytest.param(
        "Areas of tumour cell necrosis are present.",
        [("tumor_cell_necrosis", "present")],
        id="present-stays-present",
    ),
    pytest.param(
        "Scattered bizarre cells with severe atypia, focal (under 5% of the tumour).",
        [("atypia", "severe focal")],
        id="extent-after-comma",
    ),
    pytest.param(
        "Moderate nuclear atypia is diffuse.",
        [("atypia", "moderate diffuse")],
        id="extent-predicate",
    ),
    pytest.param(
        "Marked pleomorphism, multifocal.", [("atypia", "severe focal")], id="multifocal-after"
    ),
    pytest.param("Severe atypia.", [("atypia", "severe")], id="no-extent"),
    # a bare negated necrosis is no tumour-cell necrosis either (BSJ class)
    pytest.param(
        "Bland cells. No necrosis.", [("tumor_cell_necrosis", "absent")], id="no-necrosis"
    ),
    pytest.param(
        "Whorled cut surface without necrosis.",
        [("tumor_cell_necrosis", "absent")],
        id="without-necrosis",
    ),
    pytest.param(
        "NECROSIS   ABSENT      ATYPIA   NONE",
        [("tumor_cell_necrosis", "absent"), ("atypia", "none")],
        id="fixed-width-columns",
    ),
    pytest.param("Foci of necrosis are seen.", [("tumor_cell_necrosis", "present")], id="foci"),
    # stromal atypia (phyllodes, adenosarcoma) is graded like nuclear atypia
    pytest.param("Moderate stromal atypia.", [("atypia", "moderate")], id="stromal-graded"),
    pytest.param("No stromal atypia.", [("atypia", "none")], id="stromal-none"),
    pytest.param("n0 atypia.", [("atypia", "none")], id="ocr-no-atypia"),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_feature(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.name, f.value) for f in extractor.extract(text).features] == expected
