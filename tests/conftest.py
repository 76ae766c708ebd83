"""Suite-wide fixtures: no test ever reads or writes the real ~/.cache."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_saved: list[tuple[str | None, str]] = []


# Textual's Pilot waits after every key (twice) and in every `pause()` until the app looks
# idle: it sleeps SLEEP_GRANULARITY (20 ms) at a time until a sleep passes with under
# SLEEP_IDLE (1 ms) of process CPU, so each key costs at least 40 ms of sleep even when the
# app handled it in 5. The suite presses tens of thousands of keys. A 5 ms window with the
# same ratio (0.25 ms, "under 5 % busy") keeps the criterion and quarters the floor.
# No test may rely on this wait for correctness anyway (docs/reliability.md: tests wait on
# state; on a loaded machine a starved app looks idle at any window).
# NAMNDTUI_PILOT_IDLE_MS=20 gives Textual's own value back.
PILOT_IDLE_MS = float(os.environ.get("NAMNDTUI_PILOT_IDLE_MS", "5"))


def _pilot_idle_window() -> None:
    try:
        import textual._wait as wait
    except ImportError:  # pragma: no cover - textual is a dependency
        return
    wait.SLEEP_GRANULARITY = PILOT_IDLE_MS / 1000
    wait.SLEEP_IDLE = wait.SLEEP_GRANULARITY / 20


# The tests' files in memory where there is a tmpfs: every act fsyncs the journal, which
# costs ~3 ms on this machine's disk and nothing on tmpfs (the code still calls fsync; the
# tests that make fsync slow or fail patch it). Set before pytest picks its basetemp, and
# in TMPDIR for the subprocesses. NAMNDTUI_TEST_TMP=disk keeps the system's temp folder.
SHM = Path("/dev/shm")


def _tmp_in_memory() -> None:
    if os.environ.get("NAMNDTUI_TEST_TMP") == "disk" or os.environ.get("PYTEST_XDIST_WORKER"):
        return  # (workers get their basetemp from the controller)
    if not (SHM.is_dir() and os.access(SHM, os.W_OK)):
        return
    if shutil.disk_usage(SHM).free < 2 * 1024**3:
        return
    os.environ["TMPDIR"] = str(SHM)
    tempfile.tempdir = str(SHM)


def pytest_configure(config: pytest.Config) -> None:
    """A private XDG_CACHE_HOME from the start: module-scoped fixtures and code run at
    collection load meetings too, before any function-scoped fixture."""
    _pilot_idle_window()
    _tmp_in_memory()
    base = tempfile.mkdtemp(prefix="namndtui-test-cache-")
    _saved.append((os.environ.get("XDG_CACHE_HOME"), base))
    os.environ["XDG_CACHE_HOME"] = base


def pytest_unconfigure(config: pytest.Config) -> None:
    while _saved:
        old, base = _saved.pop()
        if old is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = old
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(autouse=True)
def _private_cache_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every test gets its own empty XDG_CACHE_HOME (no test sees another's cache)."""
    cache = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    # nor the user's settings file (docs/settings.md): export reads its [protokoll] table
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))
    yield cache
