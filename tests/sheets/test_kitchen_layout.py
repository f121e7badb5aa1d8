"""Issue 13.13: the kitchen summary's column headers stay inside their cells.

Whatever the number of dietary columns (word boxes measured in the PDF with poppler's
pdftotext).
"""

from __future__ import annotations

import subprocess
from xml.etree import ElementTree

import pytest

from dinnerplan.profile import DIETARY
from tests.factories import sign_in_as
from tests.sheets.conftest import seat


def _words(pdf: bytes, tmp_path) -> list[tuple[float, float, float, str]]:
    """Return (yMin, xMin, xMax, word) of every word on the first page."""
    path = tmp_path / "kitchen.pdf"
    path.write_bytes(pdf)
    xml = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    root = ElementTree.fromstring(xml)
    return [
        (float(w.get("yMin")), float(w.get("xMin")), float(w.get("xMax")), w.text)
        for w in root.iter("{http://www.w3.org/1999/xhtml}word")
    ]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_header_word_clears_its_neighbour(app, client, make, tmp_path, paper):
    organizer = make.organizer()
    event = make.event(organizer, paper=paper)
    everyone = [{"name": f"Diner {key}", "dietary": [key], "accessibility": "x"} for key in DIETARY]
    seated = seat(app, event, [everyone, [{"name": "Other Eater", "dietary_other": "No fish"}]])
    sign_in_as(client, organizer)

    words = _words(client.get(f"/events/{seated.event_id}/sheets/kitchen.pdf").data, tmp_path)

    header_top = next(y for y, _, _, w in words if w == "Table" and y > 60)
    header = sorted((round(y), x0, x1, w) for y, x0, x1, w in words if abs(y - header_top) < 25)
    for label in ("Vegetarian", "Pescatarian", "Shellfish", "Access", "Gluten-free"):
        assert label in [w for *_, w in header], label  # whole, not broken up
    lines: dict[int, list] = {}
    for y, x0, x1, w in header:
        lines.setdefault(y, []).append((x0, x1, w))
    for line in lines.values():
        for (_, right, word), (left, _, nxt) in zip(line, line[1:], strict=False):
            assert right < left, f"“{word}” runs into “{nxt}”"
