"""Tokenizer tweaks and a line-aware sentence splitter for pathology reports.

Reports are line-oriented ("A. UTERUS, HYSTERECTOMY:" then "- LEIOMYOMATA"), so a newline
is usually a boundary — but OCR output breaks sentences mid-phrase, where the next line
continues in lower case. spaCy's punctuation sentencizer knows neither; PyRuSH is accurate
but slow (87% of plain medspaCy's time), so this component does the cheap thing that fits
the genre.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

from pathmine.nlp.sentences import record_sentence_starts
from pathmine.nlp.tokenizer import text_of, words_of

_SENTENCE_END = {".", "!", "?"}
# a long line ending in one of these is cut mid-phrase (a bilingual "term /", "A &")
_LINE_JOINERS = {"/", "&"}
_BULLETS = {"-", "*", "•", "➢", ">", "–", "—", "o", "·"}
_JOIN_MIN_LINE = 40
# a line that only names a type ("Endometrioid type", OCR "FEndometrioid)type", "of serous
# type"): the rest of the diagnosis on the line before ("Adenocarcinoma of endometrium")
TYPE_LINE = re.compile(
    r"[(\[]?(?:of\s+)?[a-z][\w-]{2,30}[)\]]?\s*-?\s*type\b[\s.,;]*", re.IGNORECASE
)


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


def _starts_new_sentence(text: str, words: list[str], doc: Doc, i: int) -> bool:
    """Does the line break at token ``i`` (a newline token) begin a new sentence?"""
    if words[i].count("\n") >= 2:
        return True
    prev = words[i - 1] if i > 0 else None
    if prev is None or prev in _SENTENCE_END or prev in {":", ";"}:
        return True
    nxt = words[i + 1]
    first = nxt[0]
    start_char = doc[i].idx
    line = text[text.rfind("\n", 0, start_char) + 1 : start_char].strip()
    if first in "([" and len(line) >= _JOIN_MIN_LINE and (prev.isalnum() or prev == ","):
        return False  # "... cytokeratin\n(AE1/AE3), S100 ...": a wrapped list goes on
    if (prev.isalpha() or prev == ",") and TYPE_LINE.fullmatch(_line_at(text, doc[i + 1].idx)):
        return False  # "Adenocarcinoma of endometrium\n(Endometrioid) type"
    if prev in _LINE_JOINERS and len(line) >= _JOIN_MIN_LINE:
        return False  # "... UNG THU BIEU MO TUYEN /\nADENOCARCINOMA": the line stops mid-phrase
    if nxt in _BULLETS or first.isdigit() or first in "([|":
        return True  # a bullet, a number, a bracket or a table row ("| PAX8 | positive |")
    if not first.isupper():
        return False  # lower-case continuation of a broken line
    if len(line) < _JOIN_MIN_LINE:
        return True  # short lines are headings or table rows
    # A long ALL-CAPS line that stops mid-phrase continues on the next line (OCR, caps prose).
    return not (line.isupper() and (prev.isalpha() or prev == ","))


def _line_at(text: str, start: int) -> str:
    """The text from ``start`` to the end of its line."""
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def _ends_sentence(doc: Doc, words: list[str], i: int) -> bool:
    """A "?" ends a sentence only when glued to the word before it ("sarcoma?").

    A free-standing "?" before a term ("? leiomyosarcoma", "tumour ?LMS", "(? carcinoma)")
    is the clinician's query mark; splitting there would cut the cue off from the term it qualifies.
    """
    if words[i] != "?":
        return True
    if i == 0:
        return False
    before = doc[i - 1]
    if words[i - 1] in ("(", "["):
        return False  # "(? bronchial carcinoma)": a query mark opening a bracket
    return not words[i - 1].isspace() and not before.whitespace_


def _mid_phrase_period(doc: Doc, words: list[str], i: int, nxt: int) -> bool:
    """A "." that is not a full stop although a lower-case word follows it directly:
    a speck OCR set between two words with no space on either side ("Adenocarcinoma.of
    endometrium"), or a table's leader with a space on each side ("MLH1 / PMS2 . retained")."""
    if words[i] != "." or nxt != i + 1 or i == 0 or not words[nxt][:1].islower():
        return False
    after, before = bool(doc[i].whitespace_), bool(doc[i - 1].whitespace_)
    if after and before:
        return True  # a leader
    return not after and not before and len(words[i - 1]) >= 3 and words[i - 1].isalpha()  # a speck


@Language.component(
    "pathmine_line_sentencizer_v1",
    assigns=["token.is_sent_start"],
)
def line_sentencizer(doc: Doc) -> Doc:
    """Sentence starts at end punctuation and at line breaks that begin a new unit.

    Works on the token texts as a plain list and writes all boundaries with one
    ``Doc.from_array`` call: per-token attribute access is what made this slow.
    """
    n = len(doc)
    if n == 0:
        return doc
    text = text_of(doc)
    words = words_of(doc)
    starts = numpy.full((n, 1), -1, dtype="int64")
    starts[0, 0] = 1
    marked = [0]
    pending = False
    last = 0  # the last non-space token: "Leiomyoma.  No atypia" splits despite two spaces
    for i in range(1, n):
        word = words[i]
        if word.isspace():
            if not pending and "\n" in word and i + 1 < n:
                pending = _starts_new_sentence(text, words, doc, i)
            continue
        if pending:
            starts[i, 0] = 1
            marked.append(i)
            pending = False
        elif (
            words[last] in _SENTENCE_END
            and _ends_sentence(doc, words, last)
            and not _mid_phrase_period(doc, words, last, i)
        ):
            starts[i, 0] = 1
            marked.append(i)
        last = i
    doc.from_array([SENT_START], starts.astype("uint64"))  # type: ignore[arg-type]
    record_sentence_starts(doc, marked)
    return doc
