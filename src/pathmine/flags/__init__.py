"""Pure discrepancy rules over one patient's timeline → ``Flag`` records with evidence."""

from pathmine.flags.rules import (
    FlagEngine,
    compute_flags,
    default_engine,
    flag_id,
    format_interval,
    severity,
)
from pathmine.flags.timeline import build_timeline, timeline_entry

__all__ = [
    "FlagEngine",
    "build_timeline",
    "compute_flags",
    "default_engine",
    "flag_id",
    "format_interval",
    "severity",
    "timeline_entry",
]
