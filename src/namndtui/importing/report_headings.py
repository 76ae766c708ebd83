"""Phase 2 of reading a report: which lines are headings, and of which section.

Known headings (Förslag till beslut, Sammanfattning, Bakgrund …) are found by their
words; unknown ones by their form (a short line set apart, numbered in a numbered
document). A numbered sub-heading ("4.1 Öppettider" under "4. …") stays in its section.
"""

from __future__ import annotations

import re

from namndtui.importing.reflow import clean_line
from namndtui.importing.report_lines import (
    ATTACHMENTS,
    INTRO,
    LIST_HEADINGS,
    NUMBER_PREFIX,
    POINT_START,
    POINT_START_BARE,
    PROPOSED_DECISION,
    SENTENCE_END,
    Found,
    Line,
    heading_number,
)

# Normalised heading text (lower case, no number, no colon) -> section key.
_FIXED_HEADINGS: dict[str, str] = {
    "förslag till beslut": PROPOSED_DECISION,
    "förvaltningens förslag till beslut": PROPOSED_DECISION,
    "förslag till beslut i nämnden": PROPOSED_DECISION,
    "beslutsförslag": PROPOSED_DECISION,
    "sammanfattning": "summary",
    "sammanfattning av ärendet": "summary",
    "ärendet i korthet": "summary",
    "bakgrund": "background",
    "beskrivning av ärendet": "background",
    "ärendebeskrivning": "background",
    "ärendet": "background",
    "ärendets beredning": "preparation",
    "beredning": "preparation",
    "bilaga": ATTACHMENTS,
    "bilagor": ATTACHMENTS,
}
# "Förvaltningens förslag", "Stadsledningskontorets synpunkter", "Socialförvaltningens bedömning" …
_PROPOSAL_HEADING = re.compile(
    r"^\w*(?:förvaltningens|kontorets|nämndens)\s+"
    r"(?:förslag|synpunkter|synpunkter och förslag|förslag och synpunkter|bedömning|"
    r"bedömning och förslag|överväganden|yttrande|analys)$"
)
# "Kommunstyrelsens förslag till beslut", "Socialförvaltningens förslag till beslut".
_DECISION_HEADING = re.compile(r"^[\w-]+s förslag till beslut(?: i [\w-]+)?$")
# Headings that are not one of the fixed sections; kept as extra sections.
_EXTRA_HEADINGS = re.compile(
    r"^(?:ekonomiska konsekvenser|ekonomi|ekonomisk redovisning|finansiering|kostnader|"
    r"konsekvenser(?: för [\w ]+)?|\w*konsekvenser|barnkonsekvensanalys|barnperspektiv(?:et)?|"
    r"barnrättsperspektiv(?:et)?|jämställdhet(?:sanalys|sperspektiv)?|miljöperspektiv(?:et)?|"
    r"samverkan|facklig samverkan|mbl|risker|riskanalys|riskbedömning|uppföljning|tidplan|"
    r"beslutsunderlag|remissvar|remissinstanser|yttrande|analys|överväganden|slutsats(?:er)?|"
    r"måluppfyllelse|genomförande|juridiska förutsättningar|lagstiftning|ärendets handläggning|"
    r"beslutet skickas till|beslutet ska skickas till|expediering|expedieras till|utredning|nuläge|"
    r"övrigt|åtgärder|förslag|motivering)$"
)
# Words a heading never ends with: the line is the start of a sentence.
_OPEN_WORDS = frozenset(
    [
        "att",
        "och",
        "eller",
        "som",
        "för",
        "i",
        "på",
        "med",
        "till",
        "av",
        "om",
        "den",
        "det",
        "en",
        "ett",
        "de",
        "från",
        "under",
        "vid",
        "är",
        "har",
        "kan",
        "ska",
        "samt",
    ]
)


def _normalise_heading(text: str) -> tuple[str, bool]:
    """Lower-cased heading text without a leading number and trailing colon."""
    numbered = False
    m = NUMBER_PREFIX.match(text)
    if m:
        text = text[m.end() :]
        numbered = True
    text = text.rstrip().rstrip(":").strip()
    return clean_line(text).lower(), numbered


def known_heading(text: str) -> tuple[str, str, str, bool] | None:
    """(key, title, rest, numbered) when `text` is a known heading line, else None.

    `key` is "" for a known extra heading. "Bakgrund: text …" gives rest = "text …".
    """
    head, sep, rest = text.partition(":")
    candidates = [(text, "")]
    if sep and rest.strip():
        candidates.append((head, rest.strip()))
    for cand, rest_text in candidates:
        norm, numbered = _normalise_heading(cand)
        if not norm or len(norm) > 60:
            continue
        key = _FIXED_HEADINGS.get(norm)
        if key is None and _PROPOSAL_HEADING.match(norm):
            key = "proposal"
        if key is None and _DECISION_HEADING.match(norm):
            key = PROPOSED_DECISION
        if key is not None:
            if key == ATTACHMENTS and rest_text:
                return None  # "Bilaga: X" is an attachment line, not a heading
            return key, heading_title(cand), rest_text, numbered
        if not rest_text and _EXTRA_HEADINGS.match(norm):
            return "", heading_title(cand), "", numbered
    return None


def heading_title(text: str) -> str:
    """The heading as it should be shown: no number, no colon, upper case softened."""
    m = NUMBER_PREFIX.match(text)
    if m:
        text = text[m.end() :]
    text = clean_line(text.rstrip().rstrip(":"))
    if text.isupper():
        text = text[:1] + text[1:].lower()
    return text


def _next_line(lines: list[Line], i: int, skip: tuple[str, ...]) -> Line | None:
    """The first line after line i whose kind is not in `skip` (no copy of the list)."""
    for k in range(i + 1, len(lines)):
        if lines[k].kind not in skip:
            return lines[k]
    return None


def _looks_like_heading(lines: list[Line], i: int, numbered_doc: bool) -> str | None:
    """A title for an unknown heading at line i (short line set apart), else None."""
    text = lines[i].text
    prev_ok = i == 0 or lines[i - 1].kind in ("blank", "page", "heading")
    if not prev_ok:
        return None
    nxt = _next_line(lines, i, ("blank",))
    if nxt is None or nxt.kind != "text" or i + 1 >= len(lines):
        return None
    direct = lines[i + 1].kind == "text"
    m = NUMBER_PREFIX.match(text)
    if m:
        if not numbered_doc:
            return None
        body = text[m.end() :]
    else:
        if not direct:
            return None  # an unnumbered heading sits right on its text
        body = text
    if body.endswith(":") and (POINT_START.match(nxt.text) or POINT_START_BARE.match(nxt.text)):
        return None  # "I social resursnämnden:" introduces the points
    body = body.rstrip(":").strip()
    words = body.split()
    if not body or len(body) > 60 or len(words) > 6:
        return None
    if not body[0].isalpha() or not body[0].isupper():
        return None
    if body.endswith(SENTENCE_END + (",", "-", "–")) or any(ch.isdigit() for ch in body):
        return None
    if words[-1].lower() in _OPEN_WORDS or INTRO.search(body):
        return None
    first_next = nxt.text[:1]
    if first_next.isalpha() and first_next.islower():
        return None  # the line is the start of a sentence that goes on
    return heading_title(text)


def mark_known_headings(lines: list[Line]) -> None:
    """Mark every text line that is a known heading (or "Heading: text")."""
    for ln in lines:
        if ln.kind != "text":
            continue
        found = known_heading(ln.text)
        if found is not None:
            ln.kind = "heading"
            ln.key, ln.title, ln.rest, _numbered = found


def mark_unknown_headings(found: Found, lines: list[Line], first: int, numbered_doc: bool) -> None:
    """After the first known heading: unknown headings, and sub-headings kept in their section."""
    current = lines[first].key
    number = heading_number(lines[first].text)  # "4" for "4. Förvaltningens …"
    in_list = False  # under "Beslutet skickas till", "Beslutsunderlag" …
    for i in range(first + 1, len(lines)):
        ln = lines[i]
        if ln.kind == "heading":
            if not ln.key and _subheading(found, ln, number, current, in_list):
                continue
            current = ln.key
            number = heading_number(ln.text)
            in_list = not current and bool(LIST_HEADINGS.match(ln.title))
        elif ln.kind == "text":
            title = _unknown_heading(lines, i, numbered_doc, current, in_list)
            if title:
                ln.kind, ln.key, ln.title = "heading", "", title
                if _subheading(found, ln, number, current, in_list):
                    continue
                current, in_list = "", bool(LIST_HEADINGS.match(title))
                number = heading_number(ln.text)


def _unknown_heading(
    lines: list[Line], i: int, numbered_doc: bool, current: str, in_list: bool
) -> str | None:
    """The title of an unknown heading at line i, in the section `current`, else None."""
    title = _looks_like_heading(lines, i, numbered_doc)
    if title and in_list and lines[i - 1].kind == "heading":
        return None  # "Beslutet skickas till" + "Malmö FF": the first entry
    if title and (current in (PROPOSED_DECISION, ATTACHMENTS) or in_list):
        # Names and titles under the decision look like headings; a real
        # heading there is followed by a full line of text.
        following = _next_line(lines, i, ("blank", "page", "furniture", "heading", "subheading"))
        if (
            following is None
            or len(following.text) <= 50
            or POINT_START.match(following.text)
            or POINT_START_BARE.match(following.text)
        ):
            return None
    return title


def _subheading(found: Found, ln: Line, number: str, current: str, in_list: bool) -> bool:
    """Make a numbered sub-heading ("4.1 Öppettider" under "4. …") part of its section.

    It stays in the section's text as a paragraph of its own, without its number.
    Not under the decision or a list, whose lines are points and entries.
    """
    own = heading_number(ln.text)
    if (
        not number
        or not own.startswith(number + ".")
        or current in (PROPOSED_DECISION, ATTACHMENTS)
        or in_list
    ):
        return False
    m = NUMBER_PREFIX.match(ln.text)
    if m:
        found.drop(ln, "rubriknummer", m.group(0).strip())
    ln.kind, ln.key = "subheading", ""
    return True
