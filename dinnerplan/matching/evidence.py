"""What each guest needs and offers, as weighted topics with the words to quote.

Confirmed topics (by the guest, the organizer or an import column) weigh 1; topics read
from free text weigh their confidence, less when that side has confirmed topics. The
one-liner is read as an offer ("Partner at a seed fund"). Hiring and job seeking work
both ways: a team hiring engineers also offers a job, an engineer looking for a role
also offers themself, so a hirer and a job seeker meet whichever box they wrote in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import dinnerplan.matching.cues as cues
from dinnerplan.matching.catalogue import Catalogue, fold
from dinnerplan.matching.guesses import TopicGuess
from dinnerplan.matching.schema import Profile
from dinnerplan.matching.topics import reader_for

GUESS_WEIGHT = 1.0  # a guess's weight is its confidence times this...
GUESS_BESIDE_CONFIRMED = 0.4  # ...times this once the guest confirmed any topic (docs)
ONE_LINER_WEIGHT = 0.6  # other one-liners describe a company: right 28 % of the time (docs)
MIRROR_WEIGHT = 0.9  # a hiring need is also a job offered, a job hunt a candidate offered
# Not hire_other/job_other: a chef hire and a first job in ecology are not a match.
MIRRORED = tuple(
    f"{k}_{f}"
    for k in ("hire", "job")
    for f in ("engineering", "sales_marketing", "product_design")
)


def mirrored(topic: str) -> bool:
    """True when needing `topic` also offers it: a hire is a job offered, a job hunt a candidate."""
    return topic.startswith(MIRRORED)


ROLE_MIN_CONFIDENCE = 0.85  # a one-liner or title counts only where the reader is sure
# Seniority and rank words say nothing about what a guest offers: "Co-founder & CEO",
# "Managing Director", "Partner, Corporate" (measured: read as offers they were right
# 10 % of the time; founders and directors are not offers of dealflow or film).
_RANKS = re.compile(
    r"(?<!\w)(?:co ?)?(?:founders?|founding|cofounders?|ceo|cto|coo|cpo|president|"
    r"owner|(?:managing |executive |creative |investment |general )?directors?|"
    r"(?:managing |general |senior |junior )?partners?|principal|associate|head|lead|chief|"
    r"officer|manager|vp|svp|evp|senior|junior|staff|ex|former|gruender\w*|grunder\w*|"
    r"geschaftsfuhrer\w*|fondateur|fondatrice|cofondat\w*|fundador\w*|cofundador\w*|"
    r"oprichter|medeoprichter|fondatore|fondatrice|socio|partenaire|directeur|directrice|"
    r"director[a]?)(?!\w)"
)
# A guest who came for a job seeks one and offers themself (all 24 such guests of the
# development lists); one who came for investors is raising 13 times in 18: a guess.
INTENT_JOB = 0.95  # sure: right for all 24
INTENT_GUESS = 0.7
# Agent nouns name a person's trade: lawyer, investor, accountant, ecologist, technician.
_PROFESSION = re.compile(r"\w{3,}(?:yer|ter|ner|ser|ker|ver|tor|sor|ist|ant|ect|ian|grapher)s?")
PROFESSION_WORDS = 4
PROFESSION_WEIGHT = 1.0
QUOTE_WHOLE = 120  # quote a whole need or offer up to this length when it has one topic
# An investor is not raising: where a guest surely offers investment, a need read as
# fundraising ("pre-seed climate founders", or the "investors" reason for coming) is
# dealflow, or co-investors or mentors they already named (38 of 38 on the seen lists).
INVESTOR_SURE = 0.85
_NOT_DEALFLOW = re.compile(r"(?<!\w)(?:co ?invest\w*|lps?|limited partners|mentors?)(?!\w)")


@dataclass(frozen=True)
class Evidence:
    """One topic a guest needs or offers, how strongly, and their words for it."""

    topic: str
    weight: float
    text: str
    confirmed: bool = False
    is_role: bool = False  # read from the one-liner ("Ana is ...")


@dataclass(frozen=True)
class Sides:
    """A guest's needs and offers: per topic, every piece of evidence, strongest first."""

    needs: dict[str, list[Evidence]]
    offers: dict[str, list[Evidence]]


def _keep(into: dict[str, list[Evidence]], ev: Evidence) -> None:
    """Add evidence for a topic, keeping the list strongest first and texts distinct."""
    found = into.setdefault(ev.topic, [])
    for k, old in enumerate(found):
        if old.text == ev.text:
            if old.weight >= ev.weight:
                return
            del found[k]
            break
    found.append(ev)
    found.sort(key=lambda e: -e.weight)


def _quote(item: str, guess: TopicGuess, guesses: list[TopicGuess]) -> str:
    """Return the words to quote: the whole text when short and about one thing."""
    whole = item.strip()
    if len(whole) <= QUOTE_WHOLE and len({(g.topic, g.side) for g in guesses}) == 1:
        return whole
    return guess.text.strip()


def _families(p: Profile) -> list[str]:
    """Return the role families a guest's one-liner, title and offers name ("Backend dev")."""
    return cues.profile_families(fold(" ".join((p.one_liner, p.title, *p.offers))))


def _with_family(guesses: list[TopicGuess], families: list[str]) -> list[TopicGuess]:
    """Turn "next role" (job_other) into job_engineering when the guest is an engineer."""
    if len(families) != 1:
        return guesses
    out = []
    for g in guesses:
        if g.topic == "job_other" and not cues.ROLE["other"].search(fold(g.text)):
            g = replace(g, topic=f"job_{families[0]}")
        out.append(g)
    return out


def role_words(text: str) -> str:
    """Return a one-liner or title without rank words ("Co-founder & CEO" says nothing)."""
    return re.sub(r"\s+", " ", _RANKS.sub(" ", fold(text))).strip()


def _role_scale(text: str) -> float:
    """Return how much a one-liner or title says.

    Fully when it is short and names a profession ("Startup lawyer", "Angel investor"), less
    when it describes a company.
    """
    words = role_words(text).split()
    if len(words) <= PROFESSION_WORDS and any(_PROFESSION.fullmatch(w) for w in words):
        return PROFESSION_WEIGHT
    return ONE_LINER_WEIGHT


def _box(box: str) -> str:
    """Return the side a box is read as (a one-liner or title is an offer)."""
    return "offer" if box == "role" else box


def read_sides(profiles: Sequence[Profile], catalogue: Catalogue) -> list[Sides]:
    """Return every guest's needs and offers as weighted topic evidence."""
    items: list[tuple[int, str, str]] = []
    for i, p in enumerate(profiles):
        items += [(i, "need", t) for t in p.needs if t]
        items += [(i, "offer", t) for t in p.offers if t]
        items += [(i, "role", t) for t in (p.one_liner, p.title) if t]
    read = reader_for(catalogue).read_many(
        [(role_words(text) if box == "role" else text, _box(box)) for _, box, text in items]
    )
    guessed: list[dict[str, list[Evidence]]] = [{"need": [], "offer": []} for _ in profiles]
    families = [_families(p) for p in profiles]
    for (i, box, text), guesses in zip(items, read, strict=True):
        scale = _role_scale(text) if box == "role" else 1.0
        for g in _with_family(guesses, families[i]):
            if box == "role" and g.confidence < ROLE_MIN_CONFIDENCE:
                continue
            words = text.strip() if box == "role" else _quote(text, g, guesses)
            guessed[i][g.side].append(
                Evidence(g.topic, g.confidence * scale, words, False, box == "role")
            )
    for i, p in enumerate(profiles):
        _from_intent(p, families[i], guessed[i], catalogue)
        _investor_turn(guessed[i], catalogue)
    return [_sides(p, guessed[i], catalogue) for i, p in enumerate(profiles)]


def _from_intent(p: Profile, families: list[str], guessed, catalogue: Catalogue) -> None:
    """Add what a guest's reason for coming says.

    "a job" is a job sought and a candidate offered (of the family their profile names);
    "investors" is probably a raise.
    """
    text = p.one_liner or p.title or next(iter(p.needs), "")
    if p.intent == "job":
        sure = len(families) == 1
        for family in families if sure else ["other"]:
            conf = INTENT_JOB if sure else INTENT_GUESS
            for side in ("need", "offer"):
                if catalogue.get(f"job_{family}"):
                    guessed[side].append(Evidence(f"job_{family}", conf, text))
    elif p.intent == "investors" and catalogue.get("fundraising"):
        guessed["need"].append(Evidence("fundraising", INTENT_GUESS, next(iter(p.needs), text)))


def _investor_turn(guessed: dict[str, list[Evidence]], catalogue: Catalogue) -> None:
    """Read a sure investor's fundraising needs as dealflow (or drop them: "co-investors")."""
    if not any(e.topic == "investing" and e.weight >= INVESTOR_SURE for e in guessed["offer"]):
        return
    turned = []
    for ev in guessed["need"]:
        if ev.topic != "fundraising":
            turned.append(ev)
        elif catalogue.get("dealflow") and not _NOT_DEALFLOW.search(fold(ev.text)):
            turned.append(replace(ev, topic="dealflow"))
    guessed["need"] = turned


def _sides(p: Profile, guessed: dict[str, list[Evidence]], catalogue: Catalogue) -> Sides:
    """Combine one guest's confirmed topics and guesses into evidence per side."""
    out: dict[str, dict[str, list[Evidence]]] = {"need": {}, "offer": {}}
    for side, confirmed, texts in (
        ("need", p.need_topics, p.needs),
        ("offer", p.offer_topics, (*p.offers, p.one_liner)),
    ):
        known = [t for t in dict.fromkeys(confirmed) if catalogue.get(t)]
        words = {ev.topic: ev.text for ev in guessed[side]}
        fallback = next((t.strip() for t in texts if t and t.strip()), "")
        for topic in known:
            name = catalogue.topics[topic].name
            _keep(out[side], Evidence(topic, 1.0, words.get(topic) or fallback or name, True))
        # A guest who confirmed topics reviewed the chips of both boxes: what they left
        # unticked, on either side, is only a guess beside their answer.
        reviewed = bool(p.need_topics or p.offer_topics)
        scale = GUESS_WEIGHT * (GUESS_BESIDE_CONFIRMED if reviewed else 1.0)
        for ev in guessed[side]:
            _keep(out[side], Evidence(ev.topic, ev.weight * scale, ev.text, False, ev.is_role))
    for found in list(out["need"].values()):
        for ev in found:
            if mirrored(ev.topic):
                mirror = Evidence(ev.topic, ev.weight * MIRROR_WEIGHT, ev.text, ev.confirmed)
                _keep(out["offer"], mirror)
    return Sides(out["need"], out["offer"])
