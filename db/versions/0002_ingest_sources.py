"""Ingest sources: which archive files a run read, by checksum, size and reader options.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

Lets a re-run skip an archive file that an earlier completed run read whole (see
``pathmine.store.models.IngestSource``); the index on ``reports.extracted_with`` lets it
check cheaply that no stored report awaits re-extraction.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ingest_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(1024), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("reader_options", sa.String(512), nullable=False),
        sa.Column("n_read", sa.Integer(), nullable=False),
        sa.Column("n_quarantined", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_sources")),
        sa.ForeignKeyConstraint(
            ["run_id"], ["ingest_runs.id"], name=op.f("fk_ingest_sources_run_id_ingest_runs")
        ),
    )
    op.create_index(op.f("ix_ingest_sources_run_id"), "ingest_sources", ["run_id"])
    op.create_index(op.f("ix_ingest_sources_sha256"), "ingest_sources", ["sha256"])
    op.create_index(op.f("ix_reports_extracted_with"), "reports", ["extracted_with"])


def downgrade() -> None:
    op.drop_index(op.f("ix_reports_extracted_with"), table_name="reports")
    op.drop_index(op.f("ix_ingest_sources_sha256"), table_name="ingest_sources")
    op.drop_index(op.f("ix_ingest_sources_run_id"), table_name="ingest_sources")
    op.drop_table("ingest_sources")
