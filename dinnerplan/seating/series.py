"""Dinner series: guests who shared a table at an earlier dinner of the series sit apart.

Guests are matched across dinners by email (case-insensitive). Earlier dinners are the
organizer's events of the same series that start before this one (their current seating),
plus seatings imported from CSV (table,email) for series that began elsewhere.
Operations flush, never commit.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from itertools import combinations

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, SeriesSeat
from dinnerplan.seating import versions as v

# Points a repeat costs when keeping every earlier pair apart is impossible: more than any
# pair can gain (pair scores are about 0-30), so a repeat is a last resort.
REPEAT_PENALTY = 100.0


class SeriesImportError(ValueError):
    """The CSV cannot be imported; the message says which line and why."""


def _pairs_of(tables: dict[str, set[str]], where: str, out: dict) -> None:
    for emails in tables.values():
        for a, b in combinations(sorted(emails), 2):
            out.setdefault((a, b), where)


def earlier_pairs(event: Event) -> dict[tuple[str, str], str]:
    """Return {(email, email): dinner} for guests who shared a table earlier in the series."""
    if not event.series:
        return {}
    pairs: dict[tuple[str, str], str] = {}
    earlier = db.session.scalars(
        db.select(Event).where(
            Event.organizer_id == event.organizer_id,
            Event.series == event.series,
            Event.id != event.id,
            Event.starts_at < event.starts_at,
        )
    )
    for other in earlier:
        version = v.current_version(other)
        guests = v.guests_by_id(v.seating_of(version))
        tables: dict[str, set[str]] = {}
        for gid, tid in v.seating_of(version).items():
            if guests[gid].email:
                tables.setdefault(str(tid), set()).add(guests[gid].email.strip().lower())
        _pairs_of(tables, other.title, pairs)
    imported: dict[str, dict[str, set[str]]] = {}
    for seat in db.session.scalars(
        db.select(SeriesSeat).where(
            SeriesSeat.organizer_id == event.organizer_id, SeriesSeat.series == event.series
        )
    ):
        imported.setdefault(seat.dinner, {}).setdefault(seat.table, set()).add(seat.email)
    for dinner, tables in imported.items():
        _pairs_of(tables, dinner, pairs)
    return pairs


def repeat_pairs(event: Event, guests: Iterable[Guest]) -> list[tuple[int, int, str]]:
    """Return (guest id, guest id, dinner) for this dinner's guests who sat together before."""
    pairs = earlier_pairs(event)
    if not pairs:
        return []
    by_email: dict[str, int] = {}
    for g in guests:
        if g.email:
            by_email.setdefault(g.email.strip().lower(), g.id)
    return sorted(
        (by_email[a], by_email[b], where)
        for (a, b), where in pairs.items()
        if a in by_email and b in by_email
    )


def parse_seats(text: str) -> list[tuple[str, str]]:
    """Read (table, email) rows from CSV text with a header 'table,email'."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in next(reader, [])]
    if "table" not in header or "email" not in header:
        raise SeriesImportError("The first line must name the columns: table,email.")
    t, e = header.index("table"), header.index("email")
    rows = []
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        table = row[t].strip() if len(row) > t else ""
        email = row[e].strip().lower() if len(row) > e else ""
        if not table or "@" not in email:
            raise SeriesImportError(f"Line {line}: give a table and an email address.")
        rows.append((table[:80], email[:254]))
    if not rows:
        raise SeriesImportError("The file has no seats in it.")
    return rows


def import_seats(organizer_id: int, series: str, dinner: str, rows: list[tuple[str, str]]) -> int:
    """Record an earlier dinner's seats (replacing an import of the same name); return count."""
    series, dinner = series.strip(), dinner.strip()
    if not series or not dinner:
        raise SeriesImportError("Name the series and the earlier dinner.")
    db.session.execute(
        db.delete(SeriesSeat).where(
            SeriesSeat.organizer_id == organizer_id,
            SeriesSeat.series == series,
            SeriesSeat.dinner == dinner,
        )
    )
    for table, email in rows:
        db.session.add(
            SeriesSeat(
                organizer_id=organizer_id, series=series, dinner=dinner, table=table, email=email
            )
        )
    db.session.flush()
    return len(rows)
