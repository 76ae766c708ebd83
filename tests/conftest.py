"""Suite-wide fixtures: no test ever reads or writes the real ~/.cache."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_saved: list[tuple[str | None, str]] = []


def pytest_configure(config: pytest.Config) -> None:
    """A private XDG_CACHE_HOME from the start: module-scoped fixtures and code run at
    collection load meetings too, before any function-scoped fixture."""
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
