"""Suite-wide fixtures: no test ever reads or writes the real ~/.cache."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_saved: list[tuple[str, str | None, str]] = []


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


# --- Pilot's idle wait ---------------------------------------------------------------------
# Textual's Pilot waits after every key (twice) and in every `pause()` until the app looks
# idle: it sleeps SLEEP_GRANULARITY (20 ms) at a time until one sleep passes with under
# SLEEP_IDLE (1 ms, 5 %) of process CPU. So every key costs at least 40 ms of sleep, most of
# a Pilot test's wall time on an idle machine (docs/performance.md, "The test suite").
# A shorter window alone is not safe: the screen repaints on a timer (1/60 s), and a window
# shorter than that period can call the app idle while a frame, and the call_after_refresh
# callbacks after it, is still due. So the frame period shrinks with it and stays shorter
# than the window: any frame due when a window starts is drawn inside it, and its CPU keeps
# the wait going, as with Textual's own values. The idle criterion (under 5 % busy) is
# unchanged. Only this process's apps (Pilot): the TUIs the tmux tests start run with
# Textual's own values. NAMNDTUI_PILOT_IDLE_MS=20 restores Textual's window and frame.
PILOT_IDLE_MS = float(os.environ.get("NAMNDTUI_PILOT_IDLE_MS", "5"))


def _pilot_idle_window() -> None:
    if PILOT_IDLE_MS >= 20:
        return
    import textual._wait as wait
    import textual.screen as screen

    wait.SLEEP_GRANULARITY = PILOT_IDLE_MS / 1000
    wait.SLEEP_IDLE = wait.SLEEP_GRANULARITY / 20
    # a frame at least every 0.8 window (a repaint is batched until the next frame)
    screen.UPDATE_PERIOD = min(screen.UPDATE_PERIOD, 0.8 * wait.SLEEP_GRANULARITY)


def pytest_configure(config: pytest.Config) -> None:
    """A private XDG_CACHE_HOME from the start: module-scoped fixtures and code run at
    collection load meetings too, before any function-scoped fixture."""
    _tmp_in_memory()
    _pilot_idle_window()
    # XDG_DATA_HOME too: the user's signing key lives there (minutes/signing.py), and
    # export --justerat signs with it when there is one.
    for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME"):
        base = tempfile.mkdtemp(prefix=f"namndtui-test-{name.lower()}-")
        _saved.append((name, os.environ.get(name), base))
        os.environ[name] = base


def pytest_unconfigure(config: pytest.Config) -> None:
    while _saved:
        name, old, base = _saved.pop()
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old
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


# --- Long tests first ----------------------------------------------------------------------
# `-n 2` runs with `--dist worksteal` (pyproject addopts): each worker takes half the list,
# and one that runs dry steals the last half of the other's queue. The list is ordered so
# that each half starts with its longest tests and ends with the shortest, so what is stolen
# at the end is short and the two workers finish together. Weights come from
# tests/durations.json (benchmarks/suite_durations.py writes it from a full run); a test not
# in it weighs DEFAULT_WEIGHT. A module whose tests share a module-scoped fixture, or a
# session-scoped fixture of its own, stays together in its own order (one unit), so the
# fixture is built once. Only the order changes, never which tests run.
DURATIONS = Path(__file__).with_name("durations.json")
DEFAULT_WEIGHT = 0.3


def _shares_fixture(item: pytest.Item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    module = item.nodeid.split("::")[0]
    for defs in getattr(info, "name2fixturedefs", {}).values():
        fixture = defs[-1]
        if fixture.scope in ("module", "class", "package") and fixture.baseid:
            return True
        if fixture.scope == "session" and fixture.baseid == module:
            return True
    return False


def _units(items: list[pytest.Item], weights: dict[str, float]) -> list[tuple[float, list]]:
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    units = []
    for group in modules.values():
        if any(_shares_fixture(item) for item in group):
            units.append((sum(weights.get(i.nodeid, DEFAULT_WEIGHT) for i in group), group))
        else:
            units += [(weights.get(i.nodeid, DEFAULT_WEIGHT), [i]) for i in group]
    return units


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    in_worker = hasattr(config, "workerinput")  # xdist's workers collect what they run
    if not in_worker or config.getoption("dist", "no") != "worksteal" or not DURATIONS.is_file():
        return
    import json

    weights = json.loads(DURATIONS.read_text(encoding="utf-8"))
    units = sorted(_units(items, weights), key=lambda unit: -unit[0])  # stable: ties as written
    halves: list[list[pytest.Item]] = [[], []]
    loads = [0.0, 0.0]
    for weight, group in units:
        if weight > DEFAULT_WEIGHT or len(group) > 1:  # longest first, to the lighter half
            half = 0 if loads[0] <= loads[1] else 1
            loads[half] += weight
        else:  # the many short ones even out the counts: worksteal splits the list in two
            half = 0 if len(halves[0]) <= len(halves[1]) else 1
        halves[half] += group
    items[:] = halves[0] + halves[1]
