"""The help search (pure): helped guests first, then the weakest table, then the total."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from dinnerplan.solver.helpboard import EPSILON, Board, Rules
from dinnerplan.solver.helpsearch import HelpPolisher, cover_step, lift_step


def random_rules(seed: int, guests: int = 9, tables: int = 3, size: int = 3) -> Rules:
    """Random pair scores (a few strong pairs), helpers and one keep-apart pair."""
    rng = random.Random(seed)
    people = list(range(1, guests + 1))
    pairs = [(a, b, rng.choice([0, 0, 1, 2, 3, 9])) for a, b in combinations(people, 2)]
    helpers = {g: {h for h in people if h != g and rng.random() < 0.15} for g in people}
    limits = {t: (size, size) for t in range(tables)}
    return Rules.build(limits, people, helpers, pairs, apart=[(1, 2)])


def all_seatings(guests: list[int], tables: int, size: int):
    """Yield every split of guests into `tables` tables of `size`, as {guest: table}."""
    if not guests:
        yield {}
        return
    first, rest = guests[0], guests[1:]
    for mates in combinations(rest, size - 1):
        left = [g for g in rest if g not in mates]
        for tail in all_seatings(left, tables - 1, size):
            yield {g: tables - 1 for g in (first, *mates)} | tail


def keeps_apart(rules: Rules, seating) -> bool:
    return all(seating[a] != seating[b] for a in rules.apart for b in rules.apart[a])


def lexicographic(value):
    """Round so that values equal up to floating noise compare equal."""
    return value[0], round(value[1] / EPSILON) * EPSILON, round(value[2], 6)


@pytest.mark.parametrize("seed", range(10))
def test_search_reaches_the_brute_force_optimum_on_tiny_dinners(seed):
    rules = random_rules(seed)
    valid = [s for s in all_seatings(list(range(1, 10)), 3, 3) if keeps_apart(rules, s)]
    best = max(lexicographic(Board(rules, s).value()) for s in valid)

    found = HelpPolisher(rules).improve(valid[0], seconds=5)

    assert keeps_apart(rules, found)
    assert sorted(list(found.values()).count(t) for t in range(3)) == [3, 3, 3]
    got = lexicographic(Board(rules, found).value())
    assert got[:2] == best[:2]  # everyone who can be helped, then the weakest table


def test_lifting_the_weakest_table_costs_total_score_when_it_must():
    # Two strong trios and three strangers: the sum is highest with the trios together, but
    # then one table is all strangers (score 0). Lifting spreads the strong pairs.
    people = list(range(9))
    pairs = [(a, b, 10) for trio in ((0, 1, 2), (3, 4, 5)) for a, b in combinations(trio, 2)]
    pairs += [(a, b, 1) for a in range(6) for b in (6, 7, 8)]
    limits = {t: (3, 3) for t in range(3)}
    start = {g: g // 3 for g in people}
    plain = Rules.build(limits, people, {}, pairs, lift=False)
    lifted = Rules.build(limits, people, {}, pairs)
    kept = HelpPolisher(plain).improve(start, seconds=5)
    spread = HelpPolisher(lifted).improve(start, seconds=5)
    assert Board(plain, kept).value()[2] == 60  # trios kept: total 60, a table scoring 0
    weakest = Board(lifted, spread).weakest()
    assert weakest > 0
    assert Board(lifted, spread).value()[2] < 60


def test_a_lift_step_strengthens_the_weakest_table_without_losing_a_helped_guest():
    people = list(range(9))
    pairs = [(a, b, 10) for trio in ((0, 1, 2), (3, 4, 5)) for a, b in combinations(trio, 2)]
    pairs += [(2, 6, 4), (2, 7, 4)]  # guest 2 would lift the table of strangers 6, 7, 8
    helpers = {1: {0}}  # guest 1 is helped by guest 0: that must survive the lift
    rules = Rules.build({t: (3, 3) for t in range(3)}, people, helpers, pairs)
    board = Board(rules, {g: g // 3 for g in people})
    before = board.value()
    assert lift_step(board)
    after = board.value()
    assert after[0] == before[0] == 1
    assert after[1] > before[1]


def cover_dinner(mixing: float) -> Board:
    """Three tables of three; guest 6 needs guest 0, who sits at another table.

    Every change that seats 6 with 0 breaks up a table; `mixing` is what the guests who
    would meet score with one another.
    """
    pairs = [(a, b, 10) for trio in ((0, 1, 2), (3, 4, 5)) for a, b in combinations(trio, 2)]
    pairs += [(a, b, 6) for a, b in combinations((6, 7, 8), 2)]
    pairs += [(a, b, mixing) for a in (0, 1, 2) for b in (6, 7, 8)]
    rules = Rules.build({t: (3, 3) for t in range(3)}, list(range(9)), {6: {0}}, pairs)
    return Board(rules, {g: g // 3 for g in range(9)})


def test_seating_one_more_guest_with_a_helper_does_not_leave_a_table_of_leftovers():
    board = cover_dinner(mixing=0)  # any cover leaves a table at 2 of an average 5
    before = board.value()
    assert not cover_step(board)
    assert board.value() == before
    board = cover_dinner(mixing=8)  # the tables stay good when guests mix: 6 is seated with 0
    assert cover_step(board)
    assert board.value()[0] == 1
    assert board.table_of[board.rules.unit_of[6]] == board.table_of[board.rules.unit_of[0]]


def leftovers_dinner(lift: bool = True) -> tuple[Rules, dict[int, int]]:
    """Return a dinner of 48 guests at 6 tables of 8 with a table of leftovers.

    40 who score 5-10 with one another (some help others) and
    8 who score 0-4 with them and 0.5 with one another, all seated at one table, as a search
    for the highest total leaves them (the sum is highest with them together).
    """
    rng = random.Random(3)
    core, few = list(range(40)), list(range(40, 48))
    pairs = [(a, b, rng.uniform(5, 10)) for a, b in combinations(core, 2)]
    pairs += [(a, b, rng.uniform(0, 4)) for a in few for b in core]
    pairs += [(a, b, 0.5) for a, b in combinations(few, 2)]
    helpers = {g: {rng.choice(core)} - {g} for g in core[:20]}
    rules = Rules.build({t: (8, 8) for t in range(6)}, core + few, helpers, pairs, lift=lift)
    start = {g: i // 8 for i, g in enumerate(core)} | {g: 5 for g in few}
    return rules, start


def qualities(rules: Rules, seating: dict[int, int]) -> list[float]:
    board = Board(rules, seating)
    return [board.quality(t) for t in board.members]


def test_no_table_of_leftovers_at_a_larger_dinner():
    rules, start = leftovers_dinner()
    assert min(qualities(rules, start)) < 0.2 * sum(qualities(rules, start)) / 6
    plain, _ = leftovers_dinner(lift=False)  # without the lift the leftovers stay together
    kept = qualities(plain, HelpPolisher(plain).improve(start, seconds=10))
    assert min(kept) < 0.2 * sum(kept) / 6

    found = HelpPolisher(rules).improve(start, seconds=10)

    quality = qualities(rules, found)
    assert min(quality) >= 0.7 * sum(quality) / len(quality)
    # ...without giving up a helped guest
    assert Board(rules, found).value()[0] >= Board(rules, start).value()[0]
