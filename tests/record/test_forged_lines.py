"""Journal lines with a valid checksum that namndtui never wrote (round 4, hostile input):
a field the rules have always refused in a live act — a time of 99:99, an unknown motion
kind or vote, a date that is not one, version -1, a blank name — makes the line damaged
(read-only, named), instead of printing "kl. 99.99" in the minutes or letting export
write a protokoll.toml that namndtui itself refuses."""

from __future__ import annotations

import json

import pytest

from namndtui.record import events as ev
from namndtui.record.journal import JournalCorrupt, checksum, header_line, replay

LABEL = "Testnämnden 2007-10-23"


def forged_line(seq: int, event: dict) -> bytes:
    """A line as the writer encodes one, checksum recomputed (what a forger does)."""
    payload = json.dumps(event, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    body = f'{{"seq":{seq},"time":"2007-10-23T19:00:0{seq}","event":{payload}'.encode()
    return body + b',"sum":"' + checksum(body + b"}").encode() + b'"}\n'


FORGED = [
    ({"type": "meeting_opened", "at": "99:99"}, "ogiltig tid '99:99'"),
    ({"type": "meeting_closed", "at": "19.00"}, "ogiltig tid '19.00'"),
    ({"type": "item_called", "item": "a", "at": "24:00"}, "ogiltig tid '24:00'"),
    ({"type": "justering_planned", "date": "2007-10-30", "time": "7"}, "ogiltig tid '7'"),
    (
        {"type": "motion_made", "item": "a", "motion": "y1", "by": "A", "kind": "nonsense"},
        "fältet 'kind': okänt värde 'nonsense'",
    ),
    (
        {"type": "vote_cast", "item": "a", "round": 1, "member": "A", "vote": "kanske"},
        "fältet 'vote': okänt värde 'kanske'",
    ),
    ({"type": "vote_closed", "item": "a", "round": 1, "casting": "x"}, "fältet 'casting'"),
    ({"type": "minutes_justified", "date": "igår"}, "ogiltigt datum 'igår'"),
    ({"type": "minutes_posted", "date": "2007-02-30"}, "ogiltigt datum '2007-02-30'"),
    ({"type": "minutes_sealed", "checksum": "sha256:x", "version": -1}, "utanför 1–999999"),
    (
        {"type": "minutes_revised", "version": 10**30, "previous": "p", "date": "2007-11-01"},
        "utanför 2–999999",
    ),
    ({"type": "official_present", "name": "  "}, "fältet 'name' är tomt"),
]


@pytest.mark.parametrize(("event", "said"), FORGED, ids=[e["type"] for e, _ in FORGED])
def test_a_forged_act_is_a_damaged_line(tmp_path, event, said):
    path = tmp_path / "journal.jsonl"
    good = {"type": "meeting_opened", "at": "19:00"}
    path.write_bytes(header_line(LABEL) + forged_line(1, good) + forged_line(2, event))
    with pytest.raises(JournalCorrupt) as info:
        replay(path, LABEL)
    assert info.value.line == 3 and said in info.value.message
    kept = replay(path, LABEL, strict=False)  # the acts before it stay readable
    assert len(kept.entries) == 1 and kept.error is not None


@pytest.mark.parametrize(
    "event",
    [
        {"type": "meeting_opened", "at": "00:00"},
        {"type": "member_arrived", "member": "A", "item": "a", "at": ""},
        {"type": "justering_planned", "date": "2007-10-30", "time": "", "place": ""},
        {"type": "minutes_justified", "date": "2007-10-30", "posted": ""},
        {"type": "vote_closed", "item": "a", "round": 1, "casting": ""},
        {"type": "minutes_sealed", "checksum": "sha256:x", "version": 1},
    ],
)
def test_what_namndtui_writes_is_still_read(event):
    assert event["type"] == ev.from_dict(event).TYPE


@pytest.mark.parametrize("first", [10**30, 1_000_000, -5, "120", True])
def test_a_header_pinning_an_impossible_first_paragraph_is_damaged(tmp_path, first):
    """The header's first_paragraph numbered the §§ past 999999: export wrote minutes that
    validate refused (`number: måste vara ett heltal 0–999999`)."""
    from namndtui.record.journal import pinned_first_paragraph

    path = tmp_path / "journal.jsonl"
    header = json.dumps(
        {"format": "namndtui/journal/1", "meeting": LABEL, "first_paragraph": first}
    )
    path.write_bytes(
        header.encode() + b"\n" + forged_line(1, {"type": "meeting_opened", "at": "19:00"})
    )
    with pytest.raises(JournalCorrupt) as info:
        replay(path, LABEL)
    assert info.value.line == 1 and "första paragrafnumret" in info.value.message
    assert pinned_first_paragraph(path) is None
