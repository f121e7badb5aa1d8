"""message.claimed_at: when a worker claimed the message for sending

Revision ID: 7d2f1a9c4e10
Revises: 3426891b4cae
Create Date: 2026-12-01 22:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "7d2f1a9c4e10"
down_revision = "3426891b4cae"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("message") as batch_op:
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("message") as batch_op:
        batch_op.drop_column("claimed_at")
