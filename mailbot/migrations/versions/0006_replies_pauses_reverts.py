"""answers to mailbot's mail: pauses, corrections on review decisions

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 05:00:00

- pause: reminders held back on a meeting or to a person until a person decides;
- review_decision.corrections: what a person corrected in what mailbot read;
- outbox.in_reply_to, outbox.references: the thread an outgoing mail belongs in.
(The new states `reverted` and `withdrawn` are values of existing text columns.)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pause",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("network", sa.String(length=100), nullable=False),
        sa.Column("person", sa.String(length=320), nullable=True),
        sa.Column("about", sa.Date(), nullable=True),
        sa.Column("message_pk", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lifted_by", sa.String(length=320), nullable=True),
        sa.ForeignKeyConstraint(["message_pk"], ["message.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_pause_network"), "pause", ["network"], unique=False)
    with op.batch_alter_table("review_decision") as batch:
        batch.add_column(sa.Column("corrections", sa.Text(), nullable=True))
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("in_reply_to", sa.Text(), nullable=True))
        batch.add_column(sa.Column("references", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("references")
        batch.drop_column("in_reply_to")
    with op.batch_alter_table("review_decision") as batch:
        batch.drop_column("corrections")
    op.drop_index(op.f("ix_pause_network"), table_name="pause")
    op.drop_table("pause")
