"""meeting.toml's keys for the published minutes: paragraph_prefix, place_of_keeping,
officials' items, per item dispatch and dated decision_basis; carried by protokoll.toml."""

from __future__ import annotations

from namndtui.meetingfile import parse_meeting_text
from namndtui.minutes.extract import render_extract
from namndtui.minutes.markdown import render_markdown
from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_read import parse_protokoll_text
from namndtui.minutes.protokoll_write import render_toml
from namndtui.record import events as ev
from namndtui.record.fold import fold

MEETING = """\
format = "namndtui/meeting/1"

[meeting]
body = "Socialnämnden"
date = 2026-12-08
place = "Kommunhuset, sal A"
secretary = "Eva Lund"
place_of_keeping = "Kommunkansliet, Kommunhuset"
paragraph_prefix = "SN"
first_paragraph = 140

[[members]]
name = "Anna Ek"
party = "S"
role = "ordförande"

[[members]]
name = "Bo Berg"
party = "M"

[[officials]]
name = "Erika Söderström"
title = "controller"
items = ["budget", "taxa"]

[[officials]]
name = "Per Nord"
title = "socialchef"

[[items]]
id = "budget"
title = "Budgetuppföljning"
dnr = "SN 2026/318"
proposed_decision = ["Socialnämnden godkänner uppföljningen."]
dispatch = ["Kommunstyrelsen", "Ekonomiavdelningen"]
decision_basis = [{ title = "Tjänsteutlåtande", date = 2026-11-30 }, { title = "Bilaga 1 Prognos" }]

[[items]]
id = "taxa"
title = "Taxa för hemtjänst"
proposed_decision = ["Socialnämnden fastställer taxan."]

[[items]]
id = "info"
title = "Information"
proposed_decision = ["Informationen noteras."]
"""


def minutes() -> Minutes:
    meeting, problems = parse_meeting_text(MEETING, "meeting.toml")
    assert problems == [] and meeting is not None
    events: list[ev.Event] = [ev.MeetingOpened("18:30")]
    events += [ev.AttendanceSet("Anna Ek", True), ev.AttendanceSet("Bo Berg", True)]
    for item in meeting.items:
        events += [ev.ItemCalled(item.id), ev.DecisionRecorded(item.id, item.proposed_decision)]
    return Minutes(meeting, fold(meeting, events))


def test_the_keys_reach_the_minutes() -> None:
    m = minutes()
    assert m.meeting.place_of_keeping == "Kommunkansliet, Kommunhuset"
    md = render_markdown(m)
    assert "## SN § 140 Budgetuppföljning" in md and "## SN § 142 Information" in md
    assert "### Beslutsunderlag\n\n- Tjänsteutlåtande 2026-11-30\n- Bilaga 1 Prognos" in md
    assert "### Expedieras till\n\n- Kommunstyrelsen\n- Ekonomiavdelningen" in md
    assert "- Erika Söderström, controller, §§ 140–141\n- Per Nord, socialchef\n" in md
    assert "- Eva Lund, sekreterare" in md
    assert "**Förvaringsplats för protokollet:** Kommunkansliet, Kommunhuset" in md


def test_protokoll_toml_carries_them() -> None:
    m = minutes()
    toml = render_toml(m)
    again = parse_protokoll_text(toml)
    assert render_toml(again) == toml
    assert render_markdown(again) == render_markdown(m)


def test_the_extract_says_where_the_decision_goes_once() -> None:
    text = render_extract(minutes(), 140)
    assert "Beslutet skickas till: Kommunstyrelsen, Ekonomiavdelningen" in text
    assert "Expedieras till" not in text
    assert "SN § 140 Budgetuppföljning" in text


def test_bad_keys_are_reported() -> None:
    text = MEETING.replace('items = ["budget", "taxa"]', 'items = ["budgett"]')
    text = text.replace('place_of_keeping = "', 'kept_at = "x"\nplace_of_keeping = "')
    meeting, problems = parse_meeting_text(text, "meeting.toml")
    assert meeting is None
    messages = [str(p) for p in problems]
    assert any(
        'officials[1].items[1]: okänt ärende "budgett" – menade du "budget"?' in p for p in messages
    ), messages
    assert any("meeting.kept_at: ange förvaringsplatsen en gång" in p for p in messages)
