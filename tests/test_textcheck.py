"""textcheck's fast path: printable text skips the regular expressions (compiled lazily),
so every character they act on must be one `str.isprintable` refuses."""

from __future__ import annotations

import re

from namndtui import textcheck


def _class_members(pattern: str) -> list[str]:
    """Every character of a one-class pattern like "[a-c\\u2028]"."""
    body = pattern[1:-1]
    chars: list[str] = []
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            chars += [chr(c) for c in range(ord(body[i]), ord(body[i + 2]) + 1)]
            i += 3
        else:
            chars.append(body[i])
            i += 1
    return chars


def test_every_character_acted_on_is_not_printable() -> None:
    for name, pattern in textcheck._PATTERNS.items():
        members = _class_members(pattern)
        compiled = re.compile(pattern)
        assert all(compiled.fullmatch(c) for c in members), name  # the parse above is right
        printable = [f"U+{ord(c):04X}" for c in members if c.isprintable()]
        assert printable == [], (name, printable)


def test_printable_text_is_passed_and_the_rest_still_shown() -> None:
    text = "Socialnämnden  2024-01-01  § 5  «Ekbacka» gård — nbsp\u00a0 ok"
    assert textcheck.visible(text) is text
    assert textcheck.visible("tab\tand\nnewline kept") == "tab\tand\nnewline kept"
    assert textcheck.visible("esc\x1b[31m") == "esc␛[31m"
    assert textcheck.visible("a\u2028b\ud800") == "a⟨U+2028⟩b⟨U+D800⟩"
    assert textcheck.storable_problem(text) == ""
    assert "U+D800" in textcheck.storable_problem("a\ud800")
    assert textcheck.hidden_characters(text) == ""
    assert "U+202E" in textcheck.hidden_characters("a\u202eb")
