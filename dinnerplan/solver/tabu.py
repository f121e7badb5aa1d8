"""Tabu search over swaps and one-moves of nodes, with incrementally maintained gain matrices.

G[i, g] is the sum of scores between node i and the members of table g (plus the unary score
of seating i at g). A swap of i (at a) and j (at b) gains S[i, j] = G[i,b] - G[i,a] + G[j,a]
- G[j,b] - 2 D[i,j]. After a move between tables a and b only the rows and columns of S that
belong to members of a and b change, so each iteration recomputes those (about 2/k of the
matrix) instead of all of it. SA is S with tabu swaps masked; it is refreshed for moved nodes
and for nodes whose tabu status expires this iteration.
"""

from __future__ import annotations

import time
from collections import defaultdict

import numpy as np

INF = np.iinfo(np.int64).max // 4


class Tabu:
    """Tabu search state for one start; `run` improves it until a deadline or iteration cap."""

    def __init__(self, sp, grp: np.ndarray, rng: np.random.Generator):
        self.sp, self.rng = sp, rng
        self.neg2d = -2.0 * sp.d
        self.neg2d32 = self.neg2d.astype(np.float32)  # candidate ranking only; gains are exact
        self.uniform = bool((sp.w == sp.w[0]).all())
        self.moves_possible = bool((sp.mins < sp.maxs).any()) or not self.uniform
        self.movable = sp.fixed < 0
        self.locked = bool((~self.movable).any())
        self.shift_rate = 0.0
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

    def penalised(self, it: int) -> None:
        """Gain matrices with -inf at each node's own table, at locked nodes and at tabu tables."""
        m = self.sp.m
        self.own = self.g[np.arange(m), self.grp]
        gp = self.g.copy()
        gp[np.arange(m), self.grp] = -np.inf
        if self.locked:
            gp[~self.movable] = -np.inf
        self.gp = gp
        gt = np.where(self.tabu > it, -np.inf, gp).astype(np.float32)
        self.gt, self.gtt, self.own32 = gt, gt.T.copy(), self.own.astype(np.float32)

    def swap_rows(self, rows: np.ndarray) -> np.ndarray:
        """Gains of swapping `rows` with every node; -inf where not allowed or tabu."""
        sp, grp = self.sp, self.grp
        gr = grp[rows]
        block = np.take(self.gt[rows], grp, axis=1)
        block += self.gtt[gr]
        block -= self.own32[rows, None]
        block -= self.own32
        block += self.neg2d32[rows]
        if not self.uniform:
            dw = sp.w[None, :] - sp.w[rows, None]  # size change of the row's table
            si = self.size[gr][:, None] + dw
            sj = self.size[grp][None, :] - dw
            bad = (si < sp.mins[gr][:, None]) | (si > sp.maxs[gr][:, None])
            bad |= (sj < sp.mins[grp][None, :]) | (sj > sp.maxs[grp][None, :])
            block[bad] = -np.inf
        return block

    def refresh(self, rows: np.ndarray) -> None:
        """Recompute the admissible swap gains for the rows and columns of `rows`."""
        block = self.swap_rows(rows)
        self.sa[rows, :] = block
        self.sa[:, rows] = block.T

    def best_one_move(self, best_f: float, floor: float):
        """Best admissible one-move better than `floor` (aspiration allowed), or None."""
        sp, grp = self.sp, self.grp
        w = sp.w if not self.uniform else sp.w[:1]
        out_ok = self.size[grp] - sp.w >= sp.mins[grp]
        in_ok = self.size[None, :] + w[:, None] <= sp.maxs[None, :]
        om = self.gp - self.own[:, None]
        om[~out_ok] = -np.inf
        om[~np.broadcast_to(in_ok, om.shape)] = -np.inf
        top = int(np.argmax(om))
        value = om.flat[top]
        if value > floor and self.f + value > best_f + 1e-9:
            return value, top // sp.k, top % sp.k
        om = np.where(self.gt == -np.inf, -np.inf, om)
        top = int(np.argmax(om))
        if om.flat[top] > floor:
            return om.flat[top], top // sp.k, top % sp.k
        return None

    def run(self, deadline: float, depth: int, tenure: tuple[int, int], budget: list[int]):
        """Tabu search from the loaded seating; return the best (f, grp) it met, feasible first."""
        sp, m = self.sp, self.sp.m
        tenures = self.rng.integers(*tenure, size=1024).tolist()
        self.tabu = tabu = np.zeros((m, sp.k), dtype=np.int64)
        tabu[np.arange(m), self.grp] = INF
        tabu[~self.movable] = INF
        self.sa = np.empty((m, m), dtype=np.float32)
        self.penalised(0)
        self.refresh(np.arange(m))
        expire: dict[int, list[int]] = defaultdict(list)
        best_f = self.f if sp.violations(self.grp) == 0 else -np.inf
        best_grp = self.grp.copy()
        it = since = 0
        while since < depth and budget[0] > 0:
            if it % 64 == 0 and time.monotonic() > deadline:
                break
            it += 1
            since += 1
            budget[0] -= 1
            top = int(np.argmax(self.sa))
            delta = self.sa.flat[top]
            i, j = divmod(top, m)
            one = self.best_one_move(best_f, delta) if self.moves_possible else None
            if one is not None:
                delta, i, b = one
            elif delta == -np.inf:
                break
            a = self.grp[i]
            if one is None:
                b = self.grp[j]
                g = self.g
                delta = g[i, b] - g[i, a] + g[j, a] - g[j, b] + self.neg2d[i, j]
                self.move(j, a)
                t = it + tenures[it & 1023]
                tabu[j, b], tabu[j, a] = t, INF
                expire[t].append(j)
            self.move(i, b)
            t = it + tenures[(it + 512) & 1023]
            tabu[i, a], tabu[i, b] = t, INF
            expire[t].append(i)
            changed = np.flatnonzero((self.grp == a) | (self.grp == b))
            expired = expire.pop(it + 1, None)
            if expired:
                changed = np.union1d(changed, expired)
            self.penalised(it + 1)
            self.refresh(changed)
            self.f += delta
            if self.f > best_f + 1e-9 and sp.violations(self.grp) == 0:
                best_f, best_grp, since = self.f, self.grp.copy(), 0
        return best_f, best_grp

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
