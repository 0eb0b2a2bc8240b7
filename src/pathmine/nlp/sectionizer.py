"""medspaCy's sectionizer with pathology header rules and without per-token bookkeeping.

medspaCy's ``Sectionizer.__call__`` writes ``token._.section`` on every token of every
report: 40% of its time, for an answer we need only at a few mention offsets. This subclass
keeps medspaCy's rules, matcher and ``Section`` objects (``doc._.sections``), adds the
pathology header ending (a header is followed by a colon, a dash or the end of its line),
and answers "which section is this offset in" by bisection (``SectionIndex``).

No ``from __future__ import annotations`` here: spaCy validates factory signatures from
their real annotations.
"""

import bisect
from typing import Any

from medspacy.section_detection import Sectionizer
from medspacy.section_detection.section import Section
from spacy.language import Language
from spacy.tokens import Doc

from pathmine.nlp.tokenizer import text_of

_HEADER_END = {":", "-", "–", "—"}


_QUALIFIER_MAX = 14  # tokens inside "ORIGINAL DIAGNOSIS (Mercy Valley, signed 03/14/2019):"


_OTHER_LANGUAGE_MAX = 4  # words of the other language in a bilingual header


def _ends_header(doc: Doc, end: int) -> bool:
    if end >= len(doc):
        return True
    end = _review_qualifier_end(doc, end) or end
    if end >= len(doc):
        return True
    token = doc[end]
    if token.text == "(":
        return _qualifier_end(doc, end) is not None
    if token.text == "/":
        return _translation_end(doc, end) is not None
    return token.text in _HEADER_END or (token.is_space and "\n" in token.text)


_REVIEW_WORDS = frozenset(
    {"on", "of", "the", "review", "reviewed", "material", "slides", "blocks", "specimen"}
)
_REVIEW_QUALIFIER_MAX = 4  # words in "OPINION ON REVIEWED MATERIAL", "MICROSCOPY OF THE SLIDES"


def _review_qualifier_end(doc: Doc, start: int) -> int | None:
    """End of the words that say a header is about the reviewed material ("Microscopic
    review:", "Opinion on reviewed material (HP/2287/16):"): any header may carry them, so
    a review's own sections are found without a literal for each wording. ``None`` when
    the words at ``start`` are no such qualifier."""
    k, words, reviewed = start, 0, False
    while k < len(doc) and words <= _REVIEW_QUALIFIER_MAX:
        token = doc[k]
        if token.is_space and "\n" not in token.text:
            k += 1
            continue
        if token.lower_ not in _REVIEW_WORDS:
            break
        reviewed = reviewed or token.lower_ in {"review", "reviewed"}
        words += 1
        k += 1
    if not reviewed or words > _REVIEW_QUALIFIER_MAX:
        return None
    while k > start and doc[k - 1].is_space:
        k -= 1
    return k


def _translation_end(doc: Doc, slash: int) -> int | None:
    """End of the other language's words after a bilingual header ("CLINICAL DATA /
    KLINISCHE GEGEVENS:", "DIAGNOSIS / DIAGNOSIS:"): a few words, then a header ending."""
    words = 0
    for k in range(slash + 1, min(len(doc), slash + _OTHER_LANGUAGE_MAX + 3)):
        token = doc[k]
        if token.text in _HEADER_END or (token.is_space and "\n" in token.text):
            return k if words else None
        if token.is_space:
            continue
        if not token.is_alpha:
            return None
        words += 1
        if words > _OTHER_LANGUAGE_MAX:
            return None
    return None


_SITE_CODE_MAX = 8  # letters of an institution code before a header ("HUMC DIAGNOSIS:")


def _after_site_code(doc: Doc, start: int, header_words: frozenset[str]) -> int | None:
    """Start of the line when the only word before a header on it is an institution code
    ("HUMC DIAGNOSIS:", "MSKCC DIAGNOSIS:"): one upper-case word that no header uses; or the
    same header in a non-Latin script ("臨床診断 Clinical diagnosis:")."""
    k = start - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k < 0:
        return None
    code = doc[k]
    native = code.is_alpha and not any("a" <= c.lower() <= "z" for c in code.text)
    if not native and not (
        code.is_alpha
        and code.is_upper
        and 2 <= len(code.text) <= _SITE_CODE_MAX
        and code.lower_ not in header_words
    ):
        return None  # neither an institution code nor the header in a non-Latin script
    if k > 0 and not (doc[k - 1].is_space and "\n" in doc[k - 1].text):
        return None
    return k


def _after_translation(doc: Doc, start: int, opening: str = "/") -> int | None:
    """Start of the line when only the other language's words and a slash precede a header
    on it ("CONCLUSIE / CONCLUSION:", "MICROSCOPIE / MICROSCOPY:"), else ``None``; with
    ``opening="("``, ``start`` is the bracket before a translated header."""
    k = start - 1 if opening == "/" else start
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k < 0 or doc[k].text != opening:
        return None
    words = 0
    k -= 1
    while k >= 0:
        token = doc[k]
        if token.is_space and "\n" in token.text:
            break
        if not token.is_space:
            if not token.is_alpha:
                return None
            words += 1
            if words > _OTHER_LANGUAGE_MAX:
                return None
        k -= 1
    return k + 1 if words else None


def _translated_in_brackets(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """(line start, header end) when the header is the bracketed translation of the line's
    first words ("TANI (Diagnosis):", "MİKROSKOPİ (Microscopy):"), else ``None``."""
    if end >= len(doc) or doc[end].text != ")":
        return None
    k = start - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k < 0 or doc[k].text != "(":
        return None
    line_start = _after_translation(doc, k, opening="(")
    return None if line_start is None else (line_start, end + 1)


def _qualifier_end(doc: Doc, start: int) -> int | None:
    """End of a short parenthesised qualifier on the header line that is followed by a
    header ending ("MICROSCOPY (additional blocks):", "GROSS (frozen section) -")."""
    for k in range(start + 1, min(len(doc), start + _QUALIFIER_MAX + 2)):
        text = doc[k].text
        if "\n" in text or text == "(":
            return None
        if text == ")":
            after = k + 1
            if after >= len(doc):
                return after
            nxt = doc[after]
            if nxt.text in _HEADER_END or (nxt.is_space and "\n" in nxt.text):
                return after
            return None
    return None


class PathologySectionizer(Sectionizer):
    """Sections from start-of-line headers that end in a colon, a dash or a line break."""

    _words: frozenset[str] | None = None

    def _header_words(self) -> frozenset[str]:
        """Every word of every header literal ("clinical", "outside", "final", ...)."""
        if self._words is None:
            self._words = frozenset(w for r in self.rules for w in r.literal.lower().split())
        return self._words

    def __call__(self, doc: Doc) -> Doc:
        matcher: Any = self._Sectionizer__matcher  # medspaCy keeps it name-mangled
        found = matcher(doc)
        # a line-start match that ends no header ("Diagnóstico" of "Diagnóstico original /
        # Original diagnosis:") must not hide the bilingual header that starts there
        matches = [m for m in self.filter_start_lines(doc, found) if _ends_header(doc, m[2])]
        at_line_start = {m[1] for m in matches}
        header_words = self._header_words()
        for match_id, start, end in found:
            bracketed = _translated_in_brackets(doc, start, end)
            if bracketed is not None and bracketed[0] not in at_line_start:
                matches.append((match_id, *bracketed))  # "TANI (Diagnosis):"
                at_line_start.add(bracketed[0])
                continue
            line_start = _after_translation(doc, start)
            if line_start is None:
                line_start = _after_site_code(doc, start, header_words)
            if line_start is not None and line_start not in at_line_start:
                matches.append((match_id, line_start, end))  # "CONCLUSIE / CONCLUSION:"
                at_line_start.add(line_start)
        matches = sorted((m for m in matches if _ends_header(doc, m[2])), key=lambda m: m[1])
        sections = []
        if not matches or matches[0][1] != 0:
            first = matches[0][1] if matches else len(doc)
            sections.append(Section(None, 0, 0, 0, first))
        for i, (match_id, start, end) in enumerate(matches):
            rule = matcher.rule_map[self.nlp.vocab.strings[match_id]]
            end = _review_qualifier_end(doc, end) or end
            if end < len(doc) and doc[end].text == "(":
                end = _qualifier_end(doc, end) or end
            elif end < len(doc) and doc[end].text == "/":
                end = _translation_end(doc, end) or end
            title_end = end + 1 if end < len(doc) and doc[end].text in _HEADER_END else end
            body_end = matches[i + 1][1] if i + 1 < len(matches) else len(doc)
            sections.append(
                Section(rule.category, start, title_end, title_end, body_end, None, rule)
            )
        doc._.sections = sections
        return doc


class SectionIndex:
    """``section_at`` for many offsets of one document without re-reading the sections."""

    def __init__(self, doc: Doc) -> None:
        sections = doc._.sections or []
        self._starts = [
            doc[s.title_start].idx if s.title_start < len(doc) else len(text_of(doc))
            for s in sections
        ]
        self._categories = [s.category for s in sections]

    def at_char(self, offset: int) -> str | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._categories[i] if i >= 0 else None


@Language.factory(
    "pathmine_sectionizer_v1",
    assigns=["doc._.sections"],
    default_config={"rules": None, "require_start_line": True},
)
def make_pathology_sectionizer(
    nlp: Language, name: str, rules: Any, require_start_line: bool
) -> PathologySectionizer:
    return PathologySectionizer(
        nlp,
        name=name,
        rules=rules,
        require_start_line=require_start_line,
        phrase_matcher_attr="NORM",  # "Clinica1 detai1s:" is the clinical details header
    )
