"""Benchmark printed sheets for 300 guests (30 tables of 10): place cards, then every PDF.

Run from the repository root: `python benchmarks/sheets_bench.py [--runs 3]`.
Targets (issue 5): place cards under 10 s, all sheets under 30 s. Prints the median of the runs
and the machine's load average, since a shared machine slows WeasyPrint down a lot.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dinnerplan.app import create_app  # noqa: E402
from dinnerplan.extensions import db  # noqa: E402
from dinnerplan.models import Event  # noqa: E402
from dinnerplan.sheets.render import render_pdf, write_all  # noqa: E402
from dinnerplan.sheets.seating import load_seating  # noqa: E402
from tests.factories import Factory  # noqa: E402
from tests.sheets.conftest import demo_tables, seat  # noqa: E402

TABLES, PER_TABLE = 30, 10


def timed(action) -> tuple[float, float]:
    """Wall-clock and CPU seconds one call takes.

    CPU time shows the work when the machine is shared; wall-clock time is what an organizer
    waits.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    """Seat 300 guests in a scratch database and time the renders."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--paper", choices=["a4", "letter"], default="a4")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{scratch}/bench.sqlite",
                "SHEETS_DIR": f"{scratch}/sheets",
            }
        )
        with app.app_context():
            db.create_all()
        event = Factory(app).event(title="Benchmark Dinner", paper=args.paper)
        seat(app, event, demo_tables(TABLES, PER_TABLE))
        with app.app_context():
            event = db.session.get(Event, event.id)
            seating = load_seating(event)
            out = Path(scratch) / "out"
            cards = [
                timed(lambda: render_pdf("place-cards", event, seating, args.paper))
                for _ in range(args.runs)
            ]
            every = [
                timed(lambda: write_all(event, seating, args.paper, out)) for _ in range(args.runs)
            ]
            sizes = {p.name: p.stat().st_size // 1024 for p in sorted(out.glob("*.pdf"))}
    guests = TABLES * PER_TABLE
    print(
        f"guests: {guests} ({TABLES} tables of {PER_TABLE}), paper: {args.paper}, runs: {args.runs}"
    )
    for label, runs, target in (("place cards", cards, 10), ("all sheets", every, 30)):
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(
            f"{label}: median {statistics.median(walls):.2f} s wall ({fmt(walls)}), "
            f"{statistics.median(cpus):.2f} s CPU ({fmt(cpus)}); target < {target} s"
        )
    print("PDF sizes (KiB): " + ", ".join(f"{name} {kib}" for name, kib in sizes.items()))
    print(
        f"load average (1, 5, 15 min): {', '.join(f'{x:.2f}' for x in os.getloadavg())}; "
        f"cores: {os.cpu_count()}"
    )


def fmt(values: list[float]) -> str:
    """Seconds, comma separated."""
    return ", ".join(f"{v:.2f}" for v in values)


if __name__ == "__main__":
    main()
