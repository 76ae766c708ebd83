"""Drive `namndtui` in a real terminal: a private tmux server, 120x36, keys and screens.

Shared by the end-to-end test (tests/e2e) and the SIGKILL test through the TUI
(tests/reliability/test_tui_kill.py, also run longer by benchmarks/fault_injection.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


class Tmux:
    """The app on its own tmux server (`-L name`): its sessions get this process's
    environment (a shared server would hand them its own) and nobody else's tmux use can
    interfere. The interpreter running the tests runs the app, so it is the package under
    test, whatever `namndtui` on PATH points at."""

    def __init__(self, name: str, folder: Path) -> None:
        self.name, self.folder = name, folder
        self.tmux = ["tmux", "-L", name]

    def start(self) -> str:
        cmd = f"exec {sys.executable} -m namndtui {self.folder}"
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", self.name, "-x", "120", "-y", "36", cmd],
            check=True,
            env={**os.environ, "TERM": "xterm-256color"},
        )
        return self.wait_for("Föredragningslista")

    def screen(self) -> str:
        args = [*self.tmux, "capture-pane", "-p", "-t", self.name]
        return subprocess.run(args, capture_output=True, text=True).stdout

    def wait_for(self, text: str, timeout: float = 15) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in (screen := self.screen()):
                return screen
            time.sleep(0.03)
        raise AssertionError(f"{text!r} did not appear:\n{self.screen()}")

    def saw(self, text: str, timeout: float) -> bool:
        try:
            self.wait_for(text, timeout)
        except AssertionError:
            return False
        return True

    def key(self, key: str, pause: float = 0.1) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, key], check=True)
        time.sleep(pause)

    def keys(self, *keys: str, pause: float = 0.12) -> None:
        for key in keys:
            self.key(key, pause)

    def type(self, text: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)
        time.sleep(0.2)

    def pid(self) -> int:
        args = [*self.tmux, "display-message", "-p", "-t", self.name, "#{pane_pid}"]
        return int(subprocess.run(args, capture_output=True, text=True, check=True).stdout)

    def alive(self) -> bool:
        args = [*self.tmux, "has-session", "-t", self.name]
        return subprocess.run(args, capture_output=True).returncode == 0

    def kill(self) -> None:
        subprocess.run([*self.tmux, "kill-session", "-t", self.name], capture_output=True)

    def kill_server(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


def wait_gone(pid: int, timeout: float = 10) -> None:
    """Until the killed process is reaped (a zombie still counts as alive)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.03)
