"""event.guest_wishes: the organizer's switch for guests' "sit with" / "not with" wishes

Revision ID: e1ux00000001
Revises: 7d2f1a9c4e10
Create Date: 2026-12-02 10:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "e1ux00000001"
down_revision = "c1sec0000001"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("event") as batch_op:
        batch_op.add_column(
            sa.Column("guest_wishes", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade():
    with op.batch_alter_table("event") as batch_op:
        batch_op.drop_column("guest_wishes")
