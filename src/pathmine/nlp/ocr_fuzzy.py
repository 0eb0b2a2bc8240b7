"""One-edit OCR repairs of long lexicon words ("squalmous", "adenocarcinoha", "rnutinous").

The tokenizer's ``ocr_norm`` folds the confusable *classes* of characters (``0``/``o``,
``1``/``l``/``i``, ``rn``/``m``), but scanned reports also drop, add, swap and replace single
letters: "Squalmous cell carcinoma", "aquamous", "adenocarcinoha" (45 times in the TCGA OCR),
"Mutinous adenocarcinoma", "leiomycma". A word of eight letters or more that is not itself a
lexicon word, and is one edit (insertion, deletion, substitution or transposition of
neighbours) from exactly one long lexicon word, takes that word's norm, so the phrase
matchers read it as written.

Short words are never repaired (too many real words sit one edit apart), nor a word one
edit from two lexicon words, nor a plural onto its singular (both are words). Real words
that sit one edit from a lexicon word ("fibrosis" / "fibroids", "endometriosis" /
"endometrioids", "granuloma" / "granulosa", "hematoma" / "hepatoma") are listed as
protected in ``diagnoses.json`` (``ocr_fuzzy``): they keep their own norm.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pathmine.nlp.tokenizer import ocr_norm

if TYPE_CHECKING:
    from pathmine.nlp.rules import RulePack

_WORD = re.compile(r"[^\W\d_]+")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def within_one_edit(a: str, b: str) -> bool:
    """Optimal-string-alignment distance of ``a`` and ``b`` is at most one."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    if la > lb:
        a, b = b, a  # a is the shorter: b has one extra character
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


# connectors OCR glues to the word before them; "for" is tried before "or"
_CONNECTORS = ("and", "for", "with", "or")
# prepositions OCR glues to the word after them
_PREPOSITIONS = ("for", "with", "of", "in", "and")


class FuzzyVocabulary:
    """The long lexicon words (as norms) and the one-edit lookup into them."""

    def __init__(
        self,
        words: Iterable[str],
        protected: Iterable[str],
        min_length: int,
        translations: dict[str, str] | None = None,
    ) -> None:
        words = set(words)
        self.min_length = min_length
        # norms of other languages' words -> the lexicon word's norm (``word_translations``)
        self.translations = {ocr_norm(k): ocr_norm(v) for k, v in (translations or {}).items()}
        self.words = frozenset(w for w in words if len(w) >= min_length and w.isalpha())
        self.protected = frozenset(protected)
        # every lexicon / marker word and every cue word of three characters or more: what a
        # word OCR glued to a connector ("vimentinand", "positivefor") must start with
        self.vocabulary = frozenset(w for w in words | self.protected if len(w) >= 3)
        # the lexicon and marker words of five letters or more: what a word OCR glued a
        # preposition onto ("forestrogen") must end with
        self.terms = frozenset(w for w in words if len(w) >= 5)
        # symmetric-deletion index: a word and each of its one-character deletions
        self._index: dict[str, set[str]] = {}
        for word in self.words:
            for key in (word, *_deletions(word)):
                self._index.setdefault(key, set()).add(word)

    def knows(self, norm: str) -> bool:
        """Whether ``norm`` is a lexicon or cue word, or one OCR edit from a lexicon word."""
        return norm in self.words or norm in self.protected or self.nearest(norm) is not None

    def split_connector(self, token: str) -> tuple[str, str] | None:
        """A lexicon, marker or cue word OCR glued to the connector after it ("vimentinand"
        → ("vimentin", "and"), "positivefor" → ("positive", "for")), or a preposition glued
        to the lexicon or marker word after it ("forestrogen" → ("for", "estrogen"));
        ``None`` when ``token`` is a word of its own ("gland", "doctor", "androgen") or the
        rest is not a known word."""
        lower = token.lower()
        if ocr_norm(token) in self.vocabulary:
            return None
        for preposition in _PREPOSITIONS:
            if lower.startswith(preposition) and ocr_norm(token[len(preposition) :]) in self.terms:
                # "strong diffuse positivity forestrogen receptor", "incarcinoma"
                return token[: len(preposition)], token[len(preposition) :]
        for connector in _CONNECTORS:
            if lower.endswith(connector) and len(lower) - len(connector) >= 3:
                head = token[: -len(connector)]
                if ocr_norm(head) in self.vocabulary:
                    return head, token[-len(connector) :]
        return None

    def nearest(self, norm: str) -> str | None:
        """The one lexicon word ``norm`` is a one-edit OCR slip of, else ``None``."""
        if (
            len(norm) < self.min_length
            or norm in self.words
            or norm in self.protected
            or not norm.isalpha()
        ):
            return None
        word = self._one_edit(norm)
        if word is None and "ll" in norm:
            # OCR reads "m" as two strokes ("ADENOCARCINOI1A", folded to "...olla")
            for at in range(norm.find("ll"), len(norm) - 1):
                if norm.startswith("ll", at):
                    candidate = norm[:at] + "m" + norm[at + 2 :]
                    if candidate in self.words:
                        word = candidate
                        break
        if word is not None and (word + "s" == norm or norm + "s" == word):
            return None  # a plural and its singular are both words
        return word

    def _one_edit(self, norm: str) -> str | None:
        found: set[str] = set()
        for key in (norm, *_deletions(norm)):
            found.update(self._index.get(key, ()))
        close = {w for w in found if within_one_edit(norm, w)}
        # a word one edit from a lexicon word and from its plural is the singular's slip
        # ("adenocarcinomaJ": "adenocarcinoma" and "adenocarcinomas")
        close -= {w for w in close if w.endswith("s") and w[:-1] in close}
        if len(close) != 1:
            return None
        (word,) = close
        return word


def fuzzy_vocabulary(rules: RulePack) -> FuzzyVocabulary | None:
    """The repair vocabulary of a rule pack: the long words of every diagnosis phrase and
    marker alias (with their spelling variants). Every other rule file's words (ConText cues,
    section headers, stain result cues) are real words too, and are never repaired."""
    from pathmine.nlp.targets import spelling_variants

    config = rules.diagnoses.ocr_fuzzy
    if config is None:
        return None
    phrases = [p for e in rules.diagnoses.entries for p in (e.term, *e.phrases)]
    phrases += [a for m in rules.stains.markers for a in m.aliases]
    phrases += rules.diagnoses.metastatic_cues  # "HETASTATIC ADENOCARCINOMA"
    words = _norms(v for p in phrases for v in spelling_variants(p))
    results = rules.stains.results
    cues = list(_cue_and_header_texts(rules))
    for table in (results.postfix, results.prefix, results.intensity, results.extent):
        cues += [c for values in table.values() for c in values]
    cues += results.negators
    # translations are neither repair targets (not in ``phrases``) nor protected: their
    # words take the same one-edit repair as the text, so they still match it
    protected = {ocr_norm(w) for w in config.protected} | (_norms(cues) - words)
    return FuzzyVocabulary(words, protected, config.min_length, rules.diagnoses.word_translations)


def _norms(texts: Iterable[str]) -> set[str]:
    """The OCR-folded norms of every word of ``texts``."""
    return {ocr_norm(w) for t in texts for w in _WORD.findall(t)}


def _cue_and_header_texts(rules: RulePack) -> Iterable[str]:
    """The ConText cue literals and section header literals: real words, never OCR slips."""
    yield from (r.literal for r in rules.context.rules)
    yield from (lit for r in rules.sections.rules for lit in r.literals)


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it must exceed it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class ModifierRepair:
    """The type words before a bare "carcinoma" read through OCR damage ("Squamous call
    carcinoma", "squaawus cell carcinoma", "SQUA MOUS CELL CARCINOMA"): the one, two or three
    words before it, compared as one string with the modifiers of the lexicon's
    "<modifier> carcinoma" phrases, within two edits (one under ten letters). At least one of
    the words must be unknown to every rule file, so a real phrase ("poorly differentiated
    carcinoma") is never read as another ("undifferentiated carcinoma")."""

    def __init__(self, modifiers: dict[str, str], known: frozenset[str]) -> None:
        self.modifiers = modifiers  # folded modifier -> entry id
        self.known = known
        # the last three folded words -> the answer: the same few phrases recur in every
        # report ("poorly differentiated carcinoma"), and each costs a scan of every modifier
        self._answers: dict[tuple[str, ...], str | None] = {}

    def entry_for(self, words_before: list[str], junk: bool = False) -> str | None:
        """The entry the words before a bare "carcinoma" name through OCR damage; with
        ``junk`` (OCR debris between them and the mention, "Squamous cell) carcinoma") real
        words count too, since debris is then why the lexicon missed the phrase."""
        folded = [ocr_norm(w) for w in words_before if any(c.isalpha() for c in w)][-3:]
        key = (*folded, "\x00junk") if junk else tuple(folded)
        if key not in self._answers:
            if len(self._answers) > 50_000:
                self._answers.clear()
            self._answers[key] = self._entry_for(folded, junk)
        return self._answers[key]

    def _entry_for(self, folded: list[str], junk: bool = False) -> str | None:
        best: tuple[int, str] | None = None
        tied = False
        for n in (1, 2, 3):
            if len(folded) < n:
                break
            tail = folded[-n:]
            if all(w in self.known for w in tail) and not junk:
                continue
            candidate = " ".join(tail)
            for modifier, entry_id in self.modifiers.items():
                limit = 2 if len(modifier) >= 10 else 1
                d = _distance(candidate, modifier, limit)
                if d <= limit:
                    if best is None or d < best[0]:
                        best, tied = (d, entry_id), False
                    elif d == best[0] and entry_id != best[1]:
                        tied = True
        return None if best is None or tied else best[1]


def modifier_repair(rules: RulePack) -> ModifierRepair:
    """The "<modifier> carcinoma" phrases of the lexicon, and every word any rule file uses."""
    by_modifier: dict[str, set[str]] = {}
    known: set[str] = set()
    for e in rules.diagnoses.entries:
        for phrase in (e.term, *e.phrases):
            words = [ocr_norm(w) for w in _WORD.findall(phrase.lower())]
            known.update(words)
            if len(words) >= 2 and words[-1] == ocr_norm("carcinoma"):
                modifier = " ".join(words[:-1])
                if len(modifier) >= 6:
                    by_modifier.setdefault(modifier, set()).add(e.id)
    known |= _norms(_cue_and_header_texts(rules))
    known |= _norms(a for m in rules.stains.markers for a in m.aliases)
    modifiers = {m: next(iter(ids)) for m, ids in by_modifier.items() if len(ids) == 1}
    return ModifierRepair(modifiers, frozenset(known))


def ocr_capital_variants(abbreviations: Iterable[str]) -> list[str]:
    """The abbreviations with their capital I read by OCR as "l" or "1" ("GlST", "G1ST",
    "DClS"), after the abbreviations themselves. The case-sensitive literals (GIST, DCIS,
    STIC) are not folded like lexicon words, where "I" and "l" are one class already; a
    literal of four letters or more with a capital I is specific enough to take its variants
    (three is not: "A1S", "AlS" are block labels, not AIS)."""
    out = list(abbreviations)
    for text in list(out):
        if len(text) >= 4 and "I" in text and text[:1].isupper():
            for swap in ("l", "1"):
                variant = text.replace("I", swap)
                if variant not in out:
                    out.append(variant)
    return out


# a word that mixes letters with the digits OCR puts for them ("ce11", "necr0sis", "1O"),
# or that opens with "rn" for "m" ("rnitoses", "rnoderate": no English word starts so)
# Each branch starts at its digit or suspect letter (the letters around it are look-arounds),
# so the leading one-class lookahead rejects most positions in one step (0.2 ms a report).
_OCR_DAMAGED = re.compile(
    r"(?=[0-9|lIOr])(?:(?<=[A-Za-z])[01|](?=[A-Za-z])|\b[01](?=[a-z]{2})|(?<=[a-z]{2})[01]+\b"
    r"|\brn[a-z]|[0-9][OlI]\b|\b[lIO](?=[0-9]))"
)
# where a word may need folding; the word around it is then read whole
_FOLD_POINT = re.compile(r"[A-Za-z][01|]|[01|][A-Za-z]|rn|[lIO][0-9]|[0-9][lIO]")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789|")
# left as written: a number glued to its unit ("10HPF", "400x") and a code ("CD10", "HHF35")
_KEEP = re.compile(r"\d+[A-Za-z]+|[A-Z]{1,5}\d+")
_NUMERIC_LETTERS = frozenset("OoIl|")
# OCR letters read back as the digits they stand for ("7O%", "l0 HPF"); stains read percents with it
OCR_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_AS_LETTER = str.maketrans({"0": "o", "1": "l", "|": "l"})


def looks_ocr_damaged(text: str) -> bool:
    """Does ``text`` show OCR's letter-for-digit swaps ("ce11", "necr0sis", "rnitoses")?"""
    return _OCR_DAMAGED.search(text) is not None


_TOLERANT = {"o": "[o0]", "l": "[l1|]", "i": "[il1|]", "m": "(?:m|rn)"}


def ocr_tolerant_regex(pattern: str) -> str:
    """A simple lower-case regex that also matches OCR's swaps of its letters: "mitos" finds
    "rnit0s". Escapes and character classes are copied as written."""
    out: list[str] = []
    k = 0
    while k < len(pattern):
        ch = pattern[k]
        if ch == "\\" and k + 1 < len(pattern):
            out.append(pattern[k : k + 2])
            k += 2
            continue
        if ch == "[":  # a character class is copied as written
            close = pattern.find("]", k + 2)
            if close > k:
                out.append(pattern[k : close + 1])
                k = close + 1
                continue
        out.append(_TOLERANT.get(ch, ch))
        k += 1
    return "".join(out)


class FoldedText:
    """OCR-folded text and the way back to offsets in the text as written: only "rn" -> "m"
    changes the length, so the offsets are the folded ones plus the collapses before them."""

    __slots__ = ("_shifts", "text")

    def __init__(self, text: str, shifts: list[int]) -> None:
        self.text = text
        self._shifts = shifts  # folded offsets just after each collapsed "rn"

    def origin(self, offset: int) -> int:
        """The offset in the text as written of folded offset ``offset``."""
        return offset + bisect.bisect_right(self._shifts, offset)


def fold_ocr_text(text: str, force: bool = False) -> FoldedText | None:
    """``text`` with OCR's character swaps undone, for the regex rules (mitoses, necrosis,
    atypia) that read words and numbers as written: "14/1O HPF" -> "14/10 HPF", "turnour
    ce11 necrosis" -> "tumour cell necrosis", "rnoderate" -> "moderate", "~l5%" -> "~15%".
    None when the text shows no OCR damage (the common case costs one scan) unless ``force``
    (a sentence of a damaged report: "turnour" alone is no proof of damage).

    A word of digits and O/I/l only is a number; a word with more letters than digits is a
    word, its "0"/"1" read as "o"/"l" and "rn" as "m". Numbers glued to a unit ("400x",
    "10HPF") and codes ("CD10") stay as written.
    """
    if not force and _OCR_DAMAGED.search(text) is None:
        return None
    shifts: list[int] = []
    pieces: list[str] = []
    at = 0
    length = 0  # of the folded text so far
    for point in _FOLD_POINT.finditer(text):
        if point.start() < at:
            continue  # inside the word just folded
        begin, end = point.start(), point.end()
        while begin > at and text[begin - 1] in _WORD_CHARS:
            begin -= 1
        while end < len(text) and text[end] in _WORD_CHARS:
            end += 1
        word = text[begin:end]
        pieces.append(text[at:begin])
        length += begin - at
        letters = sum(c.isalpha() for c in word)
        if any(c.isdigit() for c in word) and all(
            c.isdigit() or c in _NUMERIC_LETTERS for c in word
        ):
            word = word.translate(OCR_AS_DIGIT)
        elif letters >= len(word) - letters and not _KEEP.fullmatch(word):
            word = word.translate(_AS_LETTER)
            if "rn" in word:
                head, *rest = word.split("rn")
                word = head
                for part in rest:
                    word += "m"
                    shifts.append(length + len(word))
                    word += part
        pieces.append(word)
        length += len(word)
        at = end
    pieces.append(text[at:])
    return FoldedText("".join(pieces), shifts)
