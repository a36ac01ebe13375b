"""understanding tables; mailbox columns as text

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 06:07:17.260148
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("filename", sa.Text(), nullable=True),
        sa.Column("content_type", sa.String(length=200), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("tables_json", sa.Text(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["message_pk"],
            ["message.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attachment_text", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachment_text_message_pk"), ["message_pk"], unique=False
        )

    op.create_table(
        "understanding",
        sa.Column("message_pk", sa.Integer(), nullable=False),
        sa.Column("disposition", sa.String(length=32), nullable=False),
        sa.Column("ignored_reason", sa.String(length=64), nullable=True),
        sa.Column("network", sa.String(length=100), nullable=True),
        sa.Column("kinds", sa.String(length=200), nullable=False),
        sa.Column("result_json", sa.Text(), nullable=False),
        sa.Column("understood_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_pk"],
            ["message.id"],
        ),
        sa.PrimaryKeyConstraint("message_pk"),
    )
    with op.batch_alter_table("understanding", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_understanding_disposition"), ["disposition"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_understanding_network"), ["network"], unique=False)

    with op.batch_alter_table("intake_cursor", schema=None) as batch_op:
        batch_op.alter_column(
            "mailbox",
            existing_type=sa.VARCHAR(length=500),
            type_=sa.Text(),
            existing_nullable=False,
        )

    with op.batch_alter_table("message_source", schema=None) as batch_op:
        batch_op.alter_column(
            "mailbox",
            existing_type=sa.VARCHAR(length=500),
            type_=sa.Text(),
            existing_nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("message_source", schema=None) as batch_op:
        batch_op.alter_column(
            "mailbox",
            existing_type=sa.Text(),
            type_=sa.VARCHAR(length=500),
            existing_nullable=False,
        )

    with op.batch_alter_table("intake_cursor", schema=None) as batch_op:
        batch_op.alter_column(
            "mailbox",
            existing_type=sa.Text(),
            type_=sa.VARCHAR(length=500),
            existing_nullable=False,
        )

    with op.batch_alter_table("understanding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_understanding_network"))
        batch_op.drop_index(batch_op.f("ix_understanding_disposition"))

    op.drop_table("understanding")
    with op.batch_alter_table("attachment_text", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_text_message_pk"))

    op.drop_table("attachment_text")
