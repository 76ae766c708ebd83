"""The code base stays ruff clean and ruff formatted (pyproject.toml holds the rules)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ["src", "tests", "benchmarks"]


def ruff(*args: str) -> subprocess.CompletedProcess:
    if shutil.which("ruff") is None:
        pytest.skip("ruff not installed")
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, *FOLDERS], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_clean() -> None:
    result = ruff("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_clean() -> None:
    """`ruff format --check` (half a second): a formatting drift is named with its file
    here, not found later by whoever touches the file next."""
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
