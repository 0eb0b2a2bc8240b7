"""Streaming archive readers: report archives in, ``Report`` or ``Rejected`` records out.

Nothing is dropped: every record (JSONL line, CSV row, manifest row, stray ``.txt`` file)
comes out as a ``Report`` or as a ``Rejected`` for the quarantine table. Rejection reasons
name fields and rules, never values, because they are printed and logged.
"""

from pathmine.ingest.errors import IngestError
from pathmine.ingest.readers import detect_format, read_archive

__all__ = ["IngestError", "detect_format", "read_archive"]
