"""The help-topics API the web pages and CLI use: the catalogue, reading and suggestions.

`read` turns a need or an offer into topic guesses (best first, possibly on the other
side: "happy to mentor" typed as a need is an offer); `suggest` gives the chips shown
while a guest types. A reader is built once per catalogue and kept.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

import numpy as np

import dinnerplan.matching.classifier as classifier
from dinnerplan.matching.catalogue import Catalogue, Topic, fold, load_catalogue
from dinnerplan.matching.embeddings import Encoder
from dinnerplan.matching.guesses import TopicGuess
from dinnerplan.matching.reader import Reader

__all__ = [
    "Catalogue",
    "Topic",
    "TopicGuess",
    "load_catalogue",
    "read",
    "reader_for",
    "suggest",
    "use_encoder",
    "warm",
]

_READERS: WeakKeyDictionary[Catalogue, Reader] = WeakKeyDictionary()
_ENCODER: list[Encoder | None] = [None]  # the optional embedding plug-in (embeddings.py)
SIDES = ("need", "offer")
SUGGEST_FLOOR = 0.12  # a chip below this cosine would be noise
CHIP_P = 30.0  # chips after the read topics rank by classifier probability, then TF-IDF


def reader_for(catalogue: Catalogue | None = None) -> Reader:
    """Return the (cached) reader of a catalogue, the built-in one by default."""
    catalogue = catalogue or load_catalogue()
    reader = _READERS.get(catalogue)
    if reader is None:
        reader = _READERS[catalogue] = Reader(catalogue, encoder=_ENCODER[0])
    return reader


def warm() -> None:
    """Build the built-in catalogue's reader and train its classifier now, not on first use.

    Training takes a few seconds once per process (docs/matching.md); a worker does it before
    forking work horses, a served app in the background, so no guest waits for it.
    """
    read("warming up", "need")


def use_encoder(encoder: Encoder | None) -> None:
    """Read with this sentence-embedding encoder from now on (None: without); readers rebuild."""
    if encoder is not _ENCODER[0]:
        _ENCODER[0] = encoder
        _READERS.clear()


def _side(side: str) -> str:
    """Return a valid side or raise ValueError."""
    if side not in SIDES:
        raise ValueError(f"side must be 'need' or 'offer', not {side!r}")
    return side


def read(text: str, side: str, catalogue: Catalogue | None = None) -> list[TopicGuess]:
    """Return the topics read from a need or offer, best first."""
    return reader_for(catalogue).read_many([(text or "", _side(side))])[0]


def suggest(
    text: str, side: str, catalogue: Catalogue | None = None, limit: int = 5
) -> list[TopicGuess]:
    """Return up to `limit` topic chips for a text being typed, best first."""
    reader = reader_for(catalogue)
    guesses = reader.read_many([(text or "", _side(side))])[0]
    chosen = {g.topic for g in guesses}
    folded = fold((text or "")[:500])
    if len(chosen) < limit and folded:
        sims = reader.topic_similarity(folded, side)
        if CHIP_P and "classifier" in reader.signals:
            probs = classifier.trained().proba([folded], side, reader.ids)[0]
            sims = sims + CHIP_P * np.nan_to_num(probs)
        for k in sims.argsort()[::-1]:
            if len(chosen) >= limit or sims[k] < SUGGEST_FLOOR:
                break
            if reader.ids[k] not in chosen:
                chosen.add(reader.ids[k])
                guesses.append(TopicGuess(reader.ids[k], round(float(sims[k]) / 2, 3), side, text))
    return guesses[: max(limit, 0)]
