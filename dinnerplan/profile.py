"""Profile vocabulary shared by forms, imports and emails: intents and dietary options."""

from __future__ import annotations

# Why a guest is coming (tablemates see it, so intentions are up front): one list, in matching.
from dinnerplan.matching.intents import INTENTS

__all__ = ["DIETARY", "INTENTS", "clean_items", "intent_label", "join_items", "split_items"]

DIETARY: dict[str, str] = {
    "vegetarian": "Vegetarian",
    "vegan": "Vegan",
    "pescatarian": "Pescatarian",
    "gluten_free": "Gluten-free",
    "dairy_free": "Dairy-free",
    "nut_allergy": "Nut allergy",
    "shellfish_allergy": "Shellfish allergy",
    "halal": "Halal",
    "kosher": "Kosher",
    "no_alcohol": "No alcohol",
}

MAX_ITEMS = 5
MAX_ITEM_LENGTH = 120


def intent_label(key: str | None) -> str:
    """Human label for an intent key ('' when unset)."""
    return INTENTS.get(key or "", "")


def clean_items(values) -> list[str]:
    """Trim, drop empties and case-insensitive duplicates, keep order, cap count and length."""
    seen: set[str] = set()
    out: list[str] = []
    for value in values or ():
        if value is None:  # a field left out of a crafted POST
            continue
        text = " ".join(str(value).split())[:MAX_ITEM_LENGTH]
        if text and text.lower() not in seen:
            seen.add(text.lower())
            out.append(text)
    return out[:MAX_ITEMS]


SEPARATORS = frozenset(";|\n")
OPENERS = {"(": ")", "[": "]", "{": "}", '"': '"', "“": "”"}


def split_items(text: str | None) -> list[str]:
    """Split a free-text cell ('a; b | c' or one per line) into profile items.

    A separator inside brackets or quotes belongs to the item: "Payments compliance
    (PSD2; PCI)" stays one offer, and so does '"sales; marketing"' (its quotes dropped).
    """
    if not text:
        return []
    items, current, closers = [], [], []
    for char in text:
        if closers and char == closers[-1]:
            closers.pop()
        elif char in OPENERS and not (closers and closers[-1] in ('"', "”")):
            closers.append(OPENERS[char])
        elif char in SEPARATORS and not closers:
            items.append("".join(current))
            current = []
            continue
        current.append(char)
    items.append("".join(current))
    if closers:  # an unclosed bracket or quote: it guards nothing, split everywhere
        items = text.translate({ord(sep): ";" for sep in SEPARATORS}).split(";")
    return clean_items(_unquote(item) for item in items)


def _unquote(item: str) -> str:
    """Drop the quotes around a whole item ('"a; b"' -> 'a; b')."""
    text = item.strip()
    if len(text) >= 2 and OPENERS.get(text[0]) == text[-1] and text[0] in ('"', "“"):
        return text[1:-1]
    return text


def join_items(items) -> str:
    """Join profile items into one cell that split_items reads back the same ('a; "b; c"')."""
    out = []
    for item in items or ():
        if split_items(item) != [item]:
            item = '"' + item.replace('"', "'") + '"'
        out.append(item)
    return "; ".join(out)
