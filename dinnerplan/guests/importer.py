"""Read a guest-list CSV into a preview: every row's values and problems, nothing saved.

Pure apart from email syntax checks: no database, no Flask. `parse_csv` is shared by the
web import and `dinnerplan guests import`; `operations.apply_import` writes the result.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email

from dinnerplan.guests.cells import parse_dietary, parse_rsvp
from dinnerplan.guests.decoding import CsvError, decode, refuse_nul
from dinnerplan.guests.vocabulary import (
    FIELD_LIMITS,
    HEADER_ALIASES,
    header_key,
)
from dinnerplan.matching.intents import parse_intent
from dinnerplan.matching.topics import Catalogue, load_catalogue
from dinnerplan.profile import split_items
from dinnerplan.spreadsheets import FORMULA_PREFIXES
from dinnerplan.topics.names import resolve_topic

TEXT_FIELDS = ("company", "title", "industry", "one_liner", "accessibility", "phone")
TEXT_FIELDS += ("linkedin", "notes")
_ALIAS_TO_FIELD = {alias: name for name, aliases in HEADER_ALIASES.items() for alias in aliases}


@dataclass
class ImportRow:
    """One data row: its spreadsheet row number, parsed values, problems and warnings."""

    number: int
    values: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    action: str = "create"  # create | update, set against the event by operations

    @property
    def ok(self) -> bool:
        """True when the row can be imported."""
        return not self.problems


@dataclass
class ImportPreview:
    """The parsed file: recognised columns, ignored columns and every row."""

    columns: dict[str, str]  # header as written -> field
    ignored: list[str]
    rows: list[ImportRow]

    @property
    def problem_rows(self) -> list[ImportRow]:
        """Rows that cannot be imported as they are."""
        return [row for row in self.rows if row.problems]

    @property
    def valid_rows(self) -> list[ImportRow]:
        """Rows that can be imported."""
        return [row for row in self.rows if not row.problems]


def sniff_delimiter(text: str) -> str:
    """Guess the delimiter (, ; or tab) from the first lines."""
    sample = "\n".join(text.splitlines()[:20])
    header = next((line for line in text.splitlines() if line.strip()), "")
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ""
    if delimiter and delimiter in header:
        return delimiter
    return max(",;\t", key=header.count)


def match_headers(headers: list[str]) -> tuple[dict[int, str], list[str]]:
    """Map column positions to fields; the first column for a field wins. Return ignored."""
    columns: dict[int, str] = {}
    ignored: list[str] = []
    for index, header in enumerate(headers):
        name = _ALIAS_TO_FIELD.get(header_key(header))
        if name and name not in columns.values():
            columns[index] = name
        elif header.strip():
            ignored.append(header.strip())
    if "email" not in columns.values():
        # Meetup has no email column; organizers add a question such as "Your email?".
        for index, header in enumerate(headers):
            if index not in columns and "email" in header_key(header):
                columns[index] = "email"
                ignored.remove(header.strip())
                break
    return columns, ignored


def parse_csv(
    data: bytes, max_rows: int | None = None, catalogue: Catalogue | None = None
) -> ImportPreview:
    """Parse an uploaded guest list into a preview; raise CsvError if it is not one.

    More than `max_rows` guests is refused as a whole (an import is one transaction); topic
    columns are read against `catalogue` (the event's; the built-in by default).
    """
    if not data.strip():
        raise CsvError("The file is empty.")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CsvError("This is not a CSV file. Save the spreadsheet as CSV and try again.")
    text = decode(data)
    refuse_nul(text)
    records = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    headers, first_row = _header(records)
    columns, ignored = match_headers(headers)
    fields = set(columns.values())
    if "email" not in fields or not fields & {"name", "first_name", "last_name"}:
        found = ", ".join(h.strip() for h in headers if h.strip()) or "none"
        raise CsvError(
            "We couldn't find both a name column and an email column in this file "
            f"(columns found: {found})."
        )
    rows: list[ImportRow] = []
    seen: dict[str, int] = {}
    for number, record in _numbered(records, first_row + 1):
        if any(cell.strip() for cell in record):
            if max_rows is not None and len(rows) >= max_rows:
                raise CsvError(
                    f"This file has more than {max_rows:,} guests; an import takes at most "
                    f"{max_rows:,}. Split the file and import each part."
                )
            row = _parse_row(number, record, columns, seen)
            _check_topics(row, record, columns, catalogue or load_catalogue())
            rows.append(row)
    header_names = {headers[i].strip(): name for i, name in columns.items()}
    return ImportPreview(columns=header_names, ignored=ignored, rows=rows)


def _numbered(records, start: int):
    """Yield (row number, record); a record the csv module refuses is a CsvError naming it."""
    number = start
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                raise CsvError(
                    f"Row {number} has a cell longer than {csv.field_size_limit():,} "
                    "characters, far more than any guest detail. Check that row's quotes."
                ) from None
            raise CsvError(f"Row {number} could not be read as CSV ({error}).") from None
        yield number, record
        number += 1


def _header(records) -> tuple[list[str], int]:
    """Return the first non-blank record and its row number."""
    try:
        for number, record in enumerate(records, start=1):
            if any(cell.strip() for cell in record):
                return record, number
    except csv.Error as error:
        raise CsvError(f"This file could not be read as CSV ({error}).") from None
    raise CsvError("The file is empty.")


def _cell(record: list[str], index: int) -> str:
    """A trimmed cell; undo the exporter's formula-safety apostrophe."""
    value = record[index].strip() if index < len(record) else ""
    if value.startswith("'") and value[1:2] in FORMULA_PREFIXES:
        value = value[1:]
    return value


def _parse_row(number: int, record: list[str], columns: dict, seen: dict) -> ImportRow:
    """Parse one record into an ImportRow; blank cells are left out (they never erase)."""
    cells = {name: _cell(record, index) for index, name in columns.items()}
    row = ImportRow(number=number)
    name = cells.get("name") or " ".join(
        part for part in (cells.get("first_name"), cells.get("last_name")) if part
    )
    if name:
        row.values["name"] = " ".join(name.split())
    else:
        row.problems.append("name is missing")
    _check_email(row, cells.get("email", ""), seen)
    for key in TEXT_FIELDS:
        if cells.get(key):
            row.values[key] = cells[key]
    for key in ("offers", "needs"):
        if cells.get(key):
            row.values[key] = split_items(cells[key])
    _check_choices(row, cells)
    for key, limit in FIELD_LIMITS.items():
        value = row.values.get(key)
        if isinstance(value, str) and len(value) > limit:
            row.problems.append(f"{key.replace('_', ' ')} is longer than {limit} characters")
    return row


def _check_topics(row: ImportRow, record: list[str], columns: dict, catalogue) -> None:
    """need_topics / offer_topics cells: topic ids or names, ';'-separated, all known."""
    for index, name in columns.items():
        if name not in ("need_topics", "offer_topics") or not _cell(record, index):
            continue
        ids, side = [], name.split("_")[0]
        for part in filter(None, (p.strip() for p in _cell(record, index).split(";"))):
            topic_id = resolve_topic(part, catalogue)
            if topic_id is None:
                row.problems.append(f"{side} topic '{part[:60]}' is not one we know")
            elif topic_id not in ids:
                ids.append(topic_id)
        if ids:
            row.values[name] = ids


def _check_email(row: ImportRow, email: str, seen: dict[str, int]) -> None:
    """Require a valid email, unique within the file (case-insensitively)."""
    if not email:
        row.problems.append("email is missing")
        return
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        row.problems.append(f"email '{email}' is not a valid email address")
        return
    email = email.lower()
    row.values["email"] = email
    if email in seen:
        row.problems.append(f"email '{email}' is a duplicate of row {seen[email]}")
    else:
        seen[email] = row.number


def _check_choices(row: ImportRow, cells: dict[str, str]) -> None:
    """Intent, RSVP and dietary cells: map to known values or report the value."""
    if cells.get("intent"):
        intent = parse_intent(cells["intent"])
        if intent:
            row.values["intent"] = intent
        else:
            row.problems.append(f"intent '{cells['intent']}' is not one we know")
    if cells.get("rsvp"):
        state, warning = parse_rsvp(cells["rsvp"])
        if state:
            row.values["rsvp"] = state
        else:
            row.problems.append(
                f"RSVP '{cells['rsvp']}' is not one we know (use yes, no, maybe or invited)"
            )
        if warning:
            row.warnings.append(warning)
    if cells.get("dietary"):
        keys, other = parse_dietary(cells["dietary"])
        row.values["dietary"] = keys
        if other:
            row.values["dietary_other"] = other
