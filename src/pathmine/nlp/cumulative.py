"""Rows of a cumulative or previous-results table: a line that opens with a collection date
and an accession other than the report's own ("12/08/2019   CP19-044107   Uterus, myomectomy
LEIOMYOMA") lists an earlier specimen, so its diagnosis is historical (ANNOTATION.md section
3: a diagnosis of an earlier or other specimen). The report's own row ("20/06/2019
SR19-061230  TLH ... see report below") is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pathmine.nlp.report_facts import accession_key
from pathmine.records import DiagnosisMention

_ROW = re.compile(
    r"^[ \t]*(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2})"
    r"[ \t]+(?P<accession>[A-Za-z]{0,6}[-/ ]?\d{2}[-/]?[A-Za-z]{0,3}[-/]?\d{3,8})\b",
    re.MULTILINE,
)
RULE_ID = "sec.cumulative_row"


def previous_rows(text: str, own_accession: str | None) -> list[tuple[int, int]]:
    """(start, end) of the lines that list another accession's specimen."""
    own = accession_key(own_accession) if own_accession else None
    rows = []
    for m in _ROW.finditer(text):
        if own is not None and accession_key(m.group("accession")) == own:
            continue
        end = text.find("\n", m.end())
        rows.append((m.start(), end if end >= 0 else len(text)))
    return rows


def date_row_mentions(
    mentions: list[DiagnosisMention], text: str, own_accession: str | None
) -> list[DiagnosisMention]:
    """The mentions with those in another specimen's row made historical."""
    if not any(m.assertion in ("affirmed", "uncertain") for m in mentions):
        return mentions  # nothing a row could make historical: skip the scan
    rows = previous_rows(text, own_accession)
    if not rows:
        return mentions
    out = []
    for m in mentions:
        if m.assertion in ("affirmed", "uncertain") and any(lo <= m.start < hi for lo, hi in rows):
            m = replace(m, assertion="historical", rule_id=f"{m.rule_id}/{RULE_ID}")
        out.append(m)
    return out
