"""Shared helpers for the reliability tests (issue 8)."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import pytest

from namndtui.examples import example_meeting

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"
HOSTILE = ROOT / "tests" / "data" / "hostile"
EXAMPLE = example_meeting()


def load_harness():
    """benchmarks/fault_injection.py as a module (the scripted meeting lives there)."""
    name = "namndtui_fault_injection"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "fault_injection.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def tree_hash(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under `folder` (folders as "dir")."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        out[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture
def harness():
    return load_harness()


def cli(*argv: str) -> tuple[int, str, str]:
    """`namndtui ARGV` in this process: (exit code, stdout, stderr)."""
    import contextlib
    import io

    from namndtui.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()
