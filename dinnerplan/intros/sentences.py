"""Why two tablemates should meet, written to one of them ("you could help Ben with ...").

matching's reasons are third-person sentences for the organizer; a guest reads second
person, in both directions, plus an opener: a question built on the strongest reason
that does not say the reason again.
"""

from __future__ import annotations

import hashlib
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


def why(me: Guest, mate: Guest, name: str, scores: Scores, turn: int = 0) -> Why:
    """Return why `me` should meet `mate` (called `name` in the text), both directions.

    `turn`: the mate's place among `me`'s tablemates (0, 1, ...), so that the generic
    openers of one introduction differ from mate to mate (see `_generic_question`).
    """
    mine, theirs = scores.helps(str(me.id), str(mate.id)), scores.helps(str(mate.id), str(me.id))
    you_help = they_help = ""
    if mine:
        you_help = f"You could help {name} with {_needs(mine)} ({_your_offer(mine[0], me)})"
    if theirs:
        they_help = f"{name} could help you with {_needs(theirs)}"
    return Why(
        you_help,
        they_help,
        _fallback(me, mate, name),
        _opener(me, mate, name, mine, theirs, turn),
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


# Generic questions, for a tablemate neither can help: none says the "why" line again
# (the intent or industry it names) and all read right whatever the guests wrote. Chosen
# by what is known about the tablemate: their intent, their work (one-liner or job title),
# their company; the last two only when nothing is known (they would ask for the intent
# the introduction already shows).
_INTENT_QUESTIONS = {
    "peers": "What have you learned lately that changed how you work?",
    "clients": "What does a perfect client look like for you?",
    "investors": "What would the right investor bring you besides money?",
    "hire": "Which role is hardest for you to fill right now?",
    "job": "What kind of role would you love to land next?",
    "partners": "What would the ideal partner bring to what you do?",
    "give_back": "What do you most enjoy helping people with?",
}
_TONIGHT_QUESTIONS = (
    "What would make tonight worth it for you?",
    "Who would be the most useful person for you to meet tonight?",
)
_WORK_QUESTIONS = (
    "What are you working on at the moment?",
    "What is the most interesting problem on your desk right now?",
    "How did you get into what you do?",
)
_COMPANY_QUESTIONS = ("What is your company focusing on this year?",)
_ANYONE_QUESTIONS = (
    "What brought you here tonight?",
    "What has been the best part of your year so far?",
)


def _generic_question(me: Guest, mate: Guest, turn: int) -> str:
    """Return a question that fits what is known about `mate`, varied from mate to mate.

    Deterministic: where the walk through the questions starts comes from a SHA-256 digest
    of `me`'s id (never `hash()`, which changes from process to process), and each `turn`
    moves it one step, so the tablemates of one guest who share a kind of profile get
    different questions, and two guests asking the same tablemate usually differ too.
    Plain text, like every opener: the templates escape it.
    """
    questions: list[str] = []
    if mate.intent in INTENT_PHRASES:
        questions += [_INTENT_QUESTIONS[mate.intent], *_TONIGHT_QUESTIONS]
    if mate.one_liner or mate.title or mate.company:
        questions += _WORK_QUESTIONS
    if mate.company:
        questions += _COMPANY_QUESTIONS
    questions = questions or list(_ANYONE_QUESTIONS)
    start = int.from_bytes(hashlib.sha256(str(me.id).encode()).digest()[:4], "big")
    return questions[(start + turn) % len(questions)]


def _opener(me: Guest, mate: Guest, name: str, mine: list, theirs: list, turn: int = 0) -> str:
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
    return f"Ask {name}: “{_generic_question(me, mate, turn)}”"
