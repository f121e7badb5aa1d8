"""Table sizes: plan_tables and fit_sizes against brute force on small inputs."""

from __future__ import annotations

from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dinnerplan.solver.sizes import PlanError, fit_sizes, plan_tables


def partitions(headcount: int, low: int, high: int):
    """Every multiset of table sizes within [low, high] adding up to headcount (brute force)."""

    def rec(left: int, largest: int):
        if left == 0:
            yield ()
        for size in range(min(largest, left), low - 1, -1):
            for rest in rec(left - size, size):
                yield (size, *rest)

    yield from rec(headcount, high)


def closeness(sizes, target: int) -> tuple[int, int]:
    return sum(abs(s - target) for s in sizes), len(sizes)


@given(
    headcount=st.integers(0, 40),
    low=st.integers(1, 10),
    extra=st.integers(0, 6),
    target=st.integers(1, 16) | st.none(),
)
def test_plan_matches_brute_force(headcount, low, extra, target):
    high = low + extra
    every = list(partitions(headcount, low, high))
    if not every:  # no partition exists: the planner must say so, naming the headcount
        with pytest.raises(PlanError) as exc:
            plan_tables(headcount, low, high, target)
        assert f"{headcount} guest" in exc.value.reason
        return
    plan = plan_tables(headcount, low, high, target)
    assert sum(plan) == headcount
    assert all(low <= s <= high for s in plan)
    assert not plan or max(plan) - min(plan) <= 1
    even = [p for p in every if max(p, default=0) - min(p, default=0) <= 1]
    aim = min(max(target if target is not None else (low + high) // 2, low), high)
    assert closeness(plan, aim) == min(closeness(p, aim) for p in even)


def test_examples_from_the_issue():
    assert plan_tables(48, 6, 10, 8) == [8] * 6
    assert plan_tables(48, 6, 10) == [8] * 6  # the middle of 6-10 when no target is named
    sizes = plan_tables(150, 6, 10, 8)
    assert sum(sizes) == 150
    assert max(sizes) - min(sizes) <= 1
    assert set(sizes) <= {7, 8}
    assert plan_tables(60, 6, 10, 10) == [10] * 6
    assert plan_tables(0, 6, 10) == []


def test_reasons_are_plain():
    with pytest.raises(PlanError, match="you need at least 6 guests"):
        plan_tables(5, 6, 10)
    with pytest.raises(PlanError) as info:
        plan_tables(21, 8, 10)
    assert info.value.reason == (
        "21 guests can't be seated at tables of 8–10: 2 tables hold at most 20, and "
        "3 tables need at least 24. Change the headcount or widen the table sizes."
    )
    with pytest.raises(PlanError, match="Table sizes 6–4 don't make sense"):
        plan_tables(10, 6, 4)
    with pytest.raises(PlanError, match="can't be negative"):
        plan_tables(-1, 6, 10)


def size_vectors(headcount, bounds):
    """Every way to give each table a size within its bounds, adding up to headcount."""
    ranges = [range(lo, hi + 1) for lo, hi in bounds]
    return [v for v in product(*ranges) if sum(v) == headcount]


table_bounds = st.tuples(st.integers(0, 7), st.integers(0, 4)).map(lambda t: (t[0], t[0] + t[1]))


@given(headcount=st.integers(0, 30), bounds=st.lists(table_bounds, min_size=1, max_size=4))
def test_fit_is_as_even_as_the_tables_allow(headcount, bounds):
    every = size_vectors(headcount, bounds)
    fit = fit_sizes(headcount, bounds)
    if not every:
        assert fit.bounds == tuple(bounds)  # the solver explains why it cannot seat them
        return
    inside = size_vectors(headcount, fit.bounds)
    assert inside, "the narrowed bounds must still seat everyone"
    assert all(lo <= a <= b <= hi for (lo, hi), (a, b) in zip(bounds, fit.bounds, strict=True))
    best = min(max(v) - min(v) for v in every)
    assert all(max(v) - min(v) <= best for v in inside)
    assert (fit.note == "") == (best <= 1)


def test_fit_evens_out_default_tables_and_keeps_the_organizers_choice():
    fit = fit_sizes(150, [(6, 10)] * 19)
    assert set(fit.bounds) == {(7, 8)}
    assert fit.note == ""
    assert fit_sizes(150, [(6, 10)] * 19, uneven=True).bounds == ((6, 10),) * 19
    # A room of one long table of 12 and small tables of 4-6: no even split exists.
    fit = fit_sizes(30, [(12, 12), (4, 6), (4, 6), (4, 6)])
    assert fit.bounds == ((12, 12), (6, 6), (6, 6), (6, 6))
    assert "12" in fit.note
