"""`namndtui search`: one line per hit, exit codes 0/1/2, progress on stderr only."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.archive.helpers import small_archive

import namndtui
from namndtui.archive import build as build_module
from namndtui.archive.index import ArchiveIndex
from namndtui.cli import _command_parser, main
from namndtui.commands import search as search_command

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return small_archive(tmp_path / "arkiv")


def test_hits_one_line_each(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "fritidsgård", "--archive", str(archive)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith(
        "Hässelby-Vällingby stadsdelsnämnd  2007-09-25  § 100  Ny «fritidsgård» i Vällingby centrum  — "
    )
    assert len(lines) == 1
    assert "indexerar" in err  # progress goes to stderr, never to stdout


def test_query_words_are_joined(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "ledamot:Anna Ek", "typ:reservation", "--archive", str(archive)]) == 0
    out, _ = capsys.readouterr()
    assert "§ 100" in out and out.count("\n") == 1


def test_no_hit_exits_1(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "simhall", "--archive", str(archive)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "inga träffar" in err


def test_missing_archive_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "x", "--archive", str(tmp_path / "nej")]) == 2
    _, err = capsys.readouterr()
    assert err.strip() == f"namndtui: {tmp_path / 'nej'}: arkivet finns inte"


def test_bad_filter_exits_2(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "år:igår", "--archive", str(archive)]) == 2
    _, err = capsys.readouterr()
    assert "ogiltigt år" in err and "Traceback" not in err


def test_broken_file_is_a_warning(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = archive / "trasig" / "protokoll.toml"
    bad.parent.mkdir()
    bad.write_text("[meeting\n", encoding="utf-8")
    assert main(["search", "nämnd", "--archive", str(archive)]) == 0
    _, err = capsys.readouterr()
    assert "varning: trasig/protokoll.toml:1:" in err


def test_problem_warnings_agree_in_number_and_path_form(
    archive: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One more file than shown is "1 fil", not "1 filer"; a file indexed from the app (an
    absolute folder) reads as one indexed by `--archive .`: relative to the archive."""
    for n in range(search_command.MAX_PROBLEMS_SHOWN + 1):
        bad = archive / f"trasig{n}" / "protokoll.toml"
        bad.parent.mkdir()
        bad.write_text("[meeting\n", encoding="utf-8")
    ArchiveIndex(archive.resolve()).update()  # as the archive screen indexes
    monkeypatch.chdir(archive)
    assert main(["search", "nämnd", "--archive", "."]) == 0
    _, err = capsys.readouterr()
    warnings = [line for line in err.splitlines() if "varning:" in line]
    assert warnings[0].startswith("namndtui: varning: trasig0/protokoll.toml:1:")
    assert str(archive) not in err
    assert "namndtui: … och 1 fil till som inte kunde läsas" in err


def test_default_archive_is_the_bundled_example(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Copied from the package to the user's data folder (its index is written there)."""
    from namndtui.commands.search import default_archive
    from namndtui.examples import example_archive

    monkeypatch.delenv("NAMNDTUI_ARCHIVE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    copy = default_archive()
    assert copy == tmp_path / "share" / "namndtui" / "exempelarkiv"
    bundled = sorted(
        p.relative_to(example_archive()) for p in example_archive().rglob("protokoll.*")
    )
    assert sorted(p.relative_to(copy) for p in copy.rglob("protokoll.*")) == bundled
    assert not list(copy.rglob("meeting.toml"))  # the example meeting is not past minutes
    monkeypatch.setenv("NAMNDTUI_ARCHIVE", str(tmp_path))
    assert default_archive() == tmp_path


def test_subprocess_exit_code_and_no_textual(archive: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "namndtui",
            "search",
            "nämnd",
            "--archive",
            str(archive),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 4
    assert " textual" not in result.stderr  # -X importtime lists every module imported


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["§ 99999999999999999999"], "ogiltigt paragrafnummer"),
        (["paragraf:" + "9" * 900], "ogiltigt paragrafnummer"),
        (["år:9999"], "ogiltigt år: 9999"),
        (["till:9999-12-31"], "ogiltigt år: 9999"),
        (["från:0001"], "ogiltigt år: 1"),
        (["år:²²²²"], "ogiltigt år"),
        # a range written backwards found nothing, without a word
        (["år:2008-2007"], "ogiltigt årsintervall: '2008-2007' (skriv år:2007-2008)"),
        (["från:2007-10", "till:2007-09"], "ingen dag ligger mellan 2007-10-01 och 2007-09-30"),
        (["år:2007", "från:2008"], "ingen dag ligger mellan 2008-01-01 och 2007-12-31"),
        (["n\udcffmnd"], "inte är UTF-8"),  # a non-UTF-8 byte, as sys.argv carries it
        (["x" * 2000], "för lång"),
    ],
)
def test_query_clamps_exit_2(
    archive: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["search", *args, "--archive", str(archive)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in err and "Traceback" not in err
    assert err.count("\n") == 1  # one line


@pytest.mark.parametrize("limit", ["1e20", "99999999999999999999", "0", "-3", "abc", "٣"])
def test_limit_is_clamped(archive: Path, capsys: pytest.CaptureFixture[str], limit: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "nämnd", "--limit", limit, "--archive", str(archive)])
    assert exit_info.value.code == 2
    _, err = capsys.readouterr()
    assert "--limit" in err and "Traceback" not in err


def test_non_utf8_byte_from_a_real_command_line(archive: Path) -> None:
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"namndtui", b"search", b"n\xffmnd", b"--archive",
         str(archive).encode()],
        capture_output=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert b"UTF-8" in result.stderr and b"Traceback" not in result.stderr


def test_snippet_of_a_huge_paragraph_is_linear() -> None:
    from namndtui.archive.search import make_snippet

    # 200,000 matches in one paragraph: the old scoring compared every pair (hours).
    snippet, spans = make_snippet("ab " * 200_000, ["ab"])
    assert snippet.startswith("ab ab") and spans[0] == (0, 2)


def test_progress_bar_on_a_terminal_goes_to_stderr(
    archive: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys as _sys

    monkeypatch.setattr(_sys.stderr, "isatty", lambda: True)  # a terminal: rich's bar
    assert main(["search", "fritidsgård", "--archive", str(archive)]) == 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 1 and "indexerar" not in out
    assert "indexerat 2 protokoll." in err


def test_search_imports_no_argparse_pathlib_typing_threading(archive: Path) -> None:
    """The lean path (docs/performance.md): `-S`, because this sandbox's site imports
    pathlib itself (a .pth file importing certifi); the package found through PYTHONPATH,
    the index built first (building parses with the minutes loader, not lean)."""
    ArchiveIndex(archive).update()
    env = {**os.environ, "PYTHONPATH": str(Path(namndtui.__file__).parents[1])}
    code = "import sys; from namndtui.cli import main; sys.exit(main(sys.argv[1:]))"
    args = ["search", "nämnd", "--archive", str(archive), "--limit", "2"]
    result = subprocess.run(
        [sys.executable, "-S", "-X", "importtime", "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "namndtui.archive.index" in imported  # the check really saw the imports
    heavy = {"argparse", "pathlib", "typing", "shutil", "dataclasses", "threading", "contextlib"}
    heavy |= {"namndtui.archive.build", "hashlib"}  # the writer: only when something changed
    # sqlite3's package (its dbapi2 imports datetime for adapters the index never uses):
    # the C module _sqlite3 alone; datetime only for a date filter, math for two words
    heavy |= {"sqlite3", "sqlite3.dbapi2", "datetime", "math"}
    assert imported.isdisjoint(heavy)


ARG_TOKENS = ["a", "b c", "--archive", "--archive=/x", "/y", "--limit", "5", "--limit=7", "0"]
ARG_TOKENS += ["--publicering", "--", "-x", "--arch", "-1", "", "--limit=", "99999"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ARG_TOKENS), max_size=7))
def test_quick_args_read_what_argparse_reads(argv: list[str]) -> None:
    """`search`'s arguments read without argparse: whenever quick_args answers, argparse
    gives the same; otherwise argparse decides (help, errors, abbreviations)."""
    quick = search_command.quick_args(argv)
    if quick is None:
        return
    parser, _ = _command_parser("search")
    with contextlib.redirect_stderr(io.StringIO()):
        args = parser.parse_args(argv)  # SystemExit here = quick_args accepted an error
    assert vars(quick) == vars(args)


def test_first_hits_are_printed_during_the_build(
    archive: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch of one file: the hits in the first file come at once, marked incomplete on
    stderr; the rest after the build, none twice, all of them in the end."""
    monkeypatch.setattr(build_module, "COMMIT_EVERY", 1)
    assert main(["search", "nämnd", "--archive", str(archive)]) == 0
    out, err = capsys.readouterr()
    assert "namndtui: ofullständigt: 1 av 2 protokoll indexerade hittills" in err
    assert "namndtui: indexet är klart; fler träffar:" in err
    early = [line for line in out.splitlines() if "Hässelby" in line]
    assert early and out.splitlines()[: len(early)] == early  # the first file's, first
    assert main(["search", "nämnd", "--archive", str(archive)]) == 0  # the index is built now
    again, err_again = capsys.readouterr()
    assert "ofullständigt" not in err_again
    assert sorted(out.splitlines()) == sorted(again.splitlines())  # each hit once, all there


def test_an_update_of_one_batch_prints_no_early_hits(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A re-index after a change (one batch, nothing committed before its end) prints the
    hits once, as always: the early hits are for builds longer than one batch."""
    assert main(["search", "nämnd", "--archive", str(archive)]) == 0
    first, _ = capsys.readouterr()
    minutes = archive / "hasselby" / "2007-09-25" / "protokoll.toml"
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert main(["search", "nämnd", "--archive", str(archive)]) == 0
    out, err = capsys.readouterr()
    assert "ofullständigt" not in err and "indexet är klart" not in err
    assert out == first


def test_the_program_ends_without_a_teardown_and_loses_nothing(archive: Path) -> None:
    """`namndtui search` as a program (main() reading sys.argv) ends with os._exit after its
    output is flushed and its index closed (cli._leave): every hit, the exit codes, the
    messages on stderr, and no SQLite -wal/-shm left behind by an unclosed connection."""
    env = {**os.environ, "PYTHONPATH": str(Path(namndtui.__file__).parents[1])}

    def program(*words: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "namndtui", "search", *words, "--archive", str(archive)]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)

    found = program("nämnd")
    assert found.returncode == 0, found.stderr
    assert len(found.stdout.splitlines()) == 4 and found.stdout.endswith("\n")
    assert "indexerat 2 protokoll." in found.stderr  # stderr flushed too
    missing = program("simhall")
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr.strip() == "namndtui: inga träffar för simhall"
    assert program("år:igår").returncode == 2
    left = sorted(p.name for p in archive.iterdir() if p.name.endswith(("-wal", "-shm")))
    assert left == []
