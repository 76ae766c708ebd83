"""The parse cache of meeting.toml: hits equal the parse, anything doubtful is a miss."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from namndtui import meetingfile
from namndtui.meetingfile import (
    CACHE_ENTRIES,
    MeetingFileError,
    check_meeting_bytes,
    check_meeting_file,
    load_meeting,
    meeting_cache_dir,
    meeting_from_json,
    meeting_to_json,
)
from namndtui.model import Item, Meeting, Member, Official, ParagraphRef, Section

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "tests" / "data" / "good" / "meeting.toml"
HEAD = 'format = "namndtui/meeting/1"\n[meeting]\nbody = "N"\ndate = 2007-10-23\n'


def entries() -> list[Path]:
    folder = meeting_cache_dir()
    assert folder is not None
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any real parse fail the test: what loads now came from the cache."""

    def refuse(*_args: object) -> None:
        raise AssertionError("parsed although the cache should have answered")

    monkeypatch.setattr(meetingfile, "_parse", refuse)


def copy_good(tmp_path: Path, name: str = "a") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    shutil.copy(GOOD, folder / "meeting.toml")
    return folder / "meeting.toml"


def test_the_suite_never_uses_the_real_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = meeting_cache_dir()
    assert folder is not None
    assert folder.is_relative_to(tmp_path_factory.getbasetemp())


def test_a_hit_is_equal_to_the_parse_and_names_the_file_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = load_meeting(GOOD)
    assert len(entries()) == 1
    other = copy_good(tmp_path)  # same bytes elsewhere (the benchmark's case)
    no_parsing(monkeypatch)
    cached = load_meeting(other)
    assert cached == parsed
    assert cached.source == str(other)
    as_parsed = dataclasses.replace(parsed, source=str(other))
    assert dataclasses.astuple(cached) == dataclasses.astuple(as_parsed)  # source, types too
    assert check_meeting_file(GOOD) == (cached, [], 0)


def test_every_field_round_trips() -> None:
    item = Item(
        id="a-1",
        title="Titel",
        dnr="1-2",
        officer="Olle",
        summary="s\n\nt",
        background="b",
        proposal="p",
        preparation="q",
        proposed_decision=("x", "y"),
        immediate_justification=True,
        attachments=("bilaga",),
        extra_sections=(Section("Rubrik", "text", ""),),
        category="Beslutsärenden",
        corrects=ParagraphRef(dt.date(2007, 9, 25), 112),
        minority_used="bordläggning",
    )
    meeting = Meeting(
        body="Nämnd",
        date=dt.date(2007, 10, 23),
        start=dt.time(19, 5, 30),
        place="Plats",
        first_paragraph=120,
        secretary="Sara",
        kept_at="Förvaltningen",
        paragraph_prefix="SN",
        minority_right=("återremiss",),
        minority_fraction="1/4",
        members=(Member("Anna Ek", "M", "ordförande"), Member("Bo", "", "ersättare")),
        officials=(Official("Olle", "direktör", ("a",)), Official("Eva")),
        items=(item, Item(id="b", title="T")),
        source="x.toml",
    )
    back = meeting_from_json(meeting_to_json(meeting), "x.toml")
    assert dataclasses.astuple(back) == dataclasses.astuple(meeting)
    bare = Meeting(body="N", date=dt.date(2000, 1, 1))
    assert meeting_from_json(meeting_to_json(bare), "") == bare


def test_the_json_covers_every_field_of_the_model() -> None:
    item_keys = set(meetingfile._ITEM_STR + meetingfile._ITEM_LISTS)
    item_keys |= {"immediate_justification", "extra_sections", "decision_basis", "corrects"}
    assert item_keys == {f.name for f in dataclasses.fields(Item)}
    meeting = json.loads(meeting_to_json(Meeting(body="N", date=dt.date(2000, 1, 1))))
    assert set(meeting) | {"source"} == {f.name for f in dataclasses.fields(Meeting)}
    assert [f.name for f in dataclasses.fields(Member)] == ["name", "party", "role"]
    assert [f.name for f in dataclasses.fields(Official)] == ["name", "title", "items"]
    assert [f.name for f in dataclasses.fields(Section)] == ["title", "text", "key"]


def test_a_changed_byte_misses(tmp_path: Path) -> None:
    path = copy_good(tmp_path)
    first = load_meeting(path)
    data = path.read_bytes()
    path.write_bytes(data.replace(b'body = "Testby', b'body = "Testbx', 1))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # mtime alone would not tell
    second = load_meeting(path)
    assert second.body == "Testbx nämnd" and first.body == "Testby nämnd"
    assert len(entries()) == 2


def test_another_program_version_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_meeting(GOOD)
    monkeypatch.setattr(meetingfile, "__version__", "99.0")
    load_meeting(GOOD)
    assert len(entries()) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: raw[:-3] + bytes([raw[-3] ^ 1]) + raw[-2:],  # one bit in the payload
        lambda raw: b"",
        lambda raw: b"\xff\xfe not json at all",
        lambda raw: raw.replace(b" ", b"  ", 1),  # header no longer matches
    ],
    ids=["truncated", "bit-flip", "empty", "garbage", "header"],
)
def test_a_damaged_entry_is_a_miss_and_is_replaced(damage, tmp_path: Path) -> None:  # noqa: ANN001
    parsed = load_meeting(GOOD)
    (entry,) = entries()
    good_entry = entry.read_bytes()
    entry.write_bytes(damage(good_entry))
    assert load_meeting(GOOD) == parsed
    assert entry.read_bytes() == good_entry  # the miss wrote it anew


@pytest.mark.timeout(20)  # the old code blocked on the FIFO for ever
def test_a_fifo_in_place_of_an_entry_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    """Round 4 (hostile input): reading the entry opened it with read_bytes()."""
    parsed = load_meeting(GOOD)
    (entry,) = entries()
    good_entry = entry.read_bytes()
    entry.unlink()
    os.mkfifo(entry)
    assert load_meeting(GOOD) == parsed
    assert entry.is_file() and entry.read_bytes() == good_entry


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(date="not a date"),
        lambda d: d.update(body=7),
        lambda d: d.update(first_paragraph=-1),
        lambda d: d["items"][0].update(title=None),
        lambda d: d["items"][0].update(immediate_justification="yes"),
        lambda d: d["members"].append(["only a name"]),
        lambda d: d.pop("items"),
    ],
)
def test_a_well_formed_entry_of_the_wrong_shape_is_a_miss(change) -> None:  # noqa: ANN001
    parsed = load_meeting(GOOD)
    (entry,) = entries()
    data = json.loads(meeting_to_json(parsed))
    change(data)
    payload = json.dumps(data).encode()
    digest = meetingfile.blake2b(payload, digest_size=20).hexdigest()
    entry.write_bytes(f"{entry.stem} {digest}\n".encode() + payload)
    assert load_meeting(GOOD) == parsed


def test_an_unusable_cache_folder_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = load_meeting(GOOD)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # mkdir fails even for root
    assert load_meeting(GOOD) == parsed
    assert load_meeting(GOOD) == parsed

    def full(*_args: object, **_kw: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "ok"))
    monkeypatch.setattr("namndtui.storage.atomic_write", full)
    assert load_meeting(GOOD) == parsed
    assert list((tmp_path / "ok" / "namndtui" / "meetings").glob("*.json")) == []


def test_a_relative_or_missing_cache_home_falls_back_to_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert meeting_cache_dir() == tmp_path / ".cache" / "namndtui" / "meetings"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert meeting_cache_dir() == tmp_path / ".cache" / "namndtui" / "meetings"


def test_a_file_with_problems_is_never_cached(tmp_path: Path) -> None:
    path = tmp_path / "meeting.toml"
    path.write_text(HEAD + '[[items]]\nid = "Fel Id"\ntitle = "T"\n', "utf-8")
    with pytest.raises(MeetingFileError) as first:
        load_meeting(path)
    assert entries() == []
    with pytest.raises(MeetingFileError) as second:
        load_meeting(path)
    assert [str(p) for p in first.value.problems] == [str(p) for p in second.value.problems]
    assert "meeting.toml:6: items[1].id: ogiltigt id" in str(second.value.problems[0])
    # Once fixed, the valid file is cached; breaking it again is a miss with exact messages.
    path.write_text(HEAD + '[[items]]\nid = "ratt-id"\ntitle = "T"\n', "utf-8")
    load_meeting(path)
    assert len(entries()) == 1
    path.write_text(HEAD + '[[items]]\nid = "Fel Id"\ntitle = "T"\n', "utf-8")
    _meeting, problems, code = check_meeting_file(path)
    assert code == 1 and [str(p) for p in problems] == [str(p) for p in first.value.problems]


def test_check_meeting_bytes_does_not_use_the_cache() -> None:
    # The importer checks what it is about to write; that must always be a real check.
    meeting, problems, code = check_meeting_bytes(GOOD.read_bytes(), str(GOOD))
    assert meeting is not None and problems == [] and code == 0
    assert entries() == []


def test_the_cache_keeps_the_most_recently_used_entries(tmp_path: Path) -> None:
    load_meeting(GOOD)
    folder = meeting_cache_dir()
    assert folder is not None
    for n in range(CACHE_ENTRIES + 5):
        old = folder / f"{n:040x}.json"
        old.write_text("x")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    path = tmp_path / "meeting.toml"
    path.write_text(HEAD, "utf-8")
    load_meeting(path)  # a miss: writes an entry and prunes
    kept = entries()
    assert len(kept) == CACHE_ENTRIES
    names = {p.name for p in kept}
    assert f"{0:040x}.json" not in names and f"{CACHE_ENTRIES + 4:040x}.json" in names
    assert len(names - {f"{n:040x}.json" for n in range(CACHE_ENTRIES + 5)}) == 2  # both real


def test_a_hit_does_not_import_the_checker(tmp_path: Path) -> None:
    """The schema and checks (namndtui.meetingcheck) are imported on a miss only, so a
    reopened meeting starts the TUI without them (the first frame's import set)."""
    folder = copy_good(tmp_path).parent
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = (
        "import sys; from namndtui.meetingfile import load_meeting; load_meeting(sys.argv[1]);"
        " print('namndtui.meetingcheck' in sys.modules)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(folder)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            timeout=60,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]  # a miss checks the file, the hit that follows does not
