"""Read MDGPLIB instances (maximally diverse grouping problem) as seating problems."""

from __future__ import annotations

from pathlib import Path

from dinnerplan.solver.schema import Problem, Table


def read_mdgp(path: str | Path) -> Problem:
    """Read an MDGPLIB file: guests "0".."n-1", tables "G1".."Gk"; raise ValueError if malformed."""
    lines = Path(path).read_text().split("\n")
    head = lines[0].split()
    try:
        n, k = int(head[0]), int(head[1])
        bounds = [int(x) for x in head[3 : 3 + 2 * k]]
        if head[2] not in ("ss", "ds") or len(bounds) != 2 * k:
            raise ValueError
        tables = tuple(Table(f"G{g + 1}", bounds[2 * g], bounds[2 * g + 1]) for g in range(k))
        scores = []
        for line in lines[1:]:
            if line.strip():
                i, j, s = line.split()
                scores.append((i, j, float(s)))
    except (ValueError, IndexError):
        raise ValueError(f"{path} is not an MDGPLIB file (header 'n G ss|ds a1 b1 ...')") from None
    if len(scores) != n * (n - 1) // 2:
        raise ValueError(f"{path} has {len(scores)} pairs, expected {n * (n - 1) // 2}")
    names = {str(i) for i in range(n)}
    if any(i not in names or j not in names for i, j, _ in scores):
        raise ValueError(f"{path} names an element outside 0..{n - 1}")
    return Problem(guests=tuple(str(i) for i in range(n)), tables=tables, scores=tuple(scores))
