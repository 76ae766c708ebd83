"""Item ids from titles: lower case ASCII, words joined by hyphens, at most ~40 chars."""

from __future__ import annotations

import re
import unicodedata

MAX_ID_LENGTH = 40
_FOLD = str.maketrans(
    {"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "ae", "ø": "o", "ß": "ss"}
)


def slugify(title: str, max_length: int = MAX_ID_LENGTH, default: str = "arende") -> str:
    """'Ansökan till Länsstyrelsen …' → 'ansokan-till-lansstyrelsen-i-stockholms'.

    Cut at a word boundary so the id stays at most `max_length` characters (a single
    longer word is cut hard). Returns `default` when nothing usable is left.
    """
    text = title.lower().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            if not slug:
                slug = word[:max_length]
            break
        slug = candidate
    return slug or default


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` … whichever is not in `taken`."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
