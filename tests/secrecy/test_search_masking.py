"""`search --publicering` masks a public §'s title and snippet as the public minutes do
(the names in `personal_data`, personnummer, contacts): namndtui.secrecy.mask."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from tests.archive.helpers import BODY, make_minutes, write

from namndtui.cli import main

PUBLIC_WITH_A_NAME = {
    "id": "bidrag",
    "title": "Bidrag till Lisa Nyberg för ungdomsläger",
    "summary": "Lisa Nyberg (tel. 070-123 45 67) söker bidrag för ungdomsläger i Vällingby.",
    "decision": ["Nämnden beviljar bidraget."],
}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    minutes = make_minutes(BODY, "2007-09-25", 100, [PUBLIC_WITH_A_NAME])
    meeting = dataclasses.replace(minutes.meeting, personal_data=("Lisa Nyberg",))
    write(tmp_path / "arkiv" / "2007-09-25", dataclasses.replace(minutes, meeting=meeting))
    return tmp_path / "arkiv"


def test_a_public_search_masks_listed_names(archive: Path, capsys) -> None:
    assert main(["search", "ungdomsläger", "--publicering", "--archive", str(archive)]) == 0
    out, _ = capsys.readouterr()
    assert "Nyberg" not in out and "Lisa" not in out and "070" not in out, out
    assert "Bidrag till XX för «ungdomsläger»" in out, out
    assert main(["search", "nyberg", "--publicering", "--archive", str(archive)]) in (0, 1)
    out, _ = capsys.readouterr()
    assert "Nyberg" not in out and "nyberg" not in out.lower(), out
    # the secretary's own search shows the minutes as written
    assert main(["search", "ungdomsläger", "--archive", str(archive)]) == 0
    assert "Lisa Nyberg" in capsys.readouterr().out


def test_a_masked_name_is_not_found_by_a_public_search(archive: Path, capsys) -> None:
    """A hit on a masked name showed its § with «XX» marked (qa): the public learned where the
    name stands. The public minutes do not hold it, so a public search finds nothing."""
    for query in ("nyberg", "Lisa", "ungdomsläger Nyberg"):
        assert main(["search", query, "--publicering", "--archive", str(archive)]) == 1
        out, err = capsys.readouterr()
        assert out == "" and "inga träffar" in err, (query, out)


FAR_FROM_THE_EXCERPT = {
    "id": "lokal",
    "title": "Hyra av lokal för fritidsverksamhet",
    "summary": "Förvaltningen föreslår att nämnden hyr lokalen. "
    + "Verksamheten riktar sig till barn och unga i stadsdelen. " * 12
    + "Frågor besvaras av Lisa Nyberg.",
    "decision": ["Nämnden godkänner förslaget."],
}


def test_a_masked_name_outside_the_excerpt_is_no_public_hit(tmp_path: Path, capsys) -> None:
    """QA: `search --publicering "förvaltningen nyberg"` listed the § – its title and excerpt
    (the start of the text) held no masked name, the name stood far below. The query is
    now checked in the public (masked) text of the whole §, and the hit shows that text."""
    minutes = make_minutes(BODY, "2007-09-25", 100, [FAR_FROM_THE_EXCERPT])
    meeting = dataclasses.replace(minutes.meeting, personal_data=("Lisa Nyberg",))
    root = tmp_path / "arkiv"
    write(root / "2007-09-25", dataclasses.replace(minutes, meeting=meeting))
    query = ["förvaltningen nyberg", "--archive", str(root)]
    assert main(["search", *query]) == 0  # the secretary's own search finds it
    capsys.readouterr()
    assert main(["search", *query, "--publicering"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "inga träffar" in err, out
    assert main(["search", "förvaltningen", "--publicering", "--archive", str(root)]) == 0
    out, _ = capsys.readouterr()
    assert "«Förvaltningen» föreslår" in out and "Nyberg" not in out, out
