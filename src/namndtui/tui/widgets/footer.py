"""The meeting's footer: `?` (help) and `q` (quit) always show, however narrow (and on
the attendance screen `esc` (close), the way back).

Textual's Footer lays its keys out left to right and cuts what does not fit, so at 60
columns the last keys, `?` and `q`, were lost. Here, when the keys do not fit, the other
keys are hidden from the right until `?` and `q` fit (every key stays in `?` and the
palette, and every key still works). At 80 columns and wider nothing is hidden.
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

KEPT_ACTIONS = frozenset({"help", "quit", "close"})


class KeepFooter(Footer):
    """A Footer that never loses the help and quit keys."""

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self.keep_help_and_quit)

    def on_mount(self) -> None:
        self.call_after_refresh(self.keep_help_and_quit)

    def on_resize(self) -> None:
        self.call_after_refresh(self.keep_help_and_quit)

    def keep_help_and_quit(self) -> None:
        keys = list(self.query(FooterKey))
        for key in keys:
            key.display = True
        room = self.size.width

        def cells(key: FooterKey) -> int:  # with its margin (compact: one cell after it)
            return key.outer_size.width + key.styles.margin.width

        used = sum(cells(key) for key in keys)
        for key in reversed(keys):
            if used <= room:
                break
            if key.action.rsplit(".", 1)[-1] not in KEPT_ACTIONS:
                used -= cells(key)
                key.display = False
