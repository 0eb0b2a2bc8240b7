"""Case-insensitive regex scans, run case-sensitively over the lower-cased text.

With ``re.IGNORECASE`` the regex engine folds case character by character; the scans over a
whole report (OCR variants of terms, feature triggers) ran 2-3x slower that way than the
same pattern over ``text.lower()``, computed once per report.

The two agree exactly when the pattern's letters are lower-case ASCII and the text keeps its
length when lower-cased ("İ" becomes two characters) and holds neither "ı" nor "ſ", the only
characters ``IGNORECASE`` equates with an ASCII letter ("i", "s") that ``lower()`` leaves
alone. Anything else takes the ``IGNORECASE`` path; a property test holds the two to the same
matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NOT_LETTERS = re.compile(r"\\.|\(\?P[<=]")  # escapes and named-group syntax


def _lowercase_ascii_only(pattern: str) -> bool:
    """Are all letters of the pattern lower-case ASCII (escapes such as ``\\W`` aside)?"""
    letters = [c for c in _NOT_LETTERS.sub("", pattern) if c.isalpha()]
    return all(c.isascii() and c.islower() for c in letters)


class CaselessPattern:
    """``finditer`` with ``re.IGNORECASE`` semantics; match texts come back lower-cased."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        """``flags`` are added to the case rule (e.g. ``re.MULTILINE``)."""
        self.pattern = pattern
        self._ignorecase = re.compile(pattern, flags | re.IGNORECASE)
        self._lower = re.compile(pattern, flags) if _lowercase_ascii_only(pattern) else None

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
