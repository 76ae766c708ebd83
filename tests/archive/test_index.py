"""The index and the queries: words, compounds, Dnr, names, filters, problems, rebuilds."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from tests.archive.helpers import BODY, MEETING_A, make_minutes, small_archive, write

from namndtui.archive import ArchiveIndex
from namndtui.archive.index import INDEX_NAME, SCHEMA_VERSION, ArchiveError
from namndtui.archive.search import QueryError, make_snippet, parse_query


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return small_archive(tmp_path / "arkiv")


@pytest.fixture
def index(archive: Path) -> ArchiveIndex:
    idx = ArchiveIndex(archive)
    idx.update()
    return idx


def numbers(index: ArchiveIndex, query: str) -> list[tuple[str, int]]:
    return sorted((h.date, h.number) for h in index.search(query))


def test_build_finds_meetings_at_any_depth(index: ArchiveIndex, archive: Path) -> None:
    rows = index.meetings()
    assert [(r.body, r.date, r.range_text, r.count) for r in rows] == [
        (BODY, "2007-09-25", "§§ 100–102", 3),
        ("Kulturnämnden", "2008-01-15", "§ 1", 1),
    ]
    assert rows[1].path == "kultur/2008/2008-01-15/protokoll.toml"
    assert (archive / INDEX_NAME).is_file()
    assert index.problems() == []
    assert index.years() == ["2008", "2007"]


def test_compound_word_found_by_its_part(index: ArchiveIndex) -> None:
    # "nämnd" is inside "stadsdelsnämnden" and "Kulturnämnden" (trigram substring search)
    assert numbers(index, "fritidsgård") == [("2007-09-25", 100)]
    assert ("2008-01-15", 1) in numbers(index, "nämnd")
    assert ("2007-09-25", 101) in numbers(index, "NÄMND")  # case-insensitive, also for Ä


def test_a_ring_a_umlaut_o_umlaut_stay_distinct(index: ArchiveIndex) -> None:
    assert numbers(index, "gård") != []
    assert numbers(index, "gard") == []  # å is not a
    assert numbers(index, "namnd") == []


def test_all_words_must_match_and_phrases_are_exact(index: ArchiveIndex) -> None:
    assert numbers(index, "fritidsgård vällingby") == [("2007-09-25", 100)]
    assert numbers(index, "fritidsgård budget") == []
    assert numbers(index, '"ny fritidsgård"') == [("2007-09-25", 100)]
    assert numbers(index, '"fritidsgård ny"') == []


def test_no_hit(index: ArchiveIndex) -> None:
    assert index.search("simhall") == []
    assert index.search("") == []


def test_dnr_is_exact(index: ArchiveIndex) -> None:
    assert numbers(index, "dnr:2.6-335/2007") == [("2007-09-25", 100)]
    assert numbers(index, "dnr:'2.6-335/2007-2'".replace("'", '"')) == [("2008-01-15", 1)]
    assert numbers(index, "dnr:2.6-335") == []  # not a prefix match …
    assert len(numbers(index, "dnr:2.6-335*")) == 2  # … unless asked for with *
    assert numbers(index, 'dnr:"Dnr 2.6-400 / 2007"') == [("2007-09-25", 101)]


def test_member_names(index: ArchiveIndex) -> None:
    # Anna Ek moved in both meetings; "Ek" as a word start does not find Johan Ekdahl's §
    assert numbers(index, 'ledamot:"Anna Ek"') == [("2007-09-25", 100), ("2008-01-15", 1)]
    assert numbers(index, "ledamot:almqvist") == [("2007-09-25", 102)]
    assert numbers(index, 'ledamot:"Anna Ek" typ:reservation') == [("2007-09-25", 100)]
    assert numbers(index, "ledamot:Ekdahl typ:reservation") == []  # he voted, did not reserve
    assert numbers(index, "ledamot:Ekdahl typ:votering") == [("2007-09-25", 100)]


def test_kind_filters(index: ArchiveIndex) -> None:
    assert numbers(index, "typ:reservation") == [("2007-09-25", 100)]
    assert numbers(index, "typ:votering") == [("2007-09-25", 100)]
    assert numbers(index, "typ:omedelbar") == [("2007-09-25", 101)]
    assert numbers(index, "typ:omedelbar|reservation") == [("2007-09-25", 100), ("2007-09-25", 101)]
    assert numbers(index, "typ:anteckning") == [("2007-09-25", 102)]
    with pytest.raises(QueryError):
        index.search("typ:fika")


def test_body_and_date_filters(index: ArchiveIndex) -> None:
    assert numbers(index, "nämnd organ:kultur") == [("2008-01-15", 1)]
    assert len(numbers(index, "organ:hässelby")) == 3
    assert numbers(index, "nämnd år:2008") == [("2008-01-15", 1)]
    assert len(numbers(index, "nämnd från:2007-09-25 till:2007-09-25")) >= 2
    assert numbers(index, "nämnd från:2007-10") == [("2008-01-15", 1)]
    assert numbers(index, "nämnd till:2007") != []
    assert numbers(index, "nämnd till:2007-09-24") == []
    assert numbers(index, "§101") == [("2007-09-25", 101)]
    with pytest.raises(QueryError):
        index.search("år:sjutton")


def test_short_words_use_substring_fallback(index: ArchiveIndex) -> None:
    # "KD" is shorter than a trigram: found by the LIKE-style fallback, case-insensitively
    # (also inside "Ekdahl", § 100: a substring search)
    assert numbers(index, "kd") == [("2007-09-25", 100), ("2007-09-25", 102)]
    assert numbers(index, "kd delegationsbeslut") == [("2007-09-25", 102)]
    assert numbers(index, "kd budget") == []


def test_ranking_puts_title_matches_first(index: ArchiveIndex) -> None:
    hits = index.search("länsstyrelsen")
    assert hits[0].number == 101


def test_snippet_spans_mark_the_words(index: ArchiveIndex) -> None:
    hit = index.search("fritidsgård")[0]
    assert hit.spans
    for start, end in hit.spans:
        assert hit.snippet[start:end].lower() == "fritidsgård"
    assert hit.title_spans == [(3, 14)]
    assert "«fritidsgård»" in hit.line()
    assert "\n" not in hit.line()


def test_markup_in_user_text_is_plain(tmp_path: Path) -> None:
    items = [{"id": "x", "title": "[b]Fet[/b] [31mröd", "summary": "Text [/] med [link]."}]
    write(tmp_path / "a", make_minutes(BODY, "2007-01-01", 1, items))
    idx = ArchiveIndex(tmp_path)
    idx.update()
    (hit,) = idx.search("fet")
    assert hit.title.startswith("[b]Fet[/b]")
    from namndtui.archive.documents import clean

    assert clean("a\x1b[31mb\x07") == "a [31mb "  # control characters never reach the index


def test_broken_file_is_a_problem_not_a_crash(archive: Path) -> None:
    bad = archive / "trasig" / "protokoll.toml"
    bad.parent.mkdir()
    bad.write_text('format = "namndtui/protokoll/1"\n[meeting\n', encoding="utf-8")
    binary = archive / "binar" / "protokoll.toml"
    binary.parent.mkdir()
    binary.write_bytes(b"\x00\xff\xfe garbage")
    idx = ArchiveIndex(archive)
    stats = idx.update()
    assert stats.problems == 2
    problems = idx.problems()
    assert [p.path for p in problems] == ["binar/protokoll.toml", "trasig/protokoll.toml"]
    assert problems[1].message.startswith("trasig/protokoll.toml:2:")  # as the archive names it
    assert len(idx.meetings()) == 2  # the good ones are still there
    # Unchanged broken files are not parsed again; fixed ones are.
    assert idx.update().parsed == 0
    bad.unlink()
    assert idx.update().problems == 1


def test_problem_count_kept_for_searches(archive: Path) -> None:
    """A search reads the count of problems the last update left in meta (scanning the
    files table cost 2–10 ms); an update cut short leaves none, so the tables decide."""
    bad = archive / "trasig" / "protokoll.toml"
    bad.parent.mkdir()
    bad.write_text("[meeting\n", encoding="utf-8")
    idx = ArchiveIndex(archive)
    idx.update()
    meta = sqlite3.connect(idx.db_path)

    def count() -> str | None:
        row = meta.execute("SELECT value FROM meta WHERE key = 'problems'").fetchone()
        return row[0] if row else None

    assert count() == "1" and [p.path for p in idx.problems()] == ["trasig/protokoll.toml"]
    bad.unlink()
    idx.update()
    assert count() == "0" and idx.problems() == []
    bad.write_text("[meeting\n", encoding="utf-8")
    with meta:  # as an update killed after its first batch leaves it
        meta.execute("DELETE FROM meta WHERE key = 'problems'")
        meta.execute(
            "INSERT INTO files(rel, mtime_ns, ctime_ns, size, sha256, problem)"
            " VALUES ('trasig/protokoll.toml', 0, 0, 0, '', 'trasig')"
        )
    assert [p.path for p in idx.problems()] == ["trasig/protokoll.toml"]
    meta.close()


def test_problems_read_relative_to_the_archive_whoever_indexed(archive: Path) -> None:
    """An index written when messages kept the indexing program's path (absolute from the
    app, `./…` from `search --archive .`) reads as the archive names its files."""
    idx = ArchiveIndex(archive)
    idx.update()
    with sqlite3.connect(idx.db_path) as conn:
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'problems'")
        conn.executemany(
            "INSERT INTO files(rel, mtime_ns, ctime_ns, size, sha256, problem)"
            " VALUES (?, 0, 0, 0, '', ?)",
            [
                ("a/protokoll.toml", f"{archive.resolve()}/a/protokoll.toml:2: fel"),
                ("b/protokoll.toml", "./b/protokoll.toml: filen kan inte läsas: x"),
            ],
        )
    conn.close()
    assert [p.line for p in ArchiveIndex(str(archive)).problems()] == [
        "a/protokoll.toml:2: fel",
        "b/protokoll.toml: filen kan inte läsas: x",
    ]


def test_unreadable_folder_is_a_problem(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import namndtui.archive.freshness as scan_module

    locked = archive / "last"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):  # chmod 0 does not stop root, so refuse the folder here
        if Path(path) == locked:
            raise PermissionError(13, "Åtkomst nekas")
        return real_scandir(path)

    monkeypatch.setattr(scan_module.os, "scandir", scandir)
    idx = ArchiveIndex(archive)
    idx.update()
    assert [(p.path, p.message) for p in idx.problems()] == [
        ("last", "mappen kan inte läsas: åtkomst nekas")
    ]
    assert idx.problems()[0].line == "last: mappen kan inte läsas: åtkomst nekas"
    assert len(idx.meetings()) == 2


def test_incremental_change_and_delete(archive: Path, index: ArchiveIndex) -> None:
    assert index.update().parsed == 0  # nothing changed
    path = archive / "hasselby" / "2007-09-25" / "protokoll.toml"
    os.utime(path, ns=(1, 1))  # touched, same bytes: hashed, not parsed
    stats = index.update()
    assert (stats.parsed, stats.unchanged) == (0, 2)
    simhall = {"title": "Ny simhall i Vällingby", "summary": "Simhall.", "decision": ["Bifall."]}
    changed = [dict(MEETING_A[0], **simhall)] + MEETING_A[1:]
    write(path.parent, make_minutes(BODY, "2007-09-25", 100, changed))
    stats = index.update()
    assert stats.parsed == 1
    assert numbers(index, "simhall") == [("2007-09-25", 100)]
    assert numbers(index, '"ny fritidsgård"') == []
    path.unlink()
    stats = index.update()
    assert stats.removed == 1
    assert numbers(index, "nämnd år:2007") == []
    assert len(index.meetings()) == 1


def test_corrupted_index_is_rebuilt(archive: Path, index: ArchiveIndex) -> None:
    index.close()
    (archive / INDEX_NAME).write_bytes(b"this is not a database" * 100)
    idx = ArchiveIndex(archive)
    assert idx.rebuilt == "indexet var skadat"
    stats = idx.update()
    assert stats.parsed == 2 and stats.rebuilt
    assert numbers(idx, "fritidsgård") == [("2007-09-25", 100)]


def test_old_schema_version_is_rebuilt(archive: Path, index: ArchiveIndex) -> None:
    index.close()
    conn = sqlite3.connect(archive / INDEX_NAME)
    conn.execute(
        "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION - 1),)
    )
    conn.commit()
    conn.close()
    idx = ArchiveIndex(archive)
    assert idx.rebuilt == "indexet hade en annan version"
    assert idx.update().parsed == 2
    assert idx.meetings()


def test_read_only_archive_uses_cache_folder(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    real_access = os.access

    def access(path, mode):  # as for a normal user (the tests may run as root)
        if Path(path) == archive and mode & os.W_OK:
            return False
        return real_access(path, mode)

    monkeypatch.setattr(os, "access", access)
    idx = ArchiveIndex(archive)
    idx.update()
    assert idx.db_path.parent == tmp_path / "cache" / "namndtui"
    assert not (archive / INDEX_NAME).exists()
    assert numbers(idx, "fritidsgård") == [("2007-09-25", 100)]


def test_missing_archive_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError) as err:
        ArchiveIndex(tmp_path / "finns-inte")
    assert err.value.exit_code == 2


def test_search_from_another_thread(index: ArchiveIndex) -> None:
    import threading

    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(len(index.search("nämnd"))))
    thread.start()
    thread.join()
    assert result and result[0] >= 3


def test_typ_filter_snippet_shows_that_part(index: ArchiveIndex) -> None:
    # § 100: Anna Ek moved (Yrkande, first in the text) and reserved; with typ:reservation
    # the snippet is her reservation, not her motion
    (hit,) = index.search('typ:reservation "anna ek"')
    assert hit.snippet.startswith("Reservation: Anna Ek"), hit.snippet
    assert hit.snippet[hit.spans[0][0] : hit.spans[0][1]] == "Anna Ek"
    (hit,) = index.search("typ:reservation")  # no words: still the reservation
    assert hit.snippet.startswith("Reservation: Anna Ek"), hit.snippet
    hit = index.search("typ:omedelbar")[0]
    assert hit.snippet == "Paragrafen justeras omedelbart."


def test_member_highlight_follows_the_member_rule() -> None:
    # `ledamot:ek` matches a name at the start of a word: so does its highlight
    text = "Reservation: Anna Ek (S): vi rekommenderar avslag. Johan Ekdahl (M)"
    snippet, spans = make_snippet(text, [], members=["ek"])
    assert [snippet[s:e] for s, e in spans] == ["Ek", "Ek"]
    assert [s for s, _ in spans] == [text.index("Ek"), text.index("Ekdahl")]
    # words and phrases match anywhere (compound parts), and are marked so
    snippet, spans = make_snippet("Föreningsbidrag i kronor", ["bidrag"])
    assert [snippet[s:e] for s, e in spans] == ["bidrag"]


@pytest.mark.parametrize(
    "text", ["föreningsbidrag OR", "OR kronor", "bidrag OR kronor", "NOT bidrag"]
)
def test_or_and_not_are_a_clear_error(text: str) -> None:
    word = "NOT" if "NOT" in text else "OR"
    with pytest.raises(QueryError, match=f"^{word} stöds inte: alla ord måste finnas") as err:
        parse_query(text)
    assert f'"{word}" inom citattecken' in str(err.value)
    assert err.value.exit_code == 2


def test_and_is_what_the_search_does_and_quoted_operators_are_words() -> None:
    assert parse_query("föreningsbidrag AND kronor").terms == ["föreningsbidrag", "kronor"]
    assert parse_query('"OR" kronor').terms == ["or", "kronor"]
    assert parse_query("or kronor").terms == ["or", "kronor"]  # lower case: a word
