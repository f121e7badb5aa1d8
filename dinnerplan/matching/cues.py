# ruff: noqa: E501 (pattern tables read better one family per line)
"""Words that say how a clause is meant, in eight languages: giving, asking, hiring, job hunting.

All patterns run on `catalogue.fold`ed text (lower case, no accents, punctuation as
spaces). They decide a clause's side ("happy to mentor" typed in the needs box is an
offer) and turn a role ("two junior developers") into a hiring or a job-seeking topic.
"""

from __future__ import annotations

import re

# fmt: off
_OFFER = (
    r"happy to", r"glad to", r"keen to help", r"more than happy", r"love to help",
    r"(?:i|we) (?:can|could) (?:help|intro|introduce|share|advise|mentor|offer|review|connect|"
    r"give|teach|show|host|lend|provide|build|design|make)",
    r"can (?:help|intro|introduce|connect|share|mentor|advise|review)", r"i offer", r"we offer",
    r"offering", r"(?:would|d) (?:love|like) to (?:mentor|help|give back|advise|coach|share|support)",
    r"(?:want|wants|wanting) to (?:mentor|give back|help others|support|coach)",
    r"open to (?:mentor|advis|coach)\w*", r"give back", r"giving back", r"pay it forward",
    r"ask me", r"my door is open", r"can be a sounding board", r"available (?:to|for) (?:mentor|advis|help)\w*",
    # de
    r"(?:helfe|berate|vermittle|teile) gerne", r"gerne (?:helfen|beraten|vermitteln|teilen)",
    r"ich kann", r"wir konnen", r"biete", r"bieten",
    # fr
    r"je peux", r"nous pouvons", r"on peut", r"volontiers", r"ravie? de", r"heureux de",
    r"heureuse de", r"je propose", r"j offre",
    # es / pt / it
    r"puedo", r"podemos", r"encantad[oa] de", r"con gusto", r"ofrezco", r"posso", r"possiamo",
    r"felice di", r"ben felice", r"ofereco", r"offro", r"disponivel para", r"disponibile a",
    # nl / pl
    r"ik kan", r"wij kunnen", r"help graag", r"graag helpen", r"chetnie", r"moge pomoc",
    r"oferuje",
)
_NEED = (
    r"looking for", r"look for", r"need", r"needs", r"needed", r"seeking", r"searching for",
    r"want to (?:find|meet|talk|learn|get)", r"would (?:love|like) (?:intros?|an intro|to meet|to find|to talk|help|advice)",
    r"anyone (?:who|with|that|know)", r"any (?:intros?|tips|advice)", r"does anyone", r"help (?:with|me|us)",
    r"struggling", r"stuck", r"advice on", r"wanted", r"in search of", r"hoping to",
    # de
    r"suche", r"suchen", r"brauche", r"brauchen", r"benotige", r"benotigen", r"hilfe bei",
    # fr
    r"cherche", r"cherchons", r"recherche", r"besoin", r"aide pour",
    # es / pt / it
    r"busco", r"buscamos", r"necesito", r"necesitamos", r"ayuda con", r"procuro", r"procuramos",
    r"preciso", r"precisamos", r"cerco", r"cerchiamo", r"ho bisogno", r"abbiamo bisogno",
    # nl / pl
    r"zoek", r"zoeken", r"nodig", r"szukam", r"szukamy", r"potrzebuje", r"potrzebujemy",
)
_HIRE = (
    r"hiring", r"hire", r"hires", r"recruit\w*", r"join (?:our|the|my) team",
    r"build(?:ing)? (?:out )?(?:our|my|a|the) (?:\w+ )?team", r"first (?:employee|hire)s?",
    r"open (?:roles?|positions?|jobs?)", r"we have (?:a |an )?(?:roles?|positions?|jobs?|vacanc)",
    r"vacanc\w*", r"job openings?", r"(?:roles?|positions?|jobs?) open", r"staff up", r"grow(?:ing)? (?:our|the) team",
    r"(?:need|looking for|seeking) (?:\w+ ){0,3}(?:to join|for our team)",
    r"einstellen", r"stellen ein", r"verstarkung", r"recrut\w*", r"embauch\w*", r"contrat\w*",
    r"vacantes?", r"vacature\w*", r"versterking", r"assum\w*", r"zatrudni\w*", r"rekrut\w*",
)
_JOB = (
    r"(?:new|next|a|my|first) (?:job|role|position|gig|opportunit\w+)",
    r"(?:next|my|first|new) (?:\w+ ){1,3}(?:job|role|position|gig)s?",
    r"(?:engineering|marketing|sales|product|design|data|dev|developer|engineer|ae|sdr|bdr|pm|ux|growth) (?:roles?|jobs?|positions?)(?= remote| anywhere| in | at |$)", r"open to (?:work|roles?|offers|opportunit\w+|new)",
    r"job (?:hunt\w*|search\w*|seeking)", r"career (?:change|move|switch)", r"internship",
    r"placement", r"apprenticeship", r"(?:roles?|jobs?|positions?) (?:in|at|as|with)",
    r"looking for (?:work|a job|roles?|jobs?)", r"available for (?:hire|work|roles)",
    r"between jobs", r"laid off", r"graduat\w+", r"want to (?:work|join) (?:at|for|in)",
    r"ouverte? a (?:de )?(?:nouvelles? )?(?:opportunites|postes?)", r"abiert[oa] a nuevas oportunidades",
    r"aperto a nuove opportunita", r"open voor (?:nieuwe )?(?:kansen|banen)", r"neue stellen?", r"neuen job", r"offen fur (?:neue )?(?:stellen|jobs?|angebote)", r"stelle als", r"praktikum", r"nouveau poste", r"un emploi", r"un poste",
    r"un stage", r"nuevo trabajo", r"un empleo", r"un trabajo", r"nieuwe baan", r"een baan",
    r"nuovo lavoro", r"un lavoro", r"novo emprego", r"um emprego", r"nowa prac\w+", r"prace",
)
# Role words per family; with a hiring cue they give hire_<family>, with a job cue job_<family>.
ROLES: dict[str, tuple[str, ...]] = {
    "engineering": (
        r"(?:software |backend |back end |frontend |front end |full ?stack |mobile |ios |android |"
        r"ml |ai |data |devops |embedded |hardware |firmware |senior |junior |python |react |rust |go )?"
        r"(?:developers?|devs?|engineers?|programmers?|coders?)",
        r"(?:software|backend|back end|frontend|front end|full ?stack|mobile|ios|android|ml|ai|"
        r"data|devops|platform|infra|senior|junior|founding|staff) engs?",
        r"data scientists?", r"ctos?", r"vp (?:of )?engineering", r"tech leads?", r"sres?",
        r"engineering (?:roles?|jobs?|hires?|team)", r"entwickler\w*", r"softwareentwickler\w*",
        r"ingenieur\w*", r"developpeu\w*", r"ingenieurs?", r"desarrollador\w*", r"programador\w*",
        r"ingenier[oa]s?", r"ontwikkelaars?", r"sviluppator\w*", r"desenvolvedor\w*",
        r"programist\w*", r"inzynier\w*",
    ),
    "sales_marketing": (
        r"sales ?(?:people|persons?|reps?|hires?|team|lead|leader|roles?|jobs?|manager)",
        r"salespeople", r"account executives?", r"aes?", r"sdrs?", r"bdrs?", r"head of (?:sales|marketing|growth)",
        r"(?:growth |performance |content |product )?marketers?", r"marketing (?:hires?|roles?|jobs?|manager|lead)",
        r"growth (?:hires?|roles?|lead)", r"devrels?", r"devrel (?:person|people|engineer)", r"business developers?", r"cmos?", r"vertriebl\w*",
        r"commerciaux", r"comercial(?:es)?", r"vendedor\w*", r"verkopers?",
        r"commerciali", r"handlowc\w*",
    ),
    "product_design": (
        r"product (?:managers?|owners?|people|leads?|designers?|roles?|jobs?)", r"pms", r"pm",
        r"head of (?:product|design)", r"(?:ux|ui|ux ui|product|interaction|visual) designers?",
        r"designer(?:s|in|innen)?", r"ux researchers?", r"produktmanager\w*", r"chefs? de produit",
        r"product owner", r"disenador\w*", r"disenadores", r"ontwerpers?", r"projektant\w*",
    ),
    "other": (
        r"(?:sous |head |pastry )?chefs?", r"cooks?", r"kps?", r"kitchen porters?", r"front of house",
        r"foh", r"(?:assistant )?ecologists?", r"a?pprentices?", r"kitchen (?:staff|porters?)", r"waiters?", r"baristas?", r"farm ?hands?",
        r"growers?", r"farm (?:workers?|staff|manager)", r"pickers?", r"electricians?", r"plumbers?",
        r"installers?", r"fitters?", r"carpenters?", r"joiners?", r"site managers?", r"crew",
        r"operations? (?:managers?|leads?|people|hires?|roles?)", r"ops (?:hires?|lead|manager|roles?)",
        r"coos?", r"cfos?", r"finance (?:managers?|hires?|roles?)", r"office managers?",
        r"(?:executive |personal |virtual )?assistants?", r"eas?", r"project managers?",
        r"customer (?:success|support) (?:managers?|people|hires?|reps?)", r"account managers?",
        r"teachers?", r"nurses?", r"carers?", r"drivers?", r"warehouse (?:staff|workers?)",
        # "staff" alone, not a level: "staff backend", "staff engineer" are engineers
        r"staff(?! (?:back ?end|front ?end|engs?|engineers?|software|data|ml|platform|"
        r"designers?|product|pms?|sre|devops|security|infra))",
        r"interns?", r"apprentices?", r"architects?", r"mechanics?", r"producers?", r"editors?",
        r"camera operators?", r"researchers?", r"analysts?", r"accountants?", r"lawyers?",
        r"koch\w*", r"koche", r"mitarbeiter\w*", r"cuisiniers?", r"cocineros?", r"camareros?",
        r"personeel", r"medewerkers?", r"cuochi", r"cozinheiros?", r"kucharz\w*",
        r"pracownik\w*",
    ),
}
# fmt: on


def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """Return one pattern matching any of these at word boundaries."""
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)")


OFFER = _compile(_OFFER)
NEED = _compile(_NEED)
HIRE = _compile(_HIRE)
JOB = _compile(_JOB)
# An offers-box sentence that starts with jobs offers them: "jobs lol - 2x Rust backend",
# "JOBS: 360 excavator operators", "a proper job on nights", "CDP job going" (not "small
# jobs welcome", "3 EnerPHit jobs done").
JOBS_OFFERED = re.compile(
    r"^(?:(?:\d+x?|an?|one|two|three|four|five|some|a few) )?"
    r"(?:(?:seasonal|summer|winter|full ?time|part ?time|permanent|paid|proper|open) )?"
    r"jobs?(?! done| hunt\w*| search\w*| boards?)(?!\w)"
)
JOBS_GOING = re.compile(r"(?<!\w)jobs? (?:going|available)(?!\w)")
ROLE = {family: _compile(patterns) for family, patterns in ROLES.items()}


# Roles that, named in the needs box without any cue, mean the guest is hiring
# ("my sous chef leaves in march", "a senior SRE"); professions such as accountants or
# installers are usually services wanted, not hires, so they are left out.
NEED_ROLE = _compile(
    (
        r"(?:sous |head |pastry )?chefs?",
        r"cooks?",
        r"kps?",
        r"kitchen porters?",
        r"front of house",
        r"foh",
        r"waiters?",
        r"baristas?",
        r"farm ?hands?",
        r"pickers?",
        r"a?pprentices?",
        r"apprentice \w+",
        r"(?:assistant )?ecologists?",
        r"carpenters?",
    )
)


def side_of(folded: str, box: str) -> str:
    """Return the side a clause means: a giving cue before any asking cue makes an offer."""
    offer, need = OFFER.search(folded), NEED.search(folded)
    if box == "need":
        return "offer" if offer and (not need or offer.start() < need.start()) else "need"
    # In the offers box only a clause that starts by asking is a need.
    if need and need.start() <= 12 and not (offer and offer.start() < need.start()):
        return "need"
    return "offer"


# Words in a profile that say which kind of job its owner does ("Go / Postgres, backend").
# fmt: off
_SKILL_HINTS = {
    "engineering": _compile(
        (r"backend", r"back end", r"frontend", r"full ?stack", r"python", r"golang", r"rust",
         r"typescript", r"react", r"pytorch", r"kubernetes", r"k8s", r"devops", r"sre", r"ml",
         r"postgres", r"java", r"android", r"ios", r"embedded", r"firmware")
    ),
    "product_design": _compile((r"pm", r"product", r"ux", r"ui", r"figma", r"design systems?")),
    "sales_marketing": _compile(
        (r"ae", r"sales", r"marketing", r"growth", r"sdr", r"bdr", r"closing", r"quota")
    ),
}
# fmt: on


def profile_families(folded: str) -> list[str]:
    """Return the job families a profile's one-liner, title and offers point to."""
    found = [f for f in roles_in(folded) if f != "other"]
    return found or skills_in(folded)


def roles_in(folded: str) -> list[str]:
    """Return the role families named in a clause, in family order."""
    return [family for family, pattern in ROLE.items() if pattern.search(folded)]


def skills_in(folded: str) -> list[str]:
    """Return the job families a clause's skill words point to ("my next role: senior backend")."""
    return [f for f, pattern in _SKILL_HINTS.items() if pattern.search(folded)]


def role_topics(folded: str, side: str) -> tuple[list[str], bool]:
    """Return hire_/job_ topics for a clause naming roles, and whether a cue said so."""
    hire, job = HIRE.search(folded), JOB.search(folded)
    families = roles_in(folded) or (skills_in(folded) if hire or job else [])
    giving = OFFER.search(folded)
    if hire:
        return [f"hire_{f}" for f in families] or ([] if giving else ["hire_other"]), True
    if job and not giving:
        return [f"job_{f}" for f in families] or ["job_other"], True
    if side == "need" and not giving:  # "need a backend developer", "aprentice carpenters"
        found = [f"hire_{f}" for f in families if f in ("engineering", "sales_marketing")]
        if NEED_ROLE.search(folded):
            found.append("hire_other")
        return found, False
    return [], False


def bare_roles(scores: dict[str, float], floor: float) -> dict[str, float]:
    """Return a clause's scores when it only qualifies an earlier hire or job hunt.

    "remote ok" after "we're hiring a designer" names no role: the classifier's hire or job
    guesses there are the cue's echo. One sure family is kept: the clause may name a role
    the cue words do not know ("hiring - brand ambassador for the on-trade").
    """
    roles = {t: c for t, c in scores.items() if t.startswith(("hire_", "job_"))}
    named = [t for t, c in roles.items() if not t.endswith("_other") and c >= floor]
    keep = set(named) if len(named) == 1 else set()
    return {t: c for t, c in scores.items() if t not in roles or t in keep}
