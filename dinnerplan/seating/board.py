"""A seating the help polish can change fast: tables of units, and the value of each change.

A unit is what moves as one: a "sit with" group, or a single guest. Units holding a fixed
guest (a lock or a host) never move. The value of a seating is lexicographic: first how
many guests who can be helped sit with someone who offers what they need ("covered"),
then the sum of pair scores at the tables. `change` prices a move or a swap of units
from the two tables it touches only, so the search can try thousands per second.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# A pair-score gain below this is rounding noise, not an improvement.
EPSILON = 1e-6


@dataclass(frozen=True)
class Rules:
    """What a seating must keep and what it is worth, keyed by guest id."""

    limits: Mapping[int, tuple[int, int]]
    helpers: Mapping[int, frozenset[int]]  # who offers what each guest needs
    apart: Mapping[int, frozenset[int]]
    weights: Mapping[int, Mapping[int, float]]  # non-zero pair scores, both ways
    units: tuple[tuple[int, ...], ...]
    movable: tuple[bool, ...]
    unit_of: Mapping[int, int]
    home: Mapping[int, int]  # where guests sat before a re-seat...
    move_cost: float  # ...and what leaving it costs, in pair-score points

    @classmethod
    def build(
        cls,
        scores,
        limits,
        guests: Iterable[int],
        frozen: Iterable[int],
        home: Mapping[int, int] | None = None,
        move_cost: float = 0.0,
    ) -> Rules:
        """Derive the rules from matching scores for these guests; `frozen` never move."""
        guests = sorted(guests)
        ids = {str(g): g for g in guests}
        helpers = {
            g: frozenset(
                h
                for h in guests
                if h != g and scores.can_be_helped(str(g)) and scores.helps(str(h), str(g))
            )
            for g in guests
        }
        apart: dict[int, set[int]] = {g: set() for g in guests}
        for a, b in scores.apart:
            if a in ids and b in ids:
                apart[ids[a]].add(ids[b])
                apart[ids[b]].add(ids[a])
        weights: dict[int, dict[int, float]] = {g: {} for g in guests}
        for m in scores.pairs.values():
            if m.a in ids and m.b in ids and m.score:
                weights[ids[m.a]][ids[m.b]] = weights[ids[m.b]][ids[m.a]] = m.score
        units = _units(guests, [[ids[g] for g in grp if g in ids] for grp in scores.together])
        frozen = set(frozen)
        return cls(
            limits=dict(limits),
            helpers=helpers,
            apart={g: frozenset(ps) for g, ps in apart.items()},
            weights=weights,
            units=units,
            movable=tuple(not frozen.intersection(u) for u in units),
            unit_of={g: i for i, unit in enumerate(units) for g in unit},
            home=dict(home or {}),
            move_cost=move_cost if home else 0.0,
        )

    def covered(self, members: set[int]) -> int:
        """Count the guests in `members` who sit with one of their helpers."""
        return sum(1 for g in members if not self.helpers[g].isdisjoint(members))

    def table_score(self, members: Iterable[int]) -> float:
        """Sum the pair scores of one table."""
        ms = list(members)
        return sum(self.weights[a].get(b, 0.0) for i, a in enumerate(ms) for b in ms[i + 1 :])


def _units(guests: list[int], groups: list[list[int]]) -> tuple[tuple[int, ...], ...]:
    """Split guests into "sit with" groups (merged where they overlap) and single guests."""
    unit_of = {g: {g} for g in guests}
    for grp in groups:
        merged = set().union(*(unit_of[g] for g in grp)) if grp else set()
        for g in merged:
            unit_of[g] = merged
    seen, units = set(), []
    for g in guests:
        if g not in seen:
            seen |= unit_of[g]
            units.append(tuple(sorted(unit_of[g])))
    return tuple(units)


class Board:
    """A seating as sets of guests per table, with each table's covered count.

    `pull[g][t]` is the sum of g's pair scores with the guests at table t, so the score
    change of a move or swap costs a few lookups instead of a table's worth of pairs.
    """

    def __init__(self, rules: Rules, seating: Mapping[int, int]):
        self.rules = rules
        self.members: dict[int, set[int]] = {t: set() for t in rules.limits}
        for g, t in seating.items():
            self.members[t].add(g)
        self.table_of = [seating[u[0]] for u in rules.units]
        self.cover = {t: rules.covered(ms) for t, ms in self.members.items()}
        self.score = sum(rules.table_score(ms) for ms in self.members.values()) - sum(
            rules.move_cost for g, t in seating.items() if rules.home.get(g, t) != t
        )
        self.pull = {g: dict.fromkeys(rules.limits, 0.0) for g in seating}
        for g, t in seating.items():
            for k, w in rules.weights[g].items():
                self.pull[k][t] += w

    def value(self) -> tuple[int, float]:
        """Return (guests covered, total pair score less the cost of moves from home)."""
        return sum(self.cover.values()), self.score

    def seating(self) -> dict[int, int]:
        """Return the seating {guest: table}."""
        return {g: t for t, ms in self.members.items() for g in ms}

    def uncovered(self) -> list[int]:
        """Return the guests who could be helped here but sit with none of their helpers."""
        return sorted(
            g
            for ms in self.members.values()
            for g in ms
            if self.rules.helpers[g] and self.rules.helpers[g].isdisjoint(ms)
        )

    def _fits(self, unit: tuple[int, ...], table: int, leaving: tuple[int, ...]) -> bool:
        """True when `unit` may join `table` once `leaving` has left it (keep-apart)."""
        others = self.members[table].difference(leaving)
        return all(self.rules.apart[g].isdisjoint(others) for g in unit)

    def _score_gain(self, out_a: tuple[int, ...], out_b: tuple[int, ...], a: int, b: int):
        """Return the pair-score change of swapping the guests out_a (at a) and out_b (at b)."""
        w, pull = self.rules.weights, self.pull
        gain = sum(pull[g][b] - pull[g][a] for g in out_a)
        gain += sum(pull[g][a] - pull[g][b] for g in out_b)
        inside = sum(w[g].get(h, 0.0) for unit in (out_a, out_b) for g in unit for h in unit)
        across = sum(w[g].get(h, 0.0) for g in out_a for h in out_b)
        return gain + inside - 2 * across - self._moves(out_a, a, b) - self._moves(out_b, b, a)

    def _moves(self, guests: tuple[int, ...], src: int, dst: int) -> float:
        """Return the cost of seating guests at dst instead of src, away from (or back) home."""
        if not self.rules.move_cost:
            return 0.0
        home = self.rules.home
        away = sum((home.get(g, dst) != dst) - (home.get(g, src) != src) for g in guests)
        return self.rules.move_cost * away

    def change(self, u: int, v: int | None, dst: int | None = None):
        """Price moving unit u to dst, or swapping units u and v: a gain or None.

        The gain is (more guests covered, more pair score); None when a rule would break.
        """
        units, limits = self.rules.units, self.rules.limits
        a = self.table_of[u]
        b = self.table_of[v] if v is not None else dst
        if a == b:
            return None
        out_a, out_b = units[u], units[v] if v is not None else ()
        size_a = len(self.members[a]) - len(out_a) + len(out_b)
        size_b = len(self.members[b]) - len(out_b) + len(out_a)
        if not (limits[a][0] <= size_a <= limits[a][1] and limits[b][0] <= size_b <= limits[b][1]):
            return None
        if not (self._fits(out_a, b, out_b) and self._fits(out_b, a, out_a)):
            return None
        new_a = self.members[a].difference(out_a).union(out_b)
        new_b = self.members[b].difference(out_b).union(out_a)
        covered = self.rules.covered(new_a) + self.rules.covered(new_b)
        return covered - self.cover[a] - self.cover[b], self._score_gain(out_a, out_b, a, b)

    def apply(self, u: int, v: int | None, dst: int | None = None) -> None:
        """Make a change that `change` priced (it must keep the rules)."""
        units = self.rules.units
        a = self.table_of[u]
        b = self.table_of[v] if v is not None else dst
        self.score += self._score_gain(units[u], units[v] if v is not None else (), a, b)
        self._shift(units[u], a, b)
        self.table_of[u] = b
        if v is not None:
            self._shift(units[v], b, a)
            self.table_of[v] = a
        for t in (a, b):
            self.cover[t] = self.rules.covered(self.members[t])

    def _shift(self, guests: tuple[int, ...], src: int, dst: int) -> None:
        """Seat guests at dst instead of src, keeping `pull` up to date."""
        for g in guests:
            self.members[src].discard(g)
            self.members[dst].add(g)
            for k, w in self.rules.weights[g].items():
                self.pull[k][src] -= w
                self.pull[k][dst] += w


def better(gain: tuple[int, float]) -> bool:
    """True when a change's gain improves the lexicographic value."""
    return gain[0] > 0 or (gain[0] == 0 and gain[1] > EPSILON)
