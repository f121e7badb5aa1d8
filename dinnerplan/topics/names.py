"""Topic names as people type them: compare without case or accents, resolve to an id.

Pure (no Flask, no database), so the CSV importer can use it.
"""

from __future__ import annotations

import re
import unicodedata

from dinnerplan.matching.topics import Catalogue


def fold(text: str) -> str:
    """Lower-case words without accents or punctuation: 'Books, & Tax' -> 'books and tax'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("&", " and "))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", plain).split())


def resolve_topic(text: str, catalogue: Catalogue) -> str | None:
    """Return the id of the topic written as its id or its name, or None."""
    text = text.strip()
    if catalogue.get(text):
        return text
    wanted = fold(text)
    if not wanted:
        return None
    for topic in catalogue.topics.values():
        if fold(topic.name) == wanted or fold(topic.id) == wanted:
            return topic.id
    return None
