"""Bounded input for the importers (issue 20): hostile files give one Swedish line, exit 2.

No traceback, no hang (pytest-timeout stops a hang), no unbounded memory: the zip bomb
is refused from its directory, before anything is unpacked.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.importing.hostile_imports import HOSTILE, hyphen_lines

from namndtui.cli import main

EXPECTED = {
    "billion_laughs": "XML med DTD eller entiteter",
    "deep_xml": "XML nästlad djupare än 200 nivåer",
    "zip_bomb": "MB uppackad",
    "bad_deflate": "kunde inte läsas",
    "nested_arrays": "kunde inte läsas",
    "unknown_filter": "",  # refused or read without its page: either way one line
    "too_many_pages": "2001 sidor; högst 2000",
    "huge_text": "för mycket text",
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize("command", ["import-text", "import-agenda", "import-kallelse"])
def test_hostile_file_one_line_exit_2(
    kind: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = HOSTILE[kind](tmp_path)
    before = path.read_bytes()
    code = main([command, str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if kind == "unknown_filter" and code == 0:  # the page without text is simply empty
        return
    assert code == 2, (code, err)
    assert err.count("\n") == 1 and err.startswith("namndtui: "), err
    assert EXPECTED[kind] in err, err
    assert path.read_bytes() == before


@pytest.mark.timeout(60)
def test_twenty_thousand_hyphen_lines_are_linear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was 23 s (the whole text rescanned at each line); the timeout catches a relapse."""
    path = hyphen_lines(tmp_path)
    assert main(["import-text", str(path)]) == 0
    assert "utututut" in capsys.readouterr().out


def test_special_files_are_refused_before_opening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)  # opening it would block forever
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    for path, message in [
        (fifo, "ingen vanlig fil"),
        (Path("/dev/zero"), "ingen vanlig fil"),
        (loop, "symboliska länkar i en slinga"),
    ]:
        for command in ("import-text", "import-agenda", "import-kallelse"):
            assert main([command, str(path)]) == 2, (command, path)
            err = capsys.readouterr().err
            assert message in err and err.count("\n") == 1, err
