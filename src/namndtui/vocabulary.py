"""One vocabulary: the words the record stores and the Swedish phrases shown for them.

Each kind of word is a `StrEnum` whose values are the strings the journal, protokoll.toml
and meeting.toml already hold (a member equals its string: `MotionKind.AVSLAG ==
"avslag"`), so no format changes; the Swedish phrase of each word is in one table beside
it (the tables are keyed by plain strings, so a value read from a file finds its phrase).
The record, the minutes, the TUI and the search read these instead of repeating the bare
strings.
"""

from __future__ import annotations

import re
from enum import StrEnum


class MotionKind(StrEnum):
    """The kind of a yrkande (FORMAT.md)."""

    BIFALL = "bifall"
    AVSLAG = "avslag"
    ATERREMISS = "återremiss"
    BORDLAGGNING = "bordläggning"
    ANDRING = "ändring"
    TILLAGG = "tillägg"
    EGET = "eget"


# The phrase of each motion kind in the minutes and the TUI.
MOTION_PHRASES: dict[str, str] = {
    MotionKind.BIFALL.value: "bifall",
    MotionKind.AVSLAG.value: "avslag",
    MotionKind.ATERREMISS.value: "återremiss",
    MotionKind.BORDLAGGNING.value: "bordläggning",
    MotionKind.ANDRING.value: "ändringsyrkande",
    MotionKind.TILLAGG.value: "tilläggsyrkande",
    MotionKind.EGET.value: "eget förslag",
}

# Formal motions: put before the main question (återremiss, bordläggning).
FORMAL_KINDS: tuple[str, ...] = (MotionKind.ATERREMISS.value, MotionKind.BORDLAGGNING.value)


class VoteAnswer(StrEnum):
    """A member's answer in a votering."""

    JA = "ja"
    NEJ = "nej"
    AVSTAR = "avstår"


VOTE_ANSWERS: tuple[str, ...] = tuple(a.value for a in VoteAnswer)


class ParagraphStatus(StrEnum):
    """Where an item stands (the agenda's status mark)."""

    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    DECIDED = "decided"
    TABLED = "tabled"
    REFERRED_BACK = "referred_back"


# The Swedish name of each status (the agenda, the item pane, the minutes' interim view).
STATUS_PHRASES: dict[str, str] = {
    ParagraphStatus.PENDING.value: "ej behandlat",
    ParagraphStatus.IN_PROGRESS.value: "pågår",
    ParagraphStatus.DECIDED.value: "beslutat",
    ParagraphStatus.TABLED.value: "bordlagt",
    ParagraphStatus.REFERRED_BACK.value: "återremitterat",
}


class AttendanceChange(StrEnum):
    """A change of attendance during the meeting (the minutes' närvaro per §)."""

    ARRIVED = "arrived"
    LEFT = "left"
    SERVES = "serves"
    STOPS = "stops"


ATTENDANCE_CHANGES: tuple[str, ...] = tuple(c.value for c in AttendanceChange)


# --- a motion's own text as the minutes' formula continues it -----------------------------

_LEADING_ATT = re.compile(r"att\s+", re.IGNORECASE)
_BODY_DECIDES = re.compile(
    r"[\w-]*(?:nämnden|styrelsen|fullmäktige|utskottet)\s+beslutar\s+att\s+", re.IGNORECASE
)


def decision_clause(text: str) -> str:
    """The motion's text without a lead the formula already says: "att …" and
    "(stads)nämnden beslutar att …" ("… yrkar att nämnden beslutar att <clause>"), so a
    secretary who types the whole att-clause does not get "beslutar att nämnden beslutar
    att" in the minutes."""
    text = text.strip()
    for lead in (_LEADING_ATT, _BODY_DECIDES, _LEADING_ATT):
        match = lead.match(text)
        if match and text[match.end() :].strip():
            text = text[match.end() :].strip()
    return text


def continues(text: str) -> bool:
    """Text that continues the sentence ("för att …", "till nästa sammanträde") rather than
    being a sentence of its own: it starts with a small letter."""
    return text.strip()[:1].islower()


def end_sentence(text: str) -> str:
    """The text as a sentence: a full stop unless it already ends in . ! ? or :."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else text + "."


# Said by the app (ctrl+o) and `import-text --append` once a meeting has begun
# (record.journal.has_begun).
AGENDA_FIXED = (
    "Ärenden kan bara läggas till innan något har registrerats; föredragningslistan ligger "
    "fast när sammanträdet har börjat (ändra meeting.toml före mötet)."
)


# A decision point that itself says the § is justified at once ("Stadsdelsnämnden justerar
# paragrafen omedelbart.", "Beslutet justeras omedelbart.", "… förklarar beslutet omedelbart
# justerat") – but not "justeras inte omedelbart". The importer reads it as the item's
# omedelbar justering; the minutes then do not add "Paragrafen justeras omedelbart." again.
IMMEDIATE_POINT = re.compile(
    r"omedelbar(?:t)?\s+juster|förklara[rs]?\s+\w*\s*omedelbart\s+justera"
    r"|juster\w*\s+(?:(?!inte\b|ej\b)\w+\s+){0,2}omedelbart",
    re.IGNORECASE,
)
