"""Seat dinner guests at tables so that pair scores are high and every hard rule holds.

Pure library: standard library, numpy and OR-Tools only. Start with `solve(problem, options)`.
"""

from dinnerplan.solver.driver import solve
from dinnerplan.solver.mdgp import read_mdgp
from dinnerplan.solver.schema import InfeasibleError, Options, Problem, Result, Table
from dinnerplan.solver.validate import check, score

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
