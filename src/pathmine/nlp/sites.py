"""Specimen sites from part headings ("A. UTERUS, TOTAL HYSTERECTOMY:") and specimen lines.

A diagnosis belongs to the part heading above it; reports without parts fall back to the
first line of the SPECIMEN section, then to nothing (site unknown is an honest answer).
"""

from __future__ import annotations

import bisect
import re

_PART = re.compile(
    r"^[ \t]*(?:(?i:part)[ \t]+)?(?:[A-Z]|\d{1,2})[.):][ \t]+"
    r"(?P<site>[A-Za-z][^\n:]{2,80}?)[ \t]*(?::|$)",
    re.MULTILINE,
)
# A part heading that is only a specimen label ("1) Uterine fibroid:", "A. Fibroid uterus:"):
# the colon ends the line, and the diagnosis follows on the lines below.
_LABEL_HEADING = re.compile(
    r"^[ \t]*(?:(?i:part)[ \t]+)?(?:[A-Z]|\d{1,2})[.):][ \t]+[A-Za-z\"'“‘][^\n]*:[ \t]*$",
    re.MULTILINE,
)
_SPECIMEN = re.compile(
    r"^[ \t]*(?:specimens?(?: submitted)?|site|source(?: of specimen)?|nature of specimen)"
    r"[ \t]*[:\-][ \t]*(?P<site>[^\n]{3,120})$",
    re.MULTILINE | re.IGNORECASE,
)
_PROCEDURE_WORDS = re.compile(
    r"\b(biopsy|biopsies|resection|excision|hysterectomy|myomectomy|curettage|core|fna|"
    r"total|radical|partial|with|and|bilateral|salpingo-oophorectomy|bso|tah|polypectomy)\b.*$",
    re.IGNORECASE,
)


def _clean(raw: str) -> str | None:
    first = raw.split(",")[0].strip(" .-;")
    site = _PROCEDURE_WORDS.sub("", first).strip(" .-;,") or first
    site = re.sub(r"\s+", " ", site).lower()
    return site or None


class SiteIndex:
    """Maps a character offset to the site of the part it falls under."""

    def __init__(self, text: str) -> None:
        marks: list[tuple[int, str]] = []
        for m in _PART.finditer(text):
            site = _clean(m.group("site"))
            if site:
                marks.append((m.start(), site))
        if not marks:
            m2 = _SPECIMEN.search(text)
            if m2:
                site = _clean(m2.group("site"))
                if site:
                    marks.append((0, site))
        marks.sort()
        self._labels = [(m.start(), m.end()) for m in _LABEL_HEADING.finditer(text)]
        self._starts = [s for s, _ in marks]
        self._sites = [site for _, site in marks]

    def site_at(self, offset: int) -> str | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._sites[i] if i >= 0 else None

    def in_label_heading(self, start: int, end: int) -> bool:
        """The span lies inside a colon-terminated part heading: it names the specimen."""
        return any(lo <= start and end <= hi for lo, hi in self._labels)
