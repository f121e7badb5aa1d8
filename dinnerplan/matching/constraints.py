"""Who must sit apart and who would like to sit together.

Guests from the same company are kept apart by default (they can talk at the office);
"don't seat me with" is hard and works in both directions; "I'd like to sit with" keeps
a small group together, and overrides the same-company default but never an avoid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from dinnerplan.matching.schema import Profile
from dinnerplan.matching.weights import MAX_TOGETHER

# fmt: off
_COMPANY_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "corp", "corporation",
        "co", "company", "plc", "sa", "sas", "sarl", "ag", "bv", "nv", "oy", "ab", "srl",
        "pty", "llp", "lp", "group", "holdings", "the",
    }
)
# What guests type when they have no company: two freelancers, two "stealth" founders or two
# people "ex-Google" are not colleagues, and must not be kept apart as if they were.
_NO_COMPANY = frozenset(
    {
        "independent", "freelance", "freelancer", "self employed", "selfemployed", "sole trader",
        "none", "n a", "na", "no company", "tbc", "tbd", "various", "stealth",
        "stealth mode", "stealth startup", "retired", "between jobs", "between things",
        "looking", "open to work", "job hunting", "unemployed", "student", "consultant",
        "independent consultant", "contractor", "angel", "angel investor", "private investor",
        "investor", "advisor", "myself", "self", "me", "personal", "own business",
        "my own company", "sabbatical", "on sabbatical", "career break",
    }
)
_FORMER = re.compile(r"^\s*(?:ex-|former |formerly |previously |until recently )", re.I)
# fmt: on


def normalise_company(name: str) -> str:
    """Return a company name folded for comparison: "Acme Inc." -> "acme".

    A name that says the guest has no company ("independent", "freelance (ex-Monzo)",
    "ex-Google", "stealth") folds to "", which never makes colleagues.
    """
    former = _FORMER.match(name)
    name = re.sub(r"\([^)]*\)", " ", name.lower().replace("'", ""))
    words = re.sub(r"[^a-z0-9&]+", " ", name).split()
    while words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _COMPANY_SUFFIXES:
        words = words[:-1]
    folded = " ".join(words)
    return "" if folded in _NO_COMPANY or former else folded


def _pair(a: str, b: str) -> tuple[str, str]:
    """Return the pair with its ids in sorted order."""
    return (a, b) if a < b else (b, a)


def _links(profiles: Sequence[Profile], field: str, warnings: list[str]) -> set[tuple[str, str]]:
    """Return the sorted pairs named in one field (avoid or prefer) of every profile."""
    known = {p.id for p in profiles}
    pairs = set()
    for p in profiles:
        for other in getattr(p, field):
            if other == p.id:
                continue
            if other not in known:
                warnings.append(f"{p.name} lists unknown guest {other!r} under {field}; ignored")
                continue
            pairs.add(_pair(p.id, other))
    return pairs


def _components(nodes: set[str], edges: set[tuple[str, str]]) -> list[tuple[str, ...]]:
    """Return the connected groups (size >= 2) of a graph, sorted."""
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in sorted(edges):
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for n in sorted(nodes):
        groups.setdefault(root(n), []).append(n)
    return sorted(tuple(g) for g in groups.values() if len(g) > 1)


def _mutual(profiles: Sequence[Profile], group: tuple[str, ...]) -> set[tuple[str, str]]:
    """Return the prefer links inside a group that both guests asked for."""
    wants = {p.id: set(p.prefer) for p in profiles if p.id in group}
    return {(a, b) for a, b in combinations(group, 2) if b in wants[a] and a in wants[b]}


def seating_constraints(
    profiles: Sequence[Profile],
) -> tuple[list[tuple[str, str]], list[tuple[str, ...]], list[str]]:
    """Return (apart pairs, together groups, warnings) for an event's guests."""
    warnings: list[str] = []
    names = {p.id: p.name for p in profiles}
    avoid = _links(profiles, "avoid", warnings)
    prefer = _links(profiles, "prefer", warnings)
    for a, b in sorted(prefer & avoid):
        warnings.append(f"{names[a]} and {names[b]} are both preferred and avoided; kept apart")
    prefer -= avoid

    together: list[tuple[str, ...]] = []
    for group in _components({x for e in prefer for x in e}, prefer):
        candidates = [group]
        if len(group) > MAX_TOGETHER:
            candidates = _components(set(group), _mutual(profiles, group))
            warnings.append(
                f"'sit with' links {len(group)} guests ({', '.join(names[g] for g in group)}),"
                f" more than {MAX_TOGETHER}; only mutual wishes are kept"
            )
        for cand in candidates:
            clash = [pr for pr in combinations(cand, 2) if pr in avoid]
            if len(cand) > MAX_TOGETHER or clash:
                who = ", ".join(names[g] for g in cand)
                warnings.append(f"cannot keep {who} together; the 'sit with' wish is dropped")
            else:
                together.append(cand)

    grouped = {g: i for i, cand in enumerate(together) for g in cand}
    by_company: dict[str, list[str]] = {}
    for p in profiles:
        key = normalise_company(p.company)
        if key:
            by_company.setdefault(key, []).append(p.id)
    colleagues = {
        _pair(a, b)
        for ids in by_company.values()
        for a, b in combinations(ids, 2)
        if grouped.get(a, -1) != grouped.get(b, -2)
    }
    return sorted(avoid | colleagues), sorted(together), warnings
