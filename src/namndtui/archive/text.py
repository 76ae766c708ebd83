"""Plain text helpers and the kinds of fact shared by the indexer and the query side.

Kept apart from documents.py so that `namndtui search` on a fresh index imports neither
the model nor the record (its start-up time is a budget, docs/performance.md).
"""

from __future__ import annotations

import re

# Kinds of fact a paragraph can hold; the values of the `typ:` filter (docs/archive.md).
RESERVATION = "reservation"
VOTE = "votering"
IMMEDIATE = "omedelbar"
MOTION = "yrkande"
NOTE = "anteckning"
STATEMENT = "uttalande"
RECUSAL = "jäv"
TABLED_KIND = "bordlagt"
REFERRED_KIND = "återremitterat"
KINDS = (RESERVATION, VOTE, IMMEDIATE, MOTION, NOTE, STATEMENT, RECUSAL, TABLED_KIND, REFERRED_KIND)

# Control characters never reach the index: a terminal must not get escapes from user text.
# (Compiled on first use by re's cache: printable text, a typical search, needs none.)
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"


def clean(text: str) -> str:
    if text.isprintable():  # (every control character is not)
        return text
    return re.sub(_CONTROL, " ", text)


def fold(text: str) -> str:
    """Lower case, one character for one (so offsets in the folded text are valid)."""
    low = text.lower()
    if len(low) == len(text):  # almost always: no character lowered into two
        return low
    out = []
    for ch in text:
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


def normalize_dnr(dnr: str) -> str:
    """'Dnr 2.6-335/2007 ' → '2.6-335/2007' folded, without spaces (exact Dnr matching)."""
    text = fold(dnr).strip()
    if text.startswith("dnr"):
        text = text[3:].lstrip(" :.")
    return "".join(text.split())
