"""The status line: body, date, current §, quorum, saved state, read-only marker.

Two parts: the left (body, date) gives way first (ellipsis) so that the right part
(§, quorum, saved, marker) stays readable at 80 columns.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static


class StatusLine(Horizontal):
    """One line at the top; every piece of user text stays plain Content."""

    def compose(self) -> ComposeResult:
        yield Static(id="status-left")
        yield Static(id="status-right")

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
    ) -> None:
        left = Content.assemble((body, "bold"), " · ", date)
        right: list[Content | tuple[str, str] | str] = [(paragraph, "bold")]
        if quorum:
            style = "bold $text-success" if quorum_ok else "bold reverse $error"
            right += [" ", (f" {quorum} ", style)]
        if saved:
            right += [" ", (saved, "$text-muted")]
        if marker:
            right += [" ", (f" {marker} ", "bold reverse $warning")]
        self.query_one("#status-left", Static).update(left)
        self.query_one("#status-right", Static).update(Content.assemble(*right))
        self.set_class(quorum_ok is False, "-no-quorum")
