"""help topics: guests' confirmed need/offer topics, an event's topic settings

Revision ID: b1topics0001
Revises: 7d2f1a9c4e10
Create Date: 2026-12-02 09:45:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b1topics0001"
down_revision = "d1seat000001"
branch_labels = None
depends_on = None


def upgrade():
    # Existing rows get an empty list or object; the default then moves to the models.
    with op.batch_alter_table("guest") as batch_op:
        batch_op.add_column(
            sa.Column("need_topics", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(
            sa.Column("offer_topics", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(sa.Column("topics_confirmed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("event") as batch_op:
        batch_op.add_column(
            sa.Column("topic_settings", sa.JSON(), nullable=False, server_default="{}")
        )
    with op.batch_alter_table("guest") as batch_op:
        batch_op.alter_column("need_topics", server_default=None)
        batch_op.alter_column("offer_topics", server_default=None)
    with op.batch_alter_table("event") as batch_op:
        batch_op.alter_column("topic_settings", server_default=None)


def downgrade():
    with op.batch_alter_table("event") as batch_op:
        batch_op.drop_column("topic_settings")
    with op.batch_alter_table("guest") as batch_op:
        batch_op.drop_column("topics_confirmed_at")
        batch_op.drop_column("offer_topics")
        batch_op.drop_column("need_topics")
