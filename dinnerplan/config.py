"""Configuration: safe defaults, then the environment, then the instance file, then tests.

Every key the code reads is declared once in `Config` with its default, and documented once
in the README's configuration table. Production refuses to start on the development key.
"""

from __future__ import annotations

import os
from pathlib import Path

# The development key: fine on a laptop, never in production (sessions, CSRF tokens, reset
# and guest links would all be forgeable).
DEV_SECRET_KEY = "dev-only-change-me"


class ConfigError(RuntimeError):
    """The configuration is unsafe or incomplete; the message says what to set."""


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    """Safe defaults; every value can be overridden from the environment."""

    SECRET_KEY = DEV_SECRET_KEY
    SQLALCHEMY_DATABASE_URI: str | None = None  # None: SQLite file in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024  # uploads (CSV) up to 2 MB
    IMPORT_MAX_ROWS = 5000  # guests in one CSV import (one transaction)
    LIST_PAGE_SIZE = 100  # guests per page on the guest and RSVP lists
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    WTF_CSRF_TIME_LIMIT = 8 * 3600
    # Public address used in links inside emails (jobs and the CLI have no request).
    BASE_URL = "http://127.0.0.1:5000"
    REDIS_URL: str | None = None
    RQ_QUEUE = "dinnerplan"  # the RQ queue jobs go on (workers listen to the same name)
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_SIGNIN = "10 per minute"
    MAIL_SERVER: str | None = None  # None: messages go to the local outbox
    MAIL_PORT = 25
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_USE_TLS = False
    MAIL_USE_SSL = False
    MAIL_TIMEOUT = 10
    # A message still 'sending' this long after a worker claimed it was interrupted (the worker
    # died before recording the outcome); the workers' sweep queues it again (or the organizer).
    MAIL_SENDING_TIMEOUT = 600
    CLOCK = None  # tests only: a function returning the current UTC time (naive)
    MAIL_DEFAULT_SENDER = "dinnerplan <no-reply@dinnerplan.local>"
    MAIL_DAILY_QUOTA = 500  # guest emails one account may send per day (UTC)
    # Set by `dinnerplan run` when there is no mail server: password-reset emails are also
    # printed in its console (a signed-out organizer cannot open the outbox).
    MAIL_CONSOLE_ECHO = False
    SOLVER_TIME_LIMIT = 10.0
    SOLVER_WORKERS = 0  # 0: all cores
    SOLVER_FAIRNESS = 1.0  # weight of "every guest gets someone who can help" vs the total
    JOBS_EAGER = False  # run background jobs inline, inside the request (tests)
    IMPORT_FOLDER: str | None = None  # None: instance/imports (CSV uploads awaiting confirmation)
    SHEETS_DIR: str | None = None  # None: instance/sheets (rendered PDFs)
    SHEETS_INLINE_MAX_GUESTS = 80  # above this, PDF downloads are rendered by a job
    MAIL_BACKEND = "smtp"  # "file" when MAIL_SERVER is unset: the local outbox
    MAIL_FILE_PATH: str | None = None  # None: instance/outbox
    LOG_LEVEL = "INFO"  # structured request logs on stderr (not in debug or testing)
    # Optional sentence-embedding plug-in for reading needs and offers ("model2vec:MODEL" or
    # "sentence-transformers:MODEL"); None: nothing loaded, nothing downloaded.
    MATCHING_EMBEDDINGS: str | None = None
    # Folder where the trained topic reader is kept, so a new process loads it in a second
    # instead of training it again; None: instance/cache; "off": train in every process.
    MATCHING_CACHE: str | None = None


ENV_STRINGS = (
    "DATABASE_URL",
    "REDIS_URL",
    "RQ_QUEUE",
    "MAIL_SERVER",
    "MAIL_USERNAME",
    "MAIL_PASSWORD",
    "MAIL_DEFAULT_SENDER",
    "SECRET_KEY",
    "BASE_URL",
    "LOG_LEVEL",
    "MATCHING_EMBEDDINGS",
    "MATCHING_CACHE",
)


def from_environment(environ: os._Environ | dict | None = None) -> dict:
    """Read the documented environment variables into config keys."""
    env = os.environ if environ is None else environ
    out: dict = {}
    for name in ENV_STRINGS:
        if env.get(name):
            out[name] = env[name]
    if "DATABASE_URL" in out:
        out["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(out.pop("DATABASE_URL"))
    if "REDIS_URL" in out:
        out["RATELIMIT_STORAGE_URI"] = out["REDIS_URL"]
    if env.get("MAIL_PORT"):
        out["MAIL_PORT"] = int(env["MAIL_PORT"])
    for name in ("MAIL_USE_TLS", "MAIL_USE_SSL", "SESSION_COOKIE_SECURE"):
        if env.get(name):
            out[name] = _bool(env[name], False)
    if "SESSION_COOKIE_SECURE" in out:
        out["REMEMBER_COOKIE_SECURE"] = out["SESSION_COOKIE_SECURE"]
    if env.get("SOLVER_TIME_LIMIT"):
        out["SOLVER_TIME_LIMIT"] = float(env["SOLVER_TIME_LIMIT"])
    if env.get("SOLVER_WORKERS"):
        out["SOLVER_WORKERS"] = int(env["SOLVER_WORKERS"])
    return out


def normalise_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs given in the common short forms."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def instance_path(environ: os._Environ | dict | None = None) -> str:
    """The instance folder: DINNERPLAN_INSTANCE, else ./instance in the working directory.

    The same place whether dinnerplan was installed with `pip install .` or `-e .` (Flask's
    own default puts it inside the virtualenv for a regular install).
    """
    env = os.environ if environ is None else environ
    return str(Path(env.get("DINNERPLAN_INSTANCE") or Path.cwd() / "instance").resolve())


def check_production(config: dict, *, debug: bool, command_line: bool) -> None:
    """Refuse to serve in debug mode or without a real SECRET_KEY.

    Tests and the `dinnerplan` command line, whose `run` is the development server, may use
    both.
    """
    if config.get("TESTING") or command_line:
        return
    if debug:
        raise ConfigError(
            "Debug mode is on (FLASK_DEBUG or DEBUG) in a served app: it shows tracebacks "
            "to visitors and is for development only. Unset it, or develop with "
            "`dinnerplan run`."
        )
    key = config.get("SECRET_KEY")
    if not key or key == DEV_SECRET_KEY:
        raise ConfigError(
            "SECRET_KEY is not set (or is the development key), so sessions and guest links "
            "could be forged. Set the SECRET_KEY environment variable to a long random value, "
            "e.g. the output of: python -c 'import secrets; print(secrets.token_hex(32))'"
        )
