"""A small hand-curated table of domain concepts for networking-dinner needs and offers.

This is domain knowledge, not a similarity measure: it says that "angel", "VC", "seed
round" and "fundraising" are all about money for a company, that a "logo" is brand work
and that "recruiter" and "open to new roles" are both about hiring. `expand` turns a text
into concept tokens ("_c_funding") that the matcher vectorises next to the words, so a
need and an offer that share no word can still meet. Patterns match word starts, so
"logo" also finds "logos" but "log" never finds "logistics".
"""

from __future__ import annotations

import re
from functools import lru_cache

# fmt: off
CONCEPTS: dict[str, tuple[str, ...]] = {
    "funding": (
        r"invest(?:or|ors|ing|ment|s)?\b", r"angels?\b", r"vcs?\b", r"venture",
        r"fund(?:s|ing|raise|raising|ed)?\b", r"pre-?seed", r"seed\b", r"seed-stage",
        r"series [abc]\b", r"rais(?:e|ing) (?:a |our |my |money|capital|funds|round)",
        r"capital\b", r"backers?\b", r"cheques?\b", r"term sheets?", r"syndicate",
        r"crowdfund", r"round\b", r"write (?:small )?checks",
    ),
    "brand": (
        r"logos?\b", r"brand", r"rebrand", r"visual identity", r"identity\b", r"graphic",
        r"typograph", r"packaging design", r"illustrat",
    ),
    "design": (r"design", r"figma", r"creative director"),
    "ux": (
        r"ux\b", r"ui\b", r"user experience", r"user interface", r"usability",
        r"user research", r"wirefram", r"prototyp", r"product design", r"onboarding flow",
    ),
    "talent": (
        r"hir(?:e|es|ed|ing)\b", r"recruit", r"talent", r"headhunt", r"candidates?\b",
        r"open to (?:new |a )?(?:roles?|work|opportunit)", r"job\b", r"jobs\b",
        r"new role", r"next role", r"(?:looking for|seeking) (?:a |my )?(?:role|position)",
        r"staffing", r"build(?:ing)? (?:my|our|a|the) team", r"first employee", r"career",
    ),
    "engineering": (
        r"engineer", r"developers?\b", r"programm", r"software", r"backend", r"back-end",
        r"frontend", r"front-end", r"full-?stack", r"coding\b", r"python", r"javascript",
        r"react\b", r"cto\b", r"technical co-?founder", r"mvp\b", r"build (?:an? |the )?app",
    ),
    "mobile": (r"mobile", r"ios\b", r"android", r"apps?\b"),
    "web": (
        r"websites?\b", r"web\b", r"web ?site", r"wordpress", r"shopify", r"landing pages?",
        r"webflow", r"e-?commerce", r"online store", r"web developer",
    ),
    "data": (
        r"data\b", r"analytics", r"machine learning", r"\bml\b", r"\bai\b", r"dashboards?",
        r"data scien", r"statistic", r"\bsql\b", r"forecast",
    ),
    "cloud": (
        r"aws\b", r"cloud", r"devops", r"kubernetes", r"infrastructure", r"hosting",
        r"servers?\b", r"scal(?:e|ing) (?:our|the|my) (?:platform|backend|infra)",
    ),
    "security": (r"secur", r"pen ?test", r"penetration test", r"soc ?2", r"iso ?27001"),
    "marketing": (
        r"marketing", r"growth\b", r"seo\b", r"sem\b", r"ads\b", r"advertis", r"campaign",
        r"social media", r"instagram", r"tiktok", r"linkedin", r"newsletter",
        r"go-to-market", r"\bgtm\b", r"demand gen", r"audience", r"paid acquisition",
        r"performance market", r"influencer",
    ),
    "content": (
        r"copywrit", r"copy\b", r"content", r"blog", r"writ(?:er|ing)\b", r"editor",
        r"storytell", r"ghostwrit",
    ),
    "sales": (
        r"sales\b", r"sell(?:ing)?\b", r"pipeline", r"leads?\b", r"prospect",
        r"customers?\b", r"clients?\b", r"buyers?\b", r"enterprise deals?",
        r"cold (?:email|outreach|call)", r"pitch(?:ing)? to (?:buyers|retailers)",
        r"business development", r"account executive",
    ),
    "distribution": (
        r"distribut", r"retail", r"resell", r"wholesale", r"stockists?", r"channel",
        r"shelf", r"supermarket", r"marketplace",
    ),
    "partnership": (r"partnerships?\b", r"co-?marketing", r"integration partner", r"alliances?"),
    "legal": (
        r"lawyer", r"legal", r"attorney", r"counsel", r"solicitor", r"contracts?\b",
        r"terms (?:of service|and conditions)", r"incorporat", r"gdpr", r"privacy polic",
        r"shareholder agreement", r"employment law",
    ),
    "ip": (r"trademark", r"patent", r"intellectual property", r"\bip\b", r"copyright"),
    "finance": (
        r"accountan", r"accounting", r"bookkeep", r"tax(?:es)?\b", r"vat\b", r"cfo\b",
        r"financial model", r"financ(?:e|ial)\b", r"audit", r"payroll", r"cash ?flow",
        r"invoic", r"unit economics", r"budget",
    ),
    "pr": (
        r"\bpr\b", r"press\b", r"journalis", r"media coverage", r"publicity", r"reporters?",
        r"press release", r"public relations", r"media training", r"podcast",
    ),
    "product": (
        r"product manag", r"product strategy", r"roadmap", r"\bpm\b", r"product-market fit",
        r"feature prioriti", r"product lead", r"head of product",
    ),
    "mentoring": (
        r"mentor", r"coach", r"sounding board", r"advisors?\b", r"advisory board",
        r"first-time founder", r"been there", r"guidance",
    ),
    "space": (
        r"office", r"desks?\b", r"co-?working", r"studio space", r"workspace",
        r"venue", r"meeting rooms?", r"lease\b", r"premises",
    ),
    "media_production": (
        r"photo", r"video", r"film", r"shoot\b", r"headshots?", r"camera", r"editing\b",
        r"animation", r"motion graphics",
    ),
    "logistics": (
        r"logistic", r"supply chain", r"shipping", r"freight", r"warehous", r"fulfil?ment",
        r"delivery", r"last mile", r"courier", r"import(?:ing)?\b", r"export(?:ing)?\b",
        r"customs",
    ),
    "manufacturing": (
        r"manufactur", r"factory", r"factories", r"suppliers?\b", r"sourcing",
        r"production run", r"contract manufactur", r"injection mould", r"hardware",
        r"co-?packer",
    ),
    "real_estate": (r"real estate", r"property", r"properties", r"landlord", r"commercial space"),
    "people_ops": (
        r"\bhr\b", r"people ops", r"human resources", r"culture\b", r"employee benefits",
        r"performance review", r"compensation", r"equity plan", r"esop", r"options? pool",
        r"share options?", r"stock options?",
    ),
    "health": (
        r"health", r"clinic", r"hospital", r"doctors?\b", r"medical", r"patients?\b",
        r"nhs\b", r"nurs(?:e|es|ing)\b", r"pharma", r"medtech", r"clinical",
    ),
    "education": (
        r"teach", r"schools?\b", r"courses?\b", r"training\b", r"students?\b",
        r"universit", r"curricul", r"edtech", r"workshops?\b", r"lectur",
    ),
    "food": (
        r"restaurant", r"food\b", r"catering", r"chefs?\b", r"kitchen", r"menu\b",
        r"hospitality", r"beverage", r"drinks?\b", r"bakery", r"cafes?\b", r"snacks?\b",
    ),
    "nonprofit": (
        r"charit", r"non-?profit", r"\bngo\b", r"grants?\b", r"donors?\b", r"foundation\b",
        r"social enterprise", r"impact\b", r"volunteer", r"giving\b", r"philanthrop",
        r"\bcsr\b",
    ),
    "events": (
        r"events?\b", r"conference", r"speak(?:er|ers|ing)\b", r"panel", r"meetups?\b",
        r"keynote", r"summit",
    ),
    "international": (
        r"translat", r"locali[sz]", r"international expansion", r"expand(?:ing)? (?:into|to) ",
        r"new markets?", r"abroad", r"overseas", r"\bus market", r"\beu market",
        r"german", r"france\b", r"french market", r"spain\b", r"dutch market", r"nordics",
    ),
    "climate": (
        r"climate", r"sustainab", r"carbon", r"solar", r"energy", r"renewable", r"emissions",
        r"net zero", r"esg\b", r"circular",
    ),
    "strategy": (
        r"pricing", r"business model", r"strategy", r"business plan", r"pitch deck",
        r"positioning", r"competitive analysis", r"market research",
    ),
    "cofounder": (r"co-?found", r"founding team", r"business partner"),
    "research": (
        r"user interviews?", r"customer interviews?", r"research\b", r"surveys?\b",
        r"focus groups?", r"beta testers?", r"pilot (?:customers?|users?)",
    ),
}
# fmt: on

# One regex per concept; the lookbehind makes every pattern match at a word start only.
_COMPILED = {
    name: re.compile(rf"(?<![a-z0-9])(?:{'|'.join(patterns)})")
    for name, patterns in CONCEPTS.items()
}


@lru_cache(maxsize=8192)
def concepts_in(text: str) -> tuple[str, ...]:
    """Return the names of the concepts a text mentions, in table order."""
    low = text.lower()
    return tuple(name for name, rx in _COMPILED.items() if rx.search(low))


def expand(text: str) -> str:
    """Return the concept tokens of a text, space separated ("_c_funding _c_talent")."""
    return " ".join(f"_c_{name}" for name in concepts_in(text))
