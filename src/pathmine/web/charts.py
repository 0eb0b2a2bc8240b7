"""The statistics page's charts, drawn server-side by matplotlib to SVG, and the numbers
behind each as CSV rows.

Each chart is a pure function of ``stats.audit_stats`` output (plus the per-year × kind
counts), so the picture and the CSV always agree. The SVG is served as an image
(``<img src=…>``), where no script in it could run, and text stays text
(``svg.fonttype = none``) so it is small and searchable.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

from pathmine.stats import UNKNOWN, AuditStats, audit_stats
from pathmine.store import Engine, queries

KIND_COLOURS = {
    "benign_to_malignant": "#b3261e",
    "review_discordance": "#6a1b9a",
    "benign_with_malignant_features": "#c77700",
}
CHARTS: tuple[str, ...] = ("flags_by_year", "discordance_by_institution", "intervals")

plt.rcParams.update(
    {
        "svg.fonttype": "none",
        "svg.hashsalt": "pathmine",  # stable element ids: the same data gives the same file
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


def year_kind_rows(engine: Engine) -> list[dict[str, Any]]:
    counts: Counter[tuple[str, str]] = Counter()
    for row in queries.flag_stat_rows(engine):
        year = str(row.later_report_date.year) if row.later_report_date else UNKNOWN
        counts[(year, row.kind)] += 1
    return [{"year": year, "kind": kind, "flags": n} for (year, kind), n in sorted(counts.items())]


def institution_rows(stats: AuditStats) -> list[dict[str, Any]]:
    return [
        {"institution": inst, **values}
        for inst, values in sorted(
            stats.discordance_rate.items(), key=lambda kv: (-float(kv[1]["rate"]), kv[0])
        )
    ]


def interval_rows(stats: AuditStats) -> list[dict[str, Any]]:
    return [{"interval": label, "flags": n} for label, n in stats.interval_buckets.items()]


def _svg(fig: Any) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return out.getvalue()


def _empty(ax: Any, what: str) -> None:
    ax.text(0.5, 0.5, f"no {what} yet", ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def flags_by_year_svg(rows: list[dict[str, Any]]) -> bytes:
    fig, ax = plt.subplots(figsize=(7, 3))
    years = sorted({r["year"] for r in rows})
    kinds = sorted({r["kind"] for r in rows})
    if not rows:
        _empty(ax, "flags")
    bottom = [0] * len(years)
    for kind in kinds:
        values = [
            sum(r["flags"] for r in rows if r["year"] == y and r["kind"] == kind) for y in years
        ]
        ax.bar(
            years,
            values,
            bottom=bottom,
            label=kind.replace("_", " "),
            color=KIND_COLOURS.get(kind, "#455a64"),
        )
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    if rows:
        ax.set_xlabel("year the later report was signed out")
        ax.set_ylabel("flags")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(frameon=False, loc="upper left", fontsize=8)
    ax.set_title("Flags by year and kind", loc="left")
    return _svg(fig)


def discordance_svg(rows: list[dict[str, Any]]) -> bytes:
    fig, ax = plt.subplots(figsize=(7, max(1.6, 0.35 * len(rows) + 0.8)))
    if not rows:
        _empty(ax, "benign sign-outs")
    else:
        names = [str(r["institution"])[:48] for r in rows][::-1]
        rates = [100 * float(r["rate"]) for r in rows][::-1]
        bars = ax.barh(names, rates, color="#1565c0")
        for bar, r in zip(bars, rows[::-1], strict=True):
            ax.text(
                bar.get_width(),
                bar.get_y() + bar.get_height() / 2,
                f" {r['flagged_reports']}/{r['benign_reports']}",
                va="center",
                fontsize=8,
            )
        ax.set_xlabel("% of benign sign-outs later contradicted")
    ax.set_title("Discordance rate by institution (prior report's)", loc="left")
    return _svg(fig)


def intervals_svg(rows: list[dict[str, Any]]) -> bytes:
    fig, ax = plt.subplots(figsize=(7, 2.8))
    if not rows:
        _empty(ax, "intervals")
    else:
        ax.bar([r["interval"] for r in rows], [r["flags"] for r in rows], color="#00695c")
        ax.set_xlabel("prior sign-out to later finding")
        ax.set_ylabel("flags")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Interval distribution", loc="left")
    return _svg(fig)


def chart(engine: Engine, name: str) -> tuple[bytes, list[dict[str, Any]]]:
    """The SVG and the CSV rows of one chart (KeyError: no such chart)."""
    if name == "flags_by_year":
        rows = year_kind_rows(engine)
        return flags_by_year_svg(rows), rows
    stats = audit_stats(engine)
    table: dict[str, tuple[Callable[[AuditStats], list[dict[str, Any]]], Callable[..., bytes]]] = {
        "discordance_by_institution": (institution_rows, discordance_svg),
        "intervals": (interval_rows, intervals_svg),
    }
    rows_of, draw = table[name]
    rows = rows_of(stats)
    return draw(rows), rows
