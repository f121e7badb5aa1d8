"""plan_tables: balanced sizes with the fewest tables, or a plain reason, for every case."""

from __future__ import annotations

import pytest

from dinnerplan.events.operations import plan_tables

BOUNDS = [(low, high) for low in range(2, 21) for high in range(low, 21)]


def seatable(headcount: int, low: int, high: int) -> bool:
    """Brute force: some number of tables, each within bounds, adds up to the headcount."""
    return any(k * low <= headcount <= k * high for k in range(0, headcount + 1))


@pytest.mark.parametrize(("low", "high"), BOUNDS)
def test_every_headcount_up_to_200(low, high):
    for headcount in range(0, 201):
        plan = plan_tables(headcount, low, high)
        if not seatable(headcount, low, high):
            assert isinstance(plan, str) and f"{headcount} guest" in plan, (headcount, plan)
            continue
        assert isinstance(plan, list), (headcount, low, high, plan)
        assert sum(plan) == headcount
        assert all(low <= size <= high for size in plan)
        assert len(plan) == -(-headcount // high)  # the fewest tables that can hold everyone
        assert not plan or max(plan) - min(plan) <= 1  # balanced


def test_reasons_are_plain():
    assert plan_tables(5, 6, 10) == (
        "5 guests can't be seated at tables of 6–10: you need at least 6 guests, "
        "or lower the minimum table size."
    )
    assert plan_tables(1, 2, 4).startswith("1 guest can't be seated at tables of 2–4")
    assert plan_tables(21, 8, 10) == (
        "21 guests can't be seated at tables of 8–10: 2 tables hold at most 20, and "
        "3 tables need at least 24. Change the headcount or widen the table sizes."
    )
    assert plan_tables(10, 6, 4).startswith("Table sizes 6–4 don't make sense")
    assert plan_tables(-1, 6, 10) == "The headcount can't be negative."


def test_examples():
    assert plan_tables(0, 6, 10) == []
    assert plan_tables(48, 6, 10) == [10, 10, 10, 9, 9]
    assert plan_tables(12, 6, 10) == [6, 6]
    assert plan_tables(200, 6, 10) == [10] * 20
