"""What a seating means for its guests: scores, reasons, warnings, talk order, metrics.

Pure functions over matching.Scores and plain dicts, so a solver run and a manual edit get
exactly the same summary (the JSON described in docs/seating.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class TableLimits:
    """A table's name and size bounds, as the summary needs them."""

    id: int
    name: str
    min: int
    max: int


def _pair_entry(scores, a: int, b: int) -> dict | None:
    """Return the contract's pair entry for two guests, or None when they score 0."""
    match = scores.pairs.get((str(a), str(b)) if str(a) < str(b) else (str(b), str(a)))
    if match is None or match.score <= 0:
        return None
    return {
        "a": int(match.a),
        "b": int(match.b),
        "score": round(match.score, 3),
        "reasons": [r.text for r in match.reasons],
    }


def table_warnings(
    members: list[int], limits: TableLimits, apart: Iterable[tuple[str, str]], names: Mapping
) -> list[str]:
    """Return the broken hard rules at one table, in plain words."""
    warnings = []
    n = len(members)
    if n > limits.max:
        warnings.append(f"{limits.name} has {n} guests but seats at most {limits.max}.")
    elif n < limits.min and (n or limits.min):
        warnings.append(f"{limits.name} has {n} guests but needs at least {limits.min}.")
    here = {str(g) for g in members}
    for a, b in apart:
        if a in here and b in here:
            who = f"{names.get(int(a), a)} and {names.get(int(b), b)}"
            warnings.append(f"{who} should not sit together (colleagues or a 'don't seat' wish).")
    return warnings


def _guest_entry(scores, guest: int, members: list[int]) -> dict:
    """Return the contract's guest entry: best tablemate and why, helped, helpable."""
    mates = [m for m in members if m != guest]
    ranked = sorted(mates, key=lambda m: (-scores.score(str(guest), str(m)), m))
    best = ranked[0] if ranked and scores.score(str(guest), str(ranked[0])) > 0 else None
    reasons: list[str] = []
    if best is not None:
        entry = _pair_entry(scores, guest, best)
        reasons = entry["reasons"] if entry else []
    return {
        "best": best,
        "score": round(scores.score(str(guest), str(best)), 3) if best is not None else 0.0,
        "reasons": reasons,
        "helped": any(scores.helps(str(m), str(guest)) for m in mates),
        "helpable": scores.can_be_helped(str(guest)),
    }


def talk_order(members: list[int], scores, host: int | None = None) -> list[int]:
    """Order a table's speakers: the host first, then each next speaker the best match so far."""
    left = sorted(members)
    if not left:
        return []
    total = {g: sum(scores.score(str(g), str(m)) for m in left if m != g) for g in left}
    first = host if host in left else max(left, key=lambda g: (total[g], -g))
    order = [first]
    left.remove(first)
    while left:
        prev = order[-1]
        nxt = max(left, key=lambda g: (scores.score(str(prev), str(g)), total[g], -g))
        order.append(nxt)
        left.remove(nxt)
    return order


def summarize(
    scores,
    seating: Mapping[int, list[int]],
    tables: Iterable[TableLimits],
    names: Mapping[int, str],
    moved: Iterable[tuple[int, int | None, int]] = (),
) -> dict:
    """Build the summary JSON for a seating {table_id: [guest_id, ...]}."""
    out_tables: dict[str, dict] = {}
    out_guests: dict[str, dict] = {}
    for limits in tables:
        members = list(seating.get(limits.id, []))
        pairs = [
            entry
            for i, a in enumerate(members)
            for b in members[i + 1 :]
            if (entry := _pair_entry(scores, a, b)) is not None
        ]
        pairs.sort(key=lambda p: (-p["score"], p["a"], p["b"]))
        entries = {g: _guest_entry(scores, g, members) for g in members}
        total = sum(p["score"] for p in pairs)
        out_tables[str(limits.id)] = {
            "score": round(total, 3),
            "quality": round(total / (len(members) * (len(members) - 1) / 2), 3)
            if len(members) >= 2
            else None,
            "helped": sum(1 for e in entries.values() if e["helped"] and e["helpable"]),
            "helpable": sum(1 for e in entries.values() if e["helpable"]),
            "pairs": pairs,
            "warnings": table_warnings(members, limits, scores.apart, names),
        }
        out_guests.update({str(g): e for g, e in entries.items()})
    metrics = {
        "seated": len(out_guests),
        "helped": sum(1 for e in out_guests.values() if e["helped"]),
        "helpable": sum(1 for e in out_guests.values() if e["helpable"]),
        "objective": round(sum(t["score"] for t in out_tables.values()), 3),
        "weakest": weakest_table(out_tables),
    }
    return {
        "tables": out_tables,
        "guests": out_guests,
        "metrics": metrics,
        "moved": [{"guest": g, "from": a, "to": b} for g, a, b in moved],
    }


def weakest_table(tables: Mapping[str, dict]) -> dict | None:
    """Return the table with the lowest mean pair score and its ratio to the average table."""
    judged = {t: e["quality"] for t, e in tables.items() if e.get("quality") is not None}
    if not judged:
        return None
    table = min(judged, key=lambda t: (judged[t], int(t)))
    mean = sum(judged.values()) / len(judged)
    ratio = judged[table] / mean if mean > 0 else 1.0
    return {"table": int(table), "quality": judged[table], "ratio": round(ratio, 3)}


def has_warnings(summary: Mapping) -> bool:
    """Return True when any table of the summary breaks a hard rule."""
    return any(t.get("warnings") for t in (summary or {}).get("tables", {}).values())


def moves_between(old: Mapping[int, int], new: Mapping[int, int]) -> list[tuple]:
    """Return (guest, from table or None, to table) for guests seated differently in `new`."""
    return [(g, old.get(g), t) for g, t in sorted(new.items()) if old.get(g) != t]
