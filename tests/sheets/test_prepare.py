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


def _seating(guests: int, one_liner: str, reason: str):
    from dinnerplan.sheets.seating import Person, SeatedTable, Seating

    people = tuple(
        Person(
            i, f"Guest {i}", f"{i}", "Guest", "Firm", "Founder", one_liner, "Hire", (), (), "", ""
        )
        for i in range(1, guests + 1)
    )
    pairs = [
        {"a": i, "b": i + 1, "score": 10 - i, "reasons": [reason, reason]} for i in range(1, 6)
    ]
    return Seating(
        1, 1, True, (SeatedTable(7, "Table 1", None, people),), {"tables": {"7": {"pairs": pairs}}}
    )


def test_a_light_table_sheet_keeps_large_type_and_five_pairs():
    from dinnerplan.sheets.prepare import table_sheets

    sheet = table_sheets(_seating(6, "Short.", "A short reason."), 3)["sheets"][0]
    assert sheet["density"] == ""
    assert len(sheet["pairs"]) == 5
    assert [t["clock"] for t in sheet["talk"]][:3] == ["0:00", "0:03", "0:06"]


def test_a_crowded_table_sheet_drops_weak_pairs_before_shrinking_type():
    from dinnerplan.sheets.prepare import table_sheets

    long = "A reason that goes on about needs and offers for quite a while, twice over. " * 2
    sheet = table_sheets(_seating(10, "Short.", long), 3)["sheets"][0]
    assert sheet["density"] == "compact"
    assert len(sheet["pairs"]) == 3
    assert [p["a"] for p in sheet["pairs"]] == ["Guest 1", "Guest 2", "Guest 3"]  # the best
