"""Profile vocabulary shared by forms, imports and emails: intents and dietary options."""

from __future__ import annotations

# Why a guest is coming (tablemates see it, so intentions are up front): one list, in matching.
from dinnerplan.matching.intents import INTENTS

__all__ = ["DIETARY", "INTENTS", "clean_items", "intent_label", "split_items"]

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


def split_items(text: str | None) -> list[str]:
    """Split a free-text cell ('a; b | c' or one per line) into profile items."""
    if not text:
        return []
    for sep in ("\n", "|"):
        text = text.replace(sep, ";")
    return clean_items(text.split(";"))
