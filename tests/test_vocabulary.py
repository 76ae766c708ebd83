"""namndtui.vocabulary: the words stay the strings the files hold; every word has its phrase."""

from __future__ import annotations

from namndtui.record import events as ev
from namndtui.record import state
from namndtui.vocabulary import (
    ATTENDANCE_CHANGES,
    FORMAL_KINDS,
    MOTION_PHRASES,
    STATUS_PHRASES,
    VOTE_ANSWERS,
    AttendanceChange,
    MotionKind,
    ParagraphStatus,
    VoteAnswer,
)


def test_members_equal_the_stored_strings() -> None:
    assert MotionKind.ATERREMISS == "återremiss" and f"{MotionKind.TILLAGG}" == "tillägg"
    assert VOTE_ANSWERS == ("ja", "nej", "avstår")
    assert ATTENDANCE_CHANGES == ("arrived", "left", "serves", "stops")
    assert FORMAL_KINDS == ("återremiss", "bordläggning")
    assert state.STATUSES == ("pending", "in_progress", "decided", "tabled", "referred_back")


def test_every_word_has_one_phrase() -> None:
    assert set(MOTION_PHRASES) == {k.value for k in MotionKind}
    assert set(STATUS_PHRASES) == {s.value for s in ParagraphStatus}
    assert MOTION_PHRASES["ändring"] == "ändringsyrkande"
    assert STATUS_PHRASES["referred_back"] == "återremitterat"
    assert all(type(k) is str for k in MOTION_PHRASES)  # a value read from a file finds it


def test_the_record_reads_the_vocabulary() -> None:
    assert ev.MOTION_KINDS is MOTION_PHRASES
    assert tuple(VoteAnswer) == ev.VOTE_CHOICES
    assert {c.value for c in AttendanceChange} == set(ATTENDANCE_CHANGES)
