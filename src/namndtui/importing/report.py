"""Parse the text of a tjänsteutlåtande (a report) into one `Item`: the driver.

The text usually comes from a PDF: hard line breaks, trailing spaces, page furniture.
The phases, each in its own module, work on one list of classified lines:

1. `report_lines`: split and classify the lines (blank, page mark, text);
2. `report_headings`: known headings, later unknown ones and sub-headings;
3. `report_furniture`: page furniture, letterhead facts (Dnr, Handläggare), marks;
4. `report_signatures`: names and titles that sign the report;
5. `report_decision`: the proposed decision as its points;
6. `report_sections`: the sections and their reflowed text.

This module takes the title from the lines before the first heading and puts the item
together. Whatever is removed is reported in `ReportParse.dropped`, so a test can check
that no word is lost except furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from namndtui.importing.agenda_header import parse_date
from namndtui.importing.ids import slugify
from namndtui.importing.reflow import join_lines
from namndtui.importing.report_decision import decision_points
from namndtui.importing.report_furniture import repeated_lines, take_furniture
from namndtui.importing.report_headings import mark_known_headings, mark_unknown_headings
from namndtui.importing.report_lines import (
    ATTACHMENTS,
    BASIS_HEADING,
    DISPATCH_HEADING,
    LIST_HEADINGS,
    NUMBER_PREFIX,
    PROPOSED_DECISION,
    Dropped,
    Found,
    Line,
    normalise_text,
    split_lines,
)
from namndtui.importing.report_sections import Cut, cut_sections, list_entries, section_text
from namndtui.importing.report_signatures import (
    mark_end_signature,
    mark_list_signature,
    mark_signature_before_list,
)
from namndtui.model import SECTION_TITLES, BasisDocument, Item, Section
from namndtui.vocabulary import IMMEDIATE_POINT

__all__ = ["Dropped", "ReportParse", "parse_report"]

_TITLE_PREFIX = re.compile(r"^(?:ärende|angående|ämne|rubrik|avser)\s*:\s*", re.IGNORECASE)


@dataclass
class ReportParse:
    """What `parse_report` found."""

    item: Item
    warnings: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    structured: bool = True  # False: no heading found, the whole text is in the summary


@dataclass
class _Body:
    """The item's text as the sections gave it."""

    fields: dict[str, str] = field(default_factory=dict)
    extra: list[Section] = field(default_factory=list)
    decision: list[str] = field(default_factory=list)


class _Parser:
    def __init__(self, text: str, fallback_title: str) -> None:
        self.lines = split_lines(normalise_text(text))
        mark_known_headings(self.lines)
        self.fallback_title = fallback_title
        self.found = Found()

    def parse(self) -> ReportParse:
        lines, found = self.lines, self.found
        headings = [i for i, ln in enumerate(lines) if ln.kind == "heading"]
        structured = any(lines[i].key for i in headings)
        if not structured:
            for i in headings:  # lone extra headings: plain text of an unstructured report
                lines[i].kind = "text"
        first = headings[0] if structured else len(lines)
        repeated = repeated_lines(lines, first)
        for i in range(len(lines)):
            take_furniture(found, lines, i, header=i < first, repeated=repeated)
        if structured:
            numbered_doc = any(NUMBER_PREFIX.match(lines[i].text) for i in headings)
            mark_end_signature(found, lines, first)
            mark_signature_before_list(found, lines, first)
            mark_unknown_headings(found, lines, first, numbered_doc)
            mark_list_signature(found, lines, first)
        title_lines, ingress = self._title_block(lines[:first])
        title = self._title_text(title_lines, structured)
        if structured:
            sections = cut_sections(found, lines[first:])
            if ingress:
                sections.insert(0, ("summary", "Sammanfattning", ingress))
            body = self._structured(sections)
        else:
            kept = [ln for ln in lines if ln.kind in ("text", "blank", "page", "furniture")]
            body = _Body({"summary": section_text(kept)})
            if not title or len(title) > 150:
                title = _first_title(body.fields["summary"])
            found.warnings.append(
                "hittade inga kända rubriker (Förslag till beslut, Sammanfattning, Bakgrund …); "
                "hela texten ligger i sammanfattningen – kontrollera titeln"
            )
        return ReportParse(
            self._item(self._checked_title(title), body), found.warnings, found.dropped, structured
        )

    def _title_block(self, header: list[Line]) -> tuple[list[Line], list[Line]]:
        """The title block (first text block of the letterhead) and any text after it.

        A first block in capitals with more text after it ("HÄSSELBY-VÄLLINGBY" over
        "STADSDELSFÖRVALTNING" in a two-column letterhead) is the letterhead, not the title.
        """
        blocks: list[list[Line]] = []
        current: list[Line] = []
        for ln in header:
            if ln.kind == "text":
                current.append(ln)
            elif ln.kind in ("blank", "page") and current:
                blocks.append(current)
                current = []
        if current:
            blocks.append(current)
        if len(blocks) > 1 and all(_is_capitals(ln.text) for ln in blocks[0]):
            for ln in blocks.pop(0):
                self.found.discard(ln, "sidhuvud")
        if not blocks:
            return [], []
        title, rest = blocks[0], blocks[1:]
        ingress: list[Line] = []
        for block in rest:
            ingress.extend(block)
            ingress.append(Line(block[-1].n, "", "blank"))
        return title, ingress

    def _title_text(self, title_lines: list[Line], structured: bool) -> str:
        """The title block as one line: no "Ärende:" label, no final full stop."""
        joined = join_lines(ln.text for ln in title_lines)
        title = _TITLE_PREFIX.sub("", joined)
        if structured and title != joined and title_lines:
            self.found.dropped.append(
                Dropped(title_lines[0].n, title_lines[0].text.split(":")[0], "rubrikord")
            )
        if title.endswith(".") and not title.endswith(".."):
            title = title[:-1].rstrip()
        return title

    def _checked_title(self, title: str) -> str:
        if not title:
            title = self.fallback_title or "Ärende utan titel"
            self.found.warnings.append(f"hittade ingen titel; använder {title!r} – ändra den")
        elif len(title) > 250:
            self.found.warnings.append(
                "titeln är ovanligt lång; kontrollera att den inte innehåller brödtext"
            )
        return title

    def _structured(self, sections: list[Cut]) -> _Body:
        """The sections' text into the item's fields, extra sections, decision, attachments."""
        found = self.found
        body = _Body()
        fields = body.fields
        for key, heading, lines in sections:
            if key == PROPOSED_DECISION:
                body.decision.extend(decision_points(found, lines))
                continue
            if key == ATTACHMENTS:
                found.attachments.extend(list_entries(found, lines))
                continue
            if not key and BASIS_HEADING.match(heading):
                found.decision_basis += list_entries(found, lines)
                continue
            if not key and DISPATCH_HEADING.match(heading):
                found.dispatch += [t for _n, t in list_entries(found, lines, numbers=False)]
                continue
            if not key and LIST_HEADINGS.match(heading):
                text = "\n\n".join(t for _n, t in list_entries(found, lines, numbers=False))
            else:
                text = section_text(lines)
            if key and key in fields and heading.lower() != SECTION_TITLES[key].lower():
                key = ""  # a second section for the same key keeps its own heading
            if key:
                fields[key] = f"{fields[key]}\n\n{text}".strip() if key in fields else text
            elif text:
                body.extra.append(Section(heading, text))
        for key in fields:
            if not fields[key]:
                found.warnings.append(f"avsnittet {SECTION_TITLES[key]} är tomt")
        return body

    def _basis(self, n: int, entry: str) -> BasisDocument:
        """'Tjänsteutlåtande 2024-11-30' → the title and its date (a date only at the end)."""
        m = _BASIS_DATE.search(entry)
        day = parse_date(m.group(1)) if m else None
        if m is None or day is None or m.start() == 0:
            return BasisDocument(entry)
        self.found.dropped.append(Dropped(n, m.group(0).strip(" ,"), "datum"))
        return BasisDocument(entry[: m.start()].rstrip(" ,"), day)

    def _item(self, title: str, body: _Body) -> Item:
        found = self.found
        if any(IMMEDIATE_POINT.search(point) for point in body.decision):
            found.immediate = True
        attachments = sorted(found.attachments, key=lambda t: t[0])
        return Item(
            id=slugify(title),
            title=title,
            dnr=found.dnr,
            officer=found.officer,
            summary=body.fields.get("summary", ""),
            background=body.fields.get("background", ""),
            proposal=body.fields.get("proposal", ""),
            preparation=body.fields.get("preparation", ""),
            proposed_decision=tuple(body.decision),
            immediate_justification=found.immediate,
            attachments=tuple(a for _n, a in attachments if a),
            extra_sections=tuple(body.extra),
            secrecy=found.secrecy,
            dispatch=tuple(d for d in found.dispatch if d),
            decision_basis=tuple(self._basis(n, b) for n, b in found.decision_basis if b),
        )


_BASIS_DATE = re.compile(
    r",?\s*(?:daterad|daterat|den|från)?\s*(\d{4}-\d{2}-\d{2}|\d{1,2} [a-zåäö]+ \d{4})\s*$",
    re.IGNORECASE,
)


def _is_capitals(text: str) -> bool:
    return text.isupper() and len(text.split()) <= 4


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
