"""Guest operations: profile updates and seating wishes. Operations flush, never commit."""

from __future__ import annotations

from sqlalchemy import delete
from wtforms.fields.choices import SelectChoice

from dinnerplan.extensions import db
from dinnerplan.guests.forms import ProfileForm
from dinnerplan.models import Guest, GuestLink
from dinnerplan.models._base import utcnow
from dinnerplan.profile import DIETARY, clean_items


def other_guest_choices(guest: Guest) -> list[SelectChoice]:
    """Choices for 'sit with' / 'don't seat me with': the event's other guests, by name."""
    rows = db.session.execute(
        db.select(Guest.id, Guest.name, Guest.company)
        .where(Guest.event_id == guest.event_id, Guest.id != guest.id)
        .order_by(Guest.name)
    ).all()
    return [SelectChoice(r.id, f"{r.name} ({r.company})" if r.company else r.name) for r in rows]


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
    choices = other_guest_choices(guest)
    form.prefer.choices = choices
    form.avoid.choices = choices
    return form


def apply_profile(guest: Guest, form: ProfileForm) -> None:
    """Copy a validated profile form onto the guest and replace its seating wishes."""
    guest.one_liner = (form.one_liner.data or "").strip()
    guest.offers = clean_items(form.offers.data)
    guest.needs = clean_items(form.needs.data)
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
    set_links(guest, prefer=form.prefer.data or [], avoid=form.avoid.data or [])
    db.session.flush()


def set_links(guest: Guest, prefer: list[int], avoid: list[int]) -> None:
    """Replace the guest's 'sit with' and 'don't seat me with' wishes."""
    valid = {choice.value for choice in other_guest_choices(guest)}
    db.session.execute(delete(GuestLink).where(GuestLink.guest_id == guest.id))
    db.session.expire(guest, ["links"])
    for kind, ids in (("prefer", prefer), ("avoid", avoid)):
        for other_id in dict.fromkeys(ids):
            if other_id in valid:
                db.session.add(GuestLink(guest_id=guest.id, other_id=other_id, kind=kind))
