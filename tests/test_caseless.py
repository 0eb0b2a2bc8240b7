"""``CaselessPattern`` finds exactly what ``re.IGNORECASE`` finds, at the same offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathmine.nlp.caseless import FOLDS_LIKE_LOWER, CaselessPattern

PATTERNS = [
    r"(?<![\w])(?:(?P<r0>le[il1][o0]my[o0]ma(ta|s)?)|(?P<r1>[s5]ma)|(?P<r2>cd-?[1l][0o]))(?![\w])",
    r"(?:mitos)|(?:\bmf\b)|(?:high[- ]power)|(?:/\s*mm)|(?:atypi)",
    r"\Wdesmin\S",
    r"(?:μm)|(?:σ)",  # Greek letters in the pattern: always the IGNORECASE path
    r"\b(?:ge[äa]nderter befund|opravn[ée] vy[šs]et[řr]en[íi]|till[æe]g|mał[ay]|ș[ea])\b",
]
# Letters that case-fold unusually: "İ" (two characters lower-cased), "ı" and "ſ" (equal
# to "i" and "s" under IGNORECASE), the Kelvin sign, the micro sign and Greek mu.
ALPHABET = [*"leiomyoma LEIOMYOMA sma SMA cd-10 CD10 mitos MF high-power /mm atypi", "\n"]
ALPHABET += [*"İıſ\u212aµμΣσς"]
ALPHABET += [*"geänderter GEÄNDERTER befund opravné vyšetření OPRAVNÉ VYŠETŘENÍ tillæg TILLÆG"]
ALPHABET += [*"mała MAŁA șe ȘE ẞß\u212b"]


def spans(matches: object) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(ALPHABET), max_size=120))
def test_same_matches_as_ignorecase(pattern: str, text: str) -> None:
    expected = spans(re.compile(pattern, re.IGNORECASE).finditer(text))
    assert spans(CaselessPattern(pattern).finditer(text)) == expected
    assert spans(CaselessPattern(pattern).finditer(text, text.lower())) == expected


def test_latin_letters_fold_like_lower_case_for_every_character() -> None:
    """The rule ``CaselessPattern`` relies on, checked over all of Unicode: each letter it
    lets through matches under ``IGNORECASE`` exactly the characters that lower-case to it
    ("ı" and "ſ" and length-changing characters are handled apart)."""
    everything = (chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF)
    candidates = "".join(x for x in everything if x not in "ıſ" and len(x.lower()) == 1)
    lowers_to: dict[str, set[str]] = {}
    for x in candidates:
        lowers_to.setdefault(x.lower(), set()).add(x)
    for letter in sorted(FOLDS_LIKE_LOWER):
        folded = re.compile(re.escape(letter), re.IGNORECASE)
        assert set(folded.findall(candidates)) == lowers_to.get(letter, set()), letter


def test_length_changing_lowercase_falls_back_to_ignorecase() -> None:
    text = "İ LEIOMYOMA"  # "İ".lower() is two characters: offsets would shift by one
    assert len(text.lower()) != len(text)
    found = spans(CaselessPattern(PATTERNS[0]).finditer(text))
    assert found == [(2, 11, "r0")]


def test_upper_case_pattern_letters_keep_ignorecase() -> None:
    """A pattern with upper-case letters cannot run over lower-cased text: "[A-Z]" would
    never match; the class falls back to ``IGNORECASE`` for it."""
    pattern = CaselessPattern(r"[A-Z]{2}\d")
    assert spans(pattern.finditer("ki67 KI67")) == [(0, 3, None), (5, 8, None)]


def test_report_type_head_stays_aligned_when_lowercasing_changes_length() -> None:
    """An "İ" early in a long report makes ``text.lower()`` one character longer; the
    report-type rules must still see the real head, not a shifted slice of the lowered text."""
    from pathmine.nlp import default_extractor

    extractor = default_extractor()
    window = extractor.rules.report_types.window
    text = "İ" + " " * (window - 13) + "SLIDE REVIEW" + " filler" * 50  # ends at the window
    assert extractor.infer_report_type(text, text.lower()) == extractor.infer_report_type(text)
    assert extractor.infer_report_type(text) == "review"
