"""Speed of the help-topic reader: suggestions for one typed text, reading a 300-guest event.

    python benchmarks/topics_speed.py [--repeat 7]

Prints medians (and min) of: training the topic classifier (classifier.py, once per
process in the app; here 3 times, with the corpus under data/corpus/ when present);
building the reader once; suggest() for each of 200 texts
typed by generated guests (per text); reading every need, offer and one-liner of 300
generated guests into topics (evidence.read_sides); score_pairs for those 300 guests.
Targets: suggest < 50 ms, reading 300 guests < 1 s. The machine is shared: note the load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dinnerplan.matching import classifier, score_pairs  # noqa: E402
from dinnerplan.matching.evidence import read_sides  # noqa: E402
from dinnerplan.matching.reader import Reader  # noqa: E402
from dinnerplan.matching.sample import generate_profiles  # noqa: E402
from dinnerplan.matching.topics import load_catalogue, reader_for, suggest  # noqa: E402


def timed(fn, repeat: int) -> list[float]:
    """Return the wall times of `repeat` calls of fn, in seconds."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    catalogue = load_catalogue()
    rows = classifier.training_rows(catalogue.topics.values(), classifier.corpus_lines())
    train = timed(lambda: classifier.Classifier(rows), 3)
    build = timed(lambda: Reader(catalogue), 3)
    reader_for(catalogue)
    guests = generate_profiles(300, seed=1)
    texts = [t for p in guests for t in p.needs][:200]
    per_text = [t for text in texts for t in timed(lambda text=text: suggest(text, "need"), 1)]
    reading = timed(lambda: read_sides(guests, catalogue), args.repeat)
    scoring = timed(lambda: score_pairs(guests), args.repeat)
    print(f"cpu {os.cpu_count()}, load {os.getloadavg()}")
    print(f"classifier training rows: {len(rows)}")
    for label, values, unit in (
        ("train the classifier", train, 1),
        ("build the reader", build, 1),
        ("suggest() per text (200 texts)", per_text, 1000),
        ("read 300 guests' texts", reading, 1),
        ("score_pairs, 300 guests", scoring, 1),
    ):
        scale = "ms" if unit == 1000 else "s"
        print(
            f"{label}: median {statistics.median(values) * unit:.3g} {scale} "
            f"(min {min(values) * unit:.3g}, max {max(values) * unit:.3g})"
        )


if __name__ == "__main__":
    main()
