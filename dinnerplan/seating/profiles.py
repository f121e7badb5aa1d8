"""Translate Guest rows into matching profiles (the web layer only translates)."""

from __future__ import annotations

from collections.abc import Iterable

from dinnerplan.models import Guest


def profiles_for(guests: Iterable[Guest]):
    """Build matching.Profile objects (ids are str(guest.id)) with seating wishes."""
    from dinnerplan.matching import Profile

    guests = list(guests)
    present = {g.id for g in guests}
    profiles = []
    for g in guests:
        avoid = tuple(
            str(link.other_id)
            for link in g.links
            if link.kind == "avoid" and link.other_id in present
        )
        prefer = tuple(
            str(link.other_id)
            for link in g.links
            if link.kind == "prefer" and link.other_id in present
        )
        profiles.append(
            Profile(
                id=str(g.id),
                name=g.name,
                company=g.company or "",
                title=g.title or "",
                one_liner=g.one_liner or "",
                offers=tuple(g.offers or ()),
                needs=tuple(g.needs or ()),
                intent=g.intent,
                avoid=avoid,
                prefer=prefer,
                need_topics=tuple(g.need_topics or ()),
                offer_topics=tuple(g.offer_topics or ()),
            )
        )
    return profiles


def score_guests(guests: Iterable[Guest]):
    """Score pairs of one event's guests with its confirmed topics and customised catalogue."""
    from dinnerplan.matching import score_pairs
    from dinnerplan.topics.catalogue import event_catalogue

    guests = list(guests)
    catalogue = event_catalogue(guests[0].event) if guests else None
    return score_pairs(profiles_for(guests), catalogue=catalogue)
