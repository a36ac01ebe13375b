"""outbox bundles and the store's own facts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 04:10:00

- outbox.context_json: the notice's template context, so that several reminders to one
  person on one day can be written as one mail (a bundle) when they are sent;
- outbox.notice_mime: the notice rendered on its own (`mime` is the mail it goes in);
- meta: facts about the store itself (when the first tick ran: a first start catches
  up quietly).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("context_json", sa.Text(), nullable=True))
        batch.add_column(sa.Column("notice_mime", sa.LargeBinary(), nullable=True))
    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("meta")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("notice_mime")
        batch.drop_column("context_json")
