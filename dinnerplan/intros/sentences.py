"""Why two tablemates should meet, written to one of them ("you could help Ben with ...").

matching's reasons are third-person sentences for the organizer; a guest reads second
person, in both directions, plus an opener: a question built on the strongest reason
that does not say the reason again.
"""

from __future__ import annotations

from dataclasses import dataclass

from dinnerplan.matching import INTENT_PHRASES, Reason, Scores
from dinnerplan.models import Guest

# Needs named per direction: more makes the line hard to read aloud.
MAX_NEEDS_NAMED = 2


def quote(text: str) -> str:
    """Return a need or offer trimmed and in curly quotes."""
    return f"“{text.strip().rstrip('.')}”"


def _needs(reasons: list[Reason]) -> str:
    """Return "“a” and “b”" for the first needs of these reasons."""
    names = list(dict.fromkeys(quote(r.need) for r in reasons[:MAX_NEEDS_NAMED]))
    return " and ".join(names)


def _your_offer(reason: Reason, me: Guest) -> str:
    """Return "you offer “X”", or "you are “X”" when the offer is your one-liner."""
    verb = "are" if reason.offer == me.one_liner else "offer"
    return f"you {verb} {quote(reason.offer)}"


@dataclass(frozen=True)
class Why:
    """The reasons one guest (me) should meet one tablemate (mate)."""

    you_help: str  # "You could help Ben with “a new logo” (you offer “brand design”)"
    they_help: str  # "Ben could help you with “intros to seed investors”"
    fallback: str  # intent or industry, when neither can help the other
    opener: str  # "Ask Ben: “If you were in my shoes, what would you do first?”"

    @property
    def line(self) -> str:
        """Return both directions as one sentence, or the fallback reason."""
        parts = [p for p in (self.you_help, self.they_help) if p]
        return "; ".join(parts) + "." if parts else self.fallback


def why(me: Guest, mate: Guest, name: str, scores: Scores) -> Why:
    """Return why `me` should meet `mate` (called `name` in the text), both directions."""
    mine, theirs = scores.helps(str(me.id), str(mate.id)), scores.helps(str(mate.id), str(me.id))
    you_help = they_help = ""
    if mine:
        you_help = f"You could help {name} with {_needs(mine)} ({_your_offer(mine[0], me)})"
    if theirs:
        they_help = f"{name} could help you with {_needs(theirs)}"
    return Why(
        you_help, they_help, _fallback(me, mate, name), _opener(me, mate, name, mine, theirs)
    )


def _fallback(me: Guest, mate: Guest, name: str) -> str:
    """Return the intent or industry reason to meet when neither can help the other."""
    if me.intent in INTENT_PHRASES and me.intent == mate.intent:
        return f"You both came to {INTENT_PHRASES[me.intent]}."
    if me.industry and me.industry.strip().lower() == (mate.industry or "").strip().lower():
        return f"You both work in {mate.industry.strip()}."
    if mate.intent in INTENT_PHRASES:
        if me.intent in INTENT_PHRASES:
            return (
                f"{name} came to {INTENT_PHRASES[mate.intent]}; "
                f"you came to {INTENT_PHRASES[me.intent]}."
            )
        return f"{name} came to {INTENT_PHRASES[mate.intent]}."
    if mate.industry:
        return f"{name} works in {mate.industry.strip()}."
    return f"{name} is at your table: a new face to meet."


def _opener(me: Guest, mate: Guest, name: str, mine: list, theirs: list) -> str:
    """Return a question to start with that does not say the "why" line again.

    The "why" line (just above it) names the need and the offer; the opener is what to *ask*
    next, in words that read right whatever the guests wrote (needs are free text: "Looking
    for a desk near the station", "Need a good accountant"), so none of it is quoted here.
    """
    best_mine = mine[0].similarity if mine else -1.0
    best_theirs = theirs[0].similarity if theirs else -1.0
    if theirs and best_theirs >= best_mine:
        return f"Ask {name}: “If you were in my shoes, what would you do first?”"
    if mine:
        return f"Ask {name}: “What have you tried so far?” Then say what you can offer."
    if mate.intent in INTENT_PHRASES:
        return f"Ask {name}: “What would make tonight worth it for you?”"
    if mate.one_liner or mate.title:
        return f"Ask {name}: “What are you working on at the moment?”"
    return f"Ask {name}: “What brought you here tonight?”"
