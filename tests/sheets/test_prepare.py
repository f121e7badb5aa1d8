"""Choices prepare.py makes for the templates: type sizes, shortening, clock times."""

import pytest

from dinnerplan.sheets.prepare import NAME_SIZES, _two_columns, clock, shorten, size_class


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("Ana Li", "xl"),
        ("Maximilian von Hohenzollern", "l"),
        ("Maximilian Alexander von Hohenzollern-Sigma", "s"),
        ("李小龙", "xl"),
        ("欧阳" * 8, "m"),  # wide characters take about two letters of room each
        ("x" * 200, "xs"),
    ],
)
def test_card_name_size_shrinks_with_length(name, size):
    assert size_class(name, NAME_SIZES) == size


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    assert shorten("intros to seed funds", 70) == "intros to seed funds"
    assert shorten("intros to seed-stage funds in Berlin", 20) == "intros to…"
    assert len(shorten("y" * 100, 20)) == 20


def test_clock_and_talk_order_columns():
    assert [clock(m) for m in (0, 3, 59, 60, 75)] == ["0:00", "0:03", "0:59", "1:00", "1:15"]
    assert _two_columns([1, 2, 3, 4, 5]) == [(1, 4), (2, 5), (3, None)]
    assert _two_columns([]) == []
