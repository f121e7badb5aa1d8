"""Words the CSV importer understands: column headers, RSVP answers, dietary and intent words.

Header names are compared after `header_key` (lower case, letters and digits only), so
"E-mail", "email_address" and "Email Address" all read the same.
"""

from __future__ import annotations

import re

from dinnerplan.statuses import Rsvp


def header_key(text: str) -> str:
    """Reduce a header to lower-case letters and digits: 'Job Title' -> 'jobtitle'."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def phrase_key(text: str) -> str:
    """Reduce a cell to lower-case words and single spaces: 'Gluten-free' -> 'gluten free'."""
    return " ".join(re.sub(r"[^a-z0-9']+", " ", text.lower()).split())


# Field -> header aliases, already in header_key form. Ticketing sites prefix attendee
# columns ("Ticket Email" on Tito, "Attendee Status" on Eventbrite); the buyer's columns
# ("Order Email", "Purchaser Email") are deliberately absent: the attendee is the guest.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "attendeename", "ticketfullname", "guestname", "ticketname"),
    "first_name": ("firstname", "givenname", "forename", "attendeefirstname", "ticketfirstname"),
    "last_name": ("lastname", "surname", "familyname", "attendeelastname", "ticketlastname"),
    "email": (
        "email",
        "emailaddress",
        "attendeeemail",
        "ticketemail",
        "guestemail",
        "attendeeemailaddress",
    ),
    "company": (
        "company",
        "organization",
        "organisation",
        "companyname",
        "employer",
        "ticketcompanyname",
        "attendeecompany",
        "organizationname",
        "organisationname",
        "whatisyourcompany",
        "whatsyourcompany",
    ),
    "title": (
        "title",
        "jobtitle",
        "position",
        "role",
        "attendeejobtitle",
        "ticketjobtitle",
        "whatsyourrole",
        "whatisyourrole",
        "whatisyourjobtitle",
    ),
    "industry": ("industry", "sector"),
    "one_liner": ("oneliner", "whatido", "whatyoudo", "bio", "about", "headline", "tagline"),
    "offers": ("offers", "canoffer", "icanoffer", "icanhelpwith", "canhelpwith"),
    "needs": ("needs", "lookingfor", "ineed", "imlookingfor", "iamlookingfor"),
    "need_topics": ("needtopics", "needtopic"),
    "offer_topics": ("offertopics", "offertopic"),
    "intent": (
        "intent",
        "reasonforattending",
        "whyareyoucoming",
        "whyareyouattending",
        "whyareyoucomingtothisdinner",
    ),
    "dietary": (
        "dietary",
        "dietaryrequirements",
        "dietaryrestrictions",
        "diet",
        "dietaryneeds",
        "allergies",
    ),
    "accessibility": ("accessibility", "accessibilityneeds", "accessibilityrequirements"),
    "rsvp": (
        "rsvp",
        "attending",
        "response",
        "status",
        "attendeestatus",
        "approvalstatus",
        "rsvpstatus",
        "registrationstatus",
    ),
    "phone": ("phone", "phonenumber", "mobile", "telephone", "ticketphonenumber", "cellphone"),
    "linkedin": ("linkedin", "linkedinurl", "linkedinprofile"),
    "notes": ("notes", "note", "comments"),
}

# Longest value each stored field accepts (the model's column sizes).
FIELD_LIMITS: dict[str, int] = {
    "name": 200,
    "email": 254,
    "company": 200,
    "title": 200,
    "industry": 120,
    "one_liner": 200,
    "dietary_other": 200,
    "accessibility": 300,
    "phone": 40,
    "linkedin": 300,
}

# RSVP answers, in phrase_key form, including what ticketing sites write.
RSVP_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("yes", "y", "attending", "going", "accepted", "accept", "checked in", "confirmed")
        + ("registered", "approved", "attended", "will attend"),
        Rsvp.YES,
    ),
    **dict.fromkeys(
        ("no", "n", "not attending", "not going", "declined", "decline", "cancelled")
        + ("canceled", "refunded", "rejected", "can't go", "cannot attend"),
        Rsvp.NO,
    ),
    **dict.fromkeys(("maybe", "tentative", "interested", "unsure", "possibly"), Rsvp.MAYBE),
    **dict.fromkeys(("invited", "not responded", "no response", "awaiting response"), Rsvp.INVITED),
    **dict.fromkeys(
        ("waitlist", "waitlisted", "wait list", "waiting list", "on waitlist"), Rsvp.WAITLIST
    ),
}

# Answers that mean "not decided yet": imported as invited, with a warning on the preview.
RSVP_UNSURE: tuple[str, ...] = ("pending", "pending approval", "requested", "applied")

DIETARY_WORDS: dict[str, str] = {
    **dict.fromkeys(("vegetarian", "veggie", "veg", "no meat", "v"), "vegetarian"),
    **dict.fromkeys(("vegan", "plant based", "vg"), "vegan"),
    **dict.fromkeys(("pescatarian", "pescetarian", "fish only", "no meat but fish"), "pescatarian"),
    **dict.fromkeys(
        ("gluten free", "gf", "coeliac", "celiac", "no gluten", "gluten intolerant"), "gluten_free"
    ),
    **dict.fromkeys(
        ("dairy free", "df", "no dairy", "lactose free", "lactose intolerant", "lactose"),
        "dairy_free",
    ),
    **dict.fromkeys(
        ("nut allergy", "nuts", "no nuts", "nut free", "peanut allergy", "peanuts")
        + ("tree nut allergy", "tree nuts"),
        "nut_allergy",
    ),
    **dict.fromkeys(
        ("shellfish allergy", "shellfish", "no shellfish", "seafood allergy"), "shellfish_allergy"
    ),
    **dict.fromkeys(("halal",), "halal"),
    **dict.fromkeys(("kosher",), "kosher"),
    **dict.fromkeys(
        ("no alcohol", "alcohol free", "teetotal", "teetotaler", "sober", "non drinker"),
        "no_alcohol",
    ),
}

# Cells that say "nothing to report".
DIETARY_NONE: frozenset[str] = frozenset(
    ("none", "n a", "na", "no", "nothing", "nope", "no restrictions", "no requirements", "0")
)

# Words that point at an intent, in phrase_key form. "peers" is the generic one: when a
# cell also names a specific goal ("meet investors"), the specific goal wins.
