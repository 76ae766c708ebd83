"""namndtui export / extract on the command line; § numbering across the year."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys

import pytest
from tests.minutes import scenario as sc

from namndtui.cli import main
from namndtui.minutes.numbering import first_paragraph, previous_protokoll
from namndtui.minutes.source import load_meeting_for_record


@pytest.fixture
def recorded(tmp_path):
    """A copy of the fixture tree with the meeting recorded (journal written, lock released)."""
    folder = sc.copy_tree(tmp_path)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    sc.record_meeting(folder, meeting, sc.meeting_events()).close()
    return folder


def test_export_meeting_folder_writes_the_files(recorded, capsys) -> None:
    assert main(["export", str(recorded), "--html"]) == 0
    names = capsys.readouterr().out.split()
    assert [n.rsplit("/", 1)[-1] for n in names] == [
        "protokoll.toml",
        "protokoll.md",
        "protokoll.html",
    ]
    md = (recorded / "protokoll.md").read_text(encoding="utf-8")
    assert md == (sc.GOLDEN / "testby" / "fore-justering.md").read_text(encoding="utf-8")


def test_export_does_not_need_the_lock(recorded, capsys) -> None:
    """Exporting while the meeting is open in the TUI (lock held) works, read-only."""
    meeting = load_meeting_for_record(recorded / "meeting.toml")
    record = sc.record_meeting(recorded, meeting, [])
    try:
        journal = (recorded / "journal.jsonl").read_bytes()
        assert main(["export", str(recorded / "meeting.toml"), "--out", str(recorded.parent)]) == 0
        assert (recorded.parent / "protokoll.toml").exists()
        assert (recorded / "journal.jsonl").read_bytes() == journal
    finally:
        record.close()


def test_export_justerat_records_the_event(recorded, capsys) -> None:
    assert (
        main(["export", str(recorded), "--justerat", "2024-03-07", "--anslaget", "2024-03-08"]) == 0
    )
    assert '"minutes_justified"' in (recorded / "journal.jsonl").read_text(encoding="utf-8")
    md = (recorded / "protokoll.md").read_text(encoding="utf-8")
    assert "**Sista dag för överklagande:** 2024-04-02" in md
    # A second justering is refused by the record's rules, with a clear message.
    assert main(["export", str(recorded), "--justerat", "2024-03-08"]) == 1
    assert "justerat" in capsys.readouterr().err


def test_the_notice_date_may_come_after_the_justering(recorded, capsys) -> None:
    assert main(["export", str(recorded), "--anslaget", "2024-03-08"]) == 1
    assert "inte justerat" in capsys.readouterr().err  # not before the justering
    assert main(["export", str(recorded), "--justerat", "2024-03-07"]) == 0
    md = (recorded / "protokoll.md").read_text(encoding="utf-8")
    assert "**Datum då anslaget sätts upp:**\n" in md  # the notice is not up yet
    assert main(["export", str(recorded), "--anslaget", "2024-03-06"]) == 1
    assert "före justeringen" in capsys.readouterr().err
    assert main(["export", str(recorded), "--anslaget", "2024-03-08"]) == 0
    md = (recorded / "protokoll.md").read_text(encoding="utf-8")
    assert "**Sista dag för överklagande:** 2024-04-02" in md
    assert main(["export", str(recorded), "--anslaget", "2024-03-09"]) == 1
    assert "redan registrerat (2024-03-08)" in capsys.readouterr().err


def test_justering_before_the_meeting_is_refused(recorded, capsys) -> None:
    assert main(["export", str(recorded), "--justerat", "2024-03-04"]) == 1
    assert "före sammanträdet (2024-03-05)" in capsys.readouterr().err
    args = ["export", str(recorded), "--justerat", "2024-03-07", "--anslaget", "2024-03-06"]
    assert main(args) == 1
    assert "före justeringen (2024-03-07)" in capsys.readouterr().err
    assert '"minutes_justified"' not in (recorded / "journal.jsonl").read_text(encoding="utf-8")


def test_no_warning_when_on_time(recorded, capsys) -> None:
    # The last lawful days: 14 days after the meeting, the second day after that.
    args = ["export", str(recorded), "--justerat", "2024-03-19", "--anslaget", "2024-03-21"]
    assert main(args) == 0
    assert "varning" not in capsys.readouterr().err


def test_late_justering_and_notice_are_warned_about(recorded, capsys) -> None:
    args = ["export", str(recorded), "--justerat", "2024-03-20", "--anslaget", "2024-03-23"]
    assert main(args) == 0  # recorded: the record is what happened
    err = capsys.readouterr().err.splitlines()
    assert (
        "namndtui: varning: justeringen 2024-03-20 är senare än 2024-03-19 "
        "(14 dagar efter sammanträdet)"
    ) in err
    assert (
        "namndtui: varning: tillkännagivandet 2024-03-23 är senare än 2024-03-22 "
        "(andra dagen efter justeringen, KL 8 kap. 12 §)"
    ) in err
    assert '"minutes_justified"' in (recorded / "journal.jsonl").read_text(encoding="utf-8")


def test_late_notice_alone_is_warned_about(recorded, capsys) -> None:
    assert main(["export", str(recorded), "--justerat", "2024-03-07"]) == 0
    assert "varning" not in capsys.readouterr().err
    assert main(["export", str(recorded), "--anslaget", "2024-03-11"]) == 0
    err = capsys.readouterr().err
    assert "varning: tillkännagivandet 2024-03-11 är senare än 2024-03-09" in err
    assert err.count("varning") == 1  # only about what was recorded now


def test_export_justerat_refused_while_meeting_is_open(recorded, capsys) -> None:
    meeting = load_meeting_for_record(recorded / "meeting.toml")
    record = sc.record_meeting(recorded, meeting, [])
    try:
        assert main(["export", str(recorded), "--justerat", "2024-03-07"]) == 1
        err = capsys.readouterr().err
        # who holds it, and what to do; not the TUI's "Det öppnas skrivskyddat" (QA)
        assert "namndtui:" in err and "redan öppet för skrivning" in err
        assert "skrivskyddat" not in err and "Stäng det andra fönstret" in err
    finally:
        record.close()


def test_export_protokoll_rerenders_identically(tmp_path, capsys) -> None:
    src = sc.GOLDEN / "testby" / "protokoll.toml"
    assert main(["export", str(src), "--out", str(tmp_path), "--html"]) == 0
    for name in ("protokoll.toml", "protokoll.md", "protokoll.html"):
        assert (tmp_path / name).read_bytes() == (sc.GOLDEN / "testby" / name).read_bytes()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["export", "/nonexistent/x"], 2, "filen finns inte"),
        (["export", "{tmp}"], 2, "varken meeting.toml eller protokoll.toml"),
        (["export", "{golden}", "--justerat", "2024-13-01"], 2, "ogiltigt datum"),
        # a date written as a secretary says it: the line says how to write it
        (["export", "{golden}", "--justerat", "8 mars 2024"], 2, "– skriv 2024-03-08"),
        (
            ["new", "{tmp}/ny", "--from", "{golden}", "--date", "den 5 april 2024"],
            2,
            "ogiltigt datum 'den 5 april 2024': skriv 2024-04-05",
        ),
        (["import-agenda", "{golden}", "--date", "2024-4-5"], 2, "skriv 2024-04-05"),
        (
            ["export", "{golden}", "--anslaget", "2024-03-08"],
            1,
            "--anslaget kräver ett sammanträde",
        ),
        (["export", "{golden}", "--justerat", "2024-03-08"], 1, "kräver ett sammanträde"),
        (["export", "{golden}", "--out", "{golden}/x"], 2, "kan inte skapa mappen"),
        (["extract", "{golden}", "§99"], 1, "§ 99 finns inte i protokollet (§§ 18–23)"),
        (["extract", "{golden}", "paragraf"], 2, "ogiltigt paragrafnummer"),
        (["extract", "{golden}", "§", "19", "20"], 2, "ogiltigt paragrafnummer"),  # one §
    ],
)
def test_bad_input_is_one_line(tmp_path, capsys, args, code, message) -> None:
    golden = str(sc.GOLDEN / "testby" / "protokoll.toml")
    args = [a.format(tmp=tmp_path, golden=golden) for a in args]
    assert main(args) == code
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("spelling", [["§19"], ["19"], ["§", "19"], ["§ 19"]])
def test_extract_accepts_spellings(recorded, capsys, spelling) -> None:
    assert main(["extract", str(recorded), *spelling]) == 0
    out = capsys.readouterr().out
    assert out == (sc.GOLDEN / "testby" / "utdrag-19-under-mötet.md").read_text(encoding="utf-8")


def test_extract_help_says_one_paragraph(capsys) -> None:
    """The usage said "§N [§N ...]" (the extra words only let `§ 19` be typed unquoted)."""
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    out = capsys.readouterr().out
    assert "SÖKVÄG §N\n" in out and "[§N" not in out and '"§ 125"' in out


def test_numbering_continues_within_the_body_and_year() -> None:
    meeting = sc.load_fixture_meeting()
    found = previous_protokoll(meeting, sc.MEETING_DIR)
    assert [p.parent.name for p, _ in found] == ["2024-02-06"]  # not 2023, not another body
    assert first_paragraph(meeting, sc.MEETING_DIR) == 18
    assert first_paragraph(dataclasses.replace(meeting, first_paragraph=5), sc.MEETING_DIR) == 5
    january = dataclasses.replace(meeting, date=dt.date(2024, 1, 9))
    assert first_paragraph(january, sc.MEETING_DIR) == 1  # the first meeting of the year


def test_no_textual_import() -> None:
    code = (
        "import sys, namndtui.commands.export, namndtui.commands.extract, namndtui.minutes.write,"
        " namndtui.minutes.extract, namndtui.minutes.source, namndtui.minutes.numbering;"
        " print('textual' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_folders_named_for_other_dates_are_not_read(tmp_path, monkeypatch) -> None:
    import namndtui.minutes.numbering as numbering

    folder = sc.copy_tree(tmp_path)
    read: list[str] = []
    real = numbering._last_number
    monkeypatch.setattr(
        numbering, "_last_number", lambda path: (read.append(path.parent.name), real(path))[1]
    )
    meeting = sc.load_fixture_meeting()
    assert first_paragraph(meeting, folder) == 18
    # 2023-12-12 (another year) is skipped by its name; annan-namnd's is read, not counted
    assert sorted(read) == ["2024-02-06", "2024-02-20"]


def test_the_journal_pins_where_the_numbering_started(recorded, capsys) -> None:
    from namndtui.record.journal import pinned_first_paragraph

    assert pinned_first_paragraph(recorded / "journal.jsonl") == 18
    # Earlier minutes disappear from (or are added to) the archive later: the recorded
    # meeting keeps its numbers.
    for earlier in recorded.parent.glob("2024-02-06"):
        (earlier / "protokoll.toml").unlink()
    meeting = load_meeting_for_record(recorded / "meeting.toml")
    assert meeting.first_paragraph == 18
    assert main(["export", str(recorded)]) == 0
    assert "first_paragraph = 18" in (recorded / "protokoll.toml").read_text(encoding="utf-8")


def test_the_app_numbers_a_meeting_as_export_does(tmp_path) -> None:
    import asyncio

    from namndtui.commands.open_app import build_app

    folder = sc.copy_tree(tmp_path)

    async def go() -> int:
        app = build_app(folder)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            app.open_record_now()
            return app.state.next_number

    assert asyncio.run(go()) == 18


def test_a_broken_protokoll_nearby_never_stops_the_meeting(tmp_path) -> None:
    from namndtui.minutes.numbering import with_numbering
    from namndtui.model import Meeting

    folder = tmp_path / "nd" / "2007-10-23"
    folder.mkdir(parents=True)
    (tmp_path / "nd" / "2007-09-01").mkdir()
    deep = "x = " + "[" * 3000 + "]" * 3000 + "\n"  # tomllib: RecursionError
    (tmp_path / "nd" / "2007-09-01" / "protokoll.toml").write_text(deep, encoding="utf-8")
    (tmp_path / "nd" / "2007-08-01").mkdir()
    (tmp_path / "nd" / "2007-08-01" / "protokoll.toml").write_bytes(b"\xff\xfe\x00garbage")
    meeting = Meeting(body="N", date=dt.date(2007, 10, 23))
    assert with_numbering(meeting, folder).first_paragraph == 1


def test_export_says_what_the_journal_replay_noticed(recorded, capsys) -> None:
    journal = recorded / "journal.jsonl"
    data = journal.read_bytes()
    journal.write_bytes(data[:-20])  # a torn last line, as after a crash mid-write …
    (recorded / "journal.jsonl.check").unlink()  # … before it was acknowledged (issue 20)
    assert main(["export", str(recorded)]) == 0
    err = capsys.readouterr().err
    assert "namndtui: varning: journal.jsonl:" in err and "ofullständig" in err
    # a damaged line in the middle stops the export, naming the file with its folder
    lines = data.splitlines(keepends=True)
    lines[3] = lines[3].replace(b'"seq"', b'"Seq"')
    journal.write_bytes(b"".join(lines))
    assert main(["export", str(recorded)]) == 2
    err = capsys.readouterr().err
    assert f"{recorded}/journal.jsonl:4:" in err and err.count("\n") == 1


def test_export_with_a_folder_for_a_journal_is_one_line(tmp_path, capsys) -> None:
    folder = sc.copy_tree(tmp_path)
    (folder / "journal.jsonl").mkdir()
    assert main(["export", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "journalen kan inte läsas" in err and err.count("\n") == 1


def test_export_justerat_again_with_the_same_date_writes_and_another_date_is_named(
    recorded, capsys
) -> None:
    """The same `export --justerat D` again (say, to add --html) writes the minutes as they
    stand instead of failing on a justering already recorded; another date is refused
    saying the minutes are justered already, and on which day (QA: both were "Protokollet
    är justerat; ändringar görs som rättelse", exit 1)."""
    from namndtui.record.journal import replay

    assert main(["export", str(recorded), "--justerat", "2024-03-07"]) == 0
    capsys.readouterr()
    assert main(["export", str(recorded), "--justerat", "2024-03-07", "--html"]) == 0
    assert "redan registrerat som justerat 2024-03-07" in capsys.readouterr().err
    assert (recorded / "protokoll.html").is_file()
    assert main(["export", str(recorded), "--justerat", "2024-03-08"]) == 1
    assert "Protokollet är justerat 2024-03-07; justeringen ändras inte" in capsys.readouterr().err
    # the posting later, and the same pair again: each recorded once
    assert (
        main(["export", str(recorded), "--justerat", "2024-03-07", "--anslaget", "2024-03-08"]) == 0
    )
    assert "Tillkännagivandet registrerat 2024-03-08" in capsys.readouterr().err
    assert (
        main(["export", str(recorded), "--justerat", "2024-03-07", "--anslaget", "2024-03-08"]) == 0
    )
    assert "Tillkännagivandet är redan registrerat 2024-03-08" in capsys.readouterr().err
    kinds = [type(e).__name__ for _, _, e in replay(recorded / "journal.jsonl").entries]
    assert kinds.count("MinutesJustified") == 1 and kinds.count("MinutesPosted") == 1


def test_export_out_to_another_meetings_folder_overwrites_nothing(tmp_path, capsys) -> None:
    # a typo in --out (last meeting's folder) replaced that meeting's minutes silently
    other = tmp_path / "2024-02-01"
    other.mkdir()
    kept = '[meeting]\nbody = "Annan nämnd"\ndate = 2024-02-01\n'
    (other / "protokoll.toml").write_text(kept, encoding="utf-8")
    golden = str(sc.GOLDEN / "testby" / "protokoll.toml")
    assert main(["export", golden, "--out", str(other)]) == 1
    err = capsys.readouterr().err
    assert "är protokollet för Annan nämnd 2024-02-01, inte för" in err
    assert (other / "protokoll.toml").read_text(encoding="utf-8") == kept
    assert sorted(p.name for p in other.iterdir()) == ["protokoll.toml"]
    # the same meeting's folder is written as before
    assert main(["export", golden, "--out", str(tmp_path / "ny")]) == 0
    assert main(["export", golden, "--out", str(tmp_path / "ny")]) == 0
