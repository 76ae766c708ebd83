"""Property tests: the report parser never crashes and loses no word except what it drops.

"Loses no word" is checked on letters and digits: every letter/digit of the input
(case-folded) is either in the item's text (title, sections, decision points,
attachments) or in a piece the parser reports in `dropped` (page furniture, headings,
Dnr/Handläggare lines, point numbers, signatures). Counting characters rather than
words makes the check independent of how hyphenated line ends are joined
(`ut-` + `reda` → `utreda`). A second check compares whole words for texts without
line-end hyphens.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namndtui.importing.reflow import reflow
from namndtui.importing.report import ReportParse, parse_report

FRAGMENTS = [
    "Förslag till beslut",
    "1. Sammanfattning",
    "BAKGRUND",
    "Bakgrund:",
    "Ärendets beredning",
    "Förvaltningens synpunkter och förslag",
    "Beskrivning av ärendet",
    "Ekonomiska konsekvenser",
    "Bilagor",
    "Bilaga: Ansökan till Länsstyrelsen",
    "(Omedelbar justering)",
    "2. Stadsdelsnämnden beslutar om omedelbar justering.",
    "Dnr 2007-123-456",
    "Handläggare: Anna Ek, tfn 08-508 000 00",
    "Sida 2 (3)",
    "2007-10-23",
    "Till Stadsdelsnämnden",
    "TJÄNSTEUTLÅTANDE",
    "Anna Andersson",
    "Stadsdelsdirektör",
    "Rinkeby-",
    "Kista kring kvinnor.",
    "ut-",
    "reda frågan",
    "vård-",
    "och omsorg",
    "2008-",
    "2009",
    "- att godkänna",
    "• Förstudie",
    "Nämnden godkänner ansökan.",
    "Förvaltningen föreslår att",
    "nämnden beslutar:",
    "",
    "",
    "   ",
    "\f",
    "Ärende: Yttrande över remiss",
    # QA findings: sub-headings, reference labels, lists, signatures, footers.
    "4. Förvaltningens synpunkter och förslag",
    "4.1 Öppettider",
    "Vår referens",
    "Sara Nordin",
    "sara.nordin@malmo.se",
    "Vår beteckning: KS 2010/15",
    "Beslutet skickas till",
    "Malmö FF",
    "Ansvariga",
    "FASTIGHETSKONTORET",
    "Box 15035, 167 15 Bromma. Besöksadress Brommaplan 3",
    "www.stockholm.se",
    "Därefter har kontoret sammanställt resultatet. Se",
    "Bilaga 2. Trafikmätningar, där siffrorna redovisas.",
    "1. Inventering av trafikflöden",
    "2) att justera beslutet omedelbart.",
    "[Omedelbar justering]",
]


def kept_text(parsed: ReportParse) -> str:
    item = parsed.item
    parts = [item.summary, item.background, item.proposal, item.preparation]
    parts += list(item.proposed_decision) + list(item.attachments)
    parts += [s.text for s in item.extra_sections]  # extra headings are in `dropped`
    parts += list(item.dispatch) + [d.title for d in item.decision_basis]
    if parsed.structured and not any(w.startswith("hittade ingen titel") for w in parsed.warnings):
        parts.append(item.title)  # otherwise the title is a copy of (or instead of) text
    return "\n".join(parts)


def chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text.casefold() if ch.isalnum())


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def check_no_loss(text: str) -> ReportParse:
    parsed = parse_report(text)
    dropped = "\n".join(d.text for d in parsed.dropped)
    assert chars(text) == chars(kept_text(parsed)) + chars(dropped)
    item = parsed.item
    assert item.title and item.id
    for section in [item.summary, item.background, item.proposal, item.preparation]:
        assert section == section.strip()
        assert not re.search(r"[ \t]\n|\n{3,}| {2}", section)
        for para in section.split("\n\n"):
            assert "\n" not in para
    return parsed


lines_strategy = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=40
).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines_strategy)
def test_structured_fragments_lose_nothing(text: str) -> None:
    check_no_loss(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_never_crashes_and_loses_nothing(text: str) -> None:
    check_no_loss(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([f for f in FRAGMENTS if not f.rstrip().endswith("-")]), max_size=30
    ).map("\n".join)
)
def test_without_line_end_hyphens_whole_words_survive(text: str) -> None:
    parsed = parse_report(text)
    dropped = "\n".join(d.text for d in parsed.dropped)
    assert words(text) == words(kept_text(parsed)) + words(dropped)


def test_reflow_rules() -> None:
    assert reflow("ut-\nreda") == "utreda"
    assert reflow("Rinkeby-\nKista") == "Rinkeby-Kista"
    assert reflow("åren 2008-\n2009") == "åren 2008-2009"
    assert reflow("vård- \noch omsorg") == "vård- och omsorg"
    assert reflow("hälso-\neller sjukvård") == "hälso- eller sjukvård"
    assert reflow("e-\npost och IT-\nstöd") == "e-post och IT-stöd"
    assert reflow("ett  stycke   \nmed rader \n\n\n\nnästa\t stycke  ") == (
        "ett stycke med rader\n\nnästa stycke"
    )
    assert reflow("listan:\n• ett\n• två") == "listan:\n\n• ett\n\n• två"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(FRAGMENTS + ["1. Val", "REMISSER", "§ 3 Budget"]), st.text(max_size=30)
        ),
        max_size=30,
    ).map("\n".join)
)
def test_agenda_parser_never_crashes_and_writes_valid_toml(text: str) -> None:
    import tomllib

    from namndtui.importing.agenda import agenda_to_toml, parse_agenda

    agenda = parse_agenda(text)
    assert len({i.id for i in agenda.items}) == len(agenda.items)
    tomllib.loads(agenda_to_toml(agenda))
