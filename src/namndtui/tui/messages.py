"""Messages between the app and its screens: state down, requests up.

The app owns the record; a screen or modal never applies events itself but posts a
request (`ActsRequested`, through `request_act` or, in a worker, `act_recorded`;
`UndoRequested`), and the app answers every screen with `RecordChanged` once the record
has changed.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App

    from namndtui.model import Meeting
    from namndtui.record.events import Event
    from namndtui.record.state import RecordState

    # an act of record/acts.py with its input bound: (meeting, state) -> its events
    Act = Callable[[Meeting, RecordState], Sequence[Event]]


class RecordChanged(Message):
    """Posted after events were recorded (or undone): screens refresh what they show."""

    def __init__(self, item_ids: list[str] | None) -> None:
        super().__init__()
        self.item_ids = item_ids  # items touched; None = anything may have changed


class ActsRequested(Message):
    """A screen or modal asks the app to record one act of the secretary: `events` as
    given, or the events of `act(meeting, state)` (an act of record/acts.py with its input
    bound), decided on the state they are applied to, so that acts asked for in a burst
    are decided and recorded in the order asked.

    `done(recorded)` runs in the app's handler once the events are durable (True) or the
    act was refused (False, said in a notice), before the app takes its next message: a
    screen acknowledges an act only from there.
    """

    def __init__(
        self,
        events: Sequence[Event] = (),
        *,
        act: Act | None = None,
        done: Callable[[bool], object] | None = None,
    ) -> None:
        super().__init__()
        self.events = tuple(events)
        self.act = act
        self.done = done


def request_act(
    app: App[Any],
    build: Callable[..., Sequence[Event]],
    *args: Any,
    done: Callable[[], object] | None = None,
    **kwargs: Any,
) -> None:
    """Ask `app` to record the act `build(meeting, state, *args, **kwargs)`; `done()`
    runs once it is recorded (nothing runs on a refusal: the app says why)."""

    def answered(recorded: bool) -> None:
        if recorded and done is not None:
            done()

    act = functools.partial(_decide, build, args, kwargs)
    app.post_message(ActsRequested(act=act, done=answered))


async def act_recorded(
    app: App[Any], build: Callable[..., Sequence[Event]], *args: Any, **kwargs: Any
) -> bool:
    """`request_act`, awaited (in a worker): True once the act is durable, False when
    it was refused."""
    reply: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def answered(recorded: bool) -> None:
        if not reply.done():  # the worker may have been cancelled meanwhile
            reply.set_result(recorded)

    act = functools.partial(_decide, build, args, kwargs)
    app.post_message(ActsRequested(act=act, done=answered))
    return await reply


def _decide(
    build: Callable[..., Sequence[Event]],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    meeting: Meeting,
    state: RecordState,
) -> Sequence[Event]:
    return build(meeting, state, *args, **kwargs)


class UndoRequested(Message):
    """ctrl+z, or a vote round cancelled before anyone voted: take back the latest act."""


class RedoRequested(Message):
    """ctrl+y: bring back the latest act undone."""


class ReviewRequested(Message):
    """The archive asks for the minutes at `path` (loaded: `minutes`), read-only, at
    `item_id` (the first § when None)."""

    def __init__(self, minutes: Any, path: Path, item_id: str | None) -> None:
        super().__init__()
        self.minutes = minutes
        self.path = path
        self.item_id = item_id
