"""The dinner's outcome for the organizer: promises, introductions, help met.

Whether guests met someone who could help with their need, per table, and against the
seating's prediction.

The prediction is read from the published seating's stored summary ("helped": a tablemate
can help with one of the guest's needs, per dinnerplan.matching); nothing here changes it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields

from dinnerplan.extensions import db
from dinnerplan.intros.build import seated
from dinnerplan.models import Event, FollowupAnswer, Promise, PromiseState
from dinnerplan.seating.profiles import score_guests
from dinnerplan.seating.versions import published_version


@dataclass(frozen=True)
class Row:
    """One table's outcome (or the dinner's total)."""

    name: str
    guests: int = 0
    made: int = 0
    kept: int = 0
    open: int = 0
    dropped: int = 0
    intros: int = 0  # introductions made: intro promises and asks marked done
    answered: int = 0  # guests who answered "did you meet someone who could help?"
    met_help: int = 0  # ... and said yes
    predicted: int = 0  # guests the seating predicted a tablemate could help
    predicted_and_met: int = 0  # predicted, and said yes

    @property
    def met_help_text(self) -> str:
        """'2 of 3 who answered (67 %)', or 'no answers yet'."""
        if not self.answered:
            return "no answers yet"
        return f"{self.met_help} of {self.answered} who answered ({self.met_help_share} %)"

    @property
    def met_help_share(self) -> int:
        """Share of answering guests who met someone who could help, in whole percent."""
        return round(100 * self.met_help / self.answered) if self.answered else 0


@dataclass(frozen=True)
class Outcome:
    """Per-table rows in table order, and the total."""

    tables: list[Row]
    total: Row
    published: bool


def _predicted(version, rows) -> set[int]:
    """Return ids of seated guests the seating predicted someone at their table could help."""
    stored = (version.summary or {}).get("guests") or {}
    if stored:
        return {int(gid) for gid, entry in stored.items() if entry.get("helped")}
    scores = score_guests(g for _, g, _ in rows)  # older versions: recompute
    table_of = {g.id: t.id for _, g, t in rows}
    return {
        g.id
        for _, g, _ in rows
        if any(
            scores.helps(str(o), str(g.id))
            for o, t in table_of.items()
            if t == table_of[g.id] and o != g.id
        )
    }


def outcome(event: Event) -> Outcome:
    """Return the dinner's outcome per table of the published seating."""
    version = published_version(event)
    if version is None:
        return Outcome([], Row("All tables"), False)
    rows = seated(version)
    table_of = {g.id: t.id for _, g, t in rows}
    names = {t.id: t.name for _, _, t in rows}
    predicted = _predicted(version, rows)
    answers = {
        a.guest_id: a.value
        for a in db.session.scalars(
            db.select(FollowupAnswer).where(
                FollowupAnswer.event_id == event.id, FollowupAnswer.kind == "helped"
            )
        )
    }
    counts: dict[int, dict[str, int]] = {t: dict.fromkeys(_NUMBERS, 0) for t in names}
    for guest_id, table_id in table_of.items():
        c = counts[table_id]
        c["guests"] += 1
        c["answered"] += guest_id in answers
        c["met_help"] += answers.get(guest_id) is True
        c["predicted"] += guest_id in predicted
        c["predicted_and_met"] += guest_id in predicted and answers.get(guest_id) is True
    for p in db.session.scalars(db.select(Promise).where(Promise.event_id == event.id)):
        c = counts.get(table_of.get(p.giver_id))
        if c is not None:
            c["made"] += 1
            c["kept"] += p.state == PromiseState.DONE
            c["open"] += p.state == PromiseState.OPEN
            c["dropped"] += p.state == PromiseState.DROPPED
            c["intros"] += p.state == PromiseState.DONE and p.kind in ("intro", "ask")
    tables = [Row(names[t], **counts[t]) for t in names]
    total = Row("All tables", **{k: sum(counts[t][k] for t in names) for k in _NUMBERS})
    return Outcome(tables, total, True)


_NUMBERS = [f.name for f in fields(Row) if f.name != "name"]


def to_csv(report: Outcome) -> str:
    """Return the outcome as CSV: one line per table, then the total."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["table", *_NUMBERS, "met_help_percent"])
    for row in [*report.tables, report.total]:
        name = row.name
        if name[:1] in ("=", "+", "-", "@"):  # keep spreadsheets from running it as a formula
            name = "'" + name
        writer.writerow([name, *(getattr(row, k) for k in _NUMBERS), row.met_help_share])
    return out.getvalue()
