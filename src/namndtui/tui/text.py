"""User text on screen: always literal (never markup) and visible (never executed).

Every piece of user text (titles, names, sections, motions, notes, paths, error messages
quoting a file …) goes through `ut` or `user_text` before it becomes a Content, a Text or
a notice: `textcheck.visible` turns control characters into visible pictures (ESC -> ␛),
and Content/Text never parse markup, so "[b]x[/b]" stays those eight characters.
Input fields that edit stored text keep the raw text (nothing stored is changed).
"""

from __future__ import annotations

import unicodedata

from textual.content import Content

from namndtui.textcheck import visible


def ut(text: object) -> str:
    """User text as a plain, visible string (for format strings and option labels)."""
    return visible(text if isinstance(text, str) else str(text))


def user_text(text: object, style: str = "") -> Content:
    """User text as Content (optionally styled), never parsed as markup."""
    shown = ut(text)
    return Content.styled(shown, style) if style else Content(shown)


def fold_char(char: str) -> str:
    """One character without its diacritics, in lower case ("Å" -> "a", "ö" -> "o")."""
    if char.isascii():
        return char.lower()
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return (base[:1] or char).lower()


def find_fold(text: str) -> str:
    """`text` as typed-to-find compares it: diacritics and case folded, one character for
    one (so positions found in the folded text are positions in `text`): "Åberg" ->
    "aberg", "Östlund" -> "ostlund"."""
    return "".join(fold_char(c) for c in text)
