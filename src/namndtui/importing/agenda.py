"""Parse a published föredragningslista (agenda) into a meeting skeleton.

Recognised: a header with the body's name, the date ("Sammanträde 2007-10-23 kl. 19.00",
"tisdagen den 23 oktober 2007"), the start time and "Plats:"; numbered items "1. Title"
(or "§ 1 Title"), their Dnr and Handläggare/Föredragande lines, "Omedelbar justering"
marks, and section headings (BESLUTSÄRENDEN, REMISSER, ANMÄLNINGSÄRENDEN …) that become
each item's `category`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from namndtui.importing.ids import slugify, unique_id
from namndtui.importing.reflow import clean_line, join_lines
from namndtui.model import FORMAT_MEETING, Item

_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LONG_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
_TIME = re.compile(r"\bkl(?:ockan)?\.?\s*(\d{1,2})[.:](\d{2})\b", re.IGNORECASE)
_PLACE = re.compile(r"^(?:plats|lokal|sammanträdeslokal)\s*:?\s+(?P<v>\S.*)$", re.IGNORECASE)
_BODY = re.compile(
    r"^(?:(?:kallelse(?: och föredragningslista)?|föredragningslista|dagordning)"
    r"(?:\s+(?:till|för|vid))?(?:\s+sammanträde)?(?:\s+(?:med|i|för))?\s+)?"
    r"(?P<v>(?:[\w-]+\s+){0,4}[\w-]*(?:nämnd|nämnden|styrelse|styrelsen|fullmäktige|utskott|utskottet))"
    r"(?:\s.*)?$",
    re.IGNORECASE,
)
_ITEM = re.compile(r"^(?:§\s*)?(?P<n>\d{1,3})\s*[.)]?\s+(?P<t>[^\W\d_].*)$")
_DNR = re.compile(r"^(?:dnr|diarienummer|diarienr)\.?\s*:?\s*(?P<v>\S.*)$", re.IGNORECASE)
_DNR_TAIL = re.compile(r"\s+(?:dnr|diarienummer)\.?\s*:?\s*(?P<v>\S.*)$", re.IGNORECASE)
_OFFICER = re.compile(
    r"^(?:handläggare|föredragande|kontaktperson)\s*:?\s+(?P<v>\S.*)$", re.IGNORECASE
)
_IMMEDIATE = re.compile(r"\s*[(\[]?\s*omedelbar(?:t)? justering\s*[)\]]?\.?\s*$", re.IGNORECASE)
_PAGE = re.compile(r"^(?:sida\s*)?\d+\s*(?:\(\s*\d+\s*\)|av\s*\d+)?$", re.IGNORECASE)
_HEADER_WORDS = re.compile(
    r"^(?:kallelse|föredragningslista|dagordning|sammanträde|sammanträdesdatum|datum|tid|"
    r"plats|lokal|sammanträdeslokal)\b",
    re.IGNORECASE,
)
_KNOWN_CATEGORIES = re.compile(
    r"^(?:inledande ärenden|inledning|beslutsärenden|beslutsärende|remisser|remissärenden|"
    r"anmälningsärenden|anmälningar|informationsärenden|information|valärenden|val|motioner|"
    r"skrivelser|medborgarförslag|övriga frågor|övriga ärenden|ärenden för kännedom|"
    r"rapporter|delegationsbeslut|anmälan av delegationsbeslut|yttranden|personalärenden)\s*:?$",
    re.IGNORECASE,
)


@dataclass
class AgendaParse:
    """What `parse_agenda` found; `body`/`date` may be missing (see `missing`)."""

    body: str = ""
    date: dt.date | None = None
    start: dt.time | None = None
    place: str = ""
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        return [key for key in ("body", "date") if not getattr(self, key)]


def _date(text: str) -> dt.date | None:
    m = _ISO_DATE.search(text)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = _LONG_DATE.search(text)
        if m:
            return dt.date(int(m[3]), _MONTHS.index(m[2].lower()) + 1, int(m[1]))
    except ValueError:
        return None
    return None


def _body_name(text: str) -> str:
    if text.isupper():
        # "HÄSSELBY-VÄLLINGBY STADSDELSNÄMND" → "Hässelby-Vällingby stadsdelsnämnd"
        words = text.lower().split()
        text = " ".join(
            w if i == len(words) - 1 else "-".join(p.capitalize() for p in w.split("-"))
            for i, w in enumerate(words)
        )
    return text


def _category(text: str) -> str | None:
    bare = text.rstrip(":").strip()
    if _KNOWN_CATEGORIES.match(text) or (
        bare.isupper() and 4 <= len(bare) <= 40 and sum(ch.isalpha() for ch in bare) >= 4
    ):
        return bare[:1].upper() + bare[1:].lower()
    return None


@dataclass
class _Draft:
    number: int
    title: list[str]
    category: str
    dnr: str = ""
    officer: str = ""
    immediate: bool = False
    title_open: bool = True


def parse_agenda(text: str) -> AgendaParse:
    """Parse the text of a föredragningslista; never raises on any string."""
    result = AgendaParse()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    drafts: list[_Draft] = []
    category = ""
    for raw in text.split("\n"):
        line = clean_line(raw)
        if not line:
            if drafts:
                drafts[-1].title_open = False
            continue
        if _PAGE.match(line):
            continue
        if not drafts and (_HEADER_WORDS.match(line) or _BODY.match(line) or _date(line)):
            _header_line(result, line)
            continue
        cat = _category(line)
        if cat is not None and not _ITEM.match(line):
            category = cat
            if drafts:
                drafts[-1].title_open = False
            continue
        m = _ITEM.match(line)
        if m and (drafts or _date(line) is None):
            title = m["t"]
            draft = _Draft(int(m["n"]), [], category)
            # The mark first: "…, Dnr BUN 2009/501 [Omedelbar justering]" is not part of the Dnr.
            if _IMMEDIATE.search(title):
                draft.immediate = True
                title = _IMMEDIATE.sub("", title)
            tail = _DNR_TAIL.search(title)
            if tail:
                draft.dnr = f"Dnr {tail['v'].strip()}"
                title = title[: tail.start()]
            draft.title.append(title)
            drafts.append(draft)
            continue
        if not drafts:
            _header_line(result, line)
            continue
        draft = drafts[-1]
        if _IMMEDIATE.fullmatch(line) or _IMMEDIATE.fullmatch(f" {line}"):
            draft.immediate = True
            draft.title_open = False
        elif m := _DNR.match(line):
            value = m["v"]
            if _IMMEDIATE.search(value):  # "Dnr 503-412-07 (Omedelbar justering)"
                draft.immediate = True
                value = _IMMEDIATE.sub("", value)
            if value.strip():
                draft.dnr = draft.dnr or f"Dnr {value.strip()}"
            draft.title_open = False
        elif m := _OFFICER.match(line):
            draft.officer = draft.officer or m["v"].strip()
            draft.title_open = False
        elif draft.title_open:
            if _IMMEDIATE.search(line):
                draft.immediate = True
                line = _IMMEDIATE.sub("", line)
            draft.title.append(line)
        # Anything else under an item (descriptions, "Bilaga …") is not part of the skeleton.
    taken: set[str] = set()
    for draft in drafts:
        # "Lokalförsörjningsplan 2010–2015, Dnr …": the comma before the Dnr goes too.
        title = join_lines(draft.title).rstrip(" .,;")
        item_id = unique_id(slugify(title), taken)
        taken.add(item_id)
        result.items.append(
            Item(
                id=item_id,
                title=title,
                dnr=draft.dnr,
                officer=draft.officer,
                immediate_justification=draft.immediate,
                category=draft.category,
            )
        )
    if not result.items:
        result.warnings.append('hittade inga numrerade ärenden (t.ex. "1. Val av justerare")')
    return result


def _header_line(result: AgendaParse, line: str) -> None:
    m = _PLACE.match(line)
    if m:
        result.place = result.place or m["v"].strip()
        return
    if result.date is None and (d := _date(line)):
        result.date = d
    if result.start is None and (t := _TIME.search(line)):
        hour, minute = int(t[1]), int(t[2])
        if hour < 24 and minute < 60:
            result.start = dt.time(hour, minute)
    if not result.body and (b := _BODY.match(line)):
        result.body = _body_name(b["v"].strip())


def agenda_to_toml(agenda: AgendaParse) -> str:
    """The meeting skeleton as meeting.toml text.

    A missing body or date is not invented: its key is written as a comment saying what
    to fill in, so the file does not validate until someone has.
    """
    import tomli_w

    from namndtui.importing.toml_out import items_toml
    from namndtui.meetingfile import item_to_toml_dict

    head: dict[str, object] = {}
    if agenda.body:
        head["body"] = agenda.body
    if agenda.date:
        head["date"] = agenda.date
    if agenda.start:
        head["start"] = agenda.start
    if agenda.place:
        head["place"] = agenda.place
    data: dict[str, object] = {"format": FORMAT_MEETING, "meeting": head}
    text = tomli_w.dumps(data, multiline_strings=True)
    if agenda.items:
        # Written by hand as [[items]]: tomli_w would put short items in an inline array.
        text += "\n" + items_toml([item_to_toml_dict(item) for item in agenda.items])
    notes = {
        "body": '# FYLL I: body = "nämndens namn" (hittades inte i föredragningslistan)',
        "date": "# FYLL I: date = ÅÅÅÅ-MM-DD (sammanträdets datum; hittades inte)",
    }
    missing = [notes[key] for key in agenda.missing]
    if missing:
        text = text.replace("[meeting]\n", "[meeting]\n" + "\n".join(missing) + "\n", 1)
    header = "# Sammanträdesskelett från en föredragningslista (namndtui import-agenda).\n"
    header += "# Lägg till ledamöter ([[members]]) och ärendenas text innan sammanträdet.\n"
    return header + text
