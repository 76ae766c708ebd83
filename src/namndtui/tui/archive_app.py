"""`namndtui DIR`: the archive app (the archive screen; meetings open read-only in the
review screens of NamndApp)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from namndtui.archive.index import ArchiveIndex
from namndtui.model import Meeting
from namndtui.tui import app as app_module
from namndtui.tui.app import NamndApp
from namndtui.tui.messages import ReviewRequested
from namndtui.tui.screens.archive import ArchiveReviewScreen, ArchiveScreen

_PLACEHOLDER = Meeting(body="", date=dt.date(2000, 1, 1))


class ArchiveApp(NamndApp):
    """`namndtui DIR`: the archive screen; meetings open in NamndApp's review screens.

    Subclassing NamndApp gives the review screens the app they expect (meeting, state,
    read-only reason); `review_minutes` swaps the meeting shown before pushing the screen.
    """

    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))

    def __init__(
        self, folder: Path | str, *, index: ArchiveIndex | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("write_minutes", False)
        super().__init__(_PLACEHOLDER, review=True, **kwargs)
        self.archive_folder = Path(folder)
        self.archive_index = index

    def get_default_screen(self) -> ArchiveScreen:
        return ArchiveScreen(self.archive_folder, index=self.archive_index)

    def on_review_requested(self, message: ReviewRequested) -> None:
        self.review_minutes(message.minutes, message.path, message.item_id)

    def review_minutes(self, minutes: Any, path: Path, item_id: str | None) -> None:
        self.meeting = minutes.meeting
        self._state = minutes.state
        self.folder = path.parent
        first = item_id
        if first is None:
            numbered = sorted(
                (p.number, i) for i, p in minutes.state.paragraphs.items() if p.number is not None
            )
            first = numbered[0][1] if numbered else None
        self.push_screen(ArchiveReviewScreen(minutes.meeting, first))
