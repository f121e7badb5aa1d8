"""The help polish: seats helpable guests with a helper, never breaking a hard rule."""

from __future__ import annotations

import dataclasses
import random
from itertools import combinations

import pytest

from dinnerplan.matching import Profile, score_pairs
from dinnerplan.matching.sample import generate_profiles
from dinnerplan.seating.helping import help_rules
from dinnerplan.solver.helpboard import Board
from dinnerplan.solver.helpsearch import HelpPolisher


def polish(scores, limits, seating, frozen=()):
    """Run the help search with the rules matching these scores give."""
    return HelpPolisher(help_rules(scores, limits, seating, frozen)).improve(seating)


def profiles():
    # Ana confirmed her topic: these tests are about moving guests, not about how sure the
    # reader is of one phrase (reading is tested in tests/matching).
    need = Profile(
        "1", "Ana Silva", "Acme", "Founder",
        needs=("Need a good accountant",), need_topics=("accounting_tax",),
    )  # fmt: skip
    helper = Profile(
        "2",
        "Ben Okafor",
        "Ledgerly",
        "Accountant for startups",
        offers=("Bookkeeping and accounting for small companies",),
    )
    colleague = Profile("3", "Cy Acme", "Acme", "Sales lead")
    others = [Profile(str(i), f"Guest {i}", f"Co {i}", "Designer") for i in range(4, 9)]
    return [need, helper, colleague, *others]


def covered(scores, seating: dict[int, int]) -> int:
    """Count helpable guests seated with someone who offers what they need."""
    return sum(
        1
        for g, t in seating.items()
        if str(g) in scores.likely_helped()
        and any(scores.may_help(str(h), str(g)) for h, u in seating.items() if u == t and h != g)
    )


def keeps_rules(scores, limits, seating, fixed=()) -> bool:
    """True when the seating keeps table sizes, keep-apart pairs, groups and fixed seats."""
    sizes = [list(seating.values()).count(t) for t in limits]
    return (
        all(lo <= n <= hi for (lo, hi), n in zip(limits.values(), sizes, strict=True))
        and all(seating[int(a)] != seating[int(b)] for a, b in scores.apart)
        and all(len({seating[int(g)] for g in grp}) == 1 for grp in scores.together)
        and all(seating[g] == t for g, t in dict(fixed).items())
    )


def test_polish_seats_the_needy_guest_with_the_helper():
    scores = score_pairs(profiles())
    assert scores.can_be_helped("1")
    assert scores.helps("2", "1")
    # The helper sits with the needy guest's colleague, who must stay apart from them.
    seating = {1: 10, 4: 10, 5: 10, 6: 10, 2: 20, 3: 20, 7: 20, 8: 20}
    limits = {10: (3, 5), 20: (3, 5)}

    better = polish(scores, limits, seating)

    assert better[1] == better[2]
    assert better[1] != better[3], "colleagues stay apart"
    assert keeps_rules(scores, limits, better)


def test_polish_leaves_frozen_guests_in_place():
    scores = score_pairs(profiles())
    seating = {1: 10, 3: 10, 4: 10, 5: 10, 2: 20, 6: 20, 7: 20, 8: 20}
    better = polish(scores, {10: (4, 4), 20: (4, 4)}, seating, frozen={1})
    assert better[1] == 10, "a frozen guest stays"
    assert better[2] == 10, "her helper comes to her instead"


def test_a_sit_with_group_moves_as_one_to_reach_a_helper():
    # Ana needs an accountant and asked to sit with Dee; the only accountant hosts table 20.
    ana = Profile(
        "1", "Ana Silva", "Acme", "Founder",
        needs=("Need a good accountant",), need_topics=("accounting_tax",), prefer=("2",),
    )  # fmt: skip
    dee = Profile("2", "Dee Moss", "Moss Studio", "Illustrator", prefer=("1",))
    ben = Profile(
        "3", "Ben Okafor", "Ledgerly", "Accountant for startups",
        offers=("Bookkeeping and accounting for small companies",),
    )  # fmt: skip
    others = [Profile(str(i), f"Guest {i}", f"Co {i}", "Designer") for i in range(4, 9)]
    scores = score_pairs([ana, dee, ben, *others])
    assert scores.together == [("1", "2")]
    assert scores.helps("3", "1")
    seating = {1: 10, 2: 10, 4: 10, 5: 10, 3: 20, 6: 20, 7: 20, 8: 20}
    limits = {10: (2, 6), 20: (2, 6)}

    better = polish(scores, limits, seating, frozen={3})

    assert better[1] == better[2] == better[3] == 20
    assert keeps_rules(scores, limits, better, {3: 20})


def tiny_event(seed: int):
    """Nine generated guests with ids "1".."9" (colleagues and seating wishes included)."""
    raw = generate_profiles(9, seed)
    new = {p.id: str(i) for i, p in enumerate(raw, start=1)}
    return score_pairs(
        dataclasses.replace(
            p,
            id=new[p.id],
            avoid=tuple(new[x] for x in p.avoid),
            prefer=tuple(new[x] for x in p.prefer),
        )
        for p in raw
    )


def all_seatings(guests: list[int], tables: int, size: int):
    """Yield every split of guests into `tables` tables of `size`, as {guest: table}."""
    if not guests:
        yield {}
        return
    first, rest = guests[0], guests[1:]
    for mates in combinations(rest, size - 1):
        left = [g for g in rest if g not in mates]
        for tail in all_seatings(left, tables - 1, size):
            yield {g: tables for g in (first, *mates)} | tail


@pytest.mark.parametrize("seed", range(12))
def test_polish_reaches_the_brute_force_optimum_on_tiny_events(seed):
    scores = tiny_event(seed)
    limits = {1: (3, 3), 2: (3, 3), 3: (3, 3)}
    valid = [s for s in all_seatings(list(range(1, 10)), 3, 3) if keeps_rules(scores, limits, s)]
    best = max(covered(scores, s) for s in valid)

    better = polish(scores, limits, valid[0])

    assert keeps_rules(scores, limits, better)
    assert covered(scores, better) == best


def test_board_prices_changes_exactly_and_keeps_its_books():
    raw = generate_profiles(30, 3)
    ids = {p.id: str(i) for i, p in enumerate(raw)}
    scores = score_pairs(
        dataclasses.replace(
            p,
            id=ids[p.id],
            avoid=tuple(ids[x] for x in p.avoid),
            prefer=tuple(ids[x] for x in p.prefer),
        )
        for p in raw
    )
    limits = {t: (1, 12) for t in range(5)}
    home = {g: g % 5 for g in range(30)}
    rules = help_rules(scores, limits, range(30), home=home, move_cost=0.7)
    board = Board(rules, {g: rules.unit_of[g] % 5 for g in range(30)})
    rng = random.Random(1)
    applied = 0
    for _ in range(300):
        u, v, dst = rng.randrange(len(rules.units)), None, rng.randrange(5)
        if rng.random() < 0.5:
            v, dst = rng.randrange(len(rules.units)), None
        gain = board.change(u, v, dst)
        if gain is None:
            continue
        before = board.value()
        board.apply(u, v, dst)
        applied += 1
        after, fresh = board.value(), Board(rules, board.seating()).value()
        assert after[0] == before[0] + gain[0] == fresh[0]
        assert after[1] == pytest.approx(before[1] + gain[1]) == pytest.approx(fresh[1])
        assert after[2] == pytest.approx(before[2] + gain[2]) == pytest.approx(fresh[2])
    assert applied > 50


def test_help_rules_carry_each_helpers_chance_for_the_search_to_hedge_on():
    scores = score_pairs(profiles())
    limits = {10: (3, 5), 20: (3, 5)}
    guests = range(1, 9)
    rules = help_rules(scores, limits, guests)
    assert rules.chances[1][2] == scores.chances("1")["2"]
    assert rules.chances[1][2] >= 0.5
    assert not help_rules(scores, limits, guests, hedge=False).chances
