"""The compiled tabu walk keeps its incremental state exact and every hard rule intact."""

import numpy as np
import pytest

from dinnerplan.solver.search import Space, construct
from dinnerplan.solver.tabu import Tabu


def weighted_space(seed: int) -> Space:
    """40 nodes of 1-3 guests, 5 tables with ranges, two locked nodes, two apart pairs."""
    rng = np.random.default_rng(seed)
    m, k = 40, 5
    d = rng.integers(-3, 10, size=(m, m)).astype(float)
    d = np.triu(d, 1) + np.triu(d, 1).T
    w = rng.choice([1, 1, 1, 2, 3], size=m)
    total = int(w.sum())
    mins = np.full(k, total // k - 4)
    maxs = np.full(k, total // k + 4)
    fixed = np.full(m, -1)
    fixed[[3, 7]] = [0, 2]
    apart = np.array([[1, 2], [5, 9]])
    for a, b in apart:
        d[a, b] = d[b, a] = -1000.0
    unary = rng.integers(-2, 1, size=(m, k)).astype(float)
    return Space(d, unary, w, mins, maxs, fixed, apart)


def recomputed_gains(sp: Space, grp: np.ndarray) -> np.ndarray:
    onehot = np.zeros((sp.k, sp.m))
    onehot[grp, np.arange(sp.m)] = 1.0
    return onehot @ sp.d + sp.unary.T


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_walk_keeps_gains_sizes_and_objective_exact(seed):
    sp = weighted_space(seed)
    rng = np.random.default_rng(seed)
    start = construct(sp, rng)
    assert start is not None
    ts = Tabu(sp, start, rng)
    best_f, best = ts.run(deadline=float("inf"), depth=400, tenure=(3, 8), budget=[3000])
    assert np.allclose(ts.gt, recomputed_gains(sp, ts.grp))
    assert (ts.size == np.bincount(ts.grp, weights=sp.w, minlength=sp.k)).all()
    assert ts.f == pytest.approx(sp.value(ts.grp))
    # The best seating it reports is real, within every size, locks kept, nobody kept apart.
    sizes = np.bincount(best, weights=sp.w, minlength=sp.k)
    assert ((sp.mins <= sizes) & (sizes <= sp.maxs)).all()
    assert (best[[3, 7]] == [0, 2]).all()
    assert sp.violations(best) == 0
    assert best_f == pytest.approx(sp.value(best))
    assert best_f >= sp.value(start) - 1e-9


def test_walk_improves_on_its_start_and_is_reproducible():
    sp = weighted_space(4)
    start = construct(sp, np.random.default_rng(0))
    runs = []
    for _ in range(2):
        ts = Tabu(sp, start, np.random.default_rng(9))
        runs.append(ts.run(float("inf"), 400, (3, 8), [2000]))
    assert runs[0][0] > sp.value(start)
    assert runs[0][0] == runs[1][0]
    assert (runs[0][1] == runs[1][1]).all()


def test_iteration_budget_is_spent_exactly():
    sp = weighted_space(5)
    ts = Tabu(sp, construct(sp, np.random.default_rng(0)), np.random.default_rng(0))
    budget = [777]
    ts.run(float("inf"), 10**9, (3, 8), budget)
    assert budget == [0]
