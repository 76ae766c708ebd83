"""Parse the text of a tjänsteutlåtande (a report) into one `Item`.

The text usually comes from a PDF: hard line breaks, trailing spaces, page furniture.
Steps: classify every line (heading, page furniture, Dnr/Handläggare, marker, text),
take the title from the lines before the first heading, cut the rest into sections at
the headings, reflow each section (`reflow.py`), split the proposed decision into its
points. Whatever is removed is reported in `ReportParse.dropped`, so a test can check
that no word is lost except furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from namndtui.importing.ids import slugify
from namndtui.importing.reflow import clean_line, join_lines, paragraphs
from namndtui.model import SECTION_TITLES, Item, Section

# --- headings ---------------------------------------------------------------------------

PROPOSED_DECISION = "proposed_decision"
ATTACHMENTS = "attachments"

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
# Headings that are not one of the fixed sections; kept as extra sections.
_EXTRA_HEADINGS = re.compile(
    r"^(?:ekonomiska konsekvenser|ekonomi|ekonomisk redovisning|finansiering|kostnader|"
    r"konsekvenser(?: för [\w ]+)?|\w*konsekvenser|barnkonsekvensanalys|barnperspektiv(?:et)?|"
    r"barnrättsperspektiv(?:et)?|jämställdhet(?:sanalys|sperspektiv)?|miljöperspektiv(?:et)?|"
    r"samverkan|facklig samverkan|mbl|risker|riskanalys|riskbedömning|uppföljning|tidplan|"
    r"beslutsunderlag|remissvar|remissinstanser|yttrande|analys|överväganden|slutsats(?:er)?|"
    r"måluppfyllelse|genomförande|juridiska förutsättningar|lagstiftning|ärendets handläggning|"
    r"beslutet skickas till|beslutet ska skickas till|expediering|utredning|nuläge|"
    r"övrigt|åtgärder|förslag|motivering)$"
)
# Sections that are lists: every line is an entry of its own.
_LIST_HEADINGS = re.compile(
    r"^(?:beslutsunderlag|beslutet (?:ska )?skickas till|expediering|remissinstanser|sändlista)$",
    re.IGNORECASE,
)
_SIGNATURE_HEADINGS = re.compile(
    r"^(?:ansvarig|ansvariga|underskrift|underskrifter)$", re.IGNORECASE
)
_NUMBER_PREFIX = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(?=\S)")
_SENTENCE_END = (".", "!", "?", ":", ";")
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

# --- line patterns ------------------------------------------------------------------------

_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_DATE = rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}} (?:{_MONTHS}) \d{{4}})"
_DATE_LINE = re.compile(rf"^(?:datum:?\s*|den\s+)?{_DATE}$", re.IGNORECASE)
# In the letterhead also "Stockholm 2007-10-02", "Utfärdat 2019-03-12", "Reviderad …".
_HEADER_DATE_LINE = re.compile(
    rf"^(?:datum:?\s*|[A-ZÅÄÖ][\w-]+(?: den)?,?\s+|den\s+)?{_DATE}(?:\s+reviderad.*)?$",
    re.IGNORECASE,
)
_PAGE_LINE = re.compile(
    r"^(?:sida|sid\.?|s\.)\s*\d+(?:\s*\(\s*\d+\s*\)|\s*(?:av|/)\s*\d+)?$|^\d{1,3}\s*\(\s*\d{1,3}\s*\)$"
    r"|^[-–]\s*\d{1,3}\s*[-–]$|^\d{1,3}$|^\d{1,3}\s*/\s*\d{1,3}$|^\f$",
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
_IMMEDIATE_POINT = re.compile(
    r"omedelbar(?:t)?\s+juster|förklara[rs]?\s+\w*\s*omedelbart\s+justera"
    # "justeras omedelbart", "att justera beslutet omedelbart", "Nämnden justerar
    # paragrafen omedelbart" – but not "justeras inte omedelbart".
    r"|juster\w*\s+(?:(?!inte\b|ej\b)\w+\s+){0,2}omedelbart",
    re.IGNORECASE,
)
_ATTACHMENT_LINE = re.compile(
    r"^bilag(?:a|or)(?:\s+\d{1,2})?\s*[:.–-]\s*(?P<v>\S.*)$", re.IGNORECASE
)
_ATTACHMENT_ITEM_PREFIX = re.compile(
    r"^(?:bilaga\s+\d{1,2}\s*[:.–-]?\s*|\d{1,2}[.)]\s*|[-–•*]\s*)", re.IGNORECASE
)
_BULLET_PREFIX = re.compile(r"^[-–•*·▪]\s*")
_TITLE_PREFIX = re.compile(r"^(?:ärende|angående|ämne|rubrik|avser)\s*:\s*", re.IGNORECASE)
_INTRO = re.compile(r"(?::|\bbesluta[rs]?|\bföreslår|\bföreslås|\batt)$", re.IGNORECASE)
_POINT_START = re.compile(r"^(?:(?P<n>\d{1,2})\s*[.)]\s*|(?P<b>[-–•*])\s+)(?=\S)")
_POINT_START_BARE = re.compile(r"^(?P<n>\d{1,2})\s+(?=[A-ZÅÄÖ])")


@dataclass(frozen=True)
class Dropped:
    """A piece of the input that is not in the item's text, and why."""

    line: int  # 1-based line number in the input
    text: str
    reason: str


@dataclass
class ReportParse:
    """What `parse_report` found."""

    item: Item
    warnings: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    structured: bool = True  # False: no heading found, the whole text is in the summary


@dataclass
class _Line:
    n: int  # 1-based
    text: str  # cleaned
    kind: str = "text"  # text | blank | heading | furniture | page
    key: str = ""  # heading: section key ("" for an extra heading)
    title: str = ""  # heading: the heading as shown
    rest: str = ""  # heading: text after "Heading:" on the same line


def _normalise_heading(text: str) -> tuple[str, bool]:
    """Lower-cased heading text without a leading number and trailing colon."""
    numbered = False
    m = _NUMBER_PREFIX.match(text)
    if m:
        text = text[m.end() :]
        numbered = True
    text = text.rstrip().rstrip(":").strip()
    return clean_line(text).lower(), numbered


def _known_heading(text: str) -> tuple[str, str, str, bool] | None:
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
        if key is not None:
            if key == ATTACHMENTS and rest_text:
                return None  # "Bilaga: X" is an attachment line, not a heading
            return key, _heading_title(cand), rest_text, numbered
        if not rest_text and _EXTRA_HEADINGS.match(norm):
            return "", _heading_title(cand), "", numbered
    return None


def _heading_title(text: str) -> str:
    """The heading as it should be shown: no number, no colon, upper case softened."""
    m = _NUMBER_PREFIX.match(text)
    if m:
        text = text[m.end() :]
    text = clean_line(text.rstrip().rstrip(":"))
    if text.isupper():
        text = text[:1] + text[1:].lower()
    return text


def _looks_like_heading(lines: list[_Line], i: int, numbered_doc: bool) -> str | None:
    """A title for an unknown heading at line i (short line set apart), else None."""
    text = lines[i].text
    prev_ok = i == 0 or lines[i - 1].kind in ("blank", "page", "heading")
    if not prev_ok:
        return None
    nxt = next((ln for ln in lines[i + 1 :] if ln.kind not in ("blank",)), None)
    if nxt is None or nxt.kind != "text" or i + 1 >= len(lines):
        return None
    direct = lines[i + 1].kind == "text"
    m = _NUMBER_PREFIX.match(text)
    if m:
        if not numbered_doc:
            return None
        body = text[m.end() :]
    else:
        if not direct:
            return None  # an unnumbered heading sits right on its text
        body = text
    if body.endswith(":") and (_POINT_START.match(nxt.text) or _POINT_START_BARE.match(nxt.text)):
        return None  # "I social resursnämnden:" introduces the points
    body = body.rstrip(":").strip()
    words = body.split()
    if not body or len(body) > 60 or len(words) > 6:
        return None
    if not body[0].isalpha() or not body[0].isupper():
        return None
    if body.endswith(_SENTENCE_END + (",", "-", "–")) or any(ch.isdigit() for ch in body):
        return None
    if words[-1].lower() in _OPEN_WORDS or _INTRO.search(body):
        return None
    first_next = nxt.text[:1]
    if first_next.isalpha() and first_next.islower():
        return None  # the line is the start of a sentence that goes on
    return _heading_title(text)


_COLUMN_GAP = re.compile(r" {4,}|\t+")


def _classify(raw_lines: list[str]) -> list[_Line]:
    lines: list[_Line] = []
    for n, raw in enumerate(raw_lines, start=1):
        if "\f" in raw and not raw.replace("\f", "").strip():
            lines.append(_Line(n, "\f", "page"))
            continue
        # PDF letterheads put two columns on one line ("FÖRVALTNINGEN      TJÄNSTEUTLÅTANDE"):
        # a wide gap separates cells, each classified on its own.
        cells = [c for c in _COLUMN_GAP.split(raw.strip()) if c.strip()] or [""]
        lines.extend(_Line(n, clean_line(cell)) for cell in cells)
    for ln in lines:
        if ln.kind == "page":
            continue
        if not ln.text:
            ln.kind = "blank"
        elif _PAGE_LINE.match(ln.text):
            ln.kind = "page"
        else:
            found = _known_heading(ln.text)
            if found is not None:
                ln.kind = "heading"
                ln.key, ln.title, ln.rest, _numbered = found
    return lines


def _repeated_lines(lines: list[_Line], first_heading: int) -> set[str]:
    """Running headers/footers: text lines that repeat and sit in the letterhead or near page marks."""
    positions: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.kind == "text" and len(ln.text) <= 80:
            positions.setdefault(ln.text, []).append(i)
    page_marks = [i for i, ln in enumerate(lines) if ln.kind == "page"]

    def near_page(i: int) -> bool:
        return any(abs(i - p) <= 4 for p in page_marks)

    repeated = set()
    for text, where in positions.items():
        if len(where) < 2:
            continue
        if where[0] < first_heading or all(near_page(i) for i in where):
            repeated.add(text)
    return repeated


class _Parser:
    def __init__(self, text: str, fallback_title: str) -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
        text = text.replace("\u00ad", "")  # soft hyphens from Word/PDF
        text = text.replace("\f", "\n\f\n")
        self.raw = text.split("\n")
        self.lines = _classify(self.raw)
        self.fallback_title = fallback_title
        self.dropped: list[Dropped] = []
        self.warnings: list[str] = []
        self.dnr = ""
        self.officer = ""
        self.immediate = False
        # (line number, text): sorted at the end so attachments keep document order
        # whether they come from "Bilaga: X" lines or from the Bilagor list.
        self.attachments: list[tuple[int, str]] = []

    # -- helpers ---------------------------------------------------------------------------

    def drop(self, ln: _Line, reason: str, text: str | None = None) -> None:
        if ln.text != "\f":
            self.dropped.append(Dropped(ln.n, ln.text if text is None else text, reason))

    def _furniture(self, lines: list[_Line], i: int, header: bool, repeated: set[str]) -> bool:
        """Handle line i if it is furniture or a marker; True when it was consumed."""
        ln = lines[i]
        if ln.kind == "page":
            self.drop(ln, "sidnummer")
            return True
        if ln.kind != "text":
            return False
        text = ln.text
        m = _DNR_LINE.match(text)
        if m and len(text) <= 80:
            value = _PAGE_TAIL.sub("", m.group("v")).strip()
            if not self.dnr and value:
                self.dnr = f"Dnr {value}"
            self.drop(ln, "dnr")
            ln.kind = "furniture"
            return True
        m = _OFFICER_LINE.match(text)
        if m and len(text) <= 100 and (header or m.group("colon")):
            value = re.split(
                r",?\s+(?:tel(?:efon)?|tfn|e-post)\b|,\s*\+?\d", m.group("v"), flags=re.I
            )[0]
            value = _PAGE_TAIL.sub("", value).strip(" ,")
            value = re.sub(r"/.*(?:förvaltning|kontor).*$", "", value, flags=re.I).strip()
            if not value:
                # "Handläggare" alone: the name is on the next line
                for nxt in lines[i + 1 : i + 3]:
                    if nxt.kind == "text":
                        value = re.sub(
                            r"/.*(?:förvaltning|kontor).*$", "", nxt.text, flags=re.I
                        ).strip()
                        nxt.kind = "furniture"
                        self.drop(nxt, "handläggare")
                        break
            if not self.officer and value:
                self.officer = value
            self.drop(ln, "handläggare")
            ln.kind = "furniture"
            return True
        m = _REFERENCE_LINE.match(text) if header and len(text) <= 80 else None
        if m:
            self._reference(lines, i, m)
            return True
        if _IMMEDIATE_MARK.match(text):
            self.immediate = True
            self.drop(ln, "omedelbar justering")
            ln.kind = "furniture"
            return True
        m = _ATTACHMENT_LINE.match(text)
        if m and not _mid_sentence(lines, i):
            self.attachments.append((ln.n, m.group("v").strip()))
            self.drop(ln, "bilaga", text[: m.start("v")])
            ln.kind = "furniture"
            return True
        reason = ""
        if _CONTACT_LINE.match(text) and len(text) <= 80:
            reason = "kontaktuppgift"
        elif _FOOTER_LINE.match(text) and len(text) <= 100:
            reason = "sidfot"
        elif _DATE_LINE.match(text) or (header and _HEADER_DATE_LINE.match(text)):
            reason = "datum"
        elif text in repeated:
            reason = "sidhuvud"
        elif header and _DOCTYPE_LINE.match(text):
            reason = "dokumenttyp"
        elif (
            header
            and _ADDRESSEE_LINE.match(text)
            and (_BODY_WORDS.search(text) or len(text.split()) <= 3)
        ):
            reason = "mottagare"
        elif header and len(text.split()) <= 8 and _ORG_LINE.match(text) and not text.endswith("."):
            reason = "sidhuvud"
        if reason:
            self.drop(ln, reason)
            ln.kind = "furniture"
            return True
        return False

    def _reference(self, lines: list[_Line], i: int, m: re.Match[str]) -> None:
        """A letterhead reference label: the officer or the diary number, never the title."""
        ln = lines[i]
        own = not (m.group("whose") or "").lower().startswith("er")
        value = m.group("v").strip()
        ln.kind = "furniture"
        if m.group("label").lower() != "referens":  # beteckning, ärendenummer: a Dnr
            if own and value and not self.dnr:
                self.dnr = f"Dnr {value}"
            self.drop(ln, "dnr")
            return
        self.drop(ln, "referens")
        if value:
            if own and not self.officer and not any(ch.isdigit() for ch in value):
                self.officer = value
            return
        # "Vår referens" alone: name, title and e-mail on the lines below, up to a blank.
        for j, nxt in enumerate(lines[i + 1 : i + 5]):
            labelled = (_DNR_LINE, _OFFICER_LINE, _CONTACT_LINE, _REFERENCE_LINE, _HEADER_DATE_LINE)
            if nxt.kind != "text" or any(rx.match(nxt.text) for rx in labelled):
                break  # a line with its own label ("Handläggare: …", "Dnr …") is read as such
            if j == 0 and own and not self.officer:
                self.officer = nxt.text
            nxt.kind = "furniture"
            self.drop(nxt, "referens")

    # -- main ------------------------------------------------------------------------------

    def parse(self) -> ReportParse:
        lines = self.lines
        headings = [i for i, ln in enumerate(lines) if ln.kind == "heading"]
        structured = any(lines[i].key for i in headings)
        if not structured:
            for i in headings:  # lone extra headings: plain text of an unstructured report
                lines[i].kind = "text"
        first = headings[0] if structured else len(lines)
        repeated = _repeated_lines(lines, first)
        for i in range(len(lines)):
            self._furniture(lines, i, header=i < first, repeated=repeated)
        if structured:
            numbered_doc = any(_NUMBER_PREFIX.match(lines[i].text) for i in headings)
            self._mark_end_signature(lines, first)
            current = lines[first].key
            number = _heading_number(lines[first].text)  # "4" for "4. Förvaltningens …"
            in_list = False  # under "Beslutet skickas till", "Beslutsunderlag" …
            for i in range(first + 1, len(lines)):
                if lines[i].kind == "heading":
                    if not lines[i].key and self._subheading(lines[i], number, current, in_list):
                        continue
                    current = lines[i].key
                    number = _heading_number(lines[i].text)
                    in_list = not current and bool(_LIST_HEADINGS.match(lines[i].title))
                elif lines[i].kind == "text":
                    title = _looks_like_heading(lines, i, numbered_doc)
                    if title and in_list and lines[i - 1].kind == "heading":
                        title = None  # "Beslutet skickas till" + "Malmö FF": the first entry
                    if title and (current in (PROPOSED_DECISION, ATTACHMENTS) or in_list):
                        # Names and titles under the decision look like headings; a real
                        # heading there is followed by a full line of text.
                        following = next((ln for ln in lines[i + 1 :] if ln.kind == "text"), None)
                        if (
                            following is None
                            or len(following.text) <= 50
                            or _POINT_START.match(following.text)
                            or _POINT_START_BARE.match(following.text)
                        ):
                            title = None
                    if title:
                        lines[i].kind, lines[i].key, lines[i].title = "heading", "", title
                        if self._subheading(lines[i], number, current, in_list):
                            continue
                        current, in_list = "", bool(_LIST_HEADINGS.match(title))
                        number = _heading_number(lines[i].text)
            self._mark_list_signature(lines, first)
        title_lines, ingress = self._title(lines[:first])
        title = _TITLE_PREFIX.sub("", join_lines(ln.text for ln in title_lines))
        if structured and title != join_lines(ln.text for ln in title_lines) and title_lines:
            self.dropped.append(
                Dropped(title_lines[0].n, title_lines[0].text.split(":")[0], "rubrikord")
            )
        if title.endswith(".") and not title.endswith(".."):
            title = title[:-1].rstrip()

        fields: dict[str, str] = {}
        extra: list[Section] = []
        decision: list[str] = []
        if structured:
            sections = self._sections(lines[first:])
            if ingress:
                sections.insert(0, ("summary", "Sammanfattning", ingress))
            for key, heading, body in sections:
                if key == PROPOSED_DECISION:
                    decision.extend(self._decision(body))
                elif key == ATTACHMENTS:
                    self.attachments.extend(self._attachment_entries(body))
                else:
                    if not key and _LIST_HEADINGS.match(heading):
                        text = "\n\n".join(self._attachment_list(body, numbers=False))
                    else:
                        text = self._reflow(body)
                    if key and key in fields and heading.lower() != SECTION_TITLES[key].lower():
                        key = ""  # a second section for the same key keeps its own heading
                    if key:
                        fields[key] = f"{fields[key]}\n\n{text}".strip() if key in fields else text
                    elif text:
                        extra.append(Section(heading, text))
            for key in fields:
                if not fields[key]:
                    self.warnings.append(f"avsnittet {SECTION_TITLES[key]} är tomt")
        else:
            body = [ln for ln in lines if ln.kind in ("text", "blank", "page", "furniture")]
            fields["summary"] = self._reflow(body)
            if not title or len(title) > 150:
                title = _first_title(fields["summary"])
            self.warnings.append(
                "hittade inga kända rubriker (Förslag till beslut, Sammanfattning, Bakgrund …); "
                "hela texten ligger i sammanfattningen – kontrollera titeln"
            )
        if not title:
            title = self.fallback_title or "Ärende utan titel"
            self.warnings.append(f"hittade ingen titel; använder {title!r} – ändra den")
        elif len(title) > 250:
            self.warnings.append(
                "titeln är ovanligt lång; kontrollera att den inte innehåller brödtext"
            )
        if any(_IMMEDIATE_POINT.search(point) for point in decision):
            self.immediate = True
        item = Item(
            id=slugify(title),
            title=title,
            dnr=self.dnr,
            officer=self.officer,
            summary=fields.get("summary", ""),
            background=fields.get("background", ""),
            proposal=fields.get("proposal", ""),
            preparation=fields.get("preparation", ""),
            proposed_decision=tuple(decision),
            immediate_justification=self.immediate,
            attachments=tuple(a for _n, a in sorted(self.attachments, key=lambda t: t[0]) if a),
            extra_sections=tuple(extra),
        )
        return ReportParse(item, self.warnings, self.dropped, structured)

    def _title(self, header: list[_Line]) -> tuple[list[_Line], list[_Line]]:
        """The title block (first text block of the letterhead) and any text after it."""
        blocks: list[list[_Line]] = []
        current: list[_Line] = []
        for ln in header:
            if ln.kind == "text":
                current.append(ln)
            elif ln.kind in ("blank", "page") and current:
                blocks.append(current)
                current = []
        if current:
            blocks.append(current)
        if not blocks:
            return [], []
        title, rest = blocks[0], blocks[1:]
        ingress: list[_Line] = []
        for block in rest:
            ingress.extend(block)
            ingress.append(_Line(block[-1].n, "", "blank"))
        return title, ingress

    def _sections(self, lines: list[_Line]) -> list[tuple[str, str, list[_Line]]]:
        sections: list[tuple[str, str, list[_Line]]] = []
        for ln in lines:
            if ln.kind == "heading":
                self.drop(
                    ln,
                    "rubrik",
                    ln.text[: len(ln.text) - len(ln.rest)].strip() if ln.rest else None,
                )
                body: list[_Line] = []
                if ln.rest:
                    body.append(_Line(ln.n, ln.rest))
                sections.append((ln.key, ln.title, body))
            elif sections:
                sections[-1][2].append(ln)
        return sections

    def _joined_lines(self, body: list[_Line]) -> list[str]:
        """Section lines for reflow: furniture removed, page breaks inside a paragraph mended."""
        out: list[str] = []
        pending_blank = False
        saw_furniture = False
        for ln in body:
            if ln.kind == "subheading":  # a paragraph of its own
                if out:
                    out.append("")
                out.append(ln.title)
                pending_blank, saw_furniture = True, False
                continue
            if ln.kind == "text":
                if out and pending_blank:
                    prev = out[-1]
                    continues = saw_furniture and (
                        not prev.endswith(_SENTENCE_END)
                        and (ln.text[:1].islower() or prev.endswith("-"))
                    )
                    if not continues:
                        out.append("")
                out.append(ln.text)
                pending_blank = False
                saw_furniture = False
            elif ln.kind in ("blank",):
                pending_blank = True
            else:  # furniture or page: remember that a page break may sit here
                saw_furniture = True
                if ln.kind == "page":
                    pending_blank = True
        return out

    def _reflow(self, body: list[_Line]) -> str:
        return "\n\n".join(paragraphs(self._joined_lines(body)))

    def _decision(self, body: list[_Line]) -> list[str]:
        """Numbered or bulleted points become separate entries; signatures are dropped."""
        texts = [ln for ln in body if ln.kind == "text"]
        # Signatures: trailing short lines without sentence punctuation, after a point.
        end = len(texts)
        while end > 0:
            t = texts[end - 1].text
            if (
                len(t) <= 60
                and len(t.split()) <= 8
                and not t.endswith(_SENTENCE_END)
                and not _POINT_START.match(t)
            ):
                end -= 1
            else:
                break
        if end == 0:
            end = len(texts)  # nothing but short lines: they are the decision
        for ln in texts[end:]:
            self.drop(ln, "underskrift")
            ln.kind = "furniture"
        points: list[list[str]] = []
        numbered: list[bool] = []
        new_point = True
        for ln in body:
            if ln.kind in ("blank", "page"):
                new_point = ln.kind == "blank" or new_point
                continue
            if ln.kind != "text":
                continue
            text = ln.text
            m = _POINT_START.match(text) or _POINT_START_BARE.match(text)
            if m:
                self.drop(ln, "punktnummer", text[: m.end()].strip())
                text = text[m.end() :]
                points.append([text])
                numbered.append(True)
            elif new_point or not points:
                points.append([text])
                numbered.append(False)
            else:
                points[-1].append(text)
            new_point = False
        result = [join_lines(p) for p in points]
        # An introduction such as "Förvaltningen föreslår att nämnden beslutar:" or
        # "Fritidsnämnden föreslås besluta" before numbered points is not a point itself.
        if len(result) > 1 and not numbered[0] and all(numbered[1:]) and _INTRO.search(result[0]):
            first_line = next(ln for ln in body if ln.kind == "text")
            self.dropped.append(Dropped(first_line.n, result[0], "inledning"))
            result = result[1:]
        # Malmö style "- att godkänna …," points: the list punctuation is not part of the point.
        return [r.rstrip(",;").rstrip() for r in result if r.rstrip(",;").strip()]

    def _mark_end_signature(self, lines: list[_Line], first: int) -> None:
        """Names and titles that end the document (Göteborg/Malmö put them last).

        The last block of short lines without sentence punctuation or digits, set apart
        by a blank line from text before it, in a text section (not a list).
        """
        texts = [i for i in range(first, len(lines)) if lines[i].kind == "text"]
        if not texts:
            return
        block = [texts[-1]]
        for i in reversed(texts[:-1]):
            if lines[i].n >= lines[block[0]].n - 1 and not any(
                ln.kind != "text" for ln in lines[i + 1 : block[0]]
            ):
                block.insert(0, i)
            else:
                break
        if len(block) > 4:
            return
        before = next(
            (
                ln
                for ln in reversed(lines[first : block[0]])
                if ln.kind not in ("blank", "page", "furniture")
            ),
            None,
        )
        if before is None or lines[block[0] - 1].kind != "blank":
            return
        if before.kind == "heading" and not _SIGNATURE_HEADINGS.match(before.title):
            return
        section = next(
            (ln for ln in reversed(lines[first : block[0]]) if ln.kind == "heading"), None
        )
        if section is not None and (
            section.key in (ATTACHMENTS, PROPOSED_DECISION) or _LIST_HEADINGS.match(section.title)
        ):
            return
        for i in block:
            t = lines[i].text
            if (
                len(t) > 60
                or len(t.split()) > 6
                or t.endswith(_SENTENCE_END)
                or any(ch.isdigit() for ch in t)
                or not t[:1].isupper()
            ):
                return
        for i in block:
            self.drop(lines[i], "underskrift")
            lines[i].kind = "furniture"

    def _subheading(self, ln: _Line, number: str, current: str, in_list: bool) -> bool:
        """Make a numbered sub-heading ("4.1 Öppettider" under "4. …") part of its section.

        It stays in the section's text as a paragraph of its own, without its number.
        Not under the decision or a list, whose lines are points and entries.
        """
        own = _heading_number(ln.text)
        if (
            not number
            or not own.startswith(number + ".")
            or current in (PROPOSED_DECISION, ATTACHMENTS)
            or in_list
        ):
            return False
        m = _NUMBER_PREFIX.match(ln.text)
        if m:
            self.drop(ln, "rubriknummer", m.group(0).strip())
        ln.kind, ln.key = "subheading", ""
        return True

    def _mark_list_signature(self, lines: list[_Line], first: int) -> None:
        """A signature after the list that ends the document (Bilagor, Beslutet skickas till).

        Göteborg puts "FASTIGHETSKONTORET / Eva Ström / Fastighetsdirektör" after the
        Bilagor list, Malmö "Ansvariga / Sara Nordin / Fritidsdirektör" after "Beslutet
        skickas till". The list is the first block of lines; later blocks (after a blank
        line) are the signature when every line is short, without sentence punctuation or
        digits, and the list was numbered or the blocks look like one (a line in capitals,
        a title such as "-direktör", or "Ansvariga" first).
        """
        last = max(i for i in range(first, len(lines)) if lines[i].kind == "heading")
        heading = lines[last]
        if heading.key != ATTACHMENTS and (heading.key or not _LIST_HEADINGS.match(heading.title)):
            return
        blocks: list[list[int]] = []
        new_block = True
        for i in range(last + 1, len(lines)):
            if lines[i].kind == "blank":
                new_block = True
            elif lines[i].kind == "text":
                if new_block or not blocks:
                    blocks.append([])
                blocks[-1].append(i)
                new_block = False
        if len(blocks) < 2:
            return
        k = len(blocks)
        while k > 1 and all(_signature_like(lines[i].text) for i in blocks[k - 1]):
            k -= 1
        tail = [i for block in blocks[k:] for i in block]
        if not tail:
            return
        numbered = any(
            _ATTACHMENT_ITEM_PREFIX.match(lines[i].text) for block in blocks[:k] for i in block
        )
        texts = [lines[i].text for i in tail]
        looks_signed = (
            any(t.isupper() for t in texts)
            or any(_SIGNER_TITLE.search(t) for t in texts)
            or _SIGNATURE_HEADINGS.match(texts[0])
        )
        if not (numbered or looks_signed):
            return
        for i in tail:
            self.drop(lines[i], "underskrift")
            lines[i].kind = "furniture"

    def _attachment_list(self, body: list[_Line], numbers: bool = True) -> list[str]:
        return [text for _n, text in self._attachment_entries(body, numbers)]

    def _attachment_entries(self, body: list[_Line], numbers: bool = True) -> list[tuple[int, str]]:
        """One entry per line of a list section, (line number, text without its number)."""
        result: list[tuple[int, str]] = []
        for ln in body:
            if ln.kind != "text":
                continue
            m = _ATTACHMENT_ITEM_PREFIX.match(ln.text) if numbers else _BULLET_PREFIX.match(ln.text)
            text = ln.text[m.end() :] if m else ln.text
            if m:
                self.drop(ln, "bilagenummer", ln.text[: m.end()].strip())
            if result and not m and text[:1].islower():
                result[-1] = (result[-1][0], join_lines([result[-1][1], text]))
            else:
                result.append((ln.n, text))
        return result


_SIGNER_TITLE = re.compile(
    r"(?:direktör|chef|ordförande|sekreterare|handläggare|utredare|strateg|controller|"
    r"samordnare|ansvarig)$",
    re.IGNORECASE,
)


def _signature_like(text: str) -> bool:
    """A short line of a signature: a name, a title, an office (no sentence, no digits)."""
    return (
        len(text) <= 60
        and len(text.split()) <= 6
        and not text.endswith(_SENTENCE_END + (",",))
        and not any(ch.isdigit() for ch in text)
        and text[:1].isupper()
    )


def _heading_number(text: str) -> str:
    """'4.1' for '4.1 Öppettider', '' for a heading without a number."""
    m = _NUMBER_PREFIX.match(text)
    return m.group(1) if m else ""


def _mid_sentence(lines: list[_Line], i: int) -> bool:
    """True when line i continues a sentence from the line before ("… Se" + "Bilaga 2. X")."""
    prev = lines[i - 1] if i > 0 else None
    return prev is not None and prev.kind == "text" and not prev.text.endswith(_SENTENCE_END)


def _first_title(text: str) -> str:
    """A title for a text without structure: its first paragraph, or its first line cut."""
    first = text.split("\n\n", 1)[0]
    if len(first) <= 150:
        return first.rstrip(".")
    cut = first[:80].rsplit(" ", 1)[0]
    return cut + " …"


def parse_report(text: str, fallback_title: str = "") -> ReportParse:
    """Parse a tjänsteutlåtande from its text; never raises on any string."""
    return _Parser(text, fallback_title).parse()
