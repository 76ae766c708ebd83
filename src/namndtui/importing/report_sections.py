"""Phase 6 of reading a report: the lines after the first heading cut into sections.

Each section's text is reflowed (`reflow.py`) with the furniture left out, and a page
break inside a paragraph mended; list sections (Bilagor, Beslutsunderlag, Beslutet
skickas till) give one entry per line.
"""

from __future__ import annotations

import re

from namndtui.importing.reflow import join_lines, paragraphs
from namndtui.importing.report_lines import ATTACHMENT_ITEM_PREFIX, SENTENCE_END, Found, Line

_BULLET_PREFIX = re.compile(r"^[-–•*·▪]\s*")

Cut = tuple[str, str, list[Line]]  # (section key, heading as shown, body lines)


def cut_sections(found: Found, lines: list[Line]) -> list[Cut]:
    """(key, heading, body) per heading; the heading lines themselves are dropped."""
    sections: list[Cut] = []
    for ln in lines:
        if ln.kind == "heading":
            found.drop(
                ln,
                "rubrik",
                ln.text[: len(ln.text) - len(ln.rest)].strip() if ln.rest else None,
            )
            body: list[Line] = []
            if ln.rest:
                body.append(Line(ln.n, ln.rest))
            sections.append((ln.key, ln.title, body))
        elif sections:
            sections[-1][2].append(ln)
    return sections


def _full_width(body: list[Line]) -> int:
    """The length of a full line of running text (the 80th percentile), 0 if unknown."""
    lengths = sorted(len(ln.text) for ln in body if ln.kind == "text")
    if len(lengths) < 5:
        return 0
    return lengths[(len(lengths) * 4) // 5]


def _joined_lines(body: list[Line]) -> list[str]:
    """Section lines for reflow: furniture removed, page breaks inside a paragraph mended.

    A paragraph goes on over a page break when its last line does not end a sentence and
    the next page starts in lower case, or when its last line is a full line (a paragraph
    that ends exactly at the foot of a page is rarer than one that runs on).
    """
    full = _full_width(body)
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
                    (
                        not prev.endswith(SENTENCE_END)
                        and (ln.text[:1].islower() or prev.endswith("-"))
                    )
                    or (full > 40 and len(prev) >= full * 0.9 and ln.text[:1].isalnum())
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


def section_text(body: list[Line]) -> str:
    """The section's text: paragraphs joined, separated by one blank line."""
    return "\n\n".join(paragraphs(_joined_lines(body)))


def list_entries(found: Found, body: list[Line], numbers: bool = True) -> list[tuple[int, str]]:
    """One entry per line of a list section, (line number, text without its number)."""
    result: list[tuple[int, str]] = []
    for ln in body:
        if ln.kind != "text":
            continue
        m = ATTACHMENT_ITEM_PREFIX.match(ln.text) if numbers else _BULLET_PREFIX.match(ln.text)
        text = ln.text[m.end() :] if m else ln.text
        if m:
            found.drop(ln, "bilagenummer", ln.text[: m.end()].strip())
        if result and not m and text[:1].islower():
            result[-1] = (result[-1][0], join_lines([result[-1][1], text]))
        else:
            result.append((ln.n, text))
    return result
