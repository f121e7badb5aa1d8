"""`dinnerplan guests import|export`: same code paths as the web pages."""

from flask.cli import AppGroup

guests_cli = AppGroup("guests", help="Import and export an event's guest list.")
