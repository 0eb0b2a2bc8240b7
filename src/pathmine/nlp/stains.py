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

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pathmine.nlp.rules import MarkerEntry, Outcome, ResultCues
from pathmine.records import StainResult

_CONNECTORS = {",", "and", "or", "/", "&", "plus", "as", "well", "also", "both", "nor", "either"}
_CLAUSE_BREAKS = {".", ";", "while", "whereas", "but", "however", "although", "except"}
_FILLER = {
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "shows",
    "show",
    "showed",
    "demonstrate",
    "demonstrates",
    "demonstrated",
    "reveal",
    "reveals",
    "revealed",
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
}
_WINDOW = 10
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
# "CD34 highlights blood vessels only": staining of internal-control structures says
# nothing about the lesion, so such a cue is skipped.
_CONTROL_CUES = {"highlights", "highlighted", "highlight"}
_CONTROL_ONLY = {"only", "alone"}
# "CD31 and CD34 highlight blood vessels within the lesion": the internal control stains,
# which says nothing about the lesion itself.
_CONTROL_OBJECTS = {
    "vessel",
    "vessels",
    "vasculature",
    "endothelium",
    "endothelial",
    "capillary",
    "capillaries",
}
_OBJECT_LEAD = {"the", "a", "blood", "small", "native", "normal", "background", "entrapped"}
# Words between a negator and a prefix cue that keep the negation ("no significant
# reactivity with", "no convincing staining for").
_NEGATOR_HEDGES = {"significant", "definite", "convincing", "appreciable", "specific", "any"}
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
_PERCENT = re.compile(r"^[~<>≈]?(\d{1,3}(?:\.\d+)?)%?$")


@dataclass(frozen=True)
class _Cue:
    result: str
    tokens: tuple[str, ...]
    text: str


class CueBook:
    """Result, negator and qualifier cues compiled into lower-case token tuples."""

    def __init__(self, nlp: Language, cues: ResultCues, markers: Iterable[MarkerEntry]) -> None:
        def toks(text: str) -> tuple[str, ...]:
            return tuple(t.lower_ for t in nlp.make_doc(text))

        self.postfix = self._compile(cues.postfix, toks)
        self.prefix = self._compile(cues.prefix, toks)
        self.negators = set(cues.negators)
        self.intensity = {w: k for k, words in cues.intensity.items() for w in words}
        self.extent = {w: k for k, words in cues.extent.items() for w in words}
        self.canonical = {m.id: m.marker for m in markers}

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


def _group_markers(sent: Span, markers: Sequence[Span]) -> list[list[Span]]:
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
        groups.append([marker])
    return groups


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
    lo = max(sent.start, start - 8)
    window = [t for t in doc[lo:start] if not t.is_space]
    words = [t.lower_ for t in window]
    end = len(words)
    cue = book.match_ending_at(words, end)
    # A cue may itself end in a skippable word ("Positive: SMA, desmin"), so try before
    # each strip, not only after all of them.
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
            cue = book.match_ending_at(words, end)
            if cue is not None:
                break
        end -= 1
        cue = book.match_ending_at(words, end)
    if cue is None:
        return None
    before = words[: end - len(cue.tokens)]
    result = cue.result
    if before and before[-1] in _NEGATOR_HEDGES:
        before = before[:-1]  # "no significant reactivity with CAM5.2"
    # "not positive for", or a clause that opens with a negator ("No ... is demonstrated with")
    negated = bool(before and before[-1] in book.negators) or _clause_negated(
        book, sent, window[end - len(cue.tokens)]
    )
    if negated and result == "positive":
        result = "negative"
    intensity, extent = _qualifiers(book, window[max(0, end - len(cue.tokens) - 3) :])
    return _Found(result, start, "prefix", intensity, extent, cue.tokens)


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
    seen: list[Token] = []
    depth = 0
    for k, tok in enumerate(tokens[:_WINDOW]):
        if words[k] in _CLAUSE_BREAKS:
            return _qualifiers_only(book, seen)
        if words[k] == "," and depth == 0 and any(_is_content(book, t) for t in seen):
            return None  # "ER visit, troponin was positive": the result belongs to another noun
        depth += {"(": 1, ")": -1}.get(words[k], 0)
        if _is_score(tok):
            seen.append(tok)
            continue
        cue = CueBook.match_at(book.postfix, words, k)
        if cue is not None and _control_only(words, k) and _but_not(words, k):
            # "CD34 highlights blood vessels but not the dilated spaces": the control stains,
            # the lesion named after "but not" does not
            return _Found("negative", tok.i + 1, "postfix")
        if cue is not None and _control_only(words, k):
            seen.append(tok)
            continue
        if cue is not None:
            after = words[k + len(cue.tokens)] if k + len(cue.tokens) < len(words) else ""
            if after in {"for", "with", "of"}:
                return None  # a prefix cue of the next list ("..., negative for S100")
            if cue.tokens == ("-",) and after and after.isalpha() and after not in book.extent:
                seen.append(tok)
                continue  # "Desmin - positive": the dash is a separator
            if cue.tokens == ("-",) and _is_hyphen(tok):
                seen.append(tok)
                continue  # "patchy (non-diffuse) staining": a hyphen inside a word
            result = cue.result
            if any(w in book.negators for w in words[max(0, k - 2) : k]) and result == "positive":
                result = "negative"
            tail_end = k + len(cue.tokens)
            tail = tokens[tail_end : tail_end + 6]
            tail = [t for t in tail if t.lower_ not in _CLAUSE_BREAKS]
            intensity, extent = _qualifiers(book, [*seen, *tail[:5]])
            return _Found(result, tok.i + len(cue.tokens), "postfix", intensity, extent)
        seen.append(tok)
    if len(tokens) <= _WINDOW:
        return _qualifiers_only(book, seen)
    return None


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
    if objects and objects[0] in _CONTROL_OBJECTS:
        return True
    for word in words[k + 1 : k + 9]:
        if word in _CLAUSE_BREAKS or word == "and":
            return False
        if word in _CONTROL_ONLY:
            return True
    return False


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


def _percent(sent: Span, marker: Span, stop: int) -> float | None:
    doc = sent.doc
    tokens = [t for t in doc[marker.end : min(stop, sent.end, marker.end + 8)] if not t.is_space]
    for k, tok in enumerate(tokens):
        if tok.lower_ in _CLAUSE_BREAKS:
            return None
        m = _PERCENT.match(tok.text)
        if m and (tok.text.endswith("%") or (k + 1 < len(tokens) and tokens[k + 1].text == "%")):
            return float(m.group(1))
    return None


def resolve_sentence(book: CueBook, sent: Span, markers: Sequence[Span]) -> list[StainResult]:
    """Results for the markers of one sentence; markers without any result cue are left out."""
    results: list[StainResult] = []
    doc = sent.doc
    # a restating abbreviation still joins its list ("CD117 (c-kit) and CD34") but yields
    # no second result
    restating = {m.start_char for k, m in enumerate(markers) if k and _restates(markers[k - 1], m)}
    inline: dict[int, _Found] = {}
    for marker in markers:
        found = _inline(doc, marker)
        if found is not None:
            inline[marker.start] = found
    grouped = _group_markers(sent, [m for m in markers if m.start not in inline])
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
        if found is None or found.cue in _SUBJECT_PREFIXES:
            subject = found
            found = _postfix(book, sent, group, next_start)
            if found is None and subject is not None and not _no_result(sent, group, next_start):
                found = subject
        if found is None and previous is not None and previous.via == "prefix":
            found = _inherit(book, doc[previous_end : group[0].start], previous)
            if found is None:
                previous = None  # a clause break ends the prefix's reach for later lists too
        for marker in group:
            percent = _percent(sent, marker, next_start)
            if found is None and percent is not None:
                outcome = "positive" if percent > 0 else "negative"
                results.append(
                    _make(book, sent, marker, _Found(outcome, marker.end, "percent"), percent)
                )
            elif found is not None:
                results.append(_make(book, sent, marker, _own(book, marker, found), percent))
        if found is not None and found.via != "inherited":
            previous = found
        previous_end = group[-1].end
    return [r for r in results if r.start not in restating]


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
    return StainResult(
        marker=book.canonical.get(entry_id, entry_id),
        text=marker.text,
        result=found.result,
        intensity=found.intensity,
        extent=found.extent,
        percent=percent,
        start=marker.start_char,
        end=marker.end_char,
        sentence=sent.text.strip(),
        rule_id=f"{entry_id}/stain.result.{found.via}",
        section=section,
    )
