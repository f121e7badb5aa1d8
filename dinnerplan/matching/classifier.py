"""A trained text classifier: how likely a clause is about each help topic, per side.

Trained once per process, at first use, on every phrase and example sentence of the
catalogue (data/examples/*.toml) and on the labelled corpus data/corpus/*.jsonl when
present (lines {"topic", "side", "lang", "text"}, optional "weight": how many times the
line counts). Features: TF-IDF word 1-2-grams and character 3-4-grams within words, on
folded text; model: one logistic regression per topic and side (SGD, log loss), so a
clause may be about several topics or none. No pickles: the model is rebuilt from the data
(docs/matching.md gives the training time), or loaded from plain arrays a process saved
before (model_cache).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier

from dinnerplan.matching.catalogue import DATA, Topic, fold, load_catalogue
from dinnerplan.matching.model_cache import key as cache_key
from dinnerplan.matching.model_cache import load as cache_load
from dinnerplan.matching.model_cache import save as cache_save

log = logging.getLogger(__name__)

SIDES = ("need", "offer")
CHAR = (3, 4)  # character n-grams within words (2-5 read no better and trained 2x slower)
CHAR_W = 0.5  # share of the character space in the features
ALPHA = 2e-6  # L2 strength of the SGD logistic regressions
EPOCHS = 5  # 15 read no better and trained 3x slower
SEED = 7


def corpus_lines(folder: Path = DATA / "corpus") -> list[dict]:
    """Return the labelled corpus lines found under `folder` (none when it is absent)."""
    out = []
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else ():
        for line in path.read_text("utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if (
                isinstance(row, dict)
                and row.get("side") in SIDES
                and isinstance(row.get("topic"), str)
                and isinstance(row.get("text"), str)
                and row["text"].strip()
            ):
                out.append(row)
    return out


def training_rows(topics: Iterable[Topic], corpus: Sequence[dict]) -> list[tuple[str, str, str]]:
    """Return (side, topic id, text) for every phrase, example and known corpus line."""
    rows: list[tuple[str, str, str]] = []
    known = set()
    for t in topics:
        known.add(t.id)
        for side, groups in (
            ("need", (t.terms, t.need_terms, t.need_examples)),
            ("offer", (t.terms, t.offer_terms, t.offer_examples)),
        ):
            rows += [(side, t.id, p) for g in groups for ps in g.values() for p in ps]
    known.add("none")  # corpus lines about no topic: negatives for every topic
    for r in corpus:
        if r.get("topic") in known:
            rows += [(r["side"], r["topic"], r["text"])] * _weight(r)
    return rows


def _weight(row: dict) -> int:
    """Return how many times a corpus line counts: its "weight" (1-10), else once."""
    weight = row.get("weight", 1)
    return weight if isinstance(weight, int) and 1 <= weight <= 10 else 1


def vectorizer(part: str, vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
    """Return the word or character TF-IDF vectorizer (a fixed vocabulary: already fitted)."""
    common = {"sublinear_tf": True, "dtype": np.float32, "vocabulary": vocabulary}
    if part == "word":
        return TfidfVectorizer(ngram_range=(1, 2), **common)
    return TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR, **common)


class Classifier:
    """Per side, a TF-IDF space and one logistic regression per topic."""

    def __init__(self, rows: Sequence[tuple[str, str, str]]) -> None:
        docs = [fold(text) for _, _, text in rows]
        self.word, self.char = vectorizer("word"), vectorizer("char")
        features = self._weigh(self.word.fit_transform(docs), self.char.fit_transform(docs))
        # Per side: features x classes weights (C-ordered, so a product does not copy them),
        # intercepts and class names.
        self.models: dict[str, tuple[np.ndarray, np.ndarray, list[str]]] = {}
        for side in SIDES:
            rows_of = [k for k, (s, _, _) in enumerate(rows) if s == side]
            model = SGDClassifier(
                loss="log_loss",
                alpha=ALPHA,
                max_iter=EPOCHS,
                tol=None,
                random_state=SEED,
                n_jobs=-1,  # one binary model per topic, fit on every core (threads): 9.5 s -> 5 s
            )
            model.fit(features[rows_of], [rows[k][1] for k in rows_of])
            coef = np.ascontiguousarray(model.coef_.T, dtype=np.float32)
            self.models[side] = (coef, model.intercept_.astype(np.float32), list(model.classes_))

    @classmethod
    def from_parts(cls, parts: dict) -> Classifier:
        """Return a classifier made of saved parts (model_cache.load) instead of training."""
        self = cls.__new__(cls)
        self.word, self.char, self.models = parts["word"], parts["char"], parts["models"]
        return self

    @staticmethod
    def _weigh(words, chars):
        """Return word and character TF-IDF side by side, each weighted."""
        share = np.sqrt(np.float32([1 - CHAR_W, CHAR_W]))  # float32: no copy of the weights
        return hstack([words * share[0], chars * share[1]], format="csr", dtype=np.float32)

    def _features(self, folded: Sequence[str]):
        """Return one row per folded text: word and character TF-IDF side by side."""
        return self._weigh(self.word.transform(folded), self.char.transform(folded))

    def proba(self, folded: Sequence[str], side: str, ids: Sequence[str]) -> np.ndarray:
        """Return texts x ids: each topic's own probability (NaN for topics it never saw)."""
        out = np.full((len(folded), len(ids)), np.nan, dtype=np.float32)
        if not folded:
            return out
        coef, intercept, classes = self.models[side]
        margin = np.asarray(self._features(folded) @ coef) + intercept
        if len(classes) == 2:  # one model for two classes (a tiny training set)
            margin = np.hstack([-margin, margin])
        p = 1.0 / (1.0 + np.exp(-margin))
        col = {t: k for k, t in enumerate(classes)}
        for k, topic in enumerate(ids):
            if topic in col:
                out[:, k] = p[:, col[topic]]
        return out


_LOCK = threading.Lock()
_TRAINED: dict[str, Classifier] = {}
_CACHE: list[Path | None] = [None]  # where trained models are kept (None: nowhere)


def use_cache(folder: str | Path | None) -> None:
    """Keep the trained model in this folder (model_cache) from now on; None: train each time."""
    _CACHE[0] = Path(folder) if folder else None


def trained() -> Classifier:
    """Return the classifier of the built-in catalogue and corpus, trained once per process.

    With a cache folder (use_cache), a model trained from the same rows by any process before
    is loaded from it instead, and a newly trained one is saved there.
    """
    with _LOCK:
        if "built-in" not in _TRAINED:
            _TRAINED["built-in"] = _load_or_train(
                training_rows(load_catalogue().topics.values(), corpus_lines())
            )
        return _TRAINED["built-in"]


def per_side(texts: Sequence[tuple[str, str]], ids: Sequence[str]) -> list[np.ndarray | None]:
    """Return the built-in classifier's probabilities over `ids` for each (folded text, side)."""
    out: list[np.ndarray | None] = [None] * len(texts)
    for side in SIDES:
        ks = [k for k, (_, s) in enumerate(texts) if s == side]
        rows = trained().proba([texts[k][0] for k in ks], side, ids) if ks else []
        for k, row in zip(ks, rows, strict=True):
            out[k] = row
    return out


def _load_or_train(rows: Sequence[tuple[str, str, str]]) -> Classifier:
    folder = _CACHE[0]
    if folder is None:
        return Classifier(rows)
    name = cache_key(rows, (CHAR, CHAR_W, ALPHA, EPOCHS, SEED))
    parts = cache_load(folder, name, SIDES, vectorizer)
    if parts is not None:
        return Classifier.from_parts(parts)
    model = Classifier(rows)
    try:
        cache_save(model, folder, name)
    except OSError as exc:  # a read-only or full disk: the model still serves this process
        log.warning("topic reader not cached in %s: %s", folder, exc)
    return model


# How the classifier's probability p combines with what the lexicon, roles and turns read.
SURE_FROM = 0.65  # a read this sure...
AGREE_P = 0.8  # ...that the classifier backs with p >= AGREE_P...
AGREE_CONF = 0.95  # ...becomes this sure (the only reads sure enough for a reason)
CAP = 0.9  # a read the classifier does not back is at most this sure
DISAGREE_P = 0.1  # below this p the classifier disagrees...
DISAGREE = 0.8  # ...and the read's confidence is multiplied by this


# Where nothing else reads a text, a topic the classifier gives p >= ONLY is a guess at
# confidence min(p, ONLY_MAX): never a reason alone (reasons need sure reads), but a chip and
# a row an organizer can confirm instead of "Nothing read" ("Our agency builds iOS and Android
# apps": dev agency, p 0.74). Six seen lists: offers recall 0.72 -> 0.73, precision unchanged,
# true helper ranked first 64.5 -> 64.9 %. Since the tenth round such guesses also stand beside
# what the lexicon reads (reader.BESIDE_P; 23 seen lists: needs P/R 0.56/0.74 -> 0.58/0.76).
ONLY = 0.5
ONLY_MAX = 0.7


def guesses(probs, ids: Sequence[str], least: float = ONLY) -> dict[str, float]:
    """Return {topic: confidence} of what the classifier alone reads in one text's row."""
    row = np.nan_to_num(probs)
    return {ids[k]: round(min(float(row[k]), ONLY_MAX), 3) for k in np.flatnonzero(row >= least)}


def combine(scores: dict[str, float], probs, index) -> dict[str, float]:
    """Return a clause's topic confidences with the classifier's view combined in."""
    out = {}
    for topic, conf in scores.items():
        p = float(probs[index[topic]])
        if np.isnan(p):  # a topic the classifier never saw (an organizer's own)
            out[topic] = conf
        elif conf >= SURE_FROM and p >= AGREE_P:
            out[topic] = max(conf, AGREE_CONF)
        elif p < DISAGREE_P:
            out[topic] = min(conf, CAP) * DISAGREE
        else:
            out[topic] = min(conf, CAP)
    return out
