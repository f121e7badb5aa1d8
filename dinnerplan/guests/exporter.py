"""The guest list as CSV: the same file for the web export and `dinnerplan guests export`."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

from dinnerplan import names
from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest
from dinnerplan.profile import DIETARY, intent_label, join_items
from dinnerplan.spreadsheets import safe_cell

COLUMNS = (
    "name",
    "email",
    "company",
    "title",
    "industry",
    "one_liner",
    "offers",
    "needs",
    "intent",
    "dietary",
    "accessibility",
    "rsvp",
    "notes",
    "need_topics",  # confirmed help-topic ids, read back by the importer
    "offer_topics",
)


def guest_row(guest: Guest) -> list[str]:
    """One guest as export cells; lists joined with '; '."""
    dietary = [DIETARY.get(key, key) for key in guest.dietary or []]
    if guest.dietary_other:
        dietary.append(guest.dietary_other)
    values = {
        "name": guest.name,
        "email": guest.email,
        "company": guest.company,
        "title": guest.title,
        "industry": guest.industry,
        "one_liner": guest.one_liner,
        "offers": join_items(guest.offers),
        "needs": join_items(guest.needs),
        "need_topics": join_items(guest.need_topics),
        "offer_topics": join_items(guest.offer_topics),
        "intent": intent_label(guest.intent),
        "dietary": "; ".join(dietary),
        "accessibility": guest.accessibility,
        "rsvp": guest.rsvp,
        "notes": guest.notes,
    }
    return [safe_cell(values[column] or "") for column in COLUMNS]


def export_csv(event: Event) -> str:
    """The event's guest list as CSV text, starting with a BOM so Excel reads UTF-8."""
    guests = db.session.scalars(db.select(Guest).where(Guest.event_id == event.id))
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(guest_row(guest) for guest in sorted(guests, key=names.by_name))
    return out.getvalue()


def export_filename(event: Event) -> str:
    """A safe file name from the event title: 'Founders' Supper' -> founders-supper-guests.csv."""
    ascii_title = unicodedata.normalize("NFKD", event.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower().replace("'", "")).strip("-")[:60]
    return f"{slug or 'event'}-guests.csv"
