"""`dinnerplan followups send-due [--dry-run]` (for cron) and `followups report`."""

from __future__ import annotations

import sys
from datetime import datetime

import click
from flask.cli import with_appcontext

from dinnerplan import jobs
from dinnerplan.extensions import db


@click.group("followups")
def followups_cli() -> None:
    """After the dinner: follow-up emails and outcomes."""


@followups_cli.command("send-due")
@click.option("--dry-run", is_flag=True, help="List what is due; record and send nothing.")
@click.option("--now", "now_text", help="Pretend it is this UTC time (ISO 8601).")
@with_appcontext
def send_due_command(dry_run: bool, now_text: str | None) -> None:
    """Send the follow-up emails due now (run it from cron every few minutes)."""
    from dinnerplan.followups.sending import send_due

    now = None
    if now_text:
        try:
            now = datetime.fromisoformat(now_text).replace(tzinfo=None)
        except ValueError as exc:
            raise click.BadParameter("use ISO 8601, e.g. 2031-03-06T09:00") from exc
    due = send_due(now, dry_run=dry_run)
    jobs.wait_for_jobs()
    for item in due:
        click.echo(f"{item.stage}\tguest {item.guest_id}\t{item.key}")
    verb = "due (dry run, nothing sent)" if dry_run else "sent"
    click.echo(f"{len(due)} follow-up email(s) {verb}.")


@followups_cli.command("report")
@click.argument("event_id", type=int)
@click.option("--csv", "as_csv", is_flag=True, help="Write the per-table CSV to stdout.")
@with_appcontext
def report_command(event_id: int, as_csv: bool) -> None:
    """Print a dinner's outcome: promises made, kept and open; who met help, per table."""
    from dinnerplan.followups.outcome import outcome, to_csv
    from dinnerplan.models import Event

    event = db.session.get(Event, event_id)
    if event is None:
        raise click.ClickException(f"No dinner with id {event_id}.")
    report = outcome(event)
    if as_csv:
        sys.stdout.write(to_csv(report))
        return
    for row in [*report.tables, report.total]:
        click.echo(
            f"{row.name}: {row.made} promised, {row.kept} kept, {row.open} open, "
            f"{row.intros} intros made; met help {row.met_help_text}; predicted {row.predicted}"
        )
