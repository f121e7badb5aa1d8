"""a walk-in may have no email

Revision ID: g1walk000001
Revises: b1topics0001
Create Date: 2026-12-02 12:45:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "g1walk000001"
down_revision = "b1topics0001"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("guest") as batch_op:
        batch_op.alter_column("email", existing_type=sa.String(length=254), nullable=True)


def downgrade():
    with op.batch_alter_table("guest") as batch_op:
        batch_op.alter_column("email", existing_type=sa.String(length=254), nullable=False)
