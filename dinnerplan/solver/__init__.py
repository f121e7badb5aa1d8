"""Seat dinner guests at tables so that pair scores are high and every hard rule holds.

Pure library: standard library, numpy, numba and OR-Tools only.
Start with `solve(problem, options)`.
"""

from dinnerplan.solver.mdgp import read_mdgp
from dinnerplan.solver.schema import InfeasibleError, Options, Problem, Result, Table
from dinnerplan.solver.validate import check, score


def solve(problem: Problem, options: Options | None = None) -> Result:
    """Seat every guest; raise InfeasibleError with a reason when no seating exists."""
    import time

    # The clock starts before the import: loading OR-Tools and the compiled search the first
    # time takes about a second, which counts against the time limit.
    t0 = time.monotonic()
    # Imported on first use, so that `import dinnerplan.solver` (schema, validate) stays light.
    from dinnerplan.solver.driver import solve as run

    return run(problem, options, t0)


__all__ = [
    "InfeasibleError",
    "Options",
    "Problem",
    "Result",
    "Table",
    "check",
    "read_mdgp",
    "score",
    "solve",
]
