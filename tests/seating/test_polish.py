"""The help polish: seats a helpable guest with a helper, never breaking sizes or keep-apart."""

from __future__ import annotations

from dinnerplan.matching import Profile, score_pairs
from dinnerplan.seating.polish import HelpPolisher


def profiles():
    need = Profile("1", "Ana Silva", "Acme", "Founder", needs=("Need a good accountant",))
    helper = Profile(
        "2",
        "Ben Okafor",
        "Ledgerly",
        "Accountant for startups",
        offers=("Bookkeeping and accounting for small companies",),
    )
    colleague = Profile("3", "Cy Acme", "Acme", "Sales lead")
    others = [Profile(str(i), f"Guest {i}", f"Co {i}", "Designer") for i in range(4, 9)]
    return [need, helper, colleague, *others]


def test_polish_seats_the_needy_guest_with_the_helper():
    scores = score_pairs(profiles())
    assert scores.can_be_helped("1") and scores.helps("2", "1")
    seating = {1: 10, 3: 10, 4: 10, 5: 10, 2: 20, 6: 20, 7: 20, 8: 20}
    polisher = HelpPolisher(scores, {10: (3, 5), 20: (3, 5)}, frozen=())

    better = polisher.improve(seating)

    assert better[1] == better[2]
    assert better[1] != better[3], "colleagues stay apart"
    sizes = [list(better.values()).count(t) for t in (10, 20)]
    assert all(3 <= s <= 5 for s in sizes)


def test_polish_leaves_frozen_guests_in_place():
    scores = score_pairs(profiles())
    seating = {1: 10, 3: 10, 4: 10, 5: 10, 2: 20, 6: 20, 7: 20, 8: 20}
    better = HelpPolisher(scores, {10: (4, 4), 20: (4, 4)}, frozen={1, 2}).improve(seating)
    assert better == seating
