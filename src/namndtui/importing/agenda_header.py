"""The head of a föredragningslista: body, date, start time and place.

Given on one line ("Sammanträde 2007-10-23 kl. 19.00", "Plats: Stadshuset") or as label
and value on separate lines, as web pages and two-column PDF headers print them:

    Datum            Klockan          Plats
    2012-06-12       19:00            Fritidsgården Tegelhögen

comes out of a PDF as "Datum" / "2012-06-12" / "Klockan" / "19:00" / "Plats" / "…"; a
label without a value ("Datum" directly followed by "Klockan") is passed over.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

MONTHS = [
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
_LONG_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
_TIME = re.compile(r"\b(?:kl(?:ockan)?\.?|tid:?)\s*(\d{1,2})[.:](\d{2})\b", re.IGNORECASE)
_BARE_TIME = re.compile(r"^(?:kl(?:ockan)?\.?\s*)?(\d{1,2})[.:](\d{2})\b", re.IGNORECASE)
_PLACE = re.compile(
    r"^(?:plats|lokal|sammanträdeslokal|mötesplats)\s*:?\s+(?P<v>\S.*)$", re.IGNORECASE
)
_BODY = re.compile(
    r"^(?:(?:kallelse(?: och föredragningslista)?|föredragningslista|dagordning)"
    r"(?:\s+(?:till|för|vid))?(?:\s+sammanträde)?(?:\s+(?:med|i|för))?\s+)?"
    r"(?P<v>(?:[\w-]+\s+){0,4}[\w-]*(?:nämnd|nämnden|styrelse|styrelsen|fullmäktige|utskott|utskottet))"
    r"(?:\s.*)?$",
    re.IGNORECASE,
)
HEADER_WORDS = re.compile(
    r"^(?:kallelse|föredragningslista|dagordning|sammanträde|sammanträdesdatum|datum|tid|"
    r"klockan|plats|lokal|sammanträdeslokal)\b",
    re.IGNORECASE,
)
# A label alone on its line; its value is on the next line.
_LABEL = re.compile(
    r"^(?P<l>datum|sammanträdesdatum|dag|tid|klockan|kl\.?|tidpunkt|plats|lokal|"
    r"sammanträdeslokal|mötesplats)\s*:?$",
    re.IGNORECASE,
)
_PLACE_LABELS = {"plats", "lokal", "sammanträdeslokal", "mötesplats"}


@dataclass
class Header:
    """What the head of the agenda said."""

    body: str = ""
    date: dt.date | None = None
    start: dt.time | None = None
    place: str = ""
    pending: str = ""  # a label whose value is on the next line
    lines: list[str] = field(default_factory=list)  # every header line, for `dropped`


def parse_date(text: str) -> dt.date | None:
    m = _ISO_DATE.search(text)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = _LONG_DATE.search(text)
        if m:
            return dt.date(int(m[3]), MONTHS.index(m[2].lower()) + 1, int(m[1]))
    except ValueError:
        return None
    return None


def _time(hour: str, minute: str) -> dt.time | None:
    h, mi = int(hour), int(minute)
    return dt.time(h, mi) if h < 24 and mi < 60 else None


def body_name(text: str) -> str:
    if text.isupper():
        # "HÄSSELBY-VÄLLINGBY STADSDELSNÄMND" → "Hässelby-Vällingby stadsdelsnämnd"
        words = text.lower().split()
        text = " ".join(
            w if i == len(words) - 1 else "-".join(p.capitalize() for p in w.split("-"))
            for i, w in enumerate(words)
        )
    return text[:1].upper() + text[1:]  # "KOMMUNFULLMÄKTIGE" → "Kommunfullmäktige"


def is_header_line(line: str) -> bool:
    """A line that belongs to the head even when it looks like nothing else."""
    return bool(HEADER_WORDS.match(line) or _BODY.match(line) or parse_date(line))


def header_line(header: Header, line: str) -> None:
    """Read one line of the head into `header`."""
    header.lines.append(line)
    label = _LABEL.match(line)
    if label:
        header.pending = label["l"].lower().rstrip(".")
        return
    pending, header.pending = header.pending, ""
    if pending:
        _labelled_value(header, pending, line)
        return
    m = _PLACE.match(line)
    if m:
        header.place = header.place or m["v"].strip()
        return
    if header.date is None:
        header.date = parse_date(line)
    if header.start is None and (t := _TIME.search(line)):
        header.start = _time(t[1], t[2])
    if not header.body and (b := _BODY.match(line)):
        header.body = body_name(b["v"].strip())


def _labelled_value(header: Header, label: str, value: str) -> None:
    if label in _PLACE_LABELS:
        header.place = header.place or value
        return
    if header.date is None:
        header.date = parse_date(value)
    if header.start is None:
        t = _BARE_TIME.match(value) or _TIME.search(value)
        if t:
            header.start = _time(t[1], t[2])
