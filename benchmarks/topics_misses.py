"""Why helpable guests are not seated with a true helper: each miss of one seating, by cause.

    python benchmarks/topics_misses.py founders/test17.jsonl regional/test17.jsonl

For each set (paths relative to benchmarks/data/topics/ or absolute) seats the guests once
through the Seat button's code path (topics_eval.py) and sorts every helpable guest who
sits with no true helper into one of three causes:
  A  need misread: none of the guest's true need topics was read;
  B  need read, but no true helper is among the helpers seating aims at (Scores.may_help):
     the helper's offer was not read, or the chance of the pair is too low;
  C  a true helper is among those aimed at, yet the guest sits elsewhere (usually
     "covered" by another, wrong, target; or kept apart).
Prints each miss with its texts, what was read, the chances of the true helpers and of
the tablemates, and for B the true helpers' offers as read. Never run on a held-out set
before its single measurement.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import topics_eval as te  # noqa: E402
from benchmarks.topics_errors import profiles_of  # noqa: E402
from dinnerplan.app import create_app  # noqa: E402
from dinnerplan.extensions import db  # noqa: E402
from dinnerplan.matching.catalogue import load_catalogue  # noqa: E402
from dinnerplan.matching.evidence import read_sides  # noqa: E402

ROOT = Path(__file__).resolve().parent / "data" / "topics"


def read_of(found) -> dict[str, float]:
    """Return {topic: strongest read weight} of one side."""
    return {t: round(max(e.weight for e in ev), 2) for t, ev in found.items()}


def misses(path: str, time_limit: float) -> Counter:
    """Seat one set once; print and count its misses by cause."""
    guests = te.load(path)
    helpers = te.truth_helpers(guests)
    by_email = {g["email"]: g for g in guests}
    read = read_sides(profiles_of(guests), load_catalogue())
    sides = dict(zip([g["email"] for g in guests], read, strict=True))
    causes: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/m.sqlite", "TESTING": True})
        with app.app_context():
            db.create_all()
            tables, scores, emails = te.seat(te.import_event(guests), time_limit)
            ids = {e: str(i) for i, e in emails.items()}
            table_of = {emails[g]: t for t, members in tables.items() for g in members}
            for email, true_helpers in helpers.items():
                mates = [emails[m] for m in tables[table_of[email]] if emails[m] != email]
                if not true_helpers or true_helpers.intersection(mates):
                    continue
                g, read = by_email[email], read_of(sides[email].needs)
                chances = scores.chances(ids[email])
                aimed = [h for h in true_helpers if scores.may_help(ids[h], ids[email])]
                if aimed:
                    cause = "C"
                elif set(g["truth_needs"]) & set(read):
                    cause = "B"
                else:
                    cause = "A"
                causes[cause] += 1
                print(f"{cause} {g['id']} needs {g['needs']}")
                print(f"    truth {g['truth_needs']}; read {read}")
                mine = sorted(
                    (round(chances.get(ids[h], 0.0), 2) for h in true_helpers), reverse=True
                )
                theirs = sorted((round(chances.get(ids[m], 0.0), 2) for m in mates), reverse=True)
                print(f"    chances: true helpers {mine}; tablemates {theirs[:3]}")
                for h in sorted(true_helpers)[:3] if cause == "B" else ():
                    other = by_email[h]
                    print(
                        f"    helper {other['id']} offers {other['offers']} | truth "
                        f"{other['truth_offers']}; read {read_of(sides[h].offers)}"
                    )
            db.session.remove()
            db.engine.dispose()
    print(f"{path}: {dict(sorted(causes.items()))}")
    return causes


def main() -> None:
    """Print the misses of each given set and the causes over all of them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args()
    total: Counter = Counter()
    for name in args.sets:
        path = Path(name) if Path(name).exists() else ROOT / name
        total += misses(str(path), args.time_limit)
    print(f"all: {dict(sorted(total.items()))} (A misread, B no true helper aimed at, C aimed at)")


if __name__ == "__main__":
    main()
