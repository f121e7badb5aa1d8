"""Cut a guest's text into clauses: sentences, then parts joined by ", and" and the like.

"need a CFO type and someone who gets SOC 2" gives two clauses; "sales and marketing
help" stays one (a cut needs two words or more on both sides).
"""

from __future__ import annotations

import re

import dinnerplan.matching.cues as cues
import dinnerplan.matching.turns as turns
from dinnerplan.matching.catalogue import fold

MAX_CHARS = 2000  # longer texts are read up to here (a pasted CV should not stall a page)
_STRONG = re.compile(r"(?:(?<!\d)\.|\.(?!\d)|[;!?\n\r•·|])+|\s*\d+[.)]\s")
# " - ", " / ", " + " and brackets cut a sentence but keep its cues: "my next role - data
# eng / ML eng" is one job hunt, not a job hunt and two hires; "hiring staff backend (Go),
# 2x SRE" still hires after the bracket.
_DASH = re.compile(r"\s[-–—/+]\s|\s*[()\[\]]+\s*")
_SOFT = re.compile(
    r",|\s(?:and also|as well as|and|plus|also|und|sowie|et|ainsi que|y|oraz|or|ou)\s"
)


def clauses(text: str) -> list[str]:
    """Split a text into clauses: sentences, then ", and"-joined parts of two words or more.

    A clause that starts a sentence is marked with a leading NUL (cues reset there).
    """
    out: list[str] = []
    for sentence in _STRONG.split(text[:MAX_CHARS]):
        parts = [p for piece in _DASH.split(sentence) for p in _merge(piece)]
        parts = [p.strip(" ,:-*\t\"'“”") for p in parts]
        parts = [p for p in parts if fold(p)]
        if parts:
            out.append("\x00" + parts[0])
            out.extend(parts[1:])
    return out


def _merge(sentence: str) -> list[str]:
    """Return a sentence cut at soft joins, keeping only cuts between two-word parts."""
    cuts = [(m.start(), m.end()) for m in _SOFT.finditer(sentence)]
    parts, begin = [], 0
    for start, end in [*cuts, (len(sentence), len(sentence))]:
        left = sentence[begin:start]
        next_cut = next((c for c in cuts if c[0] >= end), (len(sentence), 0))[0]
        right = sentence[end:next_cut]
        if start == len(sentence) or (
            len(fold(left).split()) >= 2 and len(fold(right).split()) >= 2
        ):
            parts.append(sentence[begin:start])
            begin = end
    return parts


def pieces(text: str, box: str) -> list[tuple[str, str, str, bool]]:
    """Return (clause, folded clause with inherited cues, side, bare) for one text.

    A clause inherits its sentence's side, its hiring or job-hunting cue ("Hiring a designer
    and two developers"; a cue clause naming no role is dropped once a later one names one),
    and its buying or selling word when it names food ("we buy direct from small producers
    - wine, cheese"). `bare` marks a clause that inherited a cue but names no role ("seed
    to series B" after "hiring"): the cue qualifies it, it is not a hire of its own.
    """
    out, side, lead, role, header, trade = [], box, "", "", None, ""
    for clause in clauses(text):
        start = clause.startswith("\x00")
        clause = clause.lstrip("\x00")
        folded = fold(clause)
        if start:
            side, lead, role, header, trade = box, "", "", None, ""
        own = cues.OFFER.search(folded) or cues.NEED.search(folded)
        side = cues.side_of(folded, box) if own or start else side
        offered = (start and cues.JOBS_OFFERED.search(folded)) or cues.JOBS_GOING.search(folded)
        if side == "offer" and offered and not cues.HIRE.search(folded):
            folded = f"hiring {folded}"  # "jobs lol - 2x Rust backend": jobs offered
        mode = cues.HIRE.search(folded) or cues.JOB.search(folded)
        names = bool(cues.roles_in(folded) or cues.skills_in(folded))
        bare = bool(lead) and not mode and not names
        if mode:
            lead = mode.group(0)
            if not cues.roles_in(folded) and cues.roles_in(role):
                folded = f"{role} {folded}"  # "senior engineer, open to new roles"
            header = None if cues.roles_in(folded) or cues.skills_in(folded) else len(out)
        elif lead:
            folded = f"{lead} {folded}"  # "Hiring a designer and two developers"
            if header is not None and names:
                # "my next role - data eng / ML eng": the header names no role itself
                out[header], header = None, None
        role = folded if cues.roles_in(folded) else role
        # "we buy direct from small producers - wine, cheese, salumi": still buying
        turned = (turns.TAKERS if side == "need" else turns.BUYERS).search(folded)
        if turned:
            trade = turned.group(0)
        elif trade and turns.PRODUCE.search(folded):
            folded = f"{trade} {folded}"
        out.append((clause, folded, side, bare))
    return [p for p in out if p is not None]
