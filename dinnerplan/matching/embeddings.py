"""An optional sentence-embedding signal for reading free text into help topics.

Off by default: nothing is downloaded or loaded unless a deployment sets
`MATCHING_EMBEDDINGS` (README), e.g. ``model2vec:minishlab/potion-multilingual-128M`` (a
Hugging Face model id the library fetches, or a local folder) or
``sentence-transformers:paraphrase-multilingual-MiniLM-L12-v2``. The library is imported only
then (``pip install model2vec`` or ``sentence-transformers``).

The encoder embeds every example phrasing of every topic once, per side; a clause of a
guest's text is then compared with them, and a topic whose nearest example is close enough
becomes a guess **where the lexicon found nothing** — capped below the strength that shows a
reason, so an embedding alone nudges seating and suggests chips but never tells a guest
"X can help you". A static embedding model bundled with its weights (WordLlama) measured no
better than TF-IDF on hand-written lists (issue 11), so this stays a plug-in until a model
earns more on a deployment's own lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np

from dinnerplan.matching.catalogue import Topic
from dinnerplan.matching.phrases import flat

EMBED_FLOOR = 0.6  # a nearest example below this cosine says nothing
EMBED_MAX = 0.7  # an embedding guess alone is never sure (reasons need two sure topics)
LIBRARIES = ("model2vec", "sentence-transformers")


class Encoder(Protocol):
    """What the reader needs of an embedding library: texts in, one vector per text out."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return one row per text."""
        ...


class EmbeddingsError(RuntimeError):
    """The configured embedding model cannot be loaded; the message says why and what to do."""


def load_encoder(spec: str) -> Encoder:
    """Load ``library:model`` (a model id the library may fetch, or a local folder)."""
    library, sep, model = (spec or "").partition(":")
    if not sep or library not in LIBRARIES or not model.strip():
        raise EmbeddingsError(
            f"MATCHING_EMBEDDINGS must be 'model2vec:MODEL' or 'sentence-transformers:MODEL' "
            f"(a model id or a local folder), not {spec!r}."
        )
    try:
        if library == "model2vec":
            from model2vec import StaticModel

            return StaticModel.from_pretrained(model.strip())
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(model.strip())
    except ImportError as exc:
        raise EmbeddingsError(
            f"MATCHING_EMBEDDINGS names {library}, which is not installed: pip install {library}"
        ) from exc
    except Exception as exc:  # a library's own errors: missing files, no network, bad format
        raise EmbeddingsError(f"could not load the embedding model {model!r}: {exc}") from exc


def _unit(rows: np.ndarray) -> np.ndarray:
    rows = np.asarray(rows, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms == 0, 1, norms)


class TopicEmbeddings:
    """Every topic's example phrasings, embedded once per side."""

    def __init__(self, encoder: Encoder, topics: Iterable[Topic]) -> None:
        self.encoder = encoder
        self.ids: list[str] = []
        texts: list[str] = []
        owner: dict[str, list[int]] = {"need": [], "offer": []}
        rows: dict[str, list[int]] = {"need": [], "offer": []}
        for k, t in enumerate(topics):
            self.ids.append(t.id)
            for side, terms, examples in (
                ("need", t.need_terms, t.need_examples),
                ("offer", t.offer_terms, t.offer_examples),
            ):
                for phrase in dict.fromkeys([t.name, *flat(t.terms, terms, examples)]):
                    owner[side].append(k)
                    rows[side].append(len(texts))
                    texts.append(phrase)
        vectors = _unit(encoder.encode(texts)) if texts else np.zeros((0, 1), np.float32)
        self.examples = {side: vectors[rows[side]] for side in owner}
        self.owner = {side: np.array(owner[side], dtype=int) for side in owner}

    def similarity(self, texts: Sequence[str], sides: Sequence[str]) -> np.ndarray:
        """Return (texts × topics): each topic's nearest example cosine, on the text's side."""
        out = np.zeros((len(texts), len(self.ids)), dtype=np.float32)
        if not len(texts):
            return out
        vectors = _unit(self.encoder.encode(list(texts)))
        for side in ("need", "offer"):
            which = [n for n, s in enumerate(sides) if s == side]
            if not which or not len(self.owner[side]):
                continue
            cos = vectors[which] @ self.examples[side].T  # (texts of this side × examples)
            best = np.zeros((len(which), len(self.ids)), dtype=np.float32)
            np.maximum.at(best.T, self.owner[side], cos.T)
            out[which] = best
        return out

    def guesses(self, row: np.ndarray, limit: int = 2) -> dict[str, float]:
        """The topics one clause's similarity row names, at most `limit`, capped at EMBED_MAX."""
        order = np.argsort(row)[::-1][:limit]
        return {
            self.ids[k]: round(min(EMBED_MAX, float(row[k])), 3)
            for k in order
            if row[k] >= EMBED_FLOOR
        }
