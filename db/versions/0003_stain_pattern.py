"""Stain pattern: p53 wild-type/mutant/null, p16 block/lost, MMR intact/lost.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

ANNOTATION.md section 4 records the staining pattern beside the result; the export contract
gains a ``pattern`` field on each stain.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE (not batch mode): SQLite adds and drops a column in place, and a batch
# rebuild of a table other rows reference would fail its foreign keys on a filled database.


def upgrade() -> None:
    op.add_column("stain_results", sa.Column("pattern", sa.String(32), nullable=True))


def downgrade() -> None:
    op.drop_column("stain_results", "pattern")
