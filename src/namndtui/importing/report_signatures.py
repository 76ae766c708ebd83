"""Phase 4 of reading a report: signatures (names and titles that are not text).

Under the proposed decision, at the end of the document (Göteborg, Malmö), and after the
list that ends it (Bilagor, Beslutet skickas till). Signature lines become furniture,
reported as "underskrift".
"""

from __future__ import annotations

import re

from namndtui.importing.report_lines import (
    ATTACHMENT_ITEM_PREFIX,
    ATTACHMENTS,
    LIST_HEADINGS,
    POINT_START,
    PROPOSED_DECISION,
    SENTENCE_END,
    Found,
    Line,
)

_SIGNATURE_HEADINGS = re.compile(
    r"^(?:ansvarig|ansvariga|underskrift|underskrifter)$", re.IGNORECASE
)
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
        and not text.endswith(SENTENCE_END + (",",))
        and not any(ch.isdigit() for ch in text)
        and text[:1].isupper()
    )


def mark_decision_signature(found: Found, body: list[Line]) -> None:
    """Trailing short lines under the decision, without sentence punctuation, after a point."""
    texts = [ln for ln in body if ln.kind == "text"]
    end = len(texts)
    while end > 0:
        t = texts[end - 1].text
        if (
            len(t) <= 60
            and len(t.split()) <= 8
            and not t.endswith(SENTENCE_END)
            and not POINT_START.match(t)
        ):
            end -= 1
        else:
            break
    if end == 0:
        return  # nothing but short lines: they are the decision
    for ln in texts[end:]:
        found.discard(ln, "underskrift")


def mark_end_signature(found: Found, lines: list[Line], first: int) -> None:
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
    section = next((ln for ln in reversed(lines[first : block[0]]) if ln.kind == "heading"), None)
    if section is not None and (
        section.key in (ATTACHMENTS, PROPOSED_DECISION) or LIST_HEADINGS.match(section.title)
    ):
        return
    for i in block:
        t = lines[i].text
        if (
            len(t) > 60
            or len(t.split()) > 6
            or t.endswith(SENTENCE_END)
            or any(ch.isdigit() for ch in t)
            or not t[:1].isupper()
        ):
            return
    for i in block:
        found.discard(lines[i], "underskrift")


def mark_list_signature(found: Found, lines: list[Line], first: int) -> None:
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
    if heading.key != ATTACHMENTS and (heading.key or not LIST_HEADINGS.match(heading.title)):
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
        ATTACHMENT_ITEM_PREFIX.match(lines[i].text) for block in blocks[:k] for i in block
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
        found.discard(lines[i], "underskrift")


def mark_signature_before_list(found: Found, lines: list[Line], first: int) -> None:
    """A signature between the last text and a closing list heading (Bilagor, Sändlista).

    "… verksamheten." / "" / "Anna Lind" / "Stadsdelsdirektör" / "" / "Bilagor": the
    block of one to four short lines right above the heading is a signature when one of
    its lines is a title ("-direktör", "chef" …) or in capitals.
    """
    last = max((i for i in range(first, len(lines)) if lines[i].kind == "heading"), default=-1)
    if last <= first:
        return
    heading = lines[last]
    if heading.key != ATTACHMENTS and not LIST_HEADINGS.match(heading.title):
        return
    k = last - 1
    while k > first and lines[k].kind in ("blank", "page", "furniture"):
        k -= 1
    block: list[int] = []
    while k > first and lines[k].kind == "text" and len(block) < 5:
        block.insert(0, k)
        k -= 1
    if not block or len(block) > 4 or lines[k].kind != "blank" or k <= first:
        return
    texts = [lines[i].text for i in block]
    if not all(_signature_like(t) for t in texts):
        return
    if not any(_SIGNER_TITLE.search(t) or t.isupper() for t in texts):
        return
    for i in block:
        found.discard(lines[i], "underskrift")
