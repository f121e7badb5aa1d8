"""Prepared data for the review page (organizer) and a guest's own table (RSVP page, emails).

Templates get these dataclasses and do no querying or sorting.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from dinnerplan.models import Event, Guest, SeatingVersion
from dinnerplan.profile import DIETARY, intent_label
from dinnerplan.seating import versions as v


@dataclass(frozen=True)
class GuestCard:
    """One guest on a table card."""

    id: int
    name: str
    company: str
    intent: str
    best: str | None
    reasons: tuple[str, ...]
    score: float
    flag: str  # why this guest may have a poor table ('' when fine)
    locked: bool


@dataclass(frozen=True)
class TableCard:
    """One table: its guests in talk order, score, warnings and dietary needs."""

    id: int
    name: str
    min: int
    max: int
    score: float
    guests: tuple[GuestCard, ...]
    warnings: tuple[str, ...]
    dietary: tuple[str, ...]
    all_locked: bool


@dataclass(frozen=True)
class Review:
    """A version as the organizer reviews it."""

    version: SeatingVersion
    tables: tuple[TableCard, ...]
    headline: str
    status_line: str
    total: float
    unseated: tuple[str, ...]  # confirmed guests missing from this version
    publishable: bool


def status_line(version: SeatingVersion) -> str:
    """'Optimal', 'Best found in 12 s', or the state of the run."""
    if version.status == "feasible":
        return f"Best found in {version.seconds or 0:.0f} s"
    if version.status == "optimal" and version.seconds is not None:
        return f"Optimal (found in {version.seconds:.0f} s)"
    return v.STATUS_LABELS.get(version.status, version.status)


def headline(summary: dict) -> str:
    """'41 of 48 guests sit with someone who offers what they need (43 possible)'."""
    m = summary.get("metrics") or {}
    return (
        f"{m.get('helped', 0)} of {m.get('seated', 0)} guests sit with someone who offers "
        f"what they need ({m.get('helpable', 0)} possible)"
    )


def _dietary(guests: list[Guest]) -> tuple[str, ...]:
    counts = Counter(DIETARY.get(d, d) for g in guests for d in g.dietary or ())
    notes = [f"{g.first_name}: {g.dietary_other}" for g in guests if g.dietary_other]
    return tuple(f"{n} × {label}" for label, n in sorted(counts.items())) + tuple(notes)


def _flag(entry: dict) -> str:
    if entry.get("helpable") and not entry.get("helped"):
        return "Nobody here offers what they need"
    if entry.get("best") is None:
        return "No relevant match at this table"
    return ""


def build_review(event: Event, version: SeatingVersion, confirmed: list[Guest]) -> Review:
    """Prepare a seated version's table cards, headline and status."""
    summary = version.summary or {}
    rows = sorted(version.assignments, key=lambda a: (a.table_id, a.seat_order))
    guests = v.guests_by_id(a.guest_id for a in rows)
    cards = []
    for table in v.tables_of(event):
        here = [a for a in rows if a.table_id == table.id]
        info = summary.get("tables", {}).get(str(table.id), {})
        people = []
        for a in here:
            g, entry = guests[a.guest_id], summary.get("guests", {}).get(str(a.guest_id), {})
            best = guests.get(entry.get("best")) if entry.get("best") else None
            people.append(
                GuestCard(
                    g.id,
                    g.name,
                    g.company,
                    intent_label(g.intent),
                    best.name if best else None,
                    tuple(entry.get("reasons", ())),
                    float(entry.get("score", 0.0)),
                    _flag(entry),
                    a.locked,
                )
            )
        cards.append(
            TableCard(
                table.id,
                table.name,
                table.min_seats,
                table.max_seats,
                float(info.get("score", 0.0)),
                tuple(people),
                tuple(info.get("warnings", ())),
                _dietary([guests[a.guest_id] for a in here]),
                bool(here) and all(a.locked for a in here),
            )
        )
    seated = {a.guest_id for a in rows}
    warnings = any(c.warnings for c in cards)
    return Review(
        version,
        tuple(cards),
        headline(summary),
        status_line(version),
        float(summary.get("metrics", {}).get("objective", 0.0)),
        tuple(g.name for g in confirmed if g.id not in seated),
        version.status in v.SEATED and not warnings,
    )


@dataclass(frozen=True)
class Tablemate:
    """Someone at the guest's table; contact fields are None unless that person consented."""

    id: int
    name: str
    company: str
    one_liner: str
    intent: str | None
    intent_label: str
    email: str | None
    phone: str | None
    linkedin: str | None
    reasons: tuple[str, ...]  # why the guest and this tablemate should meet
    score: float


@dataclass(frozen=True)
class TalkTurn:
    """One speaker in the table's talk order."""

    position: int  # 1-based
    guest_id: int
    name: str
    is_you: bool
    starts_after: int  # minutes after the round starts


@dataclass(frozen=True)
class TableView:
    """A guest's own table in the published seating."""

    event_id: int
    version_number: int
    table_id: int
    table_name: str
    guest_id: int
    tablemates: tuple[Tablemate, ...]  # in talk order
    first: Tablemate | None  # who to talk to first
    first_reasons: tuple[str, ...]  # and why
    talk_order: tuple[TalkTurn, ...]
    minutes_per_guest: int


def _mate(g: Guest, reasons: tuple[str, ...], score: float) -> Tablemate:
    return Tablemate(
        g.id,
        g.name,
        g.company,
        g.one_liner,
        g.intent,
        intent_label(g.intent),
        g.email if g.share_email else None,
        (g.phone or None) if g.share_phone else None,
        (g.linkedin or None) if g.share_linkedin else None,
        reasons,
        score,
    )


def table_view(guest: Guest, version: SeatingVersion, event: Event) -> TableView | None:
    """Build the guest's TableView from a version, or None when they are not seated in it."""
    mine = next((a for a in version.assignments if a.guest_id == guest.id), None)
    if mine is None:
        return None
    here = sorted(
        (a for a in version.assignments if a.table_id == mine.table_id), key=lambda a: a.seat_order
    )
    people = v.guests_by_id(a.guest_id for a in here)
    pairs = (version.summary or {}).get("tables", {}).get(str(mine.table_id), {}).get("pairs", [])
    with_me = {
        p["b"] if p["a"] == guest.id else p["a"]: p for p in pairs if guest.id in (p["a"], p["b"])
    }
    mates = tuple(
        _mate(
            people[a.guest_id],
            tuple(with_me.get(a.guest_id, {}).get("reasons", ())),
            float(with_me.get(a.guest_id, {}).get("score", 0.0)),
        )
        for a in here
        if a.guest_id != guest.id
    )
    best = (version.summary or {}).get("guests", {}).get(str(guest.id), {}).get("best")
    first = next((m for m in mates if m.id == best), None)
    minutes = event.minutes_per_guest or 0
    turns = tuple(
        TalkTurn(i + 1, a.guest_id, people[a.guest_id].name, a.guest_id == guest.id, i * minutes)
        for i, a in enumerate(here)
    )
    table = next(t for t in v.tables_of(event) if t.id == mine.table_id)
    return TableView(
        event.id,
        version.number,
        table.id,
        table.name,
        guest.id,
        mates,
        first,
        first.reasons if first else (),
        turns,
        minutes,
    )
