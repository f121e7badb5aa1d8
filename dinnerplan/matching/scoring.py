"""Score every pair of guests and say why, in sentences a guest would read.

Needs and offers are help topics (evidence.read_sides: confirmed topics, else topics read
from the guests' words). A need of topic T is met by an offer of a topic in T's `met_by`;
it is worth weights.NEED_MET times the need's weight times the offer's. A pair's score
adds the needs each meets for the other, a bonus for two-way pairs
(weights.TWO_WAY_BONUS), each one's calibrated chance of really helping the other
(chances.py, weights.CHANCE_POINTS) and the fit of their intents (weights.INTENT_AFFINITY),
clamped at zero. A reason exists only where sure topics meet and the chance is high; it
names the topic and quotes both guests. Everything runs on numpy arrays: 300 guests score
in under a second (docs/matching.md).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

import dinnerplan.matching.weights as w
from dinnerplan.matching.catalogue import Catalogue, load_catalogue
from dinnerplan.matching.chances import MIN_CHANCE, help_chances
from dinnerplan.matching.constraints import seating_constraints
from dinnerplan.matching.evidence import Evidence, Sides, read_sides
from dinnerplan.matching.intents import INTENT_PHRASES, INTENTS
from dinnerplan.matching.matcher import Matcher
from dinnerplan.matching.schema import Match, Profile, Reason, Scores

QUOTE_MARGIN = 0.1  # need words this close to the strongest may be quoted instead


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


def _topic_label(name: str) -> str:
    """Return a topic name to use inside a sentence ("accounting, bookkeeping and tax")."""
    if len(name) > 1 and name[1].isupper():
        return name  # "UX and product design", "PR and press"
    return name[:1].lower() + name[1:]


def _need_reason(
    helper: Profile,
    helped: Profile,
    need: Evidence,
    offer: Evidence,
    similarity: float,
    names: dict[str, str],
    catalogue: Catalogue,
    confidence: float = 0.0,
) -> Reason:
    """Return the reason one guest's offer (or one-liner) meets another's need of a topic."""
    topic = catalogue.topics[need.topic]
    verb = " is" if offer.is_role else ":"
    text = (
        f"{names[helped.id]} needs help with {_topic_label(topic.name)} — {_quote(need.text)}; "
        f"{names[helper.id]}{verb} {_quote(offer.text)}"
    )
    return Reason(
        helper.id,
        helped.id,
        offer.text,
        need.text,
        round(similarity, 3),
        text,
        topic.id,
        round(confidence, 3),
    )


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


class _Similar:
    """Free-text similarity of a need and an offer, with the matcher fitted only if asked."""

    def __init__(self, matcher: Matcher | None, profiles: list[Profile]) -> None:
        self._matcher, self._profiles = matcher, profiles
        self._cache: dict[tuple[str, str], float] = {}

    def prime(self, pairs: list[tuple[str, str]]) -> None:
        """Compute the similarity of many (need, offer) pairs in one pass."""
        pairs = [p for p in dict.fromkeys(pairs) if p not in self._cache]
        if not pairs:
            return
        if self._matcher is None:
            self._matcher = Matcher.from_profiles(self._profiles)
        needs = list(dict.fromkeys(n for n, _ in pairs))
        offers = list(dict.fromkeys(o for _, o in pairs))
        sims = self._matcher.need_offer_matrix(needs, offers)
        row, col = {t: k for k, t in enumerate(needs)}, {t: k for k, t in enumerate(offers)}
        for n, o in pairs:
            self._cache[(n, o)] = float(sims[row[n], col[o]])

    def __call__(self, need: str, offer: str) -> float:
        """Return how close an offer's words are to a need's, in [0, 1]."""
        if (need, offer) not in self._cache:
            if self._matcher is None:
                self._matcher = Matcher.from_profiles(self._profiles)
            self._cache[(need, offer)] = self._matcher.similarity(need, offer)
        return self._cache[(need, offer)]


def _words(
    needs: list[Evidence], offers: list[Evidence], similar: _Similar
) -> tuple[Evidence, Evidence]:
    """Return which words to quote.

    Of the need's strongest clauses and the offers that would meet it on their own, the pair
    whose words are closest.
    """
    needs = [e for e in needs if e.weight >= needs[0].weight - QUOTE_MARGIN]
    offers = [e for e in offers if e.weight * needs[0].weight >= w.REASON_MIN] or offers[:1]
    if len(needs) == len(offers) == 1:
        return needs[0], offers[0]
    return max(
        ((n, o) for n in needs for o in offers),
        key=lambda pair: pair[0].weight + pair[1].weight + similar(pair[0].text, pair[1].text),
    )


def _reasons(profiles, sides, found, ids, catalogue, matcher) -> dict:
    """Return {(helper, helped): reasons} for every pair where topics meet, best first.

    Only where both topics are sure (weights.REASON_MIN) and the helper's chance of really
    meeting the need is high (weights.REASON_CHANCE).
    """
    helped_by, order, top, best_at, used, chance = found
    names = _display_names(profiles)
    plan = []
    for i, j in zip(*np.nonzero(helped_by), strict=True):
        for u, strength in zip(order[i, j], top[i, j], strict=True):
            if strength >= w.REASON_MIN and chance[i, j] >= w.REASON_CHANCE:
                topic, offered = ids[used[u]], ids[best_at[j, u]]
                plan.append((i, j, sides[i].needs[topic], sides[j].offers[offered], strength))
    similar = _Similar(matcher, profiles)
    similar.prime([(n.text, o.text) for *_, ns, os_, _ in plan for n in ns for o in os_])
    helps: dict[tuple[str, str], list[Reason]] = {}
    for i, j, needs, offers, strength in plan:
        need, offer = _words(needs, offers, similar)
        similarity = similar(need.text, offer.text)
        reason = _need_reason(
            profiles[j], profiles[i], need, offer, similarity, names, catalogue, float(strength)
        )
        helps.setdefault((profiles[j].id, profiles[i].id), []).append(reason)
    return helps


def _matrices(sides: list[Sides], ids: list[str], catalogue: Catalogue):
    """Return need weights N (guests x topics) and G, the best offer meeting each topic."""
    index = {t: k for k, t in enumerate(ids)}
    n, t = len(sides), len(ids)
    need = np.zeros((n, t), dtype=np.float32)
    offer = np.zeros((n, t), dtype=np.float32)
    for i, s in enumerate(sides):
        for topic, found in s.needs.items():
            need[i, index[topic]] = found[0].weight
        for topic, found in s.offers.items():
            offer[i, index[topic]] = found[0].weight
    meets = np.array([[catalogue.meets(a, b) for b in ids] for a in ids], dtype=np.float32)
    used = np.flatnonzero(need.max(axis=0, initial=0) > 0)
    # met[j, u, o]: guest j's offer o for needed topic used[u]; best over o.
    met = offer[:, None, :] * meets[used][None, :, :]
    return need[:, used], met.max(axis=2, initial=0), met.argmax(axis=2), used


def _top_needs(value: np.ndarray, k: int) -> np.ndarray:
    """Return, per pair, the indices of its k best need topics, best first."""
    if value.shape[2] > k:
        value_part = np.argpartition(-value, k - 1, axis=2)[:, :, :k]
    else:
        value_part = np.broadcast_to(np.arange(value.shape[2]), value.shape).copy()
    best = np.take_along_axis(value, value_part, axis=2)
    return np.take_along_axis(value_part, np.argsort(-best, axis=2, kind="stable"), axis=2)


def score_pairs(
    profiles: Iterable[Profile],
    matcher: Matcher | None = None,
    catalogue: Catalogue | None = None,
) -> Scores:
    """Return every pair's score and reasons, plus who sits apart and together."""
    profiles = list(profiles)
    _unique_ids(profiles)
    catalogue = catalogue or load_catalogue()
    n = len(profiles)
    sides = read_sides(profiles, catalogue)
    ids = list(catalogue.topics)
    need, best, best_at, used = _matrices(sides, ids, catalogue)
    # value[i, j, u]: how well guest j meets guest i's need of topic used[u].
    value = need[:, None, :] * best[None, :, :]
    value[value < w.MIN_MEET] = 0.0
    value[np.arange(n), np.arange(n), :] = 0.0
    unsure = value < w.REASON_MIN
    value[unsure] *= w.UNSURE_MEET
    order = _top_needs(value, w.MAX_NEEDS_PER_PAIR)
    top = np.take_along_axis(value, order, axis=2)
    helped_by = w.NEED_MET * top.sum(axis=2).astype(np.float64)

    keys = [None, *INTENTS]
    table = np.array([[w.intent_affinity(x, y) for y in keys] for x in keys])
    kind = np.array([keys.index(p.intent) if p.intent in INTENTS else 0 for p in profiles], int)
    affinity = table[kind[:, None], kind[None, :]]
    total = helped_by + helped_by.T + w.TWO_WAY_BONUS * np.minimum(helped_by, helped_by.T)
    chance = help_chances(profiles, sides, catalogue)  # chance[i, j]: j really helps i
    total += w.CHANCE_POINTS * (chance + chance.T)
    total = np.round(np.maximum(total + affinity, 0.0), 3)

    apart, together, warnings = seating_constraints(profiles)
    names = _display_names(profiles)
    found = (helped_by, order, top, best_at, used, chance)
    helps = _reasons(profiles, sides, found, ids, catalogue, matcher)

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
    ids_of = [p.id for p in profiles]
    # Seating aims at a guest's likeliest helpers: chance >= SEAT_CHANCE and not far below
    # the guest's best (SEAT_RELATIVE of it).
    best = chance.max(axis=1, keepdims=True, initial=0.0)
    likely = (chance >= w.SEAT_CHANCE) & (chance >= w.SEAT_RELATIVE * best)
    maybe = frozenset(
        (ids_of[j], ids_of[i])
        for i, j in zip(*np.nonzero(likely), strict=True)
        if (min(ids_of[i], ids_of[j]), max(ids_of[i], ids_of[j])) not in blocked
    )
    chances = {
        ids_of[i]: {ids_of[j]: round(float(chance[i, j]), 4) for j in np.nonzero(row)[0]}
        for i, row in enumerate(chance >= MIN_CHANCE)
        if row.any()
    }
    return Scores(pairs, apart, together, warnings, helps, helpable, maybe, chances)
