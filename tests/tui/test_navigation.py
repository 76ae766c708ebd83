"""Moving in the agenda: what a key redraws (navigation budget, docs/performance.md)."""

from __future__ import annotations

from namndtui.tui.widgets.agenda import AgendaList
from namndtui.tui.widgets.item_view import ItemPane, ReportView

from .helpers import screen_text
from .test_recording import make_app, present_all, run


def count_redraws(screen) -> list[int]:
    """Count the screen's compositor passes (the instance attribute shadows the method)."""
    calls = [0]
    original = screen._compositor_refresh

    def counted() -> None:
        calls[0] += 1
        original()

    screen._compositor_refresh = counted
    return calls


def test_j_shows_the_next_item_in_one_redraw(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            screen = app.screen
            calls = count_redraws(screen)
            for n in range(1, 9):
                await pilot.press("j")
                item = app.meeting.items[n]
                # shown as soon as the key is handled, no extra pause
                assert screen.query_one(ReportView).item is item
                assert item.title[:30] in screen_text(app)
            # one pass per key (was two: the agenda, then the report on OptionHighlighted);
            # a little slack for a pass that a loaded machine splits
            assert calls[0] <= 12  # 8 keys; a scrollbar shown or hidden adds a layout pass
            await pilot.press("k")
            assert screen.query_one(ReportView).item is app.meeting.items[7]

    run(go())


def test_an_item_out_of_view_comes_to_the_middle_of_the_agenda(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            agenda = app.screen.query_one(AgendaList)
            view = agenda.scrollable_content_region.height
            scrolled_at = None
            for _ in range(12):
                before = agenda.scroll_offset.y
                await pilot.press("j")
                index = agenda.highlighted
                top = agenda._index_to_line[index] - agenda.scroll_offset.y
                height = agenda._heights[index]
                assert top >= 0 and top + height <= view  # always entirely in view
                if agenda.scroll_offset.y != before and scrolled_at is None:
                    scrolled_at = index
                    assert top == (view - height) // 2  # brought to the middle
            assert scrolled_at is not None
            # going back up inside the view does not scroll
            y = agenda.scroll_offset.y
            await pilot.press("k")
            assert agenda.scroll_offset.y == y

    run(go())


def test_pane_title_follows_the_paragraph_number(example_folder, clock) -> None:
    """The pane repaints only its border rows for a new title: the new one is on screen."""

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await present_all(pilot)
            await pilot.press("o", "j", "o")  # § 120 and § 121
            await pilot.pause()
            pane = app.screen.query_one(ItemPane)
            assert pane.border_title.startswith("§ 121")
            assert "§ 121  Tjänsteutlåtande" in screen_text(app)
            await pilot.press("k")
            assert "§ 120  Tjänsteutlåtande" in screen_text(app)
            await pilot.press("j", "j")
            text = screen_text(app)
            assert "§ 12" not in text.splitlines()[1]  # an item without § yet
            assert "Tjänsteutlåtande · p: Protokoll" in text.splitlines()[1]

    run(go())
