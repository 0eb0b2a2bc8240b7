"""The one timeline builder: a patient's reports as the flag rules see them.

Every caller (the ingest job through the store, ``pathmine evaluate``, the synthetic
generator's checks) builds timelines here, from plain records and extractions, so the rules
never see two versions of the same history.

FLAG-RULES.md: a specimen is one accession's tissue, dated by its collection date, else its
sign-out date. Reviews, consults, addenda and amendments belong to the specimen they concern,
not to their own sign-out date. They are linked to it

* by the accession they cite, matched against the accession each report prints for itself
  (``Extraction.accession``, normalised: ``nlp.report_facts.accession_key``) or its archive id;
* for an addendum or amendment, by sharing the original's printed accession, or by an id that
  extends the original's ("B22-1043-A1" amends "B22-1043");
* by the collection date they give for it (``Extraction.cited_dates``), or the input's
  specimen date.

A report's own specimen date is the input's, else the collection date its text prints (when
that is not after its sign-out). Linking uses what the extraction recorded: flagging never
re-reads report text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from pathmine.nlp.report_facts import accession_key
from pathmine.records import Extraction, TimelineEntry

REVIEW_TYPES = frozenset({"review", "consult"})
SUPERSEDING_TYPES = frozenset({"addendum", "amended"})
# the rule id part of a mention the text attributes to another specimen (nlp.pipeline)
_OTHER_SPECIMEN = "sec.clinical_prior_specimen"
LINKED_TYPES = REVIEW_TYPES | SUPERSEDING_TYPES
_MIN_ACCESSION_CORE = 6
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_MAX_COLLECTION_LAG_DAYS = 730  # a printed collection date older than this is not the report's


def _squash(text: str) -> str:
    return _NON_ALNUM.sub("", text).upper()


def timeline_entry(
    report_id: str,
    report_date: date,
    specimen_date: date | None,
    report_type: str | None,
    institution: str | None,
    extraction: Extraction,
) -> TimelineEntry:
    """One report as the rules see it; a missing type is the one inferred from its text."""
    return TimelineEntry(
        report_id=report_id,
        report_date=report_date,
        specimen_date=specimen_date,
        report_type=report_type or extraction.inferred_report_type or "original",
        institution=institution,
        extraction=extraction,
    )


def _id_keys(report_id: str) -> set[str]:
    """Accession keys of an archive id and of its suffixes without a site prefix
    ("ORH-S17-04418" is cited as "S17-04418" or "S 17/04418")."""
    parts = [p for p in _NON_ALNUM.split(report_id) if p]
    return {
        accession_key("-".join(parts[i:]))
        for i in range(len(parts))
        if len("".join(parts[i:])) >= _MIN_ACCESSION_CORE
        and any(c.isdigit() for c in "".join(parts[i:]))
    }


def _own_keys(entry: TimelineEntry) -> set[str]:
    keys = _id_keys(entry.report_id)
    if entry.extraction.accession:
        keys.add(accession_key(entry.extraction.accession))
    return {k for k in keys if len(k) >= 4}


def _own_date(entry: TimelineEntry) -> date | None:
    if entry.specimen_date is not None:
        return entry.specimen_date
    # of the readings of the printed collection date, the latest not after the sign-out
    readings = [
        d
        for d in entry.extraction.collection_dates
        if 0 <= (entry.report_date - d).days <= _MAX_COLLECTION_LAG_DAYS
    ]
    return max(readings, default=None)


def _targets(entry: TimelineEntry, originals: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """The original reports of the specimen a linked report concerns.

    By cited accession (a review's header often prints the reviewed accession as its own, so
    that counts too); among several, the one whose date the report gives, else the one its
    header prints, else the earliest."""
    order = [accession_key(a) for a in entry.extraction.cited_accessions]
    cited = set(order)
    own = _own_keys(entry)
    # a review's printed collection date is that of the specimen it reviews ("Specimen as per
    # requisition: ... collected on 12-06-2017"), whichever reading of it
    dates = {
        d
        for d in (
            entry.specimen_date,
            *entry.extraction.cited_dates,
            *entry.extraction.collection_dates,
        )
        if d
    }
    found = [o for o in originals if _own_keys(o) & (cited | own)]
    if len(found) > 1:
        found = [o for o in found if o.event_date in dates] or found
    if len(found) > 1:
        found = [o for o in found if _own_keys(o) & own] or found
    if len(found) > 1:  # the original whose diagnosis the review quotes (a mention the
        # text attributes to another specimen, "sec.clinical_prior_specimen", quotes none)
        quoted = {
            m.icdo3
            for m in entry.extraction.diagnoses
            if m.assertion == "historical" and _OTHER_SPECIMEN not in m.rule_id.split("/")
        }

        def overlap(o: TimelineEntry) -> int:
            said = {m.icdo3 for m in o.extraction.diagnoses if m.assertion == "affirmed"}
            return len(said & quoted)

        best = max(overlap(o) for o in found)
        found = [o for o in found if overlap(o) == best] if best else found
    if len(found) > 1:  # the accession the report names first is the one it concerns

        def first_cited(o: TimelineEntry) -> int:
            return min((order.index(k) for k in _own_keys(o) if k in order), default=len(order))

        found = sorted(found, key=lambda o: (first_cited(o), o.event_date, o.report_date))[:1]
    if not found and entry.report_type in SUPERSEDING_TYPES:
        squashed = _squash(entry.report_id)
        found = [
            o
            for o in originals
            if len(_squash(o.report_id)) >= _MIN_ACCESSION_CORE
            and squashed.startswith(_squash(o.report_id))
            and squashed != _squash(o.report_id)
        ]
    if not found:
        found = [o for o in originals if o.event_date in dates]
    before = [o for o in found if o.report_date <= entry.report_date]
    return before or found


def build_timeline(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """Date every report by its specimen and link reviews, addenda and amendments to the
    specimen they concern (``TimelineEntry.reviews`` holds the original reports' ids)."""
    dated = [replace(e, specimen_date=_own_date(e)) for e in entries]
    originals = [e for e in dated if e.report_type not in LINKED_TYPES]
    out = []
    for entry in dated:
        if entry.report_type not in LINKED_TYPES:
            out.append(entry)
            continue
        targets = [t for t in _targets(entry, originals) if t.report_id != entry.report_id]
        specimen = min((t.event_date for t in targets), default=None)
        if specimen is None:
            specimen = entry.specimen_date or next(iter(entry.extraction.cited_dates), None)
        out.append(
            replace(
                entry, reviews=tuple(sorted(t.report_id for t in targets)), specimen_date=specimen
            )
        )
    return sorted(out, key=lambda e: (e.event_date, e.report_date, e.report_id))
