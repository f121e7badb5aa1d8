"""The CP-SAT seating model: one method per rule, on keep-together groups ("nodes")."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from dinnerplan.solver.instance import Instance


def integer_scale(values: np.ndarray) -> int:
    """Smallest power of ten (up to 10^4) that makes all values whole numbers."""
    for k in range(5):
        scaled = values * 10**k
        if np.all(np.abs(scaled - np.round(scaled)) < 1e-6):
            return 10**k
    return 10**4


@dataclass
class SatOutcome:
    """What one CP-SAT run found: status word, node tables, objective and bound."""

    status: str  # optimal | feasible | infeasible | unknown
    table_of_node: np.ndarray | None
    objective: float | None
    bound: float | None


class SeatingModel:
    """CP-SAT model over node-at-table booleans and same-table booleans for scored pairs."""

    def __init__(self, inst: Instance, with_objective: bool = True):
        # Data.
        self.inst = inst
        self.with_objective = with_objective
        self.m = len(inst.nodes)
        self.k = inst.k
        self.w = inst.weight
        self.ds = inst.node_scores()
        self.move = inst.node_moves()
        self.best_gain = self._fairness_gains() if inst.fairness > 0 else {}
        raw = np.concatenate(
            [self.ds.ravel(), self.move.ravel(), inst.fairness * inst.d.ravel(), [1.0]]
        )
        self.scale = integer_scale(raw)
        self.model = cp_model.CpModel()
        # Variables.
        self.x = {
            (v, t): self.model.new_bool_var(f"x{v}_{t}")
            for v in range(self.m)
            for t in range(self.k)
        }
        self.linked = self._linked_pairs()
        self.y = {p: self.model.new_bool_var(f"y{p[0]}_{p[1]}") for p in self.linked}
        # Constraints.
        self.every_guest_sits_once()
        self.table_sizes_stay_in_range()
        self.apart_pairs_sit_apart()
        self.fixed_guests_keep_their_seat()
        self.one_host_per_table()
        self.pair_flags_follow_seats()
        self.tablemates_fit_the_table()
        self.identical_tables_are_interchangeable()
        # Objective.
        if with_objective:
            self.maximise_scores_fairness_and_stability()

    def _fairness_gains(self) -> dict[int, dict[int, float]]:
        """For each guest, the best score it could get from each other node."""
        gains: dict[int, dict[int, float]] = {}
        d, node_of = self.inst.d, self.inst.node_of
        for i in range(self.inst.n):
            row: dict[int, float] = {}
            for j in np.flatnonzero(d[i] > 0):
                v = int(node_of[j])
                if v != node_of[i]:
                    row[v] = max(row.get(v, 0.0), float(d[i, j]))
            gains[i] = row
        return gains

    def _linked_pairs(self) -> dict[tuple[int, int], str]:
        """Node pairs needing a same-table flag: 'up', 'down' or 'both' bounded by the seats."""
        linked: dict[tuple[int, int], str] = {}
        if not self.with_objective:
            return linked
        for v, w in zip(*np.nonzero(np.triu(self.ds, 1)), strict=True):
            linked[(int(v), int(w))] = "up" if self.ds[v, w] > 0 else "down"
        for i, row in self.best_gain.items():
            v = int(self.inst.node_of[i])
            for u in row:
                p = (min(u, v), max(u, v))
                linked[p] = "both" if linked.get(p) == "down" else "up"
        return linked

    def every_guest_sits_once(self) -> None:
        """Every guest (and each keep-together group as a whole) sits at exactly one table."""
        for v in range(self.m):
            self.model.add_exactly_one(self.x[v, t] for t in range(self.k))

    def table_sizes_stay_in_range(self) -> None:
        """Each table seats between its own minimum and maximum number of guests."""
        for t in range(self.k):
            size = sum(int(self.w[v]) * self.x[v, t] for v in range(self.m))
            self.model.add_linear_constraint(size, int(self.inst.mins[t]), int(self.inst.maxs[t]))

    def apart_pairs_sit_apart(self) -> None:
        """Guests who must be kept apart never share a table (hosts are handled separately)."""
        hosts = set(self.inst.hosts)
        node_of = self.inst.node_of
        pairs = {
            tuple(sorted((int(node_of[a]), int(node_of[b]))))
            for a, b in self.inst.apart
            if not (a in hosts and b in hosts)
        }
        for v, w in pairs:
            for t in range(self.k):
                self.model.add_at_most_one(self.x[v, t], self.x[w, t])

    def fixed_guests_keep_their_seat(self) -> None:
        """A locked guest sits at the table they were fixed to."""
        for v, t in enumerate(self.inst.node_fixed):
            if t >= 0:
                self.model.add(self.x[v, int(t)] == 1)

    def one_host_per_table(self) -> None:
        """At most one host per table; every table gets one when there are enough hosts."""
        if not self.inst.hosts:
            return
        host_nodes = sorted({int(self.inst.node_of[h]) for h in self.inst.hosts})
        for t in range(self.k):
            lits = [self.x[v, t] for v in host_nodes]
            if len(host_nodes) >= self.k:
                self.model.add_exactly_one(lits)
            else:
                self.model.add_at_most_one(lits)

    def pair_flags_follow_seats(self) -> None:
        """A pair only scores as tablemates when both sit at the same table."""
        for (v, w), kind in self.linked.items():
            y = self.y[v, w]
            for t in range(self.k):
                if kind in ("up", "both"):
                    self.model.add_bool_or([~y, ~self.x[v, t], self.x[w, t]])
                    self.model.add_bool_or([~y, ~self.x[w, t], self.x[v, t]])
                if kind in ("down", "both"):
                    self.model.add_bool_or([y, ~self.x[v, t], ~self.x[w, t]])

    def tablemates_fit_the_table(self) -> None:
        """A guest has at most as many tablemates as their table has other seats.

        Redundant, but it cuts the search.
        """
        mates: dict[int, list] = {v: [] for v in range(self.m)}
        for v, w in self.linked:
            mates[v].append(int(self.w[w]) * self.y[v, w])
            mates[w].append(int(self.w[v]) * self.y[v, w])
        for v, terms in mates.items():
            if terms:
                room = sum(int(self.inst.maxs[t] - self.w[v]) * self.x[v, t] for t in range(self.k))
                self.model.add(sum(terms) <= room)

    def identical_tables_are_interchangeable(self) -> None:
        """Tables alike in size and unlocked are ordered by their first guest.

        Symmetry breaking: the solver need not try every order of identical tables.
        """
        if (self.inst.current >= 0).any():
            return
        locked = set(int(t) for t in self.inst.node_fixed if t >= 0)
        classes: dict[tuple[int, int], list[int]] = {}
        for t in range(self.k):
            if t not in locked:
                classes.setdefault((int(self.inst.mins[t]), int(self.inst.maxs[t])), []).append(t)
        hosts = {int(self.inst.node_of[h]) for h in self.inst.hosts}
        free = [v for v in range(self.m) if self.inst.node_fixed[v] < 0 and v not in hosts]
        for tables in classes.values():
            for rank, v in enumerate(free):
                for t in tables[rank + 1 :]:
                    self.model.add(self.x[v, t] == 0)

    def maximise_scores_fairness_and_stability(self) -> None:
        """Maximise tablemate scores, plus each guest's best tablemate, minus moved guests."""
        s = self.scale
        terms = [round(s * self.ds[v, w]) * y for (v, w), y in self.y.items() if self.ds[v, w]]
        if self.inst.problem.current:
            terms += [
                -round(s * self.move[v, t]) * self.x[v, t]
                for v in range(self.m)
                for t in range(self.k)
                if self.move[v, t]
            ]
        self.best_terms = []
        for i, row in self.best_gain.items():
            v = int(self.inst.node_of[i])
            inside = max([0.0] + [self.inst.d[i, j] for j in self.inst.nodes[v] if j != i])
            options = {u: g for u, g in row.items() if g > inside}
            if not options:
                continue
            picks = {u: self.model.new_bool_var(f"b{i}_{u}") for u in options}
            self.model.add_at_most_one(picks.values())
            for u, b in picks.items():
                self.model.add_implication(b, self.y[min(u, v), max(u, v)])
            f = self.inst.fairness * s
            terms += [round(f * (g - inside)) * picks[u] for u, g in options.items()]
        self.model.maximize(sum(terms))

    def constant(self) -> float:
        """Objective part the model does not see: scores and best mates inside each node."""
        d, total = self.inst.d, 0.0
        for members in self.inst.nodes:
            sub = d[np.ix_(members, members)]
            total += sub.sum() / 2
            if self.inst.fairness > 0 and len(members) > 1:
                np.fill_diagonal(sub, -np.inf)
                total += self.inst.fairness * np.maximum(sub.max(axis=1), 0).sum()
        return total

    def hint(self, table_of_node: np.ndarray) -> None:
        """Warm-start the search from a known seating."""
        for (v, t), x in self.x.items():
            self.model.add_hint(x, int(table_of_node[v] == t))
        for (v, w), y in self.y.items():
            self.model.add_hint(y, int(table_of_node[v] == table_of_node[w]))

    def solve(self, time_limit: float, workers: int, seed: int) -> SatOutcome:
        """Run CP-SAT within the time limit and translate its status."""
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, time_limit)
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = seed
        code = solver.solve(self.model)
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            table = np.array(
                [
                    next(t for t in range(self.k) if solver.value(self.x[v, t]))
                    for v in range(self.m)
                ]
            )
            status = "optimal" if code == cp_model.OPTIMAL else "feasible"
            c = self.constant()
            obj = solver.objective_value / self.scale + c if self.with_objective else None
            bound = solver.best_objective_bound / self.scale + c if self.with_objective else None
            return SatOutcome(status, table, obj, bound)
        status = "infeasible" if code == cp_model.INFEASIBLE else "unknown"
        return SatOutcome(status, None, None, None)
