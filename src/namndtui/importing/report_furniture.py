"""Phase 3 of reading a report: page furniture, letterhead facts and marks.

Page numbers, running headers and footers, dates, the addressee, contact lines go (each
reported in `Found.dropped` with its reason). Letterhead facts are read on the way:
the Dnr, the officer (Handläggare, "Vår referens"), "Omedelbar justering", "Bilaga: X".
"""

from __future__ import annotations

import bisect
import re

from namndtui.importing.osl import UNKNOWN_GROUND, secrecy_ground
from namndtui.importing.report_lines import Found, Line, mid_sentence

_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_DATE = rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}} (?:{_MONTHS}) \d{{4}})"
_DATE_LINE = re.compile(rf"^(?:datum:?\s*|den\s+)?{_DATE}$", re.IGNORECASE)
# In the letterhead also "Stockholm 2007-10-02", "Utfärdat 2019-03-12", "Reviderad …".
_HEADER_DATE_LINE = re.compile(
    rf"^(?:datum:?\s*|[A-ZÅÄÖ][\w-]+(?: den)?,?\s+|den\s+)?{_DATE}(?:\s+reviderad.*)?$",
    re.IGNORECASE,
)
_PAGE_TAIL = re.compile(
    r"\s+(?:sida|sid\.?)\s*\d+(?:\s*\(\s*\d+\s*\)|\s*(?:av|/)\s*\d+)?$", re.IGNORECASE
)
_DNR_LINE = re.compile(
    r"^(?:(?:tjänsteutlåtande|tjänsteskrivelse)\s+)?(?:vårt\s+)?"
    r"(?:dnr|diarienummer|diarienr|diarie-nr|dnr\.)\.?\s*:?\s*(?P<v>\S.*)$",
    re.IGNORECASE,
)
_OFFICER_LINE = re.compile(
    r"^(?:ansvarig\s+)?(?:handläggare/telefon|handläggare|kontaktperson)\b\.?\s*(?P<colon>:?)\s*(?P<v>.*)$",
    re.IGNORECASE,
)
# Letterhead reference labels (Malmö, Göteborg): "Vår referens" (the officer, often with
# name, title and e-mail on the lines below), "Vår beteckning: …", "Ärendenummer: …".
_REFERENCE_LINE = re.compile(
    r"^(?P<whose>(?:vår|vårt|er|ert)\s+)?(?P<label>referens|beteckning|ärendenummer|ärendenr)"
    r"\b\.?\s*:?\s*(?P<v>.*)$",
    re.IGNORECASE,
)
_CONTACT_LINE = re.compile(
    r"^(?:telefon|tfn|tel|mobil|e-post|epost|e-mail|mail|fax|telefax|vår referens|er referens|"
    r"referens|ert datum|vårt datum|besöksadress|postadress|växel)\b\.?\s*:?",
    re.IGNORECASE,
)
# Page footers with the office's address: "Box 15035, 167 15 Bromma. Besöksadress …",
# "www.stockholm.se", an e-mail address alone on its line.
_FOOTER_LINE = re.compile(
    r"^(?:box\s+\d+\b.*|(?:org(?:anisations)?\.?\s*nr|organisationsnummer)\b.*"
    r"|(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$",
    re.IGNORECASE,
)
_DOCTYPE_LINE = re.compile(
    r"^(?:tjänsteutlåtande|tjänsteskrivelse|tjänsteyttrande|promemoria|pm|utlåtande)"
    r"(?:\s+(?:\S+\s*){0,6})?$",
    re.IGNORECASE,
)
_ADDRESSEE_LINE = re.compile(r"^till(?:\s+(?:\S+\s*){1,6})?$", re.IGNORECASE)
_BODY_WORDS = re.compile(
    r"(?:nämnd|nämnden|styrelse|styrelsen|fullmäktige|utskott|utskottet|beredning|beredningen)$",
    re.IGNORECASE,
)
# Organisation lines in a letterhead: "Hässelby-Vällingby stadsdelsförvaltning", "Avdelningen för …".
_ORG_LINE = re.compile(
    r"^(?:(?:[\w-]+\s+){0,4}(?:\w*förvaltning(?:en)?|\w*kontoret|\w*kontor|stad|kommun|region\w*|"
    r"\w*enheten|\w*avdelningen|staben|\w*nämnd(?:en)?|kommunstyrelsen)"
    r"|(?:avdelningen|avd\.|enheten|sektionen|staben)\b.*)$",
    re.IGNORECASE,
)
_IMMEDIATE_MARK = re.compile(r"^[(\[]?\s*omedelbar(?:t)? justering\s*[)\]]?\.?$", re.IGNORECASE)
_OFFICE_TAIL = re.compile(r"/.*(?:förvaltning|kontor).*$", re.IGNORECASE)
_ATTACHMENT_LINE = re.compile(
    r"^bilag(?:a|or)(?:\s+\d{1,2})?\s*[:.–-]\s*(?P<v>\S.*)$", re.IGNORECASE
)


def repeated_lines(lines: list[Line], first_heading: int) -> set[str]:
    """Running headers/footers: text lines that repeat and sit in the letterhead or at page edges.

    "At a page edge" counts text lines, not blank ones: at most two text lines between the
    line and a page mark, so a wrapped line of running text that happens to recur is not
    taken for a header when a page's text starts or ends near it.
    """
    positions: dict[str, list[int]] = {}
    rank: list[int] = []  # the number of text lines before each line
    count = 0
    marks: list[int] = []  # the rank of each page mark
    for i, ln in enumerate(lines):
        rank.append(count)
        if ln.kind == "text":
            count += 1
            if len(ln.text) <= 80:
                positions.setdefault(ln.text, []).append(i)
        elif ln.kind == "page":
            marks.append(count)

    def near_page(i: int) -> bool:  # the nearest page marks on either side (marks are sorted)
        k = bisect.bisect_left(marks, rank[i])
        return any(abs(rank[i] - marks[j]) <= 2 for j in (k - 1, k) if 0 <= j < len(marks))

    # A running header is on most pages: a line that recurs on two pages of ten is text.
    enough = max(2, (len(marks) + 1) // 2)
    repeated = set()
    for text, where in positions.items():
        if len(where) < 2:
            continue
        # A sentence (it ends with a full stop) that happens to recur near page breaks is
        # text, not a running header.
        sentence = text.endswith(".") and len(text.split()) > 3
        at_edges = len(where) >= enough and all(near_page(i) for i in where)
        if where[0] < first_heading or (not sentence and at_edges):
            repeated.add(text)
    return repeated


def take_furniture(
    found: Found, lines: list[Line], i: int, header: bool, repeated: set[str]
) -> bool:
    """Handle line i if it is furniture or a marker; True when it was consumed."""
    ln = lines[i]
    if ln.kind == "page":
        found.drop(ln, "sidnummer")
        return True
    if ln.kind != "text":
        return False
    text = ln.text
    m = _DNR_LINE.match(text)
    if m and len(text) <= 80:
        value = _PAGE_TAIL.sub("", m.group("v")).strip()
        if not found.dnr and value:
            found.dnr = f"Dnr {value}"
        found.discard(ln, "dnr")
        return True
    m = _OFFICER_LINE.match(text)
    if m and len(text) <= 100 and (header or m.group("colon")):
        _officer(found, lines, i, m.group("v"))
        return True
    m = _REFERENCE_LINE.match(text) if header and len(text) <= 80 else None
    if m:
        _reference(found, lines, i, m)
        return True
    return _marker(found, lines, i) or _plain_furniture(found, ln, header, repeated)


def _officer(found: Found, lines: list[Line], i: int, value: str) -> None:
    """A Handläggare line: the name after the label, or on the next line."""
    value = re.split(r",?\s+(?:tel(?:efon)?|tfn|e-post)\b|,\s*\+?\d", value, flags=re.I)[0]
    value = _PAGE_TAIL.sub("", value).strip(" ,")
    value = _OFFICE_TAIL.sub("", value).strip()
    if not value:
        # "Handläggare" alone: the name is on the next line
        for nxt in lines[i + 1 : i + 3]:
            if nxt.kind == "text":
                value = _OFFICE_TAIL.sub("", nxt.text).strip()
                found.discard(nxt, "handläggare")
                break
    if not found.officer and value:
        found.officer = value
    found.discard(lines[i], "handläggare")


def _marker(found: Found, lines: list[Line], i: int) -> bool:
    """Omedelbar justering, secrecy ("Sekretess enligt OSL 26 kap. 1 §") and "Bilaga: X" lines."""
    ln = lines[i]
    ground = secrecy_ground(ln.text)
    if ground is not None and not mid_sentence(lines, i):
        if found.secrecy in ("", UNKNOWN_GROUND):  # a named ground wins over a bare mark
            found.secrecy = ground
        found.discard(ln, "sekretess")
        return True
    if _IMMEDIATE_MARK.match(ln.text):
        found.immediate = True
        found.discard(ln, "omedelbar justering")
        return True
    m = _ATTACHMENT_LINE.match(ln.text)
    if m and not mid_sentence(lines, i):
        found.attachments.append((ln.n, m.group("v").strip()))
        found.discard(ln, "bilaga", ln.text[: m.start("v")])
        return True
    return False


def _plain_furniture(found: Found, ln: Line, header: bool, repeated: set[str]) -> bool:
    """Contact lines, footers, dates, running headers, the letterhead's own lines."""
    text = ln.text
    reason = ""
    if _CONTACT_LINE.match(text) and len(text) <= 80:
        reason = "kontaktuppgift"
    elif _FOOTER_LINE.match(text) and len(text) <= 100:
        reason = "sidfot"
    elif _DATE_LINE.match(text) or (header and _HEADER_DATE_LINE.match(text)):
        reason = "datum"
    elif text in repeated:
        reason = "sidhuvud"
    elif header:
        reason = _letterhead_reason(text)
    if reason:
        found.discard(ln, reason)
        return True
    return False


def _letterhead_reason(text: str) -> str:
    """Why a line before the first heading is letterhead, or "" when it is not."""
    if _DOCTYPE_LINE.match(text):
        return "dokumenttyp"
    if _ADDRESSEE_LINE.match(text) and (_BODY_WORDS.search(text) or len(text.split()) <= 3):
        return "mottagare"
    if len(text.split()) <= 8 and _ORG_LINE.match(text) and not text.endswith("."):
        return "sidhuvud"
    return ""


def _reference(found: Found, lines: list[Line], i: int, m: re.Match[str]) -> None:
    """A letterhead reference label: the officer or the diary number, never the title."""
    ln = lines[i]
    own = not (m.group("whose") or "").lower().startswith("er")
    value = m.group("v").strip()
    if m.group("label").lower() != "referens":  # beteckning, ärendenummer: a Dnr
        if own and value and not found.dnr:
            found.dnr = f"Dnr {value}"
        found.discard(ln, "dnr")
        return
    found.discard(ln, "referens")
    if value:
        if own and not found.officer and not any(ch.isdigit() for ch in value):
            found.officer = value
        return
    # "Vår referens" alone: name, title and e-mail on the lines below, up to a blank.
    labelled = (_DNR_LINE, _OFFICER_LINE, _CONTACT_LINE, _REFERENCE_LINE, _HEADER_DATE_LINE)
    for j, nxt in enumerate(lines[i + 1 : i + 5]):
        if nxt.kind != "text" or any(rx.match(nxt.text) for rx in labelled):
            break  # a line with its own label ("Handläggare: …", "Dnr …") is read as such
        if j == 0 and own and not found.officer:
            found.officer = nxt.text
        found.discard(nxt, "referens")
