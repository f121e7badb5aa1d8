"""A host kept apart from a colleague: the CP-SAT model itself must keep them apart.

The heuristic search penalises keep-apart pairs on its own; these tests look at the exact
model (and at the whole solve on a small instance, where CP-SAT has the last word), so a
model that dropped a host's keep-apart pair would seat the two together for the points.
"""

from __future__ import annotations

import pytest

from dinnerplan.solver import Options, check, solve
from dinnerplan.solver.instance import build
from dinnerplan.solver.model import SeatingModel

from .conftest import problem


def host_and_colleague(host_first: bool):
    """g0 hosts; g0 and g1 would score 100 together but must be kept apart."""
    pair = ("g0", "g1") if host_first else ("g1", "g0")
    return problem(
        6,
        [(2, 4), (2, 4)],
        [(0, 1, 100), (2, 3, 1), (4, 5, 1)],
        apart=(pair,),
        hosts=("g0", "g4"),
    )


def table_of(seating, guest):
    return next(t for t, members in seating.items() if guest in members)


@pytest.mark.parametrize("host_first", [True, False])
def test_the_cp_sat_model_keeps_a_host_apart_from_a_colleague(host_first):
    p = host_and_colleague(host_first)
    inst = build(p, fairness=0.0)
    out = SeatingModel(inst).solve(time_limit=5, workers=1, seed=0)
    assert out.status == "optimal"
    seating = inst.seating(out.table_of_node[inst.node_of])
    assert check(p, seating) == []
    assert table_of(seating, "g0") != table_of(seating, "g1")
    assert table_of(seating, "g0") != table_of(seating, "g4")  # one host per table


@pytest.mark.parametrize("host_first", [True, False])
def test_a_small_solve_keeps_a_host_apart_from_a_colleague(host_first):
    p = host_and_colleague(host_first)
    result = solve(p, Options(time_limit=3, workers=1, fairness=0.0))
    assert check(p, result.tables) == []
    assert table_of(result.tables, "g0") != table_of(result.tables, "g1")
    assert result.penalties["pair_score"] == 2  # the two 1-point pairs only
