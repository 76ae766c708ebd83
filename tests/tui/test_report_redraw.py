"""What a navigation key draws, done cheaper but drawn the same (docs/performance.md):
only the report lines that changed, no layout, agenda rows without a second wrap."""

from __future__ import annotations

import random
import re

from textual.content import Content
from textual.visual import RenderOptions

from namndtui.meetingfile import load_meeting
from namndtui.tui.widgets.agenda import AgendaList
from namndtui.tui.widgets.item_view import (
    GutterScrollBar,
    ReportView,
    changed_rows,
    item_heading,
    report_blocks,
    wrap_lines,
)

from .helpers import drawn, until
from .test_recording import make_app, run


def lines(*texts: str) -> list[Content]:
    return [Content(text) for text in texts]


def test_changed_rows_are_the_runs_that_differ() -> None:
    old = lines("Titel A", "meta", "", "Sammanfattning", "a", "b")
    new = lines("Titel B", "meta", "", "Sammanfattning", "x")
    # row 5: "b" against past the end (blank); rows 6-7 blank in both
    assert changed_rows(old, new, 8) == [(0, 1), (4, 6)]
    assert changed_rows(old, old, 8) == []
    assert changed_rows([], new, 3) == [(0, 3)]
    # the same text in another style is another line (Content's == compares text only)
    assert changed_rows([Content("Beslut")], [Content.styled("Beslut", "bold")], 1) == [(0, 1)]


def as_data(lines: list[Content]) -> list[tuple]:
    return [(line.plain, line.spans) for line in lines]


def test_wrap_lines_is_content_wrap(example_folder) -> None:
    """The fast wrap gives exactly Content.wrap's lines: the example's report text, and
    random text with the awkward cases (long words, runs of spaces, no-break and
    zero-width spaces, wide and combining characters, tabs, styled and plain)."""
    meeting = load_meeting(example_folder / "meeting.toml")
    contents = []
    for item in meeting.items:
        contents.append(item_heading(item).stylize("bold $text"))
        for heading, body in report_blocks(item):
            contents += [Content(heading).stylize("bold"), body]
    for content in contents:
        for width in (1, 2, 7, 40, 66, 118):
            assert as_data(wrap_lines(content, width)) == as_data(content.wrap(width))
    pieces = ["a", "å", "ord", "förskolepaviljonger", " ", "  ", "\n", "\xa0", "–", "”", "…"]
    pieces += ["-", "\t", "中", "e\u0301", "\u200b", "\u3000"]
    rnd = random.Random(4)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
        content = Content(text).stylize("bold") if text and rnd.random() < 0.5 else Content(text)
        width = rnd.randint(1, 14)
        assert as_data(wrap_lines(content, width)) == as_data(content.wrap(width)), (text, width)


def screenshot(app) -> str:
    """The screen as SVG, without the per-export ids."""
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


def test_moving_draws_what_a_full_redraw_draws_without_layout(example_folder, clock) -> None:
    """Short and long reports in turn: the partly repainted report and the blank or
    drawn scrollbar look exactly like a full repaint, and no key lays out the screen."""

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = app.screen
            report = screen.query_one(ReportView)
            # the scrollbar is pinned after the first frame (a layout, before any key)
            await until(
                pilot,
                lambda: report.styles.overflow_y == "scroll" and drawn(screen),
                "the first frame drawn and the report's scrollbar pinned",
            )
            layouts = [0]
            original = screen._refresh_layout

            def counted(*args, **kwargs) -> None:
                layouts[0] += 1
                original(*args, **kwargs)

            screen._refresh_layout = counted
            fits = []
            for item in app.meeting.items[1:]:
                await pilot.press("j")
                await until(
                    pilot,
                    lambda item=item: report.item is item and drawn(screen),
                    f"the report of {item.id} drawn",
                )
                bar = report.vertical_scrollbar
                assert isinstance(bar, GutterScrollBar)
                fits.append(bar.window_virtual_size <= bar.window_size)
                partial = screenshot(app)
                report.refresh()
                bar.notify_style_update()
                bar.refresh()
                await until(pilot, lambda: drawn(screen), "the full repaint drawn")
                assert screenshot(app) == partial
            assert True in fits and False in fits  # both kinds of report were shown
            assert layouts[0] == 0

    run(go())


def test_agenda_rows_draw_as_content_draws_them(example_folder, clock) -> None:
    """AgendaRow makes its strips directly: the same segments, styles and offsets as
    Content.render_strips of its lines, highlighted or not, at several widths."""

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            agenda = app.screen.query_one(AgendaList)
            options = RenderOptions(agenda._get_style, agenda.styles, None, None)
            for component in ("option-list--option", "option-list--option-highlighted"):
                style = agenda.get_visual_style(component)
                for option in agenda.options:
                    row = option.prompt
                    for width in (12, 33, 47, 80):
                        direct = row.render_strips(width, None, style, options)
                        joined = Content("\n").join(row.lines(width))
                        wrapped = joined.render_strips(width, None, style, options)
                        assert [(list(s), s.cell_length) for s in direct] == [
                            (list(s), s.cell_length) for s in wrapped
                        ]

    run(go())
