"""Run the Alembic migrations shipped in ``pathmine/migrations`` (the repository's ``db/``).

The Alembic config is built in code, so no ``alembic.ini`` is needed at run time; the
connection is handed to ``db/env.py`` through ``config.attributes["connection"]``.

Alembic is imported only to migrate: ``ensure_schema`` on a database already at
``SCHEMA_HEAD`` is one ``SELECT``, which keeps a re-run over an unchanged archive from
paying for the import (a test holds ``SCHEMA_HEAD`` to the migrations' real head).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from importlib.resources import as_file, files
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from pathmine.store.engine import make_engine

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision under db/versions; bump it with every new migration.
SCHEMA_HEAD = "0006"


@contextlib.contextmanager
def _alembic_config(connection: Connection | None = None) -> Iterator[Config]:
    from alembic.config import Config

    with as_file(files("pathmine") / "migrations") as script_dir:
        cfg = Config()
        cfg.set_main_option("script_location", str(script_dir))
        cfg.set_main_option("path_separator", "os")
        cfg.attributes["connection"] = connection
        yield cfg


@contextlib.contextmanager
def _engine(engine_or_url: Engine | str | None) -> Iterator[Engine]:
    if isinstance(engine_or_url, Engine):
        yield engine_or_url
        return
    engine = make_engine(engine_or_url)
    try:
        yield engine
    finally:
        engine.dispose()


@functools.cache
def head_revision() -> str:
    """The revision id the shipped migrations end at (read by Alembic)."""
    from alembic.script import ScriptDirectory

    with _alembic_config() as cfg:
        head = ScriptDirectory.from_config(cfg).get_current_head()
    if head is None:
        raise RuntimeError("no Alembic revisions found in pathmine/migrations")
    return head


def upgrade(engine_or_url: Engine | str | None, revision: str = "head") -> None:
    """Migrate the database up to ``revision`` (an engine, or a URL for ``make_engine``)."""
    from alembic import command

    with _engine(engine_or_url) as engine, engine.begin() as conn, _alembic_config(conn) as cfg:
        command.upgrade(cfg, revision)


def downgrade(engine_or_url: Engine | str | None, revision: str = "base") -> None:
    """Migrate the database down to ``revision`` (default: drop everything)."""
    from alembic import command

    with _engine(engine_or_url) as engine, engine.begin() as conn, _alembic_config(conn) as cfg:
        command.downgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an unmigrated database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise RuntimeError("the database records more than one Alembic head")
    return rows[0] if rows else None


def ensure_schema(engine: Engine) -> None:
    """Bring the schema to head; a ``SELECT`` and no Alembic import when it is already there.

    Safe when several processes start on a new database at once (two ingests launched
    together): the migration runs under a lock (a PostgreSQL advisory lock; a lock file next
    to a SQLite database) and the revision is read again once the lock is held, so the
    second process finds the schema the first one built instead of creating it again.
    """
    if current_revision(engine) == SCHEMA_HEAD:
        return
    with _migration_lock(engine):
        if current_revision(engine) != SCHEMA_HEAD:
            upgrade(engine)


# pg_advisory_lock key: "pathmine" as a 64-bit integer, shared by every pathmine process
_PG_LOCK_KEY = int.from_bytes(b"pathmine", "big") & 0x7FFF_FFFF_FFFF_FFFF


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK_KEY})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_KEY})
                conn.commit()
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock, Alembic's own checks only
        yield
        return
    with open(f"{database}.migrate-lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
