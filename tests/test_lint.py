"""The lint check: ruff finds nothing and the code is formatted (settings in pyproject.toml).

Besides pycodestyle, pyflakes, imports, bugbear, pyupgrade and simplify, ruff checks pytest
style (PT) and docstrings (D, Google convention), so each stays true once fixed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )


def test_ruff_finds_nothing():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted():
    result = ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_reports_pytest_style_and_missing_docstrings(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        '"""A module."""\n\n\ndef label(guest):\n    return guest.name\n\n\n'
        "def test_label():\n    assert label and test_label\n"
    )
    result = ruff("check", "--config", str(REPO / "pyproject.toml"), str(module))
    assert result.returncode != 0
    assert "D103" in result.stdout  # label has no docstring
    assert "PT018" in result.stdout  # one assert checking two things
