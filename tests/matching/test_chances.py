"""Help chances: calibrated, directional, beyond what the reader reads, confirmed topics sure."""

import numpy as np

from dinnerplan.matching import Profile, score_pairs
from dinnerplan.matching import weights as w
from dinnerplan.matching.catalogue import load_catalogue
from dinnerplan.matching.chances import help_chances, topic_chances
from dinnerplan.matching.evidence import read_sides


def person(pid, offers=(), needs=(), **kw):
    return Profile(pid, f"{pid.title()} Test", offers=offers, needs=needs, **kw)


def chances(profiles):
    catalogue = load_catalogue()
    return help_chances(profiles, read_sides(profiles, catalogue), catalogue)


def test_a_helper_for_the_need_has_a_high_chance_and_a_stranger_none():
    books = person("a", needs=("our books are a mess and the tax return is late",))
    cpa = person("b", offers=("CPA for small businesses, bookkeeping and year-end accounts",))
    chef = person("c", offers=("private dinners for up to 20 people",))
    chance = chances([books, cpa, chef])
    assert chance[0, 1] >= w.SEAT_CHANCE
    assert chance[0, 2] < 0.1
    assert chance[0, 0] == 0.0  # nobody helps themself


def test_direction_matters_two_hirers_do_not_help_each_other():
    one = person("a", needs=("hiring two backend engineers",), offers=("we're hiring",))
    two = person("b", needs=("we need a senior frontend dev asap",), offers=("we're hiring",))
    seeker = person("c", needs=("backend engineer, 6 years of Go, looking for my next role",))
    chance = chances([one, two, seeker])
    assert chance[0, 1] < w.SEAT_CHANCE
    assert chance[1, 0] < w.SEAT_CHANCE
    assert chance[0, 2] >= w.SEAT_CHANCE


def test_the_classifier_names_a_topic_the_reader_missed():
    # No phrase of the lexicon; the trained classifier reads community building.
    network = person("a", needs=("want more women applying to our network",))
    catalogue = load_catalogue()
    sides = read_sides([network], catalogue)
    assert not sides[0].needs
    q = topic_chances([network], sides, catalogue)
    ids = list(catalogue.topics)
    assert ids[int(q["need"][0].argmax())] == "community_building"
    assert q["need"][0].max() > 0.1


def test_confirmed_topics_are_sure_and_beat_the_words():
    vague = person("a", needs=("help!!",), need_topics=("accounting_tax",))
    cpa = person("b", offers=("bookkeeping",), offer_topics=("accounting_tax",))
    guessed = person("c", offers=("bookkeeping",))
    chance = chances([vague, cpa, guessed])
    assert chance[0, 1] > 0.9
    assert chance[0, 1] > chance[0, 2]


def test_a_reason_needs_a_high_chance_too(monkeypatch):
    need = person("a", needs=("looking for an employment lawyer for a dismissal",))
    lawyer = person("b", offers=("Employment lawyer",))
    assert score_pairs([need, lawyer]).helps("b", "a")
    chance = score_pairs([need, lawyer]).chances("a")["b"]
    monkeypatch.setattr(w, "REASON_CHANCE", chance + 0.01)
    scores = score_pairs([need, lawyer])
    assert scores.helps("b", "a") == []
    assert scores.may_help("b", "a")  # seating still aims for them


def test_chances_of_an_empty_event_and_of_guests_without_words():
    assert chances([]).shape == (0, 0)
    blank = [person("a"), person("b")]
    assert (chances(blank) < w.SEAT_CHANCE).all()


def test_a_chance_alone_earns_pair_points_but_no_reason():
    # The reader reads no need here; only the classifier links the two (a chance, no meet).
    network = person("a", needs=("want more women applying to our network",))
    builder = person("b", offers=("I built and run a 2,000-member community for women founders",))
    scores = score_pairs([network, builder])
    chance = scores.chances("a")["b"]
    assert chance > 0.1
    assert scores.helps("b", "a") == []
    assert scores.score("a", "b") >= w.CHANCE_POINTS * chance - 0.01


def test_why_a_guest_came_makes_the_fitting_topic_likelier():
    # The same bare role in the needs box: a guest who came to hire is likelier to be hiring.
    catalogue = load_catalogue()
    ids = list(catalogue.topics)
    words = {"needs": ("a carpenter full time",)}
    hiring, peer = person("a", intent="hire", **words), person("b", intent="peers", **words)
    q = topic_chances([hiring, peer], read_sides([hiring, peer], catalogue), catalogue)
    k = ids.index("hire_other")
    assert q["need"][0, k] > q["need"][1, k]
    assert q["need"][0, k] > 0.1


def test_a_guests_strongest_topic_counts_more_than_the_same_signal_beside_a_stronger_one():
    # "rel": the classifier's probability relative to the guest's highest on that side.
    from dinnerplan.matching.chances import _calibrated, features

    weight = np.zeros((2, 2))
    prob = np.array([[0.4, 0.0], [0.4, 0.95]])
    fit = np.zeros((2, 2))
    q = _calibrated(features(weight, prob, fit), "need")
    assert q[0, 0] > q[1, 0]


def test_seating_aims_at_a_guests_likeliest_helpers_not_one_far_below(monkeypatch):
    books = person("a", needs=("our books are a mess and the tax return is late",))
    cpa = person("b", offers=("CPA for small businesses, bookkeeping and year-end accounts",))
    maybe = person("c", offers=("Xero partner, can set up your software",))
    guests = [books, cpa, maybe]
    monkeypatch.setattr(w, "SEAT_CHANCE", 0.0001)
    monkeypatch.setattr(w, "SEAT_RELATIVE", 0.0)
    scores = score_pairs(guests)
    best, weaker = scores.chances("a")["b"], scores.chances("a").get("c", 0.0)
    assert best > 2 * weaker > 0  # the CPA is far likelier
    assert scores.may_help("c", "a")  # with no relative bar, the weaker one is a target too
    monkeypatch.setattr(w, "SEAT_RELATIVE", 0.5)
    scores = score_pairs(guests)
    assert scores.may_help("b", "a")
    assert not scores.may_help("c", "a")


def test_an_investor_asking_for_founders_wants_dealflow_and_is_not_raising():
    """A sure investor's "founders" need and "investors" reason are dealflow, not a raise."""
    catalogue = load_catalogue()
    angel = person(
        "a",
        offers=("angel tickets 25-50k, marketplaces, pre-seed ok",),
        needs=("good marketplace founders pls, send them my way", "co-investors for a seed round"),
        intent="investors",
    )
    founder = person("b", needs=("raising our pre-seed, need angels",), intent="investors")
    angel_sides, founder_sides = read_sides([angel, founder], catalogue)
    assert "fundraising" not in angel_sides.needs
    assert "dealflow" in angel_sides.needs
    assert "fundraising" in founder_sides.needs  # a founder's raise is untouched
    chance = help_chances([angel, founder], [angel_sides, founder_sides], catalogue)
    assert chance[1, 0] >= w.SEAT_CHANCE  # the angel helps the founder raise...
    assert chance[0, 1] < w.SEAT_CHANCE  # ...and the founder is no investor for the angel
