"""Frozen dataclasses in and out of matching: a guest's profile, a reason, a scored pair."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    """What a guest told us: who they are, what they offer and need, and why they came."""

    id: str
    name: str
    company: str = ""
    one_liner: str = ""  # read as an offer, like the job title
    offers: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    intent: str | None = None
    avoid: tuple[str, ...] = ()  # ids of guests never to seat them with
    prefer: tuple[str, ...] = ()  # ids of guests they would like to sit with
    title: str = ""
    need_topics: tuple[str, ...] = ()  # topics confirmed by the guest, organizer or import
    offer_topics: tuple[str, ...] = ()

    @property
    def first_name(self) -> str:
        """Return the first word of the name, or the id when there is no name."""
        parts = self.name.split()
        return parts[0] if parts else self.id


@dataclass(frozen=True)
class Reason:
    """One reason two guests should meet, as a sentence a guest would read.

    For a need met, `helper` offers `offer` (their words) of a topic that meets
    `helped`'s `need` of `topic`. For an intent-based reason, helper, helped, offer, need
    and topic are empty and similarity is 0. `confidence` is how sure the topics are (need
    weight x offer weight, 1 for two confirmed topics).
    """

    helper: str
    helped: str
    offer: str
    need: str
    similarity: float
    text: str
    topic: str = ""
    confidence: float = 0.0


@dataclass(frozen=True)
class Match:
    """A pair of guests (a < b), its score (> 0) and the reasons behind it, best first."""

    a: str
    b: str
    score: float
    reasons: tuple[Reason, ...]
