"""Pair scores and reasons: two-way beats one-way, intents shape the score, reasons read well."""

import pytest

from dinnerplan.matching import Profile, score_pairs
from dinnerplan.matching.topics import load_catalogue, read

FOUNDER = Profile(
    "ana",
    "Ana Silva",
    "Brightloop",
    offers=("Python backend development agency",),
    needs=("Raising a seed round, looking for angel investors",),
    intent="investors",
)
ANGEL = Profile(
    "ben",
    "Ben Okafor",
    "Northwind Capital",
    offers=("Angel investor in B2B startups",),
    needs=("Need a backend developer",),
    intent="give_back",
)


def person(pid, offers=(), needs=(), intent=None, **kw):
    return Profile(pid, f"{pid.title()} Test", offers=offers, needs=needs, intent=intent, **kw)


def test_two_way_pair_outranks_two_one_way_pairs():
    logo, design = "Need a new logo", "Brand designer: logos and visual identity"
    money, fund = "Raising a seed round", "Partner at a seed-stage venture fund"
    guests = [
        person("a1", offers=(design,), needs=(money,), intent="peers"),
        person("a2", offers=(fund,), needs=(logo,), intent="peers"),  # a1 <-> a2 two-way
        person("b1", offers=(design,), intent="peers"),
        person("b2", needs=(logo,), intent="peers"),  # b1 -> b2 one way
        person("c1", offers=(fund,), intent="peers"),
        person("c2", needs=(money,), intent="peers"),  # c1 -> c2 one way
    ]
    scores = score_pairs(guests)
    two_way = scores.score("a1", "a2")
    one_way = scores.score("b1", "b2") + scores.score("c1", "c2")
    assert scores.score("b1", "b2") > 0
    assert scores.score("c1", "c2") > 0
    assert two_way > one_way


def test_sellers_with_nothing_for_each_other_score_zero():
    a = person(
        "sel1", offers=("Tax returns for freelancers",), needs=("More clients",), intent="clients"
    )
    b = person(
        "sel2", offers=("Kubernetes consulting",), needs=("New customers",), intent="clients"
    )
    scores = score_pairs([a, b])
    assert scores.score("sel1", "sel2") == 0
    assert ("sel1", "sel2") not in scores.pairs


def test_founder_meets_angel_well():
    scores = score_pairs([FOUNDER, ANGEL])
    match = scores.pairs[("ana", "ben")]
    peers = score_pairs(
        [
            person("p1", intent="peers"),
            person("p2", intent="peers"),
        ]
    ).score("p1", "p2")
    assert match.score > 20  # two needs met both ways plus intents that fit
    assert 0 < peers < match.score
    assert any(
        r.text == "Ana came to find investors — Ben came to give back" for r in match.reasons
    )


def test_investors_meets_give_back_beats_investors_meets_investors():
    one = score_pairs([person("x1", intent="investors"), person("x2", intent="give_back")])
    two = score_pairs([person("y1", intent="investors"), person("y2", intent="investors")])
    assert one.score("x1", "x2") > 0
    assert two.score("y1", "y2") == 0


def test_reasons_name_both_guests_and_quote_offer_and_need():
    scores = score_pairs([FOUNDER, ANGEL])
    [reason] = scores.helps("ben", "ana")
    assert (reason.helper, reason.helped) == ("ben", "ana")
    assert reason.offer == "Angel investor in B2B startups"
    assert reason.need == "Raising a seed round, looking for angel investors"
    assert reason.topic == "fundraising"
    assert reason.text == (
        "Ana needs help with raising investment — “Raising a seed round, looking for angel"
        " investors”; Ben: “Angel investor in B2B startups”"
    )
    assert scores.helps("ana", "ben")[0].offer == "Python backend development agency"


def test_a_title_names_what_a_guest_offers_but_ranks_say_nothing():
    worried = person("jo", needs=("Need an employment lawyer for a dismissal",))
    lawyer = Profile("li", "Li Berg", offers=("happy to help",), title="Employment lawyer")
    founder = Profile("fi", "Fi Berg", "Sunly", one_liner="Founder & CEO", title="Co-founder")
    investor = person("vc", needs=("Want to meet founders of climate startups",))
    scores = score_pairs([worried, lawyer, founder, investor])
    [reason] = scores.helps("li", "jo")
    assert reason.topic == "employment_law"
    assert reason.confidence >= 0.8
    assert reason.text.endswith("Li is “Employment lawyer”")
    assert scores.helps("fi", "vc") == []  # a founder's rank is not an offer of dealflow


def test_unsure_meets_nudge_the_score_but_show_no_reason():
    # The lexicon reads employment law; the trained classifier does not back it (p 0.53).
    need = person("a", needs=("a difficult dismissal",))
    lawyer = person("b", offers=("Employment lawyer",))
    scores = score_pairs([need, lawyer])
    assert scores.helps("b", "a") == []
    assert not scores.can_be_helped("a")
    sure = score_pairs(
        [person("a", needs=("looking for an employment lawyer for a dismissal",)), lawyer]
    )
    assert sure.helps("b", "a")
    assert 0 < scores.score("a", "b") < sure.score("a", "b") / 1.5
    # ...but seating still aims to seat them together (a likely meet, weights.SEAT_CHANCE).
    assert scores.may_help("b", "a")
    assert "a" in scores.likely_helped()
    assert not scores.may_help("a", "b")


def test_scores_are_symmetric_non_negative_and_deterministic(event):
    first, second = score_pairs(event), score_pairs(event)
    assert first.pairs == second.pairs
    for (a, b), match in first.pairs.items():
        assert a < b
        assert match.score > 0
        assert first.score(b, a) == first.score(a, b) == match.score


def test_shared_first_names_use_full_names():
    a = Profile("a", "Sam Lee", offers=("Brand designer: logos",))
    b = Profile("b", "Sam Ortiz", needs=("Need a new logo",))
    [reason] = score_pairs([a, b]).helps("a", "b")
    assert "Sam Ortiz needs" in reason.text
    assert "Sam Lee: “Brand" in reason.text


def test_can_be_helped_means_someone_offers_what_they_need():
    lonely = person("lonely", needs=("Need a sommelier for a wine pairing",))
    scores = score_pairs([FOUNDER, ANGEL, lonely])
    assert scores.can_be_helped("ana")
    assert scores.can_be_helped("ben")
    assert not scores.can_be_helped("lonely")


def test_colleague_offer_does_not_count_as_help_possible():
    a = Profile("a", "Ana", "Acme Inc.", needs=("Need a new logo",))
    b = Profile("b", "Ben", "ACME", offers=("Brand designer: logos",))
    assert not score_pairs([a, b]).can_be_helped("a")


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="duplicate"):
        score_pairs([FOUNDER, FOUNDER])


def test_empty_event():
    scores = score_pairs([])
    assert scores.pairs == {}
    assert scores.apart == []
    assert scores.together == []


def test_confirmed_topics_beat_guesses():
    # Zoe's words read as marketing, but she confirmed she needs a lawyer.
    words = ("SEO for our launch",)
    lawyer = Profile("law", "Lu", offers=("startup lawyer",))
    marketer = Profile("mkt", "Mo", offers=("SEO consultant",))
    unconfirmed = score_pairs([Profile("zoe", "Zoe", needs=words), lawyer, marketer])
    assert unconfirmed.helps("mkt", "zoe")
    assert not unconfirmed.helps("law", "zoe")
    zoe = Profile("zoe", "Zoe", needs=words, need_topics=("legal_company",))
    scores = score_pairs([zoe, lawyer, marketer])
    assert scores.score("law", "zoe") > 0
    assert scores.helps("mkt", "zoe") == []
    [reason] = scores.helps("law", "zoe")
    assert reason.topic == "legal_company"
    assert reason.need == "SEO for our launch"


def test_a_guest_who_confirmed_needs_only_keeps_unticked_offers_as_guesses():
    # Lu confirmed her need; the offer chips she left unticked no longer make her a helper.
    ana = Profile("ana", "Ana", needs=("need a startup lawyer for our shareholder agreement",))
    lu = Profile("lu", "Lu", offers=("startup lawyer",), needs=("SEO for our launch",))
    assert score_pairs([ana, lu]).helps("lu", "ana")
    reviewed = Profile("lu", "Lu", offers=lu.offers, needs=lu.needs, need_topics=("marketing",))
    scores = score_pairs([ana, reviewed])
    assert scores.helps("lu", "ana") == []


def test_a_one_liner_naming_a_profession_is_an_offer_a_company_line_only_a_guess():
    founder = Profile("ana", "Ana", needs=("Raising a seed round",))
    investor = Profile("ben", "Ben", one_liner="Seed investor")
    partner = Profile("cy", "Cy", one_liner="Partner at a seed fund")
    scores = score_pairs([founder, investor, partner])
    [reason] = scores.helps("ben", "ana")
    assert reason.topic == "fundraising"
    assert reason.text.endswith("Ben is “Seed investor”")
    assert scores.helps("cy", "ana") == []
    assert scores.score("ana", "cy") > 0


def test_reasons_only_where_topics_meet_and_hirers_never_help_each_other():
    sofia = person("sofia", needs=("Hiring two junior developers",))
    wei = person("wei", offers=("we're hiring our first sales team",), needs=("Hiring engineers",))
    dev = person("dev", offers=("junior developer open to work",))
    scores = score_pairs([sofia, wei, dev])
    assert scores.helps("wei", "sofia") == []
    assert scores.helps("sofia", "wei") == []
    assert scores.helps("dev", "sofia")[0].topic == "hire_engineering"
    assert scores.helps("sofia", "dev") == []  # dev did not say they need anything
    cat = load_catalogue()
    for helper, helped in [("dev", "sofia"), ("dev", "wei"), ("sofia", "dev"), ("wei", "dev")]:
        for r in scores.helps(helper, helped):
            offered = {g.topic for side in ("need", "offer") for g in read(r.offer, side)}
            assert any(cat.meets(r.topic, t) for t in offered), r


def test_a_guest_who_came_for_a_job_offers_themself_to_a_hirer():
    hirer = person("h", needs=("we're hiring backend developers",))
    seeker = Profile("s", "Sam", one_liner="Backend engineer, Go and Postgres", intent="job")
    [reason] = score_pairs([hirer, seeker]).helps("s", "h")
    assert reason.topic == "hire_engineering"
    assert reason.confidence >= 0.8
