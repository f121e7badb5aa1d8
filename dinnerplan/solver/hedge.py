"""Hedging an uncertain reading of needs and offers: how likely each guest is really helped.

The text reader that finds each guest's helpers is often wrong, so the help search can also
be given `chances[g][h]`, the probability that h truly helps g (sparse: absent means 0). A
guest at a table is then really helped with probability 1 - prod (1 - chances[g][h]) over
their tablemates h, and a table's hedge value is the sum of that over its guests: the
expected number of guests there who are really helped. Each added helper raises a guest's
chance by less than the one before (diminishing returns), so two likely helpers for two
guests are worth more than a third for a guest already well served.

Pure: guests and tables are plain ints; the board is the help search's (helpboard.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# How many tables, best hedge first, a lone guest with chances is tried at per score pass.
HEDGE_TABLES = 2


def clean(chances: Mapping[int, Mapping[int, float]], present: set[int]) -> dict:
    """Keep the non-zero chances between guests present, as {guest: {helper: probability}}.

    Raises:
        ValueError: a probability outside 0..1.
    """
    kept: dict[int, dict[int, float]] = {}
    for g, row in chances.items():
        if g not in present:
            continue
        for h, p in row.items():
            if not 0.0 <= p <= 1.0:
                raise ValueError(f"chance {p!r} that {h} helps {g} is not a probability")
            if p and h in present and h != g:
                kept.setdefault(g, {})[h] = float(p)
    return kept


def related(chances: Mapping[int, Mapping[int, float]]) -> dict[int, frozenset[int]]:
    """Return, per guest, those who may help them or whom they may help."""
    near: dict[int, set[int]] = {}
    for g, row in chances.items():
        for h in row:
            near.setdefault(g, set()).add(h)
            near.setdefault(h, set()).add(g)
    return {g: frozenset(hs) for g, hs in near.items()}


def table_hedge(chances: Mapping[int, Mapping[int, float]], members: Iterable[int]) -> float:
    """Return the expected number of guests in `members` who are really helped there.

    Only sparse lookups: each guest's chances meet the table in one set intersection.
    """
    members = members if isinstance(members, (set, frozenset)) else set(members)
    total = 0.0
    for g in members:
        mine = chances.get(g)
        if not mine:
            continue
        miss = 1.0
        for h in mine.keys() & members:
            miss *= 1.0 - mine[h]
        total += 1.0 - miss
    return total


def hedge_changes(board, guest: int) -> list[tuple[int, int | None, int | None]]:
    """Return changes (u, v, dst) that seat a lone guest where they hedge best.

    The tables of those who may help the guest or whom the guest may help, ranked by how much
    the guest's arrival would raise the table's hedge value; for the best HEDGE_TABLES of
    those that gain, a move there and a swap with each movable unit there. The board checks
    each exactly (sizes, keep-apart pairs, and the change's whole value).
    """
    rules = board.rules
    near = rules.related.get(guest)
    if not near:
        return []
    u = rules.unit_of[guest]
    here = board.table_of[u]
    tables = {board.table_of[rules.unit_of[h]] for h in near} - {here}
    gains = []
    for t in tables:
        gain = table_hedge(rules.chances, board.members[t] | {guest}) - board.hedges[t]
        if gain > 0:
            gains.append((-gain, t))
    out: list[tuple[int, int | None, int | None]] = []
    for _, t in sorted(gains)[:HEDGE_TABLES]:
        out.append((u, None, t))
        there = sorted({rules.unit_of[g] for g in board.members[t]})
        out += [(u, v, None) for v in there if rules.movable[v]]
    return out
