"""Helpers shared by the TUI tests."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App


def screen_text(app: App) -> str:
    """What the terminal shows, as plain text lines (top screen, modals included)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def journal_events(folder: Path) -> list[dict]:
    """The event payloads of every journal file (*.jsonl) in the folder, in order."""
    events = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                data = json.loads(line)
                if "event" in data:  # the first line is the journal's header
                    events.append(data["event"])
    return events


def without_notices(app: App) -> None:
    """No notice is ever shown (for snapshots): a notice is posted by a form's worker
    when its act is on disk, which on a loaded machine can come after any fixed point
    of the test, and it expires on the wall clock; each screen keeps its own toasts, so
    clearing the top screen's leaves those of the screen behind a modal. The notices
    themselves are tested in the Pilot tests, by their text."""
    app.notify = lambda *args, **kwargs: None  # type: ignore[method-assign]
    app.clear_notifications()


async def settle(pilot: Any) -> None:
    """Wait until the keys pressed have all been handled: none is held for a form that is
    still opening (tui/typeahead.py replays them once it is drawn), and the messages they
    caused are processed. A bound of about a minute turns a hang into a failure."""
    hold = getattr(pilot.app, "key_hold", None)
    for _ in range(600):
        await pilot.pause()
        if hold is None or not hold.holding:
            break
    await pilot.pause()


async def until(pilot: Any, check: Callable[[], object], what: str, seconds: float = 60) -> None:
    """Wait until `check()` holds, letting the app run between looks: what a worker, a
    timer or a call_after_refresh posts arrives whenever the machine gets to it, so a
    test waits on the state it asserts, never on a fixed pause. The bound is on the wall
    clock (a timer's delay passes however fast a pause returns); reaching it turns a
    hang into a failure that says what never came."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        await pilot.pause()


def drawn(screen: Any) -> bool:
    """The screen has nothing left to do for its last change: no widget waits for a
    layout, scroll, repaint or style update, no message is queued, no layout or dirty
    region is pending on the screen and no call_after_refresh waits to run."""
    for node in (screen, *screen.walk_children()):
        if (
            node._layout_required
            or node._scroll_required
            or node._repaint_required
            or node._refresh_styles_required
            or not node._message_queue.empty()
        ):
            return False
    return not (screen._recompose_required or screen._dirty_widgets or screen._callbacks)
