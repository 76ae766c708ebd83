"""Secret paragraphs in the archive (issue #16, item 3): found on the secretary's machine,
marked SEKRETESS; a public search never returns their text, and the index keeps that text
where a public search cannot reach it: in a file of its own that it never opens."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest
from tests.archive.helpers import BODY, MEETING_A, make_minutes, write

from namndtui.archive import ArchiveIndex
from namndtui.cli import main

SECRET = {
    "id": "individ",
    "title": "Placering av barnet Kalle Karlsson enligt LVU",
    "dnr": "SN 2007/4711",
    "summary": "Barnet bor hos familjehemmet Zebrafink på Grimstavägen.",
    "decision": ["Nämnden beslutar om vård enligt 2 § LVU för Kalle Karlsson."],
    "motions": [("Anna Ek", "bifall", "Kalle behöver ett tryggt hem.")],
    "reservations": [("Johan Ekdahl", "Familjehemmet Zebrafink är olämpligt.")],
    "secrecy": "OSL 26 kap. 1 §",
    "public_title": "Individärende",
}
# Words that occur only in the secret §: none may leave the secret part.
PLANTED = ["kalle", "karlsson", "zebrafink", "grimstavägen", "4711", "lvu", "olämpligt"]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "arkiv"
    write(root / "2007-09-25", make_minutes(BODY, "2007-09-25", 100, [*MEETING_A, SECRET]))
    index = ArchiveIndex(root)
    index.update()
    index.close()
    return root


def test_the_secretary_finds_secret_paragraphs_marked(archive: Path) -> None:
    index = ArchiveIndex(archive)
    (hit,) = index.search("zebrafink")
    assert (hit.number, hit.title, hit.secret) == (103, SECRET["title"], "OSL 26 kap. 1 §")
    assert hit.line().startswith("SEKRETESS (OSL 26 kap. 1 §)  ")
    assert [h.number for h in index.search('ledamot:"Johan Ekdahl" typ:reservation')] == [103]
    assert [h.number for h in index.search("dnr:SN2007/4711")] == [103]
    # Every hit of a secret § is marked, also when found by a filter only.
    assert all(h.secret for h in index.search("§103"))
    public = [h for h in index.search("nämnd") if h.number != 103]
    assert public and not any(h.secret for h in public)


def test_a_public_search_never_returns_secret_text(archive: Path) -> None:
    index = ArchiveIndex(archive, public=True)
    for word in PLANTED:
        assert index.search(word) == [], word
    assert index.search('ledamot:"Johan Ekdahl" typ:reservation') == []
    (hit,) = index.search("§103")  # the § keeps its number and public title
    assert (hit.title, hit.secret) == ("Individärende", "OSL 26 kap. 1 §")
    assert "Ärendet redovisas inte med hänvisning till sekretess" in hit.snippet
    assert not any(word in hit.line().lower() for word in PLANTED)


def test_the_public_connection_never_opens_the_secret_part(archive: Path) -> None:
    index = ArchiveIndex(archive, public=True)
    index.search("nämnd")
    conn = index._conn()
    files = [row[2] for row in conn.execute("PRAGMA database_list")]
    assert files == [str(index.db_path)]  # no attached database
    # Without the secret part's file at all a public search still works…
    index.secret_path.rename(index.secret_path.with_name("bort"))
    assert index.search("nämnd")
    assert index.search("zebrafink") == []


def test_the_index_file_holds_no_secret_text(archive: Path) -> None:
    """Read every table of the index file (texts unpacked), not through any query."""
    conn = sqlite3.connect(archive / ".namndtui-index.sqlite")
    seen: list[str] = []
    tables = (
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
    )
    for (table,) in conn.execute(tables):
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                if isinstance(value, bytes):
                    try:
                        value = zlib.decompress(value).decode("utf-8")
                    except zlib.error:
                        value = value.decode("utf-8", "replace")
                seen.append(str(value).lower())
    conn.close()
    blob = "\n".join(seen)
    assert "individärende" in blob  # the public stub is there
    for word in PLANTED:
        assert word not in blob, word
    raw = (archive / ".namndtui-index.sqlite").read_bytes().lower()
    for word in PLANTED:
        assert word.encode() not in raw, word
    secret = (archive / ".namndtui-index.sqlite-sekretess").read_bytes()
    assert secret  # the full text lives there (compressed)


def test_secret_paragraph_edited_and_removed(archive: Path) -> None:
    index = ArchiveIndex(archive)
    changed = dict(SECRET, summary="Barnet flyttar till familjehemmet Kolibri.")
    write(archive / "2007-09-25", make_minutes(BODY, "2007-09-25", 100, [*MEETING_A, changed]))
    index.update()
    assert index.search("zebrafink") and index.search("kolibri")[0].secret
    (archive / "2007-09-25" / "protokoll.toml").unlink()
    index.update()
    assert index.search("kolibri") == [] and index.search("individärende") == []


def test_search_cli_publicering(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "§103", "--archive", str(archive)]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("SEKRETESS (OSL 26 kap. 1 §)") and "Karlsson" in out
    assert main(["search", "karlsson", "--publicering", "--archive", str(archive)]) == 1
    assert main(["search", "§103", "--publicering", "--archive", str(archive)]) == 0
    out, _ = capsys.readouterr()
    assert "Individärende" in out and "Karlsson" not in out


def test_parts_apart_after_a_cut_short_update_are_repaired(archive: Path) -> None:
    """The two files commit one after the other: a kill between them leaves the index with
    the public stub and the secret part without the § (simulated here)."""
    conn = sqlite3.connect(archive / ".namndtui-index.sqlite-sekretess")
    conn.execute("INSERT INTO para_fts(para_fts) VALUES ('delete-all')")
    conn.execute("DELETE FROM paragraphs")
    conn.execute("DELETE FROM texts")
    conn.commit()
    conn.close()
    conn = sqlite3.connect(archive / ".namndtui-index.sqlite")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('writing', '1')")
    conn.commit()
    conn.close()
    index = ArchiveIndex(archive)
    assert index.search("zebrafink") == []  # apart
    stats = index.update()
    assert stats.parsed == 1
    (hit,) = index.search("zebrafink")
    assert hit.secret


def test_the_archive_screen_marks_secret_hits(archive: Path) -> None:
    from namndtui.tui.screens.archive import hit_content

    (hit,) = ArchiveIndex(archive).search("zebrafink")
    assert hit_content(hit).plain.startswith("SEKRETESS (OSL 26 kap. 1 §)  ")
    other = ArchiveIndex(archive).search("länsstyrelsen")[0]
    assert not hit_content(other).plain.startswith("SEKRETESS")


def test_an_archive_folder_with_uri_characters(tmp_path: Path) -> None:
    root = tmp_path / "arkiv #1 ?50% & mer"
    write(root / "m", make_minutes(BODY, "2007-09-25", 100, [SECRET]))
    ArchiveIndex(root).update()
    index = ArchiveIndex(root)
    assert index.rebuilt == ""  # the secret part was found: not rebuilt on every opening
    assert index.update().parsed == 0
    assert index.search("zebrafink")[0].secret


def test_names_and_letters_of_a_secret_paragraph_stay_in_the_secret_part(
    tmp_path: Path,
) -> None:
    """The lookup tables (the names `ledamot:` resolves to, the letters the texts hold) are
    per part: a name or a letter that only a secret § has is not in the index file a public
    search reads, and the secretary's `ledamot:` still finds it."""
    root = tmp_path / "arkiv"
    secret = {**SECRET, "motions": [("Zorro Qvarnström", "avslag", "Ærligt talt nej.")]}
    write(root / "2007-09-25", make_minutes(BODY, "2007-09-25", 100, [*MEETING_A, secret]))
    index = ArchiveIndex(root)
    index.update()
    assert [h.number for h in index.search("ledamot:qvarnström")] == [103]
    index.close()
    conn = sqlite3.connect(root / ".namndtui-index.sqlite")
    names = {r[0] for r in conn.execute("SELECT name FROM members")}
    letters = {r[0] for r in conn.execute("SELECT c FROM chars")}
    conn.close()
    assert not any("qvarnström" in name for name in names)
    assert "æ" not in letters
    assert ArchiveIndex(root, public=True).search("ledamot:qvarnström") == []
