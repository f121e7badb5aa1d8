"""The free-text matcher: paraphrases meet, near-misses don't, and the measured quality holds."""

from pathlib import Path

import numpy as np
import pytest

from dinnerplan.matching import DEFAULT_THRESHOLDS, Matcher
from dinnerplan.matching.evaluate import evaluate, load_pairs

PAIRS = Path(__file__).parent.parent / "data" / "need_offer_pairs.csv"

PARAPHRASES = [
    ("Raising a seed round, looking for angel investors", "Partner at a seed-stage venture fund"),
    ("need a new logo", "brand designer: logos, identity"),
    ("Hiring a senior backend engineer", "Backend engineer (Go, Postgres), open to new roles"),
    ("Need an accountant", "Bookkeeping and tax returns for small businesses"),
]
NEAR_MISSES = [
    ("need a new logo", "logistics consultant"),
    ("need a logo", "I log and analyse server metrics for you"),
    ("Raising a seed round", "Brand designer: logos and identity"),
    ("Need a patent for our device", "Patient advocate at a hospital"),
]


@pytest.fixture(scope="module")
def matcher():
    texts = [t for pair in PARAPHRASES + NEAR_MISSES for t in pair]
    return Matcher.fit(texts)


@pytest.mark.parametrize(("need", "offer"), PARAPHRASES)
def test_paraphrases_match(matcher, need, offer):
    assert matcher.matches(need, offer), matcher.similarity(need, offer)


@pytest.mark.parametrize(("need", "offer"), NEAR_MISSES)
def test_near_misses_do_not_match(matcher, need, offer):
    assert not matcher.matches(need, offer), matcher.similarity(need, offer)


def test_matrix_agrees_with_pairwise_similarity(matcher):
    needs = [n for n, _ in PARAPHRASES]
    offers = [o for _, o in PARAPHRASES + NEAR_MISSES]
    grid = matcher.need_offer_matrix(needs, offers)
    assert grid.shape == (len(needs), len(offers))
    assert np.all((grid >= 0) & (grid <= 1))
    assert grid[1, 1] == pytest.approx(matcher.similarity(needs[1], offers[1]))


def test_empty_inputs_give_empty_matrix(matcher):
    assert matcher.need_offer_matrix([], ["a designer"]).shape == (0, 1)
    assert matcher.similarity("", "a designer") == 0.0


def test_unknown_variant_is_refused():
    with pytest.raises(ValueError, match="variant"):
        Matcher(variant="embeddings")


def test_every_variant_has_a_threshold():
    for variant in ("word", "char", "word_char", "concepts", "combined"):
        assert Matcher(variant=variant).threshold == DEFAULT_THRESHOLDS[variant]


def test_labelled_set_is_big_and_balanced():
    pairs = load_pairs(PAIRS)
    assert len(pairs) >= 150
    assert {p.kind for p in pairs} >= {"paraphrase", "synonym", "near_miss"}
    assert {p.split for p in pairs} == {"dev", "test"}
    assert 0.3 < sum(p.label for p in pairs) / len(pairs) < 0.7


def test_shipped_matcher_keeps_its_reported_quality():
    # Figures reported in docs/matching.md (held-out test split, frozen threshold 0.28):
    # precision 0.71, recall 0.69. A regression of more than 0.05 fails.
    pairs = load_pairs(PAIRS)
    dev, test = evaluate(pairs, "combined", threshold=DEFAULT_THRESHOLDS["combined"])
    assert test.precision >= 0.71 - 0.05
    assert test.recall >= 0.69 - 0.05
    assert dev.f1 >= 0.86 - 0.05


def test_combined_beats_plain_tfidf_on_held_out_pairs():
    pairs = load_pairs(PAIRS)
    _, combined = evaluate(pairs, "combined")
    for baseline in ("word", "char"):
        _, base = evaluate(pairs, baseline)
        assert combined.f1 > base.f1
