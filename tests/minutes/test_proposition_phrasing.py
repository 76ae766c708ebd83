"""The proposition as PRACTICE.md words it: "ställer proposition på A mot B och finner att
nämnden beslutar enligt A"; a bifall supports the item's proposal (named by whose it is);
no proposition sentence at all when there is only one proposal."""

from __future__ import annotations

import datetime as dt

from namndtui.minutes.markdown import render_paragraph_markdown
from namndtui.model import Item, Meeting, Member
from namndtui.record.state import DECIDED, IN_PROGRESS, Paragraph, RecordState
from namndtui.record.state_parts import Motion

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
        Item(
            id="c",
            title="Från utskottet",
            proposed_decision=("Nämnden godkänner förslaget.",),
            proposal_by="arbetsutskottet",
        ),
    ),
)


def render(item: str, *motions: Motion, findings=None, decided: bool = True) -> str:
    para = Paragraph(
        item=item,
        number=5,
        status=DECIDED if decided else IN_PROGRESS,
        motions=list(motions),
        findings=dict(findings or {}),
        decision=list(MEETING.item(item).proposed_decision) if decided else None,
    )
    state = RecordState(paragraphs={item: para})
    return render_paragraph_markdown(MEETING, state, item)


AVSLAG = Motion(id="y1", by="Per Almqvist", kind="avslag")
BIFALL = Motion(id="y2", by="Eva Holm", kind="bifall")


def test_a_lone_avslag_motion_stands_against_the_proposal() -> None:
    text = render("a", AVSLAG, findings={"main": "proposal"})
    assert "Per Almqvist (V) yrkar avslag på förvaltningens förslag." in text
    assert (
        "Ordföranden ställer proposition på förvaltningens förslag mot Per Almqvists (V) "
        "avslagsyrkande och finner att nämnden beslutar enligt förvaltningens förslag."
    ) in text


def test_the_chair_finds_for_the_avslag() -> None:
    text = render("a", AVSLAG, findings={"main": "y1"})
    assert "och finner att nämnden beslutar enligt Per Almqvists (V) avslagsyrkande." in text


def test_not_yet_put_no_proposition_sentence() -> None:
    text = render("a", AVSLAG, decided=False)
    assert "proposition" not in text


def test_a_bifall_motion_is_named_as_the_proposal() -> None:
    text = render("a", BIFALL, AVSLAG, findings={"main": "proposal"})
    assert "Eva Holm (M) yrkar bifall till förvaltningens förslag." in text
    assert "bifallsyrkande" not in text
    assert "proposition på förvaltningens förslag mot Per Almqvists (V) avslagsyrkande" in text


def test_a_single_bifall_has_no_proposition() -> None:
    text = render("a", BIFALL)
    assert "Eva Holm (M) yrkar bifall till förvaltningens förslag." in text
    assert "Beslutsgång" not in text and "proposition" not in text


def test_whose_proposal_it_is() -> None:
    text = render("c", BIFALL, AVSLAG, findings={"main": "proposal"})
    assert "Eva Holm (M) yrkar bifall till arbetsutskottets förslag." in text
    assert "Per Almqvist (V) yrkar avslag på arbetsutskottets förslag." in text
    assert "finner att nämnden beslutar enligt arbetsutskottets förslag." in text


def test_a_motion_typed_as_a_whole_att_clause_is_not_said_twice() -> None:
    """qa4: "nämnden beslutar att i yttrandet …" typed as the motion's text printed "yrkar
    att nämnden beslutar att nämnden beslutar att i yttrandet …"."""
    typed = {
        "y1": "nämnden beslutar att i yttrandet framhålla cykelvägarna",
        "y2": "Stadsdelsnämnden beslutar att avsätta 1 mnkr",
        "y3": "att nämnden beslutar att följa upp saken i maj",
    }
    text = render(
        "a",
        Motion(id="y1", by="Per Almqvist", kind="ändring", text=typed["y1"]),
        Motion(id="y2", by="Eva Holm", kind="eget", text=typed["y2"]),
        Motion(id="y3", by="Anna Ek", kind="tillägg", text=typed["y3"]),
        decided=False,
    )
    assert "beslutar att nämnden beslutar" not in text.lower()
    assert "beslutar att stadsdelsnämnden" not in text.lower()
    assert (
        "Per Almqvist (V) yrkar att nämnden beslutar att i yttrandet framhålla cykelvägarna."
    ) in text
    assert "Eva Holm (M) yrkar att nämnden beslutar att avsätta 1 mnkr." in text
    assert "Anna Ek (S) yrkar som tillägg att nämnden beslutar att följa upp saken i maj." in text


def test_a_referral_reason_that_continues_the_sentence_is_part_of_it() -> None:
    """qa4: "Motivering: för att förvaltningen ska utreda alternativa lokaler." read as a
    fragment; it continues the decision as the motion continued its yrkande."""
    from namndtui.record.state import REFERRED_BACK

    def decided(reason: str) -> str:
        para = Paragraph(item="a", number=5, status=REFERRED_BACK, referral_reason=reason)
        return render_paragraph_markdown(MEETING, RecordState(paragraphs={"a": para}), "a")

    text = decided("för att förvaltningen ska utreda alternativa lokaler")
    assert (
        "Ärendet återremitteras till förvaltningen för att förvaltningen ska utreda "
        "alternativa lokaler."
    ) in text
    assert "Motivering" not in text
    assert "återremitteras till förvaltningen för att höra grannarna." in decided("höra grannarna")
    own = decided("Planen ska kompletteras med en riskanalys.")
    assert "Ärendet återremitteras till förvaltningen.\n\nMotivering: Planen ska" in own
