"""Who the minutes list as present: an ersättare present all evening is under Övriga
deltagande whether or not she served, with the §§ she was there without serving when that
is not all of them; arrivals and departures bound those §§."""

from __future__ import annotations

from tests.record.conftest import SEATS, make_meeting

from namndtui.minutes.attendance_notes import paragraph_changes
from namndtui.minutes.document import ingress
from namndtui.minutes.model import attendance, present_numbers
from namndtui.record import events as ev
from namndtui.record.fold import fold


def _evening(*later: ev.Event) -> list[ev.Event]:
    """Eva Holm absent, Gus Syd serves for her; Fia Nord and Gus Syd present; x1–x3."""
    events: list[ev.Event] = [ev.AttendanceSet(s, s != "Eva Holm") for s in SEATS]
    events += [ev.AttendanceSet("Fia Nord", True), ev.AttendanceSet("Gus Syd", True)]
    events += [ev.MeetingOpened(at="19:00"), ev.SubstituteServes("Gus Syd", "Eva Holm", "")]
    events += [ev.ItemCalled(item="x1")]
    return events + list(later)


def _field(meeting, state, label: str) -> tuple[str, ...]:
    return next(f.lines for f in ingress(meeting, state) if f.label == label)


def test_an_ersattare_present_all_evening_not_serving_is_listed() -> None:
    meeting = make_meeting()
    state = fold(meeting, _evening(ev.ItemCalled(item="x2"), ev.ItemCalled(item="x3")))
    assert _field(meeting, state, "Övriga deltagande")[0] == "Fia Nord (S), ersättare"
    assert "Gus Syd (S), tjänstgörande ersättare för Eva Holm (L)" in _field(
        meeting, state, "Beslutande"
    )
    assert [a.member.name for a in attendance(meeting, state).substitutes_present] == ["Fia Nord"]


def test_an_ersattare_who_served_for_a_while_and_stayed_is_listed_for_the_rest() -> None:
    meeting = make_meeting()
    state = fold(
        meeting,
        _evening(
            ev.ItemCalled(item="x2"),
            ev.MemberArrived("Eva Holm", "x2", "19:20"),  # takes her seat back from Gus
            ev.ItemCalled(item="x3"),
            ev.MemberLeft("Fia Nord", "x3", "20:00"),
        ),
    )
    assert _field(meeting, state, "Övriga deltagande")[:2] == (
        "Fia Nord (S), ersättare, §§ 120–121",
        "Gus Syd (S), ersättare, §§ 121–122",
    )
    assert "Gus Syd (S), tjänstgörande ersättare för Eva Holm (L), § 120" in _field(
        meeting, state, "Beslutande"
    )
    departure = "Fia Nord (S) lämnar sammanträdet kl. 20.00 och deltar inte från och med § 122."
    assert paragraph_changes(meeting, state, 122) == ([departure], [])
    assert all(f.label != "Närvaro under sammanträdet" for f in ingress(meeting, state))


def test_present_numbers_follow_arrivals_and_departures() -> None:
    meeting = make_meeting()
    state = fold(
        meeting,
        _evening(
            ev.ItemCalled(item="x2"),
            ev.MemberArrived("Hans Väst", "x2", "19:30"),
            ev.ItemCalled(item="x3"),
            ev.MemberLeft("Hans Väst", "x3", "20:00"),
            ev.ItemCalled(item="x4"),
            ev.MemberArrived("Hans Väst", "x4", "20:30"),
        ),
    )
    numbers = [120, 121, 122, 123]
    assert present_numbers(state, "Hans Väst", numbers) == [121, 123]
    assert present_numbers(state, "Fia Nord", numbers) == numbers  # no move: all evening
    assert "Hans Väst (S), ersättare, §§ 121, 123" in _field(meeting, state, "Övriga deltagande")


def test_a_departure_after_the_decision_counts_from_the_next_paragraph() -> None:
    """l after b on § 120 printed 'deltar inte från och med § 120' though she decided § 120
    and is in its vote list (qa); recorded before the decision, it is from § 120."""
    from namndtui.minutes.document import change_line

    meeting = make_meeting()
    decided = ev.DecisionRecorded("x1", ("Bifall.",))
    after = fold(meeting, _evening(decided, ev.MemberLeft("Bo Ås", "x1", "19:20")))
    assert "Bo Ås" in after.paragraphs["x1"].serving
    line = change_line(meeting, after, after.changes[-1])
    assert line == "Bo Ås (M) lämnar sammanträdet kl. 19.20."
    later = fold(
        meeting,
        _evening(decided, ev.MemberLeft("Bo Ås", "x1", "19:20"), ev.ItemCalled(item="x2")),
    )
    assert change_line(meeting, later, later.changes[-1]).endswith("från och med § 121.")
    before = fold(meeting, _evening(ev.MemberLeft("Bo Ås", "x1", "19:20"), decided))
    assert "Bo Ås" not in before.paragraphs["x1"].serving
    assert change_line(meeting, before, before.changes[-1]).endswith("från och med § 120.")
    came = fold(meeting, _evening(decided, ev.MemberArrived("Eva Holm", "x1", "19:25")))
    arrived = next(c for c in came.changes if c.kind == "arrived")
    assert change_line(meeting, came, arrived) == "Eva Holm (L) anländer kl. 19.25."
    stopped = next(c for c in came.changes if c.kind == "stops")  # Gus Syd served on § 120
    assert change_line(meeting, came, stopped) == "Gus Syd (S) slutar tjänstgöra."


def test_one_paragraph_is_paragraf_beside_the_secretary() -> None:
    """'Paragrafer 120' was printed for minutes of a single § (qa)."""
    from namndtui.minutes.document import signatures
    from namndtui.minutes.settings import ProtokollSettings

    meeting = make_meeting()
    one = fold(meeting, _evening(ev.DecisionRecorded("x1", ("Bifall.",))))
    assert signatures(meeting, one, ProtokollSettings())[0].aside == "Paragraf 120"
    two = fold(meeting, _evening(ev.ItemCalled(item="x2")))
    assert signatures(meeting, two, ProtokollSettings())[0].aside == "Paragrafer 120–121"


def test_the_ersattare_lists_count_a_change_after_the_decision_from_the_next_paragraph() -> None:
    """Övriga deltagande agrees with the § that says who came: an ersättare who comes
    once § 120 is decided takes part from § 121, one who served on § 120 and leaves after
    its decision was there for § 120."""
    from namndtui.minutes.document import change_line

    meeting = make_meeting()
    decided = ev.DecisionRecorded("x1", ("Bifall.",))
    state = fold(
        meeting,
        _evening(
            decided,
            ev.MemberArrived("Hans Väst", "x1", "19:25"),  # after § 120's decision
            ev.ItemCalled(item="x2"),
            ev.ItemCalled(item="x3"),
        ),
    )
    arrived = next(c for c in state.changes if c.member == "Hans Väst")
    assert change_line(meeting, state, arrived).endswith("deltar från och med § 121.")
    assert "Hans Väst (S), ersättare, §§ 121–122" in _field(meeting, state, "Övriga deltagande")
    assert present_numbers(state, "Gus Syd", [120, 121, 122]) == [120, 121, 122]


def test_each_change_is_printed_in_the_paragraph_it_takes_effect_from() -> None:
    """Page 1 gives the §§ beside each name; the sentence with the time is in the § the
    change counts from (before its Beslut), and one after the last § was decided at the end
    of that §."""
    from namndtui.minutes.paragraph import build_paragraph
    from namndtui.minutes.settings import DEFAULT

    meeting = make_meeting()
    state = fold(
        meeting,
        _evening(
            ev.DecisionRecorded("x1", ("Bifall.",)),
            ev.ItemCalled(item="x2"),
            ev.MemberArrived("Eva Holm", "x2", "19:20"),
            ev.DecisionRecorded("x2", ("Bifall.",)),
            ev.MemberLeft("Bo Ås", "x2", "19:40"),  # after the last § was decided
        ),
    )
    assert paragraph_changes(meeting, state, 120) == ([], [])
    start, end = paragraph_changes(meeting, state, 121)
    assert start == [
        "Eva Holm (L) anländer kl. 19.20 och deltar från och med § 121.",
        "Gus Syd (S) slutar tjänstgöra från och med § 121.",
    ]
    assert end == ["Bo Ås (M) lämnar sammanträdet kl. 19.40."]
    item = meeting.item("x2")
    blocks = build_paragraph(meeting, state, item, state.paragraphs["x2"], DEFAULT).blocks
    texts = [blk.text for blk in blocks]
    assert texts[:2] == start and texts[2] == "Beslut" and texts[-1] == end[0]
