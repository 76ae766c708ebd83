"""A template of the user's own (`--template MAPP`, `template_dir`) that cannot be used
(round 4, hostile input): one located Swedish line and exit 2, never Jinja2's traceback,
never a hang on a FIFO named like a template."""

from __future__ import annotations

import os
import shutil

import pytest
from tests.reliability.conftest import EXAMPLE, cli

pytestmark = pytest.mark.timeout(30)  # the FIFO blocked the export for ever

CASES = {
    "syntax": ("{% if %}\n", ":1: mallen kan inte användas: syntaxfel (Jinja2: "),
    "undefined": (
        "\n{{ nosuch.attr }}\n",
        ":2: mallen kan inte användas: den använder något som inte finns",
    ),
    "itself": (
        '{% include "protokoll.md.j2" %}\n',
        ":1: mallen kan inte användas: den tar med sig själv i en slinga",
    ),
    "missing": (
        '{% include "saknas.j2" %}\n',
        ":1: mallen kan inte användas: den tar med en mall som inte finns: saknas.j2",
    ),
    "latin1": ("Nämnd".encode("latin-1"), ": mallen kan inte användas: filen är inte UTF-8-text"),
    "fifo": (None, ": mallen kan inte användas: är ingen vanlig fil"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_template_that_cannot_be_used_is_one_line(tmp_path, case):
    content, said = CASES[case]
    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    templates = tmp_path / "mallar"
    templates.mkdir()
    template = templates / "protokoll.md.j2"
    if content is None:
        os.mkfifo(template)
    else:
        template.write_bytes(content.encode() if isinstance(content, str) else content)
    code, _out, err = cli("export", str(folder), "--template", str(templates))
    assert code == 2 and "Traceback" not in err
    assert err.startswith(f"namndtui: {template}") and said in err, err
    assert err.count("\n") == 1
