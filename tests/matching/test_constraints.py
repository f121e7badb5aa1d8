"""Who sits apart and who sits together."""

import pytest

from dinnerplan.matching import Profile, normalise_company, score_pairs


@pytest.mark.parametrize(
    "spelling", ["Acme Inc.", "acme", "ACME", "The Acme Company", "Acme, Inc", "Acme Ltd."]
)
def test_company_spellings_fold_to_one(spelling):
    assert normalise_company(spelling) == "acme"


def test_different_companies_stay_different():
    assert normalise_company("Acme Labs") != normalise_company("Acme")
    assert normalise_company("") == ""


def test_colleagues_are_kept_apart():
    guests = [
        Profile("a", "Ana", "Acme Inc."),
        Profile("b", "Ben", "acme"),
        Profile("c", "Cy", "Other Co"),
    ]
    assert score_pairs(guests).apart == [("a", "b")]


def test_guests_without_a_company_are_not_colleagues():
    # Two freelancers, two "independent" advisers, two people ex-Google: not one firm.
    guests = [
        Profile("a", "Ana", "Independent"),
        Profile("b", "Ben", "independent"),
        Profile("c", "Cy", "Freelance (ex-Monzo)"),
        Profile("d", "Dee", "freelance"),
        Profile("e", "Eve", "ex-Google"),
        Profile("f", "Fay", "Ex-Google"),
        Profile("g", "Gus", "Stealth"),
        Profile("h", "Hal", "stealth"),
        Profile("i", "Ida", "Ex Libris Ltd"),
        Profile("j", "Jo", "Ex Libris"),
    ]
    assert score_pairs(guests).apart == [("i", "j")]


def test_avoid_is_kept_apart_whichever_side_asked():
    one = score_pairs([Profile("a", "Ana", avoid=("b",)), Profile("b", "Ben")])
    other = score_pairs([Profile("a", "Ana"), Profile("b", "Ben", avoid=("a",))])
    assert one.apart == other.apart == [("a", "b")]


def test_prefer_keeps_guests_together_even_one_sided():
    scores = score_pairs(
        [
            Profile("a", "Ana", prefer=("c",)),
            Profile("b", "Ben"),
            Profile("c", "Cy", prefer=("d",)),
            Profile("d", "Dee"),
        ]
    )
    assert scores.together == [("a", "c", "d")]
    assert scores.warnings == []


def test_colleagues_who_ask_to_sit_together_are_not_kept_apart():
    scores = score_pairs(
        [Profile("a", "Ana", "Acme", prefer=("b",)), Profile("b", "Ben", "Acme Inc.")]
    )
    assert scores.together == [("a", "b")]
    assert scores.apart == []


def test_avoid_wins_over_prefer_with_a_warning():
    scores = score_pairs([Profile("a", "Ana", prefer=("b",)), Profile("b", "Ben", avoid=("a",))])
    assert scores.apart == [("a", "b")]
    assert scores.together == []
    assert any("Ana and Ben" in w for w in scores.warnings)


def test_group_joined_through_an_avoided_pair_is_dropped():
    scores = score_pairs(
        [
            Profile("a", "Ana", prefer=("b",), avoid=("c",)),
            Profile("b", "Ben", prefer=("c",)),
            Profile("c", "Cy"),
        ]
    )
    assert scores.together == []
    assert any("cannot keep" in w for w in scores.warnings)


def test_too_large_group_keeps_only_mutual_wishes():
    chain = [Profile(f"g{k}", f"Guest{k}", prefer=(f"g{k + 1}",)) for k in range(5)]
    chain.append(Profile("g5", "Guest5", prefer=("g4",)))  # g4 <-> g5 is mutual
    scores = score_pairs(chain)
    assert scores.together == [("g4", "g5")]
    assert any("more than 4" in w for w in scores.warnings)


def test_unknown_ids_are_ignored_with_a_warning():
    scores = score_pairs([Profile("a", "Ana", avoid=("zz",), prefer=("a",))])
    assert scores.apart == []
    assert scores.together == []
    assert scores.warnings == ["Ana lists unknown guest 'zz' under avoid; ignored"]
