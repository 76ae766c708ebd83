"""protokoll.md / .html: valid CommonMark, no markup from user text, the live § view."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.minutes import scenario as sc

from namndtui.minutes.html import markdown_parser
from namndtui.minutes.markdown import render_markdown, render_paragraph_markdown
from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_read import load_protokoll
from namndtui.minutes.write import render_all, write_minutes
from namndtui.model import Item, Meeting, Member
from namndtui.record.state import DECIDED, Paragraph, RecordState
from namndtui.record.state_parts import Motion, Reservation, VoteRound


def blocks(md: str) -> list:
    return markdown_parser().parse(md)


def text_of(inline) -> str:
    """The text an inline token reads as (escapes resolved)."""
    return "".join(c.content for c in inline.children or [] if c.type == "text")


def headings_of(tokens: list) -> list[str]:
    return [text_of(tokens[n + 1]) for n, t in enumerate(tokens) if t.type == "heading_open"]


def test_golden_markdown_is_commonmark_without_html() -> None:
    for path in sc.GOLDEN.rglob("*.md"):
        tokens = blocks(path.read_text(encoding="utf-8"))
        types = {t.type for t in tokens}
        assert "html_block" not in types
        inline = {c.type for t in tokens if t.type == "inline" for c in t.children or []}
        assert "html_inline" not in inline and "link_open" not in inline and "image" not in inline


def test_structure_of_the_minutes() -> None:
    md = (sc.GOLDEN / "testby" / "protokoll.md").read_text(encoding="utf-8")
    tokens = blocks(md)
    headings = headings_of(tokens)
    assert headings[:4] == [
        "Testby stadsdelsnämnd", "Underskrifter", "ANSLAG/BEVIS", "Innehållsförteckning"
    ]  # fmt: skip
    paragraphs = [h for h in headings if h.startswith("§")]
    assert paragraphs == [
        "§ 18 Verksamhetsplan och budget 2024",
        "§ 19 Yttrande över bygglov för förskola i kv. Linden",
        "§ 20 Motion om fler parkbänkar",
        "§ 21 Upphandling av städtjänster",
        "§ 22 Lokalförsörjningsplan 2024–2028",
        "§ 23 Anmälan av delegationsbeslut *mars* | #2",  # escaped, read back literally
    ]
    assert "Beslut" in headings and "Beslutsunderlag" in headings  # real ### sub-headings
    assert sum(t.type == "table_open" for t in tokens) == 5  # one list per vote round
    assert "Med 4 ja-röster mot 3 nej-röster beslutar nämnden" in md
    assert "Jonas Vik (S), tjänstgörande ersättare för Lena Ås (S), §§ 18–19" in md
    assert "Per Holm (M), §§ 18–20, 22–23" in md  # jäv in § 21
    assert "**Sista dag för överklagande:** 2024-04-02" in md  # långfredag 29/3 moved


def hostile() -> Minutes:
    evil = "# Ondska | *x* <script>alert(1)</script> [l](http://x)"
    meeting = Meeting(
        body="<b>Nämnd</b>",
        date=dt.date(2024, 1, 9),
        members=(Member(evil, "M|S", "ordförande"), Member("1. Lista", "", "ledamot")),
        items=(
            Item(id="a", title="- > ```kod``` <img src=x>", dnr="| Dnr |", summary="=====\n\n---"),
        ),
    )
    para = Paragraph(
        item="a", number=1, status=DECIDED, decision=["1. första", "+ andra"],
        motions=[Motion("y1", evil, "eget", "<i>text</i>\n# rubrik"), Motion("y2", "1. Lista", "avslag")],
        votes=[VoteRound(1, "y1", "y2", votes={evil: "ja", "1. Lista": "nej"}, closed=True, casting="ja")],
        reservations=[Reservation("1. Lista", "| a | b |\n|---|---|")],
        serving={evil: "", "1. Lista": ""},
    )  # fmt: skip
    return Minutes(meeting, RecordState(paragraphs={"a": para}, adjusters=["1. Lista"]))


def test_user_text_cannot_become_markup() -> None:
    files = render_all(hostile(), html=True)
    tokens = blocks(files["protokoll.md"])
    headings = headings_of(tokens)
    assert headings[0] == "<b>Nämnd</b>"
    assert headings[1:4] == ["Underskrifter", "ANSLAG/BEVIS", "Innehållsförteckning"]
    assert headings[4] == "§ 1 - > ```kod``` <img src=x>"
    types = {t.type for t in tokens}
    assert not types & {"html_block", "fence", "code_block", "blockquote_open", "hr"}
    assert sum(t.type == "table_open" for t in tokens) == 1  # only the vote table
    html = files["protokoll.html"]
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert html.startswith('<!doctype html>\n<html lang="sv">')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert (
        '<h2 class="label" id="underskrifter">Underskrifter</h2>' in html
        and "<h3>Beslut</h3>" in html
    )


def test_live_paragraph_view_equals_the_minutes() -> None:
    minutes = load_protokoll(sc.GOLDEN / "testby" / "protokoll.toml")
    full = render_markdown(minutes)
    for item in minutes.meeting.items:
        part = render_paragraph_markdown(minutes.meeting, minutes.state, item.id)
        assert part.startswith(f"## § {minutes.state.paragraphs[item.id].number} ")
        assert part.rstrip("\n") in full


def test_live_paragraph_view_before_the_item_is_handled() -> None:
    meeting = sc.load_fixture_meeting()
    text = render_paragraph_markdown(meeting, RecordState(), "budget-2024")
    assert text.startswith("## § – Verksamhetsplan och budget 2024\n")
    assert "Inget beslut" not in text and "### Beslut\n" not in text  # not as decided


def test_not_justered_says_so_without_dates() -> None:
    minutes = load_protokoll(sc.GOLDEN / "testby" / "protokoll.toml")
    state = dataclasses.replace(minutes.state, justered_on="", posted_on="")
    md = render_markdown(Minutes(minutes.meeting, state))
    assert md.startswith("**UTKAST – EJ JUSTERAT**\n")
    assert "**Datum då anslaget sätts upp:**\n" in md  # blank until justered and posted
    assert "**Sista dag för överklagande:**\n" in md
    assert "Protokollet är justerat" not in md


def test_justered_but_not_posted() -> None:
    minutes = load_protokoll(sc.GOLDEN / "testby" / "protokoll.toml")
    state = dataclasses.replace(minutes.state, posted_on="")
    md = render_markdown(Minutes(minutes.meeting, state))
    assert "Justeringen har ännu inte tillkännagivits genom anslag." in md
    assert "**Datum då anslaget sätts upp:**\n" in md
    assert "2024-04-02" not in md and "UTKAST" not in md


def test_write_minutes_writes_atomically(tmp_path) -> None:
    minutes = load_protokoll(sc.GOLDEN / "testby" / "protokoll.toml")
    paths = write_minutes(minutes.meeting, minutes.state, tmp_path, html=True)
    assert [p.name for p in paths] == ["protokoll.toml", "protokoll.md", "protokoll.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in paths
    )  # no temp files
    assert (tmp_path / "protokoll.toml").read_bytes() == (
        sc.GOLDEN / "testby" / "protokoll.toml"
    ).read_bytes()


def test_the_vice_chair_presides_when_the_chair_is_away() -> None:
    from namndtui.minutes.model import presiding_chair

    members = (
        Member("Anna Ek", "M", "ordförande"),
        Member("Bo Ås", "S", "vice ordförande"),
        Member("Cia Lund", "V", "ledamot"),
        Member("Dan Berg", "M", "ersättare"),
    )
    meeting = Meeting(body="Testnämnden", date=dt.date(2024, 3, 5), members=members)
    state = RecordState()
    assert presiding_chair(meeting, state) is members[0]  # before the roll call
    state.present.update({"Anna Ek": True, "Bo Ås": True, "Cia Lund": True})
    assert presiding_chair(meeting, state) is members[0]
    state.present.update({"Anna Ek": False, "Dan Berg": True})
    state.serving_for["Dan Berg"] = "Anna Ek"
    assert presiding_chair(meeting, state) is members[1]
    md = render_markdown(Minutes(meeting, state))
    assert "- Bo Ås (S), tjänstgörande ordförande" in md or (
        "**Beslutande:** Bo Ås (S), tjänstgörande ordförande" in md
    )
    assert "Anna Ek" not in md.split("## Underskrifter")[1].split("##")[0]
    assert "Ordförande\n\n……………………………………\n\nBo Ås" in md
    assert 'chair = "Bo Ås"' in render_all(Minutes(meeting, state))["protokoll.toml"]
    state.present["Bo Ås"] = False  # neither: the name is left to be written by hand
    assert presiding_chair(meeting, state) is None
    assert "Ordförande\n\n……………………………………\n\nJusterande" in render_markdown(Minutes(meeting, state))


def test_a_break_resumed_the_minute_it_began_is_left_out() -> None:
    meeting = Meeting(body="Testnämnden", date=dt.date(2024, 3, 5))
    state = RecordState(opened_at="19:00", closed_at="21:00")
    state.breaks = [("20:15", "20:15"), ("20:30", "20:45")]
    md = render_markdown(Minutes(meeting, state))
    assert "**Plats och tid:** kl. 19.00–21.00, ajournering kl. 20.30–20.45" in md
