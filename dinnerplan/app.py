"""Application factory: a short list of register_* calls, no work at import time."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from flask import Flask

from dinnerplan import config as config_module


def create_app(test_config: dict | None = None, *, command_line: bool = False) -> Flask:
    """Create and configure the dinnerplan app (`command_line`: for the `dinnerplan` CLI)."""
    app = Flask(
        __name__.split(".")[0],
        template_folder=str(_asset_dir("templates")),
        static_folder=str(_asset_dir("static")),
        instance_path=config_module.instance_path(),
        instance_relative_config=True,
    )
    configure(app, test_config)
    config_module.check_production(app.config, debug=app.debug, command_line=command_line)
    register_logging(app)
    register_headers(app)
    register_guards(app)
    register_extensions(app)
    register_blueprints(app)
    register_errors(app)
    register_template_helpers(app)
    register_matching(app, warm=not (app.testing or command_line))
    return app


def _asset_dir(name: str) -> Path:
    """templates/ and static/ sit at the repository root; a wheel ships them in the package."""
    packaged = Path(__file__).parent / name
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / name


def configure(app: Flask, test_config: dict | None) -> None:
    """Defaults, then the environment, then instance/config.py, then the test dict."""
    app.config.from_object(config_module.Config)
    app.config.update(config_module.from_environment())
    app.config.from_pyfile("config.py", silent=True)
    if test_config:
        app.config.update(test_config)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        os.makedirs(app.instance_path, exist_ok=True)
        db_path = Path(app.instance_path) / "dinnerplan.sqlite"
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{db_path}"
    if not app.config.get("MAIL_FILE_PATH"):
        app.config["MAIL_FILE_PATH"] = str(Path(app.instance_path) / "outbox")
    if not app.config.get("MAIL_SERVER"):
        app.config["MAIL_BACKEND"] = "file"


def register_matching(app: Flask, *, warm: bool) -> None:
    """Plug in the optional sentence-embedding model (MATCHING_EMBEDDINGS), or none.

    The trained topic reader is kept in MATCHING_CACHE (default instance/cache). A served app
    (`warm`) loads or trains it in the background at start, so the first guest to type a need
    does not wait the seconds it takes.
    """
    from dinnerplan.matching import classifier, embeddings, topics

    cache = app.config.get("MATCHING_CACHE")
    classifier.use_cache(None if cache == "off" else cache or Path(app.instance_path) / "cache")

    spec = app.config.get("MATCHING_EMBEDDINGS")
    try:
        topics.use_encoder(embeddings.load_encoder(spec) if spec else None)
    except embeddings.EmbeddingsError as exc:
        raise config_module.ConfigError(str(exc)) from exc
    if warm:
        threading.Thread(target=topics.warm, name="warm-topic-reader", daemon=True).start()


def register_extensions(app: Flask) -> None:
    """Bind the unbound extensions to this app."""
    from dinnerplan import models  # noqa: F401  (register tables with the metadata)
    from dinnerplan.auth.sessions import load_organizer
    from dinnerplan.extensions import csrf, db, limiter, login, mail, migrate

    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(Path(__file__).parent / "migrations"), render_as_batch=True
    )
    csrf.init_app(app)
    login.init_app(app)
    login.user_loader(load_organizer)
    login.login_view = "auth.signin"
    login.login_message = "Please sign in to continue."
    mail.init_app(app)
    limiter.init_app(app)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        _sqlite_pragmas(app)


def _sqlite_pragmas(app: Flask) -> None:
    """Enforce foreign keys and wait on locks in SQLite, as PostgreSQL would."""
    from sqlalchemy import event

    from dinnerplan.extensions import db

    with app.app_context():

        @event.listens_for(db.engine, "connect")
        def _on_connect(dbapi_connection, _record):  # pragma: no cover - driver hook
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()


def register_logging(app: Flask) -> None:
    """Request ids always; structured log lines on stderr unless debugging or testing."""
    from dinnerplan.logs import register

    register(app)


def register_headers(app: Flask) -> None:
    """Content Security Policy, frame, referrer and sniffing headers on every response."""
    from dinnerplan.headers import register

    register(app)


def register_guards(app: Flask) -> None:
    """Refuse input the database cannot store (before any route is added)."""
    from dinnerplan.guards import register

    register(app)


def register_blueprints(app: Flask) -> None:
    """One blueprint per area."""
    from dinnerplan.auth.views import bp as auth_bp
    from dinnerplan.events.views import bp as events_bp
    from dinnerplan.followups.views import bp as followups_bp
    from dinnerplan.guests.views import bp as guests_bp
    from dinnerplan.intros.views import bp as intros_bp
    from dinnerplan.mail.views import bp as mail_bp
    from dinnerplan.night.views import bp as night_bp
    from dinnerplan.rsvp.views import bp as rsvp_bp
    from dinnerplan.seating.views import bp as seating_bp
    from dinnerplan.sheets.views import bp as sheets_bp
    from dinnerplan.topics.views import bp as topics_bp

    for bp in (auth_bp, events_bp, guests_bp, rsvp_bp, mail_bp, intros_bp, sheets_bp):
        app.register_blueprint(bp)
    app.register_blueprint(seating_bp)
    app.register_blueprint(followups_bp)
    app.register_blueprint(night_bp)
    app.register_blueprint(topics_bp)
    app.add_url_rule("/", endpoint="index", view_func=app.view_functions["events.index"])


def register_errors(app: Flask) -> None:
    """Render errors/<code>.html; roll back on server errors."""
    from dinnerplan.errors import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    """Filters and globals the templates share."""
    from dinnerplan.templating import register

    register(app)
