"""The minutes DOCUMENT: built once, fully decided, rendered many ways.

`build_document(minutes, settings)` is a pure function of (meeting, record state, settings)
giving a plain structure: the page header, the page-1 ingress (a labelled two-column block),
the signatures, the boxed ANSLAG/BEVIS with its dates, the table of contents, each § with
its blocks in order (every sentence already phrased) and what closes the minutes. The
Markdown, the HTML (Jinja2 templates), the PDF (WeasyPrint from the HTML) and the extract
are thin renderings of it (`namndtui.minutes.render`); `tests/minutes/golden/*/dokument.txt`
pins its wording for all of them. Layout and labels: PRACTICE.md "Page 1".

`public=True` builds the version for publication (secrecy issue): secret §§ show only their
number, public title and the secrecy sentence, no signature lines are printed, and the
document carries the personal-data sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from namndtui.minutes import blocks as b
from namndtui.minutes import page_one
from namndtui.minutes.attendance_notes import change_line  # noqa: F401  (re-exported)
from namndtui.minutes.blocks import Block, join_names
from namndtui.minutes.model import (
    Attendance,
    Attendee,
    Minutes,
    attendance,
    member_label,
    notice_dates,
    number_ranges,
    numbered_paragraphs,
    paragraph_range,
    presiding_chair,
    time_text,
)
from namndtui.minutes.paragraph import ParagraphDoc, build_paragraph
from namndtui.minutes.settings import DEFAULT, ProtokollSettings
from namndtui.model import Meeting, Member
from namndtui.record.state import RecordState
from namndtui.secrecy.marking import ORIGINAL_NOTICE, PUBLIC_NOTICE
from namndtui.timeofday import clock

PROTOCOL_KIND = "SAMMANTRÄDESPROTOKOLL"
EXTRACT_KIND = "PROTOKOLLSUTDRAG"
DRAFT_MARK = "UTKAST – EJ JUSTERAT"
NOTICE_TITLE = "ANSLAG/BEVIS"
NOTICE_STATEMENT = "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."
NOTICE_NOT_POSTED = (
    "Protokollet är justerat. Justeringen har ännu inte tillkännagivits genom anslag."
)
FOOTER_BOXES = ("Justerandes signatur", "Utdragsbestyrkande")
ACCORDING_TO_LIST = "Enligt närvaro- och omröstningslista"
SERVING_FOR = "tjänstgörande ersättare för"
SERVING_FOR_SHORT = "tjg ers för"  # PRACTICE.md's short form, when page 1 is crowded
CERTIFIED = "Utdraget bestyrks"


@dataclass(frozen=True)
class Field:
    """One row of a labelled block: 'Beslutande' | its lines."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Signature:
    """'Sekreterare ……… Annika Rosén' with 'Paragrafer 18–23' beside it."""

    role: str
    name: str
    aside: str = ""


@dataclass(frozen=True)
class Notice:
    """The boxed ANSLAG/BEVIS of page 1; its fields are blank before justering."""

    title: str
    statement: str
    fields: tuple[Field, ...]
    signature: Signature


@dataclass(frozen=True)
class ListRow:
    """One beslutande in the annexed närvaro- och omröstningslista."""

    member: str  # "Nadia Ali (V)"
    serving: str  # "ordförande", "tjänstgörande ersättare för Sofia Karlsson (V)", ""
    numbers: str  # "§§ 140–142, 144–147"


@dataclass(frozen=True)
class Document:
    kind: str  # SAMMANTRÄDESPROTOKOLL | PROTOKOLLSUTDRAG
    organ: str
    date: str  # Sammanträdesdatum, ISO
    title: str  # the HTML/PDF title
    draft: bool  # not justered: "UTKAST – EJ JUSTERAT" on every page
    public: bool
    address: str
    logo: str
    ingress: tuple[Field, ...]
    signatures: tuple[Signature, ...]
    notice: Notice | None
    toc: tuple[ParagraphDoc, ...]  # the §§ listed in the Innehållsförteckning
    paragraphs: tuple[ParagraphDoc, ...]
    closing: tuple[Block, ...]  # after the §§: corrections, the extract's end, …
    certification: Signature | None = None  # the extract's Utdragsbestyrkande
    notes: tuple[str, ...] = ()  # sentences under the ingress (the public version's note)
    draft_mark: str = DRAFT_MARK
    footer: tuple[str, ...] = FOOTER_BOXES
    layout: str = "modern"
    # Large bodies: the beslutande listed after the §§ (page 1 refers to it).
    attendance_list: tuple[ListRow, ...] = ()
    tight: bool = False  # page 1 set closer so that ANSLAG/BEVIS stays on it (page_one)


# --- page 1 -----------------------------------------------------------------------------------


def place_and_time(meeting: Meeting, state: RecordState) -> str:
    """'Kommunhuset, sal A, kl. 18.30–21.15, ajournering kl. 19.40–19.55'."""
    parts = [meeting.place] if meeting.place else []
    start = state.opened_at or time_text(meeting.start)
    if start:
        when = f"kl. {clock(start)}"
        if state.closed_at:
            when += f"–{clock(state.closed_at)}"
        # A break resumed the minute it began (A pressed twice) is no break worth a line.
        breaks = [
            f"{clock(a)}–{clock(z)}" if z else f"{clock(a)}–" for a, z in state.breaks if a != z
        ]
        if breaks:
            when += ", ajournering kl. " + join_names(breaks)
        parts.append(when)
    return ", ".join(parts)


def attendee_serving(
    meeting: Meeting, row: Attendee, chair: Member | None, *, short: bool = False
) -> str:
    """'vice ordförande', 'tjänstgörande ersättare för Per Almqvist (V)' ('tjg ers för …'
    with `short`), or ''."""
    parts = []
    if chair is not None and chair.name == row.member.name and not chair.is_chair:
        parts.append("tjänstgörande ordförande")
    elif row.member.role not in ("ledamot", "ersättare"):
        parts.append(row.member.role)
    if row.for_member:
        serving_for = SERVING_FOR_SHORT if short else SERVING_FOR
        parts.append(f"{serving_for} {member_label(meeting, row.for_member)}")
    return ", ".join(parts)


def attendee_line(
    meeting: Meeting, row: Attendee, chair: Member | None, *, short: bool = False
) -> str:
    """'Nadia Ali (V), tjänstgörande ersättare för Sofia Karlsson (V), §§ 140–142'."""
    serving = attendee_serving(meeting, row, chair, short=short)
    numbers = number_ranges(row.numbers) if row.partial else ""
    return ", ".join(part for part in (row.member.label, serving, numbers) if part)


def deciding_rows(people: Attendance) -> list[Attendee]:
    """Beslutande: the seat holders who served, then the ersättare who served."""
    return people.deciding + people.substitutes_serving


def uses_attendance_list(rows: list[Attendee], settings: ProtokollSettings) -> bool:
    """A large body: page 1 refers to the annexed list instead of naming everyone."""
    return 0 < settings.attendance_list_from <= len(rows)


def attendance_list(
    meeting: Meeting, state: RecordState, settings: ProtokollSettings, *, listed: bool = False
) -> list[ListRow]:
    """The annexed närvaro- och omröstningslista, every beslutande with the §§ served;
    empty when page 1 names them (a body smaller than `attendance_list_from`, unless
    `listed`: the names would push ANSLAG/BEVIS off page 1)."""
    rows = deciding_rows(attendance(meeting, state))
    if not (listed or uses_attendance_list(rows, settings)):
        return []
    chair = presiding_chair(meeting, state)
    rng = paragraph_range(meeting, state)
    every = number_ranges(list(range(rng[0], rng[1] + 1))) if rng else ""
    return [
        ListRow(
            r.member.label,
            attendee_serving(meeting, r, chair),
            number_ranges(r.numbers) if r.partial else every,
        )
        for r in rows
    ]


def adjusters_line(meeting: Meeting, state: RecordState) -> str:
    """'Karin Sjöberg (S)' or 'Karin Sjöberg (S) med Magnus Tornberg (M) som ersättare'."""
    text = join_names([member_label(meeting, a) for a in state.adjusters])
    if state.adjuster_substitute and text:  # never a bare "med NN som ersättare"
        text += f" med {member_label(meeting, state.adjuster_substitute)} som ersättare"
    return text.strip()


def _official_numbers(meeting: Meeting, state: RecordState, name: str) -> str:
    """'§§ 141–143' for an official present for some items only ('' for all)."""
    official = next((o for o in meeting.officials if o.name == name), None)
    item_ids = official.items if official else ()
    numbers = [p.number for i in item_ids if (p := state.paragraphs.get(i)) and p.number]
    return number_ranges(numbers)


def others_present(meeting: Meeting, state: RecordState, people) -> list[str]:
    """Övriga deltagande: ersättare not serving, seat holders not serving, officials with
    their §§, the secretary."""
    lines = [
        f"{r.member.label}, ersättare" + (f", {number_ranges(r.numbers)}" if r.partial else "")
        for r in people.substitutes_present
    ]
    lines += [f"{r.member.label}, ledamot, ej tjänstgörande" for r in people.not_serving]
    for name, title in state.officials or [(o.name, o.title) for o in meeting.officials]:
        line = f"{name}, {title}" if title else name
        if numbers := _official_numbers(meeting, state, name):
            line += f", {numbers}"
        lines.append(line)
    if meeting.secretary:
        lines.append(f"{meeting.secretary}, sekreterare")
    return lines


def justering_place_and_time(state: RecordState, settings: ProtokollSettings = DEFAULT) -> str:
    """Place first, then date and time: 'Kommunhuset, 2024-03-07 kl. 15.00'.

    What the record holds, nothing invented: the justering planned at the meeting (`t`);
    once the minutes are justered, the date they were (export --justerat), with the
    planned time only when it was that day. The place planned, else the municipality's
    usual place of justering (`[protokoll] justering_place`)."""
    date, time = state.justering_date, state.justering_time
    if state.justered_on and state.justered_on != date:
        date, time = state.justered_on, ""  # held another day: the planned hour was not it
    when = " ".join(part for part in (date, f"kl. {clock(time)}" if time else "") if part)
    place = state.justering_place or (settings.justering_place if when else "")
    return ", ".join(p for p in (place, when) if p)


def ingress(
    meeting: Meeting,
    state: RecordState,
    settings: ProtokollSettings = DEFAULT,
    *,
    short: bool = False,
    listed: bool = False,
) -> list[Field]:
    """The labelled block of page 1, in PRACTICE.md's order. `short`: 'tjg ers för';
    `listed`: Beslutande refers to the annexed list (always for a large body)."""
    people = attendance(meeting, state)
    chair = presiding_chair(meeting, state)
    rows = deciding_rows(people)
    deciding = [attendee_line(meeting, r, chair, short=short) for r in rows]
    if listed or uses_attendance_list(rows, settings):
        deciding = [ACCORDING_TO_LIST]
    fields = [Field("Plats och tid", (place_and_time(meeting, state),))]
    fields.append(Field("Beslutande", tuple(deciding)))
    if others := others_present(meeting, state, people):
        fields.append(Field("Övriga deltagande", tuple(others)))
    fields.append(Field("Utses att justera", (adjusters_line(meeting, state),)))
    justering = justering_place_and_time(state, settings)
    fields.append(Field("Justeringens plats och tid", (justering,)))
    return fields


def signatures(
    meeting: Meeting, state: RecordState, settings: ProtokollSettings
) -> list[Signature]:
    chair = presiding_chair(meeting, state)
    rng = paragraph_range(meeting, state)
    aside = ""
    if rng:
        noun = "Paragraf " if rng[0] == rng[1] else "Paragrafer "  # one §: "Paragraf 120"
        aside = noun + number_ranges(list(range(rng[0], rng[1] + 1))).lstrip("§ ")
    out = [Signature("Sekreterare", meeting.secretary, aside)]
    out.append(Signature("Ordförande", chair.name if chair else ""))
    out += [Signature(settings.adjuster_label, name) for name in state.adjusters or [""]]
    return out


def place_of_keeping(meeting: Meeting, settings: ProtokollSettings) -> str:
    return meeting.place_of_keeping or settings.place_of_keeping


def notice(meeting: Meeting, state: RecordState, settings: ProtokollSettings) -> Notice:
    """ANSLAG/BEVIS: the dates once justered and posted; blank fields before."""
    d = notice_dates(meeting, state)
    rng = paragraph_range(meeting, state)
    organ = meeting.body
    if rng:
        organ += ", " + number_ranges(list(range(rng[0], rng[1] + 1)))
    iso = lambda day: day.isoformat() if day else ""  # noqa: E731
    fields = [
        Field("Organ", (organ,)),
        Field("Sammanträdesdatum", (meeting.date.isoformat(),)),
        Field("Datum då anslaget sätts upp", (iso(d.posted),)),
        Field("Datum då anslaget tas ned", (iso(d.taken_down),)),
    ]
    if settings.show_appeal_last_day:
        fields.append(Field("Sista dag för överklagande", (iso(d.appeal_last_day),)))
    fields.append(Field("Förvaringsplats för protokollet", (place_of_keeping(meeting, settings),)))
    statement = ""
    if d.justered is not None:
        statement = NOTICE_STATEMENT if d.posted else NOTICE_NOT_POSTED
    return Notice(
        NOTICE_TITLE, statement, tuple(fields), Signature("Underskrift", meeting.secretary)
    )


# --- the document -----------------------------------------------------------------------------


def build_document(
    minutes: Minutes, settings: ProtokollSettings = DEFAULT, *, public: bool = False
) -> Document:
    """The minutes as one fully decided structure (pure: same input, same document).

    `public` (or `minutes.public`, the public view of namndtui.secrecy.public): the web
    version, with the personal-data notice; the complete original with a secret § says
    so under the ingress."""
    if public and not minutes.public:
        from namndtui.secrecy.public import public_minutes

        minutes = public_minutes(minutes)  # masked: the public version is never built raw
    public = minutes.public
    meeting, state = minutes.meeting, minutes.state
    paragraphs = tuple(
        build_paragraph(meeting, state, item, para, settings, public=public)
        for item, para in numbered_paragraphs(meeting, state)
    )
    closing: list[Block] = []  # minutes carry no change log (PRACTICE.md, Corrections)
    doc = Document(
        kind=PROTOCOL_KIND,
        organ=meeting.body,
        date=meeting.date.isoformat(),
        title=f"Protokoll {meeting.body} {meeting.date.isoformat()}",
        draft=not state.justered_on,
        public=public,
        address=settings.address,
        logo=settings.logo,
        ingress=tuple(ingress(meeting, state, settings)),
        signatures=() if public else tuple(signatures(meeting, state, settings)),
        notice=notice(meeting, state, settings),
        toc=paragraphs,
        paragraphs=paragraphs,
        closing=tuple(closing),
        notes=secrecy_notes(paragraphs, public),
        footer=() if public else FOOTER_BOXES,  # the published copy carries no signatures
        layout=settings.layout,
        attendance_list=tuple(attendance_list(meeting, state, settings)),
    )
    return fit_page_one(doc, meeting, state, settings)


def fit_page_one(
    doc: Document, meeting: Meeting, state: RecordState, settings: ProtokollSettings
) -> Document:
    """`doc` with page 1 set so that the boxed ANSLAG/BEVIS stays on it (PRACTICE.md, item
    7): the first that fits of the normal layout; a tighter one; that and 'tjg ers för';
    'Enligt närvaro- och omröstningslista' with the list annexed (normal, then tight; not
    when the municipality set `attendance_list_from = 0`: names always). When none fits,
    the last tried. Decided by the estimate of `page_one`, not by laying out the PDF, so
    protokoll.md, .html and .pdf say the same words."""
    tight = replace(doc, tight=True)
    steps = [doc, tight]
    if not doc.attendance_list:  # names on page 1: shorter names, then the list
        steps.append(replace(tight, ingress=tuple(ingress(meeting, state, settings, short=True))))
        if settings.attendance_list_from != 0:
            listed = replace(
                doc,
                ingress=tuple(ingress(meeting, state, settings, listed=True)),
                attendance_list=tuple(attendance_list(meeting, state, settings, listed=True)),
            )
            steps += [listed, replace(listed, tight=True)]
    return next((step for step in steps if page_one.fits(step)), steps[-1])


def secrecy_notes(paragraphs: tuple[ParagraphDoc, ...], public: bool) -> tuple[str, ...]:
    """The personal-data notice of a public version; the secrecy notice of an original in
    which any of `paragraphs` is secret."""
    if public:
        return (PUBLIC_NOTICE,)
    return (ORIGINAL_NOTICE,) if any(p.secrecy for p in paragraphs) else ()


def extract_end(minutes: Minutes, para: ParagraphDoc) -> list[Block]:
    """What follows the § in an extract: how it was justered and 'Beslutet skickas till'."""
    state = minutes.state
    out: list[Block] = []
    if para.immediate and para.justified:
        out.append(b.text("Paragrafen är omedelbart justerad."))
    elif state.justered_on:
        out.append(b.text(f"Protokollet justerades {state.justered_on}."))
    if para.dispatch:
        out.append(b.text("Beslutet skickas till: " + ", ".join(para.dispatch)))
    return out


def build_extract(
    minutes: Minutes, para: ParagraphDoc, settings: ProtokollSettings = DEFAULT
) -> Document:
    """The protokollsutdrag of one § (already built): the page header, the place and time,
    the § exactly as in the minutes, 'Beslutet skickas till', the Utdragsbestyrkande."""
    meeting, state = minutes.meeting, minutes.state
    blocks = list(para.blocks)
    if para.dispatch and (b.heading("Expedieras till") in blocks):
        at = blocks.index(b.heading("Expedieras till"))
        del blocks[at : at + 2]  # said once, as "Beslutet skickas till"
    shown = ParagraphDoc(**{**para.__dict__, "blocks": tuple(blocks)})
    return Document(
        kind=EXTRACT_KIND,
        organ=meeting.body,
        date=meeting.date.isoformat(),
        title=f"Protokollsutdrag {meeting.body} {meeting.date.isoformat()} {para.label}",
        draft=not para.justified,
        public=minutes.public,
        address=settings.address,
        logo=settings.logo,
        ingress=(Field("Plats och tid", (place_and_time(meeting, state),)),),
        signatures=(),
        notice=None,
        toc=(),
        paragraphs=(shown,),
        closing=tuple(extract_end(minutes, para)),
        certification=Signature(CERTIFIED, meeting.secretary, "sekreterare"),
        notes=secrecy_notes((shown,), minutes.public),
        footer=("Utdragsbestyrkande",),
        layout=settings.layout,
    )
