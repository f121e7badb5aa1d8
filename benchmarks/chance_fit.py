"""Fit the calibration of help chances (matching/chances.py) on hand-labelled guest lists.

    python benchmarks/chance_fit.py founders/dev.jsonl regional/dev.jsonl ... [--folds 5]

For every guest, side and topic that the reader read or the classifier gives at least 0.02,
collects the calibration's features (chances.features: read weight, classifier probability
and how they stand among the guest's other topics, fit with the intent) and whether the topic
is really theirs, and fits one logistic regression per side. Prints
the coefficients to copy into chances.CALIBRATION and, per band, the share really theirs
next to the mean calibrated probability the module gives now. Never on a held-out set.

The classifier trains on the seen lists themselves (data/corpus/lists.jsonl, made by
list_corpus.py), so in-sample it would be sure of their texts and the fit would trust it too
much: the lists are split into --folds groups, and each group is read by a classifier trained
without that group's corpus lines (cross-fitting; --folds 1 reads all with the built-in one).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.topics_errors import ROOT, profiles_of  # noqa: E402
from benchmarks.topics_eval import load  # noqa: E402
from dinnerplan.matching import classifier  # noqa: E402
from dinnerplan.matching.catalogue import load_catalogue  # noqa: E402
from dinnerplan.matching.chances import (  # noqa: E402
    FEATURES,
    _calibrated,
    features,
    intent_fit,
    signals,
)
from dinnerplan.matching.evidence import read_sides  # noqa: E402


def rows_of(paths: list[str]) -> dict[str, np.ndarray]:
    """Return per side an array of rows: the calibration's features, then the truth."""
    catalogue = load_catalogue()
    ids = list(catalogue.topics)
    out: dict[str, list] = {"need": [], "offer": []}
    for path in paths:
        guests = load(str(ROOT / path) if not Path(path).is_absolute() else path)
        profiles = profiles_of(guests)
        found = signals(profiles, read_sides(profiles, catalogue), catalogue)
        for side, (weight, prob, _) in found.items():
            feats = features(weight, prob, intent_fit(profiles, side, ids))
            for i, g in enumerate(guests):
                truth = set(g["truth_needs" if side == "need" else "truth_offers"])
                for k, t in enumerate(ids):
                    if weight[i, k] > 0 or prob[i, k] >= 0.02:
                        out[side].append((*feats[i, k], t in truth))
    return {side: np.array(rows, dtype=float) for side, rows in out.items()}


@contextmanager
def trained_without(lists: list[str]):
    """Read with a classifier trained on everything but these lists' corpus lines."""
    names = {str(Path(p).with_suffix("")) for p in lists}  # as list_corpus.py names them
    corpus = [r for r in classifier.corpus_lines() if r.get("list") not in names]
    rows = classifier.training_rows(load_catalogue().topics.values(), corpus)
    before = classifier._TRAINED.pop("built-in", None)  # not trained just to be put back
    classifier._TRAINED["built-in"] = classifier.Classifier(rows)
    try:
        yield
    finally:
        classifier._TRAINED.pop("built-in")
        if before is not None:
            classifier._TRAINED["built-in"] = before


def cross_rows(paths: list[str], folds: int) -> dict[str, np.ndarray]:
    """Return rows_of(paths), each fold read by a classifier that never saw its lists."""
    if folds <= 1:
        return rows_of(paths)
    out: dict[str, list] = {"need": [], "offer": []}
    for k in range(folds):
        group = paths[k::folds]
        with trained_without(group):
            for side, rows in rows_of(group).items():
                out[side].append(rows)
    return {side: np.vstack(parts) for side, parts in out.items()}


def main() -> None:
    """Fit and print the calibration."""
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--folds", type=int, default=5, help="cross-fitting groups (1: none)")
    args = parser.parse_args()
    for side, rows in cross_rows(args.sets, args.folds).items():
        x, y = rows[:, :-1], rows[:, -1]
        model = LogisticRegression(C=10.0, max_iter=2000).fit(x, y)
        print(f"{side}: {len(rows)} rows, {int(y.sum())} true")
        coef = ", ".join(f'"{n}": {c:.2f}' for n, c in zip(FEATURES, model.coef_[0], strict=True))
        print(f'  "{side}": {{"bias": {model.intercept_[0]:.2f}, {coef}}},')
        now = _calibrated(x, side)
        for lo, hi in (
            (0, 0.05),
            (0.05, 0.1),
            (0.1, 0.2),
            (0.2, 0.4),
            (0.4, 0.6),
            (0.6, 0.8),
            (0.8, 1.01),
        ):
            m = (now >= lo) & (now < hi)
            if m.any():
                print(
                    f"  module says {lo:.2f}-{hi:.2f}: really theirs {y[m].mean():.2f}"
                    f" of {int(m.sum())}"
                )


if __name__ == "__main__":
    main()
