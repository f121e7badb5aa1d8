"""Frozen dataclasses in and out of matching: a profile, a reason, a scored pair, all scores."""

from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass(frozen=True)
class Scores:
    """Pair scores, seating constraints and warnings for one event."""

    pairs: dict[tuple[str, str], Match]
    apart: list[tuple[str, str]]
    together: list[tuple[str, ...]]
    warnings: list[str]
    _helps: dict[tuple[str, str], list[Reason]] = field(default_factory=dict, repr=False)
    _helpable: frozenset[str] = frozenset()
    _likely: frozenset[tuple[str, str]] = frozenset()
    _chances: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)

    def score(self, a: str, b: str) -> float:
        """Return the score of a pair in either order (0 when absent)."""
        match = self.pairs.get((a, b) if a < b else (b, a))
        return match.score if match else 0.0

    def helps(self, a: str, b: str) -> list[Reason]:
        """Return the reasons a's offers meet b's needs, best first."""
        return list(self._helps.get((a, b), []))

    def can_be_helped(self, guest_id: str) -> bool:
        """Return True when someone they may sit with offers what they need."""
        return guest_id in self._helpable

    def may_help(self, a: str, b: str) -> bool:
        """Return True when a's offers likely meet b's needs.

        A sure meet (a reason) or a likely one (a chance of weights.SEAT_CHANCE, chances.py).
        Seating aims for these; reasons stay sure-only.
        """
        return (a, b) in self._likely or (a, b) in self._helps

    def chances(self, guest_id: str) -> dict[str, float]:
        """Return {helper id: chance they really meet one of this guest's needs} (chances.py)."""
        return dict(self._chances.get(guest_id, {}))

    def likely_helped(self) -> frozenset[str]:
        """Return the guests someone they may sit with may help (may_help)."""
        return frozenset(b for _, b in self._likely) | self._helpable
