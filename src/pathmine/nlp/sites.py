"""Specimen sites from part headings ("A. UTERUS, TOTAL HYSTERECTOMY:") and specimen lines.

A diagnosis belongs to the part heading above it; reports without parts fall back to the
first line of the SPECIMEN section, then to nothing (site unknown is an honest answer).
Sites are normalised to the vocabulary of ``pipelines/sites.json`` ("right upper arm,
subcutaneous nodule" and "R arm re-excision" are both "right arm"): a heading that names no
vocabulary site gives no site, so header text (names, wards, clinicians) never becomes one.
"""

from __future__ import annotations

import bisect
import functools
import re

from pathmine.nlp.rules import SiteVocabulary

_PART = re.compile(
    r"^[ \t]*(?:(?i:part)[ \t]+)?(?P<label>[A-Z]|\d{1,2}|\((?:[A-Z]|\d{1,2})\))[.):]?(?<=[.):])"
    r"[ \t]+(?P<site>[A-Za-z][^\n:]{2,80}?)[ \t]*(?::|$)",
    re.MULTILINE,
)
# A part heading that is only a specimen label ("1) Uterine fibroid:", "A. Fibroid uterus:"):
# the colon ends the line, and the diagnosis follows on the lines below.
_LABEL_HEADING = re.compile(
    r"^[ \t]*(?:(?i:part)[ \t]+)?(?:[A-Z]|\d{1,2}|\((?:[A-Z]|\d{1,2})\))[.):]?(?<=[.):])[ \t]+"
    r"[A-Za-z\"'“‘][^\n]*:[ \t]*$",
    re.MULTILINE,
)
# the part number that opens a line ("(1) ", "2) ", "B. ")
_LINE_LABEL = re.compile(r"[ \t]*\(?(?P<label>[A-Z]|\d{1,2})[.):]")
_SPECIMEN = re.compile(
    r"^[ \t]*(?:specimens?(?: submitted)?|site|source(?: of specimen)?|nature of specimen)"
    r"[ \t]*[:\-][ \t]*(?P<site>[^\n]{3,120})$",
    re.MULTILINE | re.IGNORECASE,
)
# "Right anterior thigh (recurrence at site of previous excision), radical resection:" above
# a list of findings heads them as a part heading does, without the "A." (a line that only
# names a vocabulary site counts; section headers name none).
_COLON_HEADING = re.compile(r"^[ \t]*(?P<site>[A-Za-z][^\n:]{2,100}):[ \t]*$", re.MULTILINE)
# "DIAGNOSIS: Caecum, biopsy - ADENOCARCINOMA": the specimen named on the diagnosis line
# itself; a bilingual label ("Ket luan / Conclusion:") and a colon glued to the specimen
# ("Sigmoid colon (colectomy): ADENOCARCINOMA") are the same line
# The label in the report's language too ("Conclusão: Coxa direita (ressecção):"), and the
# specimen may end its line, the diagnosis following below.
_DIAGNOSIS_LINE = re.compile(
    r"^[ \t]*(?:[^\n:/]{1,40}/[ \t]*)?"
    r"(?i:(?:final\s+)?diagnos[ie]s|impression|conclusion|diagn[oóò]stic[oa]?|diagnose|diagnosi"
    r"|diagn[oó]za|diagnos|conclus[ãa]o|conclusi[oó]n|conclusione|conclusie|konklusjon|konklusion"
    r"|slutsats|rozpoznanie|z[áa]v[ěe]r|tan[ıi]|sonu[çc])[ \t]*:[ \t]*"
    r"(?P<site>[A-Za-z\u00c0-\u024f][^\n:]{2,80}?)"
    r"(?:[ \t]+[-\u2013][ \t]+\S|[ \t]*:(?:[ \t]+\S|[ \t]*$))",
    re.MULTILINE,
)


_ATTACHED_SITE = re.compile(
    r"[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?(?P<site>[A-Za-z][A-Za-z ]{2,30}?)"
    r"(?=[ \t]+(?:and|with|or|showing|measuring)\b|[ \t]*[,.;:()\n]|$)"
)
_OCR_SLIPS = re.compile(r"rn|[A-Za-z][015|]|[015|][A-Za-z]")
_OCR_WORD = re.compile(r"[A-Za-z015|]*(?:rn|[015|])[A-Za-z015|]*")
_SITE_FOLD = str.maketrans({"0": "o", "1": "l", "|": "l", "5": "s"})


class SiteNormalizer:
    """Heading text -> vocabulary site ("left ovary"), or ``None`` when it names none."""

    def __init__(self, vocabulary: SiteVocabulary) -> None:
        self._sites = [
            (s.label, re.compile("|".join(f"(?:{p})" for p in s.patterns), re.IGNORECASE))
            for s in vocabulary.sites
        ]
        self._sides = [(k, re.compile(v, re.IGNORECASE)) for k, v in vocabulary.laterality.items()]
        # one scan says whether any site can match (most sentence windows name none); the
        # vocabulary's order decides which one only when one does
        self._any_site = re.compile(
            "|".join(f"(?:{p})" for s in vocabulary.sites for p in s.patterns), re.IGNORECASE
        )
        self.labels = {s.label: s.id for s in vocabulary.sites}
        self.distant = frozenset(vocabulary.distant)
        self.default_line = re.compile(vocabulary.default_labels, re.IGNORECASE | re.MULTILINE)

    def normalize(self, raw: str) -> str | None:
        return self._normalize(raw)

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one normalizer per extractor
    def _normalize(self, raw: str) -> str | None:
        if _OCR_SLIPS.search(raw):
            raw = _OCR_WORD.sub(self._repair, raw)
        if self._any_site.search(raw) is None:
            return None
        for label, pattern in self._sites:
            m = pattern.search(raw)
            if m is None:
                continue
            sides = [side for side, p in self._sides if p.search(raw)]
            if len(sides) == 1 and not label.startswith(("left ", "right ")):
                return f"{sides[0]} {label}"  # "right colon" is a site, not a side of one
            return label
        return None

    def _repair(self, m: re.Match[str]) -> str:
        """An OCR slip of a site word ("forearrn", "uteru5", "0vary") read as that word; any
        other word stays as written ("sternum" keeps its "rn")."""
        word = m.group(0)
        folded = word.lower().translate(_SITE_FOLD).replace("rn", "m")
        if folded == word.lower():
            return word
        hit = self._any_site.match(folded)  # the repaired word is (or starts) a site term
        return folded if hit is not None and hit.end() >= min(len(folded), 4) else word

    def site_id(self, site: str | None) -> tuple[str | None, str | None]:
        """(vocabulary id, laterality) of a normalised site string."""
        if not site:
            return None, None
        side, _, label = site.partition(" ")
        if side in ("left", "right") and label in self.labels:
            return self.labels[label], side
        return self.labels.get(site), None


class SiteIndex:
    """Maps a character offset to the site of the part it falls under."""

    def __init__(self, text: str, normalizer: SiteNormalizer) -> None:
        marks: list[tuple[int, str]] = []
        self._part_sites: dict[str, str] = {}
        for m in _PART.finditer(text):
            site = normalizer.normalize(m.group("site"))
            if site:
                marks.append((m.start(), site))
                self._part_sites.setdefault(m.group("label").strip("()"), site)
        parts = {start for start, _ in marks}
        for m in _DIAGNOSIS_LINE.finditer(text):
            site = normalizer.normalize(m.group("site"))
            if site and m.start() not in parts:
                marks.append((m.start(), site))
                parts.add(m.start())
        for m in _COLON_HEADING.finditer(text):
            site = normalizer.normalize(m.group("site"))
            if site and m.start() not in parts:
                marks.append((m.start(), site))
        if not marks:
            m2 = _SPECIMEN.search(text)
            if m2:
                site = normalizer.normalize(m2.group("site"))
                if site:
                    marks.append((0, site))
        marks.sort()
        self._text = text
        self._normalizer = normalizer
        self._default: str | None = None
        for m in normalizer.default_line.finditer(text):
            line_end = text.find("\n", m.end())
            site = normalizer.normalize(text[m.end() : line_end if line_end >= 0 else len(text)])
            if site:
                self._default = site
                break
        self._labels = [(m.start(), m.end()) for m in _LABEL_HEADING.finditer(text)]
        self._starts = [s for s, _ in marks]
        self._sites = [site for _, site in marks]

    def site_at(self, offset: int) -> str | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._sites[i] if i >= 0 else None

    def site_for(self, start: int, end: int, sentence_start: int, sentence_end: int) -> str | None:
        """A mention's site: its part heading's, else the one its sentence names around it
        ("Skin, left shoulder, excision: melanoma"; "adenocarcinoma of the rectum"), else
        the one specimen's when the report has one, else the report's (a labelled specimen,
        clinical or gross line)."""
        attached = _ATTACHED_SITE.match(self._text, end, min(sentence_end, end + 60))
        if attached:
            # "Leiomyomata of uterus" under a "hysterectomy with salpingo-oophorectomy:"
            # heading: the site the mention itself names wins over its part heading's
            site = self._normalizer.normalize(attached.group("site"))
            if site:
                return site
        site = self.site_at(start) or self._numbered_part_site(start)
        if site:
            return site
        window = self._text[max(sentence_start, start - 120) : min(sentence_end, end + 40)]
        named = self._normalizer.normalize(window)
        if named:
            return named
        if len(set(self._sites)) == 1:
            return self._sites[0]  # one specimen: its microscopy comes before its heading
        return self._default

    def _numbered_part_site(self, start: int) -> str | None:
        """The site of the part whose number opens the mention's line, when that part is
        headed by a site elsewhere: "(1) Adenomatous polyp ..." in the microscopy of a
        report whose diagnosis reads "(1) Caecum, polypectomy: TUBULAR ADENOMA"."""
        line_start = self._text.rfind("\n", 0, start) + 1
        label = _LINE_LABEL.match(self._text, line_start, start)
        return self._part_sites.get(label.group("label")) if label else None

    def in_label_heading(self, start: int, end: int) -> bool:
        """The span lies inside a colon-terminated part heading: it names the specimen."""
        return any(lo <= start and end <= hi for lo, hi in self._labels)
