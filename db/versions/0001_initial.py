"""Initial schema: patients, reports, extractions, flags, reviews, ingest runs, quarantine.

Revision ID: 0001
Revises:
Create Date: 2024-11-24

Hand-written; constraint names follow ``pathmine.store.models.NAMING_CONVENTION`` so they are
identical on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REPORT_TYPES = ("original", "review", "consult", "addendum", "amended")


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _count(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer(), nullable=False, server_default=sa.text("0"))


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_key", sa.String(128), nullable=False),
        sa.Column("flags_dirty", sa.Boolean(), nullable=False, server_default=sa.false()),
        _ts("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
        sa.UniqueConstraint("patient_key", name=op.f("uq_patients_patient_key")),
    )
    op.create_index(op.f("ix_patients_flags_dirty"), "patients", ["flags_dirty"])

    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        _ts("started_at"),
        _ts("finished_at", nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("pipeline_version", sa.String(128), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        _count("n_read"),
        _count("n_stored"),
        _count("n_unchanged"),
        _count("n_new_versions"),
        _count("n_reextracted"),
        _count("n_quarantined"),
        _count("n_flags_raised"),
        _count("n_flags_retired"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_runs")),
    )

    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.String(128), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("patient_pk", sa.Integer(), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=False),
        sa.Column("specimen_date", sa.Date(), nullable=True),
        sa.Column("institution", sa.String(256), nullable=True),
        sa.Column("report_type", sa.String(16), nullable=False),
        sa.Column("report_type_source", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("is_latest", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(1024), nullable=False),
        sa.Column("location", sa.String(64), nullable=False),
        sa.Column("ingest_run_id", sa.Integer(), nullable=True),
        sa.Column("extracted_with", sa.String(128), nullable=True),
        _ts("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
        sa.ForeignKeyConstraint(
            ["patient_pk"], ["patients.id"], name=op.f("fk_reports_patient_pk_patients")
        ),
        sa.ForeignKeyConstraint(
            ["ingest_run_id"],
            ["ingest_runs.id"],
            name=op.f("fk_reports_ingest_run_id_ingest_runs"),
        ),
        sa.UniqueConstraint("report_id", "version", name=op.f("uq_reports_report_id_version")),
        sa.CheckConstraint(
            "report_type IN (" + ", ".join(f"'{t}'" for t in REPORT_TYPES) + ")",
            name=op.f("ck_reports_report_type"),
        ),
    )
    op.create_index(op.f("ix_reports_patient_pk"), "reports", ["patient_pk"])
    op.create_index(op.f("ix_reports_sha256"), "reports", ["sha256"])
    op.create_index(op.f("ix_reports_report_id_is_latest"), "reports", ["report_id", "is_latest"])

    op.create_table(
        "diagnosis_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_pk", sa.Integer(), nullable=False),
        sa.Column("pipeline_version", sa.String(128), nullable=False),
        sa.Column("term", sa.String(256), nullable=False),
        sa.Column("icdo3", sa.String(16), nullable=False),
        sa.Column("behavior", sa.Integer(), nullable=False),
        sa.Column("lineage", sa.String(64), nullable=False),
        sa.Column("assertion", sa.String(16), nullable=False),
        sa.Column("section", sa.String(64), nullable=True),
        sa.Column("site", sa.String(256), nullable=True),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("rule_id", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diagnosis_mentions")),
        sa.ForeignKeyConstraint(
            ["report_pk"],
            ["reports.id"],
            name=op.f("fk_diagnosis_mentions_report_pk_reports"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(op.f("ix_diagnosis_mentions_report_pk"), "diagnosis_mentions", ["report_pk"])

    op.create_table(
        "stain_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_pk", sa.Integer(), nullable=False),
        sa.Column("pipeline_version", sa.String(128), nullable=False),
        sa.Column("marker", sa.String(64), nullable=False),
        sa.Column("text", sa.String(256), nullable=False),
        sa.Column("result", sa.String(16), nullable=False),
        sa.Column("intensity", sa.String(16), nullable=True),
        sa.Column("extent", sa.String(16), nullable=True),
        sa.Column("percent", sa.Float(), nullable=True),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("rule_id", sa.String(128), nullable=False),
        sa.Column("section", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stain_results")),
        sa.ForeignKeyConstraint(
            ["report_pk"],
            ["reports.id"],
            name=op.f("fk_stain_results_report_pk_reports"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(op.f("ix_stain_results_report_pk"), "stain_results", ["report_pk"])

    op.create_table(
        "histologic_features",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_pk", sa.Integer(), nullable=False),
        sa.Column("pipeline_version", sa.String(128), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("value", sa.String(64), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("rule_id", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_histologic_features")),
        sa.ForeignKeyConstraint(
            ["report_pk"],
            ["reports.id"],
            name=op.f("fk_histologic_features_report_pk_reports"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(op.f("ix_histologic_features_report_pk"), "histologic_features", ["report_pk"])

    op.create_table(
        "flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flag_id", sa.String(64), nullable=False),
        sa.Column("patient_pk", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("lineage", sa.String(64), nullable=False),
        sa.Column("prior_report_id", sa.String(128), nullable=False),
        sa.Column("later_report_id", sa.String(128), nullable=False),
        sa.Column("interval_days", sa.Integer(), nullable=True),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("status", sa.String(32), nullable=False, server_default=sa.text("'open'")),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("retired_reason", sa.Text(), nullable=True),
        sa.Column("pipeline_version", sa.String(128), nullable=False),
        _ts("created_at"),
        _ts("updated_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flags")),
        sa.ForeignKeyConstraint(
            ["patient_pk"], ["patients.id"], name=op.f("fk_flags_patient_pk_patients")
        ),
        sa.UniqueConstraint("flag_id", name=op.f("uq_flags_flag_id")),
    )
    op.create_index(op.f("ix_flags_patient_pk"), "flags", ["patient_pk"])
    op.create_index(op.f("ix_flags_kind"), "flags", ["kind"])
    op.create_index(op.f("ix_flags_status"), "flags", ["status"])

    op.create_table(
        "flag_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flag_pk", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(32), nullable=False),
        sa.Column("reviewer", sa.String(128), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        _ts("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flag_reviews")),
        sa.ForeignKeyConstraint(
            ["flag_pk"], ["flags.id"], name=op.f("fk_flag_reviews_flag_pk_flags")
        ),
    )
    op.create_index(op.f("ix_flag_reviews_flag_pk"), "flag_reviews", ["flag_pk"])

    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ingest_run_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(1024), nullable=False),
        sa.Column("location", sa.String(64), nullable=False),
        sa.Column("report_id", sa.String(128), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raw_excerpt", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        _ts("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_errors")),
        sa.ForeignKeyConstraint(
            ["ingest_run_id"],
            ["ingest_runs.id"],
            name=op.f("fk_ingest_errors_ingest_run_id_ingest_runs"),
        ),
        sa.UniqueConstraint(
            "source",
            "location",
            "fingerprint",
            name=op.f("uq_ingest_errors_source_location_fingerprint"),
        ),
    )
    op.create_index(op.f("ix_ingest_errors_ingest_run_id"), "ingest_errors", ["ingest_run_id"])


def downgrade() -> None:
    op.drop_table("ingest_errors")
    op.drop_table("flag_reviews")
    op.drop_table("flags")
    op.drop_table("histologic_features")
    op.drop_table("stain_results")
    op.drop_table("diagnosis_mentions")
    op.drop_table("reports")
    op.drop_table("ingest_runs")
    op.drop_table("patients")
