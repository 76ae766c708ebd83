"""`namndtui validate`: exact output for every bad fixture, exit codes, no traceback ever.

Each case is `tests/data/bad/meeting/<case>.expected`: first line `exit: N`, then the exact
stdout lines with `{FILE}` for the path given. The input is `<case>.toml`, or the folder
`<case>/` (a folder without meeting.toml), or a path that does not exist (`missing`).
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namndtui.cli import main
from namndtui.examples import example_meeting

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad" / "meeting"
GOOD = ROOT / "tests" / "data" / "good" / "meeting.toml"
EXAMPLE = example_meeting()

CASES = sorted(p.stem for p in BAD.glob("*.expected"))


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", *argv])
    return code, out.getvalue(), err.getvalue()


def case_input(case: str) -> Path:
    folder = BAD / case
    return folder if folder.is_dir() else BAD / f"{case}.toml"


def test_the_cases_are_all_there() -> None:
    # The list: one fixture per kind of problem.
    expected = {
        "syntax_error", "missing", "empty", "blank", "folder", "binary", "latin1",
        "unknown_format", "missing_format", "missing_required", "missing_meeting",
        "wrong_types", "bad_date_string", "date_quoted", "datetime_date", "duplicate_ids",
        "duplicate_members", "bad_id", "unknown_role", "unknown_keys", "sections_bad",
    }  # fmt: skip
    assert expected <= set(CASES)
    assert not (BAD / "missing.toml").exists()


@pytest.mark.parametrize("case", CASES)
def test_bad_fixture_prints_its_lines(case: str) -> None:
    head, *lines = (BAD / f"{case}.expected").read_text(encoding="utf-8").splitlines()
    path = case_input(case)
    code, out, err = run_cli(str(path))
    assert head == f"exit: {code}"
    assert out.splitlines() == [line.replace("{FILE}", str(path)) for line in lines]
    assert len(err.splitlines()) == 1 and "har fel" in err
    assert "Traceback" not in out + err


def test_valid_file_and_summary() -> None:
    code, out, err = run_cli(str(GOOD))
    assert code == 0
    # ledamöter are the seat holders; the ersättare are counted apart (issue 14)
    assert out == f"{GOOD}: giltig (2 ärenden, 2 ledamöter, 1 ersättare)\n"
    assert err == "namndtui validate: filen är giltig\n"


def test_folder_holding_meeting_toml_is_accepted() -> None:
    code, out, _ = run_cli(str(GOOD.parent))
    assert code == 0
    assert out.startswith(f"{GOOD}: giltig")


def test_the_example_meeting_validates() -> None:
    # Written by the example-meeting work (issue 2 item 4); it must always validate.
    code, out, err = run_cli(str(EXAMPLE))
    assert code == 0, out
    assert out.startswith(f"{EXAMPLE}: giltig (")


def test_several_files_exit_with_the_worst_code() -> None:
    findings = BAD / "unknown_role.toml"
    unreadable = BAD / "binary.toml"
    code, out, err = run_cli(str(GOOD), str(findings))
    assert code == 1
    assert out.splitlines()[0].startswith(f"{GOOD}: giltig")
    assert err == "namndtui validate: 1 av 2 filer har fel (2 problem)\n"
    code, out, _ = run_cli(str(findings), str(unreadable), str(GOOD))
    assert code == 2
    assert len(out.splitlines()) == 4  # 2 + 1 problems + the valid file


def test_no_file_argument_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exc, contextlib.redirect_stderr(io.StringIO()):
        main(["validate"])
    assert exc.value.code == 2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_random_files_never_crash(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "meeting.toml"
        path.write_bytes(data)
        code, out, err = run_cli(str(path))
    assert code in (1, 2)
    assert out and all(line.startswith(str(path)) for line in out.splitlines())
    assert len(err.splitlines()) == 1


def test_a_first_paragraph_already_used_this_year_is_warned_about(tmp_path: Path) -> None:
    # a § number copied from last time's meeting.toml: the year would hold § 120 twice
    earlier = tmp_path / "nämnden" / "2007-10-23"
    earlier.mkdir(parents=True)
    (earlier / "protokoll.toml").write_text(
        '[meeting]\nbody = "Testby nämnd"\ndate = 2007-10-23\n'
        "[[paragraphs]]\nnumber = 120\n[[paragraphs]]\nnumber = 132\n",
        encoding="utf-8",
    )
    folder = tmp_path / "nämnden" / "2007-11-20"
    folder.mkdir()
    meeting = folder / "meeting.toml"
    head = 'format = "namndtui/meeting/1"\n[meeting]\nbody = "Testby nämnd"\ndate = 2007-11-20\n'
    meeting.write_text(head + "first_paragraph = 120\n", encoding="utf-8")
    code, out, _ = run_cli(str(meeting))
    assert code == 0  # a warning, not a finding
    assert out.splitlines()[1] == (
        f"{meeting}: varning: meeting.first_paragraph: § 120 finns redan i år – "
        "2007-10-23/protokoll.toml slutar på § 132; skriv 133 (eller ta bort raden, så "
        "fortsätter numreringen av sig själv)"
    )
    meeting.write_text(head + "first_paragraph = 133\n", encoding="utf-8")
    assert "varning" not in run_cli(str(meeting))[1]
    meeting.write_text(head.replace("2007-11-20", "2008-01-15") + "first_paragraph = 1\n")
    assert "varning" not in run_cli(str(meeting))[1]  # a new year starts at § 1
