"""Table sizes: how many tables for a headcount, and how full each table may be.

The one place that decides table sizes. "Lay out tables" asks `plan_tables` how many tables
of which size to create; the seating job asks `fit_sizes` how full each existing table may be
in this run, so that by default sizes differ by at most one (a sum of pair scores rewards big
tables, so without this the search fills some tables and starves others).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class PlanError(ValueError):
    """The headcount cannot be split into tables within the bounds; `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Fit:
    """Each table's size bounds for one seating run, and why they are uneven (if they are)."""

    bounds: tuple[tuple[int, int], ...]
    note: str = ""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def default_target(low: int, high: int) -> int:
    """The table size aimed at when the organizer names none: the middle of the bounds."""
    return (low + high) // 2


def balanced(headcount: int, count: int) -> list[int]:
    """Split a headcount over `count` tables, sizes differing by at most one, larger first."""
    base, extra = divmod(headcount, count)
    return [base + 1] * extra + [base] * (count - extra)


def plan_tables(headcount: int, low: int, high: int, target: int | None = None) -> list[int]:
    """Return balanced table sizes nearest the target size; raise PlanError when impossible.

    Among the table counts that fit the bounds, the one whose balanced sizes are closest to
    `target` (least total distance) wins; on a tie, fewer tables.
    """
    if low < 1 or high < low:
        raise PlanError(
            f"Table sizes {low}–{high} don't make sense: check the minimum and maximum."
        )
    if headcount < 0:
        raise PlanError("The headcount can't be negative.")
    if headcount == 0:
        return []
    bounds = f"{_plural(headcount, 'guest')} can't be seated at tables of {low}–{high}"
    if headcount < low:
        raise PlanError(
            f"{bounds}: you need at least {low} guests, or lower the minimum table size."
        )
    fewest, most = -(-headcount // high), headcount // low
    if fewest > most:
        fewer = fewest - 1
        raise PlanError(
            f"{bounds}: {_plural(fewer, 'table')} {'holds' if fewer == 1 else 'hold'} "
            f"at most {fewer * high}, and {fewest} tables need at least "
            f"{fewest * low}. Change the headcount or widen the table sizes."
        )
    aim = min(max(target if target is not None else default_target(low, high), low), high)

    def distance(count: int) -> tuple[int, int]:
        return sum(abs(s - aim) for s in balanced(headcount, count)), count

    return balanced(headcount, min(range(fewest, most + 1), key=distance))


def _window(bounds: Sequence[tuple[int, int]], low: int, spread: int):
    """Clip each table's bounds to [low, low + spread], or None if a table cannot comply."""
    clipped = tuple((max(lo, low), min(hi, low + spread)) for lo, hi in bounds)
    return None if any(lo > hi for lo, hi in clipped) else clipped


def _fits(bounds: Sequence[tuple[int, int]], headcount: int) -> bool:
    return sum(lo for lo, _ in bounds) <= headcount <= sum(hi for _, hi in bounds)


def fit_sizes(headcount: int, bounds: Sequence[tuple[int, int]], uneven: bool = False) -> Fit:
    """Narrow each table's (min, max) so table sizes differ as little as the tables allow.

    With `uneven` (the organizer allows it) or when the tables cannot seat the headcount at
    all (the solver then explains why), the bounds are returned unchanged.
    """
    bounds = tuple((int(lo), int(hi)) for lo, hi in bounds)
    if uneven:
        return Fit(bounds, "uneven tables are allowed for this dinner")
    if not bounds or not _fits(bounds, headcount):
        return Fit(bounds)
    smallest = min(lo for lo, _ in bounds)
    largest = max(hi for _, hi in bounds)
    for spread in range(largest - smallest + 1):
        for low in range(smallest, largest - spread + 1):
            clipped = _window(bounds, low, spread)
            if clipped is not None and _fits(clipped, headcount):
                return Fit(clipped, _uneven_note(low, spread))
    return Fit(bounds)  # unreachable: the widest window is the bounds themselves


def _uneven_note(low: int, spread: int) -> str:
    if spread <= 1:
        return ""
    return (
        f"tables differ by more than one guest ({low} to {low + spread}) because the tables' "
        "own seat limits, locked guests or hosts leave no more even split"
    )
