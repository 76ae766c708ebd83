"""The command line speaks one language: argparse's own strings are Swedish in every
--help and in usage errors (namndtui/argparse_sv.py)."""

from __future__ import annotations

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
