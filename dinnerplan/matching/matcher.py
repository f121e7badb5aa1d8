"""Free-text need/offer similarity: TF-IDF on words, character n-grams and concepts.

"Raising a seed round, looking for angel investors" shares no word with "Partner at a
seed-stage venture fund", and "need a new logo" only a stem with "brand designer: logos,
identity". So a need and an offer are compared in three scikit-learn TF-IDF spaces: words
(with bigrams), character n-grams (catch "logo"/"logos", "recruit"/"recruiter") and the
concept tokens of `concepts.expand`. Each space is L2-normalised and scaled by the square
root of its weight, so one sparse dot product gives the weighted sum of three cosines,
a number in [0, 1]. The variant and threshold were chosen by measurement on the labelled
pairs in tests/data (see docs/matching.md and benchmarks/matching_eval.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from dinnerplan.matching.concepts import expand

# Words that say "I need" or "I offer" rather than what: they would make every need
# look like every other need.
# fmt: off
FILLER_WORDS = frozenset(ENGLISH_STOP_WORDS) | {
    "need", "needs", "needed", "needing", "looking", "look", "seeking", "seek", "want",
    "wanted", "help", "helping", "happy", "offer", "offering", "offers", "someone",
    "anyone", "advice", "intro", "intros", "introduction", "introductions", "get", "find",
    "finding", "new", "good", "great", "like", "love", "would", "im", "ive", "id", "just",
    "really", "tips", "people", "person", "know", "talk", "chat", "share", "sharing",
    "wants", "lot", "lots", "bit", "able", "glad", "also", "maybe", "ideally", "etc",
}
# fmt: on

# Weight of each space per variant; the weights of a variant sum to 1.
VARIANTS: dict[str, dict[str, float]] = {
    "word": {"word": 1.0},
    "char": {"char": 1.0},
    "word_char": {"word": 0.5, "char": 0.5},
    "concepts": {"concept": 1.0},
    "combined": {"word": 0.25, "char": 0.25, "concept": 0.5},
}

# Threshold per variant, chosen on the dev split only (benchmarks/matching_eval.py).
DEFAULT_THRESHOLDS: dict[str, float] = {
    "word": 0.05,
    "char": 0.01,
    "word_char": 0.01,
    "concepts": 0.52,
    "combined": 0.28,
}

DEFAULT_VARIANT = "combined"

_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*")


def clean(text: str) -> str:
    """Return a need or offer lower-cased, with filler words ("looking for") removed."""
    words = _TOKEN.findall(text.lower().replace("'", ""))
    return " ".join(w for w in words if w not in FILLER_WORDS)


def _stem(word: str) -> str:
    """Fold plurals so "logos" and "logo" are one word ("business" stays)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _word_tokens(text: str) -> list[str]:
    """Split a cleaned text into stemmed word tokens."""
    return [_stem(w) for w in text.split() if len(w) > 1]


def _build_vectorizer(space: str) -> TfidfVectorizer:
    """Return an unfitted TF-IDF vectorizer for one space."""
    common = {"sublinear_tf": True, "lowercase": False, "dtype": np.float64}
    if space == "word":
        return TfidfVectorizer(
            tokenizer=_word_tokens, token_pattern=None, ngram_range=(1, 2), **common
        )
    if space == "char":
        return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), **common)
    return TfidfVectorizer(token_pattern=r"\S+", binary=True, **common)


def _background_texts() -> list[str]:
    """Return the built-in corpus that keeps IDF sensible for small events."""
    from dinnerplan.matching.archetypes import ARCHETYPES

    return [text for arch in ARCHETYPES for text in (*arch.offers, *arch.needs)]


class Matcher:
    """Score how well an offer meets a need; fit it on an event's texts."""

    def __init__(
        self,
        variant: str = DEFAULT_VARIANT,
        threshold: float | None = None,
        texts: Iterable[str] = (),
        background: bool = True,
    ) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"unknown matcher variant {variant!r}; use one of {list(VARIANTS)}")
        self.variant = variant
        self.threshold = DEFAULT_THRESHOLDS[variant] if threshold is None else threshold
        self.weights = VARIANTS[variant]
        corpus = [t for t in texts if t and t.strip()]
        if background:
            corpus += _background_texts()
        self._vectorizers = {}
        for space in self.weights:
            vec = _build_vectorizer(space)
            vec.fit([self._prepare(space, t) for t in corpus] or ["empty"])
            self._vectorizers[space] = vec

    @classmethod
    def fit(cls, texts: Iterable[str], **options) -> Matcher:
        """Return a matcher fitted on all offers and needs of one event."""
        return cls(texts=texts, **options)

    @classmethod
    def from_profiles(cls, profiles: Iterable, **options) -> Matcher:
        """Return a matcher fitted on the offers and needs of these profiles."""
        texts = [t for p in profiles for t in (*p.offers, *p.needs)]
        return cls(texts=texts, **options)

    @staticmethod
    def _prepare(space: str, text: str) -> str:
        """Return the text one space vectorises."""
        return expand(text) if space == "concept" else clean(text)

    def _features(self, texts: Sequence[str]) -> csr_matrix:
        """Return one weighted, stacked feature row per text."""
        blocks = []
        for space, weight in self.weights.items():
            rows = self._vectorizers[space].transform([self._prepare(space, t) for t in texts])
            blocks.append(rows * math.sqrt(weight))
        return hstack(blocks, format="csr")

    def need_offer_matrix(self, needs: Sequence[str], offers: Sequence[str]) -> np.ndarray:
        """Return a needs x offers array of similarities in [0, 1]."""
        if len(needs) == 0 or len(offers) == 0:
            return np.zeros((len(needs), len(offers)))
        # Vectorise each distinct text once; events repeat texts (and needs meet offers).
        unique = {t: k for k, t in enumerate(dict.fromkeys([*needs, *offers]))}
        feats = self._features(list(unique))
        rows = feats[[unique[t] for t in needs]]
        cols = feats[[unique[t] for t in offers]]
        return np.clip((rows @ cols.T).toarray(), 0.0, 1.0)

    def similarity(self, need: str, offer: str) -> float:
        """Return how well one offer meets one need, in [0, 1]."""
        return float(self.need_offer_matrix([need], [offer])[0, 0])

    def matches(self, need: str, offer: str) -> bool:
        """Return True when the offer meets the need (similarity at or above threshold)."""
        return self.similarity(need, offer) >= self.threshold
