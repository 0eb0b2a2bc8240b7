"""Audit statistics over the flag database, for QA meetings and notebooks.

Counts are over live flags (not retired) unless ``include_retired``. A flag's year is the
year its later report was signed out (when the discrepancy surfaced); its institution is
that of the prior report, the sign-out being audited. The discordance rate per institution
is the number of distinct flagged prior reports over that institution's reports with an
affirmed benign or uncertain-potential diagnosis: how often a benign sign-out there was
later contradicted.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pathmine.store import Engine, queries

INTERVAL_BUCKETS = ((365, "< 1 y"), (3 * 365, "1-3 y"), (5 * 365, "3-5 y"), (10 * 365, "5-10 y"))
UNKNOWN = "(unknown)"


@dataclass
class AuditStats:
    n_flags: int = 0
    home_institution: str | None = None
    by_kind: dict[str, int] = field(default_factory=dict)
    by_lineage: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    by_year: dict[str, int] = field(default_factory=dict)
    by_institution: dict[str, int] = field(default_factory=dict)
    by_origin: dict[str, int] = field(default_factory=dict)
    interval_buckets: dict[str, int] = field(default_factory=dict)
    interval_summary: dict[str, float | None] = field(default_factory=dict)
    discordance_rate: dict[str, dict[str, float | int]] = field(default_factory=dict)

    def sections(self) -> dict[str, dict[str, Any]]:
        return {
            "kind": self.by_kind,
            "lineage": self.by_lineage,
            "status": self.by_status,
            "year": self.by_year,
            "institution": self.by_institution,
            "origin": self.by_origin,
            "interval": self.interval_buckets,
            "interval_days": self.interval_summary,
        }


def _bucket(days: int | None) -> str:
    if days is None:
        return UNKNOWN
    for limit, label in INTERVAL_BUCKETS:
        if days < limit:
            return label
    return "> 10 y"


def audit_stats(
    engine: Engine, *, home_institution: str | None = None, include_retired: bool = False
) -> AuditStats:
    rows = queries.flag_stat_rows(engine, include_retired=include_retired)
    if home_institution is None:
        home_institution = queries.busiest_institution(engine)
    benign_reports = {
        inst or UNKNOWN: n for inst, n in queries.benign_reports_by_institution(engine).items()
    }
    stats = AuditStats(n_flags=len(rows), home_institution=home_institution)
    kinds: Counter[str] = Counter()
    lineages: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    years: Counter[str] = Counter()
    institutions: Counter[str] = Counter()
    origins: Counter[str] = Counter()
    buckets: Counter[str] = Counter()
    intervals: list[int] = []
    flagged_priors: dict[str, set[str]] = {}
    for row in rows:
        kind, lineage, status, days = row.kind, row.lineage, row.status, row.interval_days
        inst, event, prior_id = row.prior_institution, row.later_report_date, row.prior_report_id
        kinds[kind] += 1
        lineages[lineage] += 1
        statuses[status] += 1
        years[str(event.year) if event else UNKNOWN] += 1
        institution = inst or UNKNOWN
        institutions[institution] += 1
        origins["in-house" if inst and inst == home_institution else "outside"] += 1
        if kind != "benign_with_malignant_features":
            buckets[_bucket(days)] += 1
            if days is not None:
                intervals.append(days)
        flagged_priors.setdefault(institution, set()).add(prior_id)
    stats.by_kind = dict(kinds.most_common())
    stats.by_lineage = dict(lineages.most_common())
    stats.by_status = dict(statuses.most_common())
    stats.by_year = dict(sorted(years.items()))
    stats.by_institution = dict(institutions.most_common())
    stats.by_origin = dict(origins.most_common())
    order = [label for _, label in INTERVAL_BUCKETS] + ["> 10 y", UNKNOWN]
    stats.interval_buckets = {label: buckets[label] for label in order if buckets[label]}
    stats.interval_summary = _summary(intervals)
    stats.discordance_rate = {
        inst: {
            "flagged_reports": len(flagged_priors.get(inst, ())),
            "benign_reports": n,
            "rate": round(len(flagged_priors.get(inst, ())) / n, 4) if n else 0.0,
        }
        for inst, n in sorted(benign_reports.items())
    }
    return stats


def _summary(values: list[int]) -> dict[str, float | None]:
    if not values:
        return {"n": 0, "min": None, "p25": None, "median": None, "p75": None, "max": None}
    ordered = sorted(values)
    if len(ordered) >= 2:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    else:
        q1 = q3 = float(ordered[0])
    return {
        "n": len(ordered),
        "min": float(ordered[0]),
        "p25": float(q1),
        "median": float(statistics.median(ordered)),
        "p75": float(q3),
        "max": float(ordered[-1]),
    }


def long_rows(stats: AuditStats) -> list[dict[str, Any]]:
    """Tidy (section, key, value) rows for CSV and notebooks."""
    rows: list[dict[str, Any]] = [{"section": "total", "key": "flags", "value": stats.n_flags}]
    for section, values in stats.sections().items():
        rows += [{"section": section, "key": k, "value": v} for k, v in values.items()]
    for inst, rate in stats.discordance_rate.items():
        rows += [
            {"section": "discordance_rate", "key": f"{inst}|{name}", "value": value}
            for name, value in rate.items()
        ]
    return rows
