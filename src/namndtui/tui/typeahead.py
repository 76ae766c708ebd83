"""Keys typed while a form is opening go to the form, not to the screen behind it.

A recording key (y, r, v, n …) starts a worker that pushes the form's dialog. Until the
dialog is on the screen, the keys typed after it would reach the meeting screen, where
letters are bindings: "y" typed quickly followed by "Almqvist" adjourned the meeting
(A) and quit the app (q). So the app holds keys from the recording key until the dialog
is shown and then replays them to it, in order (type-ahead, as a terminal user expects).
If no dialog comes (the act is refused with a notice, or needs none), the keys are
replayed when the action ends, to the screen they were typed on (HOLD_LIMIT is a bound
on the hold should an action never end; it is generous, because a form that opens after
the bound, on a busy machine, would get its type-ahead replayed to the meeting screen,
where a name's letters are bindings).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events, work

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

HOLD_LIMIT = 5.0


class KeyHold:
    """The app's hold on keys while a form is being opened."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.held: list[events.Key] | None = None  # None: not holding
        self._timer: Timer | None = None

    @property
    def holding(self) -> bool:
        return self.held is not None

    def start(self) -> None:
        if self.held is None:
            self.held = []
            self._timer = self.app.set_timer(HOLD_LIMIT, self.release)

    def take(self, event: events.Event) -> bool:
        """Keep a key while holding; True when the event was taken."""
        if self.held is None or not isinstance(event, events.Key):
            return False
        self.held.append(event)
        return True

    def release(self) -> None:
        """Stop holding and replay the held keys, in order, to whatever is on screen now."""
        keys, self.held = self.held or [], None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        for key in keys:
            self.app.post_message(events.Key(key.key, key.character))


def form_action(method: Callable[..., Any]) -> Callable[..., Any]:
    """Like `@work(exclusive=True, group="form")` on an async action, holding keys from
    the key that starts it until its form is shown, or until it ends without one."""

    @functools.wraps(method)
    async def body(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await method(self, *args, **kwargs)
        finally:  # no form came (refused, or an act without one): the keys go on now
            hold = getattr(self.app, "key_hold", None)
            if hold is not None and hold.holding:
                hold.release()

    worker = work(exclusive=True, group="form")(body)

    @functools.wraps(method)
    def start(self: Any, *args: Any, **kwargs: Any) -> Any:
        hold = getattr(self.app, "key_hold", None)
        if hold is not None:
            hold.start()
        return worker(self, *args, **kwargs)

    return start
