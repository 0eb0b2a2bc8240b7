"""Database layer: typed SQLAlchemy models, engines and Alembic migrations.

ORM objects stay in this package; other stages exchange ``pathmine.records`` dataclasses.
"""

from pathmine.store.engine import (
    DEFAULT_DB_URL,
    Engine,
    Session,
    WriteConflict,
    make_engine,
    resolve_db_url,
    session_factory,
)
from pathmine.store.migrate import (
    current_revision,
    downgrade,
    ensure_schema,
    head_revision,
    upgrade,
)
from pathmine.store.models import (
    Base,
    DiagnosisMentionRow,
    FlagReviewRow,
    FlagRow,
    HistologicFeatureRow,
    IngestRun,
    IngestSource,
    Patient,
    QuarantineRow,
    Report,
    StainResultRow,
    utcnow,
)

__all__ = [
    "DEFAULT_DB_URL",
    "Base",
    "DiagnosisMentionRow",
    "Engine",
    "FlagReviewRow",
    "FlagRow",
    "HistologicFeatureRow",
    "IngestRun",
    "IngestSource",
    "Patient",
    "QuarantineRow",
    "Report",
    "Session",
    "StainResultRow",
    "WriteConflict",
    "current_revision",
    "downgrade",
    "ensure_schema",
    "head_revision",
    "make_engine",
    "resolve_db_url",
    "session_factory",
    "upgrade",
    "utcnow",
]
