"""What the app reads in each guest's needs and offers, beside what was confirmed.

Guesses are not stored: they are recomputed from the guest's words with the event's
catalogue (reading a 300-guest event takes well under a second).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dinnerplan.matching.topics import Catalogue, TopicGuess, reader_for
from dinnerplan.models import Guest
from dinnerplan.topics.catalogue import SIDES

# A guess at least this confident counts as "what we read" for unmet needs and the
# no-JavaScript confirmation step (ticked in advance there).
LIKELY = 0.5


@dataclass
class SideReading:
    """One guest's needs (or offers): their words, confirmed topics and guesses."""

    guest: Guest
    side: str
    texts: list[str]
    confirmed: list[str]
    guesses: list[TopicGuess] = field(default_factory=list)
    # Read from these words but on the other side ("happy to mentor" typed as a need)
    elsewhere: list[TopicGuess] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The row's value in the organizer's bulk form: '<guest id>:<side>'."""
        return f"{self.guest.id}:{self.side}"

    @property
    def confidence(self) -> float:
        """1 when confirmed, else the best guess's confidence (0 when nothing was read)."""
        if self.confirmed:
            return 1.0
        return max((g.confidence for g in self.guesses), default=0.0)

    @property
    def topics(self) -> list[str]:
        """The topics seating uses: the confirmed ones, else the likely guesses."""
        if self.confirmed:
            return list(self.confirmed)
        return [g.topic for g in self.guesses if g.confidence >= LIKELY]


def guess_many(guests: list[Guest], catalogue: Catalogue) -> list[dict[str, list[TopicGuess]]]:
    """Read every need and offer of these guests in one batch; per guest, guesses by side.

    A guess lands on the side it was read as ("happy to mentor" typed as a need is an offer);
    "need>offer" lists those read from needs as offers, and "offer>need" the other way.
    """
    items = [
        (guest_index, text, side)
        for guest_index, guest in enumerate(guests)
        for side, texts in (("need", guest.needs or []), ("offer", guest.offers or []))
        for text in texts
    ]
    read = reader_for(catalogue).read_many([(text, side) for _, text, side in items])
    keys = [*SIDES, "need>offer", "offer>need"]
    found: list[dict[str, dict[str, TopicGuess]]] = [{k: {} for k in keys} for _ in guests]
    for (guest_index, _, box), guesses in zip(items, read, strict=True):
        for guess in guesses:
            for key in {guess.side, f"{box}>{guess.side}"} & set(keys):
                best = found[guest_index][key].get(guess.topic)
                if best is None or guess.confidence > best.confidence:
                    found[guest_index][key][guess.topic] = guess
    return [
        {
            side: sorted(by_topic.values(), key=lambda g: -g.confidence)
            for side, by_topic in f.items()
        }
        for f in found
    ]


def _sides(guest: Guest, guesses: dict[str, list[TopicGuess]]) -> dict[str, SideReading]:
    return {
        "need": SideReading(
            guest,
            "need",
            list(guest.needs or []),
            list(guest.need_topics or []),
            guesses["need"],
            guesses["need>offer"],
        ),
        "offer": SideReading(
            guest,
            "offer",
            list(guest.offers or []),
            list(guest.offer_topics or []),
            guesses["offer"],
            guesses["offer>need"],
        ),
    }


def read_guests(guests: list[Guest], catalogue: Catalogue) -> list[dict[str, SideReading]]:
    """Both sides of each guest, read (in one batch) and confirmed."""
    return [
        _sides(g, guesses) for g, guesses in zip(guests, guess_many(guests, catalogue), strict=True)
    ]


def read_guest(guest: Guest, catalogue: Catalogue) -> dict[str, SideReading]:
    """Both sides of a guest, read and confirmed."""
    return read_guests([guest], catalogue)[0]


def read_event(guests: list[Guest], catalogue: Catalogue) -> list[SideReading]:
    """Every side with words or topics, least confident first (then by name)."""
    rows = [
        reading
        for sides in read_guests(guests, catalogue)
        for reading in sides.values()
        if reading.texts or reading.confirmed or reading.guesses
    ]
    return sorted(rows, key=lambda r: (r.confidence, r.guest.name.lower(), r.side))


def unconfirmed(reading: SideReading) -> bool:
    """True when the guest wrote something on this side and confirmed no topic for it."""
    return bool((reading.texts or reading.guesses) and not reading.confirmed)


def needs_confirming(guest: Guest, catalogue: Catalogue) -> bool:
    """True when the guest wrote needs or offers and has confirmed no topic for them."""
    return any(unconfirmed(r) for r in read_guest(guest, catalogue).values())
