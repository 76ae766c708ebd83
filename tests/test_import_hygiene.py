"""The pure core and the non-TUI commands never import Textual (start-up time, testability).

Add new core modules to CORE_MODULES as they appear (record, minutes, importing, archive …);
a module listed here that does not exist yet is skipped, so the list can run ahead of the code.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "tests" / "data" / "good" / "meeting.toml"

CORE_MODULES = [
    "namndtui",
    "namndtui.errors",
    "namndtui.model",
    "namndtui.storage",
    "namndtui.tomlpos",
    "namndtui.tomlcheck",
    "namndtui.meetingfile",
    "namndtui.cli",
    "namndtui.commands.validate",
    "namndtui.record",
    "namndtui.minutes",
    "namndtui.importing",
    "namndtui.archive",
    "namndtui.archive.index",
    "namndtui.archive.schema",
    "namndtui.archive.query",
    "namndtui.archive.build",
    "namndtui.archive.search",
    "namndtui.archive.freshness",
    "namndtui.archive.lock",
    "namndtui.commands.search",
    "namndtui.follow.view",
    "namndtui.record.follow",
    "namndtui.commands.follow",
]


def _exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _textual_modules(code: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return [m for m in result.stdout.split() if m]


PRINT_TEXTUAL = (
    "import sys; print(' '.join(m for m in sys.modules if m.split('.')[0] == 'textual'))"
)


def test_all_core_modules_together_import_no_textual() -> None:
    present = [m for m in CORE_MODULES if _exists(m)]
    assert "namndtui.meetingfile" in present
    code = "".join(f"import {m}; " for m in present) + PRINT_TEXTUAL
    assert _textual_modules(code) == []


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_textual(module: str) -> None:
    if not _exists(module):
        pytest.skip(f"{module} does not exist yet")
    assert _textual_modules(f"import {module}; {PRINT_TEXTUAL}") == []


def test_validate_command_loads_no_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "namndtui", "validate", str(GOOD)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # -X importtime writes one line per imported module to stderr: "... | name".
    imported = [
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    ]
    assert "namndtui.meetingfile" in imported  # the check really saw the imports
    assert [m for m in imported if m.split(".")[0] == "textual"] == []
