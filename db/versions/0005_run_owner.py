"""Ingest runs record their owner (host, pid) and a heartbeat.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

A run killed by SIGKILL (or a lost machine) used to stay "running" forever. With the host
and pid of the process that owns it, and the time it last committed, a later start marks a
run whose process is gone as "interrupted" (``repository.mark_abandoned_runs``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("ingest_runs", sa.Column("host", sa.String(255), nullable=True))
    op.add_column("ingest_runs", sa.Column("pid", sa.Integer(), nullable=True))
    op.add_column(
        "ingest_runs", sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    for column in ("heartbeat_at", "pid", "host"):
        op.drop_column("ingest_runs", column)
