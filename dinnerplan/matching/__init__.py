"""Matching: guest profiles in, pair scores with reasons a guest would read out.

Pure library: stdlib, numpy and scikit-learn only, so the solver and scripts can use it
without Flask or a database.
"""

from dinnerplan.matching.constraints import normalise_company, seating_constraints
from dinnerplan.matching.intents import INTENT_PHRASES, INTENTS, parse_intent
from dinnerplan.matching.matcher import DEFAULT_THRESHOLDS, VARIANTS, Matcher
from dinnerplan.matching.schema import Match, Profile, Reason
from dinnerplan.matching.scoring import Scores, score_pairs
from dinnerplan.matching.topics import (
    Catalogue,
    Topic,
    TopicGuess,
    load_catalogue,
    read,
    suggest,
)

__all__ = [
    "Catalogue",
    "Topic",
    "TopicGuess",
    "load_catalogue",
    "read",
    "suggest",
    "DEFAULT_THRESHOLDS",
    "INTENTS",
    "INTENT_PHRASES",
    "VARIANTS",
    "Match",
    "Matcher",
    "Profile",
    "Reason",
    "Scores",
    "normalise_company",
    "parse_intent",
    "score_pairs",
    "seating_constraints",
]
