"""Marker names and result words as other languages write them (BSK class; our own lines):
'desmina' / 'desmine', 'h-caldesmone' / 'h-caldesmón', 'vimentina'; Turkish and Polish result
words. Unread, a whole Italian, Spanish, Portuguese or Turkish IHC panel was lost."""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

ROWS = [
    pytest.param(
        "Immunoistochimica: desmina ++ | h-caldesmone + | CD10 -",
        [("desmin", "positive"), ("h-caldesmon", "positive"), ("CD10", "negative")],
        id="italian-table",
    ),
    pytest.param(
        "IHQ: desmina negativa; h-caldesmón positivo.",
        [("desmin", "negative"), ("h-caldesmon", "positive")],
        id="spanish",
    ),
    pytest.param(
        "Immunohistochimie : desmine positive, vimentine positive.",
        [("desmin", "positive"), ("vimentin", "positive")],
        id="french",
    ),
    pytest.param(
        "İmmünohistokimya: S100: pozitif; EMA: negatif.",
        [("S100", "positive"), ("EMA", "negative")],
        id="turkish",
    ),
    pytest.param(
        "Immunohistochemia: desmina dodatni, S100 ujemny.",
        [("desmin", "positive"), ("S100", "negative")],
        id="polish",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_result(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.marker, s.result) for s in extractor.extract(text).stains] == expected
