"""Helpers shared by the TUI tests."""

from __future__ import annotations

import json
from pathlib import Path

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
