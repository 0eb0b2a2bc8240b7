"""medspaCy's ``TargetMatcher`` with its entities set in one assignment, as a spaCy factory.

medspaCy adds each matched span with ``doc.ents += (span,)``: every addition rebuilds the
whole entity tuple and re-validates it, so a report with n lexicon hits costs O(n²) entity
work. On OCR'd TCGA reports (tens of hits each) that was the largest single cost of
extraction after tokenization (about 1.0 s per 300 reports, measured with cProfile). This
component keeps medspaCy's matcher, rules and precedence (an existing entity, or an earlier
match, wins a token conflict) and writes ``doc.ents`` once.

No ``from __future__ import annotations`` here: spaCy validates factory signatures from
their real annotations.
"""

from medspacy.target_matcher import TargetMatcher
from spacy.language import Language
from spacy.tokens import Doc


class LexiconMatcher(TargetMatcher):
    """Same results as ``TargetMatcher(result_type="ents")``, linear in the number of hits."""

    def __init__(self, nlp: Language, name: str, phrase_matcher_attr: str) -> None:
        super().__init__(nlp, name=name, phrase_matcher_attr=phrase_matcher_attr, result_type=None)

    def __call__(self, doc: Doc) -> Doc:
        spans = super().__call__(doc)  # result_type None: the spans, doc untouched
        if not spans:
            return doc
        existing = list(doc.ents)
        taken = {i for ent in existing for i in range(ent.start, ent.end)}
        kept = []
        for span in spans:  # medspaCy's order: the first of two overlapping spans stands
            tokens = range(span.start, span.end)
            if taken.isdisjoint(tokens):
                taken.update(tokens)
                kept.append(span)
        if kept:
            doc.ents = sorted([*existing, *kept], key=lambda s: s.start)
        return doc


@Language.factory("pathmine_lexicon_matcher_v1", assigns=["doc.ents"])
def make_lexicon_matcher(nlp: Language, name: str, phrase_matcher_attr: str) -> LexiconMatcher:
    return LexiconMatcher(nlp, name, phrase_matcher_attr)
