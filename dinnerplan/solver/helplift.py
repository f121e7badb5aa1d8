"""Lift the weakest table fast: every move and swap touching it priced at once with numpy.

The help search's board prices one change at a time in Python (about 20 microseconds), so
trying every change of the weakest table's guests at 500 guests (a few thousand) took 0.1 s
per step, and a seating with dozens of weak tables never got past the first few. Here a
guest x table matrix of pair sums (`Pulls`) gives the two tables' new sums for every swap of
a weakest-table guest with any other guest, every move out of it and every move into it, in
a few array operations. The candidates are ranked by the weakest table they would leave,
then by total score, and the board checks the best few exactly (sizes, keep-apart pairs,
guests helped). Single guests only: "sit with" groups are left to the board's own step.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from dinnerplan.solver.hedge import hedge_changes

# How many ranked candidates the board checks exactly before giving up on this step.
CHECKED = 48


class Pulls:
    """`pull[i, j]`: the sum of guest i's pair scores with the guests at table j."""

    def __init__(self, rules, seating: Mapping[int, int]):
        self.row, self.weights, self.single = rules.dense
        self.col = {t: j for j, t in enumerate(rules.limits)}
        self.guest = np.array(sorted(self.row, key=self.row.get))
        self.table = list(rules.limits)
        n, k = len(self.row), len(self.col)
        self.where = np.array([self.col[seating[g]] for g in self.guest], dtype=np.int64)
        onehot = np.zeros((n, k))
        onehot[np.arange(n), self.where] = 1.0
        self.pull = self.weights @ onehot
        self.free: np.ndarray | None = None  # _free's answer until the next change

    def shift(self, guest: int, src: int, dst: int) -> None:
        """Record that `guest` now sits at dst instead of src."""
        i, a, b = self.row[guest], self.col[src], self.col[dst]
        self.pull[:, a] -= self.weights[:, i]
        self.pull[:, b] += self.weights[:, i]
        self.where[i] = b
        self.free = None


def dense(rules) -> tuple[dict[int, int], np.ndarray, np.ndarray]:
    """Return each guest's row, the pair scores and the rows of guests who move alone.

    Pair scores are guest x guest; a guest moves alone when their unit is of one and not
    fixed. Built once per Rules (Rules.dense).
    """
    row = {g: i for i, g in enumerate(sorted(rules.weights))}
    weights = np.zeros((len(row), len(row)))
    for g, i in row.items():
        for h, w in rules.weights[g].items():
            weights[i, row[h]] = w
    single = [
        row[unit[0]] for u, unit in enumerate(rules.units) if len(unit) == 1 and rules.movable[u]
    ]
    return row, weights, np.array(single, dtype=np.int64)


def _pairs(size: np.ndarray) -> np.ndarray:
    """Number of pairs at tables of these sizes (inf below two: such a table is not judged)."""
    return np.where(size >= 2, size * (size - 1) / 2.0, np.inf)


def _quality(total: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Mean pair score; +inf for a table of fewer than two (it never is the weakest)."""
    return np.where(size >= 2, total / _pairs(size), np.inf)


def _free(board, p: Pulls) -> np.ndarray:
    """True per guest row when the guest can leave their table without harm.

    Without anyone there losing their only helper (themselves included: a helped guest is
    not free). Cheap and
    conservative, so the exact check rarely has to reject a ranked change for coverage.
    """
    if p.free is not None:
        return p.free
    helpers = board.rules.helpers
    free = p.free = np.ones(len(p.row), dtype=bool)
    for members in board.members.values():
        for g in members:
            mine = helpers[g].intersection(members)
            if len(mine) == 1:
                free[p.row[next(iter(mine))]] = False
            if mine:
                free[p.row[g]] = False
    return free


def _tables(board, p: Pulls) -> tuple[np.ndarray, ...]:
    """Each table's pair sum, size, lowest and highest allowed size (by column)."""
    sums = np.array([board.sums[t] for t in p.table])
    size = np.array([len(board.members[t]) for t in p.table], dtype=float)
    low = np.array([board.rules.limits[t][0] for t in p.table])
    high = np.array([board.rules.limits[t][1] for t in p.table])
    return sums, size, low, high


def _changes_of(p: Pulls, i: int, tables, free: np.ndarray):
    """Price every swap of guest row i with a lone guest and every move of i elsewhere.

    Returns (quality of i's table after, of the other table after, total gain,
    whether it takes nobody's helper away, the changes as (row, row or None, column)).
    """
    sums, size, low, high = tables
    a = p.where[i]
    outside = p.single[p.where[p.single] != a]
    t = p.where[outside]
    both = p.weights[i, outside]
    d_a = -p.pull[i, a] + p.pull[outside, a] - both
    d_t = -p.pull[outside, t] + p.pull[i, t] - both
    q_a = [_quality(sums[a] + d_a, np.full(len(t), size[a]))]
    q_b = [_quality(sums[t] + d_t, size[t])]
    delta, leaving = [d_a + d_t], [free[outside]]
    made = [(i, x, None) for x in outside]
    if size[a] - 1 >= low[a]:
        to = np.flatnonzero((size + 1 <= high) & (np.arange(len(size)) != a))
        q_a.append(
            _quality(np.full(len(to), sums[a] - p.pull[i, a]), np.full(len(to), size[a] - 1))
        )
        q_b.append(_quality(sums[to] + p.pull[i, to], size[to] + 1))
        delta.append(p.pull[i, to] - p.pull[i, a])
        leaving.append(np.ones(len(to), dtype=bool))
        made += [(i, None, j) for j in to]
    join = np.concatenate
    return join(q_a), join(q_b), join(delta), join(leaving), made


def _units(board, p: Pulls, order, changes) -> list[tuple[int, int | None, int | None]]:
    """Translate ranked (row, row or None, column) changes into the board's (u, v, dst)."""
    unit_of = board.rules.unit_of
    out = []
    for c in order:
        i, x, j = changes[c]
        u = unit_of[int(p.guest[i])]
        v = unit_of[int(p.guest[x])] if x is not None else None
        out.append((u, v, p.table[j] if j is not None else None))
    return out


def candidates(
    board, keep_helpers: bool = True, target: float = 0.0
) -> list[tuple[int, int | None, int | None]]:
    """Return changes (u, v, dst) of the weakest table's lone guests, best lift first.

    With `keep_helpers`, those that take no one's helper away come before the others.
    """
    p = board.pulls
    w = p.col[board.low[0][1]]
    tables = _tables(board, p)
    sums, size, low, high = tables
    # Lifts past `cap` tie and the total decides: past the second weakest table, or past
    # `target` x the average table when that is higher (fewer, larger steps).
    judged = sums[size >= 2] / _pairs(size[size >= 2])
    cap = board.low[1][0] if len(board.low) > 1 else np.inf
    cap = max(cap, target * judged.mean()) if len(judged) else cap
    free = _free(board, p)
    parts = [_changes_of(p, i, tables, free) for i in p.single[p.where[p.single] == w]]
    # Moves of a lone guest from another table in.
    outside = p.single[p.where[p.single] != w]
    if size[w] + 1 <= high[w] and len(outside):
        t = p.where[outside]
        ok = size[t] - 1 >= low[t]
        x, t = outside[ok], t[ok]
        q_w = _quality(sums[w] + p.pull[x, w], np.full(len(x), size[w] + 1))
        q_t = _quality(sums[t] - p.pull[x, t], size[t] - 1)
        parts.append((q_w, q_t, p.pull[x, w] - p.pull[x, t], free[x], [(r, None, w) for r in x]))
    changes = [c for part in parts for c in part[4]]
    if not changes:
        return []
    lift = np.concatenate([np.minimum(np.minimum(q[0], q[1]), cap) for q in parts])
    delta = np.concatenate([q[2] for q in parts])
    leaving = np.concatenate([q[3] for q in parts])
    first = ~leaving if keep_helpers else np.zeros_like(leaving)
    order = np.lexsort((-delta, -lift, first))
    order = order[lift[order] > board.weakest() + 1e-9][:CHECKED]
    return _units(board, p, order, changes)


def improving(board, guest: int) -> list[tuple[int, int | None, int | None]]:
    """Return the changes of a lone guest that raise the total, weakest table kept.

    No table ends weaker than the weakest now; those that take nobody's helper away come
    first, then by gain. Pair scores only rank these, so a guest with chances (hedge.py) is
    also tried where they hedge best, after those.
    """
    p = board.pulls
    free = _free(board, p)
    q_a, q_b, delta, leaving, changes = _changes_of(p, p.row[guest], _tables(board, p), free)
    floor = board.weakest() - 1e-9 if board.rules.lift and board.low else -np.inf
    keep = (np.minimum(q_a, q_b) >= floor) & (delta > 1e-6)
    order = np.flatnonzero(keep)
    order = order[np.lexsort((-delta[order], ~leaving[order]))][:CHECKED]
    found = _units(board, p, order, changes)
    if board.rules.chances:
        seen = set(found)
        found += [c for c in hedge_changes(board, guest) if c not in seen]
    return found
