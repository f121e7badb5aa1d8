"""WSGI entry point: `gunicorn wsgi:app`."""

from dinnerplan.app import create_app

app = create_app()
