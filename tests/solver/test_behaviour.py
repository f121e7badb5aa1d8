"""Reproducibility, time limits, re-seating and the wedding benchmark."""

import json
import random
import time

import pytest

from dinnerplan.solver import Options, Problem, Table, check, read_mdgp, score, solve

from .conftest import problem


def random_problem(n: int, seed: int, tables: int) -> Problem:
    rnd = random.Random(seed)
    scores = [(i, j, rnd.choice([0, 0, 0, 1, 2, 5, 8])) for i in range(n) for j in range(i + 1, n)]
    return problem(n, [(6, 10)] * tables, [s for s in scores if s[2]])


def test_same_seed_gives_the_same_seating():
    p = random_problem(60, 1, 7)
    opts = Options(time_limit=20, seed=3, workers=2, iterations=400)
    first, second = solve(p, opts), solve(p, opts)
    assert first.tables == second.tables
    assert first.objective == second.objective
    assert check(p, first.tables) == []


def test_time_limit_is_respected():
    p = random_problem(150, 2, 18)
    start = time.monotonic()
    result = solve(p, Options(time_limit=1, workers=2))
    assert time.monotonic() - start < 5
    assert check(p, result.tables) == []
    assert result.status == "feasible"
    assert result.bound >= result.objective


def test_reseat_moves_few_guests_when_one_guest_leaves_and_one_arrives():
    p = random_problem(48, 4, 6)
    first = solve(p, Options(time_limit=2, workers=1))
    current = {g: t for t, members in first.tables.items() for g in members}
    leaving = p.guests[5]
    del current[leaving]
    guests = tuple(g for g in p.guests if g != leaving) + ("newcomer",)
    scores = tuple(s for s in p.scores if leaving not in s[:2])
    scores += tuple(("newcomer", g, 9.0) for g in p.guests[10:14])
    again = Problem(guests=guests, tables=p.tables, scores=scores, current=current, move_cost=20)
    result = solve(again, Options(time_limit=2, workers=1))
    assert check(again, result.tables) == []
    assert len(result.moved) <= 3
    assert result.penalties["moves"] == 20 * len(result.moved)
    assert all(current[g] == a and b != a for g, a, b in result.moved)


def test_reseat_lists_who_moves_from_where_to_where():
    p = problem(
        4, [(0, 2), (0, 2)], [(0, 1, 50)], current={"g0": "T1", "g1": "T2", "g2": "T1"}, move_cost=1
    )
    result = solve(p, Options(time_limit=2, workers=1, fairness=0))
    assert result.penalties == {"pair_score": 50, "fairness": 0, "moves": 1}
    assert result.moved in ([("g0", "T1", "T2")], [("g1", "T2", "T1")])


def test_wedding17_is_solved_to_proven_optimum(benchmarks):
    data = json.loads((benchmarks / "wedding/wedding17.json").read_text())
    names, c = data["guests"], data["C"]
    p = Problem(
        guests=tuple(names),
        tables=tuple(Table(f"T{t + 1}", 0, data["table_capacity"]) for t in range(data["tables"])),
        scores=tuple(
            (names[i], names[j], c[i][j])
            for i in range(len(names))
            for j in range(i + 1, len(names))
            if c[i][j]
        ),
    )
    result = solve(p, Options(time_limit=30, fairness=0))
    assert result.status == "optimal"
    assert result.objective == 276 == score(p, result.tables) == result.bound
    assert check(p, result.tables) == []


def test_mdgp_instance_is_read_and_solved_well(benchmarks):
    p = read_mdgp(benchmarks / "mdgp/instances/RanInt_n012_ss_01.txt")
    assert len(p.guests) == 12
    assert [t.max for t in p.tables] == [3, 3, 3, 3]
    assert len(p.scores) == 66
    result = solve(p, Options(time_limit=10, fairness=0))
    assert result.status == "optimal"
    assert check(p, result.tables) == []
    assert result.objective == pytest.approx(score(p, result.tables))


def test_malformed_mdgp_file_is_rejected(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("3 1 ss 3 3 \n0 1 5\n")
    with pytest.raises(ValueError, match="has 1 pairs, expected 3"):
        read_mdgp(bad)


def test_parallel_workers_that_tie_pick_one_seating():
    p = problem(42, [(6, 10)] * 5, [(0, 1, 1.0)])
    result = solve(p, Options(time_limit=3, workers=2, fairness=0, iterations=200))
    assert check(p, result.tables) == []
    assert result.objective == 1.0


def test_fairness_polish_never_lowers_the_fair_objective_on_large_problems():
    from dinnerplan.solver.validate import breakdown

    p = random_problem(56, 7, 7)
    plain = solve(p, Options(time_limit=10, workers=1, fairness=0, iterations=300))
    fair = solve(p, Options(time_limit=10, workers=1, fairness=1, iterations=300))
    assert check(p, fair.tables) == []
    assert fair.objective >= breakdown(p, plain.tables, 1.0)["objective"] - 1e-9
    assert fair.penalties["fairness"] == sum(s["best"] for s in fair.guest_scores.values())
