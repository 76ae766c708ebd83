"""p: the Protokoll view shows the paragraph as the minutes render it (not the stand-in)."""

from __future__ import annotations

from textual.widgets import Static

from namndtui.tui.mdcontent import markdown_to_content
from namndtui.tui.widgets.item_view import ProtokollView, ReportView

from .helpers import screen_text
from .live import cast, live, start_vote
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


VOTE_LIST = (
    "| Ledamot | Ja | Nej | Avstår | Frånvarande |\n| --- | :-: | :-: | :-: | :-: |\n"
    "| Birgitta Hallenberg (M) | X |  |  |  |\n"
    "| Sara Lindholm (V), tjänstgörande ersättare för Per Almqvist (V) |  | X |  |  |\n"
)


def test_a_vote_list_wider_than_the_view_wraps_its_names_not_its_rows() -> None:
    """qa4: at 120x36 (a 68-column view) a serving ersättare's row was wider than the
    view, so the terminal broke every row and each X landed under the name."""
    lines = markdown_to_content(VOTE_LIST, width=44).plain.splitlines()
    assert all(len(line) <= 44 for line in lines), lines
    header = lines[0]
    ja, nej = header.index("Ja"), header.index("Nej")
    (chair,) = [line for line in lines if line.startswith("Birgitta")]
    assert chair[ja] == "X"
    (sara,) = [line for line in lines if line.startswith("Sara")]
    assert sara[nej + 1] == "X"  # centred under "Nej"
    assert "Almqvist (V)" in " ".join(lines)  # the name is whole, over several lines
    assert markdown_to_content(VOTE_LIST).plain.splitlines()[3].startswith("Sara Lindholm")


def test_the_protokoll_view_fits_a_vote_list_to_its_width(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock, size=(80, 24)) as (app, pilot):
            await start_vote(pilot)
            await cast(pilot, "11111122222")
            await pilot.press("enter", "p")
            await pilot.pause()
            view = app.screen.query_one(ProtokollView)
            text = str(view.query_one("#protokoll-text", Static).render())
            width = view.scrollable_content_region.width
            table = text[text.index("Ledamot") :].splitlines()  # the view wraps the prose
            # every seat filled: the empty Frånvarande column gives the names its room
            assert "Frånvarande" not in table[0] and "Avstår" in table[0]
            assert all(len(line) <= width for line in table), table
            assert any(line.startswith("Lars-Erik Wahlström (S)  X") for line in table), table
            ja = table[0].index("Ja")
            assert [line[ja] for line in table if line.startswith("Birgitta")] == ["X"]

    run(go())


def test_an_empty_franvarande_column_gives_way_on_screen_only() -> None:
    """QA: at 80x24 the vote list squeezed Ledamot to ~12 columns while an all-empty
    Frånvarande took 11; on screen it is left out when the table does not fit."""
    lines = markdown_to_content(VOTE_LIST, width=44).plain.splitlines()
    assert lines[0].split() == ["Ledamot", "Ja", "Nej", "Avstår"]  # empty Avstår stays
    assert lines[2].startswith("Birgitta Hallenberg (M)  ")  # whole, not wrapped at 15
    assert lines[3].startswith("Sara Lindholm (V),")
    assert lines[3].index("X") == lines[0].index("Nej") + 1  # still under Nej
    assert all(len(line) <= 44 for line in lines), lines
    # a wide view and the minutes themselves (no width) keep the column
    assert "Frånvarande" in markdown_to_content(VOTE_LIST, width=120).plain
    assert "Frånvarande" in markdown_to_content(VOTE_LIST).plain
    # someone absent: the column has an X and stays, also when narrow
    absent = VOTE_LIST + "| Anna Ek (S) |  |  |  | X |\n"
    lines = markdown_to_content(absent, width=44).plain.splitlines()
    assert "Frånvarande" in lines[0]
    (anna,) = [line for line in lines if line.startswith("Anna Ek")]
    assert anna.rstrip().endswith("X")


def test_the_minutes_view_is_mounted_when_first_asked_for(example_folder, clock) -> None:
    """Not for the first frame (docs/performance.md); p shows it at once, p again hides it."""

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not app.screen.query(ProtokollView)
            await pilot.press("p")
            await pilot.pause()
            view = app.screen.query_one(ProtokollView)
            assert view.display and not app.screen.query_one(ReportView).display
            assert app.meeting.items[0].title in str(view.text.render())
            await pilot.press("p")
            await pilot.pause()
            assert not view.display and app.screen.query_one(ReportView).display

    run(go())
