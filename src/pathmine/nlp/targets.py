"""Turn the diagnosis and marker lexicons into medspaCy ``TargetRule`` objects.

Surface variants a pathologist would not spell out in a lexicon (plural, tumor/tumour,
hyphen vs space) are generated here, so the data files list concepts rather than spellings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from medspacy.ner import TargetRule
from spacy.language import Language
from spacy.tokens import Span

from pathmine.nlp.rules import (
    CompoundMarker,
    DiagnosisEntry,
    DiagnosisExclusion,
    MarkerEntry,
    SubtypeQualifier,
)
from pathmine.nlp.segmentation import TYPE_LINE
from pathmine.nlp.sentences import sentence_of
from pathmine.nlp.tokenizer import text_of

DIAGNOSIS = "DIAGNOSIS"
STAIN = "STAIN"


def _plural(word: str) -> list[str]:
    if word.endswith("oma"):
        return [word + "s", word + "ta"]
    if word.endswith("us"):
        return [word[:-2] + "i"]
    if word.endswith(("s", "y", ")")) or not word.isalpha():
        return []
    return [word + "s"]


def spelling_variants(phrase: str) -> set[str]:
    """Lower-case spellings of one lexicon phrase: tumor/tumour, hyphen/space, plural."""
    base = phrase.lower().strip()
    forms = {base}
    if "tumor" in base:
        forms.add(base.replace("tumor", "tumour"))
    if "tumour" in base:
        forms.add(base.replace("tumour", "tumor"))
    forms |= {f.replace("-", " ") for f in forms if "-" in f}
    plurals = set()
    for form in forms:
        head, _, last = form.rpartition(" ")
        for plural in _plural(last):
            plurals.add(f"{head} {plural}".strip())
    return forms | plurals


def _exact_pattern(nlp: Language, text: str) -> list[dict[str, str]]:
    return [{"TEXT": tok.text} for tok in nlp.make_doc(text)]


def _rules(
    nlp: Language,
    category: str,
    entry_id: str,
    phrases: Iterable[str],
    exact: Iterable[str],
) -> Iterator[TargetRule]:
    metadata = {"entry_id": entry_id}
    for phrase in sorted({v for p in phrases for v in spelling_variants(p)}):
        yield TargetRule(phrase, category, metadata=metadata)
    for text in exact:
        yield TargetRule(text, category, pattern=_exact_pattern(nlp, text), metadata=metadata)


def diagnosis_rules(
    nlp: Language, entries: Iterable[DiagnosisEntry], *, exact: bool = False
) -> list[TargetRule]:
    """Phrase rules for medspaCy's target matcher; ``exact=True`` adds the case-sensitive
    abbreviations as token patterns (pathmine matches those in ``pathmine_regex_targets_v1``)."""
    return [
        rule
        for e in entries
        for rule in _rules(
            nlp, DIAGNOSIS, e.id, [e.term, *e.phrases, *e.translations], e.exact if exact else ()
        )
    ]


def marker_rules(
    nlp: Language, markers: Iterable[MarkerEntry], *, exact: bool = False
) -> list[TargetRule]:
    return [
        rule
        for m in markers
        for rule in _rules(nlp, STAIN, m.id, m.aliases, m.exact if exact else ())
    ]


def compound_rules(compounds: Iterable[CompoundMarker]) -> list[TargetRule]:
    """Phrases naming several markers at once; the stain resolver gives each its result."""
    return [
        TargetRule(variant, STAIN, metadata={"entry_id": c.id})
        for c in compounds
        for variant in sorted({v for a in c.aliases for v in spelling_variants(a)})
    ]


# a period between a letter (or the mention's last letter, at the start) and a lower-case one
_OCR_SPECK = re.compile(r"(?:(?<=[A-Za-z])|^)\.(?=[a-z])")


# a line break before a line that only names a type (``segmentation.TYPE_LINE``)
_TYPE_LINE_BREAK = re.compile(rf"\n(?=(?:{TYPE_LINE.pattern})(?:\n|$))", re.IGNORECASE)


def _one_line(text: str) -> str:
    """A sentence piece as one line, same length: a line break before a line that only
    names the type ("Adenocarcinoma of endometrium\\n(Endometrioid) type"; other line
    breaks stay, so an ALL-CAPS line never lends its words to the line before) and OCR
    specks between words ("Adenocarcinoma.of") read as spaces, so a qualifier or exclusion
    regex sees the phrase as written."""
    body = text.rstrip()
    if "\n" in body:
        text = _TYPE_LINE_BREAK.sub(" ", body) + text[len(body) :]
    if "." in text:
        text = _OCR_SPECK.sub(" ", text)
    return text


class _ContextRegexes:
    """Regexes over a mention's own sentence, before and after it (exclusions, qualifiers).

    Only the text of the mention's own sentence is looked at, so a header or the previous
    line never changes a mention.
    """

    def __init__(self, records: Iterable[DiagnosisExclusion]) -> None:
        self._rules = [
            (
                x.id,
                frozenset(x.entries),
                re.compile(x.before, re.IGNORECASE) if x.before else None,
                re.compile(x.after, re.IGNORECASE) if x.after else None,
            )
            for x in records
        ]

    def after_end(self, ent: Span, rule_id: str) -> int | None:
        """Where rule ``rule_id``'s ``after`` match ends, counted from the mention's end
        (``None`` for a rule without one, or when it does not match)."""
        for candidate, _, _, after_re in self._rules:
            if candidate == rule_id and after_re is not None:
                sent = sentence_of(ent.doc, ent.start)
                found = after_re.search(_one_line(text_of(ent.doc)[ent.end_char : sent.end_char]))
                return found.end() if found else None
        return None

    def first_match(self, ent: Span, entry_id: str) -> str | None:
        """Id of the first record whose context matches this mention, else ``None``."""
        return next(self.all_matches(ent, entry_id), None)

    def all_matches(self, ent: Span, entry_id: str) -> Iterator[str]:
        """Ids of the records whose context matches this mention, in file order."""
        sent = sentence_of(ent.doc, ent.start)
        text = text_of(ent.doc)
        before = _one_line(text[sent.start_char : ent.start_char])
        after = _one_line(text[ent.end_char : sent.end_char])
        for rule_id, entries, before_re, after_re in self._rules:
            if entries and entry_id not in entries:
                continue
            if (before_re is not None and before_re.search(before)) or (
                after_re is not None and after_re.search(after)
            ):
                yield rule_id


class SubtypeRecoder(_ContextRegexes):
    """The lexicon's subtype qualifiers: the entry a broad mention is recoded to, and the
    entries listed beside it."""

    def __init__(self, qualifiers: Iterable[SubtypeQualifier]) -> None:
        qualifiers = list(qualifiers)
        super().__init__([q for q in qualifiers if q.report is None])
        self._to = {q.id: (q.to, q.mode) for q in qualifiers}
        self.keeps_broad = frozenset(q.id for q in qualifiers if q.keep_broad)
        self._report = [
            (q.id, frozenset(q.entries), re.compile(q.report, re.IGNORECASE))
            for q in qualifiers
            if q.report is not None
        ]

    def qualify(
        self, ent: Span, entry_id: str
    ) -> tuple[tuple[str, str] | None, list[tuple[str, str]]]:
        """((qualifier id, entry id) of the first recode or ``None``, [(qualifier id, entry
        id) of every add that applies])."""
        recode: tuple[str, str] | None = None
        adds: list[tuple[str, str]] = []
        whole = [
            rule_id
            for rule_id, entries, regex in self._report
            if entry_id in entries and regex.search(text_of(ent.doc))
        ]
        for rule_id in [*self.all_matches(ent, entry_id), *whole]:
            to, mode = self._to[rule_id]
            if mode == "add" and to not in {a[1] for a in adds}:
                adds.append((rule_id, to))
            elif mode == "recode" and recode is None:
                recode = (rule_id, to)
        return recode, adds


class ExclusionFilter(_ContextRegexes):
    """The lexicon's exclusions: contexts in which a match is not a diagnosis."""

    def excluded_by(self, ent: Span, entry_id: str) -> str | None:
        """Id of the first exclusion that applies to this mention, else ``None``."""
        return self.first_match(ent, entry_id)
