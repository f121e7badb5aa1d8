"""Build each seated guest's introduction from the models: table, tablemates, why, talk order.

Read straight from SeatingVersion + Assignment + Guest and scored with dinnerplan.matching
(via seating/profiles.py), so introductions do not depend on how the seating job wrote
its summary. The same data feeds the email, the preview and the guest's table page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dinnerplan.extensions import db
from dinnerplan.intros.sentences import Why, why
from dinnerplan.links import personal_link as guest_link
from dinnerplan.matching import Scores
from dinnerplan.models import Assignment, Event, Guest, Rsvp, SeatingVersion, Table
from dinnerplan.profile import intent_label
from dinnerplan.seating.profiles import score_guests
from dinnerplan.seating.versions import published_version


@dataclass(frozen=True)
class Contact:
    """One contact detail a tablemate agreed to share."""

    label: str  # Email | Phone | LinkedIn
    value: str
    href: str  # "" when the value is not a safe link


@dataclass(frozen=True)
class Mate:
    """A tablemate as one guest sees them: who they are and why to meet."""

    id: int
    name: str
    short: str  # first name, or the full name where two at the table share it
    company: str
    one_liner: str
    intent: str  # label, e.g. "Find investors"
    is_host: bool
    score: float
    why: Why
    contacts: tuple[Contact, ...]
    title: str = ""  # job title, as imported ("CEO & co-founder")

    @property
    def role(self) -> str:
        """Return "CEO & co-founder, Acme", "Acme" or the title alone ("" when neither)."""
        return ", ".join(part for part in (self.title, self.company) if part)


@dataclass(frozen=True)
class Slot:
    """One turn in the table's talk order."""

    offset: str  # "0:06"
    name: str
    is_you: bool
    is_host: bool


@dataclass(frozen=True)
class Intro:
    """Everything one guest's introduction says."""

    guest: Guest
    event: Event
    table: str
    mates: tuple[Mate, ...]  # best match first
    talk_order: tuple[Slot, ...]
    link: str

    @property
    def first(self) -> Mate | None:
        """The tablemate to talk to first: the strongest match."""
        return self.mates[0] if self.mates else None


def seated(version: SeatingVersion) -> list[tuple[Assignment, Guest, Table]]:
    """Return the version's assignments of guests still coming, in talk order.

    A guest who declined after the seating was made is left out: they get no introduction,
    and their tablemates' introductions neither name them nor pass on their contacts.
    """
    rows = db.session.execute(
        _still_coming(db.select(Assignment, Guest, Table), version)
        .join(Table, Table.id == Assignment.table_id)
        .order_by(Table.position, Table.id, Assignment.seat_order, Guest.id)
    ).all()
    return [tuple(row) for row in rows]


def seated_ids(version: SeatingVersion, *, reachable: bool = False) -> set[int]:
    """Return the ids of the guests `seated` returns, without loading them.

    `reachable`: only those with an email address (a walk-in may have none).
    """
    query = _still_coming(db.select(Assignment.guest_id), version)
    if reachable:
        query = query.where(Guest.email.is_not(None), Guest.email != "")
    return set(db.session.scalars(query))


def _still_coming(query, version: SeatingVersion):
    return query.join(Guest, Guest.id == Assignment.guest_id).where(
        Assignment.version_id == version.id, Guest.rsvp == Rsvp.YES
    )


def contacts_of(guest: Guest) -> tuple[Contact, ...]:
    """Return only the contact details this guest consented to share with tablemates."""
    out = []
    if guest.share_email and guest.email:
        out.append(Contact("Email", guest.email, f"mailto:{guest.email}"))
    if guest.share_phone and guest.phone:
        out.append(Contact("Phone", guest.phone, "tel:" + "".join(guest.phone.split())))
    if guest.share_linkedin and guest.linkedin:
        safe = guest.linkedin.lower().startswith(("https://", "http://"))
        out.append(Contact("LinkedIn", guest.linkedin, guest.linkedin if safe else ""))
    return tuple(out)


def _short_names(guests: list[Guest]) -> dict[int, str]:
    """Return first names, or full names where two guests at the table share one."""
    firsts = [g.first_name for g in guests]
    return {g.id: g.first_name if firsts.count(g.first_name) == 1 else g.name for g in guests}


def _talk_order(table: Table, guests: list[Guest], me: Guest, minutes: int) -> tuple[Slot, ...]:
    """Return each guest's turn and start offset; the host (if seated here) speaks first."""
    ordered = sorted(guests, key=lambda g: g.id != table.host_guest_id)  # stable: keeps seats
    return tuple(
        Slot(
            f"{(i * minutes) // 60}:{(i * minutes) % 60:02d}",
            g.name,
            g.id == me.id,
            g.id == table.host_guest_id,
        )
        for i, g in enumerate(ordered)
    )


def _mate(
    me: Guest, other: Guest, table: Table, names: dict, scores: Scores, turn: int = 0
) -> Mate:
    """Return `other` as `me` should meet them; `turn`: their place among `me`'s tablemates."""
    return Mate(
        id=other.id,
        name=other.name,
        short=names[other.id],
        company=other.company or "",
        one_liner=other.one_liner or "",
        intent=intent_label(other.intent),
        is_host=other.id == table.host_guest_id,
        score=scores.score(str(me.id), str(other.id)),
        why=why(me, other, names[other.id], scores, turn),
        contacts=contacts_of(other),
        title=other.title or "",
    )


def build_intros(
    version: SeatingVersion,
    only: Iterable[int] | None = None,
    link: Callable[[Guest], str] = guest_link,
) -> list[Intro]:
    """Return the introduction of every seated guest (or of the guest ids in `only`)."""
    rows = seated(version)
    if not rows:
        return []
    event = db.session.get(Event, version.event_id)
    scores = score_guests(g for _, g, _ in rows)
    by_table: dict[int, list[Guest]] = {}
    tables: dict[int, Table] = {}
    for _, guest, table in rows:
        by_table.setdefault(table.id, []).append(guest)
        tables[table.id] = table
    wanted = None if only is None else set(only)
    intros = []
    for table_id, guests in by_table.items():
        table, names = tables[table_id], _short_names(guests)
        for me in guests:
            if wanted is not None and me.id not in wanted:
                continue
            others = [o for o in guests if o.id != me.id]  # in seat order: `turn` is stable
            mates = [_mate(me, o, table, names, scores, turn) for turn, o in enumerate(others)]
            mates.sort(key=lambda m: (-m.score, m.name))
            talk = _talk_order(table, guests, me, event.minutes_per_guest)
            intros.append(Intro(me, event, table.name, tuple(mates), talk, link(me)))
    return intros


def intro_for(guest: Guest, version: SeatingVersion | None = None) -> Intro | None:
    """Return one guest's introduction in the (latest published) version, or None."""
    version = version or published_version(guest.event)
    if version is None:
        return None
    intros = build_intros(version, only=[guest.id])
    return intros[0] if intros else None


def guest_table_context(guest: Guest) -> dict | None:
    """Return the view-model of the guest's table page, or None before they are seated."""
    intro = intro_for(guest)
    if intro is None:
        return None
    return {
        "table": intro.table,
        "mates": intro.mates,
        "first": intro.first,
        "talk_order": intro.talk_order,
        "minutes_per_guest": intro.event.minutes_per_guest,
    }
