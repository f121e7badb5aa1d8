"""The guest's table after seating: tablemates, what they offer and need, shared contacts.

Only the published seating counts, and only guests still coming: a guest who declined or
was moved sees their current table and nobody else's. Contacts come from
intros.build.contacts_of, which passes on only what each guest agreed to share.
"""

from __future__ import annotations

from dataclasses import dataclass

import vobject

from dinnerplan.extensions import db
from dinnerplan.intros.build import Contact, intro_for, seated
from dinnerplan.models import Guest, Table
from dinnerplan.seating.versions import published_version


@dataclass(frozen=True)
class Tablemate:
    """A tablemate as the guest sees them after seating."""

    id: int
    name: str
    company: str
    title: str
    one_liner: str
    intent: str
    offers: tuple[str, ...]
    needs: tuple[str, ...]
    why: str
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class MyTable:
    """The guest's current table and tablemates, best match first."""

    name: str
    table_id: int
    mates: tuple[Tablemate, ...]

    def mate(self, guest_id: int) -> Tablemate | None:
        """Return the tablemate with this guest id, or None if they are not at the table."""
        return next((m for m in self.mates if m.id == guest_id), None)


def my_table(guest: Guest) -> MyTable | None:
    """Return the guest's table in the published seating, or None when not seated there."""
    intro = intro_for(guest)
    if intro is None:
        return None
    people = {
        g.id: g
        for g in db.session.scalars(
            db.select(Guest).where(Guest.id.in_([m.id for m in intro.mates]))
        )
    }
    mates = tuple(
        Tablemate(
            id=m.id,
            name=m.name,
            company=m.company,
            title=people[m.id].title or "",
            one_liner=m.one_liner,
            intent=m.intent,
            offers=tuple(people[m.id].offers or ()),
            needs=tuple(people[m.id].needs or ()),
            why=m.why.line,
            contacts=m.contacts,
        )
        for m in intro.mates
    )
    return MyTable(intro.table, _table_id(guest), mates)


def _table_id(guest: Guest) -> int:
    """Return the id of the guest's table in the published seating."""
    version = published_version(guest.event)
    return next(t.id for a, g, t in seated(version) if g.id == guest.id)


def names_at(table: Table) -> list[str] | None:
    """Return the names seated at a table now (published seating), or None if not in it."""
    version = published_version(table.event)
    if version is None:
        return None
    names = [g.name for _, g, t in seated(version) if t.id == table.id]
    return names or None


def vcard(mate: Tablemate, event_title: str) -> str:
    """Return one tablemate as a vCard 3.0, with only the details they agreed to share."""
    card = vobject.vCard()
    card.add("fn").value = mate.name
    parts = mate.name.split()
    card.add("n").value = vobject.vcard.Name(
        family=" ".join(parts[1:]), given=parts[0] if parts else ""
    )
    if mate.company:
        card.add("org").value = [mate.company]
    if mate.title:
        card.add("title").value = mate.title
    for contact in mate.contacts:
        kind = {"Email": "email", "Phone": "tel", "LinkedIn": "url"}[contact.label]
        card.add(kind).value = contact.value
    note = [f"Met at {event_title}."]
    if mate.offers:
        note.append("Offers: " + "; ".join(mate.offers) + ".")
    if mate.needs:
        note.append("Looking for: " + "; ".join(mate.needs) + ".")
    card.add("note").value = " ".join(note)
    return card.serialize()
