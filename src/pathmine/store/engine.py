"""Database URLs, engines and sessions for SQLite (default) and PostgreSQL (psycopg 3)."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine as Engine
from sqlalchemy import create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as Session
from sqlalchemy.orm import sessionmaker

# Names the other stages use for what they hold but never look inside: an engine (the
# database), a session (one unit of work handed to ``repository`` functions), and the error
# a write raises when a concurrent writer stored the same unique rows first (the
# transaction rolled back whole; classify again and retry).
WriteConflict = IntegrityError

DEFAULT_DB_URL = "sqlite:///pathmine.db"
ENV_VAR = "PATHMINE_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def resolve_db_url(explicit: str | None) -> str:
    """Return the SQLAlchemy URL to use.

    Precedence: ``explicit``, then ``$PATHMINE_DB``, then :data:`DEFAULT_DB_URL`. A bare file
    path (no ``scheme://``) becomes ``sqlite:///<path>``; ``postgresql://`` and
    ``postgres://`` become ``postgresql+psycopg://`` so psycopg 3 is used.
    """
    raw = explicit or os.environ.get(ENV_VAR) or DEFAULT_DB_URL
    raw = raw.strip()
    if "://" not in raw:
        return "sqlite:///" + str(Path(raw).expanduser())
    scheme, rest = raw.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    return raw


def _set_sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    # Per connection: FK enforcement and busy timeout are not persistent in SQLite; WAL is,
    # but setting it again is cheap and covers freshly created files.
    # The busy timeout comes first: switching a new file to WAL takes a lock that another
    # process creating the schema at the same moment may hold ("database is locked").
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        _enable_wal(cursor)
        # In WAL mode NORMAL never corrupts the database and a killed process loses nothing
        # committed; only an OS crash or power cut may drop the last transactions, which a
        # re-run of the ingest restores. It saves an fsync per batch commit.
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _enable_wal(cursor: Any) -> None:
    """Switch the file to WAL unless it already is (the mode persists in the file). The
    switch needs a moment with no other connection on the file; while racers hold it, SQLite
    answers "database is locked" without waiting, so the switch is retried for as long as the
    busy timeout allows."""
    (mode,) = cursor.execute("PRAGMA journal_mode").fetchone()
    if str(mode).lower() in ("wal", "memory"):
        return
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """Create an engine for ``url`` (resolved with :func:`resolve_db_url`).

    SQLite connections get ``journal_mode=WAL``, ``foreign_keys=ON`` and a busy timeout;
    PostgreSQL uses psycopg 3 with pre-ping. Parameters are hidden from error messages.
    Extra ``kwargs`` go to ``create_engine``.
    """
    resolved = make_url(resolve_db_url(url))
    # Bound parameters are report text and patient identifiers: never in an exception
    # message, a log line or a --debug traceback.
    kwargs.setdefault("hide_parameters", True)
    if resolved.get_backend_name() == "sqlite":
        engine = create_engine(resolved, **kwargs)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    if resolved.get_backend_name() == "postgresql":
        kwargs.setdefault("pool_pre_ping", True)
    return create_engine(resolved, **kwargs)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to ``engine``; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)
