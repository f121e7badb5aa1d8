"""Error analysis and calibration of help-topic reading on hand-labelled guest lists.

    python benchmarks/topics_errors.py founders/dev.jsonl regional/test.jsonl [--show]

Fast (no seating): for the given sets (paths relative to benchmarks/data/topics/ or
absolute) prints the precision of topics read by weight band, the precision of "X can help
Y" over all pairs by reason strength (need weight x offer weight), needs/offers precision
and recall, the share of helpable guests whose best-ranked other guest is a true helper,
how many helpable guests have a true helper among the helpers seating aims at (may_help:
a seating-free proxy, steadier than a time-limited seating) and (with --show) the most
frequent missed and wrongly read topics with their texts.
Use it to calibrate thresholds; never on a held-out set before its single measurement.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.topics_eval import load, met_by, truth_helpers  # noqa: E402
from dinnerplan.matching import Profile, score_pairs  # noqa: E402
from dinnerplan.matching.catalogue import load_catalogue  # noqa: E402
from dinnerplan.matching.evidence import read_sides  # noqa: E402

ROOT = Path(__file__).resolve().parent / "data" / "topics"
BANDS = (0.0, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 1.01)


def profiles_of(guests: list[dict]) -> list[Profile]:
    """Return the guests as matching profiles (with their titles)."""
    return [
        Profile(
            g["email"],
            g["name"],
            g["company"],
            g["one_liner"],
            tuple(g["offers"]),
            tuple(g["needs"]),
            g["intent"],
            title=g.get("title", ""),
        )
        for g in guests
    ]


def band(x: float) -> str:
    """Return the weight band label of x."""
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        if lo <= x < hi:
            return f"{lo:.2f}-{min(hi, 1):.2f}"
    return "?"


def analyse(guests: list[dict], stats: dict) -> None:
    """Add one set's reading and pair figures to `stats`."""
    sides = read_sides(profiles_of(guests), load_catalogue())
    meets = met_by()
    for g, s in zip(guests, sides, strict=True):
        for side, found, truth in (
            ("need", s.needs, g["truth_needs"]),
            ("offer", s.offers, g["truth_offers"]),
        ):
            got = {t: ev[0] for t, ev in found.items() if ev[0].weight >= 0.3}
            for t, ev in got.items():
                ok = t in truth
                stats["band"][(side + ("/role" if ev.is_role else ""), band(ev.weight))][ok] += 1
                if not ok:
                    stats["wrong"][(side, t)].append(f"{ev.weight:.2f} {ev.text[:70]}")
            for t in truth:
                stats["count"][side][2] += 1
                if t in got:
                    stats["count"][side][0] += 1
                else:
                    texts = g["needs"] if side == "need" else g["offers"] + [g["one_liner"]]
                    stats["missed"][(side, t)].append(" | ".join(texts)[:110])
            stats["count"][side][1] += len(got)
    scores = score_pairs(profiles_of(guests))
    helpers = truth_helpers(guests)
    for g in guests:
        for h in guests:
            for r in scores.helps(h["email"], g["email"]):
                ok = any(o in meets[n] for n in g["truth_needs"] for o in h["truth_offers"])
                stats["pairs"][band(r.confidence)][ok] += 1
                stats["pairs"][f"sim {band(r.similarity)}"][ok] += 1
        # What seating aims at (Scores.may_help): a true helper among a guest's targets?
        targets = [h["email"] for h in guests if scores.may_help(h["email"], g["email"])]
        for t in targets:
            stats["aim_pairs"][t in helpers[g["email"]]] += 1
        if helpers[g["email"]]:
            stats["aim"][any(t in helpers[g["email"]] for t in targets)] += 1
            others = [h["email"] for h in guests if h is not g]
            best = max(others, key=lambda o: scores.score(o, g["email"]))
            stats["first"][scores.score(best, g["email"]) > 0 and best in helpers[g["email"]]] += 1


def main() -> None:
    """Print calibration and error tables for the given sets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    stats = {
        "band": {},
        "wrong": {},
        "missed": {},
        "count": {"need": [0, 0, 0], "offer": [0, 0, 0]},
        "pairs": {},
        "first": Counter(),
        "aim": Counter(),
        "aim_pairs": Counter(),
    }
    for key in ("band", "pairs"):
        stats[key] = _Default(lambda: [0, 0])
    for key in ("wrong", "missed"):
        stats[key] = _Default(list)
    for name in args.sets:
        path = Path(name) if Path(name).exists() else ROOT / name
        analyse(load(str(path)), stats)
    for side, (tp, pred, true) in stats["count"].items():
        print(f"{side}s: precision {tp / max(pred, 1):.2f} recall {tp / max(true, 1):.2f}")
    first = stats["first"]
    print(f"true helper ranked first: {first[True] / max(sum(first.values()), 1):.1%}")
    aim, pairs = stats["aim"], stats["aim_pairs"]
    print(
        f"helpable guests with a true helper among seating's targets: {aim[True]}/"
        f"{sum(aim.values())}; targets that are true helpers: {pairs[True]}/{sum(pairs.values())}"
    )
    print("topics read, precision by weight band:")
    for (side, b), (bad, good) in sorted(stats["band"].items()):
        print(f"  {side:5} {b}: {good / max(good + bad, 1):.2f} of {good + bad}")
    print("pairs with a reason, precision by strength (need x offer weight):")
    for b, (bad, good) in sorted(stats["pairs"].items()):
        print(f"  {b}: {good / max(good + bad, 1):.2f} of {good + bad}")
    if args.show:
        for key in ("missed", "wrong"):
            print(f"most often {key}:")
            for (side, t), texts in sorted(stats[key].items(), key=lambda x: -len(x[1]))[:40]:
                print(f"  {side} {t} x{len(texts)}")
                for text in texts[:4]:
                    print(f"      {text}")


class _Default(dict):
    """A dict that makes missing values with a factory."""

    def __init__(self, factory) -> None:
        super().__init__()
        self.factory = factory

    def __missing__(self, key):
        value = self[key] = self.factory()
        return value


if __name__ == "__main__":
    main()
