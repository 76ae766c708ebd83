"""Disk trouble in the live meeting: the act is kept, shown as unsaved, retried, saved.

When the journal cannot be written (disk full, read-only folder, permission denied, the
journal replaced by a folder) `Record.apply` keeps the act in memory and raises
UnsavedError. The app then shows it as recorded, puts up a persistent banner (until
everything is on disk), retries every `RETRY_SECONDS` in a thread (the record also writes
the waiting acts first with the next act), offers to save the journal elsewhere (ctrl+s)
and does not quit silently while anything waits.
"""

from __future__ import annotations

import errno
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.widgets import Static

from namndtui.errors import OS_REASONS
from namndtui.storage import os_reason, typed_path
from namndtui.tui import strings as S
from namndtui.tui.text import user_text

if TYPE_CHECKING:
    from namndtui.record.record import Record
    from namndtui.tui.app import NamndApp

RETRY_SECONDS = 5.0

# Only what the journal's case says better than the shared table (errors.OS_REASONS, one
# wording per errno everywhere): a folder where the journal was.
_JOURNAL_REASONS = {errno.EISDIR: S.REASON_FOLDER}
# When no write has failed yet but acts wait (a journal opened with unsaved acts).
_UNKNOWN_REASON = OS_REASONS[errno.EIO]


def disk_reason(err: BaseException) -> str:
    """A short Swedish reason for a failed journal write ("disken är full")."""
    cause = err if isinstance(err, OSError) else err.__cause__
    if isinstance(cause, OSError):
        return _JOURNAL_REASONS.get(cause.errno or 0) or os_reason(cause)
    return str(err) or type(err).__name__


def acts_text(count: int) -> str:
    return S.ONE_ACT if count == 1 else S.MANY_ACTS.format(count=count)


def quit_title(count: int, reason: str) -> str:
    """The quit dialog's question while `count` acts wait, in Swedish agreement."""
    text = S.QUIT_UNSAVED_TITLE_ONE if count == 1 else S.QUIT_UNSAVED_TITLE
    return text.format(acts=acts_text(count), reason=reason)


class DiskBanner(Static):
    """The loud line under the status line while acts wait to be saved (hidden otherwise)."""

    DEFAULT_CSS = """
    DiskBanner {
        display: none;
        height: auto;
        padding: 0 1;
        background: $error;
        color: $text;
        text-style: bold;
    }
    DiskBanner.-on { display: block; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self._text = ""

    def show_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update(user_text(text))
        self.set_class(bool(text), "-on")

    @property
    def text(self) -> str:
        return self._text


class DiskGuard:
    """The app's side of disk trouble; `lock` serialises every use of the record."""

    def __init__(self, app: NamndApp) -> None:
        self.app = app
        self.reason = ""
        self.lock = threading.RLock()
        self._timer: Any = None

    # --- what waits -------------------------------------------------------------------

    def _record(self) -> Record | None:
        return self.app.opened_record

    @property
    def unsaved(self) -> int:
        """How many acts are recorded in memory but not on disk."""
        record = self._record()
        return len(record.unsaved) if record is not None else 0

    def banner(self) -> str:
        """The banner text; "" when everything is on disk."""
        count = self.unsaved
        if not count:
            return ""
        return S.UNSAVED_BANNER.format(acts=acts_text(count), reason=self.reason or _UNKNOWN_REASON)

    # --- failing and retrying ---------------------------------------------------------

    def failed(self, err: BaseException) -> None:
        """An act was kept in memory only: remember why and start retrying."""
        self.reason = disk_reason(err)
        if self._timer is None:
            self._timer = self.app.set_interval(RETRY_SECONDS, self.tick, name="disk-retry")

    def tick(self) -> None:
        """Every RETRY_SECONDS while acts wait: retry in a thread (a slow disk must not
        freeze the screen)."""
        if not self.unsaved:
            self._stop()
            return
        self.app.run_worker(
            self._retry_in_thread, thread=True, exclusive=True, group="disk-retry",
            exit_on_error=False,
        )  # fmt: skip

    def _retry_in_thread(self) -> None:
        count = self.unsaved
        ok = self.retry_now()
        self.app.call_from_thread(self._after_retry, ok, count)

    def retry_now(self) -> bool:
        """Try to write what waits (here, now); True when everything is on disk."""
        from namndtui.record.journal import JournalError  # after the first frame (start-up)

        record = self._record()
        if record is None or not self.unsaved:
            return True
        with self.lock:
            try:
                ok = bool(record.retry_save())
            except (JournalError, OSError) as err:  # the acts stay in memory
                self.reason = disk_reason(err)
                return False
        if not ok and record.save_cause is not None:
            self.reason = disk_reason(record.save_cause)
        return ok

    def _after_retry(self, ok: bool, count: int) -> None:
        if ok and count:
            self._stop()
            self.app.notify(S.ALL_SAVED_AGAIN.format(acts=acts_text(count)), timeout=6)
        self.app.post_record_changed(None, write_minutes=ok)

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.unsaved:
            self.reason = ""

    # --- saving elsewhere -------------------------------------------------------------

    def default_target(self) -> str:
        folder = self.app.folder
        name = f"{folder.name}-journal.jsonl" if folder is not None and folder.name else ""
        return str(Path.home() / (name or "journal.jsonl"))

    async def ask_and_save_elsewhere(self) -> Path | None:
        """Ask for a file or folder and write the whole journal there; None if not saved."""
        from namndtui.record.journal import JournalError
        from namndtui.tui.modals.dialogs import TextModal

        record = self._record()
        if record is None:
            return None
        label = S.SAVE_ELSEWHERE_LABEL.format(acts=acts_text(len(record.events)))
        answer = await self.app.push_screen_wait(
            TextModal(S.SAVE_ELSEWHERE_TITLE, label, value=self.default_target())
        )
        if not answer:
            return None
        try:
            with self.lock:
                target = record.save_journal_to(typed_path(answer))
        except JournalError as err:  # the reason, stay running
            self.app.show_error(err.message)
            return None
        except (OSError, ValueError, RuntimeError) as err:  # a NUL in the path, no home …
            self.app.show_error(
                S.SAVE_ELSEWHERE_FAILED.format(path=answer, reason=disk_reason(err))
            )
            return None
        self.app.notify(
            S.SAVED_ELSEWHERE.format(path=target, acts=acts_text(len(record.events))),
            markup=False,
            timeout=12,
        )
        return target

    # --- quitting ---------------------------------------------------------------------

    def quit_blocked(self) -> bool:
        """On quit: one more try; when acts still wait, ask what to do (True = wait)."""
        if not self.unsaved or self.retry_now():
            return False
        self.app.run_worker(self._ask_quit(), exclusive=True, group="disk-quit")
        return True

    async def _ask_quit(self) -> None:
        from rich.text import Text

        from namndtui.tui.modals.dialogs import PickModal

        while self.unsaved:
            count = self.unsaved
            title = quit_title(count, self.reason)
            choices = [
                ("retry", S.QUIT_RETRY),
                ("elsewhere", S.QUIT_SAVE_ELSEWHERE),
                ("stay", S.QUIT_STAY),
                ("quit", S.QUIT_ANYWAY),
            ]
            choice = await self.app.push_screen_wait(PickModal(title, choices))
            if choice == "retry":
                if not self.retry_now():
                    self.app.notify(
                        S.STILL_UNSAVED.format(reason=self.reason), severity="error", timeout=6
                    )
                    continue
                self.app.post_record_changed(None, write_minutes=False)
                break
            if choice == "elsewhere":
                target = await self.ask_and_save_elsewhere()
                if target is None:
                    continue
                message = S.QUIT_SAVED_ELSEWHERE.format(path=target, acts=acts_text(count))
                self.app.close_record_and_exit(Text(user_text(message).plain), 0)
                return
            if choice == "quit":
                message = S.QUIT_LOST.format(acts=acts_text(count), reason=self.reason)
                self.app.close_record_and_exit(Text(user_text(message).plain), 1)
                return
            self.app.post_record_changed(None, write_minutes=False)
            return  # stay (or escape)
        self.app.action_quit()  # everything is on disk now: quit as usual
