"""The seed tjänsteutlåtande (Hässelby-Vällingby 2007, extracted from a PDF) parsed exactly."""

from __future__ import annotations

from pathlib import Path

from namndtui.importing import import_item_from_file, parse_report

# A byte-for-byte copy of shared/seeds/tjansteutlatande-hasselby-vallingby-2007.txt.
SEED = Path(__file__).parent / "docs" / "seed-hasselby-vallingby-2007.txt"

TITLE = (
    "Ansökan till Länsstyrelsen i Stockholms län om utvecklingsmedel till stödinsatser "
    "för män som utövar våld i nära relation"
)
SUMMARY = (
    "Hässelby-Vällingby stadsdelsnämnd ansöker hos Länsstyrelsen i Stockholms län om "
    "utvecklingsmedel om totalt 1.073.000 kronor under åren 2008-2009 för att fortsätta en "
    "utvecklingen av stödinsatser för män som utövar våld i nära relation. Förvaltningen "
    "önskar vidareutveckla stödet och därmed på sikt minska mäns våld mot kvinnor i nära "
    "relation. Under 2007 har ett samarbete påbörjats med Rinkeby-Kista kring våldsutsatta "
    "kvinnor och de våldsutövande männen. Ansökan har insänts till Länsstyrelsen under "
    "förutsättning av nämndens beslut."
)
PREPARATION = "Ärendet har beretts inom avdelningen för Individ- och familjeomsorg, Vuxenenheten."
BACKGROUND = "\n\n".join(
    [
        "Sveriges regering har avsatt 109 miljoner kronor årligen för åren 2007 och 2008 i "
        "syfte att förstärka och utveckla kvinnojoursverksamheterna i landets kommuner. "
        "Länsstyrelsen i Stockholms län har fått drygt 21 mkr att fördela för 2007 och lika "
        "mycket för 2008. Syftet med satsningen är bla. att långsiktigt förbättra och "
        "kvalitetsutveckla socialtjänstens stöd till våldsutsatta kvinnor och barn som "
        "bevittnat våld. Kommunernas arbete förutsätts bli mer målinriktat, strukturerat och "
        "samordnat.",
        "Våren 2007 startade Kvinnofridsteamet inom Hässelby-Vällingby sin verksamhet för att "
        "kunna ge ett bättre stöd till kvinnor som utsatts för hot och våld av närstående män. "
        "Under 2007 har ett samarbete påbörjats med Rinkeby-Kista kring våldsutsatta kvinnor "
        "och de våldsutövande männen. Samarbetet avses fortsätta och vidareutvecklas.",
        "Då ansökningstiden gick ut den 1 oktober 2007 har ansökan redan sänts in till "
        "Länsstyrelsen och gäller under förutsättning av nämndens beslut.",
    ]
)
PROPOSAL = "\n\n".join(
    [
        "Förvaltningen föreslår att nämnden godkänner bilagd ansökan till Länsstyrelsen i "
        "Stockholms län gällande utvecklingsmedel för att fortsätta en utveckling av "
        "stödinsatser för män som utövar våld i nära relation. Utvecklingsarbetet ska löpa "
        "under två år, 2008-2009. Ansökan om utvecklingsmedel söks för ett år i taget och "
        "omfattar totalt för de bägge åren 1.073.000 kronor.",
        "Stadsdelens Kvinnofridsteam arbetar även med att ta fram metoder för att bemöta och "
        "behandla den våldsutövande mannen. Det arbetet har påbörjats med stöd av "
        "utvecklingsmedel från Länsstyrelsen. En delrapport om detta kommer att presenteras "
        "under oktober månad.",
        "Att utveckla metoder att nå dessa män utgör ett viktigt utvecklingsområde och arbetet "
        "sker i nära samverkan med Kvinnofridsenheten i Rinkeby-Kista stadsdelsförvaltning. Om "
        "verksamheten slår väl ut beräknas den implementeras i den ordinarie verksamheten efter "
        "projekttidens utgång.",
    ]
)


def test_seed_parses_exactly() -> None:
    parsed = parse_report(SEED.read_text(encoding="utf-8"))
    item = parsed.item
    assert parsed.structured
    assert parsed.warnings == []
    assert item.title == TITLE  # the trailing full stop of the title is dropped
    assert item.id == "ansokan-till-lansstyrelsen-i-stockholms"
    assert item.summary == SUMMARY
    assert item.preparation == PREPARATION
    assert item.background == BACKGROUND
    assert item.proposal == PROPOSAL
    assert item.proposed_decision == (
        "Stadsdelsnämnden godkänner bilagd ansökan till Länsstyrelsen i Stockholms län.",
    )
    assert item.attachments == ("Ansökan till Länsstyrelsen i Stockholms län",)
    assert item.immediate_justification is True
    assert item.extra_sections == ()
    assert (item.dnr, item.officer) == ("", "")


def test_seed_matches_the_example_meeting() -> None:
    """The bundled example meeting holds the same case, reflowed by hand."""
    from namndtui.examples import example_meeting
    from namndtui.meetingfile import load_meeting

    example = example_meeting().parent
    by_hand = load_meeting(example).item("ansokan-lansstyrelsen")
    assert by_hand is not None
    item = import_item_from_file(SEED).item
    for key in ("title", "summary", "background", "proposal", "preparation"):
        assert getattr(item, key) == getattr(by_hand, key), key
    assert item.proposed_decision == by_hand.proposed_decision
    assert item.attachments == by_hand.attachments
    assert item.immediate_justification == by_hand.immediate_justification
