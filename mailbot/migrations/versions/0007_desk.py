"""the coordinator's desk: users, published minutes, pauses set by a person

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 02:00:00

- desk_user: who may log in to the desk (Argon2id password hashes);
- publication: protocols marked for the public page, with who marked them;
- pause.topic, pause.created_by: a pause on one notice topic, and who set it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "publication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("network", sa.String(length=100), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("message_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(length=200), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["message_pk"], ["message.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("message_pk", "position", name="uq_publication_file"),
    )
    op.create_index(op.f("ix_publication_network"), "publication", ["network"], unique=False)
    with op.batch_alter_table("pause") as batch:
        batch.add_column(sa.Column("topic", sa.Text(), nullable=True))
        batch.add_column(sa.Column("created_by", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pause") as batch:
        batch.drop_column("created_by")
        batch.drop_column("topic")
    op.drop_index(op.f("ix_publication_network"), table_name="publication")
    op.drop_table("publication")
    op.drop_table("desk_user")
