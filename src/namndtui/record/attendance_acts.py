"""The secretary's acts on attendance (the n screen): roll call, present/absent, an
ersättare serving, arrivals and departures at a §, adjusters, the justering. Like
record/acts.py: (meeting, state, input) -> events, or RuleError; the TUI posts them to
the app with their input (tui/messages.py `request_act`), which decides the events on
the state it applies them to."""

from __future__ import annotations

from namndtui.model import Meeting, Member
from namndtui.record import events as ev
from namndtui.record.acts import Time, time_of
from namndtui.record.refusals import NoFreeSeat, NotSubstitute
from namndtui.record.rules import RuleError
from namndtui.record.state import RecordState
from namndtui.record.state_parts import AttendanceChange


def roll_call(meeting: Meeting) -> list[ev.Event]:
    """Every seat holder (ordinarie ledamot) present."""
    return [ev.AttendanceSet(member=m.name, present=True) for m in meeting.seats]


def all_present(meeting: Meeting, state: RecordState) -> list[ev.Event]:
    """Every seat holder whose attendance is not recorded yet, present."""
    return [
        ev.AttendanceSet(member=m.name, present=True)
        for m in meeting.seats
        if state.present.get(m.name) is None
    ]


def toggle_present(meeting: Meeting, state: RecordState, member: str) -> list[ev.Event]:
    """Present when absent (or not recorded), absent when present."""
    return [ev.AttendanceSet(member=member, present=not state.present.get(member))]


def free_seats(meeting: Meeting, state: RecordState, substitute: str) -> list[Member]:
    """The seats `substitute` may serve in: absent seat holders no ersättare serves for.
    NotSubstitute for a seat holder, NoFreeSeat when there is none."""
    member = meeting.member(substitute)
    if member is None:
        raise RuleError(f"{substitute} är inte ledamot eller ersättare i nämnden.")
    if not member.is_substitute:
        raise NotSubstitute(substitute)
    covered = set(state.serving_for.values())
    seats = [m for m in meeting.seats if not state.present.get(m.name) and m.name not in covered]
    if not seats:
        raise NoFreeSeat()
    return seats


def serves_for(
    meeting: Meeting, state: RecordState, substitute: str, seat: str, item_id: str = ""
) -> list[ev.Event]:
    """An ersättare serves in `seat` (present first when not recorded so); from the
    current § (`item_id`) once the meeting is open, for the paragraphs of the minutes."""
    events: list[ev.Event] = []
    if not state.present.get(substitute):
        events.append(ev.AttendanceSet(member=substitute, present=True))
    item = item_id if state.opened_at else ""
    events.append(ev.SubstituteServes(substitute=substitute, for_member=seat, item=item))
    return events


def substitute_stops(
    meeting: Meeting, state: RecordState, substitute: str, item_id: str
) -> list[ev.Event]:
    """The ersättare stops serving from the § of `item_id` on."""
    return [ev.SubstituteStops(substitute=substitute, item=item_id)]


def arrived(
    meeting: Meeting, state: RecordState, member: str, item_id: str, at: Time
) -> list[ev.Event]:
    """`member` arrives now (`at`), taking part from the § of `item_id` on."""
    return [ev.MemberArrived(member=member, item=item_id, at=time_of(at))]


def left(
    meeting: Meeting, state: RecordState, member: str, item_id: str, at: Time
) -> list[ev.Event]:
    """`member` leaves now (`at`), taking no part from the § of `item_id` on."""
    return [ev.MemberLeft(member=member, item=item_id, at=time_of(at))]


def toggle_adjuster(meeting: Meeting, state: RecordState, member: str) -> list[ev.Event]:
    """`member` becomes an adjuster (justerare), or is no longer one."""
    adjusters = list(state.adjusters)
    if member in adjusters:
        adjusters.remove(member)
    else:
        adjusters.append(member)
    chosen = ev.AdjustersChosen(members=tuple(adjusters))
    if member == state.adjuster_substitute:  # the ersättare becomes a justerare
        return [ev.AdjusterSubstituteChosen(member=""), chosen]
    return [chosen]


def toggle_adjuster_substitute(meeting: Meeting, state: RecordState, member: str) -> list[ev.Event]:
    """`member` becomes the justerare's ersättare ("med NN som ersättare"), or no longer."""
    chosen = "" if member == state.adjuster_substitute else member
    return [ev.AdjusterSubstituteChosen(member=chosen)]


def plan_justering(
    meeting: Meeting, state: RecordState, date: str, time: str, place: str
) -> list[ev.Event]:
    """When and where the minutes will be justered."""
    return [ev.JusteringPlanned(date=date, time=time, place=place)]


def arrivals_and_departures(state: RecordState, member: str) -> list[AttendanceChange]:
    """The member's arrivals and departures during the meeting, in the order recorded,
    each with the item it took effect at ("" = from the start) and its time ("HH:MM")."""
    return [c for c in state.changes if c.member == member and c.kind in ("arrived", "left")]
