"""The bundled example archive (package data, namndtui/examples): three 2007 meetings, § numbers running on to 120."""

from __future__ import annotations

import shutil
from pathlib import Path

from namndtui.archive import ArchiveIndex
from namndtui.commands.open_app import classify
from namndtui.examples import example_archive

DATA = example_archive()


def test_example_archive_indexes_cleanly(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy, ignore=shutil.ignore_patterns(".namndtui-index*"))
    assert classify(copy) == ("archive", copy)  # a folder of meetings and minutes
    index = ArchiveIndex(copy)
    index.update()
    assert index.problems() == []
    rows = sorted(index.meetings(), key=lambda r: r.date)
    assert [(r.date, r.first, r.last) for r in rows] == [
        ("2007-06-12", 80, 95),
        ("2007-08-28", 96, 107),
        ("2007-09-25", 108, 119),  # the example meeting 2007-10-23 starts at § 120
    ]
    (seed,) = index.search("dnr:503-412-07")
    assert (seed.date, seed.number) == ("2007-09-25", 112)
    assert [h.number for h in index.search("typ:bordlagt")] == [112]
    assert index.search('ledamot:"Per Almqvist" typ:reservation')
