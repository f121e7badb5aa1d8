"""Each hard rule on its own: a feasible case is respected, an impossible case says why."""

import pytest

from dinnerplan.solver import InfeasibleError, Options, Problem, Table, check, solve

from .conftest import problem

FAST = Options(time_limit=2, workers=1)


def seat(p: Problem, **kw):
    result = solve(p, Options(time_limit=2, workers=1, **kw))
    assert check(p, result.tables) == []
    return result


def reason(p: Problem) -> str:
    with pytest.raises(InfeasibleError) as err:
        solve(p, FAST)
    return err.value.reason


def where(result, guest):
    return next(t for t, members in result.tables.items() if guest in members)


def test_every_guest_sits_once_at_a_table_within_its_size():
    result = seat(problem(13, [(6, 10), (6, 10)], [(0, 1, 5)]))
    assert sorted(g for m in result.tables.values() for g in m) == sorted(
        f"g{i}" for i in range(13)
    )
    assert all(6 <= len(m) <= 10 for m in result.tables.values())


def test_tables_each_keep_their_own_size_range():
    result = seat(problem(10, [(2, 3), (7, 7)], [(i, j, 1) for i in range(10) for j in range(i)]))
    assert sorted(len(m) for m in result.tables.values()) == [3, 7]


def test_too_many_guests_for_the_seats():
    p = problem(23, [(0, 10), (0, 10)])
    assert reason(p) == "23 guests do not fit at 2 tables of at most 10 seats (20 seats)"


def test_too_few_guests_to_fill_a_table():
    assert reason(problem(5, [(6, 10)])) == "5 guests cannot fill a table of at least 6"


def test_too_few_guests_to_fill_several_tables():
    assert "cannot fill 2 tables that need at least 12 guests" in reason(problem(11, [(6, 10)] * 2))


def test_keep_apart_pairs_never_share_a_table():
    scores = [(0, 1, 100), (2, 3, 100)]
    result = seat(problem(4, [(0, 4), (0, 4)], scores, apart=(("g0", "g1"),)))
    assert where(result, "g0") != where(result, "g1")
    assert result.penalties["pair_score"] == 100  # only the other pair can score


def test_keep_apart_group_larger_than_the_tables():
    names = [f"g{i}" for i in range(14)]
    apart = tuple((a, b) for i, a in enumerate(names) for b in names[i + 1 :])
    p = problem(80, [(0, 10)] * 8, apart=apart)
    text = reason(p)
    assert text.startswith("14 guests (")
    assert "only 8 tables" in text


def test_keep_together_groups_share_a_table():
    scores = [(0, 2, 50), (1, 3, 50)]
    result = seat(problem(4, [(2, 2), (2, 2)], scores, together=(("g0", "g1"),)))
    assert where(result, "g0") == where(result, "g1")


def test_keep_together_group_larger_than_any_table():
    p = problem(12, [(0, 6), (0, 6)], together=(tuple(f"g{i}" for i in range(7)),))
    assert "has 7 guests, more than the largest table (6 seats)" in reason(p)


def test_fixed_seats_are_kept():
    scores = [(0, 1, 10)]
    result = seat(problem(4, [(2, 2), (2, 2)], scores, fixed={"g0": "T2", "g1": "T1"}))
    assert where(result, "g0") == "T2"
    assert where(result, "g1") == "T1"


def test_fixed_seats_conflicting_with_together_group():
    p = Problem(
        guests=("ana", "ben", "cy", "dee"),
        tables=(Table("T1", 0, 4), Table("T2", 0, 4)),
        together=(("ana", "ben"),),
        fixed={"ana": "T1", "ben": "T2"},
    )
    assert reason(p) == "ana must sit at T1 and is kept together with ben, who must sit at T2"


def test_fixed_seat_at_unknown_table_and_unknown_guest():
    assert "table T9, which does not exist" in reason(problem(4, [(0, 4)], fixed={"g0": "T9"}))
    p = problem(4, [(0, 4)], apart=(("g0", "zed"),))
    assert reason(p) == "a keep-apart pair names zed, who is not on the guest list"


def test_at_most_one_host_per_table_and_every_table_hosted():
    scores = [(0, 1, 100), (2, 3, 1)]
    result = seat(problem(6, [(0, 6)] * 3, scores, hosts=("g0", "g1", "g5")))
    assert sorted(where(result, h) for h in ("g0", "g1", "g5")) == ["T1", "T2", "T3"]


def test_more_hosts_than_tables():
    p = problem(6, [(0, 6)] * 2, hosts=("g0", "g1", "g2"))
    assert reason(p) == "3 hosts but only 2 tables, and a table has at most one host"


def test_kept_apart_and_together_at_once():
    p = problem(4, [(0, 4)] * 2, together=(("g0", "g1"),), apart=(("g1", "g0"),))
    assert reason(p) == "g1 and g0 must be kept apart and kept together"


def test_conflict_found_by_the_search_names_the_rules_involved():
    # T1 is full with the two fixed guests, so the two guests kept apart must share T2.
    p = problem(4, [(2, 2), (2, 2)], fixed={"g0": "T1", "g1": "T1"}, apart=(("g2", "g3"),))
    text = reason(p)
    assert text.startswith("no seating satisfies all the rules together")
    assert "keep-apart pairs" in text
    assert "fixed seats" in text
    assert "hosts" not in text


def test_no_guests_and_single_guests_are_seated_trivially():
    empty = solve(problem(0, [(0, 4), (0, 4)]), FAST)
    assert empty.status == "optimal"
    assert empty.tables == {"T1": [], "T2": []}
    single = seat(problem(1, [(0, 4)]))
    assert single.tables == {"T1": ["g0"]}
    assert single.objective == 0
