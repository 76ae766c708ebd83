"""Help lines wrap with a hanging indent: a description continues under itself, never
under the key column, at any width (and again after a resize)."""

from __future__ import annotations

from namndtui.tui.screens.help import KEY_COLUMN, help_lines, key_lines, legend
from namndtui.tui.widgets.hanging import GAP


def test_every_help_line_hangs_under_its_description() -> None:
    indent = KEY_COLUMN + GAP
    for width in (40, 60, 76, 116):
        for _title, keys in help_lines():
            visual = key_lines(keys)
            lines = [line.plain for line in visual.lines(width)]
            assert all(len(line) <= width for line in lines)
            starts = [line for line in lines if not line.startswith(" ")]
            assert len(starts) == len(keys)  # one first line per key, the rest hang
            for line in lines:
                if line.startswith(" "):
                    assert line[:indent].strip() == "" and line[indent] != " "
            texts = " ".join(line[indent:] for line in lines)
            for key, text in keys:  # nothing lost, nothing cut
                assert " ".join(text.split()) in " ".join(texts.split())
                assert any(line.startswith(key) for line in starts)
            assert visual.get_height(None, width) == len(lines)


def test_a_long_key_gets_a_line_of_its_own_and_the_legend_hangs_too() -> None:
    visual = key_lines([("ctrl+shift+pageup", "Något med en lång tangent och en lång text")])
    assert [line.plain.rstrip() for line in visual.lines(36)] == [
        "ctrl+shift+pageup",
        "              Något med en lång",
        "              tangent och en lång",
        "              text",
    ]
    lines = [line.plain.rstrip() for line in legend().lines(44)]
    at = next(i for i, line in enumerate(lines) if line.startswith("§ 121"))
    assert lines[at : at + 3] == [
        "§ 121         grått nummer: det § ärendet",
        "              får om listan tas i tur och",
        "              ordning",
    ]


def test_one_row_per_action_with_its_keys_together() -> None:
    # k/j do what upp/ned do: one row names them all, no "k Upp" / "j Ned" rows of their own
    rows = [row for _title, keys in help_lines() for row in keys]
    texts = [text for _key, text in rows]
    assert len(texts) == len(set(texts))
    assert "Upp" not in texts and "Ned" not in texts
    agenda = dict(help_lines()[0][1])
    assert agenda["upp/ned, k/j"].startswith("Flytta i föredragningslistan")
    # a remapped key ([keys] in the settings) is the one shown, in the same row
    agenda = dict(help_lines({"agenda.up": "ctrl+k"})[0][1])
    assert "upp/ned, ctrl+k/j" in agenda
