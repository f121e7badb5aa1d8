"""Translate matching scores into the help search's plain rules (solver/helpboard.py).

Matching speaks of guests by string ids; the pure search by int guest ids and table ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dinnerplan.solver.helpboard import Rules
from dinnerplan.solver.helpsearch import HelpPolisher


def helpers_of(scores, guests: Iterable[int]) -> dict[int, frozenset[int]]:
    """Return, for each guest who may be helped, whom seating should seat them with.

    Their sure helpers (a reason is shown), else their likely helpers (Scores.may_help).
    """
    guests = sorted(guests)
    helped = scores.likely_helped()
    out = {}
    for g in guests:
        if str(g) not in helped:
            continue
        sure = frozenset(h for h in guests if h != g and scores.helps(str(h), str(g)))
        out[g] = sure or frozenset(h for h in guests if h != g and scores.may_help(str(h), str(g)))
    return out


def help_rules(
    scores,
    limits: Mapping[int, tuple[int, int]],
    guests: Iterable[int],
    frozen: Iterable[int] = (),
    home: Mapping[int, int] | None = None,
    move_cost: float = 0.0,
    lift: bool = True,
    apart: Iterable[tuple[int, int]] = (),
    penalties: Mapping[tuple[int, int], float] | None = None,
    hedge: bool = True,
) -> Rules:
    """Build the help search's rules from matching scores and extra pairs.

    The extra keep-apart pairs and pair penalties are by guest id. With `hedge`, the search
    also weighs each helper's chance of really helping (matching/chances.py).
    """
    guests = sorted(guests)
    ids = {str(g): g for g in guests}
    weights = {
        frozenset((ids[m.a], ids[m.b])): m.score
        for m in scores.pairs.values()
        if m.a in ids and m.b in ids
    }
    for (a, b), extra in (penalties or {}).items():
        weights[frozenset((a, b))] = weights.get(frozenset((a, b)), 0.0) + extra
    return Rules.build(
        limits,
        guests,
        helpers_of(scores, guests),
        pairs=[(*sorted(pair), w) for pair, w in weights.items()],
        apart=[(ids[a], ids[b]) for a, b in scores.apart if a in ids and b in ids] + list(apart),
        together=[[ids[g] for g in grp if g in ids] for grp in scores.together],
        frozen=frozen,
        home=home,
        move_cost=move_cost,
        lift=lift,
        chances={
            ids[g]: {ids[h]: p for h, p in scores.chances(g).items() if h in ids}
            for g in ids
            if hedge
        },
    )


def help_more(
    scores,
    limits: Mapping[int, tuple[int, int]],
    seating: Mapping[int, int],
    seconds: float,
    frozen: Iterable[int] = (),
    home: Mapping[int, int] | None = None,
    move_cost: float = 0.0,
    apart: Iterable[tuple[int, int]] = (),
    penalties: Mapping[tuple[int, int], float] | None = None,
) -> dict[int, int]:
    """Seat more helpable guests with a helper, then lift the weakest table, keeping every rule."""
    rules = help_rules(
        scores, limits, seating, frozen, home, move_cost, apart=apart, penalties=penalties
    )
    return HelpPolisher(rules).improve(seating, seconds)
