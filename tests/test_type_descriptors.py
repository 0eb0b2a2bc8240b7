"""A type named only as a descriptor ("with serous, clear cell and undifferentiated features",
"features of both X and Y") is uncertain; the broad term beside it stands (ANNOTATION.md
section 3: "features of X" used as a descriptor). Examples are our own sentences."""

from __future__ import annotations

import pytest

from helpers import diagnosis_pairs
from pathmine.nlp import Extractor, default_extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Carcinoma of the corpus with serous, clear cell and undifferentiated features.",
            {("8010/3", "affirmed"), ("8441/3", "uncertain"), ("8310/3", "uncertain")},
            {("8441/3", "affirmed"), ("8310/3", "affirmed")},
        ),
        (
            "HIGH GRADE ADENOCARCINOMA WITH ENDOMETRIOID, SEROUS AND CLEAR CELL FEATURES.",
            {("8140/3", "affirmed"), ("8380/3", "uncertain"), ("8441/3", "uncertain")},
            {("8380/3", "affirmed"), ("8441/3", "affirmed")},
        ),
        (
            "Adenocarcinoma with focal mucinous/signet ring cell features.",
            {("8140/3", "affirmed"), ("8480/3", "uncertain")},
            {("8480/3", "affirmed")},
        ),
        (
            "The tumour has features of both serous and high-grade endometrioid carcinoma.",
            {("8380/3", "uncertain")},
            {("8380/3", "affirmed")},
        ),
        # a descriptor after the type does not hedge the type itself
        (
            "Adenocarcinoma, endometrioid type, with squamous features.",
            {("8380/3", "affirmed")},
            {("8380/3", "uncertain")},
        ),
    ],
)
def test_types_named_as_descriptors(
    extractor: Extractor,
    text: str,
    expected: set[tuple[str, str]],
    absent: set[tuple[str, str]],
) -> None:
    pairs = diagnosis_pairs(extractor, text)
    assert expected <= pairs
    assert not (absent & pairs)
