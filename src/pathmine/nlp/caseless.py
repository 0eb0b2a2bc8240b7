"""Case-insensitive regex scans, run case-sensitively over the lower-cased text.

With ``re.IGNORECASE`` the regex engine folds case character by character; the scans over a
whole report (OCR variants of terms, feature triggers) ran 2-3x slower that way than the
same pattern over ``text.lower()``, computed once per report.

The two agree exactly when the pattern's letters are lower-case Latin (below U+0250: ASCII,
Latin-1 and Latin Extended-A/B, so "ä", "ř", "ł", "ș" too; the micro sign aside) and the text
keeps its length when lower-cased ("İ" becomes two characters) and holds neither "ı" nor "ſ",
the only characters ``IGNORECASE`` equates with such a letter ("i", "s") that ``lower()``
leaves alone. That was checked against every Unicode character (tests/test_caseless.py keeps
the check). Anything else (Greek, where "ς" folds to "σ") takes the ``IGNORECASE`` path; a
property test holds the two to the same matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_NOT_LETTERS = re.compile(r"\\.|\(\?P[<=]")  # escapes and named-group syntax


# lower-case letters whose IGNORECASE matches are exactly the characters lower-casing to them
# (given a text without "ı" and "ſ" whose lower-casing keeps its length)
FOLDS_LIKE_LOWER = frozenset(
    c for c in map(chr, range(0x61, 0x250)) if c.isalpha() and c.islower() and c not in "µıſ"
)


def _lowercase_latin_only(pattern: str) -> bool:
    """Are all letters of the pattern in ``FOLDS_LIKE_LOWER`` (escapes such as ``\\W`` aside)?"""
    letters = [c for c in _NOT_LETTERS.sub("", pattern) if c.isalpha()]
    return all(c in FOLDS_LIKE_LOWER for c in letters)


class CaselessPattern:
    """``finditer`` with ``re.IGNORECASE`` semantics; match texts come back lower-cased."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        """``flags`` are added to the case rule (e.g. ``re.MULTILINE``)."""
        self.pattern = pattern
        self._ignorecase = re.compile(pattern, flags | re.IGNORECASE)
        self._lower = re.compile(pattern, flags) if _lowercase_latin_only(pattern) else None

    def _choose(self, text: str, lowered: str | None) -> tuple[re.Pattern[str], str]:
        if self._lower is not None:
            if lowered is None:
                lowered = text.lower()
            if len(lowered) == len(text) and "ı" not in text and "ſ" not in text:
                return self._lower, lowered
        return self._ignorecase, text

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        """Matches in ``text``; pass ``lowered`` (``text.lower()``) when it is already known."""
        pattern, subject = self._choose(text, lowered)
        return pattern.finditer(subject)

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        pattern, subject = self._choose(text, lowered)
        return pattern.search(subject)


def first_char_guard(first: frozenset[str] | None) -> str:
    """A lookahead for one of ``first`` (see ``first_chars``), or nothing when unknown.

    Python's regex engine tries every branch of an alternation at every position; a leading
    one-class lookahead rejects most positions in one step. On TCGA text this halved the
    OCR-variant scan of ``regex_targets`` and the feature trigger scan."""
    return f"(?=[{re.escape(''.join(sorted(first)))}])" if first else ""


def first_chars_any_case(parts: list[str]) -> frozenset[str] | None:
    """``first_chars`` for a pattern compiled with ``re.IGNORECASE``: both cases of each."""
    first = first_chars(parts)
    return None if first is None else frozenset(first | {ch.swapcase() for ch in first})


def first_chars(parts: list[str]) -> frozenset[str] | None:
    """The characters any of ``parts`` can begin a match with, or None when that cannot be
    told (an empty match, a class with a category such as ``\\d``, a construct not handled).

    Read from the regex parser's tree (``re._parser``: private, so any surprise means None
    and the scan simply runs without the lookahead)."""
    try:
        found: set[str] = set()
        for part in parts:
            chars = _first_of(list(re._parser.parse(part)))  # type: ignore[attr-defined]
            if chars is None:
                return None
            found |= chars
        return frozenset(found)
    except Exception:  # an optimisation only: never fail the pipeline over it
        return None


def _first_of(items: list[tuple[Any, Any]]) -> set[str] | None:
    """First characters of a parsed sequence; None if it may match empty or is not handled."""
    c = re._constants  # type: ignore[attr-defined]
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return out | {chr(av)}
        if op is c.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 128:
                    chars.update(chr(x) for x in range(value[0], value[1] + 1))
                else:
                    return None
            return out | chars
        if op is c.AT or op is c.ASSERT_NOT:
            continue  # "\\b", "^", "(?<!outside )": zero width, the next item decides
        if op is c.SUBPATTERN:
            inner = _first_of(list(av[-1]))
            if inner is None:
                return None
            return out | inner
        if op is c.BRANCH:
            branches = [_first_of(list(b)) for b in av[1]]
            if any(b is None for b in branches):
                return None
            return out | set().union(*branches)  # type: ignore[arg-type]
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == 0:
            inner = _first_of(list(av[2]))
            if inner is None:
                return None
            out |= inner  # optional: its first characters, or those of what follows
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            inner = _first_of(list(av[2]))
            return None if inner is None else out | inner
        return None
    return None  # the whole sequence can match empty


def required_literals(part: str) -> frozenset[str] | None:
    """Literal texts of which every match of ``part`` contains one, or None when none is
    found: a top-level literal run of 3+ characters or an alternation of such runs.

    A rule that may begin with nearly any letter ("[a-zäöü]{3,}(?:sarkom|sarcoom)") defeats
    the first-character guard of a combined scan; gated on its stems (``"sarkom" in text``) it
    is scanned alone, and only in the reports that hold one."""
    try:
        return _required(list(re._parser.parse(part)))  # type: ignore[attr-defined]
    except Exception:  # an optimisation only: never fail the pipeline over it
        return None


def _literal_run(items: list[tuple[Any, Any]]) -> str | None:
    c = re._constants  # type: ignore[attr-defined]
    if all(op is c.LITERAL for op, _ in items):
        return "".join(chr(av) for _, av in items)
    return None


def _required(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best (longest shortest text) of the literal stretches of a parsed sequence; a
    stretch joins runs and alternations of runs ("sar" + "kom|coom" = "sarkom|sarcoom", as
    the parser factors common prefixes)."""
    c = re._constants  # type: ignore[attr-defined]
    found: list[frozenset[str]] = []
    texts: set[str] = {""}
    for op, av in [*items, (None, None)]:
        if op is c.LITERAL:
            texts = {t + chr(av) for t in texts}
            continue
        if op is c.BRANCH:
            options = [_literal_run(list(b)) for b in av[1]]
            if all(o is not None for o in options):
                texts = {t + o for t in texts for o in options if o is not None}
                continue
        if op is c.SUBPATTERN:
            inner = _literal_run(list(av[-1]))
            if inner is not None:
                texts = {t + inner for t in texts}
                continue
            nested = _required(list(av[-1]))
            if nested is not None:
                found.append(nested)
        if min(map(len, texts)) >= 3:
            found.append(frozenset(texts))
        texts = {""}
    return max(found, key=lambda f: min(map(len, f)), default=None)
