"""Iterated tabu search over one-moves and swaps of nodes, with an incremental gain matrix.

The state keeps G[i, g] = sum of scores between node i and the members of table g (plus the
unary move cost of seating i at g). A one-move of i from a to b gains G[i,b] - G[i,a]; a swap
of i (at a) with j (at b) gains G[i,b] - G[i,a] + G[j,a] - G[j,b] - 2 D[i,j]. All candidate
moves are evaluated at once with numpy. Keep-apart pairs and hosts are large negative scores.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

INF = np.iinfo(np.int64).max // 4


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
        return len(self.w)

    @property
    def k(self) -> int:
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


class Tabu:
    """Tabu search state for one start; `run` improves it until a deadline or iteration cap."""

    def __init__(self, sp: Space, grp: np.ndarray, rng: np.random.Generator):
        self.sp, self.rng = sp, rng
        self.neg2d = -2.0 * sp.d
        self.uniform = bool((sp.w == sp.w[0]).all())
        self.moves_possible = bool((sp.mins < sp.maxs).any()) or not self.uniform
        self.movable = sp.fixed < 0
        self.shift_rate = 0.0
        self.buf_a = np.empty((sp.m, sp.m))
        self.buf_s = np.empty((sp.m, sp.m))
        self.load(grp)

    def load(self, grp: np.ndarray) -> None:
        """Start from a seating: rebuild sizes, gain matrix and objective."""
        sp = self.sp
        self.grp = grp.copy()
        onehot = np.zeros((sp.m, sp.k))
        onehot[np.arange(sp.m), grp] = 1.0
        self.g = sp.d @ onehot + sp.unary
        self.size = np.bincount(grp, weights=sp.w, minlength=sp.k).astype(np.int64)
        self.f = sp.value(grp)

    def move(self, i: int, b: int) -> None:
        """Seat node i at table b, updating the gain matrix incrementally."""
        a = self.grp[i]
        col = self.sp.d[:, i]
        self.g[:, a] -= col
        self.g[:, b] += col
        self.grp[i] = b
        self.size[a] -= self.sp.w[i]
        self.size[b] += self.sp.w[i]

    def best_move(self, tabu: np.ndarray, it: int, best_f: float):
        """Return (delta, kind, i, j_or_table) of the best admissible move."""
        sp, grp, m = self.sp, self.grp, self.sp.m
        own = self.g[np.arange(m), grp]
        # Own table and locked nodes get -inf, so same-table "swaps" never win.
        gb = np.where(tabu >= INF, -np.inf, self.g)
        a = np.take(gb, grp, axis=1, out=self.buf_a)
        a -= own[:, None]
        s = np.add(a, a.T, out=self.buf_s)
        s += self.neg2d
        if not self.uniform:
            dw = sp.w[None, :] - sp.w[:, None]  # size change of i's table when i, j swap
            si = self.size[grp][:, None] + dw
            bad = (si < sp.mins[grp][:, None]) | (si > sp.maxs[grp][:, None])
            s[bad | bad.T] = -np.inf
        top = int(np.argmax(s))
        i, j = divmod(top, m)
        best = (s.flat[top], "swap", i, j)
        if (tabu[i, grp[j]] > it or tabu[j, grp[i]] > it) and self.f + best[0] <= best_f + 1e-9:
            blocked = np.take(tabu > it, grp, axis=1)
            blocked |= blocked.T
            s[blocked] = -np.inf
            top = int(np.argmax(s))
            best = (s.flat[top], "swap", top // m, top % m)
        if self.moves_possible:
            om = gb - own[:, None]
            out_ok = (self.size[grp] - sp.w >= sp.mins[grp]) & self.movable
            ok = out_ok[:, None] & (self.size[None, :] + sp.w[:, None] <= sp.maxs[None, :])
            om[~ok] = -np.inf
            top = int(np.argmax(om))
            if om.flat[top] > best[0] and self.f + om.flat[top] > best_f + 1e-9:
                return (om.flat[top], "move", top // sp.k, top % sp.k)
            om[tabu > it] = -np.inf
            top = int(np.argmax(om))
            if om.flat[top] > best[0]:
                best = (om.flat[top], "move", top // sp.k, top % sp.k)
        return best

    def run(self, deadline: float, depth: int, tenure: tuple[int, int], budget: list[int]):
        """Tabu search from the loaded seating; return the best (f, grp) it met, feasible first."""
        sp, rng = self.sp, self.rng
        tabu = np.zeros((sp.m, sp.k), dtype=np.int64)
        tabu[np.arange(sp.m), self.grp] = INF
        tabu[~self.movable] = INF
        best_f = self.f if sp.violations(self.grp) == 0 else -np.inf
        best_grp = self.grp.copy()
        it = since = 0
        while since < depth and budget[0] > 0:
            if it % 64 == 0 and time.monotonic() > deadline:
                break
            it += 1
            since += 1
            budget[0] -= 1
            delta, kind, i, j = self.best_move(tabu, it, best_f)
            if not np.isfinite(delta):
                break
            a = self.grp[i]
            if kind == "swap":
                b = self.grp[j]
                self.move(i, b)
                self.move(j, a)
                tabu[j, b] = it + int(rng.integers(*tenure))
                tabu[j, a] = INF
            else:
                b = j
                self.move(i, b)
            tabu[i, a] = it + int(rng.integers(*tenure))
            tabu[i, b] = INF
            self.f += delta
            if self.f > best_f + 1e-9 and sp.violations(self.grp) == 0:
                best_f, best_grp, since = self.f, self.grp.copy(), 0
        return best_f, best_grp

    def perturb(self, strength: int) -> None:
        """Apply random feasible swaps (or moves when swaps are impossible)."""
        sp, rng = self.sp, self.rng
        mov = np.flatnonzero(self.movable)
        for _ in range(strength if len(mov) >= 2 else 0):
            i, j = rng.choice(mov, 2, replace=False)
            a, b = self.grp[i], self.grp[j]
            if a == b:
                continue
            dw = sp.w[j] - sp.w[i]
            if (
                sp.mins[a] <= self.size[a] + dw <= sp.maxs[a]
                and sp.mins[b] <= self.size[b] - dw <= sp.maxs[b]
            ):
                self.move(i, b)
                self.move(j, a)
        if self.moves_possible and rng.random() < self.shift_rate:
            self.shift_sizes(int(rng.integers(1, max(2, sp.m // sp.k // 2) + 1)))
        self.f = sp.value(self.grp)

    def shift_sizes(self, count: int) -> None:
        """Move up to `count` random nodes from one random table to another, within sizes."""
        sp, rng = self.sp, self.rng
        a, b = rng.choice(sp.k, 2, replace=False)
        members = rng.permutation(np.flatnonzero((self.grp == a) & self.movable))
        for i in members[:count]:
            if self.size[a] - sp.w[i] >= sp.mins[a] and self.size[b] + sp.w[i] <= sp.maxs[b]:
                self.move(i, b)


def iterated_tabu(
    sp: Space,
    start: np.ndarray,
    seed: int,
    deadline: float,
    iterations: int | None = None,
    patience: int | None = None,
):
    """Iterated tabu search: tabu descent, then perturb the best seating and repeat."""
    rng = np.random.default_rng(seed)
    ts = Tabu(sp, start, rng)
    budget = [iterations if iterations is not None else 2**62]
    m = sp.m
    if np.count_nonzero(sp.fixed < 0) < 2:
        patience = 0
    depth = max(50, 4 * m)
    tenure = (max(2, m // 20), max(3, m // 20 + m // 10 + 1))
    best_f, best_grp = ts.run(deadline, depth, tenure, budget)
    if not np.isfinite(best_f):
        best_grp = ts.grp.copy()
    base_f, base = best_f, best_grp.copy()
    stall = 0
    while time.monotonic() < deadline and budget[0] > 0 and stall != patience:
        stall += 1
        ts.load(base)
        ts.perturb(max(2, int(rng.integers(m // 20, m // 8 + 2))))
        f, grp = ts.run(deadline, depth, tenure, budget)
        if f > best_f + 1e-9:
            best_f, best_grp, stall = f, grp, 0
        if f > base_f + 1e-9 or rng.random() < 0.1:
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
    if start is None:
        start = construct(sp, rng, target_sizes(sp))
    if start is None:
        return -np.inf, None
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
    """Run `workers` independent searches (extra ones in child processes); keep the best."""
    futures, pool = [], None
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context("spawn"))
        futures = [
            pool.submit(_one_run, sp, seed * 1009 + w, deadline, iterations, patience)
            for w in range(1, workers)
        ]
    try:
        results = [_one_run(sp, seed * 1009, deadline, iterations, patience, start)]
        results += [f.result() for f in futures]
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    # Ties go to the lowest worker number, so a fixed seed and iteration cap give one answer.
    return max(results, key=lambda r: (r[0], -results.index(r)))
