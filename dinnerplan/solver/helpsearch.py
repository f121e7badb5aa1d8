"""After the solver: a local search that seats more of those who can be helped with a helper.

The solver maximises pair scores, and a guest's best pair can be a fit of intents rather
than a need met, so a few guests who could be helped end up without a helper at their
table, and one table can be left with the leftovers. This search maximises,
lexicographically, the number of those guests who sit with someone who offers what they
need, then the weakest table's mean pair score, then the total (helpboard.py prices each
change).

It is an iterated local search: climb with moves and swaps of units ("sit with" groups
move as one), then perturb around a guest still without a helper and climb again, keeping
the best seating found. Perturbations draw from a seeded generator, so a run is repeatable
unless its time budget cuts it short. It never breaks a hard rule: table sizes, keep-apart
pairs, fixed seats (locks, hosts) and "sit with" groups.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Mapping

from dinnerplan.solver.helpboard import EPSILON, Board, Rules, at_least, better
from dinnerplan.solver.helplift import candidates, improving

# Perturb-and-climb rounds after the first climb; each kicks a few units out of place.
ROUNDS = 60
KICKS = 2
# A table below this share of the average table's quality is a table of leftovers.
LEFTOVERS = 0.5
# A lift step aims at least this share of the average table (fewer, larger steps).
AIM = 0.8
# How many ranked lifting changes a chain tries (each with its helper repair) per step.
CHAIN_TRIES = 8


class HelpPolisher:
    """Iterated local search over (guests helped, weakest table, score); see the docstring."""

    def __init__(self, rules: Rules, seed: int = 0):
        self.rules = rules
        self.seed = seed

    def improve(
        self, seating: Mapping[int, int], seconds: float = 2.0, rounds: int = ROUNDS
    ) -> dict[int, int]:
        """Return a seating {guest: table} at least as good as `seating`, within the time."""
        deadline = time.monotonic() + seconds
        rng = random.Random(self.seed)
        board = Board(self.rules, seating)
        climb(board, deadline)
        best, best_value = board.seating(), board.value()
        for _ in range(rounds):
            if time.monotonic() > deadline or not _kick(board, rng):
                break
            climb(board, deadline)
            value = board.value()
            if at_least(value, best_value):
                best, best_value = board.seating(), value
            else:
                board = Board(self.rules, best)
        return best


def neighbours(board: Board, u: int):
    """Yield (v, table) for every change of unit u: moves to a table, swaps with a unit v."""
    here = board.table_of[u]
    for t in board.members:
        if t != here:
            yield None, t
    for v, movable in enumerate(board.rules.movable):
        if movable and v != u and board.table_of[v] != here:
            yield v, None


def climb(board: Board, deadline: float) -> int:
    """Cover guests, lift the weakest table, then raise the score, until none helps.

    A table of leftovers is lifted first (no helped guest is lost doing so); after a run of
    lift steps the uncovered guests are tried once more (a full cover pass costs as much as
    dozens of lift steps at 500 guests, so it is not retried after every step).
    """
    applied = 0
    while time.monotonic() < deadline:
        if (far_behind(board) and lift_step(board)) or cover_step(board, deadline):
            applied += 1
            continue
        lifted = 0
        while time.monotonic() < deadline and lift_step(board):
            lifted += 1
        if lifted:
            applied += lifted
            continue
        gained = score_pass(board, deadline)
        if not gained:
            break
        applied += gained
    return applied


def cover_step(board: Board, deadline: float = math.inf) -> bool:
    """Seat uncovered guests with a helper, one after another; True when one was seated.

    For each, the best change that seats one more guest with a helper, if any.

    (Judging each uncovered guest once per pass, not only the best change over all of them,
    covers dozens of guests in the time one best change took at 500 guests.)
    """
    unit_of = board.rules.unit_of
    applied = False
    floor = leftover_floor(board)
    for g in board.uncovered():
        if time.monotonic() > deadline:
            break
        if not board.rules.helpers[g].isdisjoint(board.members[board.table_of[unit_of[g]]]):
            continue  # covered meanwhile by an earlier change of this pass
        best = _best_cover(board, g, floor)
        if best is not None:
            board.apply(*best[1:])
            applied = True
    return applied


def leftover_floor(board: Board) -> float:
    """Return the quality below which a table is one of leftovers (LEFTOVERS x the average)."""
    judged = [q for t in board.members if (q := board.quality(t)) is not None]
    if not board.rules.lift or not judged:
        return -math.inf
    return LEFTOVERS * sum(judged) / len(judged)


def far_behind(board: Board) -> bool:
    """True when the weakest table's quality is below half the average table's."""
    return board.weakest() < leftover_floor(board)


def _best_cover(board: Board, g: int, floor: float):
    """Return (gain, u, v, t) of the best change seating g with a helper, or None.

    A change that would drop the weakest table below `floor` is not taken: seating one more
    guest with a helper does not justify leaving a table of leftovers (a test seated a 121st
    guest by dropping the weakest table from 54 % to 26 % of the average, and the search
    could not lift it back within its time).
    """
    best = None
    for u, v, t in _cover_options(board, g, board.rules.unit_of):
        gain = board.change(u, v, t)
        if gain is None or gain[0] <= 0 or (best is not None and gain <= best[0]):
            continue
        if gain[1] < -EPSILON and board.weakest() + gain[1] < floor:
            continue
        best = gain, u, v, t
    return best


def lift_step(board: Board) -> bool:
    """Make a change of a unit at the weakest table that makes that table stronger.

    The weakest table's single guests are priced all at once (helplift.py) and the best few
    checked exactly; only when none of those lifts are all its units' changes tried one by
    one ("sit with" groups included), so the weakest table is lifted step after step even
    when a full score pass would not fit in the time.
    """
    if not board.rules.lift or not board.low:
        return False
    for u, v, t in candidates(board, target=AIM):
        gain = board.change(u, v, t)
        if gain is not None and gain[0] >= 0 and gain[1] > EPSILON:
            board.apply(u, v, t)
            return True
    if lift_chain(board):
        return True
    weakest = board.low[0][1]
    best = None
    for u, movable in enumerate(board.rules.movable):
        if not movable or board.table_of[u] != weakest:
            continue
        for v, t in neighbours(board, u):
            gain = board.change(u, v, t)
            lifts = gain is not None and gain[0] >= 0 and gain[1] > EPSILON
            if lifts and (best is None or gain > best[0]):
                best = gain, u, v, t
    if best is None:
        return False
    board.apply(*best[1:])
    return True


def lift_chain(board: Board, tries: int = CHAIN_TRIES) -> bool:
    """Lift the weakest table by a change that takes a helper away, then re-cover.

    The guests it left without a helper are seated with one again (cover_step on them);
    kept only when the
    whole chain improves the value, otherwise undone. Single changes stall once every guest
    who could leave a strong table is someone's helper.
    """
    before = board.value()
    for u, v, t in candidates(board, keep_helpers=False, target=AIM)[:tries]:
        gain = board.change(u, v, t)
        if gain is None or gain[1] <= EPSILON:
            continue  # breaks a rule, or does not lift the weakest table
        lost = set(board.uncovered())
        journal = [_do(board, u, v, t)]
        floor = leftover_floor(board)
        for g in board.uncovered():
            if g not in lost:
                journal += _cover_one(board, g, floor)
        if better(tuple(a - b for a, b in zip(board.value(), before, strict=True))):
            return True
        for undo in reversed(journal):
            board.apply(*undo)
    return False


def _do(board: Board, u: int, v: int | None, t: int | None) -> tuple:
    """Apply a change and return the change that undoes it."""
    src = board.table_of[u]
    board.apply(u, v, t)
    return (u, v, None) if v is not None else (u, None, src)


def _cover_one(board: Board, g: int, floor: float = -math.inf) -> list[tuple]:
    """Make the best change that seats g with a helper, if any; return its undo (or none)."""
    if not board.rules.helpers[g].isdisjoint(board.members[board.table_of[board.rules.unit_of[g]]]):
        return []
    best = _best_cover(board, g, floor)
    return [_do(board, *best[1:])] if best is not None else []


def score_pass(board: Board, deadline: float) -> int:
    """Give each unit its best change that improves the value; return how many were made.

    A lone guest's changes are priced all at once (helplift.improving) and the best few
    checked exactly; "sit with" groups one change at a time.
    """
    applied = 0
    lone = {u for u, unit in enumerate(board.rules.units) if len(unit) == 1}
    for u, movable in enumerate(board.rules.movable):
        if not movable or time.monotonic() > deadline:
            continue
        if u in lone:
            changes = ((v, t) for _, v, t in improving(board, board.rules.units[u][0]))
        else:
            changes = neighbours(board, u)
        best = None
        for v, t in changes:
            gain = board.change(u, v, t)
            if gain is not None and better(gain) and (best is None or gain > best[0]):
                best = gain, v, t
        if best is not None:
            board.apply(u, best[1], best[2])
            applied += 1
    return applied


def _into(board: Board, u: int, table: int) -> list[tuple[int | None, int | None]]:
    """Return the changes that bring unit u to `table`: a move, or a swap with a unit there."""
    if board.table_of[u] == table:
        return []
    rules = board.rules
    there = sorted({rules.unit_of[g] for g in board.members[table]})
    return [(None, table), *((v, None) for v in there if rules.movable[v])]


def _cover_options(board: Board, g: int, unit_of: Mapping[int, int]) -> list[tuple]:
    """Return the (u, v, table) changes that seat guest g with one of its helpers.

    g's unit joins a helper's table, or a helper's unit joins g's, by a move or a swap with
    any unit there: every change that covers g is one of these.
    """
    options = []
    here = board.table_of[unit_of[g]]
    for h in sorted(board.rules.helpers[g]):
        there = board.table_of[unit_of[h]]
        options += [(unit_of[g], v, t) for v, t in _into(board, unit_of[g], there)]
        options += [(unit_of[h], v, t) for v, t in _into(board, unit_of[h], here)]
    return [o for o in options if board.rules.movable[o[0]]]


def _kick(board: Board, rng: random.Random) -> bool:
    """Make up to KICKS random rule-keeping changes, whatever they cost.

    Each seats an uncovered guest with a helper, or once everyone is covered, shakes up the
    score.
    """
    unit_of = board.rules.unit_of
    movable = [u for u, m in enumerate(board.rules.movable) if m]
    done = 0
    for _ in range(10 * KICKS):
        if done == KICKS or not movable:
            break
        lost = board.uncovered()
        if lost:
            options = _cover_options(board, rng.choice(lost), unit_of)
        else:
            u = rng.choice(movable)
            options = [(u, v, t) for v, t in neighbours(board, u)]
        if not options:
            continue
        u, v, t = options[rng.randrange(len(options))]
        if board.change(u, v, t) is not None:
            board.apply(u, v, t)
            done += 1
    return done > 0
