"""Parse a published föredragningslista (agenda) into a meeting skeleton: the driver.

The head (`agenda_header`: body, date, start, place) runs until the first numbered item;
the items and what stands under them are read by `agenda_items`. Section headings
(BESLUTSÄRENDEN, REMISSER, ANMÄLNINGSÄRENDEN …) become each item's `category`. Every
piece of the input that is not in the skeleton's text is reported in `dropped`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from namndtui.importing.agenda_header import Header, header_line, is_header_line, parse_date
from namndtui.importing.agenda_items import ITEM, Draft, ItemReader
from namndtui.importing.ids import slugify, unique_id
from namndtui.importing.osl import UNKNOWN_GROUND
from namndtui.importing.reflow import clean_line
from namndtui.importing.report_lines import Dropped
from namndtui.model import FORMAT_MEETING, Item
from namndtui.vocabulary import IMMEDIATE_POINT

_PAGE = re.compile(r"^(?:sida\s*)?\d+\s*(?:\(\s*\d+\s*\)|av\s*\d+)?$", re.IGNORECASE)
_KNOWN_CATEGORIES = re.compile(
    r"^(?:inledande ärenden|inledning|beslutsärenden|beslutsärende|remisser|remissärenden|"
    r"anmälningsärenden|anmälningar|informationsärenden|information|valärenden|val|motioner|"
    r"skrivelser|medborgarförslag|övriga frågor|övriga ärenden|ärenden för kännedom|"
    r"rapporter|delegationsbeslut|anmälan av delegationsbeslut|yttranden|personalärenden|"
    r"interpellationer|frågor|enkla frågor|bordlagda ärenden|återremitterade ärenden|"
    r"sekretessärenden|ärenden som omfattas av sekretess|individärenden|"
    r"nya motioner|nya medborgarförslag|valärenden och avsägelser)\s*:?$",
    re.IGNORECASE,
)
_SECRET_CATEGORY = re.compile(r"sekretess|individärende", re.IGNORECASE)


@dataclass
class AgendaParse:
    """What `parse_agenda` found; `body`/`date` may be missing (see `missing`)."""

    body: str = ""
    date: dt.date | None = None
    start: dt.time | None = None
    place: str = ""
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        return [key for key in ("body", "date") if not getattr(self, key)]


def _category(text: str) -> str | None:
    bare = text.rstrip(":").strip()
    if _KNOWN_CATEGORIES.match(text) or (
        bare.isupper() and 4 <= len(bare) <= 40 and sum(ch.isalpha() for ch in bare) >= 4
    ):
        return bare[:1].upper() + bare[1:].lower()
    return None


def parse_agenda(text: str) -> AgendaParse:
    """Parse the text of a föredragningslista; never raises on any string."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u00ad", "")
    header = Header()
    reader = ItemReader()
    for n, raw in enumerate(text.split("\n"), start=1):
        line = clean_line(raw)
        if not line:
            reader.blank()
        elif _PAGE.match(line):
            reader.drop(n, line, "sidnummer")
        else:
            _line(header, reader, n, line)
    return _result(header, reader)


def _line(header: Header, reader: ItemReader, n: int, line: str) -> None:
    """One non-blank line: the head, a category heading, an item, or text under an item."""
    if not reader.drafts and (is_header_line(line) or header.pending):
        header_line(header, line)
        reader.drop(n, line, "sammanträdets huvud")
        return
    m = ITEM.match(line)
    cat = _category(line)
    if cat is not None and m is None:
        reader.category = cat
        reader.drop(n, line, "rubrik")
        if reader.drafts:
            reader.drafts[-1].mode = "closed"
        return
    if m and reader.starts_item(m) and (reader.drafts or parse_date(line) is None):
        reader.new_item(n, m)
    elif not reader.drafts:
        header_line(header, line)
        reader.drop(n, line, "sammanträdets huvud")
    else:
        reader.line(n, line)


def _result(header: Header, reader: ItemReader) -> AgendaParse:
    result = AgendaParse(header.body, header.date, header.start, header.place)
    result.dropped = reader.dropped
    taken: set[str] = set()
    suffixes: dict[str, int] = {}
    for draft in reader.drafts:
        item = _item(draft, taken, suffixes, result.warnings)
        taken.add(item.id)
        result.items.append(item)
    if not result.items:
        result.warnings.append('hittade inga numrerade ärenden (t.ex. "1. Val av justerare")')
    return result


def _item(draft: Draft, taken: set[str], suffixes: dict[str, int], warnings: list[str]) -> Item:
    title = draft.title_text
    secrecy = draft.secrecy
    if not secrecy and _SECRET_CATEGORY.search(draft.category):
        secrecy = UNKNOWN_GROUND
    if secrecy == UNKNOWN_GROUND:
        warnings.append(
            f"ärende {draft.number}{draft.suffix} ({title[:40]}) omfattas av sekretess men "
            'lagrummet står inte i listan; fyll i secrecy (t.ex. "OSL 26 kap. 1 §")'
        )
    decision = draft.decision
    immediate = draft.immediate or any(IMMEDIATE_POINT.search(p) for p in decision)
    return Item(
        id=unique_id(slugify(title), taken, suffixes),
        title=title,
        dnr=draft.dnr,
        officer=draft.officer,
        summary=draft.summary_text,
        proposed_decision=tuple(decision),
        immediate_justification=immediate,
        attachments=tuple(draft.attachments),
        category=draft.category,
        secrecy=secrecy,
    )


def agenda_to_toml(agenda: AgendaParse) -> str:
    """The meeting skeleton as meeting.toml text.

    A missing body or date is not invented: its key is written as a comment saying what
    to fill in, so the file does not validate until someone has.
    """
    import tomli_w

    from namndtui.importing.toml_out import items_toml
    from namndtui.meetingwrite import item_to_toml_dict

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
