"""Resolve each immunostain marker mention to a result, intensity, extent and percent.

Pathology reports state one result for a whole coordinated list ("SMA, desmin and
h-caldesmon are diffusely positive, while S100 and CD34 are negative"), put the cue before
the list ("positive for X, Y and Z", "loss of PMS2"), after it ("Desmin: Positive (diffuse,
strong)", "Desmin  B15  positive"), or inline ("desmin+", "CD10 (-)"). The resolver groups
markers joined only by list connectors, then looks for a prefix cue, a postfix cue within
the clause, an inherited cue from the previous group ("positive for desmin (diffuse), SMA
(focal)"), and finally a bare percentage ("Ki-67 ~30%").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pathmine.nlp.ocr_fuzzy import OCR_AS_DIGIT
from pathmine.nlp.rules import (
    CompoundMarker,
    MarkerEntry,
    MolecularContext,
    NotResults,
    Outcome,
    ResultCues,
)
from pathmine.nlp.tokenizer import ocr_norm, text_of
from pathmine.records import StainResult

_CONNECTORS = {",", "and", "or", "/", "&", "plus", "as", "well", "also", "both", "nor", "either"}
_CLAUSE_BREAKS = {".", ";", "while", "whereas", "but", "however", "although", "except"}
# verbs that report what a stain showed ("desmin shows", "did not reveal")
_SHOWING_VERBS = frozenset(
    {"show", "shows", "showed", "demonstrate", "demonstrates", "demonstrated"}
    | {"reveal", "reveals", "revealed"}
)
_FILLER = {
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    *_SHOWING_VERBS,
    ":",
    "(",
    ")",
    "=",
    "the",
    "tumor",
    "tumour",
    "cells",
    "cell",
    "in",
    "all",
    "both",
    "immunostain",
    "immunostains",
    "stain",
    "result",
    "results",
    "also",
    "and",
    "with",
    "cytoplasmic",
    "nuclear",
    "membranous",
    "staining",
    "immunostaining",
    "expression",
    "-",
    "–",
    "clone",
    "score",
    "tested",
    "shows:",
    "of",
    "a",
    "an",
    "antibodies",  # "reactivity with antibodies to p53", "ER and WT1 antisera"
    "antibody",
    "antisera",
    "antiserum",
    "to",
}
_WINDOW = 10
_ANTIBODY = {"antibodies", "antibody", "antisera", "antiserum"}
# "Stains for X and Y are negative": the prefix cue is the sentence's subject (the stains
# that were done), not a result; a result cue after the list wins over it.
_SUBJECT_PREFIXES = {
    ("stain", "for"),
    ("stains", "for"),
    ("stain", "with"),
    ("stains", "with"),
    ("staining", "for"),
    ("staining", "with"),
}
_SUBJECT_NORMS = {tuple(ocr_norm(w) for w in p) for p in _SUBJECT_PREFIXES}
# "CD34 highlights blood vessels only": staining of internal-control structures says
# nothing about the lesion, so such a cue is skipped.
_CONTROL_CUES = {
    "depict",
    "depicts",
    "depicted",
    "outline",
    "decorate",
    "highlights",
    "highlighted",
    "highlight",
    "stains",
    "stained",
    "marks",
    "labels",
    "outlines",
    "outlined",
    "decorates",
}
_CONTROL_ONLY = {"only", "alone"}
# "CD31 and CD34 highlight blood vessels within the lesion": the internal control stains,
# which says nothing about the lesion itself.
_CONTROL_OBJECTS = {
    "entrapped",
    "trapped",
    "residual",
    "native",
    "normal",
    "background",
    "adjacent",
    "non-neoplastic",
    "pericytes",
    "lymphocytes",
    "muscularis",
    "myometrium",
    "vessel",
    "vessels",
    "vasculature",
    "endothelium",
    "endothelial",
    "capillary",
    "capillaries",
}
_OBJECT_LEAD = {"the", "a", "blood", "small", "only"}
# Words between a negator and a prefix cue that keep the negation ("no significant
# reactivity with", "no convincing staining for").
_NEGATOR_HEDGES = {"significant", "definite", "convincing", "appreciable", "specific", "any"}
# ... and the verb between a negator and a result noun ("do not show overexpression of
# HER2", "showed no significant immunoreactivity" reads the negator two words back)
_NEGATOR_VERBS = {
    *_SHOWING_VERBS,
    "exhibit",
    "exhibits",
    "exhibited",
    "display",
    "displays",
    "displayed",
    "have",
    "has",
    "had",
}


def _negator_reaches(book: CueBook, before: Sequence[str]) -> bool:
    """The words right before a result cue end in a negator, over at most one hedge and one
    verb ("not", "no significant", "do not show", "does not show any")."""
    k = len(before)
    if k and before[k - 1] in _NEGATOR_HEDGES:
        k -= 1
    if k and before[k - 1] in _NEGATOR_VERBS:
        k -= 1
    return k > 0 and before[k - 1] in book.negators


# "Stain for CK7 and CK20 are performed": the stains were done (or are pending), and the
# clause reports no result, so the subject prefix ("stain for") must not be read as one.
# (Code, not data: the stains schema has no slot for it yet.)
_NO_RESULT = {
    ("performed",),
    ("pending",),
    ("ordered",),
    ("requested",),
    ("sent",),
    ("to", "follow"),
    ("will", "be", "reported"),
    ("will", "follow"),
}
# "melanoma marker HMB-45", "S100 antibody": a descriptor noun before the marker name.
_DESCRIPTORS = {"marker", "markers", "antibody", "antibodies"}
# a number, read through OCR's letters for digits ("7O%", "~l5%") when it holds a digit
_PERCENT = re.compile(r"^[~<>≈]?([0-9OolI]{1,3}(?:\.\d+)?)%?$")


@dataclass(frozen=True)
class _Cue:
    result: str
    tokens: tuple[str, ...]
    text: str


class CueBook:
    """Result, negator and qualifier cues compiled into lower-case token tuples."""

    def __init__(
        self,
        nlp: Language,
        cues: ResultCues,
        markers: Iterable[MarkerEntry],
        compounds: Iterable[CompoundMarker] = (),
        molecular: MolecularContext | None = None,
        not_results: NotResults | None = None,
    ) -> None:
        # Cues are compared on the tokenizer's OCR-folded NORM ("P0SITIVE", "negatlve").
        def toks(text: str) -> tuple[str, ...]:
            return tuple(t.norm_ for t in nlp.make_doc(text))

        self.postfix = self._compile(cues.postfix, toks)
        self.prefix = self._compile(cues.prefix, toks)
        self.negators = set(cues.negators)
        self.lesion_objects = frozenset(ocr_norm(w) for w in cues.lesion_objects)
        graded = cues.graded_index
        self.index_markers = frozenset(graded.markers) if graded else frozenset()
        self.index_nouns = frozenset(graded.nouns) if graded else frozenset()
        self.index_levels = frozenset(graded.levels) if graded else frozenset()
        self.intensity = {w: k for k, words in cues.intensity.items() for w in words}
        self.extent = {w: k for k, words in cues.extent.items() for w in words}
        self.canonical = {m.id: m.marker for m in markers}
        self.result_words = {c.tokens[0] for c in [*self.postfix, *self.prefix]} - {"-", "+"}
        patterns = cues.patterns
        self.pattern_markers = frozenset(patterns.markers) if patterns else frozenset()
        self.pattern_results = dict(patterns.results) if patterns else {}
        # pattern name -> one regex over the OCR-folded text after the marker
        self.patterns = [
            (
                name,
                re.compile(
                    r"\b(?:"
                    + "|".join(
                        re.escape(ocr_norm(t)).replace(r"\-", "[- ]?").replace(r"\ ", r"\s+")
                        for t in sorted(texts, key=len, reverse=True)
                    )
                    + r")\b"
                ),
            )
            for name, texts in (patterns.cues.items() if patterns else ())
        ]
        self.compounds = {c.id: [self.canonical[i] for i in c.markers] for c in compounds}
        self.molecular_after = frozenset(molecular.after) if molecular else frozenset()
        self.molecular_before = [toks(t) for t in molecular.before] if molecular else []
        # a scoring legend or a textbook statement: no result of this case in the sentence
        self.not_results = (
            re.compile("|".join(f"(?:{p})" for p in not_results.sentences), re.IGNORECASE)
            if not_results and not_results.sentences
            else None
        )

    @staticmethod
    def _compile(
        table: Mapping[Outcome, list[str]], toks: Callable[[str], tuple[str, ...]]
    ) -> list[_Cue]:
        compiled = [
            _Cue(result, toks(text), text) for result, texts in table.items() for text in texts
        ]
        return sorted(compiled, key=lambda c: -len(c.tokens))

    @staticmethod
    def match_at(cues: Sequence[_Cue], words: Sequence[str], i: int) -> _Cue | None:
        for cue in cues:
            n = len(cue.tokens)
            if tuple(words[i : i + n]) == cue.tokens:
                return cue
        return None

    def match_ending_at(self, words: Sequence[str], end: int) -> _Cue | None:
        for cue in self.prefix:
            n = len(cue.tokens)
            if end - n >= 0 and tuple(words[end - n : end]) == cue.tokens:
                return cue
        return None


@dataclass
class _Found:
    result: str
    cue_end: int
    via: str
    intensity: str | None = None
    extent: str | None = None
    cue: tuple[str, ...] = ()
    distant: bool = False  # a prefix reached over list items of stains the lexicon lacks


def _group_markers(book: CueBook, sent: Span, markers: Sequence[Span]) -> list[list[Span]]:
    groups: list[list[Span]] = []
    for marker in markers:
        if groups:
            between = sent.doc[groups[-1][-1].end : marker.start]
            # "CD117 (c-kit) and CD34": an alias in parentheses stays in the list
            if all(
                t.is_space or t.lower_ in _CONNECTORS or t.text in "()" for t in between
            ) and not any(t.text in {"+", "-"} for t in between):
                groups[-1].append(marker)
                continue
            if _unknown_items(book, between):
                groups[-1].append(marker)
                continue
        groups.append([marker])
    return groups


_MAX_ITEM = 3  # tokens in one list item of a stain the lexicon does not know
# "positive for CEA and p16", "CK7, CA125 and WT1"; dictation spells the comma out
_ITEM_SEPARATORS = {",", "comma", "and", "or", "&"}
_COMMAS = {",", "comma"}


def _unknown_items(book: CueBook, between: Span) -> bool:
    """Only list items of stains the lexicon does not know lie between two markers
    ("negative for CK20, mammaglobin, BRST-2, and calretinin"): comma-separated items of
    at most three tokens, with no result cue, verb, negator or clause break among them."""
    tokens = [t for t in between if not t.is_space]
    if not tokens or tokens[0].lower_ not in _ITEM_SEPARATORS:
        return False
    item = 0
    closed = False  # an "and" before an item closes the list: "A and B, ER ..." starts anew
    for tok in tokens:
        lower = tok.lower_
        if lower in _ITEM_SEPARATORS:
            if lower in _COMMAS and closed:
                return False
            closed = closed or lower not in _COMMAS
            item = 0
            continue
        if (
            lower in _CLAUSE_BREAKS
            or lower in _FILLER
            or lower in book.negators
            or tok.norm_ in book.result_words
            or lower in book.intensity
            or lower in book.extent
            or tok.text in {"+", "-", "(", ")"}
        ):
            return False
        item += 1
        if item > _MAX_ITEM:
            return False
    return True


def _qualifiers(book: CueBook, tokens: Iterable[Token]) -> tuple[str | None, str | None]:
    intensity = extent = None
    for tok in tokens:
        lower = tok.lower_
        if _is_score(tok):
            lower = tok.nbor(-1).text + "+"  # the tokenizer splits "3+" into "3" "+"
        intensity = intensity or book.intensity.get(lower)
        extent = extent or book.extent.get(lower)
    return intensity, extent


def _is_score(tok: Token) -> bool:
    """A "+" glued to a digit ("2+") is an intensity score, not an inline positive sign."""
    if tok.text != "+" or tok.i == 0:
        return False
    before = tok.nbor(-1)
    return before.text.isdigit() and not before.whitespace_


def _inline(doc: Doc, marker: Span) -> _Found | None:
    """``desmin+`` / ``CD10 (-)`` / ``SMA(+)``: a sign glued to the marker."""
    last = marker[-1].text
    if len(last) > 2 and last[-1] in "+-" and last[-2].isalnum():
        # the tokenizer left the sign on the marker's own token ("S-100-")
        return _Found("positive" if last[-1] == "+" else "negative", marker.end, "inline")
    i = marker.end
    if i >= len(doc):
        return None
    tok = doc[i]
    if tok.text == "(" and i + 1 < len(doc) and doc[i + 1].text[-2:] in {")+", ")-"}:
        # "smooth muscle actin (SMA)+": the abbreviation in parentheses carries the sign
        sign = "positive" if doc[i + 1].text.endswith("+") else "negative"
        return _Found(sign, i + 2, "inline")
    if tok.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
        tok, end = doc[i + 1], i + 3
    else:
        end = i + 1
        if marker[-1].whitespace_:
            return None
    if tok.text in {"+", "++", "+++"}:
        return _Found("positive", end, "inline")
    if tok.text == "-" and (end >= len(doc) or not doc[end].is_alpha or doc[i].text == "("):
        return _Found("negative", end, "inline")
    return None


def _prefix(book: CueBook, sent: Span, group: list[Span]) -> _Found | None:
    doc = sent.doc
    start = group[0].start
    # Skip qualifiers and filler directly before the list ("positive for the", "strongly").
    lo = max(sent.start, start - 16)
    window = [t for t in doc[lo:start] if not t.is_space]
    words = [t.lower_ for t in window]
    norms = [t.norm_ for t in window]
    end = len(words)
    cue = book.match_ending_at(norms, end)
    # A cue may itself end in a skippable word ("Positive: SMA, desmin"), so try before
    # each strip, not only after all of them.
    if end > 1 and words[end - 1] in {"to", "against"} and words[end - 2] in _ANTIBODY:
        end -= 2  # "reactivity with antibodies to p53"
        cue = book.match_ending_at(norms, end)
    while cue is None and (
        end > 0
        and (
            words[end - 1] in book.intensity
            or words[end - 1] in book.extent
            or words[end - 1] in {"the", "both", "(", ":", "a"}
            or words[end - 1] in _DESCRIPTORS
        )
    ):
        if words[end - 1] in _DESCRIPTORS and end > 1 and words[end - 2].isalpha():
            end -= 1  # "with melanoma marker HMB-45": drop the descriptor's own modifier too
            cue = book.match_ending_at(norms, end)
            if cue is not None:
                break
        end -= 1
        cue = book.match_ending_at(norms, end)
    if cue is None and end >= 2 and words[end - 1] in {"for", "with"}:
        inner = _inner_qualifier(book, words, end - 1)
        if inner < end - 1:
            # "stains strongly for vimentin", "negative (1+) for HER2": the cue around an
            # adverb or a bracketed score
            norms = [*norms[:inner], *norms[end - 1 :]]
            words = [*words[:inner], *words[end - 1 :]]
            window = [*window[:inner], *window[end - 1 :]]
            end = inner + 1
            cue = book.match_ending_at(norms, end)
    if cue is None and end >= 3 and words[end - 1] == "for":
        for where in _cells_phrase_starts(words, end - 1):
            # "positive staining of tumor cells in the glandular areas for estrogen
            # receptor": the cue around the cells it was seen in
            spliced = [*norms[:where], *norms[end - 1 :]]
            cue = book.match_ending_at(spliced, where + 1)
            if cue is not None:
                norms, words = spliced, [*words[:where], *words[end - 1 :]]
                window = [*window[:where], *window[end - 1 :]]
                end = where + 1
                break
    distant = False
    if cue is None:
        # "negative for BRST-2, mammaglobin, CK20": skip the list items of unknown stains
        end = _skip_unknown_items(book, window, len(words))
        cue = book.match_ending_at(norms, end) if end < len(words) else None
        distant = True
    if cue is None:
        return None
    before = words[: end - len(cue.tokens)]
    result = cue.result
    # "not positive for", "no significant reactivity with", "do not show overexpression of",
    # or a clause that opens with a negator ("No ... is demonstrated with")
    negated = _negator_reaches(book, before) or _clause_negated(
        book, sent, window[end - len(cue.tokens)]
    )
    if result == "positive" and not negated and end > len(cue.tokens):
        outer = book.match_ending_at(norms, end - len(cue.tokens))
        # "negative for overexpression of HER2": a negative result whose object is the
        # positive cue
        negated = outer is not None and outer.result == "negative"
    if negated and result == "positive":
        result = "negative"
    intensity, extent = _qualifiers(book, window[max(0, end - len(cue.tokens) - 3) :])
    return _Found(result, start, "prefix", intensity, extent, cue.tokens, distant)


_CELLS_WORDS = frozenset(
    {"cells", "tumor", "tumour", "component", "components", "areas", "nuclei", "glands"}
)


def _cells_phrase_starts(words: Sequence[str], end: int) -> list[int]:
    """Where a phrase naming the cells or area stained ("of tumor cells in the glandular
    areas", "in the solid component") that ends at ``end`` may begin, nearest first: at
    most eight words, no punctuation."""
    starts = []
    for j in range(end - 2, max(-1, end - 10), -1):
        if not words[j].isalpha():
            break
        if words[j] in {"of", "in", "within"} and _CELLS_WORDS & set(words[j:end]):
            starts.append(j)
    return starts


def _inner_qualifier(book: CueBook, words: Sequence[str], end: int) -> int:
    """Where an adverb ("strongly", "focally") or a bracketed score ("(1+)") that ends at
    ``end`` begins; ``end`` itself when there is none."""
    if end and (words[end - 1] in book.intensity or words[end - 1] in book.extent):
        return end - 1
    if end >= 3 and words[end - 1] == ")":
        opening = next((j for j in range(end - 2, max(-1, end - 6), -1) if words[j] == "("), None)
        if opening is not None and all(
            w in book.intensity or w.rstrip("+").isdigit() or w in {"+", "%", "score"}
            for w in words[opening + 1 : end - 1]
        ):
            return opening
    return end


def _skip_unknown_items(book: CueBook, window: Sequence[Token], end: int) -> int:
    """Where the list starts when it opens with items the lexicon does not know: step back
    over "item ," pairs (at most three tokens an item, no cue or clause break among them)
    to the end of a prefix cue; ``end`` when there is none."""
    norms = [t.norm_ for t in window]
    k = end
    if k > 1 and window[k - 1].lower_ in {"and", "or"} and window[k - 2].text == ",":
        k -= 1  # "..., racemase, RCC, and vimentin"
    comma = False  # seen stepping back; an "and" before it closed an earlier list
    while k > 0 and window[k - 1].lower_ in _ITEM_SEPARATORS:
        if window[k - 1].lower_ in _COMMAS:
            comma = True
        elif comma:
            return end
        j, item = k - 1, 0
        while j > 0 and item <= _MAX_ITEM:
            if item and book.match_ending_at(norms, j) is not None:
                return j
            tok = window[j - 1]
            if (
                tok.lower_ in _CLAUSE_BREAKS
                or tok.lower_ in _ITEM_SEPARATORS
                or tok.lower_ in _FILLER
                or tok.norm_ in book.result_words
            ):
                break
            j, item = j - 1, item + 1
        if item == 0 or j == 0 or window[j - 1].lower_ not in _ITEM_SEPARATORS:
            return end
        k = j
    return end


def _clause_negated(book: CueBook, sent: Span, cue_start: Token) -> bool:
    """The clause opens with a negator that reaches the cue ("No neuroendocrine
    differentiation is demonstrated with synaptophysin"): no list or clause joins between."""
    doc = sent.doc
    clause = [t for t in doc[sent.start : cue_start.i] if not t.is_space]
    for k in range(len(clause) - 1, -1, -1):
        if clause[k].lower_ in _CLAUSE_BREAKS or clause[k].lower_ in {",", "and", "or"}:
            clause = clause[k + 1 :]
            break
    opener = next((t for t in clause if not t.is_punct), None)
    return opener is not None and opener.lower_ in book.negators


def _no_result(sent: Span, group: list[Span], stop: int) -> bool:
    """The clause after the list says the stains were done or are awaited, not their result."""
    doc = sent.doc
    words: list[str] = []
    for tok in doc[group[-1].end : min(stop, sent.end)]:
        if tok.lower_ in _CLAUSE_BREAKS:
            break
        if not tok.is_space:
            words.append(tok.lower_)
    return any(
        tuple(words[k : k + len(cue)]) == cue for cue in _NO_RESULT for k in range(len(words))
    )


def _postfix(book: CueBook, sent: Span, group: list[Span], stop: int) -> _Found | None:
    doc = sent.doc
    tokens = [t for t in doc[group[-1].end : min(stop, sent.end)] if not t.is_space]
    words = [t.lower_ for t in tokens]
    norms = [t.norm_ for t in tokens]
    seen: list[Token] = []
    depth = 0
    for k, tok in enumerate(tokens[:_WINDOW]):
        if words[k] == "." and _leader_dot(tok):
            seen.append(tok)
            continue  # "MLH1 / PMS2 . retained": a leader, not a full stop
        if words[k] in _CLAUSE_BREAKS:
            return _qualifiers_only(book, seen)
        if words[k] == "," and depth == 0 and any(_is_content(book, t) for t in seen):
            return None  # "ER visit, troponin was positive": the result belongs to another noun
        depth += {"(": 1, ")": -1}.get(words[k], 0)
        if _is_score(tok):
            seen.append(tok)
            continue
        if words[k] in _PROCEDURE_VERBS and all(w in _PROCEDURE_SUBJECT for w in words[:k]):
            # "Pancytokeratin immunostain performed on all lymph node specimens (B-I) is
            # negative": the result follows the procedure and where it was done
            later = _stronger_cue(book, norms, k + 1, reach=_PROCEDURE_REACH)
            if later is None:
                return None
            j, done = later
            if words[j + len(done.tokens) : j + len(done.tokens) + 1] in (["for"], ["of"]):
                return None  # "... show tumor foci are positive for p16": another list's
            intensity, extent = _qualifiers(book, tokens[j + len(done.tokens) : j + 6])
            return _Found(done.result, tokens[j].i + len(done.tokens), "postfix", intensity, extent)
        cue = CueBook.match_at(book.postfix, norms, k)
        if cue is not None and _control_only(words, k):
            # "CD34 highlights blood vessels (but not the dilated spaces)", "desmin stains
            # only the entrapped muscularis propria": the internal control stains, the lesion
            # does not (ANNOTATION.md section 4)
            return _Found("negative", tok.i + 1, "control")
        if cue is not None and _options_line(book, norms, k, cue):
            return None  # "ER  o Negative  o Positive": a form's printed options
        if cue is not None and _adjective_of_next_list(sent, words, k, len(cue.tokens), stop):
            # "The diffuse desmin and h-caldesmon with negative CD10": the result word is the
            # next marker's adjective, not this list's result
            return None
        if cue is not None:
            after = words[k + len(cue.tokens)] if k + len(cue.tokens) < len(words) else ""
            beyond = k + len(cue.tokens) + 1
            if (
                after in {"for", "with", "of"}
                and not (
                    after in {"for", "of"} and _lesion_object(book, tokens[beyond : beyond + 3])
                )
                and not (
                    after == "with"
                    and cue.text not in _WEAK_CUES
                    and (
                        _result_word_follows(book, norms, beyond)
                        or words[beyond : beyond + 1] in ([w] for w in book.intensity)
                    )
                )
            ):
                return None  # a prefix cue of the next list ("..., negative for S100")
            if (
                cue.tokens == ("-",)
                and (after in book.extent or after in book.intensity)
                and not _is_hyphen(tok)
            ):
                # "EMA - focal in the undifferentiated component": stained, focally
                intensity, extent = _qualifiers(book, tokens[k + 1 : k + 3])
                return _Found("positive", tok.i + 1, "postfix", intensity, extent)
            if cue.tokens == ("-",) and after and after.isalpha():
                seen.append(tok)
                continue  # "Desmin - positive": the dash is a separator
            if cue.tokens == ("-",) and _result_word_follows(book, norms, k + 1):
                seen.append(tok)
                continue  # "ER, PR - focally positive": a separator before the result
            if cue.tokens == ("-",) and _is_hyphen(tok):
                seen.append(tok)
                continue  # "patchy (non-diffuse) staining": a hyphen inside a word
            stronger = (
                _stronger_cue(book, norms, k + len(cue.tokens)) if cue.text in _WEAK_CUES else None
            )
            if stronger is None and cue.text in _WEAK_CUES and _procedure_ahead(words, k + 1):
                # "ER and PR stains were performed on block B18", "stains are pending": the
                # stain was done, its result is elsewhere (or "... are negative" further on)
                later = _stronger_cue(
                    book, norms, _procedure_end(words, k + 1), reach=_PROCEDURE_REACH
                )
                if later is None:
                    return None
                stronger = later
            if stronger is not None:
                cue = stronger[1]
                k, tok = stronger[0], tokens[stronger[0]]
            elif cue.text in _WEAK_CUES:
                adjective = _result_adjective_before(book, group[0])
                if adjective is not None:
                    # "excluded by the negative S100/SOX10 and keratin stains"
                    return _Found(adjective, tok.i + len(cue.tokens), "postfix")
            if _checkbox_before(words, k) or _option_before(words, k):
                return None  # "ER  o Negative  o Positive": a form's printed options
            result = cue.result
            if result == "positive" and (
                any(w in book.negators for w in words[max(0, k - 2) : k])
                or _negator_reaches(book, words[:k])
            ):
                result = "negative"  # "c-kit showed no significant immunoreactivity"
            if result == "positive" and k <= 1 and _negated_before(book, sent, group[0]):
                result = "negative"  # "no keratin-positive tumour cells in the nodes"
            tail_end = k + len(cue.tokens)
            tail = tokens[tail_end : tail_end + 6]
            tail = [t for t in tail if t.lower_ not in _CLAUSE_BREAKS]
            intensity, extent = _qualifiers(book, [*seen, *tail[:5]])
            return _Found(result, tok.i + len(cue.tokens), "postfix", intensity, extent)
        seen.append(tok)
    if len(tokens) <= _WINDOW:
        return _qualifiers_only(book, seen)
    return None


_MORPHOLOGY_NOUNS = frozenset({"pearl", "pearls", "pearling", "formation", "debris", "plugs"})
_JOINING = frozenset({"with", "and", "but", "while", "whereas", "plus"})


def _adjective_of_next_list(
    sent: Span, words: Sequence[str], k: int, length: int, stop: int
) -> bool:
    """The cue at ``words[k]`` ends the window right where the next marker list starts and
    follows a joining word: "with negative CD10" qualifies CD10, not the list before it."""
    return k + length == len(words) and stop < sent.end and k >= 1 and words[k - 1] in _JOINING


def _qualifier_before(book: CueBook, sent: Span, group: list[Span]) -> _Found | None:
    """An extent or intensity word right before the list, with no result word anywhere
    ("The diffuse desmin and h-caldesmon ...", "with only focal desmin"): staining of the
    lesion, so positive (ANNOTATION.md section 4: focal, weak, patchy are positive)."""
    doc = sent.doc
    k = group[0].start - 1
    while k >= sent.start and (doc[k].is_space or doc[k].lower_ in {"only", "but"}):
        k -= 1
    if k < sent.start:
        return None
    word = doc[k].lower_
    following = doc[group[-1].end].lower_ if group[-1].end < sent.end else ""
    if following in _MORPHOLOGY_NOUNS:
        return None  # "focal keratin pearl formation" is morphology, not a stain
    if word not in book.extent and word not in book.intensity:
        adjective = _result_adjective_before(book, group[0])
        if adjective is None or k == sent.start or doc[k - 1].lower_ not in _JOINING:
            return None
        return _Found(adjective, group[0].start, "qualifier")  # "with negative CD10"
    if k > sent.start and doc[k - 1].lower_ in book.negators:
        return None  # "no diffuse desmin" is not staining
    intensity, extent = _qualifiers(book, [doc[k]])
    return _Found("positive", group[0].start, "qualifier", intensity, extent)


def _leader_dot(tok: Token) -> bool:
    """A lone "." with space on both sides between a table's label and its value."""
    return bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _lesion_object(book: CueBook, tokens: Sequence[Token]) -> bool:
    """Do the words after "negative for" name the lesion ("metastatic carcinoma", "tumour")
    rather than another marker? Then the cue is the result of the marker before it."""
    for tok in tokens:
        if tok.ent_type_ == "STAIN":
            return False
        if tok.ent_type_ == "DIAGNOSIS" or tok.norm_ in book.lesion_objects:
            return True
    return False


# Staining nouns and verbs that say a stain was looked at more than what it showed: a result
# word later in the clause decides ("AE1/AE3 staining fails to reveal carcinoma").
_WEAK_CUES = {
    "staining",
    "stains",
    "stained",
    "stain",
    "immunostaining",
    "immunoreactivity",
    "immunolabelling",
    "immunolabeling",
    "expression",
}
_CHECKBOXES = {"o", "q", "0", "□", "☐", "[", "]", "_", "x"}


_PROCEDURE_VERBS = {
    "performed",
    "done",
    "pending",
    "ordered",
    "requested",
    "obtained",
    "attempted",
    "repeated",
    "applied",
    "carried",
}


# How far a result may follow the procedure it closes ("stains performed on the right
# pelvic nodes (blocks C1-C4) are negative"), in tokens
_PROCEDURE_REACH = 20
# The words a marker's own procedure may open with ("desmin immunostain was performed")
_PROCEDURE_SUBJECT = frozenset(
    {"immunostain", "immunostains", "immunohistochemistry", "ihc", "was", "were", "is", "are"}
    | {"has", "have", "been", "also", "additionally", "stain", "stains", "staining"}
)


def _procedural(words: Sequence[str], k: int) -> bool:
    """The words at ``k`` say a stain was done or is awaited, not what it showed."""
    if k < len(words) and words[k] in {"were", "was", "are", "is", "have", "has", "been"}:
        k += 1
    if k < len(words) and words[k] == "been":
        k += 1
    return k < len(words) and words[k] in _PROCEDURE_VERBS


def _procedure_ahead(words: Sequence[str], k: int, reach: int = 8) -> bool:
    """A procedure verb follows within the clause ("stains are performed", "cytokeratin
    stains on the sentinel nodes are pending", "RECEPTOR STAINS Date Ordered"): the stain
    was done or awaited, its result (if any) comes after the procedure."""
    if _procedural(words, k):
        return True
    for j in range(k, min(len(words), k + reach)):
        if words[j] in _CLAUSE_BREAKS or words[j] == ",":
            return False
        if words[j] in _PROCEDURE_VERBS:
            return True
    return False


def _procedure_end(words: Sequence[str], k: int) -> int:
    while k < len(words) and words[k] not in _PROCEDURE_VERBS:
        k += 1
    return k + 1


def _result_adjective_before(book: CueBook, first: Span) -> str | None:
    """The result an adjective right before a marker list gives ("the negative S100 and
    keratin stains"), skipping a determiner; ``None`` when there is none."""
    doc = first.doc
    k = first.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0:
        return None
    cue = CueBook.match_at(book.postfix, [doc[k].norm_], 0)
    if cue is None or cue.text in _WEAK_CUES or not cue.tokens[0].isalpha():
        return None
    return cue.result if len(cue.tokens) == 1 else None


def _stronger_cue(
    book: CueBook, norms: Sequence[str], start: int, reach: int = 6
) -> tuple[int, _Cue] | None:
    """The first result cue (not a staining word) within ``reach`` tokens of ``start`` and
    in the same clause; a bracketed aside ("(blocks B1, B3)") does not end the clause."""
    depth = 0
    for j in range(start, min(len(norms), start + reach)):
        depth = max(0, depth + {"(": 1, ")": -1}.get(norms[j], 0))
        if depth:
            continue
        if norms[j] in {".", ";", ","}:
            return None
        cue = CueBook.match_at(book.postfix, norms, j)
        if cue is not None and cue.text not in _WEAK_CUES and cue.tokens[0].isalpha():
            if _CONTROLS & set(norms[j + len(cue.tokens) : j + len(cue.tokens) + 4]):
                continue  # "performed with appropriate positive and negative controls"
            return j, cue
    return None


_CONTROLS = frozenset({"control", "controls"})


def _checkbox_before(words: Sequence[str], k: int) -> bool:
    """A result word right after a checkbox glyph ("o Negative", "qPositive") is a printed
    form option, not a result."""
    if k > 0 and words[k - 1] in _CHECKBOXES:
        return True
    word = words[k]
    return len(word) > 4 and word[0] in "oq" and word[1:] in {"negative", "positive"}


# A printed result option as OCR leaves it: the word, a fragment of it ("Ne gative"), or the
# word glued to its checkbox ("qPositive", "aNegative").
_OPTION_WORDS = {"negative", "positive", "gative", "egative", "sitive", "ositive"}
_OPTIONS = {form: word for word in _OPTION_WORDS for form in (word, ocr_norm(word))}


def _as_option(word: str) -> str | None:
    """The option a word (lower case or OCR norm) is, if it is one."""
    if word in _OPTIONS:
        return _OPTIONS[word]
    if len(word) > 6 and word[0] in "oqau" and word[1:] in _OPTIONS:
        return _OPTIONS[word[1:]]
    return None


def _option_before(words: Sequence[str], k: int) -> bool:
    """The result word follows the opposite printed option with only checkbox debris between
    ("ER a Negative qPositive", "PR o Ne gative a Positive"): neither is the result. The same
    word twice ("ER / PR: positive / positive") is two results."""
    mine = _polarity(_as_option(words[k]))
    for j in range(k - 1, max(-1, k - 5), -1):
        other = _polarity(_as_option(words[j]))
        if other is not None:
            return mine is not None and other != mine
        if len(words[j]) > 2:
            return False
    return False


def _polarity(option: str | None) -> str | None:
    if option is None:
        return None
    return "positive" if option.endswith("sitive") else "negative"


def _result_word_follows(book: CueBook, norms: Sequence[str], start: int) -> bool:
    """A result word within two words after ``start`` ("- focally positive")."""
    for j in range(start, min(len(norms), start + 3)):
        cue = CueBook.match_at(book.postfix, norms, j)
        if cue is not None and cue.tokens[0].isalpha():
            return True
        if norms[j] in {".", ";", ",", ":"}:
            return False
    return False


def _options_line(book: CueBook, norms: Sequence[str], k: int, cue: _Cue) -> bool:
    """The result word is one of a form's printed options: the opposite result follows with
    only checkbox debris ("o", "q", "[ ]", "_") between."""
    if not cue.tokens[0].isalpha():
        return False
    mine = _polarity(_as_option(cue.tokens[0]))
    for j in range(k + len(cue.tokens), min(len(norms), k + len(cue.tokens) + 4)):
        other = CueBook.match_at(book.postfix, norms, j) if j > k + len(cue.tokens) else None
        glued = _polarity(_as_option(norms[j]))  # "Negative qPositive": glued to its box
        opposite = (
            other is not None and other.result != cue.result and other.tokens[0].isalpha()
        ) or (glued is not None and mine is not None and glued != mine)
        if opposite:
            between = norms[k + len(cue.tokens) : j]
            # a "|" separates a table's columns (one result per component), not options
            return "|" not in between and all(
                len(w) <= 2 or set(w) <= {"_", "[", "]"} for w in between
            )
    return False


# words between a negator and "<marker>-positive cells" ("no definite occult keratin-positive")
_BEFORE_POSITIVE_CELLS = frozenset(
    {"any", "the", "definite", "definitive", "occult", "residual", "convincing", "discrete"}
    | {"isolated", "viable", "obvious", "identifiable", '"', "'", "“", "”", "‘", "’"}
)


def _negated_before(book: CueBook, sent: Span, first: Span) -> bool:
    """A negator right before the marker ("no keratin-positive cells", "without any
    desmin-positive cells", 'No "occult" keratin-positive tumour cells')."""
    doc = sent.doc
    k = first.start - 1
    while k >= sent.start and (doc[k].is_space or doc[k].lower_ in _BEFORE_POSITIVE_CELLS):
        k -= 1
    return k >= sent.start and doc[k].lower_ in book.negators


def _is_hyphen(tok: Token) -> bool:
    """A "-" glued between two words ("non-diffuse") joins them; it is not a result sign."""
    doc = tok.doc
    if tok.i == 0 or tok.i + 1 >= len(doc) or tok.whitespace_:
        return False
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    return before.is_alpha and not before.whitespace_ and after.is_alpha


def _but_not(words: Sequence[str], k: int) -> bool:
    """A "but not" follows the staining verb at ``words[k]`` within its clause."""
    for j in range(k + 1, min(len(words) - 1, k + 10)):
        if words[j] in {".", ";"}:
            return False
        if words[j] == "but" and words[j + 1] == "not":
            return True
    return False


def _control_only(words: Sequence[str], k: int) -> bool:
    """``words[k]`` is a staining verb whose object is marked as the only thing stained
    ("CD117 highlights interstitial cells of Cajal only") or is an internal control
    ("CD34 highlights blood vessels")."""
    if words[k] not in _CONTROL_CUES:
        return False
    objects = [w for w in words[k + 1 : k + 5] if w not in _OBJECT_LEAD]
    if any(w in _CONTROL_OBJECTS for w in objects[:2]):
        return True  # "CD34 depicts leptomeningeal vessels"
    for word in words[k + 1 : k + 9]:
        if word in _CLAUSE_BREAKS or word == "and" or word in _LESION_WORDS:
            return False  # "desmin stains the tumour cells only" is the lesion's result
        if word in _CONTROL_ONLY:
            return True
    return False


_LESION_WORDS = {
    "tumour",
    "tumor",
    "neoplastic",
    "lesional",
    "malignant",
    "atypical",
    "spindle",
    "component",  # "AE1/AE3 highlights the epithelial component only": part of the lesion
    "components",
}


def _qualifiers_only(book: CueBook, seen: Sequence[Token]) -> _Found | None:
    """A marker followed only by intensity/extent words up to the clause end ("desmin focal
    weak;") reports staining: positive."""
    words = [t.lower_ for t in seen if not t.is_punct]
    if not words or any(w not in book.intensity and w not in book.extent for w in words):
        return None
    intensity, extent = _qualifiers(book, seen)
    return _Found("positive", seen[-1].i + 1, "qualifier", intensity, extent)


def _is_content(book: CueBook, tok: Token) -> bool:
    """A word outside parentheses that is neither filler nor a qualifier ("visit", "cells")."""
    lower = tok.lower_
    return (
        tok.is_alpha
        and lower not in _FILLER
        and lower not in book.intensity
        and lower not in book.extent
        and lower not in book.negators
    )


# "Ki-67: 18 %", "18 percent" (dictated), "18 per cent"
_PERCENT_WORDS = frozenset({"%", "percent", "pct"})


def _percent(sent: Span, marker: Span, stop: int) -> float | None:
    doc = sent.doc
    tokens = [t for t in doc[marker.end : min(stop, sent.end, marker.end + 8)] if not t.is_space]
    for k, tok in enumerate(tokens):
        if tok.lower_ in _CLAUSE_BREAKS:
            return None
        m = _PERCENT.match(tok.text)
        if (
            m
            and any(c.isdigit() for c in m.group(1))
            and (
                tok.text.endswith("%")
                or (k + 1 < len(tokens) and tokens[k + 1].lower_ in _PERCENT_WORDS)
                # an HL7 OBX value with its unit in the next field ("||80|%|")
                or (k + 2 < len(tokens) and tokens[k + 1].text == "|" and tokens[k + 2].text == "%")
                or (
                    k + 2 < len(tokens)
                    and tokens[k + 1].lower_ == "per"
                    and tokens[k + 2].lower_ == "cent"
                )
            )
        ):
            return float(m.group(1).translate(OCR_AS_DIGIT))
    return None


_INDEX_REACH = 4  # tokens between a marker, its index noun and the level word


def _graded_index(book: CueBook, sent: Span, marker: Span, stop: int) -> bool:
    """The marker names a proliferation index described by its level ("a high MIB-1
    proliferation index", "MIB-1 indices are very low", "elevated Ki-67 labeling index")."""
    if book.canonical.get(_entry_id(marker) or "") not in book.index_markers:
        return False
    doc = sent.doc
    after = [t.lower_ for t in doc[marker.end : min(stop, sent.end)] if not t.is_space]
    if any(t.lower_ in book.index_nouns for t in marker):
        noun: int | None = -1  # the lexicon's own "MIB-1 proliferation index"
    else:
        noun = next((k for k, w in enumerate(after[:_INDEX_REACH]) if w in book.index_nouns), None)
    if noun is None:
        return False
    before = [t.lower_ for t in doc[max(sent.start, marker.start - _INDEX_REACH) : marker.start]]
    tail: list[str] = []
    for w in after[noun + 1 : noun + 1 + _INDEX_REACH]:
        if w in _CLAUSE_BREAKS or w in {",", "("}:
            break
        tail.append(w)
    return any(w in book.index_levels for w in [*before, *tail])


def resolve_sentence(book: CueBook, sent: Span, markers: Sequence[Span]) -> list[StainResult]:
    """Results for the markers of one sentence; markers without any result cue are left out."""
    results: list[StainResult] = []
    doc = sent.doc
    if book.not_results is not None and book.not_results.search(sent.text):
        return results  # "Criteria for positive results: ER and PR >1% ...", "WT1 is usually
        # positive in ovarian primaries": how stains are read, not what this case showed
    # a restating abbreviation still joins its list ("CD117 (c-kit) and CD34") but yields
    # no second result
    restating = {m.start_char for k, m in enumerate(markers) if k and _restates(markers[k - 1], m)}
    # a group name followed by its members ("mismatch repair proteins MLH1 and PMS2"): the
    # members carry the results, which may differ ("... with retained MSH2 and MSH6")
    restating |= {
        m.start_char
        for k, m in enumerate(markers[:-1])
        if _names_its_members(book, m, markers[k + 1])
    }
    inline: dict[int, _Found] = {}
    for marker in markers:
        found = _inline(doc, marker)
        if found is not None:
            inline[marker.start] = found
    grouped = _group_markers(book, sent, [m for m in markers if m.start not in inline])
    group_of: dict[int, list[Span]] = {g[0].start: g for g in grouped}
    ordered = sorted([*inline, *group_of])
    previous: _Found | None = None
    previous_end = sent.start
    for n, key in enumerate(ordered):
        next_start = ordered[n + 1] if n + 1 < len(ordered) else sent.end
        if key in inline:
            found_inline = inline[key]
            marker = next(m for m in markers if m.start == key)
            results.append(
                _make(book, sent, marker, found_inline, _percent(sent, marker, next_start))
            )
            previous = None
            continue
        group = group_of[key]
        found = _prefix(book, sent, group)
        if found is not None and found.distant:
            # "positive for napsin A and HNF1 beta, ER and PR are negative": the list's own
            # result beats a prefix reached over other stains' names
            found = _postfix(book, sent, group, next_start) or found
        if found is None or found.cue in _SUBJECT_NORMS:
            subject = found
            found = _postfix(book, sent, group, next_start)
            if (
                found is None
                and subject is not None
                and not _no_result(sent, group, next_start)
                and not _next_list_has_own_result(book, sent, group_of.get(next_start))
            ):
                found = subject
        if found is None and previous is not None and previous.via == "prefix":
            found = _inherit(book, doc[previous_end : group[0].start], previous)
            if found is None:
                previous = None  # a clause break ends the prefix's reach for later lists too
        if found is None:
            found = _qualifier_before(book, sent, group)
        if found is not None:
            found = _called(doc, found, next_start if next_start < sent.end else sent.end)
        second = _second_result(book, sent, found, next_start) if found is not None else None
        for marker in group:
            percent = _percent(sent, marker, next_start)
            if found is None and percent is not None:
                # a Ki-67/MIB-1 index given as a number is staining (ANNOTATION.md section 4),
                # unless the report calls it otherwise ("rare cells (<5%), interpreted as
                # negative")
                stop = next_start if next_start < sent.end else sent.end
                by_percent = _called(doc, _Found("positive", marker.end, "percent"), stop)
                results.append(_make(book, sent, marker, by_percent, percent))
            elif found is None and _graded_index(book, sent, marker, next_start):
                results.append(
                    _make(book, sent, marker, _Found("positive", marker.end, "index"), None)
                )
            elif found is not None:
                results.append(_make(book, sent, marker, _own(book, marker, found), percent))
                if second is not None:
                    results.append(_make(book, sent, marker, second, percent))
        if found is not None and found.via != "inherited":
            previous = found
        previous_end = group[-1].end
    return [
        expanded
        for r in results
        if r.start not in restating and not _molecular(book, sent, r)
        for expanded in _expand(book, r)
    ]


def _next_list_has_own_result(book: CueBook, sent: Span, following: list[Span] | None) -> bool:
    """The sentence's next marker list has a result cue of its own ("Stains for mismatch
    repair proteins show that the tumour cells are positive for MSH2 and MSH6"): the
    stains named as the subject before it are the topic, not stained positive."""
    if following is None:
        return False
    found = _prefix(book, sent, following)
    return found is not None and not found.distant and found.cue not in _SUBJECT_NORMS


_CALLED = re.compile(
    r"[^.;]{0,80}?\b(?:interpreted|regarded|scored|reported|considered|read)\s+as\s+"
    r"(?P<result>negative|positive|equivocal)\b",
    re.IGNORECASE,
)


def _called(doc: Doc, found: _Found, stop: int) -> _Found:
    """The result the report itself calls it, later in the clause, wins over the staining it
    describes: "weak 1+ staining in under 5% of tumour cells, interpreted as negative"
    (ANNOTATION.md section 4)."""
    if found.cue_end >= stop or found.cue_end >= len(doc):
        return found
    text = text_of(doc)
    m = _CALLED.match(text, doc[found.cue_end].idx, doc[stop - 1].idx + len(doc[stop - 1]))
    if m is None or m.group("result").lower() == found.result:
        return found
    return replace(found, result=m.group("result").lower())


def _second_result(book: CueBook, sent: Span, found: _Found, stop: int) -> _Found | None:
    """A second, opposite result for the same list in another component ("keratin is
    positive in the glands and negative in the spindle cells"): the clause goes on with a
    join, the opposite cue, and a locative ("in", "within") or a "but"."""
    doc = sent.doc
    tokens = [t for t in doc[found.cue_end : min(stop, sent.end)] if not t.is_space]
    norms = [t.norm_ for t in tokens]
    if sent.text.lstrip().startswith("|"):
        # a table row with a column per component ("| AE1/AE3 | positive | negative |"):
        # the first opposite result in a later cell
        for k, tok in enumerate(tokens):
            if tok.text == "|" and k + 1 < len(norms):
                cue = CueBook.match_at(book.postfix, norms, k + 1)
                if cue is not None and cue.result != found.result and cue.tokens != ("-",):
                    return _Found(cue.result, tokens[k + 1].i + len(cue.tokens), "component")
        return None
    for k in range(min(len(tokens), 14)):
        if tokens[k].lower_ == ".":
            return None
        if tokens[k].lower_ not in {"and", ",", ";", "but", "while", "whereas"}:
            continue  # "negative in round cells; positive in the spindle component"
        for j in (k + 1, k + 2):
            cue = CueBook.match_at(book.postfix, norms, j) if j < len(norms) else None
            if cue is None or cue.result == found.result or cue.tokens == ("-",):
                continue
            after = norms[j + len(cue.tokens)] if j + len(cue.tokens) < len(norms) else ""
            if after in {"in", "within", "ln", "wlthln"}:
                return _Found(cue.result, tokens[j].i + len(cue.tokens), "component")
    return None


def _molecular(book: CueBook, sent: Span, result: StainResult) -> bool:
    """The marker is written as a molecular result ("MDM2 amplification by FISH")."""
    doc = sent.doc
    span = doc.char_span(result.start, result.end, alignment_mode="expand")
    if span is None:
        return False
    after = [t.norm_ for t in doc[span.end : min(sent.end, span.end + 3)] if not t.is_space]
    if any(w.replace("l", "i") in book.molecular_after or w in book.molecular_after for w in after):
        return True
    before = [t.norm_ for t in doc[max(sent.start, span.start - 4) : span.start] if not t.is_space]
    return any(
        tuple(before[k : k + len(cue)]) == cue
        for cue in book.molecular_before
        for k in range(len(before))
    )


def _expand(book: CueBook, result: StainResult) -> list[StainResult]:
    """One result per marker for a compound mention ("estrogen and progesterone receptors");
    a Ki-67 index stated as a number is positive; the staining pattern where it is one."""
    parts = book.compounds.get(result.marker)
    results = [replace(result, marker=m) for m in parts] if parts else [result]
    return [_with_pattern(book, r) for r in results]


def _with_pattern(book: CueBook, result: StainResult) -> StainResult:
    if result.marker == "Ki-67" and result.percent is not None and result.result == "negative":
        result = replace(result, result="positive")
    if result.marker not in book.pattern_markers:
        return result
    # the clause after the marker, OCR-folded like the cues ("wiId-type" is "wild-type")
    at = result.sentence.lower().find(result.text.lower())
    tail = result.sentence[at + len(result.text) :] if at >= 0 else result.sentence
    tail = re.split(r"[;.]|\b(?:but|while|whereas)\b", tail, maxsplit=1)[0][:80]
    folded = " ".join(ocr_norm(w) for w in tail.split())
    best: tuple[int, str] | None = None
    for name, regex in book.patterns:
        implies = book.pattern_results.get(name)
        if implies is not None and implies != result.result:
            continue  # another marker's pattern ("loss of MLH1 with retained MSH2")
        m = regex.search(folded)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return replace(result, pattern=best[1]) if best else result


def _names_its_members(book: CueBook, group: Span, marker: Span) -> bool:
    """``group`` is a compound ("MMR proteins") whose member list starts at ``marker``."""
    members = book.compounds.get(_entry_id(group) or "")
    if not members or book.canonical.get(_entry_id(marker) or "") not in members:
        return False
    between = group.doc[group.end : marker.start]
    return all(t.is_space or t.text in ":(,-" for t in between)


def _entry_id(marker: Span) -> str | None:
    rule = marker._.target_rule
    return rule.metadata.get("entry_id") if rule is not None else None


def _restates(previous: Span, marker: Span) -> bool:
    """``marker`` is an abbreviation in parentheses right after a mention of the same marker
    ("thyroid transcription factor marker (TTF-1)"): one mention, not two."""
    doc = marker.doc
    if marker.start == 0 or marker.end >= len(doc):
        return False
    if doc[marker.start - 1].text != "(" or doc[marker.end].text != ")":
        return False
    between = [t.lower_ for t in doc[previous.end : marker.start - 1] if not t.is_space]
    if any(w not in _DESCRIPTORS for w in between):
        return False
    return _entry_id(previous) is not None and _entry_id(previous) == _entry_id(marker)


def _own(book: CueBook, marker: Span, found: _Found) -> _Found:
    """Qualifiers in a parenthesis right after one marker ("desmin (diffuse), SMA (focal)")
    describe that marker and override the ones shared by its list."""
    doc = marker.doc
    if marker.end >= len(doc) or doc[marker.end].text != "(":
        return found
    inside = []
    for tok in doc[marker.end + 1 : min(len(doc), marker.end + 8)]:
        if tok.text == ")":
            break
        inside.append(tok)
    else:
        return found
    intensity, extent = _qualifiers(book, inside)
    if intensity is None and extent is None:
        return found
    return _Found(
        found.result,
        found.cue_end,
        found.via,
        intensity or found.intensity,
        extent or found.extent,
    )


def _inherit(book: CueBook, between: Span, previous: _Found) -> _Found | None:
    """The previous list's prefix result carries over ("positive for desmin (diffuse), SMA
    (focal)"), inverted after a negator ("... but not for CD10"), and not past a clause break.
    """
    words = {t.lower_ for t in between}
    if words & book.negators:
        result = "negative" if previous.result == "positive" else previous.result
        return _Found(result, previous.cue_end, "inherited")
    if words & _CLAUSE_BREAKS:
        return None
    return _Found(previous.result, previous.cue_end, "inherited")


def _make(
    book: CueBook, sent: Span, marker: Span, found: _Found, percent: float | None
) -> StainResult:
    rule = marker._.target_rule
    entry_id = rule.metadata["entry_id"] if rule is not None else "stain.unknown"
    section = marker._.section_category if marker.has_extension("section_category") else None
    # a wrapped line's whitespace may be glued before the marker's first token: not its text
    lead = len(marker.text) - len(marker.text.lstrip())
    return StainResult(
        marker=book.canonical.get(entry_id, entry_id),
        text=marker.text[lead:],
        result=found.result,
        intensity=found.intensity,
        extent=found.extent,
        percent=percent,
        start=marker.start_char + lead,
        end=marker.end_char,
        sentence=sent.text.strip(),
        rule_id=f"{entry_id}/stain.result.{found.via}",
        section=section,
    )


_RESULT_LINE = re.compile(
    r"^[ \t]*(?P<q>(?:(?:focal(?:ly)?|weak(?:ly)?|strong(?:ly)?|diffuse(?:ly)?|patchy|rare|"
    r"scattered|variabl[ey]|moderate(?:ly)?)[ \t]+){0,2})"
    r"(?P<r>pos[il1]t[il1]ve|pos[il1]t[il1]v[il1]ty|negat[il1]ve|negat[il1]v[il1]ty|equ[il1]vocal|"
    r"pos|neg|\+|-)\b[^\n]{0,40}$",
    re.IGNORECASE,
)
_GLUED_RESULT = re.compile(r"(?i)(positive|negative)\s*$")
_MIN_COLUMN = 3


def _markers_by_line(
    doc: Doc, text: str, minimum: int
) -> tuple[list[tuple[int, int]], dict[int, list[Span]]]:
    """The text's lines as (start, end) offsets and the stain markers on each line, by line
    number; no markers at all when the document holds fewer than ``minimum``."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    markers = [e for e in doc.ents if e.label_ == "STAIN"]
    by_line: dict[int, list[Span]] = {}
    if len(markers) < minimum:
        return lines, by_line
    starts = [lo for lo, _ in lines]
    for m in markers:
        by_line.setdefault(bisect.bisect_right(starts, m.start_char) - 1, []).append(m)
    return lines, by_line


def _table_result(book: CueBook, marker: Span, result: str, line: str, via: str) -> StainResult:
    """A marker's result read from a table line (``via``: column_table, row_table)."""
    rule = marker._.target_rule
    entry_id = rule.metadata["entry_id"] if rule is not None else "stain.unknown"
    return StainResult(
        marker=book.canonical.get(entry_id, entry_id),
        text=marker.text,
        result=result,
        intensity=None,
        extent=None,
        percent=None,
        start=marker.start_char,
        end=marker.end_char,
        sentence=line.strip(),
        rule_id=f"{entry_id}/stain.result.{via}",
    )


def column_table_results(book: CueBook, doc: Doc, text: str) -> list[StainResult]:
    """A marker/result table OCR'd column by column: three or more lines that each hold one
    marker, then as many lines that each hold one result ("Estrogen receptor / Progesterone
    receptor / WT-1 / P16" then "Positive / Negative / Patchy positivity / Negative"). The
    i-th result belongs to the i-th marker (ANNOTATION.md section 4: one result per marker
    per list item). A result glued to the last marker line ("P53Positive") is the first."""
    lines, by_line = _markers_by_line(doc, text, _MIN_COLUMN)
    if not by_line:
        return []
    out: list[StainResult] = []
    i = 0
    while i < len(lines):
        run: list[Span | None] = []  # None: a stain the lexicon does not know ("WT -1")
        j = i
        while j < len(lines):
            found = by_line.get(j, [])
            if len(found) == 1 and _marker_only(text, lines[j], found[0]):
                run.append(found[0])
            elif not found and run and _name_only(text[lines[j][0] : lines[j][1]]):
                run.append(None)
            else:
                break
            j += 1
        while run and run[-1] is None:
            run.pop()
            j -= 1
        if sum(m is not None for m in run) < _MIN_COLUMN:
            i = max(j, i + 1)
            continue
        results: list[tuple[str, int, int]] = []
        last = run[-1]
        assert last is not None
        glued = _GLUED_RESULT.search(text[last.end_char : lines[j - 1][1]])
        if glued:
            results.append((glued.group(1).lower(), lines[j - 1][0], lines[j - 1][1]))
        k = j
        while k < len(lines) and len(results) < len(run):
            row = _RESULT_LINE.match(text[lines[k][0] : lines[k][1]])
            if row is None:
                break
            results.append((row.group("r").lower(), lines[k][0], lines[k][1]))
            k += 1
        if len(results) == len(run):
            for marker, (word, lo, hi) in zip(run, results, strict=True):
                if marker is None:
                    continue
                word = re.sub(r"[l1]", "i", word)  # OCR: "NEGATlVE", "POSlTIVE"
                result = (
                    "negative"
                    if word in ("negative", "negativity", "neg", "-")
                    else ("equivocal" if word == "equivocal" else "positive")
                )
                out.append(_table_result(book, marker, result, text[lo:hi], "column_table"))
        i = max(k, i + 1)
    return [r for r in out if r.marker not in book.compounds]


_ROW_ITEM = re.compile(
    r"(?:(?:focal(?:ly)?|weak(?:ly)?|strong(?:ly)?|diffuse(?:ly)?|patchy|moderate(?:ly)?)\s+)*"
    r"(?P<r>pos[il1]t[il1]ve|pos|negat[il1]ve|neg|[il1]ntact|reta[il1]ned|lost|absent|"
    r"w[il1][l1]d[\s-]*type|mutant|mutated|aberrant|null|equ[il1]vocal|block|\+|-)"
    r"(?:\s*\(\s*\d{1,3}\s*%\s*\))?(?:\s+(?:pattern|type|staining|expression))*",
    re.IGNORECASE,
)
_ROW_NEGATIVE = ("neg", "lost", "absent", "null", "-")
_ROW_LABELS = frozenset({"antibody", "antibodies", "marker", "markers", "stain", "stains", "ihc"})
# (compared with OCR's l/1 read as i: "ANTlBODY")
_MIN_ROW = 3


def _row_results(line: str) -> list[str] | None:
    """The results of a table row printed on one line ("POS (95%) POS (80%) WILD TYPE
    PATTERN INTACT INTACT"), in order; ``None`` when the line holds anything else."""
    items: list[str] = []
    pos = 0
    for m in _ROW_ITEM.finditer(line):
        if line[pos : m.start()].strip(" \t|/,;"):
            return None
        raw = m.group("r").lower()
        word = re.sub(r"[l1]", "i", raw)  # OCR: "NEGATlVE"; "lost" is tested unfolded
        if word.startswith(_ROW_NEGATIVE) or raw.startswith(_ROW_NEGATIVE):
            items.append("negative")
        elif word.startswith("equ"):
            items.append("equivocal")
        else:
            items.append("positive")
        pos = m.end()
    return items if items and not line[pos:].strip(" \t|/,;") else None


def row_table_results(book: CueBook, doc: Doc, text: str) -> list[StainResult]:
    """A marker/result table OCR'd row by row: one line of three or more markers ("ANTIBODY
    ER PR p53 MLH1 PMS2 MSH2 MSH6"), then, within two lines (a label such as "RESULT" may
    sit between), one line of as many results ("POS (95%) POS (80%) WILD TYPE PATTERN INTACT
    INTACT INTACT INTACT"). The i-th result belongs to the i-th marker (ANNOTATION.md
    section 4: one result per marker per list item; p53 wild-type and intact MMR positive)."""
    lines, by_line = _markers_by_line(doc, text, _MIN_ROW)
    if not by_line:
        return []
    out: list[StainResult] = []
    for n, found in by_line.items():
        if len(found) < _MIN_ROW:
            continue
        lo, hi = lines[n]
        rest = text[lo:hi]
        for m in reversed(found):
            rest = rest[: m.start_char - lo] + " " + rest[m.end_char - lo :]
        words = re.findall(r"[A-Za-z0-9]+", rest)
        if any(re.sub(r"[l1]", "i", w.lower()) not in _ROW_LABELS for w in words):
            continue  # not a row of names only
        for k in range(n + 1, min(len(lines), n + 3)):
            row = text[lines[k][0] : lines[k][1]]
            results = _row_results(row)
            if results is None:
                if row.strip() and len(row.split()) > 2:
                    break
                continue  # "RESULT", an empty line
            if len(results) == len(found):
                out.extend(
                    _table_result(book, marker, result, row, "row_table")
                    for marker, result in zip(found, results, strict=True)
                )
            break
    return [r for r in out if r.marker not in book.compounds]


def _name_only(line: str) -> bool:
    """A short line that can only be a stain's name ("WT -1", "Berep4", "MOC-31")."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= 15
        and any(c.isalpha() for c in stripped)
        and not _RESULT_LINE.match(stripped)
    )


def _marker_only(text: str, line: tuple[int, int], marker: Span) -> bool:
    """The line holds the marker and at most a short label ("stain", a clone, a glued result)."""
    rest = (text[line[0] : marker.start_char] + " " + text[marker.end_char : line[1]]).strip()
    rest = _GLUED_RESULT.sub("", rest).strip(" :-()")
    return len(rest) <= 12 and not _RESULT_LINE.match(rest or "x")
