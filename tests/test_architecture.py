"""The one-way architecture, checked on the source: ingest → nlp → store → flags → serve.

Only ``pathmine.store`` (and its migrations) may import the database library; every other
module goes through ``pathmine.store.queries`` and ``pathmine.store.repository`` and sees
plain records. The pure stages (``nlp``, ``flags``) must not reach the database at all, so
they run unchanged in worker processes and distributed engines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "pathmine"
DATABASE_LIBRARIES = ("sqlalchemy", "alembic", "psycopg")
PURE_STAGES = ("nlp", "flags")


def _modules() -> list[Path]:
    return sorted(
        p
        for p in PACKAGE.rglob("*.py")
        if not {"store", "migrations", "pipelines", "sample_archive"}
        & set(p.relative_to(PACKAGE).parts)
    )


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_scan_sees_the_modules() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in _modules()}
    assert {"cli.py", "export.py", "stats.py", "workflow.py", "nlp/pipeline.py"} <= names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_database_library_outside_store(path: Path) -> None:
    offending = {name for name in _imports(path) if name.split(".")[0] in DATABASE_LIBRARIES}
    assert not offending, f"{path.name} imports {sorted(offending)}: go through pathmine.store"


@pytest.mark.parametrize(
    "path",
    [p for p in _modules() if p.relative_to(PACKAGE).parts[0] in PURE_STAGES],
    ids=lambda p: p.relative_to(PACKAGE).as_posix(),
)
def test_pure_stages_do_not_reach_the_store(path: Path) -> None:
    offending = {name for name in _imports(path) if name.startswith("pathmine.store")}
    assert not offending, f"{path.name} imports {sorted(offending)}"
