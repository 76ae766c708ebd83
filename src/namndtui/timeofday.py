"""How a time of day is shown: "kl. 19.05", the Swedish way the minutes write it.

The record keeps times as "HH:MM" (the journal's format); every time shown to the
secretary – in the minutes, in the CLI's and the TUI's lines, in the record's refusals –
goes through `clock`, so they all agree (PRACTICE.md: `kl. 18.30–21.15`).
"""

from __future__ import annotations

import datetime as dt


def clock(value: str | dt.time) -> str:
    """'19:05' -> '19.05', '19:05:30' -> '19.05.30', dt.time(19, 5) -> '19.05'."""
    if isinstance(value, dt.time):
        value = value.strftime("%H:%M:%S" if value.second else "%H:%M")
    return value.replace(":", ".")
