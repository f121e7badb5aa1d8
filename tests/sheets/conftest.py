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


@pytest.fixture
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
                values = {"name": f"Guest Number{n}", "email": f"g{n}@example.com", "rsvp": "yes"}
                values |= fields
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


FIRST = [
    "Amara",
    "Bruno",
    "Chloé",
    "Dmitri",
    "Elif",
    "Farid",
    "Greta",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Kavya",
    "Lars",
    "Mei",
    "Nadia",
    "Oscar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sven",
    "Tariq",
]
LAST = [
    "Okafor",
    "de la Cruz",
    "Lindqvist",
    "O'Neill",
    "van Dijk",
    "Nakamura",
    "Rossi",
    "Schmidt",
    "Haddad",
    "Kowalski",
    "di Stefano",
    "Müller",
    "Novak",
    "Ferreira",
    "Ibrahim",
    "Larsen",
]
OFFERS = [
    "intros to seed funds",
    "pricing strategy",
    "hiring senior engineers",
    "B2B sales playbooks",
    "grant applications",
    "supply-chain contacts in Asia",
    "brand design",
    "legal basics",
]
INTENTS = ["peers", "clients", "investors", "hire", "job", "partners", "give_back"]


def demo_tables(n_tables: int = 3, per_table: int = 6) -> list[list[dict]]:
    """Tables of plausible guests, the Unicode and HTML names first, some with dietary needs."""
    specials = [*UNICODE_NAMES, HTML_NAME, "Ludwig van Beethoven"]
    tables = []
    for t in range(n_tables):
        guests = []
        for s in range(per_table):
            i = t * per_table + s
            # Distinct for the first 320 guests: the surname index steps by 13 (coprime to 16).
            first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST) * 61 + i * 3) % len(LAST)]
            name = specials[i] if i < len(specials) else f"{first} {last}"
            guests.append(
                {
                    "name": name,
                    "company": f"{LAST[i % len(LAST)].title()} & Partners {i}",
                    "title": "Founder" if i % 3 else "Head of Growth",
                    "one_liner": "Helps small restaurants buy better produce for less.",
                    "offers": [OFFERS[i % len(OFFERS)], OFFERS[(i + 3) % len(OFFERS)]],
                    "needs": [OFFERS[(i + 5) % len(OFFERS)]],
                    "intent": INTENTS[i % len(INTENTS)],
                    "dietary": ["vegan"] if i % 4 == 0 else (["nut_allergy"] if i % 9 == 0 else []),
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
