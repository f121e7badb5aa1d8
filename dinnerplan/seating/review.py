"""Prepared data for the review page (organizer) and a guest's own table (RSVP page, emails).

Templates get these dataclasses and do no querying or sorting.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from dinnerplan.extensions import db
from dinnerplan.models import Event, Guest, SeatingVersion, VersionStatus
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
    moved: bool = False  # at another table than in the version this one came from
    lost_helper: bool = False  # sat with a helper there, not here


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
    helped: int = 0  # guests here who sit with someone who offers what they need...
    helpable: int = 0  # ...of those someone at the dinner could help
    weakest: bool = False  # the table with the lowest mean pair score


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
    size_note: str = ""  # why table sizes differ by more than one guest ('' when they don't)
    weakest: str = ""  # 'Weakest table: Table 7, mean pair score 2.1 (64% of the average)'
    series: str = ""  # 'Kept apart 1050 pairs who sat together at an earlier dinner...'
    repeats: tuple[str, ...] = ()  # 'Ana and Ben sat together at the March dinner'
    moved: int = 0  # guests at another table than in the version before
    lost: int = 0  # guests who lost the helper at their table since the version before


def status_line(version: SeatingVersion) -> str:
    """'Optimal', 'Best found in 12 s', or the state of the run."""
    if version.status == VersionStatus.FEASIBLE:
        return f"Best found in {version.seconds or 0:.0f} s"
    if version.status == VersionStatus.OPTIMAL and version.seconds is not None:
        return f"Optimal (found in {version.seconds:.0f} s)"
    return v.STATUS_LABELS.get(version.status, version.status)


def progress_of(latest: SeatingVersion | None, url: str) -> dict:
    """The newest run's state for the page's progress poll (JSON)."""
    if latest is None:
        return {"status": "none", "done": True}
    return {
        "number": latest.number,
        "status": latest.status,
        "label": status_line(latest),
        "progress": (latest.summary or {}).get("progress", ""),
        "reason": latest.reason,
        "done": latest.status not in v.ACTIVE,
        "url": url,
    }


def headline(summary: dict) -> str:
    """'41 of 48 guests sit with someone who offers what they need (43 possible)'."""
    m = summary.get("metrics") or {}
    return (
        f"{m.get('helped', 0)} of {m.get('seated', 0)} guests sit with someone who offers "
        f"what they need ({m.get('helpable', 0)} possible)"
    )


def weakest_line(summary: dict, names: dict[int, str]) -> str:
    """Name the table with the lowest mean pair score and compare it with the average."""
    weakest = (summary.get("metrics") or {}).get("weakest")
    if not weakest:
        return ""
    name = names.get(weakest["table"], f"table {weakest['table']}")
    return (
        f"Weakest table: {name}, mean pair score {weakest['quality']:.1f} "
        f"({weakest['ratio']:.0%} of the average table)"
    )


def series_lines(summary: dict) -> tuple[str, tuple[str, ...]]:
    """Say how many earlier tablemates were kept apart, and name who repeats and why."""
    apart, repeats = summary.get("series_apart", 0), summary.get("repeats", [])
    if not apart and not repeats:
        return "", ()
    line = f"Kept apart {apart} pair{'s' if apart != 1 else ''} of guests who sat together"
    line += " at an earlier dinner of the series"
    if repeats:
        line += (
            f"; {len(repeats)} pair{'s' if len(repeats) != 1 else ''} sit together again "
            "because no seating with these tables and rules keeps everyone apart"
        )
    return line, tuple(f"{r['a']} and {r['b']} sat together at {r['where']}" for r in repeats)


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


def _changes(version: SeatingVersion) -> tuple[set[int], set[int]]:
    """Return the guests moved since the parent version and those who lost their helper."""
    summary = version.summary or {}
    moved = {m["guest"] for m in summary.get("moved", []) if m.get("from") is not None}
    parent = db.session.get(SeatingVersion, version.parent_id) if version.parent_id else None
    if parent is None:
        return moved, set()

    def helped(s: dict) -> set[int]:
        return {int(g) for g, e in s.get("guests", {}).items() if e.get("helped")}

    lost = helped(parent.summary or {}) - helped(summary)
    return moved, {g for g in lost if str(g) in summary.get("guests", {})}


def _guest_card(g: Guest, a, entry: dict, best: Guest | None, moved, lost) -> GuestCard:
    return GuestCard(
        g.id,
        g.name,
        g.company,
        intent_label(g.intent),
        best.name if best else None,
        tuple(entry.get("reasons", ())),
        float(entry.get("score", 0.0)),
        _flag(entry),
        a.locked,
        g.id in moved,
        g.id in lost,
    )


def build_review(event: Event, version: SeatingVersion, confirmed: list[Guest]) -> Review:
    """Prepare a seated version's table cards, headline and status."""
    summary = version.summary or {}
    rows = sorted(version.assignments, key=lambda a: (a.table_id, a.seat_order))
    guests = v.guests_by_id(a.guest_id for a in rows)
    moved, lost = _changes(version)
    weakest = ((summary.get("metrics") or {}).get("weakest") or {}).get("table")
    cards = []
    for table in v.tables_of(event):
        here = [a for a in rows if a.table_id == table.id]
        info = summary.get("tables", {}).get(str(table.id), {})
        people = []
        for a in here:
            entry = summary.get("guests", {}).get(str(a.guest_id), {})
            best = guests.get(entry.get("best")) if entry.get("best") else None
            people.append(_guest_card(guests[a.guest_id], a, entry, best, moved, lost))
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
                int(info.get("helped", 0)),
                int(info.get("helpable", 0)),
                table.id == weakest,
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
        summary.get("size_note", ""),
        weakest_line(summary, {c.id: c.name for c in cards}),
        *series_lines(summary),
        len(moved & seated),
        len(lost),
    )
