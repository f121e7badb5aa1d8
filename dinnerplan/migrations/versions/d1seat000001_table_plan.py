"""table plan (event.table_target, event.uneven_tables) and dinner series (event.series, series_seat)

Revision ID: d1seat000001
Revises: 7d2f1a9c4e10
Create Date: 2026-12-02 09:45:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d1seat000001"
down_revision = "f1after00001"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("event") as batch_op:
        batch_op.add_column(sa.Column("table_target", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("uneven_tables", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("series", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.create_index("ix_event_series", ["series"], unique=False)
    op.create_table(
        "series_seat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organizer_id", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(length=120), nullable=False),
        sa.Column("dinner", sa.String(length=200), nullable=False),
        sa.Column("table", sa.String(length=80), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["organizer_id"], ["organizer.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("series_seat") as batch_op:
        batch_op.create_index("ix_series_seat_organizer_id", ["organizer_id"], unique=False)


def downgrade():
    with op.batch_alter_table("series_seat") as batch_op:
        batch_op.drop_index("ix_series_seat_organizer_id")
    op.drop_table("series_seat")
    with op.batch_alter_table("event") as batch_op:
        batch_op.drop_index("ix_event_series")
        batch_op.drop_column("series")
        batch_op.drop_column("uneven_tables")
        batch_op.drop_column("table_target")
