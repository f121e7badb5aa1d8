"""Help topics: what guests can need and offer, which topics meet which, and search.

The built-in catalogue is data (data/topics.toml, example phrasings per language in
data/examples/). A need of topic T is met by an offer of any topic in T's `met_by`.
An organizer shapes it per event with `Catalogue.customised` (add, rename, hide).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType

DATA = Path(__file__).parent / "data"
_SLUG = re.compile(r"^custom-[a-z0-9][a-z0-9-]{0,60}$")


def fold(text: str) -> str:
    """Return text lower-cased, accents removed and punctuation turned into spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ß", "ss").replace("ł", "l").replace("ø", "o").replace("'", "")
    return re.sub(r"[^\w+#&]+", " ", text).strip()


@dataclass(frozen=True)
class Topic:
    """One help topic: a stable id, a name shown to guests, and how it is met."""

    id: str
    name: str
    description: str
    group: str
    met_by: tuple[str, ...]
    examples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Per language: phrases read as a need / as an offer of this topic (reader data).
    need_examples: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    offer_examples: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    need_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    offer_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __hash__(self) -> int:
        """Hash by id (the phrase mappings are not hashable)."""
        return hash(self.id)


class Catalogue:
    """An immutable set of topics in catalogue order, with search and overrides."""

    def __init__(self, topics: Iterable[Topic], hidden: Iterable[str] = ()) -> None:
        self._topics = MappingProxyType({t.id: t for t in topics})
        self.hidden = frozenset(hidden) & set(self._topics)
        self._meets = frozenset((t.id, o) for t in self._topics.values() for o in t.met_by)
        self._index = tuple((t, fold(_search_text(t))) for t in self._topics.values())

    @property
    def topics(self) -> Mapping[str, Topic]:
        """Return every topic by id, in catalogue order (hidden ones included)."""
        return self._topics

    @property
    def visible(self) -> list[Topic]:
        """Return the topics that may be suggested and read (not hidden)."""
        return [t for t in self._topics.values() if t.id not in self.hidden]

    def get(self, topic_id: str) -> Topic | None:
        """Return the topic with this id, or None."""
        return self._topics.get(topic_id)

    def meets(self, need_id: str, offer_id: str) -> bool:
        """Return True when an offer of `offer_id` meets a need of `need_id`."""
        return (need_id, offer_id) in self._meets

    def search(self, query: str, limit: int = 10) -> list[Topic]:
        """Return visible topics whose name, description or examples match every word."""
        words = fold(query or "").split()
        if not words:
            return []
        ranked = []
        for order, (topic, text) in enumerate(self._index):
            if topic.id in self.hidden:
                continue
            name = fold(topic.name)
            if all(re.search(rf"\b{re.escape(w)}", text) for w in words):
                in_name = sum(bool(re.search(rf"\b{re.escape(w)}", name)) for w in words)
                ranked.append((-in_name, order, topic))
        ranked.sort(key=lambda r: r[:2])
        return [t for *_, t in ranked[: max(limit, 0)]]

    def customised(
        self,
        added: Iterable[Mapping] = (),
        renamed: Mapping[str, str] | None = None,
        hidden: Iterable[str] = (),
    ) -> Catalogue:
        """Return this catalogue with an event's added, renamed and hidden topics."""
        topics = dict(self._topics)
        for spec in added or ():
            topic = _custom_topic(spec, topics)
            topics[topic.id] = topic
        for topic_id, name in (renamed or {}).items():
            if topic_id in topics and str(name).strip():
                topics[topic_id] = replace(topics[topic_id], name=str(name).strip())
        return Catalogue(topics.values(), hidden=(*self.hidden, *(hidden or ())))


def _search_text(topic: Topic) -> str:
    """Return everything search looks at for one topic."""
    parts = [topic.name, topic.description, topic.id.replace("_", " ")]
    for group in (topic.examples, topic.terms, topic.need_terms, topic.offer_terms):
        parts += [text for texts in group.values() for text in texts]
    return " | ".join(parts)


def _custom_topic(spec: Mapping, known: Mapping[str, Topic]) -> Topic:
    """Return an organizer's added topic, refusing a bad id or name with ValueError."""
    topic_id = str(spec.get("id", ""))
    name = str(spec.get("name", "")).strip()
    if not _SLUG.match(topic_id):
        raise ValueError(f"an added topic's id must look like 'custom-name', not {topic_id!r}")
    if not name:
        raise ValueError(f"the added topic {topic_id!r} needs a name")
    met_by = tuple(m for m in spec.get("met_by") or () if m in known or m == topic_id)
    examples = tuple(str(e) for e in spec.get("examples") or () if str(e).strip())
    return Topic(
        id=topic_id,
        name=name,
        description=str(spec.get("description", "")).strip(),
        group="This event",
        met_by=met_by or (topic_id,),
        examples=MappingProxyType({"xx": examples}),
        need_examples=MappingProxyType({"xx": examples}),
        offer_examples=MappingProxyType({"xx": examples}),
    )


def _language_data() -> dict[str, dict[str, dict[str, tuple[str, ...]]]]:
    """Return {field: {topic id: {language: phrases}}} from data/examples/*.toml."""
    fields = ("need", "offer", "terms", "need_terms", "offer_terms")
    out: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {f: {} for f in fields}
    for path in sorted((DATA / "examples").glob("*.toml")):
        lang = path.stem
        for topic_id, entry in tomllib.loads(path.read_text("utf-8")).items():
            for f in fields:
                phrases = tuple(entry.get(f, ()))
                if phrases:
                    out[f].setdefault(topic_id, {})[lang] = phrases
    return out


@cache
def load_catalogue() -> Catalogue:
    """Return the built-in catalogue (read once, then cached)."""
    raw = tomllib.loads((DATA / "topics.toml").read_text("utf-8"))["topic"]
    data = _language_data()
    unknown = {tid for f in data.values() for tid in f} - {t["id"] for t in raw}
    if unknown:
        raise ValueError(f"examples for unknown topics: {sorted(unknown)}")
    topics = []
    for t in raw:
        tid = t["id"]
        needs, offers = data["need"].get(tid, {}), data["offer"].get(tid, {})
        examples = {
            lang: (*needs.get(lang, ()), *offers.get(lang, ()))
            for lang in dict.fromkeys([*needs, *offers])
        }
        topics.append(
            Topic(
                id=tid,
                name=t["name"],
                description=t["description"],
                group=t["group"],
                met_by=tuple(t.get("met_by", (tid,))),
                examples=MappingProxyType(examples),
                need_examples=MappingProxyType(needs),
                offer_examples=MappingProxyType(offers),
                terms=MappingProxyType(data["terms"].get(tid, {})),
                need_terms=MappingProxyType(data["need_terms"].get(tid, {})),
                offer_terms=MappingProxyType(data["offer_terms"].get(tid, {})),
            )
        )
    return Catalogue(topics)
