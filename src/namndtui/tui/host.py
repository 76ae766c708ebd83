"""What a screen or modal may ask of the app, without importing the app module.

`RecordHost` is the part of `NamndApp` the screens read (the meeting, the state, the
clock) and act through; `Recorder` is the callable a modal is given to record an act of
record/acts.py (the meeting screen's `act`): `recorder(build, *args)` applies
`build(meeting, state, *args)` and returns True when recorded (a refusal is a notice).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from namndtui.model import Meeting
    from namndtui.record.events import Event
    from namndtui.record.state import RecordState

Recorder = Callable[..., bool]


class RecordHost(Protocol):
    meeting: Meeting

    @property
    def state(self) -> RecordState: ...

    @property
    def readonly(self) -> bool: ...

    def apply(self, *events: Event) -> bool: ...

    def undo(self) -> None: ...

    def redo(self) -> None: ...

    def now_hhmm(self) -> str: ...

    def refuse_readonly(self) -> bool: ...


def host_of(app: App[Any]) -> RecordHost:
    """The app as the record's host (NamndApp implements RecordHost)."""
    return cast("RecordHost", app)
