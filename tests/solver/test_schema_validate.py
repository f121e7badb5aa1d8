"""JSON in and out, and the independent checker and scorer."""

import re

import pytest

from dinnerplan.solver import Options, Problem, Result, Table, check, score

P = {
    "guests": ["ana", "ben", "cy", "dee", "eve", "fay", "gus"],
    "tables": [{"id": "T1", "min": 3, "max": 4}, {"id": "T2", "min": 3, "max": 4}],
    "scores": [["ana", "ben", 12.5], ["ben", "cy", 3]],
    "apart": [["ana", "dee"]],
    "together": [["eve", "fay"]],
    "fixed": {"gus": "T2"},
    "hosts": ["ana", "gus"],
}


def test_problem_round_trips_through_json():
    p = Problem.from_dict(P)
    assert p.tables[0] == Table("T1", 3, 4)
    assert p.scores[0] == ("ana", "ben", 12.5)
    assert Problem.from_dict(p.to_dict()) == p
    assert p.current == {}
    assert p.move_cost == 1.0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"guests": None}, "'guests' must be a list"),
        ({"tables": [{"id": "T1"}]}, "missing field 'max'"),
        ({"scores": [["ana", "ben"]]}, "each score must be [guest, guest, number]"),
        ({"scores": [["ana", "ben", "high"]]}, "finite numbers"),
        ({"tables": [{"id": "T1", "min": 1.5, "max": 3}]}, "whole numbers"),
        ({"fixed": ["gus"]}, "'fixed' must be an object"),
    ],
)
def test_malformed_problems_are_rejected_with_a_message(change, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        Problem.from_dict({**P, **change})


def test_result_json_has_the_product_fields():
    r = Result(
        status="optimal",
        objective=3.0,
        bound=3.0,
        seconds=0.1234,
        tables={"T1": ["a"]},
        moved=[("a", "T2", "T1")],
    )
    d = r.to_dict()
    assert {"status", "objective", "bound", "seconds", "tables", "reason"} <= d.keys()
    assert d["moved"] == [{"guest": "a", "from": "T2", "to": "T1"}]
    assert d["seconds"] == 0.123


def test_options_reject_nonsense():
    with pytest.raises(ValueError, match="time_limit must be positive"):
        Options(time_limit=0)
    with pytest.raises(ValueError, match="fairness must be 0"):
        Options(fairness=-1)


def test_check_reports_every_broken_rule():
    p = Problem.from_dict(P)
    seating = {"T1": ["ana", "dee", "eve", "gus", "ana"], "T2": ["fay", "ben"], "T9": ["zed"]}
    errors = check(p, seating)
    expected = [
        "table T9 is not one of",
        "ana is seated twice",
        "cy is not seated",
        "zed is seated but is not a guest",
        "table T1 has 5 guests",
        "table T2 has 2",
        "ana and dee must be kept apart",
        "eve, fay must sit together",
        "gus must sit at T2",
        "table T1 has 2 hosts",
        "table T2 has no host",
    ]
    for text in expected:
        assert any(e.startswith(text) for e in errors), text
    good = {"T1": ["ana", "ben", "cy"], "T2": ["dee", "eve", "fay", "gus"]}
    assert check(p, good) == []
    assert score(p, good) == 15.5
