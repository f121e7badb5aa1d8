"""QR codes on place cards and badges: each opens that guest's own page (their personal link).

segno writes the code as a small SVG that the print template places inline, so WeasyPrint
draws it as vector paths, sharp at any size, with no image files to fetch.
"""

from __future__ import annotations

import segno
from markupsafe import Markup

from dinnerplan.extensions import db
from dinnerplan.models import Guest
from dinnerplan.rsvp.operations import personal_link
from dinnerplan.sheets.seating import Seating


def qr_svg(url: str, label: str) -> Markup:
    """Return an inline SVG QR code of url; `label` is its accessible name."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", dark="#000")
    # role and aria-label on the root element: screen readers announce it as one image.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))


def links_for(seating: Seating) -> dict[int, str]:
    """Return {guest id: personal link} for every seated guest (needs an app context)."""
    ids = [person.id for table in seating.tables for person in table.guests]
    if not ids:
        return {}
    guests = db.session.scalars(db.select(Guest).where(Guest.id.in_(ids)))
    return {guest.id: personal_link(guest) for guest in guests}
