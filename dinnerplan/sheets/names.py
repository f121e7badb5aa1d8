"""Filing names for printed lists: surname, sort key and index letter, without ICU.

Rules a check-in desk expects: "Ludwig van Beethoven" files under B but shows "van Beethoven";
accents don't change the letter ("Ødegaard" with O, "Zoë" with Z); Latin names come first,
then Greek, then Cyrillic (sorted among themselves), then Chinese, Japanese and Korean names,
which are written family name first, so their first character is the surname.
"""

from __future__ import annotations

import unicodedata

# Lower-case words that belong to the surname but are ignored when filing it.
PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "del", "della", "delle", "dei", "des", "di", "da"}
    | {
        "das",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "lo",
        "ten",
        "ter",
        "bin",
        "ibn",
        "al",
        "el",
        "st",
        "st.",
    }
)
# Written after a name, not part of the surname.
SUFFIXES = frozenset(
    {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d.", "esq", "esq."}
)
# Letters that Unicode does not decompose into a base letter plus an accent.
_FOLD = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i", "ħ": "h"}
)
_APOSTROPHES = "'’‘`´"

LATIN, GREEK, CYRILLIC, OTHER, EAST_ASIAN, NO_LETTER = range(6)


def script_of(text: str) -> int:
    """Return the rank of the script of the first letter in text (Latin ranks first)."""
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        for prefix, rank in (("LATIN", LATIN), ("GREEK", GREEK), ("CYRILLIC", CYRILLIC)):
            if name.startswith(prefix):
                return rank
        if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
            return EAST_ASIAN
        return OTHER
    return NO_LETTER


def split_name(name: str) -> tuple[str, str]:
    """Return (surname, given names) as written, e.g. ("van Beethoven", "Ludwig")."""
    name = " ".join(name.split())
    if script_of(name) == EAST_ASIAN:
        head, _, rest = name.partition(" ")
        return (name[0], name[1:]) if not rest else (head, rest)
    words = name.replace(",", " , ").split()
    while len(words) > 1 and words[-1].lower() in SUFFIXES | {","}:
        words.pop()
    if "," in words:  # "Beethoven, Ludwig van": surname first, as lists write it
        comma = words.index(",")
        return " ".join(words[:comma]), " ".join(w for w in words[comma + 1 :] if w != ",")
    if len(words) < 2:
        return " ".join(words), ""
    start = len(words) - 1
    # A particle joins the surname only when a given name stays in front of it ("Van Morrison").
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[start:]), " ".join(words[:start])


def display_parts(name: str) -> tuple[str, str]:
    """Return (surname, given) for an A–Z list; East Asian names stay whole, as written."""
    if script_of(name) == EAST_ASIAN:
        return " ".join(name.split()), ""
    return split_name(name)


def last_name(name: str) -> str:
    """Return the surname as it should be shown: "van Beethoven", "李"."""
    return split_name(name)[0]


def _filing_word(surname: str) -> str:
    """Drop leading particles (and Arabic 'al-'), keep what the surname is filed under."""
    words = surname.split()
    while len(words) > 1 and words[0].lower() in PARTICLES:
        words.pop(0)
    word = " ".join(words)
    for prefix in ("al-", "el-"):
        if word.lower().startswith(prefix) and len(word) > len(prefix):
            word = word[len(prefix) :]
    return word


def fold(text: str) -> str:
    """Casefold and strip accents so 'Ødegaard' ~ 'odegaard'; keep Cyrillic letters whole."""
    text = unicodedata.normalize("NFC", text).casefold()
    if script_of(text) == EAST_ASIAN:  # NFKD would split Hangul syllables into jamo
        return text
    if script_of(text) == CYRILLIC:
        # Й is its own letter in Russian; only ё files with е.
        return "".join(ch for ch in text.replace("ё", "е") if ch.isalnum() or ch == " ")
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(ch for ch in text if ch.isalnum() or ch == " ").strip()


def sort_key(name: str) -> tuple:
    """Return a key that files names by surname, script first, then given names."""
    surname, given = split_name(name)
    filed = _filing_word(surname)
    for mark in _APOSTROPHES:  # O'Brien files as OBrien
        filed = filed.replace(mark, "")
    return (script_of(filed), fold(filed), fold(given), fold(surname), name)


def index_letter(name: str) -> str:
    """Return the heading a name is listed under: 'B' for van Beethoven, '李', '#'."""
    _, filed, *_ = sort_key(name)
    if not filed or not filed[0].isalpha():
        return "#"
    return filed[0].upper()
