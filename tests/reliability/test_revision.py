"""Justered minutes are not rewritten behind the secretary's back (issue 20, item 4 of
"Justered minutes are sealed"): export refuses when an edited meeting.toml or journal would
change them and says what changed; --force keeps the old version beside the new one; the
seal is recorded in the journal at the justering and validate cross-checks the two."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from tests.minutes import scenario as sc

from namndtui.minutes.protokoll_read import load_protokoll
from namndtui.minutes.revision import differences
from namndtui.minutes.source import load_meeting_for_record
from namndtui.record import events as ev
from namndtui.record.journal import encode_line

from .conftest import cli, tree_hash

PLACE = "Annan lokal, Testby"


@pytest.fixture(scope="module")
def justered_template(tmp_path_factory) -> Path:
    """The testby meeting recorded, closed and exported --justerat (made once)."""
    folder = sc.copy_tree(tmp_path_factory.mktemp("justered"))
    meeting = load_meeting_for_record(folder / "meeting.toml")
    sc.record_meeting(folder, meeting, sc.meeting_events()).close()
    code, _out, err = cli("export", str(folder), "--justerat", "2024-03-07")
    assert code == 0, err
    return folder


@pytest.fixture
def justered(justered_template, tmp_path) -> Path:
    folder = tmp_path / "m"
    folder.mkdir()
    for path in justered_template.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def _edit_place(folder: Path, place: str = PLACE) -> None:
    path = folder / "meeting.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("place = "))
    lines[at] = f'place = "{place}"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _journal(folder: Path) -> list[dict]:
    lines = (folder / "journal.jsonl").read_text(encoding="utf-8").splitlines()[1:]
    return [json.loads(line)["event"] for line in lines]


def test_the_seal_is_recorded_in_the_journal_at_the_justering(justered) -> None:
    events = _journal(justered)
    assert [e["type"] for e in events[-3:]] == [
        "minutes_justified",
        "minutes_sealed",
        "act_grouped",
    ]
    sealed = events[-2]
    text = (justered / "protokoll.toml").read_text(encoding="utf-8")
    assert f'[seal]\nchecksum = "{sealed["checksum"]}"' in text
    assert sealed["version"] == 1 and "§ 18–23" in sealed["covers"]
    assert cli("validate", str(justered))[0] == 0
    assert cli("validate", str(justered / "protokoll.toml"))[0] == 0


def test_an_edited_meeting_toml_is_refused_and_named(justered) -> None:
    _edit_place(justered)
    before = tree_hash(justered)
    code, out, err = cli("export", str(justered), "--html")
    assert code == 2 and out == ""
    assert "protokollet är justerat 2024-03-07 och skrivs inte om" in err
    assert "sammanträdet: plats ”Testby stadsdelsförvaltning" in err and f"”{PLACE}”" in err
    assert "Med --force sparas det nuvarande som protokoll.v1.toml" in err
    assert tree_hash(justered) == before  # nothing written
    # validate sees the same: the journal's seal and the file against the edited meeting
    code, out, _err = cli("validate", str(justered))
    assert code == 1
    assert "journal.jsonl:" in out and "sigillet som registrerades här" in out
    assert "protokoll.toml: det justerade protokollet motsvarar inte journalen" in out


def test_an_edited_journal_is_refused_with_the_paragraph_and_field(justered) -> None:
    journal = justered / "journal.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    for n, raw in enumerate(lines[1:], start=1):
        data = json.loads(raw)
        if data["event"]["type"] == "decision_recorded":
            event = dict(data["event"], points=["Nämnden avslår allt."])
            lines[n] = encode_line(data["seq"], data["time"], ev.from_dict(event))
            break
    journal.write_bytes(b"".join(lines))  # a valid line: only the sidecar's hash knows
    (justered / "journal.jsonl.check").unlink()  # … and a careful forger deletes it
    code, _out, err = cli("export", str(justered))
    assert code == 2
    assert "§ 18: beslut" in err and "”Nämnden avslår allt.”" in err


def test_force_keeps_the_old_version_and_writes_a_new_one(justered) -> None:
    old = {s: (justered / f"protokoll{s}").read_bytes() for s in (".toml", ".md")}
    _edit_place(justered)
    code, out, err = cli("export", str(justered), "--force")
    assert code == 0, err
    for suffix, data in old.items():
        assert (justered / f"protokoll.v1{suffix}").read_bytes() == data
    assert not (justered / "protokoll.v1.html").exists()  # only what there was
    minutes = load_protokoll(justered / "protokoll.toml")
    assert minutes.meeting.place == PLACE
    [revision] = minutes.state.revisions
    assert (revision.version, revision.previous) == (2, "protokoll.v1.toml")
    assert any("plats" in line for line in revision.changes)
    assert [e["type"] for e in _journal(justered)[-3:]] == [
        "minutes_revised", "minutes_sealed", "act_grouped"
    ]  # fmt: skip
    assert cli("validate", str(justered))[0] == 0  # journal and file agree again
    assert cli("export", str(justered))[0] == 0  # nothing new: written as it is
    # A third version keeps the second as v2; v1 is never overwritten.
    _edit_place(justered, "Tredje lokalen")
    assert cli("export", str(justered))[0] == 2
    assert cli("export", str(justered), "--force")[0] == 0
    assert (justered / "protokoll.v1.toml").read_bytes() == old[".toml"]
    assert f'place = "{PLACE}"' in (justered / "protokoll.v2.toml").read_text(encoding="utf-8")
    assert [r.version for r in load_protokoll(justered).state.revisions] == [2, 3]


def test_a_new_version_is_dated_by_the_same_today_as_the_date_options(
    justered, monkeypatch
) -> None:
    """export reads today from one place (`_today`), for --justerat's check and for the
    date of a --force version alike, so a pinned today pins both."""
    from namndtui.commands import export

    monkeypatch.setattr(export, "_today", lambda: dt.date(2024, 3, 9))
    _edit_place(justered)
    assert cli("export", str(justered), "--force")[0] == 0
    [revision] = load_protokoll(justered).state.revisions
    assert revision.date == "2024-03-09"
    assert _journal(justered)[-3]["date"] == "2024-03-09"


def test_what_the_journal_records_after_the_justering_is_written(justered) -> None:
    code, _out, err = cli("export", str(justered), "--anslaget", "2024-03-08")
    assert code == 0, err
    assert load_protokoll(justered).state.posted_on == "2024-03-08"
    assert cli("validate", str(justered))[0] == 0


def test_a_hand_edited_protokoll_is_not_overwritten_silently(justered) -> None:
    path = justered / "protokoll.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('adjusters = ["', 'adjusters = ["Någon Annan", "'), encoding="utf-8"
    )
    edited = path.read_bytes()
    code, _out, err = cli("export", str(justered))
    assert code == 2 and "justeringen: justerare" in err
    assert path.read_bytes() == edited
    assert cli("export", str(justered), "--force")[0] == 0
    assert (justered / "protokoll.v1.toml").read_bytes() == edited  # kept, not lost
    assert '\nadjusters = ["Olof Berg"]\n' in path.read_text(encoding="utf-8")


def test_a_justering_is_not_recorded_when_the_minutes_would_be_refused(justered) -> None:
    """--anslaget on edited minutes: refused before anything goes into the journal."""
    _edit_place(justered)
    journal = (justered / "journal.jsonl").read_bytes()
    assert cli("export", str(justered), "--anslaget", "2024-03-08")[0] == 2
    assert (justered / "journal.jsonl").read_bytes() == journal


def test_differences_are_short_swedish_lines() -> None:
    old = {
        "meeting": {"date": "x", "place": "A"},
        "justering": {"adjusters": ["Eva"], "due": 1},
        "members": [{"name": "Eva", "present": True}, {"name": "Bo", "present": True}],
        "paragraphs": [
            {"number": 1, "title": "Budget", "decision": ["Bifall."], "checksum": "a"},
            {"number": 2, "title": "Park", "votes": [{"round": 1}]},
        ],
    }
    new = {
        "meeting": {"date": "x", "place": "B"},
        "justering": {"adjusters": ["Eva"], "due": 2},
        "members": [{"name": "Eva", "present": False}],
        "paragraphs": [
            {"number": 1, "title": "Budget", "decision": ["Avslag."], "checksum": "b"},
            {"number": 3, "title": "Ny"},
        ],
    }
    assert differences(old, new) == [
        "sammanträdet: plats ”A” → ”B”",
        "ledamöter: Bo finns inte längre",
        "närvaro: Eva närvarande → frånvarande",
        "§ 1: beslut ”Bifall.” → ”Avslag.”",
        "§ 2 (”Park”) finns inte i det nya",
        "§ 3 (”Ny”) är ny",
    ]


def test_review_shows_the_seal_mismatch(justered) -> None:
    from namndtui.commands.open_app import build_app

    assert build_app(justered / "protokoll.toml").start_warnings == []
    _edit_place(justered)
    warnings = build_app(justered / "protokoll.toml").start_warnings
    assert any("sigillet som registrerades här" in w for w in warnings)
    assert any("motsvarar inte journalen" in w for w in warnings)


def test_a_publishing_folder_takes_the_next_meeting(justered, tmp_path) -> None:
    """export --out to a folder used meeting after meeting: another meeting's minutes there
    are replaced as before; the same meeting's, changed, are refused."""
    out = tmp_path / "publicerat"
    assert cli("export", str(justered), "--out", str(out))[0] == 0
    _edit_place(justered)
    assert cli("export", str(justered), "--out", str(out))[0] == 2  # the same meeting
    path = out / "protokoll.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("2024-03-05", "2024-02-06"))
    assert cli("export", str(justered), "--out", str(out))[0] == 0  # another meeting's


def test_force_while_the_meeting_is_open_keeps_nothing_and_records_nothing(justered) -> None:
    from namndtui.record.record import Record

    _edit_place(justered)
    before = tree_hash(justered)
    meeting = load_meeting_for_record(justered / "meeting.toml")
    with Record.open(meeting, justered) as open_elsewhere:
        assert not open_elsewhere.readonly
        code, _out, err = cli("export", str(justered), "--force")
        # the lock file is the open record's; everything else untouched
        assert code == 1 and "Traceback" not in err
        after = tree_hash(justered)
    assert {k: v for k, v in after.items() if "lock" not in k} == {
        k: v for k, v in before.items() if "lock" not in k
    }


def test_review_says_unsealed_only_where_export_can_seal(tmp_path) -> None:
    """An archived protokoll from before the seal opens for review without a warning (it
    has nothing to export); beside its meeting.toml, the same file is said to be unsealed."""
    from namndtui.commands.open_app import build_app
    from namndtui.examples import example_archive, example_meeting

    old = next(example_archive().rglob("2007-09-25/protokoll.toml"))
    alone = tmp_path / "arkiv" / "protokoll.toml"
    alone.parent.mkdir()
    alone.write_bytes(old.read_bytes())
    assert build_app(alone).start_warnings == []
    beside = tmp_path / "m" / "protokoll.toml"
    beside.parent.mkdir()
    beside.write_bytes(old.read_bytes())
    (beside.parent / "meeting.toml").write_bytes(example_meeting().read_bytes())
    warnings = build_app(beside).start_warnings
    assert any("ej förseglat" in w for w in warnings)


def test_force_rewrites_the_html_and_pdf_it_finds(justered) -> None:
    """export --force without --html/--pdf left the justered version 1 as protokoll.html
    (and .pdf) beside version 2 (qa): what was there is written again, in the new version."""
    assert cli("export", str(justered), "--html")[0] == 0
    _edit_place(justered)
    code, _out, err = cli("export", str(justered), "--force")
    assert code == 0, err
    assert PLACE not in (justered / "protokoll.v1.html").read_text(encoding="utf-8")
    assert PLACE in (justered / "protokoll.html").read_text(encoding="utf-8")


def test_two_forced_exports_at_once_make_one_new_version(justered) -> None:
    """Two `export --force` started together (qa): both compared before the lock, so the
    second kept the first's version 2 as protokoll.v2.* and recorded a version 3 with the
    same changes. Under the lock the minutes on disk are compared again."""
    from namndtui.commands.export import guard
    from namndtui.minutes.source import load_source
    from namndtui.minutes.write import write_files

    _edit_place(justered)
    first, second = load_source(str(justered)), load_source(str(justered))
    done = guard(first, justered, str(justered), force=True)
    write_files(done.minutes, justered)
    guard(second, justered, str(justered), force=True)
    assert [e["type"] for e in _journal(justered)].count("minutes_revised") == 1
    assert not (justered / "protokoll.v2.toml").exists()
    assert cli("validate", str(justered))[0] == 0


def test_a_missing_journal_is_refused_even_with_force(justered) -> None:
    """Without journal.jsonl (and its check file) the meeting would export with nobody
    present: the justered minutes are never rewritten from that, not even with --force,
    and the line says what to do instead of suggesting --force."""
    (justered / "journal.jsonl").unlink()
    (justered / "journal.jsonl.check").unlink()
    before = tree_hash(justered)
    for extra in ([], ["--force"]):
        code, out, err = cli("export", str(justered), *extra)
        assert code == 2 and out == ""
        assert "journalen (journal.jsonl) saknas eller är tom" in err
        assert "Med --force" not in err and "Traceback" not in err
    assert tree_hash(justered) == before


def test_differences_show_times_and_breaks_as_read() -> None:
    old = {
        "meeting": {
            "end": dt.time(19, 30),
            "breaks": [{"from": dt.time(18, 45), "to": dt.time(18, 55)}],
        }
    }
    new = {"meeting": {"end": dt.time(19, 31, 5), "breaks": []}}
    lines = differences(old, new)
    assert "sammanträdet: slut 19.30 → 19.31.05" in lines
    assert "sammanträdet: ajourneringar 18.45–18.55 → –" in lines
