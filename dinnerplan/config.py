"""Configuration: safe defaults, then the environment, then the instance file, then tests."""

from __future__ import annotations

import os


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    """Safe defaults; every value can be overridden from the environment."""

    SECRET_KEY = "dev-only-change-me"
    SQLALCHEMY_DATABASE_URI: str | None = None  # None: SQLite file in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024  # uploads (CSV) up to 2 MB
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
    SOLVER_TIME_LIMIT = 10.0
    SOLVER_WORKERS = 0  # 0: all cores
    MIGRATE_ON_START = True


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
