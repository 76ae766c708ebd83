"""The attendance screen (n): moving with j/k, who may serve for whom, the justering form."""

from __future__ import annotations

import asyncio
import re

from textual.widgets import DataTable, Input

from namndtui.minutes.document import ingress
from namndtui.tui import strings as S
from namndtui.tui.modals.forms import JusteringModal, justering_time, valid_date

from .helpers import screen_text, until
from .test_recording import make_app


def run(coro):
    return asyncio.run(coro)


def test_time_and_date_parsing() -> None:
    assert [justering_time(t) for t in ("15:00", "15.00", "1500", "15", "9", "", " 8.30 ")] == [
        "15:00", "15:00", "15:00", "15:00", "09:00", "", "08:30",
    ]  # fmt: skip
    assert [justering_time(t) for t in ("25.00", "15.0", "15:60", "kl 15", "15-00")] == [None] * 5
    assert valid_date("2007-10-30")
    assert not valid_date("2007-02-30") and not valid_date("2007-1-3") and not valid_date("")


def test_j_and_k_move_in_the_table_and_u_marks_the_justerares_ersattare(
    example_folder, clock
) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n", "j", "j", "j", "k")
            table = app.screen.query_one(DataTable)
            assert table.cursor_row == 2
            await pilot.press("space")  # Johan Ekdahl, the third row
            assert app.state.present == {"Johan Ekdahl": True}
            await pilot.press("k", "space", "u", "j")  # first a justerare: Lars-Erik Wahlström
            await pilot.press("U")  # the justerare's ersättare ("med NN som ersättare")
            assert app.state.adjuster_substitute == "Johan Ekdahl"
            assert str(table.get_row("Johan Ekdahl")[4]) == S.ADJUSTER_SUBSTITUTE_MARK

    run(go())


def test_serves_for_says_why_instead_of_an_empty_list(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("n", "A", "e")  # the chair: not an ersättare
            await pilot.pause()
            assert type(app.screen).__name__ == "AttendanceScreen"
            notices = [n.message for n in app._notifications]
            assert S.SERVES_NOT_SUBSTITUTE.format(who="Birgitta Hallenberg") in notices
            names = [m.name for m in app.meeting.members]
            for _ in range(names.index("Eva Strandberg")):
                await pilot.press("j")
            await pilot.press("e")  # every seat is filled: nobody to serve for
            await pilot.pause()
            assert type(app.screen).__name__ == "AttendanceScreen"
            assert S.SERVES_NO_SEAT in [n.message for n in app._notifications]
            assert app.state.serving_for == {}

    run(go())


def test_justering_form_keeps_what_was_typed_when_the_time_is_wrong(example_folder, clock):
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n", "t")
            await pilot.pause()
            await pilot.press(*"2007-10-30", "enter", *"25.00", "enter", *"Förvaltningen", "enter")
            await pilot.pause()
            assert isinstance(app.screen, JusteringModal)  # refused, still open
            assert S.BAD_TIME in str(app.screen.query_one("#form-error").render())
            assert app.focused.id == "time"
            values = [i.value for i in app.screen.query(Input)]
            assert values == ["2007-10-30", "25.00", "Förvaltningen"]
            assert app.state.justering_date == ""
            app.screen.query_one("#date", Input).value = "2007-10-32"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "Datumet 2007-10-32 finns inte." in str(
                app.screen.query_one("#form-error").render()
            )
            app.screen.query_one("#date", Input).value = "2007-10-30"
            app.screen.query_one("#time", Input).focus()
            await pilot.pause()
            app.focused.value = "15.00"
            await pilot.press("enter", "enter")  # time → place → save
            await pilot.pause()
            assert type(app.screen).__name__ == "AttendanceScreen"
            state = app.state
            assert (state.justering_date, state.justering_time, state.justering_place) == (
                "2007-10-30", "15:00", "Förvaltningen",
            )  # fmt: skip
            info = str(app.screen.query_one("#attendance-info").render())
            assert "Justering: 2007-10-30 kl. 15.00 Förvaltningen" in info  # as the minutes
            await pilot.press("t")  # opens with what is recorded, the time as shown elsewhere
            await pilot.pause()
            assert [i.value for i in app.screen.query(Input)] == [
                "2007-10-30", "15.00", "Förvaltningen",
            ]  # fmt: skip
            app.screen.query_one("#time", Input).value = "16:30"  # a colon is still taken
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert type(app.screen).__name__ == "AttendanceScreen"
            assert app.state.justering_time == "16:30"

    run(go())


def test_find_as_typed_and_home_end(example_folder, clock) -> None:
    """/ finds a name as typed (case and diacritics folded), up/down go to the next match,
    enter keeps the row and escape goes back; home/end: the first and last row."""

    async def go():
        app = make_app(example_folder, clock)
        names = [m.name for m in app.meeting.members]
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n", "end")
            table = app.screen.query_one(DataTable)
            assert table.cursor_row == len(names) - 1
            await pilot.press("home")
            assert table.cursor_row == 0
            await pilot.press("slash", *"OSTLUND")  # Göran Östlund
            assert names[table.cursor_row] == "Göran Östlund"
            await pilot.press("escape")  # back to where the search began, still on the screen
            assert type(app.screen).__name__ == "AttendanceScreen"
            assert table.cursor_row == 0 and app.focused is table
            await pilot.press("slash", *"BERG", "down", "down", "up", "up", "up")
            # Hallenberg, Forsberg, Bergkvist, back, back, and round to the last: Strandberg
            assert names[table.cursor_row] == "Eva Strandberg"
            await pilot.press("down")
            assert names[table.cursor_row] == "Birgitta Hallenberg"
            await pilot.press("enter", "space")  # the row found is the one acted on
            assert app.state.present == {names[table.cursor_row]: True}
            await pilot.press("slash", *"zzz")
            assert "Ingen i listan matchar ”zzz”." in str(
                app.screen.query_one("#attendance-row").render()
            )

    run(go())


def test_arrival_and_departure_say_at_which_paragraph_and_when(example_folder, clock) -> None:
    """Before the key: the § and the time an arrival/departure would be recorded at; after
    it the row says "lämnade vid § 120 kl. 19.10", the line under the table the whole
    story, and an ersättare serving says from which §."""

    async def go():
        app = make_app(example_folder, clock)
        names = [m.name for m in app.meeting.members]
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("n", "A", "escape", "b", "n")  # § 120 decided, its item current
            screen = app.screen
            info = str(screen.query_one("#attendance-info").render())
            assert S.ATTENDANCE_WHEN.format(number=120, time="19.00") in info
            assert S.ATTENDANCE_WHEN_DECIDED.format(number=121) in info  # as the minutes count
            clock.now = clock.now.replace(hour=19, minute=10)
            await pilot.press("j", "j", "l")  # Johan Ekdahl leaves at 19.10
            table = screen.query_one(DataTable)
            assert str(table.get_cell("Johan Ekdahl", table.ordered_columns[2].key)) == (
                "lämnade vid § 120 kl. 19.10"
            )
            clock.now = clock.now.replace(minute=25)
            await pilot.press("a")  # and is back at 19.25
            row = str(screen.query_one("#attendance-row").render())
            assert row == (
                # § 120 was decided with him: he takes part in no § from § 121 on (the next
                # § given), and his return counts from § 120, whose vote list he is in
                "Johan Ekdahl (M): lämnade kl. 19.10, deltar inte från § 121 · "
                "anlände kl. 19.25, deltar från § 120"
            )
            assert str(table.get_cell("Johan Ekdahl", table.ordered_columns[2].key)) == (
                "från § 120 kl. 19.25"
            )
            await pilot.press("up", "l")  # Lars-Erik Wahlström leaves, his ersättare serves
            for _ in range(names.index("Göran Östlund") - 1):
                await pilot.press("j")
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert app.state.serving_for == {"Göran Östlund": "Lars-Erik Wahlström"}
            row = str(screen.query_one("#attendance-row").render())
            # § 120 was decided before he came in: he serves from the next §
            assert row == "Göran Östlund (S): tjänstgör för Lars-Erik Wahlström från § 121"
            presence = table.ordered_columns[2].key
            assert str(table.get_cell("Göran Östlund", presence)) == "närvarande"
            await pilot.press("x")  # stops serving, stays all evening: still present
            assert app.state.serving_for == {}
            assert str(table.get_cell("Göran Östlund", presence)) == "närvarande"
            assert not screen.query_one("#attendance-row").display  # nothing more to tell
            fields = {f.label: f.lines for f in ingress(app.meeting, app.state)}
            assert "Göran Östlund (S), ersättare" in fields["Övriga deltagande"]

    run(go())


def test_attendance_keys_act_in_order_on_the_state_they_are_applied_to(
    example_folder, clock, monkeypatch
) -> None:
    """Each key posts its act with its input (`request_act`) and the app decides the
    events on the state it applies them to. Typed in a burst, the keys act in order; and
    when the app is behind (every key handled before any act is recorded), `space space`
    still takes a member out and back and `u j u` makes two justerare, where events
    decided at key time would repeat the first toggle and drop the first justerare. A `U`
    the record refuses (on a justerare) is a notice, writes nothing and never shows in
    the table, and the keys after it act."""
    from textual import events

    from namndtui.tui.app_acts import RecordKeeper

    from .helpers import journal_events, until

    def burst(app, keys: list[str]) -> None:
        for key in keys:
            message = events.Key(key, " " if key == "space" else key)
            message.set_sender(app)
            app._driver.send_message(message)

    keys = ["space", "space", "u", "j", "u", "j", "U", "k", "U", "j", "j", "space"]

    async def go():
        app = make_app(example_folder, clock)
        a, b, c, d = [m.name for m in app.meeting.members[:4]]
        expected = [
            {"type": "attendance_set", "member": a, "present": False},
            {"type": "attendance_set", "member": a, "present": True},
            {"type": "adjusters_chosen", "members": [a]},
            {"type": "adjusters_chosen", "members": [a, b]},
            {"type": "adjuster_substitute_chosen", "member": c},
            {"type": "attendance_set", "member": d, "present": False},
        ]
        refusal = lambda: [n for n in app._notifications if "redan vald" in n.message]  # noqa: E731
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("n", "A")  # every seat present
            await until(pilot, lambda: app.state.present.get(d), "the roll call")
            before = len(journal_events(example_folder))
            burst(app, keys)
            await until(pilot, lambda: app.state.present.get(d) is False, "the last act")
            written = journal_events(example_folder)[before:]
            assert written == expected
            await until(pilot, refusal, "the refusal's notice")
            assert len(refusal()) == 1
            table = app.screen.query_one(DataTable)
            presence, marks = (table.ordered_columns[i].key for i in (2, 4))
            await until(pilot, lambda: str(table.get_cell(d, presence)) == S.ABSENT, "the row")
            assert [str(table.get_cell(n, marks)) for n in (a, b, c)] == [
                "✓", "✓", S.ADJUSTER_SUBSTITUTE_MARK,
            ]  # fmt: skip

            # The same keys again, the app behind: every request waits until all are in.
            await pilot.press(*["ctrl+z"] * 6, "home")  # back to the roll call
            undone = before + 2 * len(expected)  # each act and its undo
            await until(pilot, lambda: len(journal_events(example_folder)) == undone, "undo")
            assert app.state.present.get(a) and app.state.present.get(d)
            assert not app.state.adjusters and not app.state.adjuster_substitute
            handle = RecordKeeper.on_acts_requested
            waiting: list = []
            monkeypatch.setattr(RecordKeeper, "on_acts_requested", lambda _, m: waiting.append(m))
            app.clear_notifications()
            for key in keys:
                await pilot.press(key)
            await until(pilot, lambda: len(waiting) == 7, "every act's request")
            monkeypatch.undo()
            seen = len(journal_events(example_folder))
            for message in waiting:
                handle(app, message)
            assert journal_events(example_folder)[seen:] == expected
            await until(pilot, refusal, "the refusal's notice")
            assert len(refusal()) == 1

    run(go())


def test_at_80_columns_the_table_fits_and_follows_a_resize(example_folder, clock) -> None:
    """A departure with its time and an ersättare serving fit 80 columns without a
    sideways scroll (short roles, broken cells); 120 columns shows them in full; the line
    under the table never hides the highlighted row."""

    async def go():
        app = make_app(example_folder, clock)
        names = [m.name for m in app.meeting.members]
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n", "A", "escape", "b", "n", "j", "j", "j", "l")  # Forsberg
            for _ in range(names.index("Eva Strandberg") - 3):
                await pilot.press("j")
            await pilot.press("e")
            await until(pilot, lambda: type(app.screen).__name__ != "AttendanceScreen", "form")
            await pilot.press("enter")
            await until(pilot, lambda: app.state.serving_for, "ersättaren tjänstgör")
            screen = app.screen
            table = screen.query_one(DataTable)
            await until(pilot, lambda: table.virtual_size.width > 0, "tabellen ritad")
            assert table.virtual_size.width <= table.size.width  # no sideways scroll
            assert [str(c.label) for c in table.ordered_columns] == list(S.ATTENDANCE_COLUMNS_SHORT)
            presence, seat = (table.ordered_columns[i].key for i in (2, 3))
            assert str(table.get_cell("Cecilia Forsberg", presence)) == (
                "lämnade vid § 120\nkl. 19.00"
            )
            assert str(table.get_cell("Eva Strandberg", seat)) == "Cecilia\nForsberg"
            await pilot.press("end", "a", "home")  # the last row arrives
            await until(pilot, lambda: not screen.query_one("#attendance-row").display, "tom")
            await pilot.press("end")  # back to her: her story shows under the table
            await until(pilot, lambda: screen.query_one("#attendance-row").display, "raden")
            # both lines of her row, not only the first
            shown = re.compile(r"Sara Lindholm \(V\) +ers\. +från § 121 *\n +kl\. 19\.00")
            await until(pilot, lambda: shown.search(screen_text(app)), "den markerade raden syns")
            await pilot.resize_terminal(120, 36)
            await until(pilot, lambda: table.ordered_columns[4].label.plain == "Justerare", "120")
            assert str(table.get_cell("Cecilia Forsberg", table.ordered_columns[2].key)) == (
                "lämnade vid § 120 kl. 19.00"
            )
            await pilot.resize_terminal(80, 24)
            await until(pilot, lambda: table.ordered_columns[4].label.plain == "Just.", "80")

    run(go())


def test_an_ersattare_of_another_party_serves_with_a_warning(example_folder, clock) -> None:
    """Eva Strandberg (M) for Per Almqvist (V) while Sara Lindholm (V) sits unused: the
    act is recorded (the order of substitution may be decided otherwise) and a notice
    says so."""

    async def go():
        app = make_app(example_folder, clock)
        names = [m.name for m in app.meeting.members]
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("n", "A", *["j"] * names.index("Per Almqvist"), "space")
            await pilot.press("end", "space", "home", *["j"] * names.index("Eva Strandberg"))
            await pilot.press("e")
            await until(pilot, lambda: type(app.screen).__name__ != "AttendanceScreen", "form")
            await pilot.press("enter")
            await until(pilot, lambda: app.state.serving_for, "ersättaren tjänstgör")
            assert app.state.serving_for == {"Eva Strandberg": "Per Almqvist"}
            expected = (
                "Eva Strandberg (M) tjänstgör för Per Almqvist (V), men Sara Lindholm (V) är "
                "närvarande ersättare för samma parti och tjänstgör inte."
            )
            await until(
                pilot, lambda: expected in [n.message for n in app._notifications], "varningen"
            )
            # after the close no arrival or departure can be recorded: no time "now" either
            await pilot.press("escape", "m")  # open
            await until(pilot, lambda: app.state.opened_at, "öppnat")
            await pilot.press("n")

            def hint() -> bool:
                return "registreras nu" in str(app.screen.query_one("#attendance-info").render())

            await until(pilot, hint, "tiden före tangenten")
            await pilot.press("escape", "m")  # close, asked
            await until(pilot, lambda: type(app.screen).__name__ == "ConfirmModal", "frågan")
            await pilot.press("enter")
            await until(pilot, lambda: app.state.closed_at, "avslutat")
            await pilot.press("n")
            await until(pilot, lambda: type(app.screen).__name__ == "AttendanceScreen", "n")
            assert not hint()

    run(go())


def test_a_key_typed_right_after_enter_in_the_find_field_acts_on_the_row(
    example_folder, clock
) -> None:
    """Keys typed in a burst reach the app before the field has handled its enter: the
    key after enter is the table's (space marks the row found), never a character typed
    into the field as it closes (QA: "/ Niklas enter space" in tmux lost the space)."""
    from textual import events

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n")
            await pilot.press("slash", *"almqvist")
            for key, char in (("enter", "\r"), ("space", " ")):  # one burst: no wait
                app.post_message(events.Key(key, char))
            await until(pilot, lambda: app.state.present.get("Per Almqvist"), "Almqvist närvarande")
            assert app.focused is app.screen.query_one(DataTable)

    run(go())
