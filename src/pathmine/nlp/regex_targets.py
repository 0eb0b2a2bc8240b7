"""Single-token regex target rules (OCR variants), as a spaCy factory.

No ``from __future__ import annotations`` here: spaCy validates factory signatures from
their real annotations.
"""

import re
from collections.abc import Iterable

from medspacy.ner import TargetRule
from spacy.language import Language
from spacy.tokens import Doc, Span


class RegexTargets:
    """Single-token regex rules (OCR variants) matched on the text in one pass.

    As token ``REGEX`` predicates in medspaCy's Matcher they cost a regex call per token per
    rule; one combined, case-insensitive regex over the text costs one scan per document.
    Matches must align with token boundaries and never override a lexicon match.
    """

    def __init__(self) -> None:
        self._rules: list[TargetRule] = []
        self._parts: list[str] = []
        self._combined: re.Pattern[str] | None = None

    def add(self, category: str, entry_id: str, regexes: Iterable[str]) -> None:
        for regex in regexes:
            body = regex.removeprefix("^").removesuffix("$")
            self._parts.append(f"(?P<r{len(self._rules)}>{body})")
            self._rules.append(TargetRule(f"/{regex}/", category, metadata={"entry_id": entry_id}))
        self._combined = re.compile(
            r"(?<![\w])(?:" + "|".join(self._parts) + r")(?![\w])", re.IGNORECASE
        )

    def __call__(self, doc: Doc) -> Doc:
        if self._combined is None:
            return doc
        found: list[Span] = []
        rules: list[TargetRule] = []
        for m in self._combined.finditer(doc.text):
            rule = self._rules[int((m.lastgroup or "r0")[1:])]
            span = doc.char_span(m.start(), m.end(), label=rule.category)
            if span is not None and len(span) == 1:
                found.append(span)
                rules.append(rule)
        if not found:
            return doc
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        keep = [(s, r) for s, r in zip(found, rules, strict=True) if s.start not in taken]
        if keep:
            doc.ents = sorted([*doc.ents, *(s for s, _ in keep)], key=lambda s: s.start)
            for span, rule in keep:
                span._.target_rule = rule
        return doc


@Language.factory("pathmine_regex_targets_v1", assigns=["doc.ents"])
def make_regex_targets(nlp: Language, name: str) -> RegexTargets:
    return RegexTargets()
