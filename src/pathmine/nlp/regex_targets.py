"""Single-token regex target rules (OCR variants), as a spaCy factory.

No ``from __future__ import annotations`` here: spaCy validates factory signatures from
their real annotations.
"""

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from medspacy.ner import TargetRule
from spacy.language import Language
from spacy.tokens import Doc, Span

from pathmine.nlp.caseless import (
    CaselessPattern,
    first_char_guard,
    first_chars,
    required_literals,
)
from pathmine.nlp.tokenizer import lower_text_of, text_of


class RegexTargets:
    """Regex (OCR variants) and case-sensitive literal rules, matched on the text in one pass.

    As token ``REGEX``/``TEXT`` patterns in medspaCy's Matcher they cost a predicate call per
    token per rule; one combined regex per kind over the text costs one scan per document.
    Matches must align with token boundaries and never override a lexicon match.

    The case-insensitive scan runs over the lower-cased text (``CaselessPattern``). For the
    case-sensitive literals the text's words (maximal word-character runs) are collected once; a
    literal can match only where each of its own word runs is a whole word of the text, so
    the combined regex is built from those literals only, in rule order, and finds exactly
    what the full alternation would. A 47-way alternation tried at every word start cost
    about 1.1 s per 300 TCGA reports, where "ER" or "PR" is usually all a report holds.
    """

    def __init__(self, nlp: Language) -> None:
        self._rules: list[TargetRule] = []
        self._single_token: list[bool] = []
        self._parts: dict[bool, list[str]] = {False: [], True: []}
        self._exact_literals: list[str] = []
        self._caseless: CaselessPattern | None = None
        self._gated: tuple[tuple[frozenset[str], CaselessPattern], ...] = ()
        self._exact_parts: tuple[tuple[frozenset[str], str], ...] = ()
        self._compiled = False

    def add(self, category: str, entry_id: str, regexes: Iterable[str]) -> None:
        """Case-insensitive single-token regexes (OCR variants of a term)."""
        for regex in regexes:
            body = regex.removeprefix("^").removesuffix("$")
            self._add(category, entry_id, f"/{regex}/", body, case_sensitive=False)

    def add_exact(self, category: str, entry_id: str, texts: Iterable[str]) -> None:
        """Case-sensitive literal texts (abbreviations such as STUMP, ER, LG-ESS)."""
        for text in texts:
            self._add(category, entry_id, text, re.escape(text), case_sensitive=True)
            self._exact_literals.append(text)

    def _add(
        self, category: str, entry_id: str, literal: str, body: str, *, case_sensitive: bool
    ) -> None:
        self._parts[case_sensitive].append(f"(?P<r{len(self._rules)}>{body})")
        self._rules.append(TargetRule(literal, category, metadata={"entry_id": entry_id}))
        self._single_token.append(not case_sensitive)
        self._compiled = False  # the combined patterns are built on the next call

    def _compile(self) -> None:
        """Build both combined patterns once, after the last rule was added."""
        exact, caseless = self._parts[True], self._parts[False]
        gated: list[tuple[frozenset[str], CaselessPattern]] = []
        guarded: list[str] = []
        for part in caseless:
            stems = None if _guards_well(part) else required_literals(part)
            if stems is None:
                guarded.append(part)
            else:
                gated.append((stems, CaselessPattern(_bounded([part], first_chars([part])))))
        self._caseless = (
            CaselessPattern(_bounded(guarded, first_chars(guarded))) if guarded else None
        )
        self._gated = tuple(gated)
        self._exact_parts = tuple(
            (frozenset(_WORD.findall(literal)), part)
            for literal, part in zip(self._exact_literals, exact, strict=True)
        )
        self._exact_for.cache_clear()
        self._compiled = True

    @lru_cache(maxsize=512)  # noqa: B019  (one instance per pipeline, kept for its life)
    def _exact_for(self, present: tuple[str, ...]) -> re.Pattern[str]:
        """The case-sensitive alternation of ``present`` (regex parts, in rule order)."""
        return re.compile(_bounded(list(present)))

    def _matches(self, doc: Doc) -> Iterator[re.Match[str]]:
        if not self._compiled:
            self._compile()
        text = text_of(doc)
        lowered = lower_text_of(doc)
        if self._caseless is not None:
            yield from self._caseless.finditer(text, lowered)
        for stems, pattern in self._gated:
            if any(stem in lowered for stem in stems) or "ſ" in text or "ı" in text:
                yield from pattern.finditer(text, lowered)
        words = set(_WORD.findall(text))
        present = tuple(part for runs, part in self._exact_parts if runs <= words)
        if present:
            yield from self._exact_for(present).finditer(text)

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, TargetRule]] = []
        for m in self._matches(doc):
            index = int((m.lastgroup or "r0")[1:])
            rule = self._rules[index]
            span = doc.char_span(m.start(), m.end(), label=rule.category)
            if span is not None and (len(span) == 1 or not self._single_token[index]):
                found.append((span, rule))
        if not found:
            return doc
        # Lexicon (phrase) matches stand; among these, longer spans win.
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        keep: list[tuple[Span, TargetRule]] = []
        for span, rule in sorted(found, key=lambda f: (-len(f[0]), f[0].start)):
            tokens = range(span.start, span.end)
            if not taken.intersection(tokens):
                taken.update(tokens)
                keep.append((span, rule))
        if keep:
            doc.ents = sorted([*doc.ents, *(s for s, _ in keep)], key=lambda s: s.start)
            for span, rule in keep:
                span._.target_rule = rule
        return doc


_WORD = re.compile(r"\w+")
# a rule that can begin with more characters than this would make the combined scan's
# first-character guard useless, so it is scanned alone when its stems are in the text
_GUARD_LIMIT = 12


def _guards_well(part: str) -> bool:
    first = first_chars([part])
    return first is not None and len(first) <= _GUARD_LIMIT


def _bounded(parts: list[str], first: frozenset[str] | None = None) -> str:
    """One whole-word alternation of ``parts``; ``first`` (the characters a match can begin
    with) adds a one-class lookahead, so most word starts fail before any branch is tried
    (about half the scan time of the OCR-variant alternation on TCGA text)."""
    return r"(?<![\w])" + first_char_guard(first) + "(?:" + "|".join(parts) + r")(?![\w])"


@Language.factory("pathmine_regex_targets_v1", assigns=["doc.ents"])
def make_regex_targets(nlp: Language, name: str) -> RegexTargets:
    return RegexTargets(nlp)
