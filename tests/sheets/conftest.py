"""Fixtures for printed sheets: seated events built directly with the ORM."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from dinnerplan.extensions import db
from dinnerplan.models import Assignment, Guest, SeatingVersion, Table
from dinnerplan.models._base import utcnow

HTML_NAME = "<b>Bold</b> & <script>x</script>"
UNICODE_NAMES = ["Zoë Ødegaard", "Ωmega Σ", "李小龙", "Ана Петрова"]
_seq = itertools.count(1)


@dataclass
class Seated:
    """A seated event: ids of its version, tables (in order) and guests per table."""

    event_id: int
    version_id: int
    table_names: list[str]
    seating: dict[str, list[str]]  # table name -> guest names in talk order

    @property
    def guests(self) -> list[str]:
        """Every seated guest's name."""
        return [name for names in self.seating.values() for name in names]


@pytest.fixture()
def app_config(app_config, tmp_path):
    """Keep rendered PDFs in the test's own folder, not the instance folder."""
    app_config["SHEETS_DIR"] = str(tmp_path / "sheets")
    return app_config


def seat(app, event, tables: list[list[dict]], *, status="optimal", published=False) -> Seated:
    """Create tables, guests, a seating version with assignments and a pair summary."""
    with app.app_context():
        version = SeatingVersion(
            event_id=event.id,
            number=next(_seq),
            kind="solve",
            status=status,
            published_at=utcnow() if published else None,
        )
        db.session.add(version)
        seating, summary_tables, rows = {}, {}, []
        for position, guests in enumerate(tables, start=1):
            table = Table(event_id=event.id, name=f"Table {position}", position=position)
            db.session.add(table)
            db.session.flush()
            people = []
            for fields in guests:
                n = next(_seq)
                values = {"name": f"Guest Number{n}", "email": f"g{n}@example.com"} | fields
                people.append(Guest(event_id=event.id, **values))
            db.session.add_all(people)
            db.session.flush()
            rows += [
                Assignment(version_id=version.id, guest_id=g.id, table_id=table.id, seat_order=i)
                for i, g in enumerate(people)
            ]
            seating[table.name] = [g.name for g in people]
            summary_tables[str(table.id)] = {
                "score": 9.0,
                "pairs": [
                    {
                        "a": a.id,
                        "b": b.id,
                        "score": 8.0 - i,
                        "reasons": [f"{a.first_name} needs intros — {b.first_name} offers intros"],
                    }
                    for i, (a, b) in enumerate(zip(people, people[1:], strict=False))
                ],
            }
        db.session.add_all(rows)
        version.summary = {"tables": summary_tables, "guests": {}, "metrics": {}}
        db.session.commit()
        return Seated(event.id, version.id, list(seating), seating)


def demo_tables(n_tables: int = 3, per_table: int = 6) -> list[list[dict]]:
    """Tables of realistic guests, with the Unicode and HTML names spread among them."""
    specials = [*UNICODE_NAMES, HTML_NAME, "Ludwig van Beethoven"]
    tables = []
    for t in range(n_tables):
        guests = []
        for s in range(per_table):
            i = t * per_table + s
            name = specials[i] if i < len(specials) else f"Guest{i} Person{chr(65 + i % 26)}"
            guests.append(
                {
                    "name": name,
                    "company": f"Company {i}",
                    "title": "Founder",
                    "one_liner": "Builds tools for small restaurants.",
                    "offers": ["intros to seed funds", "pricing advice"],
                    "needs": ["a CTO"],
                    "intent": "partners",
                    "dietary": ["vegan"] if i % 4 == 0 else [],
                    "dietary_other": "no mushrooms" if i % 5 == 0 else "",
                    "accessibility": "step-free access" if i % 7 == 0 else "",
                }
            )
        tables.append(guests)
    return tables


def pdf_pages(data: bytes) -> list[str]:
    """Text of each page of a PDF."""
    from io import BytesIO

    return [page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages]


def sign_in_as(client, organizer) -> None:
    """Put the organizer in the session, as Flask-Login would after signing in."""
    with client.session_transaction() as s:
        s["_user_id"] = organizer.get_id()
        s["_fresh"] = True
