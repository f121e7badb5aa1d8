"""People's names in lists: one sort key for the guest list, RSVPs, check-in, door list, exports.

Collation is the Unicode Collation Algorithm (pyuca): accents don't change the letter
("Ødegaard" files with O), Latin comes before Greek, Cyrillic, then Chinese, Japanese and
Korean. Surnames and their particles come from nameparser: "Ludwig van Beethoven" shows
"van Beethoven" and files under B, "Van Morrison" files under M. East Asian names are
written family name first, so their first word (or first character) is the surname.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from nameparser import HumanName
from nameparser.config import CONSTANTS
from pyuca import Collator

_EAST_ASIAN = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")
_APOSTROPHES = "'’‘`´"
# Words that make a name worth nameparser's full parse (about 0.4 ms a name).
_SPECIAL = CONSTANTS.prefixes | CONSTANTS.titles | CONSTANTS.suffix_acronyms
_SPECIAL = _SPECIAL | CONSTANTS.suffix_not_acronyms | CONSTANTS.conjunctions


@cache
def _collator() -> Collator:
    """Load the collation table once, on first use (about 0.3 s)."""
    return Collator()


def collation_key(text: str) -> tuple[int, ...]:
    """Return the Unicode collation key of text, ignoring case."""
    return _collator().sort_key(" ".join(text.split()).casefold())


def _east_asian(name: str) -> bool:
    first = next((ch for ch in name if ch.isalpha()), None)
    return first is not None and unicodedata.name(first, "").startswith(_EAST_ASIAN)


def _simple(words: list[str]) -> bool:
    return not any("," in w or "." in w or w.lower() in _SPECIAL for w in words)


@lru_cache(maxsize=16384)
def split_name(name: str) -> tuple[str, str]:
    """Return (surname, given names) as written, e.g. ("van Beethoven", "Ludwig")."""
    name = " ".join(name.split())
    words = name.split(" ")
    if _east_asian(name):
        return (name[:1], name[1:]) if len(words) == 1 else (words[0], " ".join(words[1:]))
    parsed = None if _simple(words) else HumanName(name)
    if parsed is None or not parsed.last:  # plain names, "Madonna", or what nameparser can't
        return words[-1], " ".join(words[:-1])
    return parsed.last, " ".join(filter(None, (parsed.first, parsed.middle)))


def display_parts(name: str) -> tuple[str, str]:
    """Return (surname, given) for an A–Z list; East Asian names stay whole, as written."""
    if _east_asian(name):
        return " ".join(name.split()), ""
    return split_name(name)


def last_name(name: str) -> str:
    """Return the surname as it should be shown: "van Beethoven", "李"."""
    return split_name(name)[0]


def _filed_under(surname: str) -> str:
    """Drop particles ("van", "al-") and apostrophes: what the surname is filed under."""
    words = surname.split()
    while len(words) > 1 and words[0].lower() in CONSTANTS.prefixes:
        words.pop(0)
    word = " ".join(words)
    head, dash, rest = word.partition("-")
    if dash and rest and f"{head.lower()}-" in CONSTANTS.prefixes:
        word = rest
    return "".join(ch for ch in word if ch not in _APOSTROPHES)


@lru_cache(maxsize=16384)
def sort_key(name: str) -> tuple:
    """Return the key that files a name by surname, then given names."""
    surname, given = split_name(name)
    return (collation_key(_filed_under(surname)), collation_key(given), name)


def natural_key(label: str) -> tuple:
    """Return the key that orders labels with numbers as people count: Table 2 before Table 10."""
    parts = re.split(r"(\d+)", label.casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def index_letter(name: str) -> str:
    """Return the heading a name is listed under: 'B' for van Beethoven, '李', '#'."""
    filed = _filed_under(last_name(name))
    if not filed or not filed[0].isalpha():
        return "#"
    first = filed[0].upper()
    # Letters Unicode does not decompose (Ø, Ł) share their base letter's primary weight.
    latin = _latin_letters().get(collation_key(first)[0])
    return latin or unicodedata.normalize("NFKD", first)[0]


@cache
def _latin_letters() -> dict[int, str]:
    """Map the primary collation weight of each letter A–Z to the letter."""
    return {collation_key(c)[0]: c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def by_name(person) -> tuple:
    """Sort key for anything with .name and .id (guests): by name, then id."""
    return (sort_key(person.name), person.id)


def fold(text: str) -> str:
    """Return text casefolded and without accents, so 'Ødegaard' matches 'odegaard'.

    For searching what someone typed (the check-in search); sorting uses sort_key.
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text).casefold())
    text = text.replace("ø", "o").replace("ł", "l")
    return "".join(ch for ch in text if not unicodedata.combining(ch))
