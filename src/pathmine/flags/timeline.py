"""Build a patient's timeline: a review belongs to the specimen it reviews.

A review or consult report is signed out years after the specimen it reviews (the seed's
2020 review of 2017 slides). It is dated by that specimen, not by its own sign-out, when the
input gives the specimen date or when its text names the original accession.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from pathmine.records import TimelineEntry

REVIEW_TYPES = frozenset({"review", "consult"})
_MIN_ACCESSION_CORE = 6
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")


def _squash(text: str) -> str:
    return _NON_ALNUM.sub("", text).upper()


def accession_forms(report_id: str) -> set[str]:
    """How an accession may be written in another report: whole, or without its site prefix.

    "ORH-S17-04418" is cited as "S17-04418" or "S 17/04418": compare letters and digits only.
    """
    forms = {_squash(report_id)}
    parts = [p for p in _NON_ALNUM.split(report_id) if p]
    for i in range(1, len(parts)):
        core = "".join(parts[i:]).upper()
        if len(core) >= _MIN_ACCESSION_CORE and any(c.isdigit() for c in core):
            forms.add(core)
    return {f for f in forms if len(f) >= _MIN_ACCESSION_CORE}


def link_reviews(entries: Sequence[TimelineEntry], texts: Mapping[str, str]) -> list[TimelineEntry]:
    """Attach to each review the reports it names; date it by the reviewed specimen."""
    by_id = {e.report_id: e for e in entries}
    linked = []
    for entry in entries:
        if entry.report_type not in REVIEW_TYPES or entry.report_id not in texts:
            linked.append(entry)
            continue
        squashed = _squash(texts[entry.report_id])
        named = tuple(
            sorted(
                other.report_id
                for other in entries
                if other.report_id != entry.report_id
                and other.report_type not in REVIEW_TYPES
                and any(form in squashed for form in accession_forms(other.report_id))
            )
        )
        specimen = entry.specimen_date
        if specimen is None and named:
            specimen = min(by_id[r].event_date for r in named)
        linked.append(replace(entry, reviews=named, specimen_date=specimen))
    return linked
