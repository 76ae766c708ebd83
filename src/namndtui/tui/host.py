"""What a screen or modal may ask of the app, without importing the app module.

`RecordHost` is the part of `NamndApp` the screens and modals read (the meeting, the
state, the clock). They never apply events: they ask the app to record an act with a
message (tui/messages.py: `ActsRequested`, `UndoRequested`, `RedoRequested`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from namndtui.model import Meeting
    from namndtui.record.state import RecordState


class RecordHost(Protocol):
    meeting: Meeting

    @property
    def state(self) -> RecordState: ...

    @property
    def readonly(self) -> bool: ...

    def now_hhmm(self) -> str: ...

    @property
    def user_keymap(self) -> dict[str, str]: ...

    def refuse_readonly(self) -> bool: ...


def host_of(app: App[Any]) -> RecordHost:
    """The app as the record's host (NamndApp implements RecordHost)."""
    return cast("RecordHost", app)
