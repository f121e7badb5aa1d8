"""The `solve` command: seat a problem JSON file (or an MDGPLIB instance) and print the result.

Needs no database or app config; the lead registers `solve` in the `dinnerplan` CLI group.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dinnerplan.solver import InfeasibleError, Options, Problem, Result, read_mdgp
from dinnerplan.solver import solve as run


def _load(path: str, mdgp: bool) -> Problem:
    try:
        if mdgp:
            return read_mdgp(path)
        return Problem.from_dict(json.loads(Path(path).read_text()))
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"cannot read {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise click.ClickException(f"{path} is not valid JSON: {exc}") from None
    except ValueError as exc:
        raise click.ClickException(f"{path}: {exc}") from None


class _BadInput(click.ClickException):
    exit_code = 2


@click.command("solve")
@click.argument("problem_file", metavar="PROBLEM.json", required=False)
@click.option("--mdgp", "mdgp_file", metavar="FILE", help="Read an MDGPLIB instance instead.")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True),
    default=10.0,
    show_default=True,
    help="Seconds to search.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Parallel workers (0 = all cores).",
)
@click.option("--no-fairness", is_flag=True, help="Only maximise the sum of pair scores.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write JSON here.")
def solve(problem_file, mdgp_file, time_limit, seed, workers, no_fairness, out):
    """Seat the guests of PROBLEM.json at tables and print the seating as JSON."""
    if bool(problem_file) == bool(mdgp_file):
        raise _BadInput("give either PROBLEM.json or --mdgp FILE")
    try:
        problem = _load(problem_file or mdgp_file, bool(mdgp_file))
    except click.ClickException as exc:
        raise _BadInput(exc.message) from None
    options = Options(
        time_limit=time_limit,
        seed=seed,
        workers=workers,
        fairness=0.0 if no_fairness or mdgp_file else 1.0,
    )
    try:
        result = run(problem, options)
    except InfeasibleError as exc:
        result = Result(status="infeasible", reason=exc.reason)
    text = json.dumps(result.to_dict(), indent=2)
    if out:
        Path(out).write_text(text + "\n")
    else:
        click.echo(text)
    if result.status == "infeasible":
        click.echo(f"infeasible: {result.reason}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    solve()
