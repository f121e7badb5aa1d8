"""Cells safe to open in a spreadsheet: the rule shared by every CSV export and the importer."""

from __future__ import annotations

# A cell starting with one of these runs as a formula in Excel, LibreOffice and Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Neutralise a spreadsheet formula (OWASP CSV injection) by prefixing an apostrophe."""
    text = str(value or "")
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text
