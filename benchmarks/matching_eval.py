"""Measure the need/offer matcher on the labelled pairs and time a 300-guest event.

Run from the repository root: `python benchmarks/matching_eval.py`. For each variant the
threshold is tuned on the "dev" split and reported on the held-out "test" split; a 5-fold
cross-validation over all pairs is printed as a second opinion. Figures go into
docs/matching.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

# Use the checkout this script sits in, even when another one is installed.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dinnerplan.matching import DEFAULT_THRESHOLDS, VARIANTS, score_pairs  # noqa: E402
from dinnerplan.matching.evaluate import cross_validate, evaluate, load_pairs  # noqa: E402
from dinnerplan.matching.sample import generate_profiles  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "need_offer_pairs.csv"


def quality_table() -> None:
    """Print precision, recall and F1 per variant: dev-tuned, held-out, cross-validated."""
    pairs = load_pairs(PAIRS)
    n_dev = sum(p.split == "dev" for p in pairs)
    print(f"labelled pairs: {len(pairs)} ({n_dev} dev, {len(pairs) - n_dev} test)")
    print("| variant | threshold (dev) | dev P / R / F1 | test P / R / F1 | 5-fold CV P / R / F1 |")
    print("|---|---|---|---|---|")
    for variant in VARIANTS:
        dev, test = evaluate(pairs, variant)
        cv = cross_validate(pairs, variant)
        print(
            f"| {variant} | {dev.threshold:.2f} "
            f"| {dev.precision:.2f} / {dev.recall:.2f} / {dev.f1:.2f} "
            f"| {test.precision:.2f} / {test.recall:.2f} / {test.f1:.2f} "
            f"| {cv.precision:.2f} / {cv.recall:.2f} / {cv.f1:.2f} |"
        )
    shipped = DEFAULT_THRESHOLDS["combined"]
    dev, test = evaluate(pairs, "combined", threshold=shipped)
    print(
        f"\nshipped: combined at its frozen threshold {shipped:.2f}: "
        f"dev P {dev.precision:.2f} R {dev.recall:.2f} F1 {dev.f1:.2f}; "
        f"test P {test.precision:.2f} R {test.recall:.2f} F1 {test.f1:.2f}"
    )


def timing(n: int = 300, repeats: int = 5) -> None:
    """Print how long score_pairs takes for a generated event of n guests."""
    guests = generate_profiles(n, seed=1)
    items = sum(len(p.offers) + len(p.needs) + 1 for p in guests)
    score_pairs(guests[:20])
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        scores = score_pairs(guests)
        seconds.append(time.perf_counter() - start)
    helped = sum(scores.can_be_helped(p.id) for p in guests)
    print(
        f"\n{n} guests ({items} offers, needs and one-liners): score_pairs median "
        f"{statistics.median(seconds):.2f} s over {repeats} runs "
        f"(min {min(seconds):.2f}); {len(scores.pairs)} pairs scored > 0; "
        f"{helped} of {n} guests can be helped by someone they may sit with"
    )


if __name__ == "__main__":
    quality_table()
    timing()
