"""Search order and the fast paths: date-ordered ids, the ranking window, short words."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from tests.archive.helpers import BODY, OTHER, make_minutes, small_archive, write

import namndtui.archive.query as query_module
from namndtui.archive import ArchiveIndex
from namndtui.archive.index import DAY_BITS, date_key


def item(n: int, title: str, summary: str = "", dnr: str = "") -> dict:
    return {"id": f"i{n}", "title": title, "summary": summary, "dnr": dnr}


@pytest.fixture
def three(tmp_path: Path) -> ArchiveIndex:
    """Three meetings; the oldest sorts last by path, so ids cannot follow the scan order."""
    root = tmp_path / "arkiv"
    write(
        root / "z" / "2001",
        make_minutes(BODY, "2001-03-01", 10, [item(0, "Simhallen i Vällingby"), item(1, "Övrigt")]),
    )
    write(
        root / "a" / "2009",
        make_minutes(
            BODY,
            "2009-05-05",
            40,
            [item(0, "Lokaler", "Ärendet gäller simhallen."), item(1, "Park", "Simhallen igen.")],
        ),
    )
    write(
        root / "m" / "2009b",
        make_minutes(OTHER, "2009-05-05", 7, [item(0, "Bibliotek", "Inget om bad.")]),
    )
    idx = ArchiveIndex(root)
    idx.update()
    return idx


def ids(idx: ArchiveIndex) -> list[tuple[int, str, int]]:
    conn = sqlite3.connect(idx.db_path)
    rows = conn.execute(
        "SELECT p.id, m.date, p.number FROM paragraphs p JOIN meetings m USING (file_id)"
        " ORDER BY p.id DESC"
    ).fetchall()
    conn.close()
    return rows


def test_ids_follow_the_meeting_date_and_the_paragraph_order(three: ArchiveIndex) -> None:
    rows = ids(three)
    # newest date first; within one meeting, § ascending when read by id descending
    assert [(d, n) for _, d, n in rows] == [
        ("2009-05-05", 40),
        ("2009-05-05", 41),
        ("2009-05-05", 7),
        ("2001-03-01", 10),
        ("2001-03-01", 11),
    ]
    day = date_key(dt.date(2009, 5, 5))
    assert all(day <= pid < day + (1 << DAY_BITS) for pid, d, _ in rows if d == "2009-05-05")


def test_filters_alone_list_newest_first(three: ArchiveIndex) -> None:
    hits = three.search("organ:hässelby")
    assert [(h.date, h.number) for h in hits] == [
        ("2009-05-05", 40),
        ("2009-05-05", 41),
        ("2001-03-01", 10),
        ("2001-03-01", 11),
    ]
    assert [h.number for h in three.search("år:2001")] == [10, 11]
    assert [h.number for h in three.search("från:2009-05-05 till:2009-05-05")] == [40, 41, 7]
    assert three.search("till:2001-02-28") == []


def test_title_match_ranks_first_within_the_window(three: ArchiveIndex) -> None:
    assert [(h.date, h.number) for h in three.search("simhall")][0] == ("2001-03-01", 10)


def test_a_common_word_is_ranked_among_its_newest_matches(
    three: ArchiveIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With a window of two, the old title match falls outside: the newest two are ranked
    # (both have the word in the text only; bm25 puts the shorter text first).
    monkeypatch.setattr(query_module, "WINDOW", 2)
    assert sorted((h.date, h.number) for h in three.search("simhall", limit=2)) == [
        ("2009-05-05", 40),
        ("2009-05-05", 41),
    ]
    # a limit above the window widens it
    assert len(three.search("simhall", limit=3)) == 3


def test_reindexing_one_day_keeps_the_order(tmp_path: Path) -> None:
    root = small_archive(tmp_path / "arkiv")
    idx = ArchiveIndex(root)
    idx.update()
    path = root / "hasselby" / "2007-09-25"
    for n in range(3):
        write(path, make_minutes(BODY, "2007-09-25", 100, [item(0, f"Version {n}"), item(1, "B")]))
        idx.update()
    assert [(d, n) for _, d, n in ids(idx)] == [
        ("2008-01-15", 1),
        ("2007-09-25", 100),
        ("2007-09-25", 101),
    ]
    assert [h.title for h in idx.search("version")] == ["Version 2"]


def test_two_letter_words_anywhere_in_a_column(tmp_path: Path) -> None:
    root = tmp_path / "arkiv"
    items = [
        item(0, "Ek vid vägen"),  # at the start of the title
        item(1, "Lönesättning", "Texten slutar på ek"),  # at the end of the text
        item(2, "Rapport", "Inget här."),
        item(3, "Åtgärder", "ÅT"),  # a two-letter word in upper case, non-ASCII
    ]
    write(root, make_minutes(BODY, "2010-01-01", 1, items))
    idx = ArchiveIndex(root)
    idx.update()
    assert sorted(h.number for h in idx.search("ek")) == [1, 2]
    assert sorted(h.number for h in idx.search("EK år:2010")) == [1, 2]
    assert idx.search("ek år:2011") == []
    assert sorted(h.number for h in idx.search("åt")) == [4]
    assert idx.search("qz") == []  # letters the archive does not hold: no query at all
    assert idx.search("ek rapport") == []
    assert [h.number for h in idx.search("ä vägen")] == [1]  # one letter: the LIKE scan
    hit = idx.search("ek lönesättning")[0]
    assert hit.spans and hit.snippet[hit.spans[-1][0] : hit.spans[-1][1]] == "ek"


@pytest.mark.parametrize("sparse", [0, 10**9])
def test_kind_and_member_filters_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sparse: int
) -> None:
    # Rare kinds are looked up first, common ones tested per §: the same hits either way.
    monkeypatch.setattr(query_module, "SPARSE", sparse)
    idx = ArchiveIndex(small_archive(tmp_path / "arkiv"))
    idx.update()

    def found(query: str) -> list[tuple[str, int]]:
        return [(h.date, h.number) for h in idx.search(query)]

    assert found("typ:reservation") == [("2007-09-25", 100)]
    assert found("typ:omedelbar|anteckning") == [("2007-09-25", 101), ("2007-09-25", 102)]
    assert found("typ:jäv") == []
    assert found("ledamot:ek") == [("2008-01-15", 1), ("2007-09-25", 100)]  # Ek and Ekdahl
    assert found("ledamot:dahl") == []  # a name matches at the start of its words only
    assert found("ledamot:zzz") == []
    assert found('ledamot:"anna ek" typ:reservation') == [("2007-09-25", 100)]
    assert found("ledamot:ekdahl typ:reservation") == []
    assert found("ledamot:ekdahl typ:votering år:2007") == [("2007-09-25", 100)]
    assert found("fritidsgård ledamot:ekdahl typ:votering") == [("2007-09-25", 100)]
