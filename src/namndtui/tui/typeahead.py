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
    from textual.message_pump import MessagePump
    from textual.timer import Timer

HOLD_LIMIT = 5.0


def key_hold(app: App) -> KeyHold | None:
    """The app's KeyHold (NamndApp has one, as `key_hold`); None in an app without
    type-ahead. (Not a module-level map keyed by the app: its KeyHold refers to the app,
    so a weak key never died and every app, with all its widgets, lived on.)"""
    hold = getattr(app, "key_hold", None)
    return hold if isinstance(hold, KeyHold) else None


class KeyHold:
    """The app's hold on keys: while a form is being opened ("form"), while a dialog
    handles an enter ("enter"), and while the key before has not settled ("settle").

    Released keys are replayed through the app's queue; keys typed meanwhile wait behind
    them (a replayed key that starts a new hold is held again, ahead of the newer ones),
    so the order of what was typed is kept whatever the load."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.held: list[events.Key] = []
        self._reasons: dict[str, Timer] = {}  # why we hold → the timer that ends it
        self._flight: list[events.Key] = []  # replayed, on their way through the queue
        self._from_flight = 0  # how many of `held` are replayed keys held again
        self._settling: events.Key | None = None

    @property
    def holding(self) -> bool:
        return bool(self._reasons)

    def start(self, reason: str = "form") -> None:
        if reason not in self._reasons:
            self._reasons[reason] = self.app.set_timer(HOLD_LIMIT, lambda: self.release(reason))

    def take(self, event: events.Event) -> bool:
        """Keep a key while holding (or while older keys are being replayed); True when
        the event was taken."""
        if not isinstance(event, events.Key) or event.is_forwarded:  # bubbled back up
            return False
        if self._flight and event is self._flight[0]:
            self._flight.pop(0)
            if self.holding:  # a replayed key started a new hold: the rest wait again
                self.held.insert(self._from_flight, event)
                self._from_flight += 1
                return True
            if not self._flight and self.held:
                self._replay()  # keys typed while these were replayed go next
            return False
        if self.holding or self._flight:
            self.held.append(event)
            return True
        return False

    def release(self, reason: str = "form") -> None:
        """End one reason to hold; with none left, replay the held keys, in order, to
        whatever is on screen now."""
        timer = self._reasons.pop(reason, None)
        if timer is not None:
            timer.stop()
        if not self._reasons and not self._flight:
            self._replay()

    def _replay(self) -> None:
        keys, self.held, self._from_flight = self.held, [], 0
        for key in keys:
            replay = events.Key(key.key, key.character)
            # Sent by the app, as a key from the terminal is. Left to Textual, the sender
            # is whatever node runs this (the dialog's screen when its key settled there),
            # and a key stops bubbling at its sender: it never reached the app, whose
            # check of the screen's bindings it needs, so "j" cast no vote.
            replay.set_sender(self.app)
            if self.app.post_message(replay):
                self._flight.append(replay)

    def settle(self, key: events.Key, target: MessagePump) -> None:
        """`key` has just been sent to `target`: hold the keys after it until it has been
        handled there, or has bubbled up to the app and its bindings have run (a binding
        may start a form, which must see the next keys)."""
        self._settling = key
        self.start("settle")
        if not target.call_later(self._follow, key, target):  # closed meanwhile
            self._settling = None
            self.release("settle")

    def _follow(self, key: events.Key, node: MessagePump) -> None:
        """Runs on `node` after it handled `key`: done, or follow it to the parent."""
        if self._settling is not key:
            return
        parent = node._parent
        if key._stop_propagation or not key.bubble or node is self.app or parent is None:
            self._settling = None
            self.release("settle")
        else:
            parent.call_later(self._follow, key, parent)


def form_action(method: Callable[..., Any]) -> Callable[..., Any]:
    """Like `@work(exclusive=True, group="form")` on an async action, holding keys from
    the key that starts it until its form is shown, or until it ends without one."""

    @functools.wraps(method)
    async def body(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await method(self, *args, **kwargs)
        finally:  # no form came (refused, or an act without one): the keys go on now
            hold = key_hold(self.app)
            if hold is not None and hold.holding:
                hold.release()

    worker = work(exclusive=True, group="form")(body)

    @functools.wraps(method)
    def start(self: Any, *args: Any, **kwargs: Any) -> Any:
        hold = key_hold(self.app)
        if hold is not None:
            hold.start()
        return worker(self, *args, **kwargs)

    return start
