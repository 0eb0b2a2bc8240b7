"""medspaCy's ConText, run only where it can matter: sentences that hold a diagnosis.

medspaCy's ``ConText.__call__`` lets every modifier in a report limit the scope of every
other (``ConTextGraph.update_scopes`` is quadratic in the modifiers of the whole document):
a 20 KB report with a few hundred cue matches spends most of its time there, although a
scope never leaves its sentence. This subclass keeps medspaCy's matcher, rules, modifiers
and graph, drops modifiers in sentences without a diagnosis target, and limits scopes
sentence by sentence. The edges it produces are the same.

No ``from __future__ import annotations`` here: spaCy validates factory signatures from
their real annotations.
"""

import bisect
from collections import defaultdict
from typing import Any

from medspacy.common.util import prune_overlapping_matches
from medspacy.context import ConText
from medspacy.context.context_graph import ConTextGraph
from medspacy.context.context_modifier import ConTextModifier
from spacy.language import Language
from spacy.tokens import Doc

from pathmine.nlp.sentences import sentence_starts
from pathmine.nlp.tokenizer import ocr_norm

TARGET_LABELS = frozenset({"DIAGNOSIS"})


class SentenceScopedConText(ConText):
    def __call__(self, doc: Doc, targets: Any = None) -> Doc:
        ents = list(doc.ents)
        graph = ConTextGraph(prune_on_modifier_overlap=self.prune_on_target_overlap)
        graph.targets = ents
        graph.modifiers = []
        if not any(e.label_ in TARGET_LABELS for e in ents):
            graph.edges = []
            doc._.context_graph = graph
            return doc
        sent_starts = sentence_starts(doc)

        def sentence_of(token: int) -> int:
            return bisect.bisect_right(sent_starts, token) - 1

        wanted = sorted({sentence_of(e.start) for e in ents if e.label_ in TARGET_LABELS})
        target_starts = frozenset(e.start for e in ents if e.label_ in TARGET_LABELS)
        matcher: Any = self._ConText__matcher  # medspaCy keeps it name-mangled
        by_sentence: dict[int, list[ConTextModifier]] = defaultdict(list)
        for match_id, start, end in self._match(doc, sent_starts, wanted):
            rule = matcher.rule_map[self.nlp.vocab[match_id].text]
            modifier = ConTextModifier(rule, start, end, doc, max_scope=self.max_scope)
            _reach_over_brackets(modifier, doc, sent_starts[sentence_of(start)], target_starts)
            by_sentence[sentence_of(start)].append(modifier)
        for modifiers in by_sentence.values():
            _keep_label_colons(modifiers)
            for i in range(len(modifiers) - 1):
                for j in range(i + 1, len(modifiers)):
                    modifiers[i].limit_scope(modifiers[j])
                    modifiers[j].limit_scope(modifiers[i])
            graph.modifiers.extend(modifiers)
        graph.apply_modifiers()
        for target, modifier in graph.edges:
            target._.modifiers += (modifier,)
        if self.context_attributes_mapping:
            self.set_context_attributes(graph.edges)
        doc._.context_graph = graph
        return doc

    def _match(
        self, doc: Doc, sent_starts: list[int], wanted: list[int]
    ) -> list[tuple[int, int, int]]:
        """medspaCy's cue matching, run on the wanted sentences only.

        The token-pattern Matcher costs a predicate check per token per pattern; a report's
        diagnosis sentences are a small part of it. spaCy's Matcher returns offsets relative
        to the span it is given, the PhraseMatcher absolute ones.
        """
        outer: Any = self._ConText__matcher
        token_matcher: Any = outer._MedspacyMatcher__matcher
        phrase_matcher: Any = outer._MedspacyMatcher__phrase_matcher
        regex_matcher: Any = outer._MedspacyMatcher__regex_matcher
        bounds = [*sent_starts, len(doc)]
        by_token: list[tuple[int, int, int]] = []
        by_phrase: list[tuple[int, int, int]] = []
        for k in wanted:
            sent = doc[bounds[k] : bounds[k + 1]]
            offset = sent.start
            by_token.extend((m, s + offset, e + offset) for m, s, e in token_matcher(sent))
            by_phrase.extend(phrase_matcher(sent))
        matches = by_token + by_phrase  # medspaCy's order: Matcher, PhraseMatcher, regex
        if regex_matcher._patterns:
            chosen = set(wanted)
            matches.extend(
                m
                for m in regex_matcher(doc)
                if bisect.bisect_right(sent_starts, m[1]) - 1 in chosen
            )
        if outer._prune:
            matches = prune_overlapping_matches(matches)
        return matches


# the cues whose label form states a fact about what follows; a "Clinical query:" or
# "Differential:" label heads text that carries its own hedge, ended by the colon as before
_LABEL_CATEGORIES = frozenset({"FAMILY", "HISTORICAL", "NEGATED_EXISTENCE"})


def _keep_label_colons(modifiers: list[ConTextModifier]) -> None:
    """A forward cue written as a label ("Family history: cousin had leiomyosarcoma",
    "Negative for: ...") owns the colon after it: that colon introduces the cue's scope and
    must not terminate it, as a colon between two statements does."""
    cue_ends = {
        m.modifier_span[1]
        for m in modifiers
        if m.direction in ("FORWARD", "BIDIRECTIONAL") and m.category in _LABEL_CATEGORIES
    }
    modifiers[:] = [
        m
        for m in modifiers
        if not (
            m.category == "TERMINATE" and m.modifier_span[0] in cue_ends and m.rule.literal == ":"
        )
    ]


_MAX_ASIDE = 16  # tokens of one bracketed aside a backward cue reaches over


def _reach_over_brackets(
    modifier: ConTextModifier, doc: Doc, floor: int, targets: frozenset[int]
) -> None:
    """A cue's window counts words outside brackets only: in "features of phyllodes tumour
    (stromal overgrowth, leaf-like fronds) are absent" the aside does not use up the reach of
    "are absent", nor in "father (same germline variant) died of a malignant peripheral
    nerve sheath tumour" the reach of "father" (medspaCy counts every token). ``targets``:
    the token starts of the document's diagnosis mentions."""
    limit = modifier.rule.max_scope
    scope_start, scope_end = modifier.scope_span
    if not limit or scope_start is None or scope_end is None:
        return
    if modifier.direction in ("BACKWARD", "BIDIRECTIONAL"):
        k = _walk(doc, modifier.modifier_span[0] - 1, -1, limit, floor)
        if k is not None and k + 1 < scope_start:
            modifier._scope_start = k + 1
    if modifier.direction in ("FORWARD", "BIDIRECTIONAL"):
        end = doc[modifier.modifier_span[1] - 1].sent.end
        avoid = frozenset(t for t in targets if t >= scope_end)
        k = _walk(doc, modifier.modifier_span[1], 1, limit, end - 1, avoid)
        if k is not None and k > scope_end:
            modifier._scope_end = k


def _walk(
    doc: Doc, k: int, step: int, limit: int, bound: int, avoid: frozenset[int] = frozenset()
) -> int | None:
    """Walk from token ``k`` in direction ``step`` until ``limit`` words outside brackets
    are counted or ``bound`` is passed; the index past the last token reached, or None when a
    bracket is unclosed or longer than ``_MAX_ASIDE`` (medspaCy's window is kept), or holds
    a mention that starts at a token in ``avoid`` (past the cue's own window): such an aside
    is a statement of its own ("not reviewed here yet (case was positive for serous
    adenocarcinoma)"), and the skip is only for mentions after it."""
    opening, closing = ("(", ")") if step > 0 else (")", "(")
    counted, depth, inside = 0, 0, 0
    while (k <= bound if step > 0 else k >= bound) and counted < limit:
        if depth and k in avoid:
            return None
        text = doc[k].text
        if text == opening:
            depth += 1
        elif text == closing and depth:
            depth -= 1
        elif depth:
            inside += 1
            if inside > _MAX_ASIDE:
                return None
        elif not doc[k].is_space:
            counted += 1
        k += step
    return k


@Language.factory("pathmine_context_v1", default_config={"rules": None})
def make_sentence_scoped_context(nlp: Language, name: str, rules: Any) -> SentenceScopedConText:
    # NORM: cues match OCR-damaged text ("exc1udes", "n0t rnet") as the lexicons do.
    return SentenceScopedConText(nlp, name=name, rules=rules, phrase_matcher_attr="NORM")


def norm_pattern(pattern: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    """A token pattern whose ``LOWER`` keys (a string, or ``IN``/``NOT_IN`` lists) match the
    OCR-folded ``NORM`` instead, like the phrase rules; regex predicates stay on ``LOWER``."""
    if pattern is None:
        return None
    out = []
    for token in pattern:
        token = dict(token)
        value = token.get("LOWER")
        if isinstance(value, str):
            token["NORM"] = ocr_norm(token.pop("LOWER"))
        elif isinstance(value, dict) and set(value) <= {"IN", "NOT_IN"}:
            token.pop("LOWER")
            token["NORM"] = {k: [ocr_norm(v) for v in vs] for k, vs in value.items()}
        out.append(token)
    return out


_MAX_PHRASES = 400  # a pattern expanding into more literal phrases stays a token pattern


def pattern_phrases(pattern: list[dict[str, Any]] | None) -> list[str] | None:
    """The literal phrases a simple token pattern stands for, or None when it is not one.

    A pattern of ``LOWER`` words (a string or an ``IN`` list, optionally ``"OP": "?"``) is a
    set of phrases; medspaCy matches phrases with one PhraseMatcher pass over the document,
    while every token pattern costs the Matcher a predicate check per token. Thirty such
    patterns added in one session cost a quarter of the TCGA throughput."""
    if not pattern:
        return None
    options: list[list[str]] = []
    for token in pattern:
        if not set(token) <= {"LOWER", "OP"} or token.get("OP", "?") != "?":
            return None
        value = token.get("LOWER")
        if isinstance(value, str):
            words = [value]
        elif isinstance(value, dict) and set(value) == {"IN"}:
            words = list(value["IN"])
        else:
            return None
        if any(not w or " " in w for w in words):
            return None
        options.append([*words, ""] if "OP" in token else words)
    phrases = [""]
    for words in options:
        phrases = [f"{p} {w}".strip() for p in phrases for w in words]
        if len(phrases) > _MAX_PHRASES:
            return None
    unique = sorted({p for p in phrases if p})
    return unique or None
