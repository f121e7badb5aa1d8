"""Deterministic, realistic guest profiles for demos, tests and seating benchmarks.

`generate_profiles(n, seed)` draws guests from the sixty archetypes in archetypes.py,
gives them names and companies (a few colleagues share a company, spelled differently,
"Brightloop Ltd" and "brightloop"), and now and then a one-sided "sit with" or "don't seat
me with" wish. The same (n, seed) always gives the same guests.
"""

from __future__ import annotations

import random

from dinnerplan.matching.archetypes import ARCHETYPES
from dinnerplan.matching.schema import Profile

# fmt: off
FIRST_NAMES = (
    "Ana", "Ben", "Chioma", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Jia",
    "Kwame", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Samir", "Tove",
    "Umar", "Valentina", "Wei", "Ximena", "Yusuf", "Zoe", "Aisha", "Bruno", "Carmen", "Dev",
    "Emeka", "Freya", "Goran", "Hiroshi", "Ines", "Jonas", "Kavya", "Luca", "Maya", "Niall",
    "Olu", "Paula", "Rafael", "Sofia", "Tomás", "Uma", "Viktor", "Wanjiru", "Yara", "Zain",
    "Amara", "Bilal", "Clara", "Diego", "Esther", "Felix", "Greta", "Hugo", "Isla", "Jamal",
)
LAST_NAMES = (
    "Silva", "Okafor", "Novak", "Haddad", "Lindqvist", "Mensah", "Rossi", "Tanaka", "Kowalski",
    "Chen", "Osei", "Müller", "García", "Petrova", "Nielsen", "Sharma", "Dubois", "Santos",
    "Khan", "Berg", "Adeyemi", "Moreau", "Wang", "Ortiz", "Yilmaz", "Fischer", "Abebe",
    "Costa", "Ivanova", "Murphy", "Nakamura", "Bianchi", "Kaur", "Johansson", "Oyelaran",
    "Papadopoulos", "Reyes", "Schmidt", "Ali", "Horvat",
)
_COMPANY_STEMS = (
    "Bright", "North", "Kestrel", "Blue", "Copper", "Lumen", "Harbour", "Oak", "Nimbus",
    "Fern", "Granite", "Tidal", "Juniper", "Atlas", "Saffron", "Orbit", "Willow", "Quartz",
)
_COMPANY_TAILS = ("loop", "wind", "works", "peak", "field", "labs", "stack", "bridge", "point")
# fmt: on
_LEGAL = ("", " Ltd", " Inc.", " GmbH", " & Co.", " LLC")

# Everyday asks and offers that any kind of guest might add to their profile.
EXTRA_OFFERS = (
    "Happy to give honest feedback on your pitch",
    "Can share what I learned hiring our first ten people",
    "I know the local startup scene well and can make intros",
    "Can review your website copy",
    "Happy to share our investor update template",
    "Can show you how we automated our bookkeeping",
)
EXTRA_NEEDS = (
    "Need a good accountant",
    "Looking for a reliable web developer",
    "Want to hire an intern for the summer",
    "Need help with LinkedIn content",
    "Looking for a mentor",
    "Need a photographer for new headshots",
    "Looking for a coworking desk near the station",
)
EXTRA_RATE = 0.4  # chance a guest adds one extra offer, and separately one extra need

COLLEAGUE_RATE = 0.12  # share of guests who bring a colleague's company
PREFER_RATE = 0.05  # share of guests who ask to sit with someone
AVOID_RATE = 0.03  # share of guests who ask not to sit with someone


def _company_name(rng: random.Random, industry: str) -> str:
    """Return an invented company name that hints at its industry."""
    base = rng.choice(_COMPANY_STEMS) + rng.choice(_COMPANY_TAILS)
    if industry in ("finance", "legal") and rng.random() < 0.5:
        base += rng.choice((" Capital", " Partners", " Legal", " Advisory"))
    return base + rng.choice(_LEGAL)


def _respell(rng: random.Random, company: str) -> str:
    """Return the same company as a colleague might type it."""
    base = company
    for suffix in _LEGAL[1:]:
        base = base.removesuffix(suffix)
    return rng.choice((base.lower(), base.upper(), base + " Ltd.", base + ", Inc.", base))


def _unique_name(rng: random.Random, taken: set[str]) -> str:
    """Return a full name no earlier guest has."""
    while True:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in taken or len(taken) >= len(FIRST_NAMES) * len(LAST_NAMES):
            taken.add(name)
            return name


def generate_profiles(n: int, seed: int = 0) -> list[Profile]:
    """Return n realistic guest profiles; the same (n, seed) gives the same guests."""
    rng = random.Random(seed)
    order: list[int] = []
    profiles: list[Profile] = []
    taken: set[str] = set()
    industry_of: dict[str, str] = {}
    for k in range(n):
        if not order:
            order = list(range(len(ARCHETYPES)))
            rng.shuffle(order)
        arch = ARCHETYPES[order.pop()]
        same_field = [p for p in profiles if industry_of[p.id] == arch.industry]
        if same_field and rng.random() < COLLEAGUE_RATE:
            company = _respell(rng, rng.choice(same_field).company)
        else:
            company = _company_name(rng, arch.industry)
        intent = "peers" if rng.random() < 0.08 else arch.intent
        prefer = avoid = ()
        if profiles and rng.random() < PREFER_RATE:
            prefer = (rng.choice(profiles).id,)
        elif profiles and rng.random() < AVOID_RATE:
            avoid = (rng.choice(profiles).id,)
        offers, needs = list(arch.offers), list(arch.needs)
        if rng.random() < EXTRA_RATE:
            offers.append(rng.choice(EXTRA_OFFERS))
        if rng.random() < EXTRA_RATE:
            needs.append(rng.choice(EXTRA_NEEDS))
        industry_of[f"g{k + 1:03d}"] = arch.industry
        profiles.append(
            Profile(
                id=f"g{k + 1:03d}",
                name=_unique_name(rng, taken),
                company=company,
                one_liner=arch.role,
                offers=tuple(offers),
                needs=tuple(needs),
                intent=intent,
                avoid=avoid,
                prefer=prefer,
            )
        )
    return profiles
