"""organizer.session_keys and organizer.email_verified_at: server-side sessions, verification

Accounts that exist before this revision count as verified (their owners have been emailing
guests already); new accounts confirm their address first.

Revision ID: c1sec0000001
Revises: 7d2f1a9c4e10
Create Date: 2026-12-02 09:45:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "c1sec0000001"
down_revision = "7d2f1a9c4e10"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("organizer") as batch_op:
        batch_op.add_column(
            sa.Column("session_keys", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch_op.add_column(sa.Column("email_verified_at", sa.DateTime(), nullable=True))
    op.execute("UPDATE organizer SET email_verified_at = created_at")


def downgrade():
    with op.batch_alter_table("organizer") as batch_op:
        batch_op.drop_column("email_verified_at")
        batch_op.drop_column("session_keys")
