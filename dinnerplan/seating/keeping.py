"""What a re-seat keeps: locked guests, hosts, and every hand move since the last full seating.

A guest the organizer moved (or swapped) by hand is an implicit lock: "Re-seat the rest"
leaves them where the organizer put them. "Re-seat everyone" (kind "reseat_all") keeps only
the explicit locks and the hosts, and starts a new chain: hand moves before it are let go.
"""

from __future__ import annotations

from dataclasses import dataclass

from dinnerplan.extensions import db
from dinnerplan.models import Event, SeatingVersion, VersionKind
from dinnerplan.seating import versions as v

# Versions after which earlier hand moves no longer count: a fresh seating of everyone.
FULL_SEATINGS = (VersionKind.SOLVE, VersionKind.RESEAT_ALL)


def hand_moved(base: SeatingVersion | None) -> set[int]:
    """Return the guests moved by hand in the edits leading to `base`, since a full seating."""
    moved: set[int] = set()
    version = base
    while version is not None and version.kind not in FULL_SEATINGS:
        summary = version.summary or {}
        # A "go back" copies an old version: its differences are not moves anyone made.
        if version.kind == VersionKind.EDIT and "restored_from" not in summary:
            moved |= {m["guest"] for m in summary.get("moved", [])}
        version = db.session.get(SeatingVersion, version.parent_id) if version.parent_id else None
    seated = v.seating_of(base)
    return {g for g in moved if g in seated}


@dataclass(frozen=True)
class ReseatPreview:
    """What "Re-seat the rest" keeps and what it may change, in names."""

    moved: tuple[str, ...]  # moved by hand: kept at the table the organizer chose
    locked: tuple[str, ...]
    hosts: tuple[str, ...]
    free: int  # guests the re-seat may move

    @property
    def kept(self) -> int:
        """How many guests stay where they are."""
        return len(self.moved) + len(self.locked) + len(self.hosts)


def reseat_preview(event: Event, base: SeatingVersion) -> ReseatPreview:
    """Say who a re-seat from `base` keeps in place and how many guests it may move."""
    seating = v.seating_of(base)
    locked = v.locked_of(base)
    hosts = {t.host_guest_id for t in v.tables_of(event) if t.host_guest_id in seating}
    moved = hand_moved(base) - locked - hosts
    names = {g.id: g.name for g in v.guests_by_id(seating).values()}

    def sorted_names(ids: set[int]) -> tuple[str, ...]:
        return tuple(sorted((names[g] for g in ids), key=str.lower))

    kept = moved | locked | hosts
    return ReseatPreview(
        moved=sorted_names(moved),
        locked=sorted_names(locked - hosts),
        hosts=sorted_names(hosts),
        free=len(set(seating) - kept),
    )
