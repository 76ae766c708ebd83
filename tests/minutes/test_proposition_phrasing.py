"""The proposition when no one moves bifall: the proposed decision is the other proposal."""

from __future__ import annotations

import datetime as dt

from namndtui.minutes.markdown import render_paragraph_markdown
from namndtui.model import Item, Meeting, Member
from namndtui.record.state import DECIDED, IN_PROGRESS, Motion, Paragraph, RecordState

MEETING = Meeting(
    body="Testby stadsdelsnämnd",
    date=dt.date(2024, 3, 12),
    members=(
        Member("Anna Ek", "S", "ordförande"),
        Member("Per Almqvist", "V", "ledamot"),
        Member("Eva Holm", "M", "ledamot"),
    ),
    items=(
        Item(id="a", title="Ärende", proposed_decision=("Nämnden godkänner förslaget.",)),
        Item(id="b", title="Utan förslag"),
    ),
)


def render(item: str, *motions: Motion, finding: str = "", decided: bool = True) -> str:
    para = Paragraph(
        item=item,
        number=5,
        status=DECIDED if decided else IN_PROGRESS,
        motions=list(motions),
        finding=finding,
        decision=list(MEETING.item(item).proposed_decision) if decided else None,
    )
    state = RecordState(paragraphs={item: para})
    return render_paragraph_markdown(MEETING, state, item)


AVSLAG = Motion(id="y1", by="Per Almqvist", kind="avslag")
BIFALL = Motion(id="y2", by="Eva Holm", kind="bifall")


def test_a_lone_avslag_motion_stands_against_the_proposed_decision() -> None:
    text = render("a", AVSLAG)
    assert (
        "Ordföranden ställer proposition på förvaltningens förslag och Per Almqvists (V) "
        "avslagsyrkande och finner att nämnden beslutat enligt förvaltningens förslag."
    ) in text


def test_the_chair_finds_for_the_lone_motion() -> None:
    text = render("a", AVSLAG, finding="y1")
    assert (
        "proposition på förvaltningens förslag och Per Almqvists (V) avslagsyrkande och "
        "finner att nämnden beslutat enligt Per Almqvists (V) avslagsyrkande."
    ) in text


def test_not_yet_decided_names_both_proposals_and_no_finding() -> None:
    text = render("a", AVSLAG, decided=False)
    assert (
        "Ordföranden ställer proposition på förvaltningens förslag och Per Almqvists (V) "
        "avslagsyrkande."
    ) in text


def test_with_a_bifall_motion_the_proposal_is_that_motion() -> None:
    text = render("a", BIFALL, AVSLAG, finding="y2")
    assert "proposition på Eva Holms (M) bifallsyrkande och Per Almqvists (V) avslag" in text
    assert "förvaltningens förslag och" not in text


def test_an_item_without_a_proposed_decision_has_only_the_motions() -> None:
    text = render("b", AVSLAG, decided=False)
    assert "Ordföranden ställer proposition på Per Almqvists (V) avslagsyrkande." in text
