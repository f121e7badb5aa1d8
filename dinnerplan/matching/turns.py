"""Turns of phrase that say a topic whatever the sector, and words never read as typos.

"insurtech startups working on claims" is an investor's dealflow, "we lead seed + A
rounds, 1-5m" is investing, "line caught bass to restaurants" is selling food. Patterns
run on `catalogue.fold`ed text (reader.Reader._topic_cues).
"""

from __future__ import annotations

import re

from dinnerplan.matching.cues import _compile

# How investors and producers say what they want or sell, whatever the sector: "insurtech
# startups working on claims" is dealflow, "we lead seed + A rounds, 1-5m" is investing,
# "line caught bass to restaurants" is selling food. (topic, pattern, only when nothing
# else was read in the clause)
_STARTUPS = r"(?:founders?|startups?|companies|cos|teams|deals|scale ?ups?|\w+techs?|marketplaces)"
_CHEFS = (
    r"(?:local |independent )?(?:restaurants?|chefs?|bakers?|bakeries|cafes?|delis?|farm shops?|"
    r"pubs?|hotels?|caterers?|kitchens?|butchers?|grocers?|ristoranti|restaurantes?|horeca)"
)
# (topic, pattern, topics it overrules in the clause, whether a service named in the
# clause ("brand design for restaurants") stops it)
TOPIC_CUES: dict[str, tuple[tuple[str, re.Pattern[str], tuple[str, ...], bool], ...]] = {
    "need": (
        (
            "dealflow",
            _compile(
                (
                    _STARTUPS + r"(?: \w+){0,2} (?:to back|to invest in|to fund|raising|working on|"
                    r"doing|building)",
                    r"(?:pre seed|seed|series [abc]|early stage|strong) (?:\w+ )?deals",
                    r"(?:invest|back) (?:in )?(?:\w+ ){0,2}" + _STARTUPS + r" (?:this|next) year",
                )
            ),
            ("fundraising",),
            False,
        ),
    ),
    "offer": (
        (
            "investing",
            _compile(
                (
                    r"(?:we|i) (?:lead|co lead|back|fund|invest in|invest|write) (?:\w+ ){0,4}"
                    r"(?:rounds?|cheques?|checks?|tickets?)",
                    r"(?:we|i) (?:lead|co lead) (?:pre seed|seed|series)",
                    r"(?:pre seed|seed|series [abc])"
                    r"(?: (?:and|&|\+|to|or) (?:seed|series )?[ab]?)? "
                    r"(?:rounds? )?(?:eur|gbp|usd)?\d+(?: \d+)? ?(?:k|m|mn)",
                    r"(?:first )?(?:cheques?|checks?|tickets?) (?:up to|of|from|between) ",
                )
            ),
            ("fundraising",),
            False,
        ),
        (
            "sell_food",
            _compile((r"(?:for|to|into|per|para|voor|fur|pour) " + _CHEFS,)),
            ("buy_food",),
            True,
        ),
    ),
}
SERVICE = _compile(
    (
        r"design\w*",
        r"marketing",
        r"agency",
        r"software",
        r"apps?",
        r"platform",
        r"consult\w*",
        r"services?",
        r"training",
        r"recruit\w*",
        r"photo\w*",
        r"pr",
        r"brand\w*",
        r"web\w*",
        r"booking",
        r"staff",
        r"pos",
        r"tech",
        r"saas",
        r"advice",
        r"legal",
        r"accounting",
    )
)


# Everyday words that are one letter away from a topic word ("looking"/"booking",
# "worked"/"worker"): never read as a typo of that word.
COMMON = frozenset(
    [
        "looking",
        "booking",
        "seeking",
        "making",
        "taking",
        "having",
        "working",
        "worked",
        "building",
        "others",
        "their",
        "there",
        "would",
        "could",
        "should",
        "about",
        "after",
        "before",
        "where",
        "which",
        "while",
        "still",
        "these",
        "those",
        "things",
        "thing",
        "people",
        "great",
        "good",
        "right",
        "first",
        "every",
        "years",
        "months",
        "weeks",
        "month",
        "share",
        "shared",
        "learn",
        "learned",
        "happy",
        "scaling",
        "early",
        "later",
        "under",
        "other",
        "never",
        "maybe",
        "model",
        "models",
    ]
)

# People named in the plural and then what they should do: "accountants who refer
# clients", "farm co-ops who'd test a sensor", "founders with real traction".
GROUP_WHO = re.compile(
    r"(?<!\w)(\w{3,}s) (?:who|wholl|whod|whove|whore|whos|that|willing to|"
    r"with (?:actual|real|proven|some|strong|early))(?!\w)"
)
GROUP_CONF = 0.6

# Topics about whom to meet: investors, founders, hires, jobs, co-founders. Where one is
# read surely, the clause's other topics are qualifiers ("digital health founders with
# clinical evidence" is dealflow, not healthcare; "first AE role at a Series A" is a job,
# not fundraising; "infra, first cheque up to $1m" is investing).
WHO = frozenset({"dealflow", "fundraising", "investing", "cofounder", "recruiting"})
WHO_SURE = 0.85
KEPT_BESIDE_WHO = frozenset({"People", "Legal and regulation"})  # "a visa for our first engineer"
QUALIFIERS = True


def is_who(topic: str, cued: bool) -> bool:
    """Return True for a topic about whom to meet (investors, founders, hires, jobs).

    A hire or a job counts only when a cue said so ("hiring", "next role"): "a fractional
    CTO for a few months" is a service as much as a hire.
    """
    return topic in WHO or (cued and topic.startswith(("hire_", "job_")))
