"""One flag per (patient, kind, lineage); recommended action; report facts.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

FLAG-RULES.md: a discrepancy is one flag per (patient, kind, lineage family) citing the
canonical pair, so a flag's identity no longer includes its report ids. Existing flags are
mapped onto the new identity (``F-`` + sha256(patient, kind, family)[:16]); where several old
flags (the original, its review, the review's quoted diagnosis) map to one identity, the one
with the latest review decision (else the oldest) takes it, the others are retired with a
reason naming it, and their review decisions are copied onto it in their original order, so
the audit trail of every old flag survives under the new identity. Flags also gain a
recommended action, and reports the facts their extraction read (own and cited accessions,
collection and cited dates).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def new_flag_id(patient_id: str, kind: str, family: str) -> str:
    key = "\x1f".join([patient_id, kind, family])
    return "F-" + hashlib.sha256(key.encode()).hexdigest()[:16]


# Plain ALTER TABLE (not batch mode): a batch rebuild of ``reports`` or ``flags``, which other
# tables reference, would fail their foreign keys on a filled SQLite database.


def upgrade() -> None:
    op.add_column("reports", sa.Column("accession", sa.String(64), nullable=True))
    op.add_column("reports", sa.Column("cited_accessions", sa.JSON(), nullable=True))
    op.add_column("reports", sa.Column("collection_dates", sa.JSON(), nullable=True))
    op.add_column("reports", sa.Column("cited_dates", sa.JSON(), nullable=True))
    op.create_index("ix_reports_accession", "reports", ["accession"])
    op.add_column("flags", sa.Column("recommended_action", sa.Text(), nullable=True))
    _remap_flag_ids()


def _remap_flag_ids() -> None:
    bind = op.get_bind()
    flags = bind.execute(
        sa.text(
            "SELECT f.id, f.flag_id, f.kind, f.lineage, f.status, p.patient_key AS patient_id "
            "FROM flags f JOIN patients p ON p.id = f.patient_pk ORDER BY f.id"
        )
    ).all()
    reviews = bind.execute(
        sa.text(
            "SELECT id, flag_pk, decision, reviewer, comment, created_at FROM flag_reviews "
            "ORDER BY created_at, id"
        )
    ).all()
    by_flag = defaultdict(list)
    for r in reviews:
        by_flag[r.flag_pk].append(r)
    groups = defaultdict(list)
    for f in flags:
        groups[new_flag_id(f.patient_id, f.kind, f.lineage)].append(f)
    for new_id, members in groups.items():
        survivor = max(
            members,
            key=lambda f: (
                max((r.created_at for r in by_flag[f.id]), default=None) is not None,
                max((str(r.created_at) for r in by_flag[f.id]), default=""),
                -f.id,
            ),
        )
        for f in members:
            if f.id == survivor.id:
                continue
            bind.execute(
                sa.text(
                    "UPDATE flags SET status = 'retired', retired_reason = :reason WHERE id = :id"
                ),
                {
                    "id": f.id,
                    "reason": f"merged into {new_id}: one flag per patient, kind and lineage "
                    "(migration 0004); its review decisions were copied there",
                },
            )
            for r in by_flag[f.id]:
                bind.execute(
                    sa.text(
                        "INSERT INTO flag_reviews (flag_pk, decision, reviewer, comment, "
                        "created_at) VALUES (:flag_pk, :decision, :reviewer, :comment, "
                        ":created_at)"
                    ),
                    {
                        "flag_pk": survivor.id,
                        "decision": r.decision,
                        "reviewer": r.reviewer,
                        "comment": (r.comment or "") + f" [copied from {f.flag_id}]",
                        "created_at": r.created_at,
                    },
                )
        bind.execute(
            sa.text("UPDATE flags SET flag_id = :new WHERE id = :id"),
            {"new": new_id, "id": survivor.id},
        )


def downgrade() -> None:
    op.drop_column("flags", "recommended_action")
    op.drop_index("ix_reports_accession", table_name="reports")
    for column in ("cited_dates", "collection_dates", "cited_accessions", "accession"):
        op.drop_column("reports", column)
