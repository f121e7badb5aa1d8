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
from dinnerplan.matching.evidence import Sides, mirrored, role_words
from dinnerplan.matching.schema import Profile

# Logistic calibration per side, over the features of `features()`: the strongest read
# weight w of the topic, the classifier's highest probability p over the guest's texts of
# that side, sqrt(p), "not read", whether p is the guest's highest on that side ("top"), p
# relative to that highest ("rel"), w * sqrt(p) ("wroot"), whether w is the guest's
# strongest read ("wtop") and whether the topic fits why the guest came (INTENT_TOPICS).
# Fit by benchmarks/chance_fit.py on the seen hand-labelled lists, cross-fitted: each list
# read by a classifier that did not train on it (data/corpus/lists.jsonl; docs/matching.md).
CALIBRATION = {
    "need": {"bias": -4.62, "w": 1.74, "p": -1.88, "root": 6.15, "unread": 0.68,
             "top": 0.16, "rel": 1.40, "wroot": 0.47, "wtop": 0.24, "intent": 0.87},
    "offer": {"bias": -5.42, "w": 2.69, "p": -2.76, "root": 4.34, "unread": 1.18,
              "top": 0.39, "rel": 1.75, "wroot": 1.52, "wtop": 0.82, "intent": 0.41},
}  # fmt: skip
FEATURES = ("w", "p", "root", "unread", "top", "rel", "wroot", "wtop", "intent")
# Topics that fit a guest's intent, per side: who came to hire needs people, who came to
# find a job offers themselves, who came to give back offers mentoring. An organizer's own
# topics fit no intent.
INTENT_TOPICS = {
    "need": {
        "hire": ("hire_engineering", "hire_sales_marketing", "hire_product_design", "hire_other"),
        "job": ("job_engineering", "job_sales_marketing", "job_product_design", "job_other"),
        "investors": ("fundraising",),
        "clients": ("b2b_sales", "public_sector_sales", "sell_food", "retail_distribution"),
        "partners": ("partnerships",),
    },
    "offer": {
        "hire": ("hire_engineering", "hire_sales_marketing", "hire_product_design", "hire_other"),
        "job": ("job_engineering", "job_sales_marketing", "job_product_design", "job_other"),
        "give_back": ("mentoring", "board_advisors"),
    },
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


def intent_fit(profiles: Sequence[Profile], side: str, ids: Sequence[str]) -> np.ndarray:
    """Return guests x topics: 1 where the topic fits the guest's intent on that side."""
    col = {t: k for k, t in enumerate(ids)}
    out = np.zeros((len(profiles), len(ids)), dtype=np.float32)
    for i, p in enumerate(profiles):
        for topic in INTENT_TOPICS[side].get(p.intent or "", ()):
            if topic in col:
                out[i, col[topic]] = 1.0
    return out


def features(weight: np.ndarray, prob: np.ndarray, fit: np.ndarray) -> np.ndarray:
    """Return guests x topics x FEATURES for the calibration (2-D inputs: one guest a row)."""
    top_p = prob.max(axis=-1, keepdims=True, initial=0.0)
    top_w = weight.max(axis=-1, keepdims=True, initial=0.0)
    return np.stack(
        [
            weight,
            prob,
            np.sqrt(prob),
            weight == 0,
            (prob >= top_p - 1e-6) & (prob > 0.05),
            prob / np.maximum(top_p, 1e-3),
            weight * np.sqrt(prob),
            (weight >= top_w - 1e-6) & (weight > 0),
            fit,
        ],
        axis=-1,
    ).astype(np.float64)


def _calibrated(feats: np.ndarray, side: str) -> np.ndarray:
    """Return the calibrated probability that a topic is really a guest's."""
    c = CALIBRATION[side]
    logit = c["bias"] + feats @ np.array([c[name] for name in FEATURES])
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
            for k in (col[t] for t in ids if mirrored(t)):
                prob[:, k] = np.maximum(prob[:, k], out["need"][1][:, k])
        out[side] = (weight, prob, confirmed)
    return out


def topic_chances(
    profiles: Sequence[Profile], sides: Sequence[Sides], catalogue: Catalogue
) -> dict[str, np.ndarray]:
    """Return per side a guests x topics matrix of calibrated probabilities."""
    reviewed = np.array([bool(p.need_topics or p.offer_topics) for p in profiles], dtype=bool)
    out = {}
    ids = list(catalogue.topics)
    for side, (weight, prob, confirmed) in signals(profiles, sides, catalogue).items():
        q = _calibrated(features(weight, prob, intent_fit(profiles, side, ids)), side)
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
