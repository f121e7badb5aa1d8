"""Turn an uploaded file's bytes into text, or say plainly why not (pure: no Flask, no DB).

UTF-8 (with or without a BOM) is read directly; anything else is left to charset-normalizer,
which only answers with an encoding that decodes the whole file.
"""

from __future__ import annotations

import charset_normalizer

UNREADABLE = (
    "We couldn't read the text of this file: its encoding is damaged or unknown (for "
    "example a UTF-16 file cut short). Save the spreadsheet again as “CSV UTF-8” and upload that."
)


class CsvError(ValueError):
    """The file as a whole cannot be read as a guest list (empty, not CSV, no columns)."""


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), else whatever charset-normalizer reads cleanly.

    Raise CsvError when no encoding reads the whole file (a UTF-16 file cut short, a lone
    surrogate, random bytes).
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None:
        raise CsvError(UNREADABLE)
    # Equally good readings: prefer Windows-1252, what spreadsheets save in Western locales.
    for match in results:
        if match.encoding == "cp1252" and match.chaos <= best.chaos:
            best = match if match.coherence >= best.coherence else best
    return str(best)


def refuse_nul(text: str) -> None:
    """A NUL character cannot be stored: name the line it is on."""
    position = text.find("\x00")
    if position >= 0:
        line = text.count("\n", 0, position) + 1
        raise CsvError(
            f"Line {line} of the file contains an invisible NUL character (\\0), which can't "
            "be stored. Remove it (retype that row) and upload the file again."
        )
