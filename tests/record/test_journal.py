"""The journal on disk: format, replay, torn tail, corruption, property tests."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namndtui.record import events as ev
from namndtui.record.fold import fold, fold_entries
from namndtui.record.journal import (
    JournalCorrupt,
    JournalWriter,
    Replay,
    Sidecar,
    checksum,
    encode_line,
    header_line,
    replay,
    sidecar_path,
)
from namndtui.record.record import Record

from .conftest import SEATS, SUBS, Clock, decided_by_vote, make_meeting, roll_call

LABEL = "Testnämnden 2007-10-23"


def write_journal(path: Path, events: list[ev.Event]) -> bytes:
    writer = JournalWriter(path, header_line(LABEL), Replay())
    for n, event in enumerate(events, 1):
        writer.append(n, f"2007-10-23T19:{n // 60 % 60:02d}:{n % 60:02d}", event)
    writer.close()
    return path.read_bytes() if path.exists() else b""


def test_line_format(tmp_path):
    data = write_journal(tmp_path / "journal.jsonl", [ev.MeetingOpened("19:00")])
    header, line, end = data.split(b"\n")
    assert json.loads(header) == {"format": "namndtui/journal/1", "meeting": LABEL}
    record = json.loads(line)
    assert record["seq"] == 1 and record["event"] == {"type": "meeting_opened", "at": "19:00"}
    body = line[: line.rindex(b',"sum":')] + b"}"
    assert record["sum"] == checksum(body) and len(record["sum"]) == 16
    assert end == b""


def test_unicode_is_kept_readable(tmp_path):
    line = encode_line(1, "t", ev.NoteAdded("x1", "Åtgärd – klar"))
    assert "Åtgärd – klar".encode() in line


def test_replay_roundtrip(tmp_path):
    events = roll_call() + decided_by_vote()
    write_journal(tmp_path / "j", events)
    result = replay(tmp_path / "j", LABEL)
    assert [e for _, _, e in result.entries] == events and result.warnings == []


def test_missing_file_is_empty(tmp_path):
    assert replay(tmp_path / "nope").entries == []


def test_torn_last_line_dropped_with_warning(tmp_path):
    """A crash mid-write: the line has no newline and was never acknowledged (the
    sidecar still names the act before it)."""
    path = tmp_path / "j"
    events = roll_call()
    write_journal(path, events[:-1])
    line = encode_line(len(events), "2007-10-23T19:00:08", events[-1])
    path.write_bytes(path.read_bytes() + line[:-7])
    result = replay(path)
    assert len(result.entries) == len(events) - 1
    assert "ofullständig" in result.warnings[0] and result.warnings[0].startswith("j:9:")


def test_an_acknowledged_line_cut_short_is_reported(tmp_path):
    """The same bytes, but the sidecar says the last act was saved: not a torn write."""
    path = tmp_path / "j"
    data = write_journal(path, roll_call())
    path.write_bytes(data[:-7])
    with pytest.raises(JournalCorrupt, match="j:9: .*löpnummer 7.*löpnummer 8 sparades"):
        replay(path)


def test_bad_last_line_with_newline_is_damaged_not_torn(tmp_path):
    """Issue 20: a complete line is written with one write() and ends in a newline; a
    complete last line that fails is damage (it was reported as never saved and cut
    away by the next act)."""
    path = tmp_path / "j"
    data = write_journal(path, roll_call())
    path.write_bytes(data + b'{"seq":9,"ti\n')
    with pytest.raises(JournalCorrupt, match="j:10: raden är inte giltig JSON"):
        replay(path)
    lines = data.split(b"\n")
    lines[-2] = lines[-2].replace(b'"seq":8', b'"seq":9')
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(JournalCorrupt, match="j:9: "):
        replay(path)


def test_blank_lines_at_the_end_are_skipped_with_a_warning(tmp_path):
    """Decision (docs/reliability.md): blank lines appended by an editor carry no act;
    the meeting stays writable, says so, and the next append removes them."""
    path = tmp_path / "j"
    data = write_journal(path, roll_call())
    path.write_bytes(data + b"\n\n")
    result = replay(path)
    assert result.error is None and len(result.entries) == len(roll_call())
    assert "2 tomma rader i slutet" in result.warnings[0]
    writer = JournalWriter(path, header_line(LABEL), result)
    writer.append(9, "2007-10-23T19:01:00", ev.OfficialPresent("Kim"))
    writer.close()
    again = replay(path)
    assert again.warnings == [] and len(again.entries) == len(roll_call()) + 1


def test_a_blank_line_in_the_middle_is_damage(tmp_path):
    path = tmp_path / "j"
    lines = write_journal(path, roll_call()).split(b"\n")
    path.write_bytes(b"\n".join([*lines[:4], b"", *lines[4:]]))
    with pytest.raises(JournalCorrupt, match="j:5: "):
        replay(path)


def test_lines_cut_at_a_line_boundary_are_reported(tmp_path):
    path = tmp_path / "j"
    data = write_journal(path, roll_call())
    lines = data.split(b"\n")
    path.write_bytes(b"\n".join(lines[:-3]) + b"\n")  # the last two acts gone, cleanly
    with pytest.raises(JournalCorrupt, match="slutar vid löpnummer 6.*till och med löpnummer 8"):
        replay(path)
    path.unlink()
    with pytest.raises(JournalCorrupt, match="löpnummer 8 sparades"):
        replay(path)  # the whole journal deleted: not a new meeting


def test_a_journal_replaced_by_another_valid_one_is_reported(tmp_path):
    path = tmp_path / "j"
    write_journal(path, roll_call())
    other = tmp_path / "other"
    write_journal(other, [*roll_call()[:4], *reversed(roll_call()[4:])])
    path.write_bytes(other.read_bytes())
    with pytest.raises(JournalCorrupt, match="stämmer inte med j.check"):
        replay(path)


def test_a_torn_sidecar_slot_falls_back_to_the_other(tmp_path):
    path = tmp_path / "j"
    write_journal(path, roll_call())
    side = sidecar_path(path)
    raw = bytearray(side.read_bytes())
    raw[0:20] = b"\x00" * 20  # slot of seq 8 torn: slot of seq 7 still says 7
    side.write_bytes(bytes(raw))
    assert Sidecar.read(side).seq == 7
    assert len(replay(path).entries) == len(roll_call())


@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        (lambda line: line.replace(b"Bo \xc3\x85s", b"Bo As"), "kontrollsumman stämmer inte"),
        (lambda line: line[:20], "inte giltig JSON"),
        (lambda line: b"[1,2]", "saknar seq"),
        (lambda line: b"", "inte giltig JSON"),
    ],
)
def test_damaged_middle_line_is_reported_with_line_number(tmp_path, damage, fragment):
    path = tmp_path / "journal.jsonl"
    lines = write_journal(path, roll_call()).split(b"\n")
    lines[2] = damage(lines[2])  # line 3 of the file: the event with seq 2 (Bo Ås)
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(JournalCorrupt) as info:
        replay(path)
    assert info.value.line == 3
    assert info.value.message.startswith("journal.jsonl:3: ") and fragment in info.value.message
    soft = replay(path, strict=False)
    assert soft.error is not None and len(soft.entries) == 1  # the prefix before it


def test_seq_gap_and_unknown_event(tmp_path):
    path = tmp_path / "j"
    lines = write_journal(path, roll_call()).split(b"\n")
    del lines[3]
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(JournalCorrupt, match="löpnummer 4, väntade 3"):
        replay(path)
    body = b'{"seq":1,"time":"t","event":{"type":"teleport"}'
    path.write_bytes(
        header_line(LABEL) + body + b',"sum":"' + checksum(body + b"}").encode() + b'"}\n'
    )
    with pytest.raises(JournalCorrupt, match="okänd händelsetyp"):
        replay(path)


def test_bad_header(tmp_path):
    path = tmp_path / "j"
    path.write_bytes(b'{"format":"other/9"}\n' + encode_line(1, "t", ev.MeetingOpened("19:00")))
    with pytest.raises(JournalCorrupt, match="okänt journalformat"):
        replay(path)
    path.write_bytes(b'{"x":1}\n' + encode_line(1, "t", ev.MeetingOpened("19:00")))
    with pytest.raises(JournalCorrupt, match="j:1:"):
        replay(path)


def test_other_meeting_label_warns(tmp_path):
    write_journal(tmp_path / "j", [ev.MeetingOpened("19:00")])
    assert "Annan" in replay(tmp_path / "j", "Annan nämnd 2007-10-23").warnings[0]


# --- property tests ------------------------------------------------------------------------------

MEETING = make_meeting()
NAMES = SEATS + SUBS
ITEMS = ["x1", "x2", "x3", "x4"]
# Any text, control characters included (stored intact; docs/reliability.md).
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
names = st.sampled_from(NAMES)
items = st.sampled_from(ITEMS)
motion_ids = st.sampled_from(["y1", "y2", "y3"])
event_strategy = st.one_of(
    st.builds(ev.AttendanceSet, names, st.booleans()),
    st.builds(ev.MemberArrived, names, items, st.just("19:10")),
    st.builds(ev.MemberLeft, names, items),
    st.builds(ev.SubstituteServes, st.sampled_from(SUBS), st.sampled_from(SEATS), items),
    st.builds(ev.ItemCalled, items, st.just("19:05"), texts),
    st.builds(ev.Recused, items, names),
    st.builds(
        ev.MotionMade, items, motion_ids, names, st.sampled_from(list(ev.MOTION_KINDS)), texts
    ),
    st.builds(ev.MotionJoined, items, motion_ids, names),
    st.builds(ev.MotionWithdrawn, items, motion_ids),
    st.builds(ev.ChairFinding, items, motion_ids),
    st.builds(ev.QuestionDecided, items, st.just("main"), st.just("proposal")),
    st.builds(ev.MinorityDemand, items, motion_ids, st.integers(1, 5), st.just(5)),
    st.builds(ev.VoteDemanded, items, st.just(1), st.just("y1"), st.just("y2")),
    st.builds(ev.VoteCast, items, st.just(1), names, st.sampled_from(ev.VOTE_CHOICES)),
    st.builds(ev.VoteClosed, items, st.just(1), st.sampled_from(["", "ja", "nej"])),
    st.builds(ev.DecisionRecorded, items, st.lists(texts, min_size=1, max_size=2).map(tuple)),
    st.builds(ev.ReservationMade, items, names, texts),
    st.builds(ev.NoteAdded, items, texts),
    st.builds(ev.ItemTabled, items),
    st.builds(ev.ParagraphJustified, items),
    st.builds(ev.MinutesSealed, st.just("sha256:" + "0" * 64), st.integers(1, 3), texts),
    st.builds(
        ev.MinutesRevised,
        st.integers(2, 4),
        st.just("protokoll.v1.toml"),
        st.just("2024-03-08"),
        st.lists(texts, max_size=2).map(tuple),
    ),
    st.builds(ev.Undone, st.integers(1, 30)),
    st.builds(ev.Redone, st.integers(1, 30)),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(event_strategy, max_size=30))
def test_replay_of_journal_equals_fold(events):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.jsonl"
        write_journal(path, events)
        result = replay(path, LABEL)
        assert [e for _, _, e in result.entries] == events
        assert fold_entries(MEETING, result.entries) == fold(MEETING, events)


_FIXED = roll_call() + decided_by_vote() + [ev.NoteAdded("x1", "Åäö – note"), ev.Undone(16)]


@pytest.fixture(scope="module")
def fixed_journal(tmp_path_factory) -> bytes:
    return write_journal(tmp_path_factory.mktemp("j") / "journal.jsonl", _FIXED)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0))
def test_truncation_at_any_byte_recovers_the_complete_prefix(fixed_journal, cut):
    data = fixed_journal
    cut %= len(data) + 1
    complete_lines = data[:cut].count(b"\n")  # lines ending before the cut
    expected = _FIXED[: max(complete_lines - 1, 0)]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "journal.jsonl").write_bytes(data[:cut])
        record = Record.open(MEETING, Path(folder), clock=Clock())
        try:
            assert [e for _, _, e in record.events] == expected
            assert record.state == fold(MEETING, expected)
            assert not record.readonly
            torn = cut not in (0, *[i + 1 for i, b in enumerate(data) if b == 10])
            assert bool(record.warnings) == torn
            # the next append lands on a clean line after the prefix
            record.apply(ev.OfficialPresent("Kim"))
        finally:
            record.close()
        again = Record.open(MEETING, Path(folder), clock=Clock(), readonly=True)
        assert [e for _, _, e in again.events] == [*expected, ev.OfficialPresent("Kim")]
        assert again.warnings == []


def test_exhaustive_truncation_small(tmp_path):
    """Every byte of a short journal (fast enough to do all of them)."""
    events = roll_call()[:3]
    data = write_journal(tmp_path / "src.jsonl", events)
    for cut in range(len(data) + 1):
        folder = tmp_path / f"c{cut}"
        folder.mkdir()
        (folder / "journal.jsonl").write_bytes(data[:cut])
        lines = data[:cut].count(b"\n")
        with Record.open(MEETING, folder, clock=Clock()) as record:
            assert [e for _, _, e in record.events] == events[: max(lines - 1, 0)]
        shutil.rmtree(folder)


def test_an_events_item_id_names_the_item_it_is_on() -> None:
    assert ev.DecisionRecorded(item="budget", points=("Ja.",)).item_id == "budget"
    assert ev.ItemCalled(item="budget").item_id == "budget"
    assert ev.MeetingOpened("19:00").item_id == ""  # the meeting as a whole
    assert ev.AttendanceSet(member="Anna Ek", present=True).item_id == ""


def test_every_event_class_of_both_families_is_registered_and_named() -> None:
    """The events live in two modules (meeting_events, item_events): one forgotten in the
    registry would be written to the journal and then refused on replay."""
    import inspect

    from namndtui.record import item_events, meeting_events

    defined = {
        cls
        for module in (meeting_events, item_events)
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, ev.Event) and cls.TYPE  # not the bases Event, ItemEvent
    }
    assert defined == set(ev.EVENT_TYPES.values())
    assert all(
        ev.EVENT_TYPES[cls.TYPE] is cls and getattr(ev, cls.__name__) is cls for cls in defined
    )
    assert set(ev.EVENT_DESCRIPTIONS) == set(ev.EVENT_TYPES)
