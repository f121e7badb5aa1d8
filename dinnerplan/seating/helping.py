"""Translate matching scores into the help search's plain rules (solver/helpboard.py).

Matching speaks of guests by string ids; the pure search by int guest ids and table ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dinnerplan.solver.helpboard import Rules
from dinnerplan.solver.helpsearch import HelpPolisher


def helpers_of(scores, guests: Iterable[int]) -> dict[int, frozenset[int]]:
    """Return, for each guest who can be helped, the guests who offer what they need."""
    guests = sorted(guests)
    return {
        g: frozenset(h for h in guests if h != g and scores.helps(str(h), str(g)))
        for g in guests
        if scores.can_be_helped(str(g))
    }


def help_rules(
    scores,
    limits: Mapping[int, tuple[int, int]],
    guests: Iterable[int],
    frozen: Iterable[int] = (),
    home: Mapping[int, int] | None = None,
    move_cost: float = 0.0,
    lift: bool = True,
) -> Rules:
    """Build the help search's rules for these guests from matching scores."""
    guests = sorted(guests)
    ids = {str(g): g for g in guests}
    return Rules.build(
        limits,
        guests,
        helpers_of(scores, guests),
        pairs=[
            (ids[m.a], ids[m.b], m.score)
            for m in scores.pairs.values()
            if m.a in ids and m.b in ids
        ],
        apart=[(ids[a], ids[b]) for a, b in scores.apart if a in ids and b in ids],
        together=[[ids[g] for g in grp if g in ids] for grp in scores.together],
        frozen=frozen,
        home=home,
        move_cost=move_cost,
        lift=lift,
    )


def help_more(
    scores,
    limits: Mapping[int, tuple[int, int]],
    seating: Mapping[int, int],
    seconds: float,
    frozen: Iterable[int] = (),
    home: Mapping[int, int] | None = None,
    move_cost: float = 0.0,
) -> dict[int, int]:
    """Seat more helpable guests with a helper, then lift the weakest table, keeping every rule."""
    rules = help_rules(scores, limits, seating, frozen, home, move_cost)
    return HelpPolisher(rules).improve(seating, seconds)
