"""Iterated tabu search over one-moves and swaps of nodes: starts, restarts, elite crossover.

The walk itself (tabu.py around the compiled kernel.py) keeps G[g, i] = sum of scores between
node i and the members of table g (plus the unary move cost of seating i at g) and evaluates
every one-move and swap each iteration. This module builds start seatings, perturbs or
recombines local optima between walks, and runs independent searches side by side. Keep-apart
pairs and hosts are large negative scores.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from dinnerplan.solver.tabu import INF, Tabu


@dataclass
class Space:
    """The node-level problem the search works on."""

    d: np.ndarray  # node x node scores, apart pairs carry -penalty
    unary: np.ndarray  # node x table score of seating the node there (minus move costs)
    w: np.ndarray
    mins: np.ndarray
    maxs: np.ndarray
    fixed: np.ndarray  # table index or -1
    apart: np.ndarray  # (p, 2) node pairs that must not share a table

    @property
    def m(self) -> int:
        """The number of nodes (guests, or keep-together groups as one)."""
        return len(self.w)

    @property
    def k(self) -> int:
        """The number of tables."""
        return len(self.mins)

    def violations(self, grp: np.ndarray) -> int:
        """Count keep-apart pairs sharing a table."""
        if not len(self.apart):
            return 0
        return int(np.count_nonzero(grp[self.apart[:, 0]] == grp[self.apart[:, 1]]))

    def value(self, grp: np.ndarray) -> float:
        """Objective of a node seating, penalties included."""
        same = grp[:, None] == grp[None, :]
        return float((self.d * same).sum() / 2 + self.unary[np.arange(self.m), grp].sum())


def target_sizes(sp: Space) -> np.ndarray | None:
    """Table sizes maximising mean score x number of tablemate pairs (dynamic programme)."""
    total = int(sp.w.sum())
    if not (sp.w == 1).all() or sp.m < 2:
        return None
    mean = (sp.d.sum() - np.trace(sp.d)) / (sp.m * (sp.m - 1))
    if mean <= 0:
        return None
    best = {0: (0, ())}
    for lo, hi in zip(sp.mins, sp.maxs, strict=True):
        nxt: dict[int, tuple[int, tuple]] = {}
        for used, (val, pat) in best.items():
            for s in range(int(lo), int(hi) + 1):
                if used + s <= total and (
                    used + s not in nxt or nxt[used + s][0] < val + s * (s - 1)
                ):
                    nxt[used + s] = (val + s * (s - 1), (*pat, s))
        best = nxt
    return np.array(best[total][1]) if total in best else None


def construct(
    sp: Space, rng: np.random.Generator, sizes: np.ndarray | None = None
) -> np.ndarray | None:
    """Greedy random start: fill minimum sizes first, then the best table with room."""
    if sizes is not None:
        grp = construct(Space(sp.d, sp.unary, sp.w, sizes, sizes, sp.fixed, sp.apart), rng)
        if grp is not None:
            return grp
    grp = np.full(sp.m, -1)
    size = np.zeros(sp.k, dtype=np.int64)
    for v in np.flatnonzero(sp.fixed >= 0):
        grp[v] = sp.fixed[v]
        size[grp[v]] += sp.w[v]
    free = np.flatnonzero(sp.fixed < 0)
    free = free[np.lexsort((rng.random(len(free)), -sp.w[free]))]
    gain = np.zeros((sp.m, sp.k)) + sp.unary
    for v in np.flatnonzero(grp >= 0):
        gain[:, grp[v]] += sp.d[:, v]
    for v in free:
        room = size + sp.w[v] <= sp.maxs
        if not room.any():
            return None
        deficit = np.where(room, sp.mins - size, -INF)
        if deficit.max() > 0:
            choice = np.where(deficit == deficit.max(), gain[v], -np.inf)
        else:
            choice = np.where(room, gain[v] + rng.random(sp.k) * 1e-9, -np.inf)
        g = int(np.argmax(choice))
        grp[v] = g
        size[g] += sp.w[v]
        gain[:, g] += sp.d[:, v]
    if (size < sp.mins).any():
        return None
    return grp


# Tuned on MDGPLIB n = 120 / 240 (see docs/solver.md): fractions of the number of nodes m.
PARAMS = {
    "depth": 8.0,
    "tenure": (0.05, 0.15),
    "strength": (0.05, 0.125),
    "accept": 0.1,
    "pool": 6,
    "cross": 0.5,
}


def crossover(sp: Space, pa: np.ndarray, pb: np.ndarray, rng: np.random.Generator):
    """Child seating: tables taken alternately from two parents, best remaining table first."""
    child = np.full(sp.m, -1)
    child[sp.fixed >= 0] = sp.fixed[sp.fixed >= 0]
    open_tables = list(range(sp.k))
    for step in range(sp.k):
        parent = (pa, pb)[step % 2]
        best_q, best_t, best_members = -np.inf, -1, None
        for t in open_tables:
            members = np.flatnonzero((parent == t) & (child < 0))
            q = sp.d[np.ix_(members, members)].sum() / max(1, len(members))
            if q > best_q:
                best_q, best_t, best_members = q, t, members
        open_tables.remove(best_t)
        child[best_members] = best_t
    size = np.bincount(child[child >= 0], weights=sp.w[child >= 0], minlength=sp.k)
    onehot = np.zeros((sp.m, sp.k))
    onehot[child >= 0, child[child >= 0]] = 1.0
    gain = sp.d @ onehot + sp.unary
    for v in rng.permutation(np.flatnonzero(child < 0)):
        room = size + sp.w[v] <= sp.maxs
        short = room & (size < sp.mins)
        allowed = short if short.any() else room
        if not allowed.any():
            return None
        t = int(np.argmax(np.where(allowed, gain[v], -np.inf)))
        child[v] = t
        size[t] += sp.w[v]
        gain[:, t] += sp.d[:, v]
    return child if (size >= sp.mins).all() else None


def iterated_tabu(
    sp: Space,
    start: np.ndarray,
    seed: int,
    deadline: float,
    iterations: int | None = None,
    patience: int | None = None,
):
    """Iterated tabu search with an elite pool: restart from a perturbed best or a crossover."""
    rng = np.random.default_rng(seed)
    ts = Tabu(sp, start, rng)
    budget = [iterations if iterations is not None else 2**62]
    m = sp.m
    if np.count_nonzero(sp.fixed < 0) < 2:
        patience = 0
    depth = max(50, int(PARAMS["depth"] * m))
    lo, hi = PARAMS["tenure"]
    tenure = (max(2, int(lo * m)), max(3, int(hi * m) + 1))
    s_lo, s_hi = (max(2, int(x * m)) for x in PARAMS["strength"])
    best_f, best_grp = ts.run(deadline, depth, tenure, budget)
    if not np.isfinite(best_f):
        best_grp = ts.grp.copy()
    base_f, base = best_f, best_grp.copy()
    pool = [(best_f, best_grp)] if np.isfinite(best_f) else []
    stall = 0
    while time.monotonic() < deadline and budget[0] > 0 and stall != patience:
        stall += 1
        child = None
        if len(pool) >= 2 and rng.random() < PARAMS["cross"]:
            i, j = rng.choice(len(pool), 2, replace=False)
            child = crossover(sp, pool[i][1], pool[j][1], rng)
        if child is not None:
            ts.load(child)
        else:
            ts.load(base)
            ts.perturb(int(rng.integers(s_lo, s_hi + 1)))
        f, grp = ts.run(deadline, depth, tenure, budget)
        if np.isfinite(f) and all(abs(f - g) > 1e-6 for g, _ in pool):
            pool = sorted([*pool, (f, grp)], key=lambda e: -e[0])[: int(PARAMS["pool"])]
        if f > best_f + 1e-9:
            best_f, best_grp, stall = f, grp, 0
        if f > base_f + 1e-9 or rng.random() < PARAMS["accept"]:
            base_f, base = f, grp
    return best_f, best_grp


def _one_run(
    sp: Space,
    seed: int,
    deadline: float,
    iterations: int | None,
    patience: int | None,
    start: np.ndarray | None = None,
):
    """Build a start (unless given) and run the iterated tabu search (one worker)."""
    rng = np.random.default_rng(seed)
    sizes = target_sizes(sp)
    if start is None:
        start = construct(sp, rng, sizes)
    if start is None:
        return -np.inf, None
    dense = np.count_nonzero(sp.d) >= 0.9 * sp.m * (sp.m - 1)
    if sizes is not None and dense and (sp.mins < sp.maxs).any():
        # With dense scores the best seatings use the sizes with the most tablemate pairs:
        # search with those sizes fixed (swaps only, faster), then let sizes move at the end.
        now = time.monotonic()
        split = now + 0.9 * (deadline - now)
        first = None if iterations is None else int(0.9 * iterations)
        fixed = Space(sp.d, sp.unary, sp.w, sizes, sizes, sp.fixed, sp.apart)
        _, start = iterated_tabu(fixed, start, seed, split, first, patience)
        iterations = None if iterations is None else iterations - first
        seed += 1
    return iterated_tabu(sp, start, seed, deadline, iterations, patience)


def best_of_runs(
    sp: Space,
    seed: int,
    deadline: float,
    workers: int,
    iterations: int | None = None,
    start: np.ndarray | None = None,
    patience: int | None = None,
):
    """Run `workers` independent searches side by side in threads; keep the best.

    The compiled walk releases the GIL, so the threads use all cores without the start-up
    cost of worker processes (a fresh Python with numpy and numba takes most of a second).
    """
    with ThreadPoolExecutor(max(1, workers - 1)) as pool:
        futures = [
            pool.submit(_one_run, sp, seed * 1009 + w, deadline, iterations, patience)
            for w in range(1, workers)
        ]
        results = [_one_run(sp, seed * 1009, deadline, iterations, patience, start)]
        results += [future.result() for future in futures]
    # Ties go to the lowest worker number, so a fixed seed and iteration cap give one answer.
    best = max(range(len(results)), key=lambda w: (results[w][0], -w))
    return results[best]
