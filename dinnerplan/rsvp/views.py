"""Invitations and the guest's personal RSVP page."""

from flask import Blueprint

bp = Blueprint("rsvp", __name__)
