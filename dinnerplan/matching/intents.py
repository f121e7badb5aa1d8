"""Why guests come to a dinner: the fixed list of intents and a forgiving parser.

Every guest states one intent and their tablemates see it (seeds/002: be up front about
why you came). The CSV importer and the RSVP form both go through `parse_intent`.
"""

from __future__ import annotations

import functools
import re
from types import MappingProxyType

INTENTS = MappingProxyType(
    {
        "peers": "Meet peers and learn",
        "clients": "Find clients",
        "investors": "Find investors",
        "hire": "Hire",
        "job": "Find a job",
        "partners": "Find partners",
        "give_back": "Give back / mentor",
    }
)

# How a guest's intent reads inside a sentence ("Ana came to find investors").
INTENT_PHRASES = MappingProxyType(
    {
        "peers": "meet peers and learn",
        "clients": "find clients",
        "investors": "find investors",
        "hire": "hire",
        "job": "find a job",
        "partners": "find partners",
        "give_back": "give back",
    }
)

# Spellings people actually type into a spreadsheet cell, after `_normalise`.
# fmt: off
_ALIASES = {
    "peers": (
        "peer", "meet peers", "peers and learn", "learn", "learning", "networking",
        "network", "meet people", "meet others", "community", "exchange ideas",
    ),
    "clients": (
        "client", "customers", "customer", "find customers", "sell", "sales", "selling",
        "leads", "business development", "bizdev", "new business", "get clients",
    ),
    "investors": (
        "investor", "find an investor", "fundraising", "fundraise", "raising", "raise",
        "raise money", "raising money", "raise funds", "funding", "find funding",
        "looking for investors", "seeking investment",
    ),
    "hire": (
        "hiring", "recruit", "recruiting", "recruitment", "find talent", "talent",
        "find candidates", "build a team", "build my team",
    ),
    "job": (
        "jobs", "job hunting", "job hunt", "job search", "job seeking", "find job",
        "looking for a job", "looking for work", "new job", "new role", "career change",
        "find work", "open to work", "career",
    ),
    "partners": (
        "partner", "partnership", "partnerships", "find a partner", "co founder",
        "cofounder", "find a co founder", "find a cofounder", "collaborators",
        "collaboration", "collaborate",
    ),
    "give_back": (
        "give back", "giving back", "mentor", "mentoring", "mentorship", "invest",
        "investing", "angel investing", "advise", "advising", "advisor", "volunteer",
        "help others", "help", "pay it forward", "coach", "coaching",
    ),
}

# Words that name an intent anywhere in a longer answer ("We're hiring", "meet investors");
# searched only when the whole answer is not a known spelling.
_WORDS = {
    "peers": ("peers", "peer", "learn", "learning", "network", "networking", "meet people",
              "community", "meet", "share ideas", "exchange ideas", "curious", "friends"),
    "clients": ("clients", "client", "customers", "customer", "sales", "sell", "leads",
                "prospects", "buyers", "business development", "new business"),
    "investors": ("investors", "investor", "fundraising", "fundraise", "funding", "raise",
                  "raising", "capital", "vc", "vcs", "angels", "angel investors", "investment"),
    "hire": ("hiring", "hire", "recruit", "recruiting", "recruitment", "talent", "candidates"),
    "job": ("job", "jobs", "job hunting", "job search", "new role", "career", "employment",
            "looking for work", "next role", "new job"),
    "partners": ("partners", "partner", "partnership", "partnerships", "collaborators",
                 "collaboration", "co founder", "cofounder", "suppliers"),
    "give_back": ("mentor", "mentoring", "give back", "giving back", "advise", "advising",
                  "help others", "volunteer", "pay it forward"),
}
# fmt: on
# fmt: on


def _words(text: str) -> str:
    """Lower-case words and digits, single spaces ("Co-founder" -> "co founder")."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


_LOOKUP: dict[str, str] = {}
for _key, _label in INTENTS.items():
    for _alias in (_key, _label, INTENT_PHRASES[_key], *_ALIASES[_key]):
        _LOOKUP[_words(_alias)] = _key
_PATTERNS = {
    key: re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})\b")
    for key, words in _WORDS.items()
}

_FILLER = re.compile(r"^(?:i am here to|i m here to|here to|i want to|i d like to|to)\s+")


def _normalise(text: str) -> str:
    """Lower-case, turn punctuation into spaces and drop a leading "I want to"."""
    return _FILLER.sub("", _words(text))


@functools.lru_cache(maxsize=1024)
def parse_intent(text: str | None) -> str | None:
    """Return the intent key for a key, a label, a common spelling or words naming one.

    The one reading of "why are you coming" for the CSV importer, the RSVP form and the
    matcher. A whole known spelling wins; then the longest known start ("Find a job
    (backend)"); then the first word naming an intent, a specific goal before "peers"
    ("meet investors").
    """
    if not text or not text.strip():
        return None
    norm = _normalise(text)
    if norm in _LOOKUP:
        return _LOOKUP[norm]
    words = norm.split()
    for end in range(len(words) - 1, 0, -1):
        key = _LOOKUP.get(" ".join(words[:end]))
        if key:
            return key
    found = [(m.start(), key) for key, p in _PATTERNS.items() if (m := p.search(norm))]
    specific = sorted(hit for hit in found if hit[1] != "peers") or found
    return specific[0][1] if specific else None
