"""Hedging the help search on an uncertain reading (pure): chances that a helper truly helps."""

from __future__ import annotations

import math
import random
from itertools import combinations

import pytest

from dinnerplan.solver.helpboard import HEDGE_POINTS, Board, Rules, quality
from dinnerplan.solver.helpsearch import HelpPolisher, neighbours

TWO_TABLES = {0: (3, 3), 1: (3, 3)}


def tables_of(seating: dict[int, int]) -> set[frozenset[int]]:
    return {
        frozenset(g for g, t in seating.items() if t == table) for table in set(seating.values())
    }


def seating_of(*tables: tuple[int, ...]) -> dict[int, int]:
    return {g: t for t, members in enumerate(tables) for g in members}


def test_the_search_seats_a_guest_with_the_likelier_helper_when_both_cover():
    # Guest 0 is covered by 1 or by 2 (kept apart); 1 is far more likely to really help.
    rules = Rules.build(
        TWO_TABLES, range(6), {0: {1, 2}}, apart=[(1, 2)], chances={0: {1: 0.9, 2: 0.3}}
    )
    start = seating_of((0, 2, 3), (1, 4, 5))

    found = HelpPolisher(rules).improve(start, seconds=5, rounds=0)  # climb only, no kicks

    assert found[0] == found[1]
    before, after = Board(rules, start).value(), Board(rules, found).value()
    assert after[:2] == before[:2]  # as many covered, the same weakest table
    assert after[2] == pytest.approx(before[2] + HEDGE_POINTS * (0.9 - 0.3))


def test_two_even_chances_hedge_better_than_one_likelier_helper():
    # Helpers 1 and 2 (0.5 each) or helper 3 (0.6), who must not sit with 1 or 2.
    rules = Rules.build(
        TWO_TABLES,
        range(6),
        {0: {1, 2, 3}},
        apart=[(3, 1), (3, 2)],
        chances={0: {1: 0.5, 2: 0.5, 3: 0.6}},
    )
    hedged, single = seating_of((0, 1, 2), (3, 4, 5)), seating_of((0, 3, 4), (1, 2, 5))
    assert Board(rules, hedged).value()[:2] == Board(rules, single).value()[:2]
    assert Board(rules, hedged).value()[2] == pytest.approx(HEDGE_POINTS * 0.75)
    assert Board(rules, single).value()[2] == pytest.approx(HEDGE_POINTS * 0.6)

    found = HelpPolisher(rules).improve(single, seconds=5, rounds=0)

    assert tables_of(found) == tables_of(hedged)


def test_a_second_helper_is_worth_less_than_a_first_for_someone_else():
    # Helper 1 is one of two 0.5 chances for guest 0, or the only one for guest 3.
    rules = Rules.build(TWO_TABLES, range(6), {}, chances={0: {1: 0.5, 2: 0.5}, 3: {1: 0.5}})
    doubled, shared = seating_of((0, 1, 2), (3, 4, 5)), seating_of((0, 2, 4), (1, 3, 5))
    assert Board(rules, shared).value()[2] == pytest.approx(HEDGE_POINTS * 1.0)
    assert Board(rules, doubled).value()[2] == pytest.approx(HEDGE_POINTS * 0.75)

    found = HelpPolisher(rules).improve(doubled, seconds=5, rounds=0)

    assert Board(rules, found).value()[2] == pytest.approx(HEDGE_POINTS * 1.0)


def random_dinner(seed: int, chances: bool):
    """Twelve guests at three tables of 4, random scores and helpers, maybe random chances."""
    rng = random.Random(seed)
    people = list(range(12))
    pairs = [(a, b, rng.choice([0, 0, 1, 2, 3, 9])) for a, b in combinations(people, 2)]
    helpers = {g: {h for h in people if h != g and rng.random() < 0.2} for g in people}
    odds = {g: {h: rng.uniform(0.1, 0.9) for h in helpers[g]} for g in people}
    limits = {t: (3, 5) for t in range(3)}
    start = {g: g % 3 for g in people}
    rules = Rules.build(
        limits,
        people,
        helpers,
        pairs,
        apart=[(0, 1)],
        together=[(4, 7)],
        home=start,
        move_cost=1.5,
        chances=odds if chances else None,
    )
    return rules, start


@pytest.mark.parametrize("seed", range(5))
def test_empty_chances_keep_the_old_values(seed):
    rules, start = random_dinner(seed, chances=False)
    absent = Rules.build(
        rules.limits,
        range(12),
        rules.helpers,
        [(a, b, w) for a in rules.weights for b, w in rules.weights[a].items() if a < b],
        apart=[(0, 1)],
        together=[(4, 7)],
        home=start,
        move_cost=1.5,
        chances={99: {1: 0.5}, 1: {99: 0.5}, 2: {2: 0.7, 3: 0.0}},  # nobody present, or 0
    )
    assert rules.chances == absent.chances == {}
    seating = HelpPolisher(rules, seed=seed).improve(start, seconds=5)
    members = [{g for g, t in seating.items() if t == table} for table in rules.limits]
    moved = sum(1 for g, t in seating.items() if start[g] != t)
    old = (
        sum(rules.covered(ms) for ms in members),
        min(quality(rules.table_score(ms), len(ms)) for ms in members),
        sum(rules.table_score(ms) for ms in members) - 1.5 * moved,
    )

    assert Board(rules, seating).value() == Board(absent, seating).value() == old
    assert HelpPolisher(absent, seed=seed).improve(start, seconds=5) == seating


@pytest.mark.parametrize("seed", range(5))
def test_each_change_is_priced_with_the_hedge_the_board_then_holds(seed):
    rules, start = random_dinner(seed, chances=True)
    rng = random.Random(seed)
    board = Board(rules, start)
    assert rules.chances
    for _ in range(60):
        u = rng.choice([u for u, m in enumerate(rules.movable) if m])
        v, t = rng.choice(list(neighbours(board, u)))
        gain = board.change(u, v, t)
        if gain is None:
            continue
        before = board.value()
        board.apply(u, v, t)
        fresh = Board(rules, board.seating())
        assert fresh.value()[0] - before[0] == gain[0]
        assert fresh.value()[2] - before[2] == pytest.approx(gain[2], abs=1e-9)
        assert board.value()[2] == pytest.approx(fresh.value()[2], abs=1e-9)
        assert board.hedges == pytest.approx(fresh.hedges, abs=1e-12)


def test_a_table_hedges_with_diminishing_returns_per_guest():
    rules = Rules.build({0: (4, 4)}, range(4), {}, chances={0: {1: 0.5, 2: 0.5, 9: 1.0}, 3: {0: 1}})
    assert rules.chances == {0: {1: 0.5, 2: 0.5}, 3: {0: 1.0}}
    assert rules.hedge({0, 1, 2, 3}) == pytest.approx(1 - 0.5 * 0.5 + 1.0)
    assert rules.hedge({0, 1}) == pytest.approx(0.5)
    assert math.isclose(rules.hedge({1, 2}), 0.0)


def test_a_chance_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError, match="not a probability"):
        Rules.build({0: (2, 2)}, range(2), {}, chances={0: {1: 1.5}})
