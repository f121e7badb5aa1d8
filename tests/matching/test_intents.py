"""Intents: the fixed list, the forgiving parser, and the affinity table."""

import pytest

from dinnerplan.matching import INTENTS, parse_intent
from dinnerplan.matching.weights import INTENT_AFFINITY


def test_intents_are_ordered_with_their_labels():
    assert list(INTENTS) == [
        "peers",
        "clients",
        "investors",
        "hire",
        "job",
        "partners",
        "give_back",
    ]
    assert INTENTS["give_back"] == "Give back / mentor"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("peers", "peers"),
        ("Meet peers and learn", "peers"),
        ("networking", "peers"),
        ("Find clients", "clients"),
        ("CUSTOMERS", "clients"),
        ("sales", "clients"),
        ("Find investors", "investors"),
        ("fundraising", "investors"),
        ("raising money", "investors"),
        ("Hire", "hire"),
        ("hiring", "hire"),
        ("Recruiting", "hire"),
        ("Find a job", "job"),
        ("job hunting", "job"),
        ("looking for work", "job"),
        ("partners", "partners"),
        ("co-founder", "partners"),
        ("give_back", "give_back"),
        ("Give back / mentor", "give_back"),
        ("mentor", "give_back"),
        ("Investing", "give_back"),
        ("angel investing", "give_back"),
        ("  I want to find a job ", "job"),
        ("Find a job (backend)", "job"),
    ],
)
def test_parse_intent_accepts_keys_labels_and_common_spellings(text, key):
    assert parse_intent(text) == key


@pytest.mark.parametrize("text", [None, "", "   ", "world peace", "pizza"])
def test_parse_intent_returns_none_for_the_unknown(text):
    assert parse_intent(text) is None


def test_affinity_table_is_symmetric_and_complete():
    for a in INTENTS:
        for b in INTENTS:
            assert INTENT_AFFINITY[a, b] == INTENT_AFFINITY[b, a]


def test_affinity_table_says_what_the_product_says():
    assert INTENT_AFFINITY["investors", "give_back"] > INTENT_AFFINITY["peers", "peers"] > 0
    assert INTENT_AFFINITY["hire", "job"] > 0
    assert INTENT_AFFINITY["clients", "clients"] < 0
