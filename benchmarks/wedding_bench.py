"""wedding17 (OR-Tools' wedding chart, 5 tables of at most 4): expect 276, proven optimal.

python benchmarks/wedding_bench.py [--baseline]
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import REPO, baseline, load, shared_benchmarks  # noqa: E402
from dinnerplan.solver import Options, Problem, Table, check, score, solve  # noqa: E402


def wedding_problem() -> Problem:
    """The 17 guests, 5 tables of 0-4 seats, scores from the example's matrix C."""
    data = json.loads((shared_benchmarks() / "wedding/wedding17.json").read_text())
    names, c = data["guests"], data["C"]
    return Problem(
        guests=tuple(names),
        tables=tuple(Table(f"T{t + 1}", 0, data["table_capacity"]) for t in range(data["tables"])),
        scores=tuple(
            (names[i], names[j], c[i][j])
            for i in range(len(names))
            for j in range(i + 1, len(names))
            if c[i][j]
        ),
    )


def main() -> None:
    """Solve wedding17, check the result and print it."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", action="store_true")
    ap.add_argument("--time-limit", type=float, default=60)
    args = ap.parse_args()
    p = wedding_problem()
    res = solve(p, Options(time_limit=args.time_limit, fairness=0))
    assert not check(p, res.tables)
    assert score(p, res.tables) == res.objective
    lines = [
        f"# wedding17, {datetime.datetime.now():%Y-%m-%d %H:%M}, {load()}",
        "",
        f"- ours: objective {res.objective:g}, bound {res.bound:g}, status {res.status}, "
        f"{res.seconds:.2f} s",
    ]
    if args.baseline:
        status, value, seconds = baseline(p, args.time_limit, 2)
        lines.append(
            f"- wedding-example CP-SAT model: objective {value}, status {status}, {seconds:.2f} s"
        )
    print("\n".join(lines))
    (REPO / "benchmarks/results").mkdir(exist_ok=True)
    (REPO / "benchmarks/results/wedding17.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
