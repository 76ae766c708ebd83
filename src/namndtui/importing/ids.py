"""Item ids from titles: lower case ASCII, words joined by hyphens, at most ~40 chars."""

from __future__ import annotations

from namndtui.model import id_words

MAX_ID_LENGTH = 40
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", " "))


def slugify(title: str, max_length: int = MAX_ID_LENGTH, default: str = "arende") -> str:
    """'Ansökan till Länsstyrelsen …' → 'ansokan-till-lansstyrelsen-i-stockholms'.

    Cut at a word boundary so the id stays at most `max_length` characters (a single
    longer word is cut hard). Returns `default` when nothing usable is left.
    """
    # Dashes between words separate them: "2010–2015" → "2010-2015", not "20102015"
    # (id_words folds to ASCII and would drop the en dash).
    words = id_words(title.translate(_DASHES))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            if not slug:
                slug = word[:max_length]
            break
        slug = candidate
    return slug or default


def unique_id(base: str, taken: set[str], next_suffix: dict[str, int] | None = None) -> str:
    """`base`, or `base-2`, `base-3` … whichever is not in `taken`.

    `next_suffix` (base → the next number to try), kept by a caller that makes many ids,
    makes 20,000 items of the same title linear instead of quadratic.
    """
    if base not in taken:
        return base
    n = next_suffix.get(base, 2) if next_suffix is not None else 2
    while f"{base}-{n}" in taken:
        n += 1
    if next_suffix is not None:
        next_suffix[base] = n + 1
    return f"{base}-{n}"
