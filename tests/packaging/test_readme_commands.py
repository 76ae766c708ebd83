"""README's two set-up commands make a venv (Debian's own python3 refuses pip installs,
PEP 668), and .ci/run runs README's test command (each of its steps, in order)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def sh_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", text, re.S)]


def test_the_first_two_commands_use_a_venv() -> None:
    open_cmd, test_cmd = sh_blocks()[:2]
    assert open_cmd == "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/namndtui"
    assert test_cmd.startswith("python3 -m venv .venv && .venv/bin/pip install -e '.[test]'")


def test_ci_runs_readmes_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    steps = sh_blocks()[1].split(" && ")
    at = 0
    for step in steps:  # each step on a line of its own, in order (pip may add -q)
        words = step.split()
        pattern = r"\s+".join(re.escape(w) for w in words[:2]) + r"[^\n]*" + re.escape(words[-1])
        found = re.compile(r"^[^#\n]*" + pattern, re.M).search(ci, at)
        assert found, f".ci/run does not run {step!r}"
        at = found.end()
