"""Shared fixtures: a throwaway PostgreSQL server and fresh databases on both backends.

* ``pg_server`` / ``pg_url``: one PostgreSQL 15 server per test session (Unix socket only).
  If it cannot start the tests that need it are skipped, or fail when ``$CI`` is set.
* ``db_url``: a fresh, empty database per test, parametrized ``sqlite`` / ``postgresql``.
* ``engine``: an engine on ``db_url`` with the schema migrated to head.
* ``extractor``: the packaged extractor, built once for the session (it is a pure function of
  text, so every test may share it).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from pathmine.nlp import Extractor, default_extractor
from pathmine.store import ensure_schema, make_engine, upgrade
from pg_server import PgServer, start_server


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return default_extractor()


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The session's PostgreSQL server (started on first use, stopped at session end)."""
    failure: str | None = None
    try:
        server = start_server()
    except Exception as exc:  # any failure to start is reported, not raised raw
        failure = f"throwaway PostgreSQL server could not start: {exc}"
    if failure is not None:
        if _in_ci():
            pytest.fail(failure, pytrace=False)
        pytest.skip(failure)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_url(pg_server: PgServer) -> str:
    """URL of a database on the session server, shared by the whole session."""
    return pg_server.url(pg_server.create_database("pathmine_test"))


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database for this test on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'pathmine.db'}"
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.create_database()
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head once per session; ``engine`` copies it."""
    path = tmp_path_factory.mktemp("template") / "head.db"
    eng = make_engine(f"sqlite:///{path}")
    upgrade(eng)
    eng.dispose()  # last connection closed: WAL checkpointed into the main file
    return path


@pytest.fixture(scope="session")
def _pg_template(pg_server: PgServer) -> str:
    """A PostgreSQL database migrated to head once per session; ``engine`` clones it."""
    name = pg_server.create_database("pathmine_template_head")
    eng = make_engine(pg_server.url(name))
    upgrade(eng)
    eng.dispose()  # a template must have no open connections to be cloned
    return name


@pytest.fixture
def engine(db_url: str, request: pytest.FixtureRequest) -> Iterator[Engine]:
    """Engine on ``db_url``'s database with the schema at head; disposed after the test.

    Cloning a per-session migrated template is much faster than running the migrations
    for every test; ``ensure_schema`` still checks the result is at head.
    """
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        assert url.database
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), url.database)
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        template: str = request.getfixturevalue("_pg_template")
        assert url.database
        server.drop_database(url.database)
        server.create_database(url.database, template=template)
    eng = make_engine(db_url)
    ensure_schema(eng)
    try:
        yield eng
    finally:
        eng.dispose()
