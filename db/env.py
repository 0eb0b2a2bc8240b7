"""Alembic environment for pathmine.

Used two ways:
* programmatically by ``pathmine.store.migrate`` which passes an open connection in
  ``config.attributes["connection"]``;
* from the CLI (``alembic -c db/alembic.ini upgrade head``), where the URL comes from
  ``sqlalchemy.url`` in the ini if set, else ``$PATHMINE_DB``, else ``sqlite:///pathmine.db``.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection

from pathmine.store.engine import make_engine, resolve_db_url
from pathmine.store.models import Base

config = context.config
target_metadata = Base.metadata

# Only the CLI has an ini file; programmatic runs must not reconfigure the host's logging.
if config.config_file_name is not None and config.attributes.get("connection") is None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _url() -> str:
    return resolve_db_url(config.get_main_option("sqlalchemy.url") or None)


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode lets later revisions copy-and-move.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_offline() -> None:
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(_url())
    try:
        with engine.connect() as conn:
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
