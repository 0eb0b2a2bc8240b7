"""Turning stored records into what the pages draw: highlighted report text, the IHC panel
and the patient timeline.

Nothing here builds HTML from report text. Highlighting returns *segments* (a piece of the
text plus the classes and hover text that apply to it) and the Jinja templates, which
autoescape, wrap each in ``<mark>``; the timeline returns coordinates for an SVG template.
So a report holding ``<script>`` or ``<img onerror=…>`` can only ever render as text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pathmine.records import Extraction, TimelineEntry


@dataclass(frozen=True)
class Annotation:
    start: int
    end: int
    kind: str  # "dx" | "stain" | "feature" | "evidence"
    css: str  # classes for the mark: kind plus assertion or result
    title: str  # hover text: what was extracted and by which rule


@dataclass
class Segment:
    text: str
    css: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return bool(self.css)

    @property
    def classes(self) -> str:
        return " ".join(dict.fromkeys(c for css in self.css for c in css.split()))

    @property
    def title(self) -> str:
        return "\n".join(self.titles)


def extraction_annotations(extraction: Extraction) -> list[Annotation]:
    """One annotation per extracted diagnosis, stain and feature: class by assertion or
    result, hover text naming the code and the rule that fired."""
    out: list[Annotation] = []
    for d in extraction.diagnoses:
        out.append(
            Annotation(
                d.start,
                d.end,
                "dx",
                f"dx assert-{d.assertion} beh-{d.behavior}",
                f"{d.term} [{d.icdo3}] · {d.assertion} · rule {d.rule_id}",
            )
        )
    for s in extraction.stains:
        detail = ", ".join(
            str(v)
            for v in (s.intensity, s.extent, f"{s.percent:g}%" if s.percent is not None else None)
            if v
        )
        out.append(
            Annotation(
                s.start,
                s.end,
                "stain",
                f"stain result-{s.result}",
                f"{s.marker}: {s.result}{' (' + detail + ')' if detail else ''} · rule {s.rule_id}",
            )
        )
    for f in extraction.features:
        out.append(
            Annotation(
                f.start, f.end, "feature", "feature", f"{f.name} = {f.value} · rule {f.rule_id}"
            )
        )
    return out


def evidence_annotations(text: str, evidence: Iterable[dict[str, Any]]) -> list[Annotation]:
    """The sentence each evidence item rests on, found in the text around its term span
    (the stored sentence is the tokenizer's, so it is searched for, not assumed)."""
    out: list[Annotation] = []
    for item in evidence:
        start, end = int(item.get("start", 0)), int(item.get("end", 0))
        sentence = str(item.get("sentence") or "")
        lo = max(0, start - len(sentence) - 1)
        at = text.find(sentence, lo, end + len(sentence) + 1) if sentence else -1
        if at != -1 and at <= start:
            start, end = at, at + len(sentence)
        role = str(item.get("role", "evidence"))
        out.append(
            Annotation(
                start,
                end,
                "evidence",
                f"evidence evidence-{role}",
                f"flag evidence ({role}): {item.get('term', '')} · rule {item.get('rule_id', '')}",
            )
        )
    return out


def segments(text: str, annotations: Sequence[Annotation]) -> list[Segment]:
    """Cut ``text`` at every annotation boundary; each piece carries every annotation that
    covers it (an evidence sentence and the diagnosis inside it, say)."""
    spans = [a for a in annotations if 0 <= a.start < a.end <= len(text)]
    cuts = sorted({0, len(text), *(a.start for a in spans), *(a.end for a in spans)})
    out: list[Segment] = []
    for lo, hi in itertools.pairwise(cuts):
        covering = [a for a in spans if a.start <= lo and hi <= a.end]
        covering.sort(key=lambda a: (a.kind != "evidence", a.start))
        piece = Segment(text[lo:hi], [a.css for a in covering], [a.title for a in covering])
        if out and not piece.marked and not out[-1].marked:
            out[-1].text += piece.text
        else:
            out.append(piece)
    return out


def stain_rows(extraction: Extraction) -> list[dict[str, Any]]:
    return [
        {
            "marker": s.marker,
            "result": s.result,
            "intensity": s.intensity or "",
            "extent": s.extent or "",
            "percent": f"{s.percent:g}%" if s.percent is not None else "",
            "pattern": s.pattern or "",
            "rule_id": s.rule_id,
        }
        for s in extraction.stains
    ]


# -- the patient timeline ---------------------------------------------------------------------

TIMELINE_COLOURS = {
    "malignant": "#b3261e",
    "uncertain": "#c77700",
    "benign": "#2e7d32",
    "none": "#757575",
}
TIMELINE_WIDTH, LEFT, RIGHT = 760, 70, 40
ORIGINAL_Y, REVIEW_Y = 120, 52


def specimen_class(extraction: Extraction) -> tuple[str, str]:
    """The class a specimen is drawn in and the diagnosis that decided it: an affirmed
    malignant (or in-situ) diagnosis over an uncertain one over an affirmed benign one."""
    best: tuple[int, str, str] = (0, "none", "no coded diagnosis")
    for d in extraction.diagnoses:
        if d.assertion == "affirmed" and d.behavior >= 2:
            rank, cls = 3, "malignant"
        elif (d.assertion == "affirmed" and d.behavior == 1) or (
            d.assertion == "uncertain" and d.behavior >= 2
        ):
            rank, cls = 2, "uncertain"
        elif d.assertion == "affirmed" and d.behavior == 0:
            rank, cls = 1, "benign"
        else:
            continue
        if rank > best[0]:
            best = (rank, cls, f"{d.term} [{d.icdo3}]")
    return best[1], best[2]


@dataclass(frozen=True)
class TimelinePoint:
    report_id: str
    x: float
    y: float
    cls: str
    colour: str
    label: str
    date: date
    report_type: str
    diagnosis: str
    highlighted: bool
    is_review: bool


@dataclass(frozen=True)
class TimelineLink:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    points: tuple[TimelinePoint, ...]
    links: tuple[TimelineLink, ...]
    ticks: tuple[tuple[float, str], ...]
    axis_y: int


def timeline(entries: Sequence[TimelineEntry], highlight: Iterable[str] = ()) -> Timeline:
    """Specimens on a time axis by collection date (originals on the lower row, reviews,
    addenda and amendments above, each linked to the specimen it concerns)."""
    marked = set(highlight)
    if not entries:
        return Timeline(TIMELINE_WIDTH, 60, (), (), (), 40)
    days = [e.event_date.toordinal() for e in entries]
    lo, hi = min(days), max(days)
    span = max(hi - lo, 1)
    usable = TIMELINE_WIDTH - LEFT - RIGHT

    def x_of(d: date) -> float:
        return LEFT + usable * (d.toordinal() - lo) / span if hi > lo else LEFT + usable / 2

    points: list[TimelinePoint] = []
    by_id: dict[str, TimelinePoint] = {}
    stacked: dict[tuple[int, bool], int] = {}
    for e in entries:
        is_review = bool(e.reviews) or e.report_type in {"review", "consult"}
        cls, dx = specimen_class(e.extraction)
        x = x_of(e.event_date)
        slot = (round(x / 24), is_review)  # same place: stack upwards instead of overlapping
        level = stacked.get(slot, 0)
        stacked[slot] = level + 1
        y = (REVIEW_Y if is_review else ORIGINAL_Y) - 22 * level
        point = TimelinePoint(
            report_id=e.report_id,
            x=round(x, 1),
            y=y,
            cls=cls,
            colour=TIMELINE_COLOURS[cls],
            label=f"{e.report_id} · {e.event_date.isoformat()}",
            date=e.event_date,
            report_type=e.report_type,
            diagnosis=dx,
            highlighted=e.report_id in marked,
            is_review=is_review,
        )
        points.append(point)
        by_id[e.report_id] = point
    links = tuple(
        TimelineLink(by_id[e.report_id].x, by_id[e.report_id].y, by_id[t].x, by_id[t].y)
        for e in entries
        for t in e.reviews
        if t in by_id and e.report_id in by_id
    )
    years = sorted({date.fromordinal(d).year for d in (lo, hi)})
    first, last = years[0], years[-1]
    step = max(1, (last - first) // 8 or 1)
    ticks = tuple(
        (round(x_of(date(y, 1, 1)), 1), str(y))
        for y in range(first, last + 2, step)
        if lo <= date(y, 1, 1).toordinal() <= hi
    )
    return Timeline(TIMELINE_WIDTH, ORIGINAL_Y + 60, tuple(points), links, ticks, ORIGINAL_Y + 28)
