"""Write the example archive: minutes of three earlier 2007 meetings of Hässelby-Vällingby
stadsdelsnämnd, as real output of our renderer (Meeting + events → fold → write_minutes).

    python data/make_archive.py   # rewrites src/namndtui/examples/hasselby-vallingby-stadsdelsnamnd/2007-*/protokoll.*

Same members and officials as the example meeting (2007-10-23, which starts at § 120);
the § numbers run on through the year: 06-12 §§ 80–95, 08-28 §§ 96–107, 09-25 §§ 108–119.
The seed's case (ansökan till Länsstyrelsen, Dnr 503-412-07) is on the 09-25 agenda and is
bordlagt there on a minority demand, which is why it returns on 10-23. All people, cases,
amounts and Dnr are invented, except the seed case's report text (see src/namndtui/examples/README.md).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
EXAMPLES = HERE.parent / "src" / "namndtui" / "examples"  # package data (namndtui.examples)

from namndtui.meetingfile import load_meeting  # noqa: E402
from namndtui.minutes.write import write_minutes  # noqa: E402
from namndtui.model import Item, Meeting  # noqa: E402
from namndtui.record import events as ev  # noqa: E402
from namndtui.record.fold import fold  # noqa: E402

BODY_DIR = EXAMPLES / "hasselby-vallingby-stadsdelsnamnd"
EXAMPLE = BODY_DIR / "2007-10-23" / "meeting.toml"
PLACE = "Hässelby-Vällingby stadsdelsförvaltning, Hässelby torg 15, sammanträdesrummet"
SEED = "ansokan-lansstyrelsen"


def item(
    id: str,
    title: str,
    dnr: str = "",
    summary: str = "",
    decision=(),
    oj=False,
    cat="Beslutsärenden",
) -> Item:
    return Item(
        id=id, title=title, dnr=dnr, summary=summary, proposed_decision=tuple(decision),
        immediate_justification=oj, category=cat, officer="",
    )  # fmt: skip


def opening(adjuster: str, date: str) -> list[Item]:
    day = dt.date.fromisoformat(date)
    return [
        item(
            "val-av-justerare", "Val av justerare samt tid för justering", cat="Inledande ärenden",
            decision=[
                f"Stadsdelsnämnden utser {adjuster} att jämte ordföranden justera dagens protokoll.",
                f"Justering sker den {day.day} {MONTHS[day.month]} 2007 kl. 15.00 på Hässelby-Vällingby stadsdelsförvaltning, Hässelby torg 15.",
            ],
        ),
        item("godkannande-av-dagordning", "Godkännande av dagordningen", cat="Inledande ärenden", decision=["Dagordningen godkänns."]),
    ]  # fmt: skip


MONTHS = {6: "juni", 7: "juli", 8: "augusti", 9: "september", 10: "oktober"}


def closing(period: str, letters: str, n: int) -> list[Item]:
    return [
        item(
            "anmalan-delegationsbeslut", "Anmälan av delegationsbeslut", f"Dnr 002-{n}-07",
            f"Förteckning över beslut fattade med stöd av nämndens delegationsordning under perioden {period}: personalärenden, avtal inom lokalförsörjningen samt beslut inom individ- och familjeomsorgen enligt socialtjänstlagen.",
            ["Stadsdelsnämnden lägger anmälan av delegationsbeslut till handlingarna."], cat="Anmälningsärenden",
        ),
        item(
            "anmalan-inkomna-skrivelser", "Anmälan av inkomna skrivelser", f"Dnr 002-{n + 1}-07",
            f"Till nämnden har inkommit skrivelser {letters}",
            ["Stadsdelsnämnden lägger anmälan av inkomna skrivelser till handlingarna."], cat="Anmälningsärenden",
        ),
    ]  # fmt: skip


def june() -> tuple[list[Item], list[ev.Event]]:
    items = opening("Per Almqvist (V)", "2007-06-19") + [
        item("tertialrapport-1", "Tertialrapport 1 2007 med ekonomisk uppföljning", "Dnr 101-201-07",
             "Förvaltningen redovisar verksamhet och ekonomi till och med april 2007. Prognosen för helåret visar ett underskott om 3,1 mnkr, främst inom individ- och familjeomsorgen där kostnaderna för institutionsvård för unga har ökat. Förvaltningen föreslår åtgärder inom köp av platser och ökad satsning på öppenvård i egen regi.",
             ["Stadsdelsnämnden godkänner tertialrapport 1 2007 och överlämnar den till kommunstyrelsen.", "Stadsdelsnämnden uppdrar åt förvaltningen att vidta åtgärder för en budget i balans."], oj=True),
        item("sommarverksamhet-ungdomar", "Sommarverksamhet för ungdomar 2007", "Dnr 306-188-07",
             "Förvaltningen redovisar planeringen av sommarens verksamhet för ungdomar: feriearbeten för 420 ungdomar, öppna fritidsgårdar i Vällingby och Hässelby gård under juli samt en kollo-verksamhet i samarbete med föreningslivet."
             , ["Stadsdelsnämnden godkänner förvaltningens planering av sommarverksamheten."]),
        item("forskoleplatser-hosten", "Behov av förskoleplatser hösten 2007", "Dnr 291-212-07",
             "Antalet barn i kö till förskola i Hässelby strand och Grimsta ökar. Förvaltningen föreslår att två nya avdelningar öppnas i befintliga lokaler vid förskolan Solrosen och att behovet av tillfälliga paviljonger utreds till nämndens sammanträde i augusti.",
             ["Stadsdelsnämnden godkänner att två nya förskoleavdelningar öppnas vid förskolan Solrosen.", "Stadsdelsnämnden uppdrar åt förvaltningen att utreda behovet av tillfälliga paviljonger."]),
        item("hemtjanst-valfrihet", "Införande av valfrihet inom hemtjänsten", "Dnr 409-176-07",
             "Kommunfullmäktige har beslutat om kundval inom hemtjänsten från den 1 oktober 2007. Förvaltningen redovisar hur informationen till de äldre ska ske och hur biståndshandläggningen förändras.",
             ["Stadsdelsnämnden godkänner förvaltningens plan för införandet av kundval i hemtjänsten."]),
        item("lokalt-brottsforebyggande", "Lokalt brottsförebyggande program 2007–2008", "Dnr 503-190-07",
             "Programmet beskriver samverkan mellan stadsdelsförvaltningen, polisen i Västerort och skolorna om trygghet i centrumanläggningarna, klotterbekämpning och föräldravandringar. Våld i nära relationer lyfts fram som ett område där förvaltningen ska söka externa medel för att utveckla stödet.",
             ["Stadsdelsnämnden antar det lokala brottsförebyggande programmet för 2007–2008."]),
        item("parklek-grimsta", "Upprustning av parkleken i Grimsta", "Dnr 315-160-07",
             "Parkleken i Grimsta behöver rustas upp. Förvaltningen föreslår en upprustning för 1,2 mnkr med medel ur parkinvesteringsanslaget.",
             ["Stadsdelsnämnden godkänner upprustningen av parkleken i Grimsta inom en kostnadsram om 1,2 mnkr."]),
        item("remiss-lokalforsorjning", "Remiss av riktlinjer för lokalförsörjning i Stockholms stad", "Dnr 290-150-07",
             "Förvaltningen föreslår att nämnden i huvudsak tillstyrker riktlinjerna men påpekar behovet av flexibla lösningar för förskolelokaler.",
             ["Stadsdelsnämnden överlämnar förvaltningens tjänsteutlåtande som svar på remissen."], cat="Remisser"),
        item("remiss-cykelplan", "Remiss av cykelplan för Stockholms stad", "Dnr 315-142-07",
             "Förvaltningen ser positivt på planen och föreslår en sammanhängande cykelväg längs Bergslagsvägen.",
             ["Stadsdelsnämnden överlämnar förvaltningens tjänsteutlåtande som svar på remissen."], cat="Remisser"),
        item("motion-belysning", "Skrivelse från (S) om belysning i Grimstaskogen", "Dnr 315-166-07",
             "Socialdemokraterna har i en skrivelse begärt att förvaltningen utreder bättre belysning på gångvägarna genom Grimstaskogen.",
             ["Stadsdelsnämnden anser skrivelsen besvarad med förvaltningens tjänsteutlåtande."]),
        item("avgifter-fritid", "Avgifter för fritidsverksamhet 2007/2008", "Dnr 306-205-07",
             "Förvaltningen föreslår oförändrade avgifter för fritidsklubbarna och en ny avgift om 200 kronor per termin för kursverksamhet på fritidsgårdarna.",
             ["Stadsdelsnämnden fastställer avgifterna för fritidsverksamhet enligt förvaltningens förslag."]),
        item("delegationsordning", "Ändring av nämndens delegationsordning", "Dnr 002-198-07",
             "Med anledning av kundvalet i hemtjänsten föreslår förvaltningen att beslut om godkännande av utförare delegeras till avdelningschefen för äldreomsorgen.",
             ["Stadsdelsnämnden fastställer ändringen av delegationsordningen enligt förvaltningens förslag."]),
        item("rapport-ungdomsradet", "Rapport från ungdomsrådet", "",
             "Ungdomsrådet redovisar vårens arbete med trygghetsvandringar och önskemål om längre öppettider på fritidsgårdarna.",
             ["Stadsdelsnämnden lägger rapporten till handlingarna."], cat="Anmälningsärenden"),
    ] + closing("7 maj – 1 juni 2007", "från föräldrar vid förskolan Solrosen om köerna till förskolan och från en boende i Råcksta om nedskräpning vid Råcksta träsk.", 4)  # fmt: skip
    events = [
        ev.MotionMade("avgifter-fritid", "y1", "Birgitta Hallenberg", "bifall"),
        ev.MotionMade("avgifter-fritid", "y2", "Karin Sjöberg", "avslag", "Avgiften för kursverksamhet stänger ute ungdomar från familjer med små marginaler.", ("Per Almqvist", "Ingrid Fagerlund")),
        ev.PropositionOrderSet("avgifter-fritid", ("y1", "y2")),
        ev.VoteDemanded("avgifter-fritid", 1, "y1", "y2", "Karin Sjöberg"),
        *vote("avgifter-fritid", 1),
        ev.ReservationMade("avgifter-fritid", "Karin Sjöberg", "Vi reserverar oss till förmån för vårt avslagsyrkande. En avgift på kurser slår mot de ungdomar som bäst behöver fritidsgårdarna."),
        ev.ReservationMade("avgifter-fritid", "Leila Haddad"),
        ev.ReservationMade("avgifter-fritid", "Per Almqvist"),
        ev.ReservationMade("avgifter-fritid", "Ingrid Fagerlund"),
        ev.NoteAdded("hemtjanst-valfrihet", "Vi motsätter oss kundvalssystemet men medverkar till att införandet blir så bra som möjligt för de äldre.", "Lars-Erik Wahlström"),
    ]  # fmt: skip
    return items, events


def august() -> tuple[list[Item], list[ev.Event]]:
    items = opening("Ingrid Fagerlund (MP)", "2007-09-04") + [
        item("manadsrapport-juli", "Månadsrapport juli 2007 med ekonomiskt utfall", "Dnr 101-329-07",
             "Förvaltningen redovisar utfallet till och med juli 2007. Prognosen visar ett underskott om 2,8 mnkr. Åtgärderna inom individ- och familjeomsorgen har börjat ge effekt.",
             ["Stadsdelsnämnden godkänner månadsrapporten för juli 2007."]),
        item("verksamhetsplan-2008-direktiv", "Underlag för budget 2008 – verksamhetsplanering", "Dnr 102-331-07",
             "Förvaltningen redovisar förutsättningarna för verksamhetsplanen 2008: befolkningsökning bland förskolebarn, fler äldre över 85 år och behovet av fler platser i förskolan i Hässelby strand.",
             ["Stadsdelsnämnden godkänner underlaget och överlämnar det till kommunstyrelsen."]),
        item("paviljonger-utredning", "Utredning om tillfälliga förskolepaviljonger", "Dnr 291-318-07",
             "Förvaltningen har på nämndens uppdrag utrett behovet av tillfälliga paviljonger. Utredningen visar att fyra avdelningar behövs i Hässelby strand från våren 2008. Ett förslag om inhyrning läggs fram till nämndens sammanträde i oktober.",
             ["Stadsdelsnämnden godkänner utredningen och uppdrar åt förvaltningen att återkomma med förslag om inhyrning."]),
        item("handlingsplan-vald-nara-relation", "Handlingsplan mot våld i nära relationer", "Dnr 503-335-07",
             "Förvaltningen föreslår en lokal handlingsplan mot våld i nära relationer. Stödet till kvinnor och barn som utsatts för våld ska utvecklas i samverkan med kvinnojouren, och förvaltningen ska pröva möjligheten att söka utvecklingsmedel från Länsstyrelsen för insatser riktade till män som utövar våld.",
             ["Stadsdelsnämnden antar handlingsplanen mot våld i nära relationer.", "Stadsdelsnämnden uppdrar åt förvaltningen att undersöka möjligheten att söka utvecklingsmedel från Länsstyrelsen i Stockholms län."]),
        item("hemtjanst-kundval-rapport", "Rapport om förberedelserna för kundval i hemtjänsten", "Dnr 409-301-07",
             "Förvaltningen rapporterar att elva utförare har ansökt om att bli godkända i stadsdelsområdet och att informationsmöten för de äldre hålls i september.",
             ["Stadsdelsnämnden lägger rapporten till handlingarna."]),
        item("remiss-aldreplan", "Remiss av äldreplan för Stockholms stad 2008–2011", "Dnr 409-290-07",
             "Förvaltningen tillstyrker äldreplanen men framhåller behovet av fler platser i vård- och omsorgsboende i Västerort.",
             ["Stadsdelsnämnden överlämnar förvaltningens tjänsteutlåtande som svar på remissen."], cat="Remisser"),
        item("fritidsgardar-oppettider", "Öppettider på fritidsgårdarna hösten 2007", "Dnr 306-322-07",
             "Förvaltningen föreslår att Nälstagården håller öppet två kvällar i veckan i stället för fyra under hösten, på grund av lågt besöksantal, och att resurserna flyttas till fritidsgården i Vällingby.",
             ["Stadsdelsnämnden godkänner förvaltningens förslag till öppettider."]),
        item("tillganglighet-parker", "Tillgänglighetsinventering av parker", "Dnr 315-300-07",
             "En inventering av tillgängligheten i stadsdelsområdets parker har gjorts. Förvaltningen föreslår en åtgärdsplan för 2008–2010.",
             ["Stadsdelsnämnden godkänner åtgärdsplanen för tillgänglighet i parker."]),
    ] + closing("4 juni – 10 augusti 2007", "från Hässelby villastads samfällighetsförening om trafiken på Maltesholmsvägen och från en boende i Vällingby om klotter vid tunnelbanan.", 5)  # fmt: skip
    events = [
        ev.MotionMade("fritidsgardar-oppettider", "y1", "Birgitta Hallenberg", "bifall"),
        ev.MotionMade("fritidsgardar-oppettider", "y2", "Lars-Erik Wahlström", "återremiss", "Ärendet återremitteras för en konsekvensanalys tillsammans med ungdomarna i Nälsta."),
        ev.PropositionOrderSet("fritidsgardar-oppettider", ("y2", "y1")),
        ev.ChairFinding("fritidsgardar-oppettider", "y1"),
        ev.ReservationMade("fritidsgardar-oppettider", "Lars-Erik Wahlström", "Nälstagården är den enda mötesplatsen för ungdomar i området. Ärendet borde ha återremitterats."),
        ev.ReservationMade("fritidsgardar-oppettider", "Per Almqvist"),
        ev.StatementAdded("handlingsplan-vald-nara-relation", "Ingrid Fagerlund", "Miljöpartiet välkomnar att insatser för män som utövar våld nu prövas; det är en förutsättning för att våldet ska upphöra."),
    ]  # fmt: skip
    return items, events


def september(seed: Item) -> tuple[list[Item], list[ev.Event]]:
    items = opening("Tomas Ljungdahl (KD)", "2007-10-02") + [
        item("manadsrapport-augusti", "Månadsrapport augusti 2007 med ekonomiskt utfall", "Dnr 101-397-07",
             "Förvaltningen redovisar utfallet till och med augusti 2007. Prognosen visar ett underskott om 2,6 mnkr, en förbättring med 0,2 mnkr sedan föregående månad.",
             ["Stadsdelsnämnden godkänner månadsrapporten för augusti 2007."]),
        item("tertialrapport-2", "Tertialrapport 2 2007", "Dnr 101-398-07",
             "Tertialrapporten redovisar verksamhet och ekonomi till och med augusti. Målen för förskolan uppnås; inom äldreomsorgen har andelen äldre som är nöjda med hemtjänsten ökat till 87 procent.",
             ["Stadsdelsnämnden godkänner tertialrapport 2 2007 och överlämnar den till kommunstyrelsen."], oj=True),
        replace(seed, category="Beslutsärenden"),
        item("forskola-grimsta-lokaler", "Förlängning av hyresavtal för förskolan Grimsta gård", "Dnr 291-377-07",
             "Hyresavtalet för förskolan Grimsta gård löper ut vid årsskiftet. Förvaltningen föreslår en förlängning med fem år till oförändrad hyra.",
             ["Stadsdelsnämnden godkänner förlängningen av hyresavtalet för förskolan Grimsta gård."]),
        item("sociala-insatser-ungdomar", "Uppföljning av sociala insatser för ungdomar", "Dnr 503-366-07",
             "Förvaltningen följer upp de förebyggande insatserna för ungdomar i riskzonen: fältassistenter, samtalsgrupper i skolan och samverkan med polisen. Antalet anmälda ungdomsbrott har minskat med tolv procent.",
             ["Stadsdelsnämnden lägger uppföljningen till handlingarna."]),
        item("remiss-skolplan", "Remiss av förslag till skolplan för Stockholms stad", "Dnr 290-351-07",
             "Förvaltningen tillstyrker förslaget och betonar förskolans roll för språkutvecklingen.",
             ["Stadsdelsnämnden överlämnar förvaltningens tjänsteutlåtande som svar på remissen."], cat="Remisser"),
        item("skrivelse-mp-gronomraden", "Skrivelse från (MP) om skydd av grönområden i Hässelby strand", "Dnr 316-360-07",
             "Miljöpartiet föreslår att nämnden verkar för att grönområdet vid Strandängarna skyddas i den kommande översiktsplanen.",
             ["Stadsdelsnämnden anser skrivelsen besvarad med förvaltningens tjänsteutlåtande."]),
        item("brukarundersokning-aldre", "Resultat av brukarundersökningen inom äldreomsorgen", "Dnr 409-372-07",
             "Brukarundersökningen visar att 87 procent av de äldre med hemtjänst och 81 procent av de boende i vård- och omsorgsboende är nöjda med sin omsorg.",
             ["Stadsdelsnämnden lägger resultatet till handlingarna."], cat="Anmälningsärenden"),
    ] + closing("13 augusti – 14 september 2007", "från Nälstagårdens ungdomar om öppettiderna, med 214 namnunderskrifter, och från föräldrar i Hässelby strand om förskolekön.", 6)  # fmt: skip
    events = [
        # The seed's case: a minority demands bordläggning (KL 5 kap.), so it returns on 10-23.
        ev.MotionMade(SEED, "y1", "Birgitta Hallenberg", "bifall"),
        ev.MotionMade(SEED, "y2", "Lars-Erik Wahlström", "bordläggning", "Ärendet bordläggs till nämndens nästa sammanträde så att samverkan med kvinnojouren kan redovisas.", ("Per Almqvist", "Ingrid Fagerlund", "Karin Sjöberg", "Leila Haddad")),
        ev.NoteAdded(SEED, "Ärendet bordläggs på begäran av minst en tredjedel av de närvarande ledamöterna (minoritetsbordläggning)."),
        ev.DecisionRecorded(SEED, ("Ärendet bordläggs till stadsdelsnämndens sammanträde den 23 oktober 2007.",)),
        ev.ItemTabled(SEED),
        ev.MotionMade("skrivelse-mp-gronomraden", "y1", "Johan Ekdahl", "bifall"),
        ev.MotionMade("skrivelse-mp-gronomraden", "y2", "Ingrid Fagerlund", "eget", "Stadsdelsnämnden verkar för att Strandängarna skyddas som naturreservat i översiktsplanen.", ("Per Almqvist",)),
        ev.PropositionOrderSet("skrivelse-mp-gronomraden", ("y1", "y2")),
        ev.VoteDemanded("skrivelse-mp-gronomraden", 1, "y1", "y2", "Ingrid Fagerlund"),
        *vote("skrivelse-mp-gronomraden", 1, abstain=("Karin Sjöberg", "Leila Haddad", "Lars-Erik Wahlström")),
        ev.ReservationMade("skrivelse-mp-gronomraden", "Ingrid Fagerlund", "Strandängarna är ett av få sammanhängande grönområden vid Mälaren och måste skyddas nu, innan exploateringen börjar."),
        ev.ReservationMade("skrivelse-mp-gronomraden", "Per Almqvist"),
    ]  # fmt: skip
    return items, events


MAJORITY = (
    "Birgitta Hallenberg",
    "Johan Ekdahl",
    "Cecilia Forsberg",
    "Magnus Tornberg",
    "Ulla Bergkvist",
    "Tomas Ljungdahl",
)
OPPOSITION = (
    "Lars-Erik Wahlström",
    "Karin Sjöberg",
    "Leila Haddad",
    "Per Almqvist",
    "Ingrid Fagerlund",
)


def vote(item_id: str, rnd: int, abstain: tuple[str, ...] = ()) -> list[ev.Event]:
    """The majority (M, FP, KD) votes ja, the opposition nej (or avstår)."""
    out: list[ev.Event] = [ev.VoteCast(item_id, rnd, m, "ja") for m in MAJORITY]
    out += [ev.VoteCast(item_id, rnd, m, "avstår" if m in abstain else "nej") for m in OPPOSITION]
    return out + [ev.VoteClosed(item_id, rnd)]


def run_meeting(
    base: Meeting,
    date: str,
    first: int,
    items: list[Item],
    extra: list[ev.Event],
    times: tuple[str, str],
    adjuster: str,
    justered: str,
    posted: str,
) -> None:
    meeting = replace(
        base, date=dt.date.fromisoformat(date), first_paragraph=first, items=tuple(items)
    )
    by_item: dict[str, list[ev.Event]] = {}
    for e in extra:
        by_item.setdefault(getattr(e, "item", ""), []).append(e)
    events: list[ev.Event] = [ev.MeetingOpened(times[0])]
    absent = {"Magnus Tornberg"} if date == "2007-08-28" else set()
    for m in meeting.members:
        events.append(
            ev.AttendanceSet(
                m.name,
                m.name not in absent
                and (not m.is_substitute or m.name in ("Eva Strandberg", "Göran Östlund")),
            )
        )
    if absent:
        events.append(ev.SubstituteServes("Eva Strandberg", "Magnus Tornberg"))
    for o in meeting.officials:
        events.append(ev.OfficialPresent(o.name, o.title))
    events.append(ev.AdjustersChosen((adjuster,)))
    jd = dt.date.fromisoformat(justered)
    events.append(
        ev.JusteringPlanned(
            justered, "15:00", "Hässelby-Vällingby stadsdelsförvaltning, Hässelby torg 15"
        )
    )
    h, m = map(int, times[0].split(":"))
    for n, it in enumerate(items):
        minute = h * 60 + m + 2 + n * 4
        events.append(ev.ItemCalled(it.id, at=f"{minute // 60:02d}:{minute % 60:02d}"))
        own = by_item.get(it.id, [])
        events += own
        if not any(isinstance(e, ev.ItemTabled | ev.DecisionRecorded) for e in own):
            winner = [e for e in own if isinstance(e, ev.VoteClosed)]
            if (
                not winner
                and any(isinstance(e, ev.ChairFinding) for e in own) is False
                and len([e for e in own if isinstance(e, ev.MotionMade)]) > 1
            ):
                events.append(ev.ChairFinding(it.id, "y1"))
            events.append(ev.DecisionRecorded(it.id, it.proposed_decision))
        if it.immediate_justification:
            events.append(ev.ParagraphJustified(it.id))
    events.append(ev.MeetingClosed(times[1]))
    events.append(ev.MinutesJustified(jd.isoformat(), posted))
    state = fold(meeting, events)
    folder = BODY_DIR / date
    folder.mkdir(parents=True, exist_ok=True)
    write_minutes(meeting, state, folder)
    numbers = sorted(p.number for p in state.paragraphs.values() if p.number is not None)
    print(
        f"{folder.relative_to(HERE.parent)}: §§ {numbers[0]}–{numbers[-1]} ({len(numbers)} paragrafer)"
    )


def main() -> None:
    base = load_meeting(EXAMPLE)
    seed = base.item(SEED)
    assert seed is not None
    items, extra = june()
    run_meeting(
        base,
        "2007-06-12",
        80,
        items,
        extra,
        ("19:00", "21:05"),
        "Per Almqvist",
        "2007-06-19",
        "2007-06-20",
    )
    items, extra = august()
    run_meeting(
        base,
        "2007-08-28",
        96,
        items,
        extra,
        ("19:00", "20:40"),
        "Ingrid Fagerlund",
        "2007-09-04",
        "2007-09-05",
    )
    items, extra = september(seed)
    run_meeting(
        base,
        "2007-09-25",
        108,
        items,
        extra,
        ("19:00", "21:20"),
        "Tomas Ljungdahl",
        "2007-10-02",
        "2007-10-03",
    )


if __name__ == "__main__":
    main()
