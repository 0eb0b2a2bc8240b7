"""Synthetic pathology report archives with gold mentions and planted discrepancy flags.

``generate(patients, seed, out_dir)`` streams a deterministic corpus (``pathmine corpus
generate``): realistic report styles and lengths, patient timelines over years with reviews,
addenda and amended versions, diagnoses across the lineage families with varied assertions and
immunostain panels, and about ``flag_rate`` of patients carrying a planted discrepancy (plus as
many near-miss controls). The flag gold is computed by the real flag rules on the gold mentions.
"""

from pathmine.synth.writer import GENERATOR_VERSION, Summary, generate

__all__ = ["GENERATOR_VERSION", "Summary", "generate"]
