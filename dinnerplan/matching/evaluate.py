"""Measure a matcher on labelled need/offer pairs: precision, recall, F1, threshold.

The thresholds shipped in matcher.DEFAULT_THRESHOLDS were chosen with `best_threshold`
on the "dev" split of tests/data/need_offer_pairs.csv and are reported on the "test"
split, which was written after the matcher was frozen (see docs/matching.md).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dinnerplan.matching.matcher import Matcher


@dataclass(frozen=True)
class LabelledPair:
    """One need, one offer, and whether the offer meets the need."""

    need: str
    offer: str
    label: int
    kind: str
    split: str


@dataclass(frozen=True)
class Quality:
    """Precision, recall and F1 at one threshold."""

    threshold: float
    precision: float
    recall: float
    f1: float


def load_pairs(path: str | Path) -> list[LabelledPair]:
    """Read labelled pairs from a CSV with need, offer, label, kind, split columns."""
    with open(path, newline="", encoding="utf-8") as fh:
        return [
            LabelledPair(r["need"], r["offer"], int(r["label"]), r["kind"], r["split"])
            for r in csv.DictReader(fh)
        ]


def pair_similarities(matcher: Matcher, pairs: Sequence[LabelledPair]) -> np.ndarray:
    """Return the matcher's similarity for each labelled pair."""
    if not pairs:
        return np.zeros(0)
    sims = matcher.need_offer_matrix([p.need for p in pairs], [p.offer for p in pairs])
    return np.diag(sims).copy()


def quality(sims: np.ndarray, labels: np.ndarray, threshold: float) -> Quality:
    """Return precision, recall and F1 when pairs at or above threshold count as matches."""
    predicted = sims >= threshold
    true_pos = int(np.sum(predicted & (labels == 1)))
    precision = true_pos / max(int(predicted.sum()), 1)
    recall = true_pos / max(int(labels.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Quality(threshold, precision, recall, f1)


def best_threshold(sims: np.ndarray, labels: np.ndarray) -> Quality:
    """Return the threshold (on a 0.01 grid) with the best F1; ties go to the middle."""
    grid = [round(0.01 * k, 2) for k in range(1, 100)]
    results = [quality(sims, labels, t) for t in grid]
    top = max(r.f1 for r in results)
    best = [r for r in results if r.f1 >= top - 1e-12]
    return best[len(best) // 2]


def evaluate(
    pairs: Sequence[LabelledPair], variant: str, threshold: float | None = None
) -> tuple[Quality, Quality]:
    """Return (dev, test) quality; the threshold is tuned on dev unless given."""
    texts = [t for p in pairs for t in (p.need, p.offer)]
    matcher = Matcher.fit(texts, variant=variant)
    sims = pair_similarities(matcher, pairs)
    labels = np.array([p.label for p in pairs])
    dev = np.array([p.split == "dev" for p in pairs])
    dev_q = best_threshold(sims[dev], labels[dev])
    if threshold is not None:
        dev_q = quality(sims[dev], labels[dev], threshold)
    return dev_q, quality(sims[~dev], labels[~dev], dev_q.threshold)


def cross_validate(pairs: Sequence[LabelledPair], variant: str, folds: int = 5) -> Quality:
    """Return pooled quality over k folds, each threshold tuned on the other folds."""
    texts = [t for p in pairs for t in (p.need, p.offer)]
    sims = pair_similarities(Matcher.fit(texts, variant=variant), pairs)
    labels = np.array([p.label for p in pairs])
    fold = np.arange(len(pairs)) % folds
    predicted = np.zeros(len(pairs), dtype=bool)
    for k in range(folds):
        t = best_threshold(sims[fold != k], labels[fold != k]).threshold
        predicted[fold == k] = sims[fold == k] >= t
    q = quality(predicted.astype(float), labels, 0.5)
    return Quality(float("nan"), q.precision, q.recall, q.f1)
