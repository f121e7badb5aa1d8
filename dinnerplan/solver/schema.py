"""Frozen data classes that go into and come out of the seating solver."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


class InfeasibleError(Exception):
    """No seating satisfies the hard rules; `reason` says why in plain words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Table:
    """A table with its own size range (guests seated, inclusive)."""

    id: str
    min: int
    max: int


def _frozen_map(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True)
class Problem:
    """Guests, tables, pair scores and the hard rules of one seating."""

    guests: tuple[str, ...]
    tables: tuple[Table, ...]
    scores: tuple[tuple[str, str, float], ...] = ()
    apart: tuple[tuple[str, str], ...] = ()
    together: tuple[tuple[str, ...], ...] = ()
    fixed: Mapping[str, str] = field(default_factory=dict)
    hosts: tuple[str, ...] = ()
    current: Mapping[str, str] = field(default_factory=dict)
    move_cost: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "guests", tuple(self.guests))
        object.__setattr__(self, "tables", tuple(self.tables))
        object.__setattr__(self, "scores", tuple((a, b, float(s)) for a, b, s in self.scores))
        object.__setattr__(self, "apart", tuple(tuple(p) for p in self.apart))
        object.__setattr__(self, "together", tuple(tuple(g) for g in self.together))
        object.__setattr__(self, "hosts", tuple(self.hosts))
        object.__setattr__(self, "fixed", _frozen_map(self.fixed))
        object.__setattr__(self, "current", _frozen_map(self.current))

    def __hash__(self) -> int:
        return hash((self.guests, self.tables, self.scores, self.apart, self.together))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Problem:
        """Build a problem from the JSON format in docs/solver.md; raise ValueError if malformed."""
        if not isinstance(d, Mapping):
            raise ValueError("the problem must be a JSON object")
        try:
            guests = tuple(_name(g, "guest") for g in d["guests"])
            tables = tuple(
                Table(_name(t["id"], "table id"), _int(t.get("min", 0)), _int(t["max"]))
                for t in d["tables"]
            )
        except KeyError as exc:
            raise ValueError(f"missing field {exc.args[0]!r}") from None
        except TypeError:
            raise ValueError(
                "'guests' must be a list of names and 'tables' a list of objects"
            ) from None
        scores = []
        for row in d.get("scores", []):
            if not isinstance(row, list | tuple) or len(row) != 3:
                raise ValueError(f"each score must be [guest, guest, number], got {row!r}")
            scores.append((_name(row[0], "guest"), _name(row[1], "guest"), _number(row[2])))
        apart = []
        for row in d.get("apart", []):
            if not isinstance(row, list | tuple) or len(row) != 2:
                raise ValueError(f"each apart entry must be [guest, guest], got {row!r}")
            apart.append((_name(row[0], "guest"), _name(row[1], "guest")))
        together = []
        for row in d.get("together", []):
            if not isinstance(row, list | tuple):
                raise ValueError(f"each together entry must be a list of guests, got {row!r}")
            together.append(tuple(_name(g, "guest") for g in row))
        return cls(
            guests=guests,
            tables=tables,
            scores=tuple(scores),
            apart=tuple(apart),
            together=tuple(together),
            fixed=_name_map(d.get("fixed", {}), "fixed"),
            hosts=tuple(_name(h, "host") for h in d.get("hosts", [])),
            current=_name_map(d.get("current", {}), "current"),
            move_cost=_number(d.get("move_cost", 1.0)),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of this problem."""
        return {
            "guests": list(self.guests),
            "tables": [{"id": t.id, "min": t.min, "max": t.max} for t in self.tables],
            "scores": [[a, b, s] for a, b, s in self.scores],
            "apart": [list(p) for p in self.apart],
            "together": [list(g) for g in self.together],
            "fixed": dict(self.fixed),
            "hosts": list(self.hosts),
            "current": dict(self.current),
            "move_cost": self.move_cost,
        }


@dataclass(frozen=True)
class Options:
    """How long and how to search; fairness weights each guest's best tablemate score."""

    time_limit: float = 10.0
    seed: int = 0
    workers: int = 0
    fairness: float = 1.0
    iterations: int | None = None

    def __post_init__(self) -> None:
        if not self.time_limit > 0:
            raise ValueError("time_limit must be positive")
        if self.workers < 0:
            raise ValueError("workers must be 0 (all cores) or more")
        if self.fairness < 0:
            raise ValueError("fairness must be 0 (off) or more")


@dataclass(frozen=True)
class Result:
    """A seating with its scores, or the reason there is none."""

    status: str
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    tables: dict[str, list[str]] = field(default_factory=dict)
    table_scores: dict[str, float] = field(default_factory=dict)
    guest_scores: dict[str, dict[str, float]] = field(default_factory=dict)
    moved: list[tuple[str, str | None, str]] = field(default_factory=list)
    penalties: dict[str, float] = field(default_factory=dict)
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of docs/solver.md plus the extra score fields."""
        return {
            "status": self.status,
            "objective": _round(self.objective),
            "bound": _round(self.bound),
            "seconds": round(self.seconds, 3),
            "tables": {k: list(v) for k, v in self.tables.items()},
            "table_scores": {k: _round(v) for k, v in self.table_scores.items()},
            "guest_scores": {
                g: {k: _round(v) for k, v in s.items()} for g, s in self.guest_scores.items()
            },
            "moved": [{"guest": g, "from": a, "to": b} for g, a, b in self.moved],
            "penalties": {k: _round(v) for k, v in self.penalties.items()},
            "reason": self.reason,
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), 6)


def _name(x: Any, what: str) -> str:
    if not isinstance(x, str) or not x:
        raise ValueError(f"each {what} must be a non-empty string, got {x!r}")
    return x


def _int(x: Any) -> int:
    if isinstance(x, bool) or not isinstance(x, int):
        raise ValueError(f"table sizes must be whole numbers, got {x!r}")
    return x


def _number(x: Any) -> float:
    if isinstance(x, bool) or not isinstance(x, int | float) or not math.isfinite(x):
        raise ValueError(f"scores and costs must be finite numbers, got {x!r}")
    return float(x)


def _name_map(x: Any, what: str) -> dict[str, str]:
    if not isinstance(x, Mapping):
        raise ValueError(f"'{what}' must be an object mapping guest to table id")
    return {_name(k, "guest"): _name(v, "table id") for k, v in x.items()}
