"""The pure core and the non-TUI commands never import Textual (start-up time, testability).

Add new core modules to CORE_MODULES as they appear (record, minutes, importing, archive …);
a module listed here that does not exist yet is skipped, so the list can run ahead of the code.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
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
    "namndtui.datatypes",
    "namndtui.timeofday",
    "namndtui.storage",
    "namndtui.tomlpos",
    "namndtui.tomlcheck",
    "namndtui.meetingfile",
    "namndtui.meetingcheck",
    "namndtui.meetingwrite",
    "namndtui.minutes.protokoll_read",
    "namndtui.minutes.protokoll_write",
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


# `namndtui MEETING` as the secretary starts it (cli.main: settings, build_app, the app),
# headless; at the first complete screen update the child prints the modules imported so
# far (a lazy module not yet used does not count) and leaves. What the first frame does
# not need comes after it (docs/performance.md, the first-frame budgets).
FIRST_FRAME_MODULES = """
import os, sys
from textual.app import App
def _display(self, screen, renderable):
    if renderable is not None and not self._batch_count:
        names = [n for n, m in sys.modules.items() if type(m).__name__ != "_LazyModule"]
        names += [os.path.basename(path) for path, _ in self.stylesheet.source if path]
        print(" ".join(names), flush=True)
        os._exit(0)
App._display = _display
_run = App.run
App.run = lambda self, **kw: _run(self, headless=True, size=(120, 36))
from namndtui.cli import main
main([sys.argv[1]])
os._exit(3)
"""

# Not before the first frame: the record's acts and journal (the record opens right after
# it), the minutes, the archive, the importers, and the heavy libraries they bring.
NOT_BEFORE_FIRST_FRAME = (
    "namndtui.record.events",
    "namndtui.record.event_base",
    "namndtui.record.item_events",
    "namndtui.record.meeting_events",
    "namndtui.record.acts",
    "namndtui.record.attendance_acts",
    "namndtui.record.correction_acts",
    "namndtui.record.vote_acts",
    "namndtui.record.procedure",
    "namndtui.record.journal",
    "namndtui.record.record",
    "namndtui.record.lock",
    "namndtui.record.fold",
    "namndtui.record.state_parts",  # a state before any event holds none of them
    "namndtui.meetingwrite",
    "namndtui.minutes",
    "namndtui.archive",
    "namndtui.importing",
    "namndtui.follow",
    "cryptography",
    "jinja2",
    "weasyprint",
    "pypdf",
    "pikepdf",
    "pdfplumber",
    "defusedxml",
    "sqlite3",
    "argparse",  # `namndtui PATH` needs no parser (cli.main)
    "screens.tcss",  # the styles of dialogs, help, attendance: read after the first frame
)


def test_first_frame_imports_only_what_it_shows(tmp_path: Path) -> None:
    from namndtui.examples import example_meeting

    folder = tmp_path / "2007-10-23"
    folder.mkdir()
    shutil.copy(example_meeting(), folder / "meeting.toml")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"))  # no user settings
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_MODULES, str(folder)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    imported = set(result.stdout.split())
    assert {"namndtui.tui.screens.meeting", "namndtui.record.state", "app.tcss"} <= imported
    early = sorted(
        name
        for name in imported
        if any(name == m or name.startswith(m + ".") for m in NOT_BEFORE_FIRST_FRAME)
    )
    assert early == [], f"imported before the first frame: {early}"
