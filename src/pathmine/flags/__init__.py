"""Pure discrepancy rules over one patient's timeline → ``Flag`` records with evidence."""

from pathmine.flags.rules import (
    LineageIndex,
    compute_flags,
    flag_id,
    format_interval,
    severity,
)
from pathmine.flags.timeline import accession_forms, link_reviews

__all__ = [
    "LineageIndex",
    "accession_forms",
    "compute_flags",
    "flag_id",
    "format_interval",
    "link_reviews",
    "severity",
]
