"""The TUI never rewrites justered minutes behind the journal's back (issue 20): with an
edited meeting.toml it writes nothing and says so (status line, and on quit)."""

from __future__ import annotations

from pathlib import Path

from tests.minutes import scenario as sc

from namndtui.cli import main
from namndtui.minutes.source import load_meeting_for_record
from namndtui.record.record import Record
from namndtui.tui.app import NamndApp

from .helpers import until
from .test_bugs_surface import settle
from .test_recording import SIZE, run


def _justered(tmp_path: Path) -> Path:
    folder = sc.copy_tree(tmp_path)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    sc.record_meeting(folder, meeting, sc.meeting_events()).close()
    assert main(["export", str(folder), "--justerat", "2024-03-07"]) == 0
    return folder


def _app(folder: Path, clock) -> NamndApp:
    meeting = load_meeting_for_record(folder / "meeting.toml")
    record = Record.open(meeting, folder, clock=clock)
    return NamndApp(meeting, record=record, folder=folder, clock=clock, write_minutes=True)


def _minutes_note(folder: Path, clock) -> str:
    """The app's note after it writes the minutes once; then it quits with q. (Said at
    once when the record opens, too.)"""
    notes = []

    async def go():
        app = _app(folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.minutes_note.startswith("Protokollet är justerat och skrivs inte om")
            assert app.minutes_note in app.start_warnings
            app.minutes_note = ""
            app.schedule_minutes()
            await settle(pilot, "minutes")
            notes.append(app.minutes_note)
            await pilot.press("q")
        assert app.return_code == 0

    run(go())
    return notes[0]


def test_edited_meeting_toml_does_not_rewrite_justered_minutes(tmp_path, clock, capsys) -> None:
    folder = _justered(tmp_path)
    path = folder / "meeting.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("\nplace = ", '\nplace = "Annan lokal"\n#', 1),
        encoding="utf-8",
    )
    capsys.readouterr()
    minutes = (folder / "protokoll.toml").read_bytes()
    note = _minutes_note(folder, clock)
    assert note.startswith("Protokollet är justerat och skrivs inte om")
    assert "sammanträdet: plats" in note and "export --force" in note
    assert (folder / "protokoll.toml").read_bytes() == minutes


def test_unchanged_justered_minutes_are_written_as_usual(tmp_path) -> None:
    """What the app calls (write_minutes with the journal): unchanged minutes, and a later
    act the journal holds, are written (no Pilot run needed)."""
    from namndtui.minutes.write import write_minutes
    from namndtui.record import events as ev

    folder = _justered(tmp_path)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    with Record.open(meeting, folder) as record:
        assert write_minutes(meeting, record.state, folder, entries=list(record.events))
        record.apply(ev.MinutesPosted("2024-03-08"))
        write_minutes(meeting, record.state, folder, entries=list(record.events))
    assert "posted = 2024-03-08" in (folder / "protokoll.toml").read_text(encoding="utf-8")


def test_a_rattelse_in_the_tui_records_the_new_seal_with_it(tmp_path, clock) -> None:
    """A rättelse after the justering changes the minutes and so their seal: the app
    records the new seal with the act (ctrl+z takes both back), so the minutes it writes
    never carry a seal the journal lacks (validate finds nothing)."""
    import tomllib

    from namndtui.record import events as ev

    folder = _justered(tmp_path)
    wrong = ev.DecisionRecorded(
        sc.ANMALAN, ("Anmälan av delegationsbeslut läggs till handlingarna.",)
    )

    def seals() -> list[str]:
        return [e.checksum for _, _, e in app.record.events if isinstance(e, ev.MinutesSealed)]

    def on_disk() -> str:
        text = (folder / "protokoll.toml").read_text(encoding="utf-8")
        return tomllib.loads(text)["seal"]["checksum"]

    async def go():
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, "minutes")
            assert len(seals()) == 1 and on_disk() == seals()[0]
            assert app.apply(ev.CorrectionMade(sc.ANMALAN, "Månaden saknades.", wrong.to_dict()))
            assert len(seals()) == 2 and seals()[1] != seals()[0]
            await until(pilot, lambda: on_disk() == seals()[1], "det nya sigillet skrivet")
            assert main(["validate", str(folder)]) == 0
            app.undo()  # the rättelse and its seal: the minutes as justered
            await until(pilot, lambda: on_disk() == seals()[0], "protokollet som justerat")
            assert main(["validate", str(folder)]) == 0
            await pilot.press("q")

    app = _app(folder, clock)
    run(go())


def test_ctrl_z_takes_back_a_rattelse_with_its_seal_but_never_a_seal_alone(tmp_path) -> None:
    """The TUI's undo (justering=False) refuses the justering and the anslag; a seal goes
    with the act it seals, and alone (export recorded it) it is not taken back."""
    import pytest

    from namndtui.minutes.model import Minutes
    from namndtui.minutes.revision import new_seal, recorded_seal
    from namndtui.record import events as ev
    from namndtui.record.rules import RuleError

    folder = _justered(tmp_path)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    wrong = ev.DecisionRecorded(
        sc.ANMALAN, ("Anmälan av delegationsbeslut läggs till handlingarna.",)
    )
    rattelse = ev.CorrectionMade(sc.ANMALAN, "Månaden saknades.", wrong.to_dict())
    with Record.open(meeting, folder) as record:
        justered = recorded_seal(record.state)
        first = record.apply(rattelse)
        record.apply(new_seal(Minutes(meeting, record.state)))
        record.group(first)
        record.undo(justering=False)  # both
        assert recorded_seal(record.state) == justered
        record.apply(rattelse)
        record.apply(new_seal(Minutes(meeting, record.state)))  # as export records it
        with pytest.raises(RuleError):
            record.undo(justering=False)


def test_a_rattelse_with_an_unusable_key_says_the_seal_waits_for_export(
    tmp_path, clock, monkeypatch, capsys
) -> None:
    """A key file that cannot be used (not an ed25519 key) leaves the new seal unrecorded
    (export signs it once the key is mended): the secretary is told so at once, instead
    of learning it from validate, and export then records it."""
    from namndtui.minutes import signing
    from namndtui.record import events as ev
    from namndtui.tui import strings as S

    folder = _justered(tmp_path)
    bad_key = tmp_path / "ed25519.pem"
    bad_key.write_text("inte en nyckel\n", encoding="utf-8")
    bad_key.chmod(0o600)
    monkeypatch.setattr(signing, "key_path", lambda: bad_key)
    wrong = ev.DecisionRecorded(
        sc.ANMALAN, ("Anmälan av delegationsbeslut läggs till handlingarna.",)
    )

    def seals() -> int:
        return sum(isinstance(e, ev.MinutesSealed) for _, _, e in app.record.events)

    async def go():
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, "minutes")
            assert app.apply(ev.CorrectionMade(sc.ANMALAN, "Månaden saknades.", wrong.to_dict()))
            assert seals() == 1  # the justering's only
            await pilot.pause()  # a notice is a message: shown on the next turn
            shown = [n.message for n in app._notifications]
            assert any(S.SEAL_NOT_SIGNED.split(":")[0] in m and "ed25519" in m for m in shown)
            await settle(pilot, "minutes")
            await pilot.press("q")

    app = _app(folder, clock)
    run(go())
    capsys.readouterr()
    assert main(["validate", str(folder)]) == 1
    assert "när nyckeln inte gick att använda" in capsys.readouterr().out
    bad_key.unlink()  # mended: no key, so export records the seal unsigned
    assert main(["export", str(folder)]) == 0
    assert main(["validate", str(folder)]) == 0


def test_opening_minutes_whose_seal_the_journal_lacks_says_what_to_do(tmp_path, clock) -> None:
    """A rättelse recorded while the key could not be used leaves the new seal out of the
    journal: the app opened on it later says so (what export records; validate shows it),
    and no longer once export has recorded it. No Pilot run: the notice is decided when
    the record is adopted."""
    from namndtui.record import events as ev
    from namndtui.tui import strings as S

    def notices() -> list[str]:
        app = _app(folder, clock)
        app.record.close()  # the lock: export needs it
        return app.start_warnings

    folder = _justered(tmp_path)
    assert S.SEAL_UNRECORDED not in notices()
    meeting = load_meeting_for_record(folder / "meeting.toml")
    wrong = ev.DecisionRecorded(sc.ANMALAN, ("Anmälan läggs till handlingarna.",))
    with Record.open(meeting, folder) as record:  # as the app does when the key fails
        record.apply(ev.CorrectionMade(sc.ANMALAN, "Månaden saknades.", wrong.to_dict()))
    assert S.SEAL_UNRECORDED in notices()
    assert main(["export", str(folder)]) == 0  # records the seal, as the notice says
    assert S.SEAL_UNRECORDED not in notices()
