"""Run the Alembic migrations shipped in ``pathmine/migrations`` (the repo's ``db/``).

The Alembic config is built in code, so no ``alembic.ini`` is needed at run time; the
connection is handed to ``db/env.py`` through ``config.attributes["connection"]``.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from importlib.resources import as_file, files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from pathmine.store.engine import make_engine


@contextlib.contextmanager
def _alembic_config(connection: Connection | None = None) -> Iterator[Config]:
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
    """The revision id the shipped migrations end at."""
    with _alembic_config() as cfg:
        head = ScriptDirectory.from_config(cfg).get_current_head()
    if head is None:
        raise RuntimeError("no Alembic revisions found in pathmine/migrations")
    return head


def upgrade(engine_or_url: Engine | str | None, revision: str = "head") -> None:
    """Migrate the database up to ``revision`` (an engine, or a URL for ``make_engine``)."""
    with _engine(engine_or_url) as engine, engine.begin() as conn, _alembic_config(conn) as cfg:
        command.upgrade(cfg, revision)


def downgrade(engine_or_url: Engine | str | None, revision: str = "base") -> None:
    """Migrate the database down to ``revision`` (default: drop everything)."""
    with _engine(engine_or_url) as engine, engine.begin() as conn, _alembic_config(conn) as cfg:
        command.downgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an unmigrated database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def ensure_schema(engine: Engine) -> None:
    """Bring the schema to head; one ``SELECT`` when it is already there."""
    if current_revision(engine) != head_revision():
        upgrade(engine)
