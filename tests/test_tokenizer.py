"""The regex tokenizer: lossless on any text, and the splits the rules rely on."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pathmine.nlp.tokenizer import PathologyTokenizer, lower_text_of, text_of, words_of

TOKENIZER = PathologyTokenizer(spacy.blank("en").vocab)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_lossless_on_any_text(text: str) -> None:
    """Same text but for phrase-wrapping newlines (spaces) and flattened line breaks
    (",", which become newlines): same length, so offsets are unchanged."""
    doc = TOKENIZER(text)
    assert len(doc.text) == len(text)
    same = zip(doc.text, text, strict=True)
    assert all(a == b or (a, b) in {(" ", "\n"), ("\n", ",")} for a, b in same)
    assert all(tok.text for tok in doc)


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Ki-67 ~30%", ["Ki-67", "~", "30", "%"]),
        ("HHF-35, S-100 and MIB-1", ["HHF-35", ",", "S-100", "and", "MIB-1"]),
        ("h-caldesmon α-SMA", ["h-caldesmon", "α-SMA"]),
        ("desmin+ CD10(-)", ["desmin", "+", "CD10", "(", "-", ")"]),
        ("S100-positive, CD10-", ["S100", "-", "positive", ",", "CD10", "-"]),
        ("well-differentiated", ["well", "-", "differentiated"]),
        ("AE1/AE3 15/10 HPF", ["AE1", "/", "AE3", "15", "/", "10", "HPF"]),
        ("2.4 mm2 1,000", ["2.4", "mm2", "1,000"]),
        ("vs. Dr. e.g. mass. No", ["vs.", "Dr.", "e.g.", "mass", ".", "No"]),
        ("cannot CANNOT don't", ["can", "not", "CAN", "NOT", "do", "n't"]),
        ("patient's", ["patient", "'s"]),
        # several clitics in one text (re-joined right to left), curly apostrophe, one not a
        # clitic ("n 't" has a space), a lone apostrophe at the end
        (
            "isn't, wasn’t; can't DON'T n 't '",
            ["is", "n't", ",", "was", "n’t", ";", "ca", "n't", "DO", "N'T", "n", "'", "t", "'"],
        ),
        ("A.\n - LEIOMYOMATA", ["A", ".", "\n ", "-", "LEIOMYOMATA"]),
        ("x  y", ["x", " ", "y"]),
        ("_ a__b", ["_", "a", "__", "b"]),
        ("malignant peripheral\nnerve sheath", ["malignant", "peripheral", "nerve", "sheath"]),
        ("Leiomyoma.\nNo atypia", ["Leiomyoma", ".", "\n", "No", "atypia"]),
        ("FINAL DIAGNOSIS\nleiomyoma", ["FINAL", "DIAGNOSIS", "\n", "leiomyoma"]),
        ("Diagnosis\nleiomyoma", ["Diagnosis", "\n", "leiomyoma"]),
        ("mass.,SPECIMEN:, Lung", ["mass", ".", "\n", "SPECIMEN", ":", "\n", " ", "Lung"]),
        ("e.g., SMA", ["e.g.", ",", "SMA"]),
        ("tumour, possibly\nleiomyosarcoma", ["tumour", ",", "possibly", "leiomyosarcoma"]),
        ("DIAGNOSIS:\nleiomyoma", ["DIAGNOSIS", ":", "\n", "leiomyoma"]),
        ("SHORT CAPS LINE\nNEXT", ["SHORT", "CAPS", "LINE", "\n", "NEXT"]),
        (
            "SPINDLE CELL TUMOUR OF THE SACRUM, POSSIBLY\nLEIOMYOSARCOMA",
            ["SPINDLE", "CELL", "TUMOUR", "OF", "THE", "SACRUM", ",", "POSSIBLY", "LEIOMYOSARCOMA"],
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_splits(text: str, tokens: list[str]) -> None:
    assert [t.text for t in TOKENIZER(text)] == tokens


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_cached_text_and_words_are_what_spacy_would_compute(text: str) -> None:
    """The tokenizer hands the Doc's text and token texts to later components; they must be
    exactly spaCy's own ``Doc.text`` and token texts, or offsets and matches drift."""
    doc = TOKENIZER(text)
    assert text_of(doc) == "".join(t.text_with_ws for t in doc)
    assert words_of(doc) == [t.text for t in doc]
    assert lower_text_of(doc) == text_of(doc).lower()


@given(st.text(alphabet=st.sampled_from(list("ab,.:\n -ZA")), max_size=80))
def test_cached_text_on_line_break_edits(text: str) -> None:
    """Dense in the two edits (wrapped newlines, ".," flattened breaks)."""
    doc = TOKENIZER(text)
    assert text_of(doc) == "".join(t.text_with_ws for t in doc)


def test_sentence_lookups_match_spacy() -> None:
    """``sentence_of`` answers what ``Token.sent`` and ``Span.sent`` answer (a span that
    crosses a boundary gets the sentence of its first token)."""
    from pathmine.nlp import default_extractor
    from pathmine.nlp.sentences import sentence_of, sentence_spans

    nlp = default_extractor().nlp
    doc = nlp(
        "FINAL DIAGNOSIS:\nA. Uterus, hysterectomy:\n- Leiomyoma.  No atypia; see note.\n"
        "Comment: spindle cells are\npositive for desmin? Review."
    )
    assert [s.start for s in sentence_spans(doc)] == [s.start for s in doc.sents]
    for start in range(len(doc)):
        assert sentence_of(doc, start) == doc[start].sent
        for end in range(start + 1, min(len(doc), start + 12) + 1):
            expected = doc[start:end].sent
            found = sentence_of(doc, start)
            assert (found.start, found.end) == (expected.start, expected.end)
