"""The minutes as data: a `Minutes` = the meeting + the record state, and what follows.

Every renderer (TOML, Markdown, HTML, extract) reads the same derived views from here, so
the files always agree with each other and with the live screens. Nothing here reads a
clock: every time comes from the state (and so from the journal).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from namndtui.minutes import dates
from namndtui.model import Item, Meeting, Member
from namndtui.record.state import (
    DECIDED,
    IN_PROGRESS,
    PENDING,
    REFERRED_BACK,
    TABLED,
    Paragraph,
    RecordState,
)
from namndtui.record.state_parts import AttendanceChange, Motion


@dataclass
class Minutes:
    """A meeting's minutes: the meeting as prepared and the record of what happened.

    Built from a live record (`Minutes(meeting, state)`) or from a protokoll.toml
    (`namndtui.minutes.protokoll_read.load_protokoll`); review mode shows either with the
    same screens.
    """

    meeting: Meeting
    state: RecordState
    source: str = field(default="", compare=False)  # the file it was loaded from, if any
    # The public version (namndtui.secrecy.public): secret §§ print only the secrecy
    # sentence and the document carries the personal-data notice.
    public: bool = False
    # Justered minutes read from a protokoll.toml (version 1 or 2) written before the seal
    # existed: loaded, and `validate` says "ej förseglat".
    unsealed: bool = field(default=False, compare=False)


# --- small formatting helpers ----------------------------------------------------------------


def time_text(value: dt.time | None) -> str:
    """dt.time -> 'HH:MM' ('' for None)."""
    return value.strftime("%H:%M") if value else ""


def number_ranges(numbers: list[int]) -> str:
    """[120, 121, 122, 125] -> '§§ 120–122, 125'; [120] -> '§ 120'."""
    nums = sorted(set(numbers))
    if not nums:
        return ""
    parts: list[str] = []
    start = prev = nums[0]
    for n in nums[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(f"{start}–{prev}" if prev > start else f"{start}")
        if n is not None:
            start = prev = n
    prefix = "§" if len(nums) == 1 else "§§"
    return f"{prefix} {', '.join(parts)}"


def genitive(name: str) -> str:
    """Swedish genitive of a name: 'Anna Ek' -> 'Anna Eks', 'Lars' -> 'Lars'."""
    return name if name[-1:].lower() in ("s", "x", "z") else name + "s"


# --- members ------------------------------------------------------------------------------------


def member_label(meeting: Meeting, name: str) -> str:
    """'Anna Ek (M)' for a member; the name as given for anyone else."""
    member = meeting.member(name)
    return member.label if member else name


def member_genitive(meeting: Meeting, name: str) -> str:
    """'Anna Eks (M)' — the label with the name in the genitive."""
    member = meeting.member(name)
    if member and member.party:
        return f"{genitive(member.name)} ({member.party})"
    return genitive(name)


# --- paragraphs ---------------------------------------------------------------------------------


def numbered_paragraphs(meeting: Meeting, state: RecordState) -> list[tuple[Item, Paragraph]]:
    """The paragraphs that have a § number, in § order, with their items."""
    out: list[tuple[Item, Paragraph]] = []
    for item_id, para in state.paragraphs.items():
        item = meeting.item(item_id)
        if para.number is not None and item is not None:
            out.append((item, para))
    out.sort(key=lambda pair: pair[1].number or 0)
    return out


def effective_decision(item: Item, para: Paragraph) -> list[str]:
    """The decision points as the minutes state them ([] when there is none)."""
    if para.status in (TABLED, REFERRED_BACK):
        return list(para.decision or [])
    if para.decision is not None:
        return list(para.decision)
    if para.status == DECIDED:
        return list(item.proposed_decision)
    return []


def undecided(meeting: Meeting, state: RecordState) -> list[tuple[Item, Paragraph]]:
    """The §§ with no decision recorded (neither a decision nor tabled or referred back):
    the minutes print no Beslut for them, which a justering should not pass unnoticed."""
    return [
        (item, para)
        for item, para in numbered_paragraphs(meeting, state)
        if para.status not in (TABLED, REFERRED_BACK) and not effective_decision(item, para)
    ]


def immediate(item: Item, para: Paragraph) -> bool:
    """Whether the minutes say "Paragrafen justeras omedelbart".

    Set explicitly during the meeting, or proposed by the item and the item decided (a
    proposal on an item that was then tabled does not count).
    """
    if para.immediate_justification is not None:
        return para.immediate_justification
    return item.immediate_justification and para.status == DECIDED


def active_motion(para: Paragraph, motion_id: str) -> Motion | None:
    """The motion if it was made and not withdrawn (the minutes know no other)."""
    motion = para.motion(motion_id)
    return motion if motion is not None and not motion.withdrawn else None


def is_justified(state: RecordState, para: Paragraph) -> bool:
    """Locked: justified at the meeting or with the whole minutes."""
    return para.justified or bool(state.justered_on)


# --- attendance ---------------------------------------------------------------------------------


@dataclass
class Attendee:
    """One line of the attendance list."""

    member: Member
    for_member: str = ""  # the seat holder a substitute serves for
    numbers: list[int] = field(default_factory=list)  # the §§ served ([] = all / not known)
    partial: bool = False


@dataclass
class Attendance:
    deciding: list[Attendee]  # Beslutande (seat holders who served)
    substitutes_serving: list[Attendee]  # Tjänstgörande ersättare
    substitutes_present: list[Attendee]  # Ersättare (present, not serving)
    not_serving: list[Attendee]  # seat holders present who served in no §


def attended(meeting: Meeting, state: RecordState) -> set[str]:
    """Everyone (member or substitute) present during at least part of the meeting."""
    names = {name for name, here in state.present.items() if here}
    for para in state.paragraphs.values():
        if para.number is not None:
            names.update(para.serving)
    names.update(c.member for c in state.changes if c.kind in ("arrived", "left", "serves"))
    return {n for n in names if meeting.member(n) is not None}


def presiding_chair(meeting: Meeting, state: RecordState) -> Member | None:
    """Who chaired the meeting, for the minutes and their signature.

    The ordförande when present (or before any attendance is recorded); when absent, the
    first vice ordförande present, in meeting order, who steps in. None when neither
    attended: the board then chose someone else to preside, whom the meeting file cannot
    know, so the signature line is left for the name.
    """
    chair = meeting.chair
    present = attended(meeting, state)
    if not present or (chair is not None and chair.name in present):
        return chair
    return next((m for m in meeting.members if m.is_vice_chair and m.name in present), None)


def attendance(meeting: Meeting, state: RecordState) -> Attendance:
    """Who decided, who served for whom and for which §§, who else was there."""
    present = attended(meeting, state)
    with_data = [p for _, p in numbered_paragraphs(meeting, state) if p.serving]
    all_numbers = [p.number for p in with_data if p.number is not None]
    # person -> seat holder ("" own seat) -> §§ served
    served: dict[str, dict[str, list[int]]] = {}
    for para in with_data:
        for person, seat in para.serving.items():
            served.setdefault(person, {}).setdefault(seat, []).append(para.number or 0)
    if not with_data:  # nothing handled yet: the attendance as it stands
        for person in present:
            member = meeting.member(person)
            if member and member.is_substitute:
                if person in state.serving_for:
                    served[person] = {state.serving_for[person]: []}
            elif member:
                served[person] = {"": []}

    def row(member: Member, seat: str, numbers: list[int]) -> Attendee:
        partial = bool(numbers) and sorted(numbers) != sorted(all_numbers)
        return Attendee(member, seat, sorted(numbers), partial)

    result = Attendance([], [], [], [])
    for member in meeting.members:
        seats = served.get(member.name, {})
        if member.is_substitute:
            rows = [row(member, seat, numbers) for seat, numbers in seats.items()]
            result.substitutes_serving.extend(rows)
            if member.name in present:
                # Present, not serving: all evening, or the §§ present but not served in
                # (an ersättare who served for a while and stayed is listed twice).
                served_in = {n for numbers in seats.values() for n in numbers}
                here = present_numbers(state, member.name, all_numbers)
                rest = [n for n in here if n not in served_in]
                if not rows:
                    result.substitutes_present.append(row(member, "", rest))
                elif rest:
                    result.substitutes_present.append(Attendee(member, "", rest, True))
        else:
            numbers = [n for ns in seats.values() for n in ns]
            if seats:
                result.deciding.append(row(member, "", numbers))
            elif member.name in present:
                result.not_serving.append(Attendee(member))
    return result


def after_the_decision(change: AttendanceChange, para: Paragraph) -> bool:
    """The departure or end of serving (arrival or start of serving) was recorded at a §
    already decided with (without) them: its serving list is frozen at the decision
    (record/fold.py `_snapshot`), so the change counts from the next § handled."""
    if para.status in (PENDING, IN_PROGRESS):
        return False
    took_part = change.member in para.serving
    return took_part if change.kind in ("left", "stops") else not took_part


def present_numbers(state: RecordState, name: str, numbers: list[int]) -> list[int]:
    """Of the §§ `numbers`, those `name` was present for, by the arrivals and departures
    recorded ("deltar från och med § 142" / "deltar inte från och med § 145"). Without
    any, all of them: the roll call holds for the whole meeting."""
    moves: list[tuple[float, bool]] = []  # (from §, present from then on; x.5: after x)
    for change in state.changes:
        if change.member != name or change.kind not in ("arrived", "left"):
            continue
        para = state.paragraphs.get(change.item) if change.item else None
        at = para.number if para is not None else None
        if change.item and at is None:
            continue  # at an item never handled: no § to count from
        if para is not None and at is not None and after_the_decision(change, para):
            at += 0.5  # from the next § handled, as the § printing the change says
        moves.append((at if at is not None else min(numbers, default=0), change.kind == "arrived"))
    if not moves:
        return sorted(numbers)
    moves.sort(key=lambda move: move[0])  # by §; the order recorded within one §
    here = []
    for number in sorted(numbers):
        now = [present for at, present in moves if at <= number]
        # before the first move: the opposite of it (an arrival means absent until then)
        if now[-1] if now else not moves[0][1]:
            here.append(number)
    return here


def paragraph_range(meeting: Meeting, state: RecordState) -> tuple[int, int] | None:
    numbers = [p.number for _, p in numbered_paragraphs(meeting, state) if p.number is not None]
    return (min(numbers), max(numbers)) if numbers else None


def item_number(state: RecordState, item_id: str) -> int | None:
    para = state.paragraphs.get(item_id)
    return para.number if para else None


# --- justering and notice -----------------------------------------------------------------------


@dataclass
class NoticeDates:
    """The dates of the notice block; None where not (yet) known."""

    justering_due: dt.date
    justered: dt.date | None
    posted: dt.date | None
    notice_due: dt.date | None
    appeal_last_day: dt.date | None
    taken_down: dt.date | None = None  # the day after the last day of appeal


def notice_dates(meeting: Meeting, state: RecordState) -> NoticeDates:
    justered = dates.parse_date(state.justered_on)
    posted = dates.parse_date(state.posted_on) if justered else None
    return NoticeDates(
        justering_due=dates.justering_due(meeting.date),
        justered=justered,
        posted=posted,
        notice_due=dates.notice_due(justered) if justered else None,
        appeal_last_day=dates.appeal_last_day(posted) if posted else None,
        taken_down=dates.notice_taken_down(posted) if posted else None,
    )
