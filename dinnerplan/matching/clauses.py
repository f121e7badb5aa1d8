"""Cut a guest's text into clauses: sentences, then parts joined by ", and" and the like.

"need a CFO type and someone who gets SOC 2" gives two clauses; "sales and marketing
help" stays one (a cut needs two words or more on both sides).
"""

from __future__ import annotations

import re

from dinnerplan.matching.catalogue import fold

MAX_CHARS = 2000  # longer texts are read up to here (a pasted CV should not stall a page)
_STRONG = re.compile(r"(?:(?<!\d)\.|\.(?!\d)|[;!?\n\r•·|()\[\]])+|\s[-–—/+]\s|\s*\d+[.)]\s")
_SOFT = re.compile(
    r",|\s(?:and also|as well as|and|plus|also|und|sowie|et|ainsi que|y|oraz|or|ou)\s"
)


def clauses(text: str) -> list[str]:
    """Split a text into clauses: sentences, then ", and"-joined parts of two words or more.

    A clause that starts a sentence is marked with a leading NUL (cues reset there).
    """
    out: list[str] = []
    for sentence in _STRONG.split(text[:MAX_CHARS]):
        parts = [p.strip(" ,:-*\t\"'“”") for p in _merge(sentence)]
        parts = [p for p in parts if fold(p)]
        if parts:
            out.append("\x00" + parts[0])
            out.extend(parts[1:])
    return out


def _merge(sentence: str) -> list[str]:
    """Return a sentence cut at soft joins, keeping only cuts between two-word parts."""
    cuts = [(m.start(), m.end()) for m in _SOFT.finditer(sentence)]
    pieces, begin = [], 0
    for start, end in [*cuts, (len(sentence), len(sentence))]:
        left = sentence[begin:start]
        next_cut = next((c for c in cuts if c[0] >= end), (len(sentence), 0))[0]
        right = sentence[end:next_cut]
        if start == len(sentence) or (
            len(fold(left).split()) >= 2 and len(fold(right).split()) >= 2
        ):
            pieces.append(sentence[begin:start])
            begin = end
    return pieces
