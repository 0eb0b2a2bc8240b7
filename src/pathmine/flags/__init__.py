"""Pure discrepancy rules over one patient's timeline → ``Flag`` records with evidence."""

from pathmine.flags.rules import LineageIndex, compute_flags, flag_id, format_interval

__all__ = ["LineageIndex", "compute_flags", "flag_id", "format_interval"]
