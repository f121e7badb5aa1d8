"""The app factory, configuration and error pages."""

from dinnerplan.app import create_app
from dinnerplan.config import from_environment, normalise_database_url


def test_embedded_default_is_sqlite_in_instance_folder(tmp_path):
    app = create_app({"TESTING": True})
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert app.instance_path in app.config["SQLALCHEMY_DATABASE_URI"]


def test_environment_selects_postgres_with_psycopg3():
    cfg = from_environment(
        {
            "DATABASE_URL": "postgres://u@h/db",
            "MAIL_PORT": "2525",
            "MAIL_USE_TLS": "true",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        }
    )
    assert cfg["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"
    assert cfg["MAIL_PORT"] == 2525
    assert cfg["MAIL_USE_TLS"] is True
    assert cfg["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"
    assert normalise_database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_unknown_page_renders_friendly_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert b"couldn&#39;t find that page" in response.data or b"find that page" in response.data


def test_solver_package_does_not_load_flask():
    import subprocess
    import sys

    code = "import sys, dinnerplan; print('flask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
