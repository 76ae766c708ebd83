"""The status line: body, date, current §, quorum, saved state, read-only marker.

Two parts: the left (body, date) gives way first (ellipsis) so that the right part
(§, quorum, saved, marker) stays readable at 80 columns. One widget that lays out both
parts itself (not a Horizontal of two Statics: fewer widgets to mount), redrawn only when
its text changes (moving in the agenda usually leaves it as it was).
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from namndtui.tui.text import ut


class StatusLine(Widget):
    """One line at the top; every piece of user text stays plain Content."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._key: tuple[object, ...] | None = None
        self._left = self._body = self._date = Content("")
        self._right = Content("")

    def set_parts(
        self,
        *,
        body: str,
        date: str,
        paragraph: str,
        quorum: str,
        quorum_ok: bool | None,
        saved: str,
        marker: str,
        prospective: bool = False,
    ) -> None:
        """PROSPECTIVE: the § is the one the item would get (shown dim, as in the agenda)."""
        key = (body, date, paragraph, quorum, quorum_ok, saved, marker, prospective)
        if key == self._key:
            return
        self._key = key
        # user text (the body) and error texts (saved/minutes notes) shown visibly
        body, saved, quorum = ut(body), ut(saved), ut(quorum)
        self._body = Content.styled(body, "bold")
        self._date = Content.assemble(" · ", date)
        self._left = Content.assemble(self._body, self._date)
        right: list[Content | tuple[str, str] | str] = [
            (paragraph, "dim" if prospective else "bold")
        ]
        if quorum:
            style = "bold $text-success" if quorum_ok else "bold reverse $error"
            right += [" ", (f" {quorum} ", style)]
        if saved:
            right += [" ", (saved, "$text-muted")]
        if marker:
            right += [" ", (f" {marker} ", "bold reverse $warning")]
        self._right = Content.assemble(*right)
        self.set_class(quorum_ok is False, "-no-quorum")
        self.refresh()

    @property
    def text(self) -> str:
        """The plain text of both parts (for tests)."""
        return f"{self._left.plain} {self._right.plain}"

    def render(self) -> Content:
        width = self.size.width
        right = self._right
        if right.cell_length >= width:
            return right.truncate(width, ellipsis=True)
        room = width - right.cell_length - 1  # at least one space between the parts
        left = self._left.truncate(room, ellipsis=True) if room > 0 else Content("")
        body_room = room - self._date.cell_length
        if self._left.cell_length > room and body_room >= 8:  # the body gives way, the
            # date stays whole ("Hässelby-Vällingby stadsd… · 2007-10-23", not "… · 2…")
            left = Content.assemble(self._body.truncate(body_room, ellipsis=True), self._date)
        gap = width - left.cell_length - right.cell_length
        return Content.assemble(left, " " * gap, right)
