"""Check a seating against every hard rule and score it, independently of the search code."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dinnerplan.solver.schema import Problem

Seating = Mapping[str, Sequence[str]]


def check(problem: Problem, tables: Seating) -> list[str]:
    """Return every broken hard rule of `tables` in plain words (empty when valid)."""
    errors: list[str] = []
    where: dict[str, str] = {}
    known_tables = {t.id: t for t in problem.tables}
    for tid, members in tables.items():
        if tid not in known_tables:
            errors.append(f"table {tid} is not one of the problem's tables")
        for g in members:
            if g in where:
                errors.append(f"{g} is seated twice ({where[g]} and {tid})")
            where[g] = tid
    guests = set(problem.guests)
    errors += [f"{g} is not seated" for g in problem.guests if g not in where]
    errors += [f"{g} is seated but is not a guest" for g in where if g not in guests]
    for t in problem.tables:
        n = len(tables.get(t.id, ()))
        if not t.min <= n <= t.max:
            errors.append(f"table {t.id} has {n} guests, outside its range {t.min}-{t.max}")
    for a, b in problem.apart:
        if a in where and where.get(a) == where.get(b):
            errors.append(f"{a} and {b} must be kept apart but both sit at {where[a]}")
    for group in problem.together:
        seats = {where.get(g) for g in group}
        if len(seats) > 1:
            errors.append(f"{', '.join(group)} must sit together but are split")
    for g, tid in problem.fixed.items():
        if where.get(g) != tid:
            errors.append(f"{g} must sit at {tid} but sits at {where.get(g)}")
    host_count = {t.id: 0 for t in problem.tables}
    for h in problem.hosts:
        if where.get(h) in host_count:
            host_count[where[h]] += 1
    for tid, k in host_count.items():
        if k > 1:
            errors.append(f"table {tid} has {k} hosts, at most one is allowed")
        if k == 0 and len(problem.hosts) >= len(problem.tables):
            errors.append(f"table {tid} has no host although there are enough hosts")
    return errors


def _pair_scores(problem: Problem) -> dict[tuple[str, str], float]:
    pairs: dict[tuple[str, str], float] = {}
    for a, b, s in problem.scores:
        if a != b:
            key = (a, b) if a < b else (b, a)
            pairs[key] = pairs.get(key, 0.0) + s
    return pairs


def score(problem: Problem, tables: Seating) -> float:
    """Return the sum of pair scores over all pairs that share a table."""
    pairs = _pair_scores(problem)
    total = 0.0
    for members in tables.values():
        ms = sorted(members)
        for i, a in enumerate(ms):
            for b in ms[i + 1 :]:
                total += pairs.get((a, b), 0.0)
    return total


def breakdown(problem: Problem, tables: Seating, fairness: float) -> dict:
    """Return objective, named terms, per-table and per-guest scores and the moves."""
    pairs = _pair_scores(problem)
    table_scores: dict[str, float] = {}
    guest_scores: dict[str, dict[str, float]] = {}
    for tid, members in tables.items():
        total = 0.0
        for a in members:
            mates = [pairs.get((a, b) if a < b else (b, a), 0.0) for b in members if b != a]
            guest_scores[a] = {"sum": sum(mates), "best": max([0.0, *mates])}
            total += sum(mates)
        table_scores[tid] = total / 2
    pair_score = sum(table_scores.values())
    fair = fairness * sum(s["best"] for s in guest_scores.values())
    where = {g: tid for tid, members in tables.items() for g in members}
    moved = [
        (g, problem.current[g], where[g])
        for g in problem.guests
        if g in problem.current and g in where and problem.current[g] != where[g]
    ]
    moves = problem.move_cost * len(moved)
    return {
        "objective": pair_score + fair - moves,
        "penalties": {"pair_score": pair_score, "fairness": fair, "moves": moves},
        "table_scores": table_scores,
        "guest_scores": guest_scores,
        "moved": moved,
    }
