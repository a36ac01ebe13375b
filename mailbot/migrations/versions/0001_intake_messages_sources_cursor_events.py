"""intake: messages, sources, cursor, events

Revision ID: 0001
Revises:
Create Date: 2026-11-22 05:15:07.778057
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "intake_cursor",
        sa.Column("mailbox", sa.String(length=500), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("last_uid", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("mailbox"),
    )
    op.create_table(
        "message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("raw_path", sa.String(length=200), nullable=False),
        sa.Column("message_id", sa.String(length=998), nullable=True),
        sa.Column("content_digest", sa.String(length=64), nullable=True),
        sa.Column("from_addr", sa.Text(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("date_header", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["duplicate_of"],
            ["message.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_message_message_id"), ["message_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_message_state"), ["state"], unique=False)

    op.create_table(
        "message_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_pk", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("from_state", sa.String(length=32), nullable=True),
        sa.Column("to_state", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["message_pk"],
            ["message.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("message_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_message_event_message_pk"), ["message_pk"], unique=False
        )

    op.create_table(
        "message_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_pk", sa.Integer(), nullable=False),
        sa.Column("mailbox", sa.String(length=500), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=True),
        sa.Column("uid", sa.BigInteger(), nullable=True),
        sa.Column("key", sa.Text(), nullable=True),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("action_done", sa.Boolean(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_pk"],
            ["message.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_source_location"),
    )
    with op.batch_alter_table("message_source", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_message_source_message_pk"), ["message_pk"], unique=False
        )
        batch_op.create_index("ix_source_pending", ["mailbox", "action_done"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("message_source", schema=None) as batch_op:
        batch_op.drop_index("ix_source_pending")
        batch_op.drop_index(batch_op.f("ix_message_source_message_pk"))

    op.drop_table("message_source")
    with op.batch_alter_table("message_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_message_event_message_pk"))

    op.drop_table("message_event")
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_message_state"))
        batch_op.drop_index(batch_op.f("ix_message_message_id"))

    op.drop_table("message")
    op.drop_table("intake_cursor")
