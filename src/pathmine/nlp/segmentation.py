"""Tokenizer tweaks and a line-aware sentence splitter for pathology reports.

Reports are line-oriented ("A. UTERUS, HYSTERECTOMY:" then "- LEIOMYOMATA"), so a newline
is usually a boundary — but OCR output breaks sentences mid-phrase, where the next line
continues in lower case. spaCy's punctuation sentencizer knows neither; PyRuSH is accurate
but slow (87% of plain medspaCy's time), so this component does the cheap thing that fits
the genre.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex, compile_suffix_regex

_SENTENCE_END = {".", "!", "?"}
_BULLETS = {"-", "*", "•", "➢", ">", "–", "—", "o", "·"}
_JOIN_MIN_LINE = 40


def customize_tokenizer(nlp: Language) -> None:
    """Split inline stain results so ``desmin+`` and ``CD10(-)`` become marker + result."""
    tokenizer: Any = nlp.tokenizer
    defaults: Any = nlp.Defaults
    suffixes = [*defaults.suffixes, r"(?<=[A-Za-z0-9])\+", r"(?<=[A-Za-z][A-Za-z0-9])-(?=$)"]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    infixes = [*defaults.infixes, r"(?<=[A-Za-z0-9])\((?=[-+])", r"(?<=[-+])\)"]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    _add_upper_case_negations(tokenizer)


def _add_upper_case_negations(tokenizer: Any) -> None:
    """Split ALL-CAPS negated contractions ("CANNOT", "DON'T") like their lower-case forms.

    spaCy's exceptions cover "cannot" and "Cannot" but not "CANNOT"; left whole, caps prose
    ("LEIOMYOSARCOMA CANNOT BE EXCLUDED") misses the ConText cue "cannot be excluded".
    """
    for text, pieces in list(tokenizer.rules.items()):
        if text != text.lower() or not ("n't" in text or text == "cannot"):
            continue
        upper = text.upper()
        if upper in tokenizer.rules or len(upper) != len(text):
            continue
        tokenizer.add_special_case(
            upper, [{**piece, ORTH: piece[ORTH].upper()} for piece in pieces]
        )


def _is_line_break(token: Token) -> bool:
    return token.is_space and "\n" in token.text


def _previous_line(doc: Doc, index: int) -> str:
    """Text of the line that ends just before token ``index`` (a newline token)."""
    start_char = doc[index].idx
    line_start = doc.text.rfind("\n", 0, start_char) + 1
    return doc.text[line_start:start_char]


def _starts_new_sentence(doc: Doc, newline_index: int, nxt: Token) -> bool:
    newline = doc[newline_index]
    if newline.text.count("\n") >= 2:
        return True
    prev = doc[newline_index - 1] if newline_index > 0 else None
    if prev is None or prev.text in _SENTENCE_END or prev.text in {":", ";"}:
        return True
    first = nxt.text[0]
    if nxt.text in _BULLETS or first.isdigit() or first in "([":
        return True
    if not first.isupper():
        return False  # lower-case continuation of a broken line
    line = _previous_line(doc, newline_index).strip()
    if len(line) < _JOIN_MIN_LINE:
        return True  # short lines are headings or table rows
    # A long ALL-CAPS line that stops mid-phrase continues on the next line (OCR, caps prose).
    return not (line.isupper() and (prev.is_alpha or prev.text == ","))


def _ends_sentence(doc: Doc, punct: Token) -> bool:
    """A "?" ends a sentence only when glued to the word before it ("sarcoma?").

    A free-standing "?" before a term ("? leiomyosarcoma", "tumour ?LMS") is the clinician's
    query mark; splitting there would cut the cue off from the term it qualifies.
    """
    if punct.text != "?":
        return True
    if punct.i == 0:
        return False
    before = doc[punct.i - 1]
    return not before.is_space and not before.whitespace_


@Language.component(
    "pathmine_line_sentencizer_v1",
    assigns=["token.is_sent_start"],
)
def line_sentencizer(doc: Doc) -> Doc:
    """Sentence starts at end punctuation and at line breaks that begin a new unit."""
    if len(doc) == 0:
        return doc
    doc[0].is_sent_start = True
    pending_start = False
    for i in range(1, len(doc)):
        token = doc[i]
        prev = doc[i - 1]
        start = False
        if token.is_space:
            token.is_sent_start = False
            if _is_line_break(token) and i + 1 < len(doc):
                nxt = doc[i + 1]
                pending_start = pending_start or _starts_new_sentence(doc, i, nxt)
            continue
        if pending_start:
            start = True
            pending_start = False
        elif prev.text in _SENTENCE_END and not prev.is_space and _ends_sentence(doc, prev):
            start = True
        token.is_sent_start = start
    return doc
