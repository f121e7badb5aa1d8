"""Schema migrations: applied to an empty database they give exactly the models' schema."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from dinnerplan.extensions import db


def test_migrations_match_models(app):
    with app.app_context():
        db.drop_all()
        directory = app.extensions["migrate"].directory
        upgrade(directory=directory)
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
        downgrade(directory=directory, revision="base")
        with db.engine.connect() as conn:
            tables = db.inspect(conn).get_table_names()
        assert set(tables) <= {"alembic_version"}
        db.create_all()


def test_upgrade_creates_the_sqlite_file_on_first_start(tmp_path):
    from dinnerplan.app import create_app
    from dinnerplan.database import upgrade_database

    path = tmp_path / "first.sqlite"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        upgrade_database()
        names = db.inspect(db.engine).get_table_names()
        db.engine.dispose()
    assert path.exists()
    assert {"organizer", "event", "guest", "message"} <= set(names)
