"""A seating the help search can change fast: tables of units, and the value of each change.

A unit is what moves as one: a "sit with" group, or a single guest. Units holding a fixed
guest (a lock or a host) never move. The value of a seating is lexicographic:
1. how many guests who can be helped sit with someone who offers what they need ("covered");
2. the weakest table's quality: its mean pair score (sum over pairs / number of pairs), so a
   table of 7 and a table of 8 compare fairly ("lift", on unless switched off);
3. the sum of pair scores at the tables, less the cost of moving guests away from home,
   plus HEDGE_POINTS per guest expected to be really helped when the reader's helpers come
   with chances (hedge.py): among seatings equal on 1 and 2, those where each guest's
   chance of real help is high, with diminishing returns per guest.
`change` prices a move or a swap of units from the two tables it touches, so the search can
try thousands per second. Pure: guests and tables are plain ints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from dinnerplan.solver.hedge import clean, related, table_hedge
from dinnerplan.solver.helplift import Pulls, dense

# A gain below this is rounding noise, not an improvement.
EPSILON = 1e-6
# What one guest expected to be really helped is worth, in pair-score points (third tier):
# a helper of 0.9 rather than 0.3 gains 12, so it outweighs a small loss of pair score.
HEDGE_POINTS = 20.0


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
    lift: bool = True  # raise the weakest table before the total
    # chances[g][h]: the probability that h truly helps g (sparse, absent = 0; hedge.py)
    chances: Mapping[int, Mapping[int, float]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        limits: Mapping[int, tuple[int, int]],
        guests: Iterable[int],
        helpers: Mapping[int, Iterable[int]],
        pairs: Iterable[tuple[int, int, float]] = (),
        apart: Iterable[tuple[int, int]] = (),
        together: Iterable[Iterable[int]] = (),
        frozen: Iterable[int] = (),
        home: Mapping[int, int] | None = None,
        move_cost: float = 0.0,
        lift: bool = True,
        chances: Mapping[int, Mapping[int, float]] | None = None,
    ) -> Rules:
        """Derive the rules for these guests from plain data; `frozen` guests never move.

        `chances` keeps only guests present (and raises ValueError beyond 0..1).
        """
        guests = sorted(guests)
        present = set(guests)
        near: dict[int, set[int]] = {g: set() for g in guests}
        for a, b in apart:
            if a in present and b in present:
                near[a].add(b)
                near[b].add(a)
        weights: dict[int, dict[int, float]] = {g: {} for g in guests}
        for a, b, w in pairs:
            if a in present and b in present and a != b and w:
                weights[a][b] = weights[b][a] = float(w)
        units = _units(guests, [[g for g in grp if g in present] for grp in together])
        frozen = set(frozen)
        return cls(
            limits=dict(limits),
            helpers={g: frozenset(h for h in helpers.get(g, ()) if h in present) for g in guests},
            apart={g: frozenset(ps) for g, ps in near.items()},
            weights=weights,
            units=units,
            movable=tuple(not frozen.intersection(u) for u in units),
            unit_of={g: i for i, unit in enumerate(units) for g in unit},
            home=dict(home or {}),
            move_cost=move_cost if home else 0.0,
            lift=lift,
            chances=clean(chances or {}, present),
        )

    @cached_property
    def dense(self):
        """Rows, dense pair scores and lone movable guests for the fast lift (helplift.py)."""
        return dense(self)

    @cached_property
    def related(self) -> dict[int, frozenset[int]]:
        """Per guest with chances, those who may help them or whom they may help."""
        return related(self.chances)

    def hedge(self, members: set[int]) -> float:
        """Return the expected number of guests in `members` really helped there."""
        return table_hedge(self.chances, members)

    def covered(self, members: set[int]) -> int:
        """Count the guests in `members` who sit with one of their helpers."""
        return sum(1 for g in members if not self.helpers[g].isdisjoint(members))

    def table_score(self, members: Iterable[int]) -> float:
        """Sum the pair scores of one table."""
        ms = list(members)
        return sum(self.weights[a].get(b, 0.0) for i, a in enumerate(ms) for b in ms[i + 1 :])


def quality(total: float, size: int) -> float | None:
    """A table's mean pair score; None for a table of fewer than two (nothing to judge)."""
    return total / (size * (size - 1) / 2) if size >= 2 else None


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
    """A seating as sets of guests per table, with each table's covered count, pair sum, hedge.

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
        self.sums = {t: rules.table_score(ms) for t, ms in self.members.items()}
        self.score = sum(self.sums.values()) - sum(
            rules.move_cost for g, t in seating.items() if rules.home.get(g, t) != t
        )
        self.hedges = {t: rules.hedge(ms) for t, ms in self.members.items()}
        if rules.chances:
            self.score += HEDGE_POINTS * sum(self.hedges.values())
        self.pull = {g: dict.fromkeys(rules.limits, 0.0) for g in seating}
        for g, t in seating.items():
            for k, w in rules.weights[g].items():
                self.pull[k][t] += w
        self.pulls = Pulls(rules, seating)
        self._rank()

    def _rank(self) -> None:
        """Keep the three weakest tables, so the weakest of those a change leaves is at hand."""
        judged = [(q, t) for t, ms in self.members.items() if (q := self.quality(t)) is not None]
        self.low = sorted(judged)[:3]

    def quality(self, t: int) -> float | None:
        """Return table t's mean pair score (None below two guests)."""
        return quality(self.sums[t], len(self.members[t]))

    def weakest(self) -> float:
        """Return the weakest table's mean pair score (0 when lifting is off or no table)."""
        return self.low[0][0] if self.rules.lift and self.low else 0.0

    def value(self) -> tuple[int, float, float]:
        """Return (guests covered, weakest table, total pair score less moves plus hedge)."""
        return sum(self.cover.values()), self.weakest(), self.score

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

    def _sums_after(self, out_a: tuple[int, ...], out_b: tuple[int, ...], a: int, b: int):
        """Return the pair sums of tables a and b after swapping out_a (at a) and out_b (at b)."""
        w, pull = self.rules.weights, self.pull
        inside_a = sum(w[g].get(h, 0.0) for g in out_a for h in out_a) / 2
        inside_b = sum(w[g].get(h, 0.0) for g in out_b for h in out_b) / 2
        across = sum(w[g].get(h, 0.0) for g in out_a for h in out_b)
        new_a = self.sums[a] - sum(pull[g][a] for g in out_a) + inside_a
        new_a += sum(pull[g][a] for g in out_b) - across + inside_b
        new_b = self.sums[b] - sum(pull[g][b] for g in out_b) + inside_b
        new_b += sum(pull[g][b] for g in out_a) - across + inside_a
        return new_a, new_b

    def _moves(self, guests: tuple[int, ...], src: int, dst: int) -> float:
        """Return the cost of seating guests at dst instead of src, away from (or back) home."""
        if not self.rules.move_cost:
            return 0.0
        home = self.rules.home
        away = sum((home.get(g, dst) != dst) - (home.get(g, src) != src) for g in guests)
        return self.rules.move_cost * away

    def _weakest_after(self, a: int, b: int, qa: float | None, qb: float | None) -> float:
        """Return the weakest table's quality once tables a and b have qualities qa and qb."""
        if not self.rules.lift:
            return 0.0
        # Of the three weakest tables at least one is neither a nor b, unless there is none.
        rest = next((q for q, t in self.low if t not in (a, b)), None)
        judged = [q for q in (qa, qb, rest) if q is not None]
        return min(judged) if judged else 0.0

    def change(self, u: int, v: int | None, dst: int | None = None):
        """Price moving unit u to dst, or swapping units u and v: a gain or None.

        The gain is (more guests covered, a stronger weakest table, more pair score); None
        when a rule would break.
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
        sum_a, sum_b = self._sums_after(out_a, out_b, a, b)
        weakest = self._weakest_after(a, b, quality(sum_a, size_a), quality(sum_b, size_b))
        moves = self._moves(out_a, a, b) + self._moves(out_b, b, a)
        score = sum_a + sum_b - self.sums[a] - self.sums[b] - moves
        if self.rules.chances:
            hedge = self.rules.hedge(new_a) + self.rules.hedge(new_b)
            score += HEDGE_POINTS * (hedge - self.hedges[a] - self.hedges[b])
        return covered - self.cover[a] - self.cover[b], weakest - self.weakest(), score

    def apply(self, u: int, v: int | None, dst: int | None = None) -> None:
        """Make a change that `change` priced (it must keep the rules)."""
        units = self.rules.units
        a = self.table_of[u]
        b = self.table_of[v] if v is not None else dst
        out_a, out_b = units[u], units[v] if v is not None else ()
        sum_a, sum_b = self._sums_after(out_a, out_b, a, b)
        moves = self._moves(out_a, a, b) + self._moves(out_b, b, a)
        self.score += sum_a + sum_b - self.sums[a] - self.sums[b] - moves
        self.sums[a], self.sums[b] = sum_a, sum_b
        self._shift(out_a, a, b)
        self.table_of[u] = b
        if v is not None:
            self._shift(out_b, b, a)
            self.table_of[v] = a
        for t in (a, b):
            self.cover[t] = self.rules.covered(self.members[t])
        if self.rules.chances:
            hedge_a, hedge_b = self.rules.hedge(self.members[a]), self.rules.hedge(self.members[b])
            self.score += HEDGE_POINTS * (hedge_a + hedge_b - self.hedges[a] - self.hedges[b])
            self.hedges[a], self.hedges[b] = hedge_a, hedge_b
        self._rank()

    def _shift(self, guests: tuple[int, ...], src: int, dst: int) -> None:
        """Seat guests at dst instead of src, keeping `pull` up to date."""
        for g in guests:
            self.members[src].discard(g)
            self.members[dst].add(g)
            for k, w in self.rules.weights[g].items():
                self.pull[k][src] -= w
                self.pull[k][dst] += w
            self.pulls.shift(g, src, dst)


def better(gain: tuple[int, float, float]) -> bool:
    """True when a change's gain improves the lexicographic value."""
    covered, weakest, score = gain
    if covered:
        return covered > 0
    if abs(weakest) > EPSILON:
        return weakest > 0
    return score > EPSILON


def at_least(value: tuple[int, float, float], best: tuple[int, float, float]) -> bool:
    """True when `value` is no worse than `best` (lexicographic, up to rounding)."""
    gain = (value[0] - best[0], value[1] - best[1], value[2] - best[2])
    return better(gain) or (gain[0] == 0 and abs(gain[1]) <= EPSILON and gain[2] >= -EPSILON)
