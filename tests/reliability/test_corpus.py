"""The bad-input corpus: every file under tests/data/bad/ through the CLI and the TUI.

Each case: non-zero exit, one clear line naming the file (and the line where it is
known), no traceback, and no file changed anywhere in the working copy of the case.
`tests/data/bad/meeting/` has exact expected output in tests/test_validate_cli.py; here it
only counts and goes through the TUI.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest

from namndtui.cli import main
from namndtui.errors import UserError

from .conftest import BAD, ROOT, tree_hash

GOOD_MEETING = ROOT / "tests" / "data" / "good" / "meeting.toml"

# case file -> the line its message must name (None: the file as a whole)
PROTOKOLL = {
    "binary.toml": None, "control_characters.toml": 10, "deep_nesting.toml": None,
    "duplicate_keys.toml": 130, "empty.toml": None, "huge_number.toml": 120,
    "latin1.toml": 4, "long_line.toml": 129, "negative_paragraph.toml": 120,
    "syntax_error.toml": 23, "truncated.toml": 146, "unknown_status.toml": 129,
    "unknown_version.toml": 1, "wrong_types.toml": 120,
}  # fmt: skip
MEETING_EXTRA = {
    "control_characters.toml": 5, "deep_nesting.toml": None, "duplicate_keys.toml": 6,
    "huge_number.toml": 9, "impossible_date.toml": 6, "long_line.toml": 68,
    "negative_paragraph.toml": 9, "truncated.toml": 39, "utf16.toml": None,
}  # fmt: skip
JOURNAL = {
    "binary_middle.jsonl": 3, "changed_line.jsonl": 3, "changed_note.jsonl": 7,
    "control_characters.jsonl": 7, "deep_nesting.jsonl": 3, "duplicate_keys.jsonl": 3,
    "empty_line_middle.jsonl": 4, "huge_seq.jsonl": 3, "invalid_utf8.jsonl": 2,
    "long_line.jsonl": 3, "missing_line.jsonl": 3, "no_header.jsonl": 1,
    "not_json.jsonl": 3, "reordered.jsonl": 3, "unknown_event.jsonl": 3,
    "unknown_format.jsonl": 1, "wrong_types.jsonl": 3,
}  # fmt: skip
IMPORT = [
    "binary.txt", "empty.txt", "fake.docx", "fake.pdf", "text_named.pdf", "whitespace.txt",
    "zip_not_docx.docx",
]  # fmt: skip


def test_the_corpus_is_complete_and_large_enough():
    for folder, cases in [
        ("protokoll", PROTOKOLL),
        ("meeting-extra", MEETING_EXTRA),
        ("journal", JOURNAL),
        ("import", IMPORT),
    ]:
        assert sorted(p.name for p in (BAD / folder).iterdir()) == sorted(cases), folder
    total = sum(1 for p in BAD.rglob("*") if p.is_file() and p.suffix != ".expected")
    assert total >= 40


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_one_clear_message(code: int, text: str, file: Path | str, line: int | None) -> None:
    assert code != 0
    assert "Traceback" not in text
    first = next(ln for ln in text.splitlines() if str(file) in ln)
    if line is not None:
        assert f"{file}:{line}:" in first, first
    assert len(first) < 600  # a 100,000-character line is never echoed


def working_copy(tmp_path: Path, src: Path) -> Path:
    dest = tmp_path / "w" / src.name
    dest.parent.mkdir()
    shutil.copy(src, dest)
    return dest


@pytest.mark.parametrize("case", sorted(PROTOKOLL))
def test_bad_protokoll(tmp_path, case):
    file = working_copy(tmp_path, BAD / "protokoll" / case)
    out = tmp_path / "ut"
    out.mkdir()
    before = tree_hash(tmp_path)
    for argv in (["export", str(file), "--out", str(out)], ["extract", str(file), "§18"]):
        code, stdout, stderr = cli(*argv)
        assert_one_clear_message(code, stderr, file, PROTOKOLL[case])
        assert stdout == ""
    assert tree_hash(tmp_path) == before


@pytest.mark.parametrize("case", sorted(MEETING_EXTRA))
def test_bad_meeting(tmp_path, case):
    file = working_copy(tmp_path, BAD / "meeting-extra" / case)
    before = tree_hash(tmp_path)
    code, stdout, stderr = cli("validate", str(file))
    assert_one_clear_message(code, stdout, file, MEETING_EXTRA[case])
    code, stdout, stderr = cli("export", str(file), "--out", str(file.parent))
    assert_one_clear_message(code, stderr, file, MEETING_EXTRA[case])
    assert tree_hash(tmp_path) == before


@pytest.mark.parametrize("case", sorted(JOURNAL))
def test_bad_journal(tmp_path, case):
    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(GOOD_MEETING, folder / "meeting.toml")
    shutil.copy(BAD / "journal" / case, folder / "journal.jsonl")
    before = tree_hash(tmp_path)
    code, stdout, stderr = cli("export", str(folder))
    assert_one_clear_message(code, stderr, "journal.jsonl", JOURNAL[case])
    assert str(folder / "journal.jsonl") in stderr
    assert stdout == ""
    assert tree_hash(tmp_path) == before


@pytest.mark.parametrize("case", IMPORT)
@pytest.mark.parametrize("command", ["import-text", "import-agenda"])
def test_bad_import(tmp_path, case, command):
    file = working_copy(tmp_path, BAD / "import" / case)
    target = tmp_path / "w" / "meeting.toml"
    shutil.copy(GOOD_MEETING, target)
    before = tree_hash(tmp_path)
    code, stdout, stderr = cli(command, str(file))
    assert_one_clear_message(code, stderr, file, None)
    if command == "import-text":  # --append must not touch the meeting file either
        code, stdout, stderr = cli(command, str(file), "--append", str(target))
        assert_one_clear_message(code, stderr, file, None)
    assert tree_hash(tmp_path) == before


# --- the TUI: build_app raises UserError (exit 2 with one line) or opens read-only ---------


@pytest.mark.parametrize(
    ("folder", "case"),
    [("protokoll", c) for c in sorted(PROTOKOLL)]
    + [("meeting-extra", c) for c in sorted(MEETING_EXTRA)]
    + [("meeting", p.name) for p in sorted((BAD / "meeting").glob("*.toml"))],
)
def test_tui_refuses_bad_files_with_one_line(tmp_path, folder, case):
    from namndtui.commands.open_app import build_app

    name = "protokoll.toml" if folder == "protokoll" else case
    file = tmp_path / name
    shutil.copy(BAD / folder / case, file)
    before = tree_hash(tmp_path)
    with pytest.raises(UserError) as info:
        build_app(file)
    message = info.value.message
    assert str(file) in message and "Traceback" not in message
    assert info.value.exit_code in (1, 2)
    assert tree_hash(tmp_path) == before


@pytest.mark.parametrize("case", sorted(JOURNAL))
def test_tui_opens_a_damaged_journal_read_only_naming_the_line(tmp_path, case):
    from namndtui.commands.open_app import build_app

    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(GOOD_MEETING, folder / "meeting.toml")
    shutil.copy(BAD / "journal" / case, folder / "journal.jsonl")
    before = tree_hash(tmp_path)
    app = build_app(folder)
    try:
        assert app.readonly
        assert re.search(rf"journal\.jsonl:{JOURNAL[case]}:", app.readonly_reason)
    finally:
        app.record.close()
    assert tree_hash(tmp_path) == before  # no lock taken, nothing written


def test_cli_end_to_end_exit_code_and_no_traceback(tmp_path):
    """One real process per kind, so the exit code and stderr are the user's."""
    import subprocess
    import sys

    for argv in (
        ["export", str(BAD / "protokoll" / "huge_number.toml"), "--out", str(tmp_path)],
        ["validate", str(BAD / "meeting-extra" / "deep_nesting.toml")],
        ["import-text", str(BAD / "import" / "fake.pdf")],
        [str(BAD / "meeting-extra" / "control_characters.toml")],  # the TUI entry point
    ):
        done = subprocess.run(
            [sys.executable, "-m", "namndtui", *argv], capture_output=True, text=True, timeout=60
        )
        assert done.returncode in (1, 2), argv
        assert "Traceback" not in done.stderr and done.stderr.strip(), argv
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("case", ["duplicate_keys.toml", "syntax_error.toml", "truncated.toml"])
def test_protokoll_syntax_messages_are_swedish(case):
    """protokoll.toml reuses meeting.toml's translation of tomllib's messages."""
    from namndtui.minutes.protokoll_read import ProtokollFileError, load_protokoll

    with pytest.raises(ProtokollFileError) as info:
        load_protokoll(BAD / "protokoll" / case)
    message = info.value.message
    assert f":{PROTOKOLL[case]}: TOML-syntaxfel: " in message and "(kolumn " in message
    assert not re.search(r"Cannot|Invalid|Expected|Unclosed|Illegal|at line", message), message
