"""MDGPLIB benchmark: our solver (and optionally the wedding-style CP-SAT baseline) per instance.

    python benchmarks/mdgp_bench.py --sizes 120 240 [--baseline] [--only RanReal]
    python benchmarks/mdgp_bench.py --optimum30 --cap 60     # time to proven optimum, n = 30
    python benchmarks/mdgp_bench.py --n480 DIR [--instances NAME ...]   # held-out n = 480

--n480 reads the n = 480 instance files (not in the shared folder: fetch them from
Maasouza/ALNS-MDGP, data/mdgplib/<Family>/, see docs/solver.md) from DIR or its subfolders;
their best-known values are in benchmarks/mdgp_n480_best_known.csv (TPSDP's published best of
20 runs). Published limit 120 s. Measure only: nothing is tuned on them.

One run per instance under the published time limit, fairness off; every seating is checked
with dinnerplan.solver.validate. Results go to benchmarks/results/.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import REPO, baseline, load, shared_benchmarks  # noqa: E402
from dinnerplan.solver import Options, check, read_mdgp, score, solve  # noqa: E402

RESULTS = REPO / "benchmarks/results"


N480 = REPO / "benchmarks/mdgp_n480_best_known.csv"
# Three held-out n = 480 instances, one per family and both size types.
N480_DEFAULT = ("RanReal_n480_ss_01", "RanInt_n480_ds_01", "Geo_n480_ss_01")


def run_sizes(args) -> None:
    """Solve every MDGPLIB instance of the sizes asked; check and score each seating."""
    if args.n480:
        with open(N480) as fh:
            table = list(csv.DictReader(fh))
        names = set(args.instances or N480_DEFAULT)
        rows = [r for r in table if r["instance"] in names]
        files = {f.stem: f for f in Path(args.n480).rglob("*_n480_*.txt")}
        path_of = files.__getitem__
        args.sizes = [480]
    else:
        root = shared_benchmarks() / "mdgp"
        with open(root / "best_known.csv") as fh:
            table = list(csv.DictReader(fh))
        rows = [r for r in table if int(r["n"]) in args.sizes and args.only in r["instance"]]
        path_of = lambda name: root / "instances" / f"{name}.txt"  # noqa: E731
    out = []
    # Compile the search kernel first (or load it from numba's disk cache): a compile after a
    # change to kernel.py takes seconds that would otherwise land in the first instance.
    subprocess.run([sys.executable, "-m", "dinnerplan.solver.kernel"], check=True)
    print(f"# {datetime.datetime.now():%Y-%m-%d %H:%M} {load()}", flush=True)
    for r in rows:
        p = read_mdgp(path_of(r["instance"]))
        limit = float(r["time_limit_s"]) * args.scale_time
        res = solve(p, Options(time_limit=limit, fairness=0, seed=args.seed, workers=args.workers))
        errors = check(p, res.tables)
        value = score(p, res.tables)
        assert abs(value - res.objective) < 1e-6, errors
        assert not errors, errors
        bkv = float(r["bkv"])
        row = {
            "instance": r["instance"],
            "n": int(r["n"]),
            "bkv": bkv,
            "limit_s": limit,
            "objective": round(value, 3),
            "gap_pct": round(100 * (bkv - value) / bkv, 4),
            "seconds": round(res.seconds, 2),
            "valid": not errors,
        }
        if args.baseline:
            status, bval, bsec = baseline(p, limit, args.workers or 2)
            row["baseline"] = None if bval is None else round(bval, 3)
            row["baseline_gap_pct"] = None if bval is None else round(100 * (bkv - bval) / bkv, 4)
        out.append(row)
        print(" ".join(f"{k}={v}" for k, v in row.items()), f"| {load()}", flush=True)
    summary = []
    for n in args.sizes:
        sel = [r for r in out if r["n"] == n]
        if not sel:
            continue
        mean = statistics.mean(r["gap_pct"] for r in sel)
        worst = max(r["gap_pct"] for r in sel)
        line = f"n={n}: {len(sel)} instances, mean gap {mean:.3f}%, worst {worst:.3f}%"
        if args.baseline:
            gaps = [r["baseline_gap_pct"] for r in sel if r["baseline_gap_pct"] is not None]
            line += (
                f"; baseline mean gap {statistics.mean(gaps):.3f}% ({len(gaps)} with a solution)"
                if gaps
                else "; baseline found no solution"
            )
        summary.append(line)
        print(line, flush=True)
    write(out, summary, args.tag or "mdgp_" + "_".join(map(str, args.sizes)))


def run_optimum30(args) -> None:
    """Time to a proven optimum on the n = 30 instances."""
    root = shared_benchmarks() / "mdgp/instances"
    names = [
        f"{fam}_n030_{kind}_01" for fam in ("RanReal", "RanInt", "Geo") for kind in ("ss", "ds")
    ]
    out = []
    print(f"# {datetime.datetime.now():%Y-%m-%d %H:%M} {load()}", flush=True)
    for name in names[: args.count]:
        p = read_mdgp(root / f"{name}.txt")
        res = solve(p, Options(time_limit=args.cap, fairness=0, workers=args.workers))
        assert not check(p, res.tables)
        status, bval, bsec = baseline(p, args.cap, args.workers or 2)
        row = {
            "instance": name,
            "objective": round(res.objective, 3),
            "ours": f"{res.seconds:.1f} s"
            if res.status == "optimal"
            else f"not proven in {args.cap:g} s",
            "ours_bound": round(res.bound, 3),
            "baseline_objective": bval,
            "baseline": f"{bsec:.1f} s" if status == "optimal" else f"not proven in {args.cap:g} s",
        }
        out.append(row)
        print(" ".join(f"{k}={v}" for k, v in row.items()), f"| {load()}", flush=True)
    write(out, [], args.tag or "mdgp_n030_optimum")


def write(rows: list[dict], summary: list[str], tag: str) -> None:
    """Write the rows as CSV and the summary lines to benchmarks/results/."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    if not rows:
        return
    with open(RESULTS / f"{tag}.csv", "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    lines = [
        f"# {tag}",
        "",
        f"Run {datetime.datetime.now():%Y-%m-%d %H:%M}, {load()} at the end.",
        "",
    ]
    lines += [f"- {s}" for s in summary] + [""]
    lines.append("| " + " | ".join(rows[0]) + " |")
    lines.append("|" + "---|" * len(rows[0]))
    lines += ["| " + " | ".join(str(v) for v in r.values()) + " |" for r in rows]
    (RESULTS / f"{tag}.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    """Run the benchmark the arguments ask for."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[120, 240])
    ap.add_argument("--only", default="", help="substring filter on instance names")
    ap.add_argument("--baseline", action="store_true", help="also run the wedding-style model")
    ap.add_argument("--optimum30", action="store_true", help="time to proven optimum at n = 30")
    ap.add_argument("--cap", type=float, default=60.0)
    ap.add_argument("--count", type=int, default=6, help="n = 30 instances to prove")
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--scale-time", type=float, default=1.0)
    ap.add_argument("--tag", default="")
    ap.add_argument("--n480", default="", help="folder with the n = 480 instance files")
    ap.add_argument("--instances", nargs="+", help="n = 480 instances to run (default: three)")
    args = ap.parse_args()
    run_optimum30(args) if args.optimum30 else run_sizes(args)


if __name__ == "__main__":
    main()
