"""The printed-sheets panel of the event page: the paper the sheets print on."""

from __future__ import annotations

from dataclasses import dataclass

from dinnerplan.models import Event
from dinnerplan.sheets.render import PAPERS, paper_of


@dataclass(frozen=True)
class SheetsPanel:
    """What the panel says about printing."""

    paper: str  # 'A4' or 'US Letter'


def panel(event: Event) -> SheetsPanel:
    """Return what the printed-sheets panel shows."""
    return SheetsPanel(paper=PAPERS[paper_of(event)])
