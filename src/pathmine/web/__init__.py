"""The review web app (``pathmine serve``): flag queue, evidence side by side, timeline,
decisions with an audit trail, statistics, and a JSON API, over the same database."""

from pathmine.web.app import create_app
from pathmine.web.auth import Settings

__all__ = ["Settings", "create_app"]
