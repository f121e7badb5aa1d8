"""How likely each guest really helps each other: calibrated chances for seating to hedge on.

A reason is shown only for two sure topics, and seating aims first at sure and likely meets
(scoring.py). But a guest's words are often read as the wrong topic, or as none: then the
helper seating aims at is not one. Here every guest gets, per side, a probability that each
topic is really theirs, from two signals: the weight of what the reader read (evidence.py)
and the trained classifier's probability for the guest's whole need or offer texts
(classifier.py), which also names topics the reader missed. A logistic calibration, fit on
hand-labelled guest lists (benchmarks/chance_fit.py, figures in docs/matching.md), turns the
two into a probability. The chance that j helps i is then

    1 - prod over i's need topics t of (1 - q_need[i, t] * max over t' meeting t of q_offer[j, t'])

and seating, among seatings equal on what it aims at, prefers tablemates with a high chance,
with diminishing returns per guest (solver/hedge.py): a guest whose need could be one of
two things sits, where it costs nothing, with a helper for each.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

import dinnerplan.matching.classifier as classifier
from dinnerplan.matching.catalogue import Catalogue, fold
from dinnerplan.matching.evidence import MIRRORED, Sides, role_words
from dinnerplan.matching.schema import Profile

# Logistic calibration per side: logit = bias + w * weight + p * prob + root * sqrt(prob)
# + unread * (weight == 0), weight = the strongest read of the topic, prob = the classifier's
# highest probability over the guest's texts of that side (benchmarks/chance_fit.py).
CALIBRATION = {
    "need": {"bias": -4.02, "w": 2.02, "p": -2.37, "root": 7.55, "unread": 0.39},
    "offer": {"bias": -6.18, "w": 4.88, "p": -1.70, "root": 5.67, "unread": 1.99},
}
CONFIRMED = 0.98  # a topic the guest or organizer confirmed
BESIDE_CONFIRMED = 0.4  # a guess of a guest who reviewed their topics (evidence.py)
FLOOR = 0.04  # a topic below this probability is left out
PER_SIDE = 6  # at most this many topics per guest and side
MIN_CHANCE = 0.05  # a chance below this is not passed to seating


def _probabilities(profiles: Sequence[Profile], side: str, ids: list[str]) -> np.ndarray:
    """Return guests x topics: the classifier's highest probability over a guest's texts."""
    texts, owner = [], []
    for i, p in enumerate(profiles):
        own = [fold(t) for t in (p.needs if side == "need" else p.offers) if t and t.strip()]
        if side == "offer":
            own += [role_words(t) for t in (p.one_liner, p.title) if t and t.strip()]
        texts += [t[:2000] for t in own]
        owner += [i] * len(own)
    out = np.zeros((len(profiles), len(ids)), dtype=np.float32)
    if texts:
        probs = np.nan_to_num(classifier.trained().proba(texts, side, ids))
        np.maximum.at(out, np.array(owner), probs)
    return out


def _calibrated(weight: np.ndarray, prob: np.ndarray, side: str) -> np.ndarray:
    """Return the calibrated probability that a topic is really a guest's."""
    c = CALIBRATION[side]
    logit = (
        c["bias"]
        + c["w"] * weight
        + c["p"] * prob
        + c["root"] * np.sqrt(prob)
        + c["unread"] * (weight == 0)
    )
    return 1.0 / (1.0 + np.exp(-logit))


def signals(
    profiles: Sequence[Profile], sides: Sequence[Sides], catalogue: Catalogue
) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Return per side guests x topics: (strongest read weight, classifier probability, confirmed).

    A hiring need is also a job offered and a job hunt a candidate offered (evidence.py), so
    those offers take the classifier's probability of the need too.
    """
    ids = list(catalogue.topics)
    col = {t: k for k, t in enumerate(ids)}
    out = {}
    for side in ("need", "offer"):
        weight = np.zeros((len(profiles), len(ids)), dtype=np.float32)
        confirmed = np.zeros_like(weight, dtype=bool)
        for i, s in enumerate(sides):
            for topic, found in (s.needs if side == "need" else s.offers).items():
                if topic in col:
                    weight[i, col[topic]] = max(e.weight for e in found)
                    confirmed[i, col[topic]] = any(e.confirmed for e in found)
        prob = _probabilities(profiles, side, ids) if ids else np.zeros_like(weight)
        if side == "offer":
            for k in (col[t] for t in ids if t.startswith(MIRRORED)):
                prob[:, k] = np.maximum(prob[:, k], out["need"][1][:, k])
        out[side] = (weight, prob, confirmed)
    return out


def topic_chances(
    profiles: Sequence[Profile], sides: Sequence[Sides], catalogue: Catalogue
) -> dict[str, np.ndarray]:
    """Return per side a guests x topics matrix of calibrated probabilities."""
    reviewed = np.array([bool(p.need_topics or p.offer_topics) for p in profiles], dtype=bool)
    out = {}
    for side, (weight, prob, confirmed) in signals(profiles, sides, catalogue).items():
        q = _calibrated(weight, prob, side)
        # A guest who confirmed topics reviewed the chips: the rest is only a guess (evidence).
        q[reviewed] *= BESIDE_CONFIRMED
        q[confirmed] = CONFIRMED
        q[q < FLOOR] = 0.0
        if q.shape[1] > PER_SIDE:
            cut = -np.partition(-q, PER_SIDE - 1, axis=1)[:, PER_SIDE - 1 : PER_SIDE]
            q[q < cut] = 0.0
        out[side] = q
    return out


def help_chances(
    profiles: Sequence[Profile], sides: Sequence[Sides], catalogue: Catalogue
) -> np.ndarray:
    """Return guests x guests: [i, j] the chance that j really meets one of i's needs."""
    n, ids = len(profiles), list(catalogue.topics)
    miss = np.ones((n, n))
    if not n or not ids:
        return 1.0 - miss
    q = topic_chances(profiles, sides, catalogue)
    col = {t: k for k, t in enumerate(ids)}
    for t in np.nonzero(q["need"].any(axis=0))[0]:
        meeting = [col[m] for m in catalogue.topics[ids[t]].met_by if m in col] or [t]
        meets = q["offer"][:, meeting].max(axis=1)
        miss *= 1.0 - np.outer(q["need"][:, t], meets)
    chance = 1.0 - miss
    np.fill_diagonal(chance, 0.0)
    return chance
