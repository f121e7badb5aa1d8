"""The dead-code check: vulture finds no unused code in dinnerplan (settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def vulture(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vulture", *args], cwd=cwd, capture_output=True, text=True
    )


def test_dinnerplan_has_no_dead_code():
    result = vulture()
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_reports_new_dead_code(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.vulture]\nmin_confidence = 80\n")
    (tmp_path / "module.py").write_text(
        "def label(guest, unused_flag):\n    return guest.name\n    print('never')\n"
    )
    result = vulture("module.py", cwd=tmp_path)
    assert result.returncode != 0
    assert "unused variable 'unused_flag'" in result.stdout
    assert "unreachable code" in result.stdout
