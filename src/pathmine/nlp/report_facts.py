"""Report facts read from the text: own accession, cited accessions, specimen dates.

ANNOTATION.md section 6 and FLAG-RULES.md ask for what the text says about a report's
identity: archives often key reports by a surrogate ``report_id`` while the report prints its
own accession ("Accession: QX14-2207"), and a review, addendum or amendment names the
specimen it concerns by that accession or by its collection date. The flag engine links
reports with these facts, so it never has to read report text again. Patterns are data
(``pipelines/report_facts.json``); this module only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from pathmine.nlp.caseless import CaselessPattern, first_char_guard, first_chars_any_case
from pathmine.nlp.rules import ReportFactRules

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_NUMERIC = re.compile(r"^(\d{1,4})[./\-](\d{1,2})[./\-](\d{2,4})")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([A-Za-z]{3,9})\.?[\s\-,]+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_ANY_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./\-](\d{1,2})[./\-](\d{2,4})\b")
_YEAR_PART = re.compile(r"^(?:19|20)\d\d$")
_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9/\-.])(?=[A-Za-z0-9/\-.]*\d)(?=[A-Za-z0-9/\-.]*[A-Za-z])"
    r"[A-Za-z0-9][A-Za-z0-9/\-.]{3,30}"
)
_LABEL_WINDOW = 60  # characters before a candidate searched for an identifier label
_MAX_CITED = 200  # accession-shaped tokens looked at per report (OCR debris is endless)
# a cited-date pattern can only match where one of these stems appears
_DATE_CUE = CaselessPattern(
    r"original|outside|slides|blocks|material|reviewed|collected|obtained|performed|dated"
    r"|specimen|sample|ectomy|biopsy|resection|excision|procedure|operation|surgery"
)
_CYTOBAND = re.compile(r"(?:[1-9]|1\d|2[0-2]|X|Y)[pq]\d{1,2}(?:\.\d{1,2})?", re.IGNORECASE)
_NAMED_MONTH_DATE = re.compile(r"\d{1,2}[-/.][A-Za-z]{3,9}[-/.]\d{2,4}")
_ISO_DATE = re.compile(r"(?:19|20)\d\d[./\-]\d{1,2}[./\-]\d{1,2}")


@dataclass(frozen=True, slots=True)
class ReportFacts:
    accession: str | None
    cited_accessions: tuple[str, ...]
    collection_dates: tuple[date, ...]  # both readings of an ambiguous d/m/y date
    cited_dates: tuple[date, ...]


# a numeric token cited as an accession only right after a label that says so ("from
# protocol 1842/18", "examen n° 20141288"); bare numbers are dates, counts or sizes
_SLASHED_NUMBER = re.compile(r"(?<![\w/.\-])\d{2,8}[/\-.]\d{2,8}\b(?![/.\-]\d)")
_NUMBER_LABEL = re.compile(
    r"\b(?:protocol[oe]?|accession|case|examen|esame|lab(?:oratory)?\s+(?:no|ref))\.?"
    r"\s*(?:n[°º.]|no\.?|nr\.?|number)?\s*[:#]?\s*$",
    re.IGNORECASE,
)


def accession_key(accession: str) -> str:
    """Compare accessions as a lab writes them in other reports: letters and digits only, a
    four-digit year inside as two digits, leading zeros of the serial dropped
    ("S2017-004418" and "S17/4418" share "S174418")."""
    parts = re.findall(r"[A-Z]+|\d+", accession.upper())
    digits = [i for i, p in enumerate(parts) if p.isdigit()]
    out = []
    for i, part in enumerate(parts):
        if part.isdigit():
            if i != digits[-1] and _YEAR_PART.match(part):
                part = part[2:]
            elif i == digits[-1]:
                part = part.lstrip("0") or "0"
        out.append(part)
    return "".join(out)


def _year(value: str) -> int:
    year = int(value)
    return year + (2000 if year < 50 else 1900) if year < 100 else year


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str, day_first: bool) -> date | None:
    """The date at the start of ``text`` in one of the supported forms, else ``None``."""
    text = text.strip()
    m = _NUMERIC.match(text)
    if m:
        a, b, c = m.groups()
        if len(a) == 4:
            return _safe(int(a), int(b), int(c))
        first, second = int(a), int(b)
        if first > 12 or (day_first and second <= 12):
            return _safe(_year(c), second, first)
        return _safe(_year(c), first, second)
    m = _DAY_MONTH_YEAR.match(text)
    if m and m.group(2).lower() in _MONTHS:
        return _safe(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _MONTH_DAY_YEAR.match(text)
    if m and m.group(1).lower() in _MONTHS:
        return _safe(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    return None


class FactReader:
    """Applies ``report_facts.json`` to a report's text."""

    def __init__(self, rules: ReportFactRules) -> None:
        self.rules = rules

    @cached_property
    def _own(self) -> list[re.Pattern[str]]:
        # one scan: the leftmost labelled accession in the head is the report's own
        rules = self.rules.own_accession
        parts = [r.replace("(?P<id>", f"(?P<id{i}>") for i, r in enumerate(rules)]
        guard = first_char_guard(first_chars_any_case(parts))
        return [re.compile(guard + "(?:" + "|".join(f"(?:{p})" for p in parts) + ")", re.I)]

    @cached_property
    def _shape(self) -> re.Pattern[str]:
        return re.compile(self.rules.accession)

    @cached_property
    def _collection(self) -> list[re.Pattern[str]]:
        return [re.compile(r, re.IGNORECASE) for r in self.rules.collection]

    @cached_property
    def _collection_cue(self) -> re.Pattern[str]:
        # a collection pattern can only match where one of these stems appears; since
        # 'biopsy' is a stem most heads pass, so this saves work mainly on cytology and
        # resection heads without a date label
        return re.compile(self.rules.collection_cue, re.IGNORECASE)

    @cached_property
    def _identifier_label(self) -> re.Pattern[str] | None:
        # the data's pattern is anchored at the token (``$``): it is searched only in the few
        # characters before each accession candidate, never over the whole report
        labels = self.rules.identifier_labels
        if not labels:
            return None
        return re.compile(labels, re.I)

    def _after_identifier_label(self, text: str, start: int) -> bool:
        """Does an MRN / hospital number / patient id label end right at ``start``? A token
        there identifies the patient, and storing it as a cited accession would copy PHI."""
        label = self._identifier_label
        if label is None:
            return False
        lo = max(0, start - _LABEL_WINDOW)
        while lo > 0 and text[lo - 1].isalnum():
            lo -= 1  # start the window at a word boundary, so ``\b`` means what it says
        return label.search(text, lo, start) is not None

    @cached_property
    def _cited_date(self) -> list[re.Pattern[str]]:
        return [re.compile(r, re.IGNORECASE) for r in self.rules.cited_date]

    def _candidates(self, text: str) -> list[tuple[int, str]]:
        """(offset, token) of accession-shaped tokens; the shape regex runs only on words
        that hold a digit and a letter or separator (a cheap scan first: most words hold
        neither)."""
        out = []
        for n, word in enumerate(_CANDIDATE.finditer(text)):
            if n >= _MAX_CITED:
                break
            m = self._shape.fullmatch(word.group(0).rstrip(".-/"))
            if m is not None:
                out.append((word.start(), m.group(0)))
        return out

    def _is_accession(self, token: str) -> bool:
        token = token.strip(" .-/")
        if not any(c.isdigit() for c in token) or _ANY_NUMERIC_DATE.fullmatch(token):
            return False
        if _ISO_DATE.fullmatch(token) or _NAMED_MONTH_DATE.fullmatch(token):
            return False  # "2016-08-04", "04-Aug-2016": dates, not accessions
        if _CYTOBAND.fullmatch(token):
            return False  # "MDM2 (12q15)", "t(12;16)(q13;p11)": a chromosome band
        alnum = re.sub(r"[^A-Za-z0-9]", "", token)
        has_letter = any(c.isalpha() for c in alnum)
        digits = sum(c.isdigit() for c in alnum)
        separated = bool(re.search(r"[-/]", token))
        # "CD117", "SOX10", "Ki67" are marker names: an accession has a serial of four or more
        # digits, or three after a separator ("S17-123")
        if digits < 4 and not (separated and digits >= 3):
            return False
        return len(alnum) >= 5 and (has_letter or separated)

    def _day_first(self, text: str) -> bool:
        for m in _ANY_NUMERIC_DATE.finditer(text, 0, 4000):  # the first decisive date wins
            if int(m.group(1)) > 12:
                return True
            if int(m.group(2)) > 12:
                return False
        return self.rules.day_first_default

    def read(self, text: str, lowered: str | None = None) -> ReportFacts:
        """The facts of one report; ``lowered`` is ``text.lower()`` when the caller has it."""
        head = text[: self.rules.head_window]
        own = None
        for pattern in self._own:
            for m in pattern.finditer(head):
                group, label = next((k, v) for k, v in m.groupdict().items() if v is not None)
                if self._after_identifier_label(head, m.start(group)):
                    continue  # "IP No. : KMCH/IP/19/11094": the patient's number, never ours
                shaped = self._shape.search(label)
                if shaped and self._is_accession(shaped.group(0)):
                    own = shaped.group(0).strip(" .-/")
                    break
            if own:
                break
        own_key = accession_key(own) if own else None
        cited: dict[str, str] = {}
        passing = []
        for start, candidate in self._candidates(text):
            token = candidate.strip(" .-/")
            if self._is_accession(token) and any(c.isalpha() for c in token):
                passing.append((start, token))
        for m in _SLASHED_NUMBER.finditer(text):
            token = m.group(0)
            if _NUMBER_LABEL.search(text, max(0, m.start() - 32), m.start()) and (
                self._shape.fullmatch(token) and self._is_accession(token)
            ):
                passing.append((m.start(), token))
        passing.sort()
        if passing:
            for start, token in passing:
                if self._after_identifier_label(text, start):
                    continue
                key = accession_key(token)
                if key != own_key:
                    cited.setdefault(key, token)
        day_first = self._day_first(text)
        collection: list[date] = []
        for pattern in self._collection if self._collection_cue.search(head) else ():
            hit = pattern.search(head)
            if hit:
                m = hit
                for reading in (
                    parse_date(m.group("date"), day_first),
                    parse_date(m.group("date"), not day_first),
                ):
                    if reading and reading not in collection:
                        collection.append(reading)
                if collection:
                    break
        cited_dates: list[date] = []
        # the cited-date patterns run only near their cue words, not over the whole report
        seen_windows: set[int] = set()
        for cue in _DATE_CUE.finditer(text, lowered):
            lo = max(0, cue.start() - 80)
            if lo in seen_windows:
                continue
            seen_windows.add(lo)
            window = text[lo : cue.end() + 120]
            for pattern in self._cited_date:
                for m in pattern.finditer(window):
                    # an ambiguous d/m/y date is kept in both readings: the timeline matches
                    # it against the specimens the archive has. A tuple, not a set: dates hash
                    # like strings (randomised per process), and the stored order must not
                    # change from one run to the next
                    raw = m.group("date")
                    for reading in (parse_date(raw, day_first), parse_date(raw, not day_first)):
                        if reading and reading not in cited_dates:
                            cited_dates.append(reading)
        return ReportFacts(own, tuple(cited.values()), tuple(collection), tuple(cited_dates))
