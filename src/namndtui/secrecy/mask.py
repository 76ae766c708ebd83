"""Masking personal data in text for web versions of the minutes (GDPR).

`Masker(names).mask(text)` replaces, in this order:

- **personnummer and samordningsnummer**: ÅÅMMDD-NNNN, ÅÅMMDD+NNNN (100 years or older),
  ÅÅÅÅMMDD-NNNN, with or without the separator (a space is taken as one too); the day
  may be 61–91 (samordningsnummer: day + 60). The checksum is *not* required: a number
  with a wrong check digit is still someone's mistyped personnummer, a private datum in a
  public document, so it is masked all the same. Month and day must be possible, and the
  number must stand on its own (no digit or `digit-`/`digit.`/`digit/` right before or
  after it), so Dnr forms (`1.5.3-219-2012`, `2018/KS 0290 10`, `SN 2026/318`), dates
  (`2026-12-01`) and amounts (`1 250 000 kr`) are left alone. → `XXXXXX-XXXX`
- **e-mail addresses** → `XX`
- **telephone numbers**: Swedish ones written from a leading 0 (`070-123 45 67`,
  `08-508 123 45`, `0701234567`) with 8–10 digits in all, and international ones from
  `+` or `00` (`+46 70 123 45 67`) with 9–15 digits. → `XX`
  Officials' numbers are masked too: the masker cannot tell a private number from a work
  number, and the web version does not need either.
- **the listed names** (`personal_data` of meeting.toml), case-insensitively, with any
  white space (also a line break) between their words, also in the genitive ("Annas",
  "Anna Anderssons", "Lars'") → `XX`. Only the forms listed: list "Andersson" as well
  when the text says "fru Andersson".

Pure functions, no I/O; `namndtui.secrecy.check` uses the same patterns to find leaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

PERSONNUMMER_MASK = "XXXXXX-XXXX"
NAME_MASK = "XX"
CONTACT_MASK = "XX"

# Not glued to a larger number: no digit, and no digit plus separator, on either side.
_BEFORE = r"(?<!\d)(?<!\d[-./,:])"
_AFTER = r"(?!\d)(?![-./,:]\d)"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])"  # 61–91: samordningsnummer
PERSONNUMMER = re.compile(
    _BEFORE
    + r"(?:(?:18|19|20)\d\d|\d\d)"  # ÅÅÅÅ or ÅÅ
    + _MONTH
    + _DAY
    + r"[-+ ]?\d{4}"
    + _AFTER
)

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# A Swedish number from its leading 0, or an international one from + / 00; groups of
# digits separated by single spaces or dashes. The digit count is checked afterwards.
_PHONE_CANDIDATE = re.compile(
    r"(?<![\w+])(?<!\d[-./,: ])"
    r"(?:(?:\+|00)\d{1,3}[ -]?(?:\(0\)[ ]?)?|0)\d{1,4}(?:[ ]?[-–/][ ]?|[ ])?\d{2,8}"
    r"(?:[ -]\d{2,4}){0,4}"
    r"(?!\d)(?![-./,:]\d)"
)


def _is_phone(text: str) -> bool:
    digits = sum(c.isdigit() for c in text)
    if text.startswith(("+", "00")):
        return 9 <= digits <= 15
    return 8 <= digits <= 10


def find_phones(text: str) -> list[re.Match[str]]:
    """The telephone numbers in `text` (matches whose digit count fits a number)."""
    return [m for m in _PHONE_CANDIDATE.finditer(text) if _is_phone(m.group())]


def _name_pattern(name: str) -> str:
    words = name.split()
    body = r"\s+".join(re.escape(w) for w in words)
    # genitive: -s, 's, ’s, :s, or a bare apostrophe after a name ending in s/x/z
    return r"(?<!\w)" + body + r"(?:s|['’:]s|['’])?(?!\w)"


@lru_cache(maxsize=64)
def names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for all listed names, longest first (so "Anna
    Andersson" is masked whole before "Anna" could be); None when no name is listed."""
    cleaned = sorted({" ".join(n.split()) for n in names if n.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    return re.compile("|".join(_name_pattern(n) for n in cleaned), re.IGNORECASE)


def mask_personnummer(text: str) -> str:
    return PERSONNUMMER.sub(PERSONNUMMER_MASK, text)


def mask_contacts(text: str) -> str:
    """E-mail addresses and telephone numbers → XX."""
    text = EMAIL.sub(CONTACT_MASK, text)
    phones = find_phones(text)
    for m in reversed(phones):
        text = text[: m.start()] + CONTACT_MASK + text[m.end() :]
    return text


class Masker:
    """Masks personnummer, contacts and the listed names in any text."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.names = tuple(names)
        self._names = names_pattern(self.names)

    def mask(self, text: str) -> str:
        if not text:
            return text
        text = mask_contacts(mask_personnummer(text))
        if self._names is not None:
            text = self._names.sub(NAME_MASK, text)
        return text

    __call__ = mask
