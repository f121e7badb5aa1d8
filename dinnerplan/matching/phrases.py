"""Lexicon helpers: plural folding, one-typo variants and how specific a phrase is."""

from __future__ import annotations

from dinnerplan.matching.catalogue import fold


def flat(*groups) -> list[str]:
    """Return every phrase of these {language: phrases} mappings."""
    return [p for group in groups for phrases in group.values() for p in phrases]


def singular(gram: str) -> str:
    """Return a phrase with a plural ending taken off its last word."""
    if gram.endswith("ies") and len(gram) > 4:
        return gram[:-3] + "y"
    if gram.endswith("es") and gram[-3:-2] in "sxz" and len(gram) > 4:
        return gram[:-2]
    return gram[:-1] if gram.endswith("s") and len(gram) > 3 else gram


def specificity(topics, lexicon: dict[str, dict[str, set[str]]], levels) -> dict[str, float]:
    """Return each one-word phrase's confidence by how many other topics use that word."""
    words_of = {}
    for t in topics:
        texts = [t.name, t.description, *flat(t.terms, t.need_terms, t.offer_terms)]
        texts += flat(t.need_examples, t.offer_examples)
        words_of[t.id] = set(fold(" ".join(texts)).split())
    conf = {}
    for phrase in {p for side in lexicon.values() for p in side}:
        if " " in phrase:
            continue
        owners = {tid for side in lexicon.values() for tid in side.get(phrase, ())}
        others = sum(phrase in words for tid, words in words_of.items() if tid not in owners)
        others += len(owners) - 1
        conf[phrase] = levels[min(others, len(levels) - 1)]
    return conf


def deletions(lexicon: dict[str, set[str]]) -> dict[str, set[str]]:
    """Return one-word phrases of five letters or more under each one-letter deletion."""
    table: dict[str, set[str]] = {}
    for phrase, topics in lexicon.items():
        if " " in phrase or len(phrase) < 5:
            continue
        for variant in (phrase, *(phrase[:k] + phrase[k + 1 :] for k in range(len(phrase)))):
            table.setdefault(variant, set()).update(topics)
    return table


def english_words(topics) -> set[str]:
    """Return every word of the topics' English phrasings (spelled right by definition)."""
    groups = ("terms", "need_terms", "offer_terms", "need_examples", "offer_examples")
    return {
        w
        for t in topics
        for g in groups
        for p in getattr(t, g).get("en", ())
        for w in fold(p).split()
    }
