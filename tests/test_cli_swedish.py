"""The command line speaks one language: argparse's own strings are Swedish in every
--help and in usage errors (namndtui/argparse_sv.py)."""

from __future__ import annotations

import re

import pytest

from namndtui.argparse_sv import SWEDISH
from namndtui.cli import COMMANDS, main

ENGLISH = ["usage:", "show this help", "show program's", "positional arguments", "options:"]
ENGLISH += ["error:", "the following arguments", "unrecognized arguments", "invalid choice"]


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]])
def test_help_has_no_english_line(command: list[str], capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: namndtui")
    assert not [e for e in ENGLISH if e in out], out


@pytest.mark.parametrize(
    "argv", [["validate"], ["search", "x", "--bogus"], ["search", "x", "--limit"]]
)
def test_usage_errors_are_swedish(argv: list[str], capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert ": fel: " in err and err.startswith("användning: ")
    assert not [e for e in ENGLISH if e in err], err


def test_every_translation_keeps_its_placeholders() -> None:
    for english, swedish in SWEDISH.items():
        for mark in ("%s", "%r", "%(prog)s", "%(message)s", "%(value)r", "%(choices)s"):
            assert english.count(mark) == swedish.count(mark), english


def test_one_metavar_vocabulary_and_an_example_everywhere(capsys) -> None:
    for name in COMMANDS:
        with pytest.raises(SystemExit):
            main([name, "--help"])
        out = capsys.readouterr().out
        assert "exempel: namndtui " + name in out, name
        usage = out.split("\n\n")[0]
        assert not [w for w in ("PATH", "FILE", " DIR", "QUERY", "MEETING") if w in usage], usage


def test_the_main_help_lists_each_command_on_one_line(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    lines = capsys.readouterr().out.splitlines()
    for name in COMMANDS:
        assert [line for line in lines if line.startswith(f"  {name} ")], name


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_scripts(shell: str, capsys) -> None:
    assert main(["--print-completion", shell]) == 0
    script = capsys.readouterr().out
    assert "import-kallelse" in script and "--archive" in script


def test_export_out_creates_the_folder(tmp_path, capsys) -> None:
    from tests.minutes import scenario as sc

    from namndtui.minutes.source import load_meeting_for_record

    folder = sc.copy_tree(tmp_path)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    sc.record_meeting(folder, meeting, sc.meeting_events()).close()
    out = tmp_path / "publicerat" / "2024"
    assert main(["export", str(folder), "--out", str(out)]) == 0
    assert (out / "protokoll.md").is_file()


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]])
def test_the_help_text_names_the_metavars_it_shows(command: list[str], capsys) -> None:
    """The descriptions say SÖKVÄG, as the usage line does, never the English PATH."""
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert not re.search(r"\b(PATH|FILE|DIR|QUERY)\b", out), out
