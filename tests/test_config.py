"""Configuration fails fast in production; every key is declared and documented.

Logs are key=value lines carrying the request id.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dinnerplan.app import create_app
from dinnerplan.config import DEV_SECRET_KEY, Config, ConfigError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def package_logger():
    """The package logger, left as the other tests expect it (no handler, propagating)."""
    import logging

    logger = logging.getLogger("dinnerplan")
    saved = (list(logger.handlers), logger.propagate, logger.level)

    def ours():
        return [h for h in logger.handlers if getattr(h, "dinnerplan", False)]

    yield ours
    logger.handlers[:], logger.propagate, logger.level = saved


@pytest.fixture
def production(monkeypatch, tmp_path, package_logger):
    """A production-like environment: no SECRET_KEY, not debugging, not testing."""
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    return {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite'}"}


@pytest.mark.parametrize("key", [None, DEV_SECRET_KEY, ""])
def test_production_refuses_to_start_without_a_real_secret_key(production, key):
    config = production if key is None else {**production, "SECRET_KEY": key}
    with pytest.raises(ConfigError, match="Set the SECRET_KEY environment variable"):
        create_app(config)


def test_tests_and_the_command_line_may_use_the_development_key(production):
    assert create_app({**production, "TESTING": True}).config["SECRET_KEY"] == DEV_SECRET_KEY
    assert create_app(production, command_line=True)
    assert create_app({**production, "DEBUG": True}, command_line=True)  # `dinnerplan run`


@pytest.mark.parametrize("key", [None, "k" * 64])
def test_a_served_app_refuses_debug_mode_even_with_a_real_key(production, key):
    config = {**production, "DEBUG": True} | ({"SECRET_KEY": key} if key else {})
    with pytest.raises(ConfigError, match="Debug mode is on"):
        create_app(config)


def test_gunicorns_entry_point_stops_with_a_clear_message(production, tmp_path):
    env = {"PATH": "/usr/bin:/bin", "DINNERPLAN_INSTANCE": str(tmp_path / "instance")}
    done = subprocess.run(
        [sys.executable, "-c", "import wsgi"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "SECRET_KEY is not set" in done.stderr.strip().splitlines()[-1]
    ok = subprocess.run(
        [sys.executable, "-c", "import wsgi"],
        cwd=ROOT,
        env={**env, "SECRET_KEY": "a" * 64},
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr


def keys_read_by_the_code() -> set[str]:
    pattern = re.compile(r"""config(?:\.get\(|\.setdefault\(|\[)\s*["']([A-Z][A-Z0-9_]+)["']""")
    found = set()
    for path in (ROOT / "dinnerplan").rglob("*.py"):
        found |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return found


# Keys Flask and its extensions declare themselves (we only set or read them).
FRAMEWORK = {"TESTING", "DEBUG", "SQLALCHEMY_DATABASE_URI", "SERVER_NAME"}


def declared() -> set[str]:
    return {name for name in vars(Config) if name.isupper()}


def test_every_key_the_code_reads_is_declared_with_a_default():
    assert keys_read_by_the_code() - declared() - FRAMEWORK == set()


def test_every_declared_key_is_documented_once_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([A-Z][A-Z0-9_]+)`", readme, re.M)
    missing = declared() - set(rows)
    twice = {key for key in rows if rows.count(key) > 1}
    assert missing == set()
    assert twice == set()
    assert "MIGRATE_ON_START" not in readme
    assert "MIGRATE_ON_START" not in declared()


def test_the_instance_folder_is_the_working_directorys_or_dinnerplan_instance(
    monkeypatch, tmp_path
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DINNERPLAN_INSTANCE", raising=False)
    assert create_app({"TESTING": True}).instance_path == str(tmp_path / "instance")
    monkeypatch.setenv("DINNERPLAN_INSTANCE", str(tmp_path / "elsewhere"))
    app = create_app({"TESTING": True})
    assert app.instance_path == str(tmp_path / "elsewhere")
    assert (
        str(tmp_path / "elsewhere" / "dinnerplan.sqlite") in app.config["SQLALCHEMY_DATABASE_URI"]
    )


def test_logs_are_key_value_lines_with_the_request_id(production, capsys, package_logger):
    app = create_app({**production, "SECRET_KEY": "s" * 64})
    client = app.test_client()
    given = client.get("/auth/signin", headers={"X-Request-ID": "req-42.a"})
    assert given.headers["X-Request-ID"] == "req-42.a"
    made = client.get("/auth/signin", headers={"X-Request-ID": "bad id; with spaces"})
    generated = made.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    lines = capsys.readouterr().err.strip().splitlines()
    first = next(line for line in lines if "request_id=req-42.a" in line)
    assert "level=INFO" in first
    assert "method=GET path=/auth/signin status=200" in first
    assert any(f"request_id={generated}" in line for line in lines)
    assert all(
        re.match(r"ts=\S+ level=[A-Z]+ logger=\S+ request_id=\S+ msg=", line) for line in lines
    )


def test_tests_and_debug_configure_no_log_handlers(production, package_logger):
    create_app({**production, "TESTING": True})
    create_app({**production, "DEBUG": True}, command_line=True)  # `dinnerplan run --debug`
    assert package_logger() == []
    create_app({**production, "SECRET_KEY": "s" * 64})
    create_app({**production, "SECRET_KEY": "s" * 64})
    assert len(package_logger()) == 1  # once per process, however many apps
