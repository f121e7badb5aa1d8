"""Lay out the seating chart: how many tables a row and how large, from the tables themselves.

The chart hangs on a wall, so names stay large; within that, the layout that needs the fewest
pages wins, then the one with the largest type. Rows never split across pages (a row of boxes
is placed whole), so pages are filled by whole rows, spread evenly over the pages needed: no
table is left alone on a last page while the first has room. Heights are estimates in
millimetres from the type sizes in static/css/print.css (`.chart-*` rules), on the safe side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dinnerplan.sheets.prepare import text_width
from dinnerplan.sheets.seating import Seating

PT = 25.4 / 72  # millimetres per point
# Printable area (mm) inside the @page margins of print.css (14 mm sides and top, 16 mm foot).
AREA = {"a4": (182.0, 267.0), "letter": (187.9, 249.4)}
HEADER = 26.0  # the title and "Find your table" line above the first page's tables
# (class, guest-name size pt) from largest down; the smallest is still readable on a wall.
SIZES = (("names-xl", 18.0), ("names-l", 16.0), ("names-m", 15.0), ("names-s", 14.0))
COLUMNS = (2, 3)
ROW_GAP = 6.0  # .chart-row margin-bottom (dropped at a page break, so a page has one spare)
GUTTER = 0.025  # share of the width between two boxes
LINE_HEIGHT = 1.35
# Wider line spacing for a chart that leaves room on its pages: (class, line height).
SPACINGS = (("spaced-2", 1.75), ("spaced-1", 1.55))
HEADING_RATIO = 1.6  # table name size / guest name size
CHAR_EM = 0.56  # average width of a name's character in Noto Sans, in ems (wide CJK: two)
HOST_TAG_CHARS = 5


@dataclass(frozen=True)
class Layout:
    """One way to print the chart."""

    columns: int
    size_class: str
    name_pt: float
    pages: list[list[list[dict]]]  # pages of rows of table blocks
    spacing: str = ""  # a SPACINGS class when the pages have room for airier lines


def _box_padding(columns: int) -> float:
    """Left plus right padding and border of a table box (mm), as print.css sets it."""
    return 2 * (6.0 if columns == 2 else 4.0) + 2 * 2 * PT


def _lines(name: str, chars_per_line: float) -> int:
    """Lines a name takes in a box `chars_per_line` characters wide."""
    return max(1, math.ceil(text_width(name) / chars_per_line))


def _chars_per_line(columns: int, width: float, name_pt: float) -> float:
    """About how many characters of a name fit one line of a table box."""
    box_width = width * (1 - GUTTER * (columns - 1)) / columns - _box_padding(columns)
    return box_width / (name_pt * PT * CHAR_EM)


def _row_height(
    row: list[dict], columns: int, width: float, name_pt: float, spacing: float = LINE_HEIGHT
) -> float:
    """Height (mm) of a row of table boxes: its tallest box, plus the gap below it."""
    chars = _chars_per_line(columns, width, name_pt)
    line = name_pt * spacing * PT
    heading = name_pt * HEADING_RATIO * 1.15 * PT + 2.0  # plus its rule and spacing
    tallest = max(
        sum(_lines(g["name"] + " " * HOST_TAG_CHARS * g["host"], chars) for g in b["guests"])
        for b in row
    )
    return 8.0 + 2 * 2 * PT + heading + tallest * line + ROW_GAP


def _paginate(heights: list[float], page_height: float) -> list[int] | None:
    """Return how many rows go on each page, filling pages greedily; None if a row never fits."""
    counts, room = [], 0.0
    for h in heights:
        if not counts or h > room:
            room = page_height + ROW_GAP - (HEADER if not counts else 0.0)
            if h > room:
                return None
            counts.append(0)
        counts[-1] += 1
        room -= h
    return counts


def _even(heights: list[float], page_height: float, pages: int) -> list[int] | None:
    """Return rows per page spread as evenly as fits on exactly `pages` pages."""
    total = len(heights)
    target = math.ceil(total / pages)
    for per_page in range(target, total + 1):
        counts, start = [], 0
        while start < total:
            room = page_height + ROW_GAP - (HEADER if not counts else 0.0)
            n = 0
            while start + n < total and n < per_page and heights[start + n] <= room:
                room -= heights[start + n]
                n += 1
            if n == 0:
                return None
            counts.append(n)
            start += n
        if len(counts) <= pages:
            return counts
    return None


def layout(seating: Seating, paper: str) -> Layout:
    """Pick columns and type size for this chart on this paper (see the module docstring)."""
    blocks = [
        {
            "name": t.name,
            "count": len(t.guests),
            "guests": [{"name": p.name, "host": p.id == t.host_id} for p in t.guests],
        }
        for t in seating.tables
    ]
    width, height = AREA.get(paper, AREA["a4"])
    best = None
    for size_class, name_pt in SIZES:
        for columns in COLUMNS:
            rows = [blocks[i : i + columns] for i in range(0, len(blocks), columns)]
            heights = [_row_height(r, columns, width, name_pt) for r in rows] if rows else []
            greedy = _paginate(heights, height) if heights else [0]
            if greedy is None:
                continue
            counts = _even(heights, height, len(greedy)) or greedy
            pages, start = [], 0
            for n in counts:
                pages.append(rows[start : start + n])
                start += n
            tables = [sum(len(r) for r in p) for p in pages]
            lone = len(pages) > 1 and min(tables) < 2
            chars = _chars_per_line(columns, width, name_pt)
            wrapped = sum(_lines(g["name"], chars) > 1 for b in blocks for g in b["guests"])
            # Fewest pages, no lone table, fewest names broken over two lines, then the
            # largest type, then fewer columns.
            key = (len(pages), lone, wrapped, -name_pt, columns)
            if best is None or key < best[0]:
                best = (key, Layout(columns, size_class, name_pt, pages or [[]]))
    if best is None:  # a table too long for any page: the old default, rows may break
        rows = [blocks[i : i + 2] for i in range(0, len(blocks), 2)]
        return Layout(2, "names-s", SIZES[-1][1], [rows])
    return _airier(best[1], width, height)


def _airier(chosen: Layout, width: float, height: float) -> Layout:
    """Return the layout with the widest line spacing that still fits every page as planned."""
    for spacing, line_height in SPACINGS:
        fits = all(
            sum(_row_height(r, chosen.columns, width, chosen.name_pt, line_height) for r in page)
            <= height + ROW_GAP - (HEADER if i == 0 else 0.0)
            for i, page in enumerate(chosen.pages)
        )
        if fits:
            return Layout(chosen.columns, chosen.size_class, chosen.name_pt, chosen.pages, spacing)
    return chosen


def seating_chart(seating: Seating, paper: str) -> dict:
    """The chart's pages of rows of tables, with the columns and type size chosen for them."""
    chosen = layout(seating, paper)
    return {
        "pages": chosen.pages,
        "columns": chosen.columns,
        "size": chosen.size_class,
        "spacing": chosen.spacing,
        "tables": len(seating.tables),
    }
