"""QR codes on printed sheets: each opens the page of the guest's table.

That page shows names only and sends each guest their own link (with their tablemates'
shared contacts) on request: a card or badge left on a table, or scanned by a neighbour,
must not open someone's personal page, where their answer and profile can be changed.

segno writes the code as a small SVG that the print template places inline, so WeasyPrint
draws it as vector paths, sharp at any size, with no image files to fetch.
"""

from __future__ import annotations

import segno
from markupsafe import Markup

from dinnerplan.extensions import db
from dinnerplan.followups.links import table_url
from dinnerplan.models import Table
from dinnerplan.sheets.seating import Seating


def qr_svg(url: str, label: str) -> Markup:
    """Return an inline SVG QR code of url; `label` is its accessible name."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", dark="#000")
    # role and aria-label on the root element: screen readers announce it as one image.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))


def table_codes(seating: Seating) -> dict[int, Markup]:
    """Return {table id: inline SVG QR code of the table's page} (the printed table sheets)."""
    return {
        table_id: qr_svg(url, "Scan to open this table's page")
        for table_id, url in _table_urls(seating).items()
    }


def _table_urls(seating: Seating) -> dict[int, str]:
    ids = [table.id for table in seating.tables]
    if not ids:
        return {}
    tables = db.session.scalars(db.select(Table).where(Table.id.in_(ids)))
    return {t.id: table_url(t) for t in tables}


def links_for(seating: Seating) -> dict[int, str]:
    """Return {guest id: their table's page} for every seated guest (needs an app context)."""
    urls = _table_urls(seating)
    return {person.id: urls[table.id] for table in seating.tables for person in table.guests}
