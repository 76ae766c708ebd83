"""Command palette: jump to an item by §, title or Dnr; every action of the meeting screen."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from namndtui.tui import strings as S
from namndtui.tui.bindings import MEETING_BINDINGS, binding_text, shown_key
from namndtui.tui.text import find_fold, ut


def _plain_highlight(matcher, text: str) -> Content:
    """Like Matcher.highlight but the candidate is plain text, never markup; matched on
    the folded text (find_fold keeps positions)."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, find_fold(text))
    for offset in offsets:
        if offset < len(text) and not text[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content


class MeetingCommands(Provider):
    """Items and actions of the meeting screen (nothing on other screens)."""

    def _entries(self) -> list[tuple[str, object, str]]:
        from namndtui.tui.screens.meeting import MeetingScreen

        screen = self.screen
        if not isinstance(screen, MeetingScreen):
            return []
        entries: list[tuple[str, object, str]] = []
        state = screen.napp.state
        for item in screen.meeting.items:
            para = state.paragraphs.get(item.id)
            if para and para.number is not None:
                number = f"§ {para.number} "
            else:  # as the agenda shows it (dim there): found by the number the secretary sees
                upcoming = screen.prospective_number(item)
                number = S.PROSPECTIVE_PARAGRAPH.format(number=upcoming) + " " if upcoming else ""
            dnr = f"  ({item.dnr_label})" if item.dnr else ""
            entries.append(
                (
                    ut(f"{number}{item.title}{dnr}"),
                    partial(screen.go_to_item, item.id),
                    S.PALETTE_GO_TO,
                )
            )
        for binding in MEETING_BINDINGS:
            action = binding.action
            entries.append(
                (
                    binding_text(binding),
                    partial(screen.run_action, action),
                    S.PALETTE_KEY.format(key=shown_key(self.app._keymap, binding)),
                )
            )
        return entries

    async def discover(self) -> Hits:
        for text, callback, help_text in self._entries():
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(find_fold(query))  # "aberg" finds Åberg
        for text, callback, help_text in self._entries():
            score = matcher.match(find_fold(text))
            if score > 0:
                yield Hit(
                    score, _plain_highlight(matcher, text), callback, text=text, help=help_text
                )
