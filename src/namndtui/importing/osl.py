"""Secrecy lines in agendas and reports: "Sekretess enligt 26 kap. 1 § OSL" → "OSL 26 kap. 1 §".

An item's `secrecy` key holds the legal ground in one form, whichever way the document
wrote it: "OSL 26:1", "26 kap. 1 § offentlighets- och sekretesslagen", "Omfattas av
sekretess enligt OSL 26 kap 1 §". A secrecy line without a ground still marks the item:
its ground reads `UNKNOWN_GROUND`, so the item is never published by mistake, and the
importer warns the secretary to fill it in.
"""

from __future__ import annotations

import re

UNKNOWN_GROUND = "OSL (lagrum ej angivet)"

_SECRECY_LINE = re.compile(
    r"^[(\[]?\s*(?:"
    r"sekretess(?:ärende)?\b|omfattas\s+av\s+sekretess\b|sekretessbelagt\b|"
    r"osl\s+\d|\d{1,2}\s*kap\.?\s*\d{1,2}\s*(?:§|:e?)\s*(?:första\s+stycket\s+)?osl\b|"
    r"(?:ärendet\s+)?omfattas\s+av\s+sekretess"
    r")",
    re.IGNORECASE,
)
_CHAPTER_SECTION = re.compile(r"(\d{1,2})\s*kap\.?\s*(\d{1,2})\s*[a-z]?\s*§", re.IGNORECASE)
_COLON_FORM = re.compile(r"\bOSL\s*(\d{1,2})\s*:\s*(\d{1,2})\b", re.IGNORECASE)
_OSL_WORDS = re.compile(r"\bosl\b|offentlighets-\s*och\s+sekretesslag", re.IGNORECASE)


def secrecy_ground(line: str) -> str | None:
    """The legal ground when `line` is a secrecy line; None when it is not one.

    A line is a secrecy line when it starts with Sekretess / Omfattas av sekretess / OSL
    (or "26 kap. 1 § OSL") and is short (a sentence that only mentions secrecy is text).
    """
    text = line.strip()
    if len(text) > 160 or not _SECRECY_LINE.match(text):
        return None
    if text.lower().startswith("sekretess") and len(text.split()) > 12:
        return None
    m = _COLON_FORM.search(text)
    if m:
        return f"OSL {int(m[1])} kap. {int(m[2])} §"
    m = _CHAPTER_SECTION.search(text)
    if m and (_OSL_WORDS.search(text) or "sekretess" in text.lower()):
        return f"OSL {int(m[1])} kap. {int(m[2])} §"
    return UNKNOWN_GROUND
