"""Tampering with protokoll.toml: a changed justified paragraph is detected by its checksum.

Every justified (locked) paragraph carries `checksum = "sha256:…"` over its canonical
content (docs/minutes.md). The loader reports a mismatch as a located finding (exit 1);
the CLI, review and the archive all go through the loader. Unjustified paragraphs carry
no checksum and may be edited (that is what a draft is for).
"""

from __future__ import annotations

import contextlib
import io
import shutil

import pytest

from namndtui.cli import main
from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_read import ProtokollFileError, load_protokoll, parse_protokoll_text
from namndtui.minutes.protokoll_write import render_toml
from namndtui.minutes.seal import paragraph_checksum

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "minutes" / "golden" / "testby" / "protokoll.toml"
SENTENCE = "Stadsdelsnämnden tilldelar kontraktet till Rent & Fint AB."  # in § 21


def error_of(text: str) -> ProtokollFileError:
    with pytest.raises(ProtokollFileError) as info:
        parse_protokoll_text(text, "protokoll.toml")
    return info.value


def test_every_justified_paragraph_carries_a_checksum_that_loads():
    text = GOLDEN.read_text(encoding="utf-8")
    # six §§ and the seal of the justered minutes (tests/reliability/test_seal.py)
    assert text.count('\nchecksum = "sha256:') - 1 == text.count("[[paragraphs]]") == 6
    minutes = load_protokoll(GOLDEN)
    assert render_toml(minutes) == text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (SENTENCE, SENTENCE.replace("Rent", "Smutsigt")),  # one word of the decision
        ("number = 21\n", "number = 31\n"),  # the § number
        ('  { member = "Karin Ek", vote = "ja" },', '  { member = "Karin Ek", vote = "nej" },'),
        ('status = "tabled"', 'status = "decided"'),
    ],
    ids=["word", "number", "ballot", "status"],
)
def test_a_changed_justified_paragraph_is_detected_and_located(old, new):
    text = GOLDEN.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    bad = text.replace(old, new, 1)
    err = error_of(bad)
    assert err.exit_code == 1
    (problem,) = err.problems
    assert "har ändrats efter justeringen (kontrollsumman stämmer inte)" in problem.message
    # located at the [[paragraphs]] header of the changed paragraph
    changed_at = text.index(old)
    header = bad.rfind("[[paragraphs]]", 0, changed_at)
    assert problem.line == bad.count("\n", 0, header) + 1
    assert str(problem).startswith(f"protokoll.toml:{problem.line}: § ")


def test_the_cli_and_the_archive_report_it(tmp_path):
    folder = tmp_path / "arkiv" / "testby" / "2024-03-05"
    folder.mkdir(parents=True)
    text = GOLDEN.read_text(encoding="utf-8").replace(SENTENCE, SENTENCE.replace("Rent", "X"))
    (folder / "protokoll.toml").write_text(text, encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["export", str(folder / "protokoll.toml"), "--out", str(tmp_path / "ut")])
    assert code == 1
    assert "§ 21 har ändrats efter justeringen" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert not (tmp_path / "ut").exists() or not any((tmp_path / "ut").iterdir())

    from namndtui.archive.index import ArchiveIndex

    index = ArchiveIndex(tmp_path / "arkiv", db_path=tmp_path / "index.sqlite")
    index.update()
    problems = index.problems()
    assert any("§ 21 har ändrats efter justeringen" in p.message for p in problems), problems


def test_an_unjustified_paragraph_may_change():
    minutes = load_protokoll(GOLDEN)
    state = minutes.state
    state.justered_on = ""
    para = next(p for p in state.paragraphs.values() if p.number == 21)
    para.justified = False
    text = render_toml(Minutes(minutes.meeting, state))
    # § 19 was justified at the meeting (immediate): still locked, still a checksum
    assert text.count("\nchecksum = ") == sum(p.justified for p in state.paragraphs.values())
    changed = text.replace(SENTENCE, SENTENCE.replace("Rent", "Smutsigt"))
    again = parse_protokoll_text(changed)  # no error
    assert any("Smutsigt" in " ".join(p.decision or []) for p in again.state.paragraphs.values())


def test_the_checksum_ignores_layout_but_not_content():
    table = {"number": 5, "item": "a", "title": "T", "decision": ["B."], "justified": True}
    same = dict(reversed(list(table.items())))
    assert paragraph_checksum(table) == paragraph_checksum(same)
    assert paragraph_checksum(table) == paragraph_checksum({**table, "checksum": "x"})
    assert paragraph_checksum(table) != paragraph_checksum({**table, "decision": ["B"]})
    assert paragraph_checksum(table) != paragraph_checksum({**table, "justified": False})


def test_removing_the_justified_flag_of_a_checked_paragraph_is_detected():
    text = GOLDEN.read_text(encoding="utf-8")
    at = text.index(SENTENCE)
    flag = text.index("justified = true\n", at)
    bad = text[:flag] + "justified = false\n" + text[flag + len("justified = true\n") :]
    assert "§ 21 har ändrats" in str(error_of(bad))


def test_copy_of_the_golden_in_a_folder_loads(tmp_path):
    shutil.copy(GOLDEN, tmp_path / "protokoll.toml")
    assert load_protokoll(tmp_path).meeting.body
