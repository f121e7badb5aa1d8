"""Prepare plain data for each printable from a loaded seating.

Templates only lay out what this module hands them: every sort, count, grouping, size
choice and clock time is decided here (the print templates do no querying or sorting).
"""

from __future__ import annotations

import math
import unicodedata

from dinnerplan import names
from dinnerplan.profile import DIETARY
from dinnerplan.sheets.seating import Person, SeatedTable, Seating

CARDS_PER_PAGE = 4  # tent cards a quarter of a sheet each (2 × 2), folded across the middle
BADGES_PER_PAGE = 8  # 2 columns × 4 rows of 86 × 55 mm badge labels
TOP_PAIRS = 5
MIN_PAIRS = 3  # a crowded table sheet drops its weakest pairs, down to this many
REASON_LENGTH = 160
SHEET_NAME_LENGTH = 80
# A table sheet's estimated height, in lines of 10 pt text, above which its type gets smaller
# so the sheet stays one page; and roughly how many characters fit a line in each column.
SHEET_DENSITY = ((55, ""), (64, "compact"), (80, "tight"))
LINE_CHARS = {"who": 30, "about": 64, "pair": 95}
ASKS_ON_CARD = 2
ASK_LENGTH = 70
ROLE_LENGTH = 60
KITCHEN_PORTRAIT_COLUMNS = 4
# Longest text (in narrow-character widths) that still fits each type size on a card.
NAME_SIZES = ((22, "xl"), (30, "l"), (42, "m"), (70, "s"))
COMPANY_SIZES = ((40, "l"), (60, "m"), (90, "s"))


def text_width(text: str) -> int:
    """Count wide (CJK) characters twice: they take about two Latin letters of room."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def size_class(text: str, sizes: tuple[tuple[int, str], ...], smallest: str = "xs") -> str:
    """Pick the largest type size class whose width limit the text fits."""
    width = text_width(text)
    return next((label for limit, label in sizes if width <= limit), smallest)


def shorten(text: str, limit: int) -> str:
    """Cut text at a word boundary near limit, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:-") + "…"


def door_list(seating: Seating) -> dict:
    """Every seated guest by surname, grouped under index letters, with their table."""
    rows = [(p, t.name) for t in seating.tables for p in t.guests]
    rows.sort(key=lambda row: names.sort_key(row[0].name))
    groups: list[dict] = []
    for person, table in rows:
        letter = names.index_letter(person.name)
        if not groups or groups[-1]["letter"] != letter:
            groups.append({"letter": letter, "rows": []})
        groups[-1]["rows"].append(
            {"surname": person.surname, "given": person.given, "table": table}
        )
    return {"groups": groups, "count": len(rows)}


def place_cards(seating: Seating, qr: dict[int, str] | None = None) -> dict:
    """Tent cards in table order, CARDS_PER_PAGE to a page; `qr`: {guest id: QR SVG}."""
    qr = qr or {}
    cards = [
        {
            "name": p.name,
            "name_size": size_class(p.name, NAME_SIZES),
            "company": p.company,
            "company_size": size_class(p.company, COMPANY_SIZES),
            "asks": [shorten(o, ASK_LENGTH) for o in p.offers[:ASKS_ON_CARD]],
            "table": t.name,
            "qr": qr.get(p.id, ""),
        }
        for t in seating.tables
        for p in t.guests
    ]
    pages = [cards[i : i + CARDS_PER_PAGE] for i in range(0, len(cards), CARDS_PER_PAGE)]
    page_count = math.ceil(len(cards) / CARDS_PER_PAGE)
    return {"pages": pages, "count": len(cards), "page_count": page_count}


def badges(seating: Seating, qr: dict[int, str] | None = None) -> dict:
    """Name badges for the door, A–Z by surname like the door list, BADGES_PER_PAGE a page."""
    qr = qr or {}
    people = [(p, t.name) for t in seating.tables for p in t.guests]
    people.sort(key=lambda row: names.sort_key(row[0].name))
    items = [
        {
            "name": p.name,
            "name_size": size_class(p.name, NAME_SIZES),
            "role": shorten(", ".join(x for x in (p.title, p.company) if x), ROLE_LENGTH),
            "table": table,
            "qr": qr.get(p.id, ""),
        }
        for p, table in people
    ]
    step = BADGES_PER_PAGE
    return {"pages": [items[i : i + step] for i in range(0, len(items), step)], "count": len(items)}


def clock(minutes: int) -> str:
    """Format minutes since the start of the round as H:MM."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def table_sheets(seating: Seating, minutes_per_guest: int, qr: dict | None = None) -> dict:
    """One sheet per table: guests, who should meet whom and why, the talk order, a QR code.

    The QR code opens the table's page (`qr`: {table id: inline SVG}).
    """
    qr = qr or {}
    return {
        "sheets": [
            dict(_table_sheet(seating, t, minutes_per_guest), qr=qr.get(t.id, ""))
            for t in seating.tables
        ]
    }


def _table_sheet(seating: Seating, table: SeatedTable, minutes_per_guest: int) -> dict:
    by_id = {p.id: p for p in table.guests}
    short = {p.id: shorten(p.name, SHEET_NAME_LENGTH) for p in table.guests}
    guests = [
        {
            "name": short[p.id],
            "company": shorten(" · ".join(x for x in (p.title, p.company) if x), 90),
            "one_liner": p.one_liner,
            "intent": p.intent,
        }
        for p in table.guests
    ]
    talk = [
        {"clock": clock(i * minutes_per_guest), "name": short[p.id], "minutes": minutes_per_guest}
        for i, p in enumerate(table.guests)
    ]
    pairs = _top_pairs(seating.summary, table.id, by_id, short)
    density, pairs = _fit(guests, pairs, len(talk))
    return {
        "name": table.name,
        "host": short[table.host_id] if table.host_id in by_id else "",
        "guests": guests,
        "pairs": pairs,
        "talk": talk,
        # Two columns, read down then across: row i holds turns i and i + half.
        "talk_rows": _two_columns(talk),
        "ends": clock(len(table.guests) * minutes_per_guest),
        "density": density,
    }


def _fit(guests: list[dict], pairs: list[dict], turns: int) -> tuple[str, list[dict]]:
    """Choose the largest type that fits one page.

    Drop the weakest pairs (down to three) before shrinking the type: readable names matter
    more than a fifth introduction.
    """
    fewest = min(MIN_PAIRS, len(pairs))
    for limit, density in SHEET_DENSITY:
        for keep in range(len(pairs), fewest - 1, -1):
            if _sheet_lines(guests, pairs[:keep], turns) <= limit:
                return density, pairs[:keep]
    return "tight", [dict(pair, reasons=pair["reasons"][:1]) for pair in pairs[:fewest]]


def _sheet_lines(guests: list[dict], pairs: list[dict], turns: int) -> float:
    """Estimate a table sheet's height in lines of 10 pt text (headings included)."""

    def wrapped(text: str, column: str) -> int:
        return max(1, math.ceil(len(text) / LINE_CHARS[column]))

    rows = sum(
        0.6  # cell padding and rule
        + max(
            wrapped(g["name"], "who") + (wrapped(g["company"], "who") if g["company"] else 0),
            wrapped(g["one_liner"], "about") + (1 if g["intent"] else 0),
        )
        for g in guests
    )
    meet = sum(1.3 + sum(wrapped(r, "pair") for r in p["reasons"]) for p in pairs)
    return 14 + rows + meet + 1.1 * math.ceil(turns / 2)


def _two_columns(items: list) -> list[tuple]:
    """Pair items so a two-column table reads down the first column, then the second."""
    half = math.ceil(len(items) / 2)
    return [(items[i], items[i + half] if i + half < len(items) else None) for i in range(half)]


def _top_pairs(
    summary: dict, table_id: int, by_id: dict[int, Person], short: dict[int, str]
) -> list[dict]:
    """The table's best-scoring pairs with their reasons, both guests at this table."""
    entry = (summary.get("tables") or {}).get(str(table_id)) or {}
    pairs = []
    for pair in entry.get("pairs") or ():
        a, b = _as_id(pair.get("a")), _as_id(pair.get("b"))
        if a in by_id and b in by_id and a != b:
            reasons = [shorten(str(r), REASON_LENGTH) for r in pair.get("reasons") or () if r]
            pairs.append((float(pair.get("score") or 0), short[a], short[b], reasons[:2]))
    pairs.sort(key=lambda p: (-p[0], names.collation_key(p[1]), names.collation_key(p[2])))
    return [{"a": a, "b": b, "reasons": r} for _, a, b, r in pairs[:TOP_PAIRS]]


def _as_id(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def kitchen(seating: Seating) -> dict:
    """Dietary and accessibility needs counted per table, with totals and who needs what."""
    totals = dict.fromkeys(DIETARY, 0)
    rows = []
    for table in seating.tables:
        counts = dict.fromkeys(DIETARY, 0)
        notes = []
        for p in table.guests:
            for key in p.dietary:
                counts[key] += 1
            needs = [DIETARY[k] for k in p.dietary] + ([p.dietary_other] if p.dietary_other else [])
            if needs or p.accessibility:
                notes.append(
                    {"name": p.name, "dietary": ", ".join(needs), "access": p.accessibility}
                )
        for key, n in counts.items():
            totals[key] += n
        rows.append(
            {
                "name": table.name,
                "guests": len(table.guests),
                "counts": counts,
                "other": sum(1 for p in table.guests if p.dietary_other),
                "notes": notes,
                "access": sum(1 for n in notes if n["access"]),
            }
        )
    columns = [(key, DIETARY[key]) for key in DIETARY if totals[key]]
    return {
        "columns": columns,
        # Past this many dietary columns the headers no longer fit a portrait page's width.
        "landscape": len(columns) > KITCHEN_PORTRAIT_COLUMNS,
        "rows": rows,
        "noted": [r for r in rows if r["notes"]],
        "totals": totals,
        "guests": sum(r["guests"] for r in rows),
        "access": sum(r["access"] for r in rows),
        "other": sum(r["other"] for r in rows),
        "with_dietary": sum(1 for r in rows for n in r["notes"] if n["dietary"]),
    }
