"""The items of a föredragningslista and what stands under each of them.

An item starts with its number ("1", "1.", "1)", "§ 1", "9 a") and a title, which may go
on over the next lines. Under it, in any order: "Dnr …" (also "Dnr" alone with the number
on the next line), "Handläggare …", "Omedelbar justering", a secrecy line, "Förslag till
beslut" (also "Kommunstyrelsens förslag till beslut", with "Omedelbar justering" on the
same line) followed by its points, numbered or dashed, "Beskrivning av ärendet" /
"Sammanfattning" followed by text, "Bilagor" followed by one attachment a line. Text
under an item without a heading is its summary.

A numbered line under "Förslag till beslut" is a decision point, not a new item, when it
continues the points' numbering and reads like a decision ("1. Stadsdelsnämnden
godkänner …", "2. att …") or when its number cannot be the next item's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from namndtui.importing.osl import secrecy_ground
from namndtui.importing.reflow import join_lines, paragraphs
from namndtui.importing.report_lines import Dropped

# "3. Val av justerare", "§ 12 Budget"; after "N." or "N)" the title may also start with a
# digit or a quote ("3. 2027 års budget", '4. "Trygg i Hässelby"'), never after a bare
# number ("15 procent av …" is text).
ITEM = re.compile(
    r"^(?P<sect>§\s*)?(?P<n>\d{1,3})(?:\s?(?P<s>[a-hA-H])(?=[.)]?\s))?"
    r"(?:\s*[.)]\s+(?=[^\W_]|[\"'“”„«(\[])|\s+(?=[^\W\d_]))(?P<t>.*\S)\s*$"
)
_DNR = re.compile(
    r"^[(\[]?(?:dnr|d\s?nr|diarienummer|diarienr|diarie-nr|ärendenummer)\.?\s*:?\s*(?P<v>.*?)[)\]]?$",
    re.IGNORECASE,
)
_DNR_TAIL = re.compile(r"[\s,.]+(?:dnr|diarienummer)\.?\s*:?\s*(?P<v>\S.*)$", re.IGNORECASE)
_OFFICER = re.compile(
    r"^(?:handläggare|föredragande|kontaktperson|ansvarig handläggare)\s*:?\s*(?P<v>.*)$",
    re.IGNORECASE,
)
_PHONE_TAIL = re.compile(r",?\s+(?:tel(?:efon)?\.?|tfn\.?|e-post)\b.*$|,\s*\+?\d[\d\s-]{4,}$", re.I)
IMMEDIATE = re.compile(r"\s*[(\[]?\s*omedelbar(?:t)? justering\s*[)\]]?\.?\s*$", re.IGNORECASE)
_DECISION_HEADING = re.compile(
    r"^(?:[\w-]+s\s+)?(?:förslag till beslut|beslutsförslag)(?:\s+i\s+\w+)?"
    r"(?:\s*:\s*(?P<rest>.*)|(?P<mark>\s*[(\[]?\s*omedelbar(?:t)? justering\s*[)\]]?\.?)|\s*:?)$",
    re.IGNORECASE,
)
_SUMMARY_HEADING = re.compile(
    r"^(?:beskrivning av ärendet|ärendebeskrivning|sammanfattning(?: av ärendet)?|"
    r"ärendet i korthet|ärendet|bakgrund)(?:\s*:\s*(?P<rest>.*)|\s*:?)$",
    re.IGNORECASE,
)
_ATTACHMENTS_HEADING = re.compile(r"^(?:bilagor|bilaga|bilagor till ärendet)\s*:?$", re.IGNORECASE)
_ATTACHMENT_LINE = re.compile(
    r"^(?:bilaga|bil\.)\s*(?:\d{1,2}[a-z]?)?\s*[:.–-]?\s*(?P<v>\S.*)$", re.IGNORECASE
)
_LIST_PREFIX = re.compile(
    r"^(?:bilaga\s+\d{1,2}[a-z]?\s*[:.–-]?\s*|\d{1,2}[.)]\s*|[-–•*]\s*)", re.I
)
_FILE_EXTENSION = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|txt|rtf|jpe?g|png)$", re.IGNORECASE)
_POINT = re.compile(r"^(?:(?P<n>\d{1,2})\s*[.)]\s*|(?P<n2>\d{1,2})\s+(?=[A-ZÅÄÖ])|[-–•*]\s+)(?=\S)")
# A decision point reads "Stadsdelsnämnden godkänner …", "att …", "Nämnden beslutar …".
_POINT_LIKE = re.compile(
    r"^(?:att\b|[\w-]*(?:nämnden|styrelsen|fullmäktige|utskottet|förvaltningen)\b|"
    r"\S+\s+(?:\S+\s+)?(?:godkänner|beslutar|tillstyrker|avstyrker|avslår|bifaller|uppdrar|"
    r"föreslår|antar|lägger|hemställer|överlämnar|anser|ger|delegerar|noterar|förklarar|"
    r"fastställer|besvarar|återremitterar|bordlägger|upphäver|utser|väljer|tar|beviljar|"
    r"avsätter|överlåter|avskriver|redovisar|entledigar)\b)",
    re.IGNORECASE,
)
# Lines of the web or case-system view of an agenda that are not the agenda's text.
_FURNITURE = re.compile(
    r"^(?:ärendedokument|läs dokument(?: \(pdf\))?|handlingar|utsändes (?:senare|ej)|"
    r"_{3,}|-{3,}|–{3,}|sida \d+(?: \(\d+\)| av \d+)?|\d+ \(\d+\))$",
    re.IGNORECASE,
)
_SENTENCE_END = (".", "!", "?", ":")


@dataclass
class Draft:
    """An item as read so far."""

    number: int
    suffix: str
    title: list[str]
    category: str
    dnr: str = ""
    officer: str = ""
    immediate: bool = False
    secrecy: str = ""
    points: list[list[str]] = field(default_factory=list)
    point_numbers: list[int] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    mode: str = "title"  # title | decision | summary | attachments | dnr | officer
    blank_before: bool = False  # the line before the current one was blank

    @property
    def title_text(self) -> str:
        # "Lokalförsörjningsplan 2010–2015, Dnr …": the comma before the Dnr goes too.
        return join_lines(self.title).rstrip(" .,;") or f"Ärende {self.number}{self.suffix}"

    @property
    def decision(self) -> list[str]:
        return [p for p in (join_lines(lines).rstrip(",;").rstrip() for lines in self.points) if p]

    @property
    def summary_text(self) -> str:
        return "\n\n".join(paragraphs(self.summary))


def clean_dnr(value: str) -> str:
    """'Dnr 441-2011-1.5.1' for ' 441-2011-1.5.1. ': one label, no trailing full stop."""
    value = value.strip().strip("()[]").strip()
    value = IMMEDIATE.sub("", value).strip()
    value = value.rstrip(".,;").strip()
    return f"Dnr {value}" if value else ""


def attachment_name(text: str) -> str:
    """'Bilaga 1 Karta.pdf' → 'Karta': no number, no file extension."""
    m = _LIST_PREFIX.match(text)
    text = text[m.end() :] if m else text
    return _FILE_EXTENSION.sub("", text.strip()).strip()


@dataclass
class ItemReader:
    """Reads the lines of the item list into drafts; reports what it leaves out."""

    drafts: list[Draft] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    category: str = ""

    def drop(self, n: int, text: str, reason: str) -> None:
        if text.strip():
            self.dropped.append(Dropped(n, text, reason))

    # -- items -------------------------------------------------------------------------------

    def starts_item(self, m: re.Match[str]) -> bool:
        """Whether a line matching ITEM starts a new item (else it is text under the last)."""
        if not self.drafts:
            return True
        draft = self.drafts[-1]
        n, suffix = int(m["n"]), (m["s"] or "").lower()
        follows = n > draft.number or (n == draft.number and suffix != draft.suffix)
        if draft.mode == "decision" and not m["sect"]:
            expected = len(draft.points) + 1
            point_like = bool(_POINT_LIKE.match(m["t"]))
            if n == expected and (point_like or not follows):
                return False
            if not follows and n == (draft.point_numbers[-1] + 1 if draft.point_numbers else 1):
                return False
        if not follows and draft.mode in ("summary", "decision") and not draft.blank_before:
            return False  # "15 procent av …" inside a paragraph
        return follows or draft.blank_before or draft.mode == "title"

    def new_item(self, n: int, m: re.Match[str]) -> None:
        title = m["t"]
        draft = Draft(int(m["n"]), (m["s"] or "").lower(), [], self.category)
        self.drop(n, m.group(0)[: m.start("t")].strip(), "ärendenummer")
        # The mark first: "…, Dnr BUN 2009/501 [Omedelbar justering]" is not part of the Dnr.
        if IMMEDIATE.search(title):
            draft.immediate = True
            self.drop(n, IMMEDIATE.search(title).group(0).strip(), "omedelbar justering")  # type: ignore[union-attr]
            title = IMMEDIATE.sub("", title)
        tail = _DNR_TAIL.search(title)
        if tail:
            draft.dnr = clean_dnr(tail["v"])
            self.drop(n, tail.group(0).strip(), "dnr")
            title = title[: tail.start()]
        draft.title.append(title)
        self.drafts.append(draft)

    # -- lines under an item -------------------------------------------------------------------

    def line(self, n: int, line: str) -> None:
        """One non-blank line under the last item."""
        draft = self.drafts[-1]
        if _FURNITURE.match(line):
            self.drop(n, line, "sidans möblering")
        elif draft.mode in ("dnr", "officer"):
            self._value(n, draft, line)
        elif not self._labelled(n, draft, line):
            self._text(n, draft, line)
        draft.blank_before = False

    def blank(self) -> None:
        if not self.drafts:
            return
        draft = self.drafts[-1]
        draft.blank_before = True
        if draft.mode == "title":
            draft.mode = "closed"
        elif draft.mode == "summary":
            draft.summary.append("")
        elif draft.mode == "attachments" and draft.attachments:
            draft.mode = "closed"

    def _value(self, n: int, draft: Draft, line: str) -> None:
        """The value of a label that stood alone on the line before."""
        if draft.mode == "dnr":
            draft.dnr = draft.dnr or clean_dnr(line)
            self.drop(n, line, "dnr")
        else:
            draft.officer = draft.officer or _PHONE_TAIL.sub("", line).strip()
            self.drop(n, line, "handläggare")
        draft.mode = "closed"

    def _labelled(self, n: int, draft: Draft, line: str) -> bool:
        """Dnr, Handläggare, marks, secrecy and the item's own headings; True when consumed."""
        if IMMEDIATE.fullmatch(line) or IMMEDIATE.fullmatch(f" {line}"):
            draft.immediate = True
            self.drop(n, line, "omedelbar justering")
            if draft.mode == "title":
                draft.mode = "closed"
            return True
        if (m := _DNR.match(line)) and len(line) <= 80 and not _POINT_LIKE.match(m["v"]):
            self.drop(n, line, "dnr")
            if IMMEDIATE.search(m["v"]):  # "Dnr 503-412-07 (Omedelbar justering)"
                draft.immediate = True
            if m["v"].strip():
                draft.dnr = draft.dnr or clean_dnr(m["v"])
                draft.mode = "closed" if draft.mode == "title" else draft.mode
            else:
                draft.mode = "dnr"
            return True
        if (m := _OFFICER.match(line)) and len(line) <= 120:
            self.drop(n, line, "handläggare")
            value = _PHONE_TAIL.sub("", m["v"]).strip(" ,")
            draft.officer = draft.officer or value
            draft.mode = "closed" if value else "officer"
            return True
        if (ground := secrecy_ground(line)) is not None:
            draft.secrecy = draft.secrecy or ground
            self.drop(n, line, "sekretess")
            return True
        return self._heading(n, draft, line)

    def _heading(self, n: int, draft: Draft, line: str) -> bool:
        if m := _DECISION_HEADING.match(line):
            rest = m["rest"] or ""
            self.drop(n, line[: len(line) - len(rest)].strip(), "rubrik")
            draft.mode = "decision"
            draft.immediate = draft.immediate or bool(m["mark"])
            if rest:
                self._point(n, draft, rest, new=True)
            return True
        if m := _SUMMARY_HEADING.match(line):
            rest = m["rest"] or ""
            self.drop(n, line[: len(line) - len(rest)].strip(), "rubrik")
            draft.mode = "summary"
            if draft.summary:
                draft.summary.append("")
            if rest:
                draft.summary.append(rest)
            return True
        if _ATTACHMENTS_HEADING.match(line):
            self.drop(n, line, "rubrik")
            draft.mode = "attachments"
            return True
        if draft.mode != "attachments" and (m := _ATTACHMENT_LINE.match(line)):
            self.drop(n, line[: m.start("v")].strip(), "bilaga")
            self._attachment_entry(n, draft, m["v"], joins=False)
            return True
        return False

    def _text(self, n: int, draft: Draft, line: str) -> None:
        if draft.mode == "title":
            if IMMEDIATE.search(line):
                draft.immediate = True
                self.drop(n, IMMEDIATE.search(line).group(0).strip(), "omedelbar justering")  # type: ignore[union-attr]
                line = IMMEDIATE.sub("", line)
            draft.title.append(line)
        elif draft.mode == "decision":
            self._decision_line(n, draft, line)
        elif draft.mode == "attachments":
            self._attachment_entry(n, draft, line)
        else:
            draft.mode = "summary"
            draft.summary.append(line)

    def _decision_line(self, n: int, draft: Draft, line: str) -> None:
        m = _POINT.match(line)
        if m:
            self.drop(n, line[: m.end()].strip(), "punktnummer")
            number = m["n"] or m["n2"]
            if number:
                draft.point_numbers.append(int(number))
            self._point(n, draft, line[m.end() :], new=True)
        elif draft.blank_before and draft.points and not _POINT_LIKE.match(line):
            draft.mode = "summary"  # text after the decision: a description
            draft.summary.append(line)
        else:
            prev = draft.points[-1][-1] if draft.points else ""
            new = not draft.points or (draft.blank_before and prev.endswith(_SENTENCE_END))
            self._point(n, draft, line, new=new)

    def _point(self, n: int, draft: Draft, text: str, new: bool) -> None:
        if IMMEDIATE.fullmatch(f" {text}"):
            draft.immediate = True
            self.drop(n, text, "omedelbar justering")
            return
        if new or not draft.points:
            draft.points.append([text])
        else:
            draft.points[-1].append(text)

    def _attachment_entry(self, n: int, draft: Draft, line: str, joins: bool = True) -> None:
        m = _LIST_PREFIX.match(line)
        if m:
            self.drop(n, line[: m.end()].strip(), "bilagenummer")
        name = attachment_name(line)
        ext = _FILE_EXTENSION.search(line.strip())
        if ext:
            self.drop(n, ext.group(0), "filändelse")
        if joins and draft.attachments and not m and name[:1].islower():
            draft.attachments[-1] = join_lines([draft.attachments[-1], name])
        elif name:
            draft.attachments.append(name)
