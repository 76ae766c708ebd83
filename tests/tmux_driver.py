"""Drive `namndtui` in a real terminal: a private tmux server, 120x36, keys and screens.

Shared by the end-to-end test (tests/e2e) and the SIGKILL test through the TUI
(tests/reliability/test_tui_kill.py, also run longer by benchmarks/fault_injection.py).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
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
            env=self.env(),
        )
        return self.wait_for("Föredragningslista")

    def env(self) -> dict[str, str]:
        """This process's environment for the app, minus COLUMNS and LINES: Textual takes
        its size from them before the terminal's, and a test run can leave them set (an
        xdist worker had 80×24 after the snapshot tests, so the app drew 80×24 in a
        120×36 pane, and a step failed wherever the layout differed)."""
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        # no user settings (theme, [keys]) of whoever runs the tests
        config = str(self.folder.parent / "config")
        return {**env, "TERM": "xterm-256color", "XDG_CONFIG_HOME": config}

    def screen(self) -> str:
        args = [*self.tmux, "capture-pane", "-p", "-t", self.name]
        return subprocess.run(args, capture_output=True, text=True).stdout

    def wait_for(self, text: str, timeout: float = 30) -> str:
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

    def send(self, *keys: str) -> None:
        """The keys, at once and in order (the app handles them in order; the caller waits
        on what they cause, on screen or on disk)."""
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def send_text(self, text: str) -> None:
        """Text typed as is (no key names), at once."""
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)

    def wait_for_chosen(self, option: str) -> None:
        """Until `option` is the highlighted line of the focused list (drawn bold; the
        highlight of a list without the focus is not)."""

        def bold() -> bool:
            args = [*self.tmux, "capture-pane", "-e", "-p", "-t", self.name]
            screen = subprocess.run(args, capture_output=True, text=True).stdout
            style = re.search(r"((?:\x1b\[[0-9;]*m)*)" + re.escape(option), screen)
            return bool(style) and "\x1b[1m" in style.group(1)

        wait_until(f"{option!r} chosen in the focused list", bold)

    def cursor(self) -> str:
        """Where the terminal's cursor is: in the focused text field."""
        args = [*self.tmux, "display-message", "-p", "-t", self.name, "#{cursor_x},#{cursor_y}"]
        return subprocess.run(args, capture_output=True, text=True).stdout.strip()

    def wait_for_field(self, label: str) -> None:
        """Until the text field under `label` has the focus (the cursor is in it)."""

        def there() -> bool:
            rows = [n for n, line in enumerate(self.screen().splitlines()) if label in line]
            return bool(rows) and self.cursor().endswith(f",{rows[0] + 2}")

        try:
            wait_until(f"the cursor in the field under {label!r}", there)
        except AssertionError as err:
            raise AssertionError(f"{err}; cursor {self.cursor()}:\n{self.screen()}") from None

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


def wait_until(what: str, check: Callable[[], bool], timeout: float = 30) -> None:
    """Poll `check` until it holds; fail naming `what` after `timeout` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.03)
    raise AssertionError(f"{what}: not within {timeout} s")


def wait_gone(pid: int, timeout: float = 10) -> None:
    """Until the killed process is reaped (a zombie still counts as alive)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.03)
