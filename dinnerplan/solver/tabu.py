"""Tabu search over swaps and one-moves of nodes, around the compiled walk in `kernel`.

G[t, i] is the sum of scores between node i and the members of table t (plus the unary score
of seating i at t). A swap of i (at a) and j (at b) gains G[b,i] - G[a,i] + G[a,j] - G[b,j]
- 2 D[i,j]; a one-move of i to t gains G[t,i] - G[a,i]. The walk itself (every move evaluated
each iteration, tabu tenures, aspiration) runs in machine code; this class keeps the state
between walks, checks the clock between chunks of iterations and perturbs seatings.
"""

from __future__ import annotations

import time

import numpy as np

import dinnerplan.solver.kernel as kernel

INF = kernel.INF
WORK_PER_CHUNK = 20_000_000  # pair evaluations between two looks at the clock (~20 ms)


class Tabu:
    """Tabu search state for one start; `run` improves it until a deadline or iteration cap."""

    def __init__(self, sp, grp: np.ndarray, rng: np.random.Generator):
        self.sp, self.rng = sp, rng
        self.d = np.ascontiguousarray(sp.d, dtype=np.float64)
        self.w = np.ascontiguousarray(sp.w, dtype=np.int64)
        self.mins = np.ascontiguousarray(sp.mins, dtype=np.int64)
        self.maxs = np.ascontiguousarray(sp.maxs, dtype=np.int64)
        self.apart = np.ascontiguousarray(np.reshape(sp.apart, (-1, 2)), dtype=np.int64)
        self.uniform = bool((sp.w == sp.w[0]).all())
        self.moves_possible = bool((sp.mins < sp.maxs).any()) or not self.uniform
        self.movable = np.ascontiguousarray(sp.fixed < 0)
        self.shift_rate = 0.0
        self.load(grp)

    def load(self, grp: np.ndarray) -> None:
        """Start from a seating: rebuild sizes, gain matrix and objective."""
        sp = self.sp
        self.grp = np.array(grp, dtype=np.int64)
        onehot = np.zeros((sp.k, sp.m))
        onehot[self.grp, np.arange(sp.m)] = 1.0
        self.gt = np.ascontiguousarray(onehot @ self.d + sp.unary.T)
        self.size = np.bincount(self.grp, weights=sp.w, minlength=sp.k).astype(np.int64)
        self.f = sp.value(self.grp)

    def move(self, i: int, b: int) -> None:
        """Seat node i at table b, updating the gain matrix incrementally."""
        kernel.move(self.d, self.w, self.grp, self.gt, self.size, np.int64(i), np.int64(b))

    def run(self, deadline: float, depth: int, tenure: tuple[int, int], budget: list[int]):
        """Tabu search from the loaded seating; return the best (f, grp) it met, feasible first."""
        sp, m = self.sp, self.sp.m
        tenures = self.rng.integers(*tenure, size=1024).astype(np.int64)
        tabu = np.zeros((sp.k, m), dtype=np.int64)
        tabu[self.grp, np.arange(m)] = INF
        tabu[:, ~self.movable] = INF
        state = np.array([0, 0, self.rng.integers(1, 2**62)], dtype=np.int64)
        feasible = sp.violations(self.grp) == 0
        fvals = np.array([self.f, self.f if feasible else -np.inf])
        best_grp = self.grp.copy()
        chunk = max(8, WORK_PER_CHUNK // (m * m))
        while budget[0] > 0:
            before = state[0]
            ended = kernel.walk(
                self.d, self.w, self.mins, self.maxs, self.movable, self.apart, self.grp,
                self.gt, self.size, tabu, state, fvals, best_grp, tenures,
                depth, min(chunk, budget[0]), self.uniform, self.moves_possible,
            )  # fmt: skip
            budget[0] -= int(state[0] - before)
            if ended or time.monotonic() > deadline:
                break
        self.f = float(fvals[0])
        return float(fvals[1]), best_grp

    def perturb(self, strength: int) -> None:
        """Apply random feasible swaps, and now and then shift guests between two tables."""
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
