"""Seating quality through the app, against random seating, for 64-500 guests.

Realistic guest lists are seated by the same code path as the "Seat guests" button.

    python benchmarks/seating_quality.py [--sizes 64 150 300 500] [--seeds 7 1 2] [--time-limit 10]

For each list: a temporary SQLite database, an event with tables of 6-10 laid out by the
app, guests from dinnerplan.matching.sample (free-text offers and needs, colleagues, a few
seating wishes), one synchronous run of dinnerplan.seating.jobs.run_seating. Reports: every
confirmed guest seated within the bounds; colleague pairs sharing a table; the share of
helpable guests (someone at the event offers what they need) seated next to someone who
offers it, against the mean over 20 random seatings that keep the same rules; the weakest
table's mean pair score as a share of the average table's; the total pair score; solve and
whole-job time. With several seeds, a row per list and a median row per size.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dinnerplan.app import create_app  # noqa: E402
from dinnerplan.extensions import db  # noqa: E402
from dinnerplan.matching import normalise_company  # noqa: E402
from dinnerplan.matching.sample import generate_profiles  # noqa: E402
from dinnerplan.models import Event, Guest, GuestLink, Organizer, SeatingVersion  # noqa: E402
from dinnerplan.seating import operations, versions  # noqa: E402
from dinnerplan.seating.jobs import run_seating  # noqa: E402


def make_event(n: int, seed: int) -> int:
    """Create an organizer, an event (tables 6-10) and n confirmed guests; return the event id."""
    org = Organizer(email=f"bench{n}@example.com", name="Bench")
    org.set_password("benchmark-password")
    db.session.add(org)
    db.session.flush()
    from datetime import datetime

    event = Event(
        organizer_id=org.id,
        title=f"Benchmark {n}",
        starts_at=datetime(2030, 1, 1, 19),
        table_min=6,
        table_max=10,
    )
    db.session.add(event)
    db.session.flush()
    ids = {}
    for i, p in enumerate(generate_profiles(n, seed)):
        g = Guest(
            event_id=event.id,
            name=p.name,
            email=f"g{i}@example.com",
            company=p.company,
            one_liner=p.one_liner,
            offers=list(p.offers),
            needs=list(p.needs),
            intent=p.intent,
            rsvp="yes",
        )
        db.session.add(g)
        db.session.flush()
        ids[p.id] = (g.id, p)
    for gid, p in ids.values():
        for kind, others in (("avoid", p.avoid), ("prefer", p.prefer)):
            for other in others:
                db.session.add(GuestLink(guest_id=gid, other_id=ids[other][0], kind=kind))
    db.session.commit()
    return event.id


def helped_share(seating: dict[int, list[int]], scores) -> tuple[int, int]:
    """(helped, helpable): helpable guests seated with someone whose offer meets their need."""
    helped = helpable = 0
    for members in seating.values():
        for g in members:
            if scores.can_be_helped(str(g)):
                helpable += 1
                helped += any(scores.helps(str(m), str(g)) for m in members if m != g)
    return helped, helpable


def random_seating(guests: list[int], sizes: list[int], apart: set, rng: random.Random):
    """A random seating with the given table sizes, repaired until no keep-apart pair shares."""
    order = guests[:]
    rng.shuffle(order)
    tables, start = [], 0
    for s in sizes:
        tables.append(order[start : start + s])
        start += s
    for _ in range(100_000):
        clash = [
            (t, a)
            for t, ms in enumerate(tables)
            for a, b in combinations(ms, 2)
            if frozenset((a, b)) in apart
        ]
        if not clash:
            return dict(enumerate(tables))
        t, a = rng.choice(clash)
        u = rng.randrange(len(tables))
        j = rng.randrange(len(tables[u]))
        i = tables[t].index(a)
        tables[t][i], tables[u][j] = tables[u][j], tables[t][i]
    raise RuntimeError("could not build a random seating that keeps the rules")


def bench(n: int, seed: int) -> dict:
    """Seat one generated list through the app and measure it."""
    event_id = make_event(n, seed)
    event = db.session.get(Event, event_id)
    version = operations.start_seating(event, "solve")
    db.session.commit()
    t0 = time.monotonic()
    status = run_seating(version.id)
    wall = time.monotonic() - t0
    db.session.expire_all()
    version = db.session.get(SeatingVersion, version.id)
    tables = versions.tables_of(event)
    seating = {
        t.id: [a.guest_id for a in version.assignments if a.table_id == t.id] for t in tables
    }
    guests = db.session.execute(db.select(Guest).where(Guest.event_id == event_id)).scalars().all()
    scores = versions.score_guests(guests)
    within = all(t.min_seats <= len(seating[t.id]) <= t.max_seats for t in tables)
    seated = sorted(g for ms in seating.values() for g in ms)
    together = {frozenset(int(x) for x in grp) for grp in scores.together}
    company = {g.id: normalise_company(g.company) for g in guests}
    colleague_pairs = [
        (a, b)
        for a, b in combinations(sorted(company), 2)
        if company[a]
        and company[a] == company[b]
        and not any(a in grp and b in grp for grp in together)
    ]
    where = {g: t for t, ms in seating.items() for g in ms}
    colleagues_together = sum(where[a] == where[b] for a, b in colleague_pairs)
    helped, helpable = helped_share(seating, scores)
    apart = {frozenset((int(a), int(b))) for a, b in scores.apart}
    rng = random.Random(seed)
    sizes = [len(ms) for ms in seating.values()]
    shares = []
    for _ in range(20):
        h, hp = helped_share(random_seating([g.id for g in guests], sizes, apart, rng), scores)
        shares.append(h / hp)
    return {
        "n": n,
        "status": status,
        "tables": len(tables),
        "sizes": sorted(sizes),
        "all_seated": seated == sorted(g.id for g in guests),
        "within": within,
        "colleague_pairs": len(colleague_pairs),
        "colleagues_together": colleagues_together,
        "helped": helped,
        "helpable": helpable,
        "share": helped / helpable,
        "random_mean": sum(shares) / len(shares),
        "random_min": min(shares),
        "random_max": max(shares),
        "solver_seconds": version.seconds,
        "job_seconds": wall,
        "headline": version.summary["metrics"],
    }


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[64, 150])
    parser.add_argument("--seeds", type=int, nargs="+", default=[7])
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--fairness", type=float, default=None)
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        for seed in args.seeds:
            rows.append(run_one(n, seed, args))
    print(f"cpu count {os.cpu_count()}; load: {os.getloadavg()}; time limit {args.time_limit} s")
    print(
        "| guests | seed | tables (sizes) | all seated within 6-10 | colleague pairs together | "
        "helped / helpable | helped % | random % (mean, min-max of 20) | "
        "weakest table (% of average) | total pair score | solver s | job s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['n']} | {r['seed']} | {r['tables']} ({min(r['sizes'])}-{max(r['sizes'])}) | "
            f"{'yes' if r['all_seated'] and r['within'] else 'NO'} | "
            f"{r['colleagues_together']} of {r['colleague_pairs']} | "
            f"{r['helped']} / {r['helpable']} | "
            f"{100 * r['share']:.1f} % | {100 * r['random_mean']:.1f} % "
            f"({100 * r['random_min']:.0f}-{100 * r['random_max']:.0f}) | "
            f"{100 * weakest(r):.0f} % | {r['headline']['objective']:.0f} | "
            f"{r['solver_seconds']:.1f} | {r['job_seconds']:.1f} |"
        )
    if len(args.seeds) > 1:
        print(
            "\n| guests | median helped % | median weakest (% of average) | median total | "
            "median job s |"
        )
        print("|---|---|---|---|---|")
        for n in args.sizes:
            mine = [r for r in rows if r["n"] == n]
            med = statistics.median
            print(
                f"| {n} | {100 * med(r['share'] for r in mine):.1f} % | "
                f"{100 * med(weakest(r) for r in mine):.0f} % | "
                f"{med(r['headline']['objective'] for r in mine):.0f} | "
                f"{med(r['job_seconds'] for r in mine):.1f} |"
            )


def weakest(row: dict) -> float:
    """The weakest table's share of the average table (0 when not reported)."""
    return (row["headline"].get("weakest") or {}).get("ratio", 0)


def run_one(n: int, seed: int, args) -> dict:
    """Seat one generated list in a fresh temporary database."""
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite",
                "SOLVER_TIME_LIMIT": args.time_limit,
                "TESTING": True,
            }
        )
        if args.fairness is not None:
            app.config["SOLVER_FAIRNESS"] = args.fairness
        with app.app_context():
            db.create_all()
            row = bench(n, seed) | {"seed": seed}
            db.session.remove()
            db.engine.dispose()
    return row


if __name__ == "__main__":
    main()
