"""Each rule of the house is defined once (issue 10): grep finds one definition of each."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import dinnerplan

PACKAGE = Path(dinnerplan.__file__).parent
RULES = (
    "current_version",
    "plan_tables",
    "parse_intent",
    "safe_cell",
    "safe_next",
    "personal_link",
    "token_for",
    "sort_key",
)


@pytest.mark.parametrize("name", RULES)
def test_each_rule_is_defined_once(name):
    pattern = re.compile(rf"^\s*def {name}\(", re.M)
    where = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        for _ in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert len(where) == 1, where
