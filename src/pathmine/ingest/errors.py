"""The one exception ingest raises, for problems with a whole archive rather than a record."""

from __future__ import annotations


class IngestError(Exception):
    """The archive as a whole cannot be read: missing, unknown format, no manifest, bad header.

    The message is one line naming the file and the problem; it never contains record values.
    Problems with a single record are not raised: they become ``Rejected`` records.
    """
