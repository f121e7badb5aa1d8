"""Score every pair of guests and say why, in sentences a guest would read.

A pair's score adds the needs each meets for the other (weights.NEED_MET), a bonus for
two-way pairs (weights.TWO_WAY_BONUS) and the fit of their intents
(weights.INTENT_AFFINITY), clamped at zero. Everything is computed on numpy arrays so an
event of 300 guests with three needs and offers each scores in a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from dinnerplan.matching import weights as w
from dinnerplan.matching.constraints import seating_constraints
from dinnerplan.matching.intents import INTENT_PHRASES, INTENTS
from dinnerplan.matching.matcher import Matcher
from dinnerplan.matching.schema import Match, Profile, Reason


@dataclass(frozen=True)
class Scores:
    """Pair scores, seating constraints and warnings for one event."""

    pairs: dict[tuple[str, str], Match]
    apart: list[tuple[str, str]]
    together: list[tuple[str, ...]]
    warnings: list[str]
    _helps: dict[tuple[str, str], list[Reason]] = field(default_factory=dict, repr=False)
    _helpable: frozenset[str] = frozenset()

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


def _display_names(profiles: list[Profile]) -> dict[str, str]:
    """Return first names, or full names where two guests share a first name."""
    firsts = [p.first_name for p in profiles]
    return {
        p.id: p.first_name if firsts.count(p.first_name) == 1 else (p.name or p.id)
        for p in profiles
    }


def _quote(text: str) -> str:
    """Return a need or offer trimmed and quoted for a sentence."""
    return f"“{text.strip().rstrip('.')}”"


def _need_reason(
    helper: Profile,
    helped: Profile,
    offer: str,
    need: str,
    sim: float,
    names: dict[str, str],
    is_role: bool = False,
) -> Reason:
    """Return the reason one guest's offer (or one-liner) meets another's need."""
    verb = "is" if is_role else "offers:"
    text = f"{names[helped.id]} needs: {_quote(need)} — {names[helper.id]} {verb} {_quote(offer)}"
    return Reason(helper.id, helped.id, offer, need, round(sim, 3), text)


def _intent_reason(a: Profile, b: Profile, names: dict[str, str]) -> Reason:
    """Return the sentence for two guests whose intents fit well."""
    if a.intent == b.intent:
        text = f"Both came to {INTENT_PHRASES[a.intent]}"
    else:
        text = (
            f"{names[a.id]} came to {INTENT_PHRASES[a.intent]} — "
            f"{names[b.id]} came to {INTENT_PHRASES[b.intent]}"
        )
    return Reason("", "", "", "", 0.0, text)


def _unique_ids(profiles: list[Profile]) -> None:
    """Raise ValueError when two profiles share an id."""
    seen: set[str] = set()
    for p in profiles:
        if p.id in seen:
            raise ValueError(f"duplicate guest id {p.id!r}")
        seen.add(p.id)


def score_pairs(profiles: Iterable[Profile], matcher: Matcher | None = None) -> Scores:
    """Return every pair's score and reasons, plus who sits apart and together."""
    profiles = list(profiles)
    _unique_ids(profiles)
    matcher = matcher or Matcher.from_profiles(profiles)
    n = len(profiles)
    needs = [(i, t) for i, p in enumerate(profiles) for t in p.needs]
    # A guest's one-liner ("Founder of a B2B SaaS startup") is an offer too: it meets
    # needs such as "Want to meet founders early".
    offers = [(i, t) for i, p in enumerate(profiles) for t in (*p.offers, p.one_liner) if t]
    roles = {(i, p.one_liner) for i, p in enumerate(profiles)}
    need_owner = np.array([i for i, _ in needs], dtype=int)
    offer_owner = np.array([i for i, _ in offers], dtype=int)

    sims = matcher.need_offer_matrix([t for _, t in needs], [t for _, t in offers])
    sims[sims < matcher.threshold] = 0.0
    sims[need_owner[:, None] == offer_owner[None, :]] = 0.0

    # best[k, j]: how well guest j's best offer meets need k; best_at: which offer.
    best = np.zeros((len(needs), n))
    best_at = np.full((len(needs), n), -1)
    for j in range(n):
        cols = np.flatnonzero(offer_owner == j)
        if len(cols) and len(needs):
            sub = sims[:, cols]
            best[:, j] = sub.max(axis=1)
            best_at[:, j] = cols[sub.argmax(axis=1)]
    points = np.where(best > 0, w.NEED_MET * (1 + best) / 2, 0.0)

    # helped_by[i, j]: points for guest j meeting guest i's needs (best few needs only);
    # tops[i][:, j]: which needs of guest i those are, best first.
    helped_by = np.zeros((n, n))
    tops: dict[int, np.ndarray] = {}
    for i in range(n):
        rows = np.flatnonzero(need_owner == i)
        if len(rows):
            order = np.argsort(-points[rows], axis=0, kind="stable")[: w.MAX_NEEDS_PER_PAIR]
            tops[i] = rows[order]
            helped_by[i] = np.take_along_axis(points[rows], order, axis=0).sum(axis=0)

    keys = [None, *INTENTS]
    table = np.array([[w.intent_affinity(x, y) for y in keys] for x in keys])
    kind = np.array([keys.index(p.intent) if p.intent in INTENTS else 0 for p in profiles], int)
    affinity = table[kind[:, None], kind[None, :]]
    total = helped_by + helped_by.T + w.TWO_WAY_BONUS * np.minimum(helped_by, helped_by.T)
    total = np.round(np.maximum(total + affinity, 0.0), 3)

    apart, together, warnings = seating_constraints(profiles)
    names = _display_names(profiles)
    helps: dict[tuple[str, str], list[Reason]] = {}
    for i, top in tops.items():
        for j in np.flatnonzero(helped_by[i] > 0):
            helps[(profiles[j].id, profiles[i].id)] = [
                _need_reason(
                    profiles[j],
                    profiles[i],
                    offers[best_at[k, j]][1],
                    needs[k][1],
                    float(best[k, j]),
                    names,
                    offers[best_at[k, j]] in roles,
                )
                for k in top[:, j]
                if best[k, j] > 0
            ]

    pairs: dict[tuple[str, str], Match] = {}
    for i, j in zip(*np.nonzero(np.triu(total, k=1)), strict=True):
        a, b = (
            (profiles[i], profiles[j])
            if profiles[i].id < profiles[j].id
            else (profiles[j], profiles[i])
        )
        reasons = helps.get((b.id, a.id), []) + helps.get((a.id, b.id), [])
        if len(reasons) > 1:
            reasons.sort(key=lambda r: -r.similarity)
        if affinity[i, j] > 0:
            reasons.append(_intent_reason(a, b, names))
        pairs[(a.id, b.id)] = Match(a.id, b.id, float(total[i, j]), tuple(reasons))

    blocked = set(apart)
    helpable = frozenset(
        guest for helper, guest in helps if (min(helper, guest), max(helper, guest)) not in blocked
    )
    return Scores(pairs, apart, together, warnings, helps, helpable)
