"""``nlp.regex_targets``: the scan shortcuts find exactly what the plain alternation finds.

Two shortcuts, both pure speed: a first-character lookahead on the OCR-variant alternation
(``_first_chars``) and, for case-sensitive literals, an alternation built only from the
literals whose words all occur in the text. Examples are our own.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathmine.nlp.caseless import CaselessPattern, required_literals
from pathmine.nlp.caseless import first_chars as _first_chars
from pathmine.nlp.pipeline import default_extractor
from pathmine.nlp.regex_targets import _bounded


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["(?P<r0>leiomyomat?a?s?)"], {"l"}),
        (["(?P<r1>[s5]ma)", "(?P<r2>cd-?[1l][0o])"], {"s", "5", "c"}),
        (["(?P<r3>(?:h-?)?ca[l1]des(?:m|rn)[o0]n)"], {"h", "c"}),  # optional prefix
        (["(?P<r4>de[s5](?:m|rn)[il1]n|dezmin)"], {"d"}),
        (["(?P<r5>[a-c]x)"], {"a", "b", "c"}),
        ([r"\d+x"], None),  # a category class: not told, no lookahead
        (["a?"], None),  # can match empty
        (["(?:ab|c?)d"], None),  # a branch that can match empty: conservative
        ([r"\bmf\b", r"/\s*mm", "mitos"], {"m", "/"}),  # zero-width assertions skipped
    ],
)
def test_first_chars(parts: list[str], expected: set[str] | None) -> None:
    found = _first_chars(parts)
    assert (None if found is None else set(found)) == expected


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        # the parser factors "sar" out of "sarkom|sarcoom"; the stretch joins them again
        ("[a-zäö]{3,}(?:sarkom|sarcoom)(?:e|en)?", {"sarkom", "sarcoom"}),
        ("[a-z]{2,}(?:blastom)", {"blastom"}),
        ("lei[o0]my[o0]ma", {"lei"}),  # the longest stretch of 3+
        ("(?:ab|cd)xy", {"abxy", "cdxy"}),
        ("[a-z]+(?:o|a)", None),  # nothing of 3 characters is certain
        (r"\d+ hpf", {" hpf"}),
    ],
)
def test_required_literals(part: str, expected: set[str] | None) -> None:
    found = required_literals(part)
    assert (None if found is None else set(found)) == expected


def test_rule_without_a_useful_first_character_is_scanned_on_its_stems() -> None:
    """A compound rule ("[a-z]{3,}karzinom") cannot share the guarded scan; it runs alone in
    reports holding its stem and still tags the word."""
    extractor = default_extractor()
    codes = {m.icdo3 for m in extractor.extract("Befund: Mammakarzinom, G2.").diagnoses}
    assert "8010/3" in codes
    assert not extractor.extract("Befund: Mamma ohne Befund.").diagnoses


def test_pipeline_variant_scan_gets_its_lookahead() -> None:
    """The shipped lexicon's OCR variants are all readable, so the shortcut is in use."""
    extractor = default_extractor()
    extractor.load()
    targets: Any = extractor._nlp.get_pipe("pathmine_regex_targets_v1")
    targets._compile()
    assert _first_chars(targets._parts[False])


VARIANTS = [
    "(?P<r0>le[il1][o0]my[o0]ma(ta|s)?)",
    "(?P<r1>[s5]ma)",
    "(?P<r2>(?:h-?)?ca[l1]des(?:m|rn)[o0]n)",
    "(?P<r3>cd-?[1l][0o])",
]
ALPHABET = [*"leiomyoma LE1OMY0MA 5ma SMA h-caldesmon CALDESRNON cd-10 CDl0 x-", "\n", "İ"]


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(ALPHABET), max_size=100))
def test_lookahead_finds_the_same_matches(text: str) -> None:
    plain = CaselessPattern(_bounded(VARIANTS))
    guarded = CaselessPattern(_bounded(VARIANTS, _first_chars(VARIANTS)))
    spans = [(m.start(), m.end(), m.lastgroup) for m in plain.finditer(text)]
    assert [(m.start(), m.end(), m.lastgroup) for m in guarded.finditer(text)] == spans


LITERAL_TEXTS = [
    "LG-ESS and HG-ESS; ESS",
    "ER-alpha positive, ER negative, PgR weak",
    "(α-SMA) αSMA xSTUMP STUMPs STUMP_ ccRCC",
    "TUMOR ERG; PERSISTENT; 5ER; GISTs",
    "no abbreviation at all",
]


@pytest.mark.parametrize("text", LITERAL_TEXTS)
def test_literal_scan_matches_the_full_alternation(text: str) -> None:
    """The component scans only for the literals whose words the text holds; that finds
    exactly what one alternation of all its case-sensitive literals finds."""
    extractor = default_extractor()
    extractor.load()
    targets: Any = extractor._nlp.get_pipe("pathmine_regex_targets_v1")
    targets._compile()
    full = re.compile(_bounded(targets._parts[True]))
    expected = [(m.start(), m.end(), m.lastgroup) for m in full.finditer(text)]
    names = {re.match(r"\(\?P<(\w+)>", part).group(1) for part in targets._parts[True]}
    doc = extractor._nlp.make_doc(text)
    found = [(m.start(), m.end(), m.lastgroup) for m in targets._matches(doc)]
    assert [f for f in found if f[2] in names] == expected
    assert expected or text == "no abbreviation at all"
