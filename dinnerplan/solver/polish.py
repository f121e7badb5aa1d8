"""Local polish of a node seating for the full objective, fairness included."""

from __future__ import annotations

import time

import numpy as np

from dinnerplan.solver.instance import Instance


class Polisher:
    """First-improvement moves and swaps judged by exact table values (scores, best mate, moves)."""

    def __init__(self, inst: Instance, apart_nodes: np.ndarray):
        self.inst = inst
        self.d = inst.d
        self.fair = inst.fairness
        self.unary = -inst.node_moves()
        self.ap = apart_nodes  # m x m bool
        self.nd = inst.node_scores()

    def table_value(self, nodes: list[int], t: int) -> float:
        """Pair scores, fairness reward and move costs of one table holding `nodes`."""
        if not nodes:
            return 0.0
        guests = [g for v in nodes for g in self.inst.nodes[v]]
        sub = self.d[np.ix_(guests, guests)]
        value = sub.sum() / 2 + self.unary[nodes, t].sum()
        if self.fair > 0 and len(guests) > 1:
            np.fill_diagonal(sub, -np.inf)
            value += self.fair * np.maximum(sub.max(axis=1), 0).sum()
        return float(value)

    def fits(self, nodes: list[int], t: int) -> bool:
        """True when these nodes may sit at table t: its size bounds, nobody kept apart."""
        size = int(self.inst.weight[nodes].sum()) if nodes else 0
        ok = self.inst.mins[t] <= size <= self.inst.maxs[t]
        return bool(ok and not self.ap[np.ix_(nodes, nodes)].any())

    def run(self, grp: np.ndarray, deadline: float, width: int = 12) -> np.ndarray:
        """Improve `grp` (node -> table) until no move helps or the deadline passes."""
        grp = grp.copy()
        tables = {t: [int(v) for v in np.flatnonzero(grp == t)] for t in range(self.inst.k)}
        value = {t: self.table_value(vs, t) for t, vs in tables.items()}
        movable = np.flatnonzero(self.inst.node_fixed < 0)
        improved = True
        while improved and time.monotonic() < deadline:
            improved = False
            for v in movable:
                if time.monotonic() > deadline:
                    break
                a = int(grp[v])
                others = [u for u in np.argsort(-self.nd[v])[:width] if grp[u] != a]
                for u in others:
                    b = int(grp[u])
                    options = [([x for x in tables[a] if x != v], tables[b] + [v])]
                    if self.inst.node_fixed[u] < 0:
                        options.append(
                            (
                                [x for x in tables[a] if x != v] + [int(u)],
                                [x for x in tables[b] if x != u] + [v],
                            )
                        )
                    for new_a, new_b in options:
                        if not (self.fits(new_a, a) and self.fits(new_b, b)):
                            continue
                        va, vb = self.table_value(new_a, a), self.table_value(new_b, b)
                        if va + vb > value[a] + value[b] + 1e-9:
                            tables[a], tables[b], value[a], value[b] = new_a, new_b, va, vb
                            for x in new_a:
                                grp[x] = a
                            for x in new_b:
                                grp[x] = b
                            improved = True
                            break
                    if grp[v] != a:
                        break
        return grp
