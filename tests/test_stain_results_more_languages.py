"""Stain results as BSL wrote them (our own lines): result words of Central and Eastern
European, Nordic, Dutch, Portuguese, Italian and German reports; p53 "Wildtyp-Muster" and
"aberrant, null"; p16 "patchy, not block-type" (a pattern of a positive p16); a percent the
report itself calls negative; OCR digits in a percent ("7O%"); an HL7 OBX value with its unit
in the next field. Unread, whole panels were lost or read the wrong way."""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

ROWS = [
    pytest.param(
        "Immunhisztokémia: desmin: pozitív | CD10: negatív",
        [("desmin", "positive"), ("CD10", "negative")],
        id="hungarian",
    ),
    pytest.param(
        "Imunohistochemie:\nh-caldesmon - pozitivní\nAE1/AE3 - negativní",
        [("h-caldesmon", "positive"), ("pan-cytokeratin", "negative")],
        id="czech-lines",
    ),
    pytest.param(
        "IHC:\nWT1 - pozitiv difuz\nRP (PR) - negativ",
        [("WT1", "positive"), ("PR", "negative")],
        id="romanian-lines",
    ),
    pytest.param(
        "Immunohistokemia: S100 positiivinen, CD34 negatiivinen.",
        [("S100", "positive"), ("CD34", "negative")],
        id="finnish",
    ),
    pytest.param(
        "Immunohistochemie: ER positief, CD10 negatief.",
        [("ER", "positive"), ("CD10", "negative")],
        id="dutch",
    ),
    pytest.param(
        "IHQ: MLH1 expressão mantida; MSH6 perdida.",
        [("MLH1", "positive"), ("MSH6", "negative")],
        id="portuguese-mmr",
    ),
    pytest.param(
        "IHC: p53 Wildtyp-Muster | p16 fleckförmig (patchy, not block-type)",
        [("p53", "positive"), ("p16", "positive")],
        id="german-patterns",
    ),
    pytest.param("p53: aberrant, null pattern.", [("p53", "negative")], id="aberrant-null"),
    pytest.param(
        "p53 aberrant (overexpression).", [("p53", "positive")], id="aberrant-overexpressed"
    ),
    pytest.param(
        "Cyclin D1: occasional nuclei only (<5%), interpreted as negative.",
        [("cyclin D1", "negative")],
        id="percent-called-negative",
    ),
    pytest.param("Ki-67: 3O%.", [("Ki-67", "positive")], id="ocr-percent"),
    pytest.param(
        "OBX|4|NM|IHC-KI67^Ki-67 index||35|%|||||F", [("Ki-67", "positive")], id="hl7-unit-field"
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_result(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.marker, s.result) for s in extractor.extract(text).stains] == expected


def test_ocr_percent_value(extractor: Extractor) -> None:
    (ki67,) = extractor.extract("Ki-67 ~l5%").stains
    assert ki67.percent == 15.0
