"""Guest operations: the guest list, profiles, seating wishes and CSV imports.

Operations flush, never commit: the view or command commits once.
"""

from __future__ import annotations

from sqlalchemy import delete, func, or_

from dinnerplan import names
from dinnerplan.extensions import db
from dinnerplan.guests.forms import GuestForm, ProfileForm, choices
from dinnerplan.guests.importer import ImportPreview
from dinnerplan.models import Event, Guest, GuestLink, Rsvp
from dinnerplan.models._base import utcnow
from dinnerplan.models.guest import RSVP_STATES
from dinnerplan.profile import DIETARY, clean_items

CONTACT_FIELDS = ("name", "company", "title", "industry", "phone", "linkedin", "notes")


class ImportBlockedError(ValueError):
    """The preview has problem rows and the organizer did not choose to skip them."""


def guest_list(event: Event, rsvp: str = "", search: str = "") -> list[Guest]:
    """The event's guests by name, optionally filtered by RSVP state and a search text."""
    return sorted(db.session.scalars(guest_query(event, rsvp, search)), key=names.by_name)


def guest_query(event: Event, rsvp: str = "", search: str = ""):
    """Select the event's guests by name, optionally filtered by RSVP state and a search text."""
    query = db.select(Guest).where(Guest.event_id == event.id)
    if rsvp in RSVP_STATES:
        query = query.where(Guest.rsvp == rsvp)
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            or_(
                func.lower(Guest.name).like(pattern),
                func.lower(Guest.company).like(pattern),
                Guest.email.like(pattern),
            )
        )
    return query.order_by(func.lower(Guest.name), Guest.id)


def rsvp_counts(event: Event) -> dict[str, int]:
    """Guests per RSVP state, with every state present, plus 'all'."""
    rows = db.session.execute(
        db.select(Guest.rsvp, func.count()).where(Guest.event_id == event.id).group_by(Guest.rsvp)
    ).all()
    counts = dict.fromkeys(RSVP_STATES, 0) | {state: n for state, n in rows}
    counts["all"] = sum(n for _, n in rows)
    return counts


def suggestions(event: Event) -> list[str]:
    """Distinct offers and needs written at this event (case-insensitively), sorted."""
    rows = db.session.execute(
        db.select(Guest.offers, Guest.needs).where(Guest.event_id == event.id)
    ).all()
    seen: dict[str, str] = {}
    for offers, needs in rows:
        for item in (offers or []) + (needs or []):
            seen.setdefault(item.strip().lower(), item.strip())
    return sorted((v for v in seen.values() if v), key=str.lower)


def set_rsvp(guest: Guest, state: str) -> None:
    """Record an RSVP state set by the organizer, stamping when it was answered."""
    if state == guest.rsvp:
        return
    guest.rsvp = state
    if state in (Rsvp.YES, Rsvp.NO, Rsvp.MAYBE):
        guest.responded_at = utcnow()
    if state == Rsvp.WAITLIST:
        guest.waitlisted_at = utcnow()


def create_guest(event: Event, form: GuestForm) -> Guest:
    """Add a guest from a validated GuestForm."""
    guest = Guest(event_id=event.id, email=form.email.data.lower(), rsvp=Rsvp.INVITED)
    for name in CONTACT_FIELDS:
        setattr(guest, name, getattr(form, name).data or "")
    set_rsvp(guest, form.rsvp.data)
    db.session.add(guest)
    db.session.flush()
    return guest


def update_guest(guest: Guest, form: GuestForm) -> None:
    """Copy a validated GuestForm onto the guest."""
    guest.email = form.email.data.lower()
    for name in CONTACT_FIELDS:
        setattr(guest, name, getattr(form, name).data or "")
    set_rsvp(guest, form.rsvp.data)
    db.session.flush()


def delete_guest(guest: Guest) -> None:
    """Remove a guest; the database cascades their links, wishes about them and seats."""
    db.session.delete(guest)
    db.session.flush()


def mark_existing(event: Event, preview: ImportPreview) -> dict[str, Guest]:
    """Set each row's action (create or update, by email) and return guests by email."""
    existing = {
        guest.email: guest
        for guest in db.session.scalars(db.select(Guest).where(Guest.event_id == event.id))
    }
    for row in preview.rows:
        row.action = "update" if row.values.get("email") in existing else "create"
    return existing


def apply_import(event: Event, preview: ImportPreview, skip_invalid: bool) -> dict[str, int]:
    """Create or update (by email) a guest per valid row; return created/updated/skipped."""
    if preview.problem_rows and not skip_invalid:
        raise ImportBlockedError(f"{len(preview.problem_rows)} rows have problems.")
    existing = mark_existing(event, preview)
    counts = {"created": 0, "updated": 0, "skipped": len(preview.problem_rows)}
    for row in preview.valid_rows:
        guest = existing.get(row.values["email"])
        if guest is None:
            guest = Guest(event_id=event.id, email=row.values["email"], rsvp=Rsvp.INVITED)
            db.session.add(guest)
            existing[guest.email] = guest
            counts["created"] += 1
        else:
            counts["updated"] += 1
        _apply_row(guest, row.values)
    db.session.flush()
    return counts


def _apply_row(guest: Guest, values: dict) -> None:
    """Copy an import row's values; absent or blank cells keep what the guest has."""
    for name, value in values.items():
        if name == "rsvp":
            # "invited" is the starting state: it never undoes an answer already recorded.
            if value != Rsvp.INVITED or guest.rsvp in (None, Rsvp.INVITED):
                set_rsvp(guest, value)
        elif name in ("need_topics", "offer_topics"):  # an import column is a confirmation
            setattr(guest, name, value)
            guest.topics_confirmed_at = utcnow()
        elif name != "email":
            setattr(guest, name, value)


def other_guest_choices(guest: Guest) -> list[tuple[int, str]]:
    """Choices for 'sit with' / 'don't seat me with': the event's other guests, by name."""
    rows = db.session.execute(
        db.select(Guest.id, Guest.name, Guest.company)
        .where(Guest.event_id == guest.event_id, Guest.id != guest.id)
        .order_by(Guest.name)
    ).all()
    return [(r.id, f"{r.name} ({r.company})" if r.company else r.name) for r in rows]


def profile_form_for(guest: Guest, formdata=None) -> ProfileForm:
    """Build the profile form filled from the guest (or from the submitted data)."""
    links = {"prefer": [], "avoid": []}
    for link in guest.links:
        links.setdefault(link.kind, []).append(link.other_id)
    form = ProfileForm(
        formdata=formdata,
        obj=guest,
        data={"offers": list(guest.offers or []), "needs": list(guest.needs or []), **links},
    )
    options = choices(other_guest_choices(guest))
    form.prefer.choices = options
    form.avoid.choices = options
    return form


def apply_profile(
    guest: Guest, form: ProfileForm, wishes: tuple[list[int], list[int]] | None = None
) -> None:
    """Copy a validated profile form onto the guest and replace its seating wishes.

    `wishes` is (prefer ids, avoid ids) when the form does not carry them as ids (the
    guest's page, where they are typed names); by default they are the form's selections.
    """
    guest.one_liner = (form.one_liner.data or "").strip()
    # Entries missing from the post come back as None, not "".
    guest.offers = clean_items(item for item in form.offers.data if item)
    guest.needs = clean_items(item for item in form.needs.data if item)
    guest.intent = form.intent.data or None
    guest.dietary = [d for d in form.dietary.data or () if d in DIETARY]
    guest.dietary_other = (form.dietary_other.data or "").strip()
    guest.accessibility = (form.accessibility.data or "").strip()
    guest.phone = (form.phone.data or "").strip()
    guest.linkedin = (form.linkedin.data or "").strip()
    guest.share_email = bool(form.share_email.data)
    guest.share_phone = bool(form.share_phone.data)
    guest.share_linkedin = bool(form.share_linkedin.data)
    guest.profile_updated_at = utcnow()
    prefer, avoid = wishes or (form.prefer.data or [], form.avoid.data or [])
    set_links(guest, prefer=prefer, avoid=avoid)
    db.session.flush()


def set_links(guest: Guest, prefer: list[int], avoid: list[int]) -> None:
    """Replace the guest's 'sit with' and 'don't seat me with' wishes."""
    valid = {gid for gid, _ in other_guest_choices(guest)}
    db.session.execute(delete(GuestLink).where(GuestLink.guest_id == guest.id))
    db.session.expire(guest, ["links"])
    for kind, ids in (("prefer", prefer), ("avoid", avoid)):
        for other_id in dict.fromkeys(ids):
            if other_id in valid:
                db.session.add(GuestLink(guest_id=guest.id, other_id=other_id, kind=kind))


def import_summary(counts: dict[str, int]) -> str:
    """Say what an import did, in words (e.g. 'Imported: 3 added, 2 updated, 1 skipped.')."""
    parts = [f"{counts['created']} added", f"{counts['updated']} updated"]
    if counts.get("skipped"):
        parts.append(f"{counts['skipped']} skipped")
    return "Imported: " + ", ".join(parts) + "."
