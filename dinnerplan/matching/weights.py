"""Every number that shapes a pair's score, in one place.

A score is in points: each need met is worth up to `NEED_MET`, a pair where each can help
the other earns `TWO_WAY_BONUS` on top, each guest's chance of really helping the other
(chances.py) adds `CHANCE_POINTS` per unit, and the two intents add `INTENT_AFFINITY`. The
total is clamped at zero, so two sellers with nothing for each other score 0, not less.
"""

from __future__ import annotations

from types import MappingProxyType

from dinnerplan.matching.intents import INTENTS

# A need met by a tablemate's offer: NEED_MET * need weight * offer weight, where a
# confirmed topic weighs 1 and a topic read from free text its confidence.
NEED_MET = 10.0

# Below this need weight * offer weight a topic match is too unsure to count at all.
MIN_MEET = 0.45
# A reason is shown, and the helper counted by can_be_helped, only from this need x offer
# weight: two sure topics (calibrated on the four development lists, docs/matching.md).
# Weaker meets still nudge seating, at UNSURE_MEET of their value.
REASON_MIN = 0.8999
UNSURE_MEET = 0.3
# Seating aims to seat each guest with someone who likely helps them: a helper whose
# calibrated chance of really meeting a need (chances.py) is at least this (Scores.may_help),
# also where it is not sure enough to show a reason. A reason also needs REASON_CHANCE.
# 0.35 since the seventh round's calibration (0.5 before): ten seen lists seated 544 -> 552
# of 670 (docs/matching.md).
SEAT_CHANCE = 0.35
# ...and not below this share of the guest's likeliest helper's chance, so a helper of 0.4
# does not count as a target beside one of 0.95 (19 seen lists: 1,046 -> 1,058 of 1,309).
SEAT_RELATIVE = 0.5
REASON_CHANCE = 0.6
# Points a pair earns per unit of chance that one really helps the other (either way), so
# the solver prefers the likelier helper where the read topics alone tie.
CHANCE_POINTS = 10.0

# Extra points for a two-way pair: TWO_WAY_BONUS * min(help a->b, help b->a). With 1.0, a
# pair that helps each other is worth more than two separate one-way pairs of the same
# strength, even after those two pairs each collect their intent points.
TWO_WAY_BONUS = 1.0

# Only so many needs of one guest count towards one pair, so a guest who lists ten
# needs cannot dominate a table.
MAX_NEEDS_PER_PAIR = 3

# A "sit with" group larger than this is not kept together (it would fill a table).
MAX_TOGETHER = 4

# Intent affinity in points, symmetric. Positive: the two reasons for coming fit
# (someone raising money meets someone who came to give back). Negative: the table
# would turn into a sales pitch (two guests who both came to find clients).
# fmt: off
_AFFINITY_ROWS = {
    #            peers clients investors hire  job  partners give_back
    "peers":     (2.0,  0.0,    0.0,     0.5,  0.5, 1.0,     2.0),
    "clients":   (0.0, -4.0,   -1.0,     0.0, -1.0, 1.0,     1.0),
    "investors": (0.0, -1.0,   -2.0,     0.0,  0.0, 0.5,     4.0),
    "hire":      (0.5,  0.0,    0.0,    -1.0,  4.0, 0.5,     1.0),
    "job":       (0.5, -1.0,    0.0,     4.0, -0.5, 0.5,     3.0),
    "partners":  (1.0,  1.0,    0.5,     0.5,  0.5, 2.0,     1.0),
    "give_back": (2.0,  1.0,    4.0,     1.0,  3.0, 1.0,     1.0),
}
# fmt: on

INTENT_AFFINITY = MappingProxyType(
    {
        (row, col): value
        for row, values in _AFFINITY_ROWS.items()
        for col, value in zip(INTENTS, values, strict=True)
    }
)


def intent_affinity(a: str | None, b: str | None) -> float:
    """Return the intent points for two guests' intents (0 when either is unknown)."""
    if a is None or b is None:
        return 0.0
    return INTENT_AFFINITY.get((a, b), 0.0)
