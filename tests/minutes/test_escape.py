"""escape_md: any user text reads back as itself and never becomes markup."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from namndtui.minutes.markdown import escape_md, md_paragraphs
from namndtui.textcheck import HIDDEN_NAMES

MD = MarkdownIt("commonmark", {"html": False}).enable("table")


def inline_text(source: str) -> tuple[list[str], str]:
    """(block token types, the text content) of a Markdown source."""
    tokens = MD.parse(source)
    blocks = [t.type for t in tokens]
    text = ""
    for tok in tokens:
        if tok.type != "inline":
            continue
        for child in tok.children or []:
            if child.type == "text":
                text += child.content
            elif child.type in ("softbreak", "hardbreak"):
                text += "\n"
            else:
                text += f"<{child.type}>"
    return blocks, text


# Characters the minutes show on purpose as ⟨U+…⟩ (textcheck.visible: the line and paragraph
# separators and the hidden format characters, tests/minutes/test_hidden_characters.py),
# so they do not read back as themselves; every other character does.
SHOWN_AS_CODE = "\u2028\u2029" + "".join(map(chr, HIDDEN_NAMES))

TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"),
        whitelist_characters="\t\n",
        blacklist_characters=SHOWN_AS_CODE,
    ),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(TEXT)
@example("# Rubrik")
@example("1. punkt")
@example("- lista")
@example("+ plus")
@example("> citat")
@example("*fet* _kursiv_ `kod`")
@example("a | b\n:--- | ---")
@example("<b>html</b> &amp; [länk](http://x)")
@example("    indragen kod")
@example("rad\n===")
@example("---")
@example("ett  \ntvå")
@example("slutar med \\")
def test_escaped_text_reads_back_as_itself(text: str) -> None:
    blocks, content = inline_text(escape_md(text))
    text = text.strip("\n")  # documented: outer line breaks are dropped
    if text == "":
        assert blocks == []
        return
    assert blocks == ["paragraph_open", "inline", "paragraph_close"], (text, blocks)
    assert content == text


@pytest.mark.parametrize("char", list(SHOWN_AS_CODE))
def test_a_hidden_character_reads_back_as_its_code(char: str) -> None:
    _, content = inline_text(escape_md(f"a{char}b"))
    assert content == f"a⟨U+{ord(char):04X}⟩b"


def test_markup_characters_are_escaped() -> None:
    assert escape_md("# x") == "\\# x"
    assert escape_md("1. x") == "1\\. x"
    assert escape_md("a|b") == "a\\|b"
    assert escape_md("<script>") == "\\<script\\>"
    assert escape_md("Anna Ek (M)") == "Anna Ek (M)"  # ordinary text stays readable


def test_table_cell_stays_one_cell() -> None:
    source = "| a | b |\n| --- | --- |\n| " + escape_md("x | y") + " | z |\n"
    tokens = MD.parse(source)
    cells = [t.children[0].content for t in tokens if t.type == "inline" and t.children]
    assert cells == ["a", "b", "x | y", "z"]


def test_paragraphs_split_on_blank_lines() -> None:
    assert md_paragraphs("Ett.\n\nTvå *stjärnor*.\n") == ["Ett.", "Två \\*stjärnor\\*."]
