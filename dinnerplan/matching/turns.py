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
# fmt: off
# Food named by itself: "salad, squash, heritage toms all season" offered is produce to
# sell; "local lamb + veg" needed is produce to buy (reader: only where nothing in the clause
# was read at 0.7 or more, and no service is named). Words with an everyday sense ("leaves",
# "bass player") are left out or spelled in full ("salad leaves", "sea bass").
PRODUCE = _compile(
    (
        r"veg", r"veggies", r"vegetables?", r"salads?", r"salad leaves", r"greens", r"microgreens",
        r"squash", r"toms", r"tomatoe?s?", r"potatoe?s?", r"spuds", r"carrots?", r"onions?",
        r"garlic", r"herbs", r"mushrooms?", r"fruit", r"apples?", r"pears?", r"berries",
        r"strawberries", r"cherries", r"plums", r"grapes", r"olives?", r"olive oil", r"lamb",
        r"hogget", r"mutton", r"beef", r"pork", r"veal", r"venison", r"chicken",
        r"poultry", r"duck", r"eggs", r"milk", r"cream", r"butter", r"cheeses?", r"yogh?urt",
        r"honey", r"flour", r"grain", r"oats", r"wheat", r"barley", r"fish", r"seafood",
        r"shellfish", r"mackerel", r"sea bass", r"hake", r"cod", r"crab", r"lobsters?", r"oysters?",
        r"mussels", r"scallops", r"salmon", r"trout", r"seaweed", r"cider", r"perry", r"beers?",
        r"ales?", r"gin", r"whisky", r"whiskey", r"wines?", r"charcuterie", r"bread",
        r"preserves", r"jams?", r"chutneys?", r"meat", r"produce",
    )
)
# ...and which way it goes: someone to take, stock or import it is a buyer wanted (selling);
# "we buy", "we source" offered is buying.
TAKERS = _compile(
    (
        r"take", r"takes", r"taking", r"buy", r"buys", r"buyers?", r"stock\w*", r"importers?",
        r"outlets?", r"distributors?", r"wholesalers?", r"shift", r"sell", r"selling",
        r"customers?", r"market for", r"wanting", r"who (?:want|need|would take)\w*", _CHEFS,
    )
)
BUYERS = _compile(
    (
        r"we buy", r"buying", r"we source", r"sourcing", r"we take", r"purchas\w*",
        r"always after", r"hunting for", r"pitch me", r"bring (?:me )?samples", r"suppliers?",
        r"growers", r"direct from", r"from (?:local )?(?:farms|farmers|producers|makers)",
    )
)
# Food words that are not food for sale: by-products, and services around food ("gin
# labels", "spent grain, free", "loans for cheese dairies", "chicken and egg").
NOT_PRODUCE = _compile(
    (
        r"waste", r"spent", r"pomace", r"marc", r"whey", r"frames", r"skins?", r"bones",
        r"peel", r"off ?cuts", r"leftovers?", r"by ?products?", r"substrate", r"draff",
        r"pot ale", r"compost\w*", r"feed", r"labels?", r"packaging", r"loans?", r"lab",
        r"tests?", r"research", r"processing", r"co ?pack\w*", r"capacity", r"free",
        r"chicken (?:and|&) egg", r"co ?produc\w*",
    )
)
# fmt: on
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


def produce_topic(folded: str, side: str) -> str | None:
    """Return selling or buying food for a clause that names food by itself, else None.

    "salad, squash, heritage toms all season" offered is produce to sell, "local lamb + veg"
    needed is produce to buy, "someone to take our milk" needed is a buyer wanted; by-products
    and services around food ("spent grain, free", "gin labels") are neither.
    """
    if not PRODUCE.search(folded) or SERVICE.search(folded) or NOT_PRODUCE.search(folded):
        return None
    turned = (TAKERS if side == "need" else BUYERS).search(folded)
    return "sell_food" if (side == "offer") != bool(turned) else "buy_food"
