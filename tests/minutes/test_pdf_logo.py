"""The logo (and any image a template names) in the PDF is a local image file (round 4,
hostile input): /dev/zero there read until memory ran out (MemoryError traceback), a FIFO
blocked the export for ever, and a missing file was left out without a word."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tests.reliability.conftest import EXAMPLE, cli

from namndtui.minutes.pdf import local_file_problem
from namndtui.minutes.settings import DEFAULT, logo_problem


def test_what_cannot_be_a_logo_is_said(tmp_path):
    fifo = tmp_path / "logo.png"
    os.mkfifo(fifo)
    assert "ingen vanlig fil" in local_file_problem(fifo)
    assert local_file_problem(tmp_path) == "är en mapp, ingen fil"
    assert local_file_problem(tmp_path / "saknas.png") == "filen finns inte"
    big = tmp_path / "stor.png"
    big.write_bytes(bytes(3 * 1024 * 1024))
    assert "för stor (3 MB; högst 2 MB)" in local_file_problem(big, limit=2 * 1024 * 1024)
    assert local_file_problem(big) == ""
    assert logo_problem(DEFAULT) == ""


@pytest.mark.timeout(60)  # the old code blocked on the FIFO for ever
def test_a_logo_that_is_a_fifo_gives_a_pdf_without_it_and_a_warning(tmp_path):
    pytest.importorskip("weasyprint")
    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    os.mkfifo(tmp_path / "logo.png")
    settings = tmp_path / "kommunen.toml"
    settings.write_text('[protokoll]\nlogo = "logo.png"\n', encoding="utf-8")
    code, out, err = cli("export", str(folder), "--pdf", "--settings", str(settings))
    assert code == 0, err
    assert Path(out.splitlines()[-1]).name == "protokoll.pdf"
    assert "protokoll.logo:" in err and "ingen vanlig fil" in err
    assert err.rstrip().endswith("– PDF:en skrivs utan logotyp")
