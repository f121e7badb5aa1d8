"""event.table_target and event.uneven_tables: the organizer's table plan

Revision ID: d1seat000001
Revises: 7d2f1a9c4e10
Create Date: 2026-12-02 09:45:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d1seat000001"
down_revision = "7d2f1a9c4e10"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("event") as batch_op:
        batch_op.add_column(sa.Column("table_target", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("uneven_tables", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade():
    with op.batch_alter_table("event") as batch_op:
        batch_op.drop_column("uneven_tables")
        batch_op.drop_column("table_target")
