"""Summarise benchmark CSVs per instance family: mean and worst gap, baseline gap.

python benchmarks/summarise.py benchmarks/results/mdgp_n120.csv ...
"""

from __future__ import annotations

import csv
import statistics
import sys
from collections import defaultdict


def main() -> None:
    """Print each CSV's gaps per instance family."""
    for path in sys.argv[1:]:
        with open(path) as fh:
            rows = list(csv.DictReader(fh))
        groups = defaultdict(list)
        for r in rows:
            family, _, kind, _ = r["instance"].split("_")
            groups[f"{family} {kind}"].append(float(r["gap_pct"]))
            groups["all"].append(float(r["gap_pct"]))
        print(path)
        for name, gaps in sorted(groups.items()):
            print(
                f"  {name:12s} n={len(gaps):2d} mean {statistics.mean(gaps):7.3f}%"
                f"  worst {max(gaps):6.3f}%  best {min(gaps):7.3f}%"
            )
        ran = [float(r["gap_pct"]) for r in rows if not r["instance"].startswith("Geo")]
        if ran:
            print(f"  RanReal+RanInt mean {statistics.mean(ran):.3f}%")


if __name__ == "__main__":
    main()
