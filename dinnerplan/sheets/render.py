"""Render a printable to HTML (for the browser) or PDF (WeasyPrint) from the same template."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from flask import current_app, render_template

from dinnerplan.models import Event
from dinnerplan.sheets import chart, guest_qr, prepare
from dinnerplan.sheets.seating import Seating

PAPERS = {"a4": "A4", "letter": "US Letter"}


@dataclass(frozen=True)
class Printable:
    """One kind of printed sheet."""

    kind: str
    title: str
    what: str  # one line for the index page

    @property
    def filename(self) -> str:
        """The PDF's file name, e.g. 'door-list.pdf'."""
        return f"{self.kind}.pdf"


PRINTABLES = {
    p.kind: p
    for p in (
        Printable("seating-chart", "Seating chart", "Every table and its guests, for the wall."),
        Printable("door-list", "Door list", "Guests A–Z by surname with their table."),
        Printable(
            "place-cards",
            "Place cards",
            "Four folded tent cards a sheet, each with a QR code to the guest's own page.",
        ),
        Printable("table-sheets", "Table sheets", "One page per table host: who, why, when."),
        Printable("kitchen", "Kitchen summary", "Dietary and access needs per table."),
        Printable(
            "badges",
            "Name badges",
            "Avery-style badge labels, eight 86 × 55 mm a sheet, A–Z, with table and QR code.",
        ),
    )
}


def paper_of(event: Event, override: str | None = None) -> str:
    """Return the paper key to print on: the override if valid, else the event's."""
    for paper in (override, event.paper):
        if paper in PAPERS:
            return paper
    return "a4"


def context_for(kind: str, event: Event, seating: Seating, paper: str = "a4") -> dict:
    """Prepare the data a printable's template lays out."""
    builders: dict[str, Callable[[], dict]] = {
        "seating-chart": lambda: chart.seating_chart(seating, paper),
        "door-list": lambda: prepare.door_list(seating),
        "place-cards": lambda: prepare.place_cards(seating, _qr_codes(seating)),
        "table-sheets": lambda: prepare.table_sheets(
            seating, event.minutes_per_guest or 0, guest_qr.table_codes(seating)
        ),
        "kitchen": lambda: prepare.kitchen(seating),
        "badges": lambda: prepare.badges(seating, _qr_codes(seating)),
    }
    return builders[kind]()


def _qr_codes(seating: Seating) -> dict:
    """Return {guest id: inline SVG QR code of their table's page}."""
    return {
        guest_id: guest_qr.qr_svg(link, "QR code: the page of your table")
        for guest_id, link in guest_qr.links_for(seating).items()
    }


def render_html(
    kind: str, event: Event, seating: Seating, paper: str, css_href: str, pdf: bool = False
) -> str:
    """Render a printable's HTML; css_href points at print.css for a browser or WeasyPrint."""
    return render_template(
        f"sheets/{kind.replace('-', '_')}.html",
        printable=PRINTABLES[kind],
        event={
            "id": event.id,
            "title": event.title,
            "venue": event.venue,
            "starts_at": event.starts_at,
        },
        seating={"number": seating.version_number, "published": seating.published},
        paper=paper,
        css_href=css_href,
        pdf=pdf,
        data=context_for(kind, event, seating, paper),
    )


def static_root() -> Path:
    """The app's static folder, resolved."""
    return Path(current_app.static_folder).resolve()


def render_pdf(kind: str, event: Event, seating: Seating, paper: str) -> bytes:
    """Render a printable as PDF bytes with WeasyPrint (needs an app context, no request)."""
    from weasyprint import HTML

    root = static_root()
    html = render_html(kind, event, seating, paper, css_href="css/print.css", pdf=True)
    fetcher = static_only_fetcher(root)
    return HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher).write_pdf()


def write_all(
    event: Event,
    seating: Seating,
    paper: str,
    out_dir: Path,
    progress: Callable[[int, str], None] | None = None,
) -> list[Path]:
    """Write every printable's PDF into out_dir; report progress after each file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for done, printable in enumerate(PRINTABLES.values(), start=1):
        target = out_dir / printable.filename
        # A unique partial name: two runs at once never write into the same file.
        partial = out_dir / f".{printable.kind}.{uuid.uuid4().hex}.part"
        partial.write_bytes(render_pdf(printable.kind, event, seating, paper))
        partial.replace(target)  # a reader never sees half a PDF
        written.append(target)
        if progress:
            progress(done, printable.filename)
    return written


@functools.cache
def _fetcher_class():
    """Build the fetcher class on first use: importing WeasyPrint costs most of a second."""
    from weasyprint import URLFetcher

    class StaticOnlyFetcher(URLFetcher):
        """Read files from the static folder and nothing else (no network, no other files)."""

        def __init__(self, root: Path) -> None:
            super().__init__(allowed_protocols={"file"}, fail_on_errors=True)
            self.root = root

        def fetch(self, url: str, headers=None):
            """Fetch a file:// URL inside the static folder; refuse anything else."""
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve()
            if parts.scheme != "file" or not path.is_relative_to(self.root):
                raise ValueError(f"sheets only load their own static files, not {url}")
            return super().fetch(url, headers)

    return StaticOnlyFetcher


def static_only_fetcher(root: Path):
    """Return a WeasyPrint URL fetcher confined to root."""
    return _fetcher_class()(root)
