"""The numeric form of a problem shared by the CP-SAT model and the heuristic search."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import dinnerplan.solver.feasibility as feasibility
from dinnerplan.solver.schema import Problem


def together_groups(problem: Problem) -> list[list[str]]:
    """Merge overlapping keep-together groups; every guest ends up in exactly one group."""
    parent = {g: g for g in problem.guests}

    def find(g: str) -> str:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for group in problem.together:
        for g in group[1:]:
            parent[find(g)] = find(group[0])
    merged: dict[str, list[str]] = {}
    for g in problem.guests:
        merged.setdefault(find(g), []).append(g)
    return list(merged.values())


@dataclass
class Instance:
    """Guests and tables as indices; nodes are keep-together groups moved as one."""

    problem: Problem
    d: np.ndarray  # guest x guest pair scores, symmetric, zero diagonal
    mins: np.ndarray
    maxs: np.ndarray
    nodes: list[list[int]]  # guest indices of each node
    node_of: np.ndarray
    weight: np.ndarray  # guests per node
    node_fixed: np.ndarray  # table index or -1
    apart: list[tuple[int, int]]  # guest index pairs, hosts included
    hosts: list[int]
    current: np.ndarray  # guest -> table index, -1 when new or the table is gone
    fairness: float

    @property
    def n(self) -> int:
        """The number of guests."""
        return len(self.problem.guests)

    @property
    def k(self) -> int:
        """The number of tables."""
        return len(self.problem.tables)

    def node_scores(self) -> np.ndarray:
        """Sum pair scores between nodes (zero diagonal)."""
        m = len(self.nodes)
        agg = np.zeros((m, self.n))
        np.add.at(agg, self.node_of, self.d)
        out = np.zeros((m, m))
        np.add.at(out.T, self.node_of, agg.T)
        np.fill_diagonal(out, 0.0)
        return out

    def node_moves(self) -> np.ndarray:
        """Cost of seating each node at each table, from the published seating."""
        cost = np.zeros((len(self.nodes), self.k))
        mc = self.problem.move_cost
        for v, members in enumerate(self.nodes):
            for g in members:
                if self.current[g] >= 0:
                    cost[v] += mc
                    cost[v, self.current[g]] -= mc
        return cost

    def seating(self, table_of_guest: np.ndarray) -> dict[str, list[str]]:
        """Turn a guest -> table index array into {table id: [guest names]}."""
        out: dict[str, list[str]] = {t.id: [] for t in self.problem.tables}
        for g, t in zip(self.problem.guests, table_of_guest, strict=True):
            out[self.problem.tables[int(t)].id].append(g)
        return out


def build(problem: Problem, fairness: float) -> Instance:
    """Check the problem cheaply (raising InfeasibleError) and return its numeric form."""
    feasibility.check_names(problem)
    feasibility.check_counts(problem)
    groups = together_groups(problem)
    feasibility.precheck(problem, groups)
    gi = {g: i for i, g in enumerate(problem.guests)}
    ti = {t.id: i for i, t in enumerate(problem.tables)}
    n = len(problem.guests)
    d = np.zeros((n, n))
    for a, b, s in problem.scores:
        if a != b:
            d[gi[a], gi[b]] += s
            d[gi[b], gi[a]] += s
    nodes = [[gi[g] for g in group] for group in groups]
    node_of = np.empty(n, dtype=np.int64)
    for v, members in enumerate(nodes):
        node_of[members] = v
    node_fixed = np.full(len(nodes), -1, dtype=np.int64)
    for g, t in problem.fixed.items():
        node_fixed[node_of[gi[g]]] = ti[t]
    hosts = [gi[h] for h in problem.hosts]
    apart = {tuple(sorted((gi[a], gi[b]))) for a, b in problem.apart}
    apart |= {(a, b) for a in hosts for b in hosts if a < b}
    current = np.array([ti.get(problem.current.get(g, ""), -1) for g in problem.guests])
    return Instance(
        problem=problem,
        d=d,
        mins=np.array([t.min for t in problem.tables]),
        maxs=np.array([t.max for t in problem.tables]),
        nodes=nodes,
        node_of=node_of,
        weight=np.array([len(m) for m in nodes]),
        node_fixed=node_fixed,
        apart=sorted(apart),
        hosts=hosts,
        current=current.astype(np.int64),
        fairness=fairness,
    )
