"""The command palette in Swedish: Textual's own palette says "No matches found" and its
theme picker "Search for themes…"; these say it in the app's language."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from namndtui.tui import strings as S


class SwedishPalette(CommandPalette):
    """CommandPalette whose "no matches" line is Swedish (the rest is as Textual's)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(S.PALETTE_NO_MATCHES, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(
            self._NO_MATCHES_COUNTDOWN, show_no_matches, name="no-matches"
        )


def theme_picker() -> SwedishPalette:
    """The theme picker (ctrl+p → Tema), titled in Swedish."""
    from textual.theme import ThemeProvider

    return SwedishPalette(providers=[ThemeProvider], placeholder=S.THEME_PLACEHOLDER)
