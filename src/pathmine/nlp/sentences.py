"""Sentence lookups by bisection over the sentence starts, computed once per document.

spaCy's ``Span.sent`` walks token by token to the sentence's start and end on every call
(a Python-level ``__getitem__`` per token); the flattening step asks for the sentence of
every mention several times. The line sentencizer records the starts it sets; these
helpers answer exactly what ``Span.sent`` would.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

_STARTS_KEY = "pathmine.sentence_starts"


def record_sentence_starts(doc: Doc, starts: list[int]) -> None:
    """Called by the sentencizer with the token indices it marked as sentence starts."""
    doc.user_data[_STARTS_KEY] = starts


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence's first token, ascending (shared: do not modify)."""
    starts: list[int] | None = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = [s.start for s in doc.sents]
    return starts


def sentence_of(doc: Doc, token: int) -> Span:
    """The sentence holding token ``token``: ``doc[token].sent``, and ``span.sent`` for a
    span starting there (spaCy gives a boundary-crossing span its first sentence)."""
    starts = sentence_starts(doc)
    k = bisect.bisect_right(starts, token) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k] : end]


def sentence_spans(doc: Doc) -> list[Span]:
    starts = sentence_starts(doc)
    bounds = [*starts, len(doc)]
    return [doc[bounds[k] : bounds[k + 1]] for k in range(len(starts))]
