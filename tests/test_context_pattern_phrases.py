"""``context.pattern_phrases``: a simple word pattern becomes the literal phrases it stands
for (one PhraseMatcher pass instead of a Matcher predicate per token); anything else stays a
pattern. Speed only: the extraction's codes and assertions were compared on every corpus text."""

from __future__ import annotations

from typing import Any

import pytest

from pathmine.nlp.context import pattern_phrases


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (
            [{"LOWER": "nem"}, {"LOWER": {"IN": ["igazolható", "látható"]}}],
            ["nem igazolható", "nem látható"],
        ),
        (
            [{"LOWER": {"IN": ["is", "was"]}, "OP": "?"}, {"LOWER": "withdrawn"}],
            ["is withdrawn", "was withdrawn", "withdrawn"],
        ),
        ([{"TEXT": "?"}], None),  # case-sensitive text: a pattern
        ([{"LOWER": "no"}, {"OP": "*"}], None),  # a wildcard: a pattern
        ([{"LOWER": {"REGEX": "^x"}}], None),
        ([{"LOWER": {"IN": [str(i) for i in range(30)]}}] * 2, None),  # too many phrases
        (None, None),
    ],
)
def test_pattern_phrases(pattern: list[dict[str, Any]] | None, expected: list[str] | None) -> None:
    assert pattern_phrases(pattern) == expected
