"""p: the Protokoll view shows the paragraph as the minutes render it (not the stand-in)."""

from __future__ import annotations

from textual.widgets import Static

from namndtui.tui.mdcontent import markdown_to_content
from namndtui.tui.widgets.item_view import ProtokollView

from .helpers import screen_text
from .test_recording import SIZE, make_app, run


def test_protokoll_view_shows_the_minutes_rendering_after_b(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n", "A", "escape", "b", "p")
            await pilot.pause()
            item = app.meeting.items[0]
            view = app.screen.query_one(ProtokollView)
            assert view.display
            text = str(view.query_one("#protokoll-text", Static).render())
            assert f"§ 120 {item.title}" in text
            assert "Beslut" in text and "**" not in text  # rendered, not raw Markdown
            assert item.proposed_decision[0][:40] in text.replace("\n", " ")
            assert "Förhandsvisning" not in screen_text(app)

    run(go())


def test_markdown_to_content_keeps_user_text_literal() -> None:
    content = markdown_to_content(
        "## § 1 Titel \\[b\\]x\\[/b\\] \\*y\\*\n\n**Beslut**\n\n1. a\n2. b\n\n"
        "| Ledamot | Ja |\n| --- | :-: |\n| Anna [red] | X |\n"
    )
    plain = content.plain
    assert "§ 1 Titel [b]x[/b] *y*" in plain
    assert "1. a\n2. b" in plain
    assert "Anna [red]  X" in plain
    assert "**" not in plain and "|" not in plain
