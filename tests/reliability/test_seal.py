"""The seal of justered minutes: every tampering case of issue #20 is detected.

Justered minutes carry `[seal] checksum = "sha256:…"` over the whole protokoll.toml (meeting
facts, justering, attendance, every §; docs/minutes.md, "The seal"). Each case below edits
the golden (justered) minutes the way a careless or hurried hand would; the loader, and so
`namndtui validate`, must refuse every one with one located Swedish line, exit 1.
"""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from namndtui.cli import main
from namndtui.minutes.protokoll_read import ProtokollFileError, load_protokoll, parse_protokoll_text

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "minutes" / "golden" / "testby" / "protokoll.toml"
SENTENCE = "Stadsdelsnämnden tilldelar kontraktet till Rent & Fint AB."  # in § 21
CHANGED = "har ändrats efter justeringen"


def _paragraph_of(text: str, needle: str) -> tuple[int, int]:
    """(start, end) of the [[paragraphs]] block (with its sub-tables) holding `needle`."""
    at = text.index(needle)
    start = text.rfind("[[paragraphs]]", 0, at)
    end = text.find("\n[[paragraphs]]", at)
    return start, (end + 1 if end != -1 else text.index("\n[seal]", at) + 1)


def _without_checksum_of_21(text: str) -> str:
    start, end = _paragraph_of(text, SENTENCE)
    block = re.sub(r'\nchecksum = "sha256:[0-9a-f]+"', "", text[start:end], count=1)
    return text[:start] + block.replace("Rent", "Smutsigt") + text[end:]


def _delete_paragraph_21(text: str) -> str:
    start, end = _paragraph_of(text, SENTENCE)
    return text[:start] + text[end:]


def _add_unjustified_paragraph(text: str) -> str:
    extra = (
        '[[paragraphs]]\nnumber = 26\nitem = "tillagt"\ntitle = "Tillagt ärende"\n'
        'decision = ["Nämnden beslutar något annat."]\njustified = false\n\n'
    )
    return text.replace("[seal]\n", extra + "[seal]\n")


def _edit_seal(text: str) -> str:
    return re.sub(r'(\[seal\]\nchecksum = "sha256:)[0-9a-f]', r"\g<1>0", text)


def _replace(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


CASES = {  # case → (edit of the golden text, what the finding says)
    "checksumrad borttagen och beslut ändrat": (_without_checksum_of_21, "saknar kontrollsumma"),
    "checksumrad borttagen": (
        lambda t: re.sub(
            r'\nchecksum = "sha256:[0-9a-f]+"\n\n\[\[paragraphs', "\n\n[[paragraphs", t, count=1
        ),
        "saknar kontrollsumma",
    ),
    "sammanträdesdatum": (_replace("date = 2024-03-05", "date = 2024-03-06"), CHANGED),
    "justeringsdatum": (_replace("date = 2024-03-07\n", "date = 2024-03-08\n"), CHANGED),
    "justerat-datum": (_replace("justered = 2024-03-07", "justered = 2024-03-08"), CHANGED),
    "justerare": (_replace('adjusters = ["Olof Berg"]', 'adjusters = ["Nils Dahl"]'), CHANGED),
    "ordförande": (_replace('chair = "Karin Ek"', 'chair = "Olof Berg"'), CHANGED),
    "nämnd": (
        _replace('body = "Testby stadsdelsnämnd"', 'body = "Testby kommunstyrelse"'),
        CHANGED,
    ),
    "justerad paragraf borttagen": (_delete_paragraph_21, CHANGED),
    "ojusterad paragraf tillagd": (_add_unjustified_paragraph, "saknar kontrollsumma"),
    "sigillet ändrat": (_edit_seal, CHANGED),
    "sigillet borttaget": (lambda t: t.split("\n[seal]\n")[0] + "\n", "saknar sigill"),
}


def _present_to_absent(text: str) -> str:
    at = text.index('name = "Olof Berg"')
    flag = text.index("present = true", at)
    return text[:flag] + "present = false" + text[flag + len("present = true") :]


CASES["närvaro"] = (_present_to_absent, CHANGED)
CASES["mötesplats"] = (
    lambda t: re.sub(r'\nplace = "[^"]*"', '\nplace = "Annat rum"', t, count=1),
    CHANGED,
)


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_tampering_case_is_detected(case: str) -> None:
    edit, message = CASES[case]
    text = GOLDEN.read_text(encoding="utf-8")
    bad = edit(text)
    assert bad != text, case
    with pytest.raises(ProtokollFileError) as info:
        parse_protokoll_text(bad, "protokoll.toml")
    assert info.value.exit_code == 1
    assert any(message in p.message for p in info.value.problems), info.value.problems
    assert all(str(p).startswith("protokoll.toml:") for p in info.value.problems)


def test_untouched_minutes_pass() -> None:
    minutes = load_protokoll(GOLDEN)
    assert minutes.state.justered_on
    assert "\n[seal]\nchecksum = " in GOLDEN.read_text(encoding="utf-8")


def _validate(path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["validate", str(path)])
    return code, out.getvalue()


def test_validate_reports_the_seal_with_file_and_line(tmp_path) -> None:
    good = tmp_path / "bra" / "protokoll.toml"
    good.parent.mkdir()
    good.write_text(GOLDEN.read_text(encoding="utf-8"), encoding="utf-8")
    code, out = _validate(good)
    assert (
        code == 0 and "giltigt protokoll (6 paragrafer, justerat och förseglat, ej signerat)" in out
    )

    bad = tmp_path / "protokoll.toml"
    text = GOLDEN.read_text(encoding="utf-8")
    bad.write_text(text.replace('adjusters = ["Olof Berg"]', 'adjusters = ["Nils Dahl"]'))
    code, out = _validate(bad)
    line = text[: text.index("[seal]\n")].count("\n") + 2  # the seal's checksum line
    assert code == 1
    assert out.strip() == (
        f"{bad}:{line}: protokollet har ändrats efter justeringen (sigillet stämmer inte)"
    )


def _version_2_before_the_seal(text: str) -> str:
    """The golden as written by a version-2 program before the seal existed."""
    text = text.replace('format = "namndtui/protokoll/3"', 'format = "namndtui/protokoll/2"')
    return text.split("\n[seal]\n")[0] + "\n"


def test_justered_version_2_minutes_without_a_seal_load_as_unsealed(tmp_path) -> None:
    text = _version_2_before_the_seal(GOLDEN.read_text(encoding="utf-8"))
    minutes = parse_protokoll_text(text)
    assert minutes.state.justered_on and minutes.unsealed
    old = tmp_path / "protokoll.toml"
    old.write_text(text, encoding="utf-8")
    code, out = _validate(old)
    assert code == 0 and "justerat, ej förseglat" in out
    # Exported again, it is version 3 and sealed.
    assert main(["export", str(old)]) == 0
    again = old.read_text(encoding="utf-8")
    assert 'format = "namndtui/protokoll/3"' in again and "\n[seal]\n" in again
    assert not load_protokoll(old).unsealed


def test_justered_version_3_minutes_without_a_seal_are_a_finding() -> None:
    text = GOLDEN.read_text(encoding="utf-8").split("\n[seal]\n")[0] + "\n"
    with pytest.raises(ProtokollFileError) as info:
        parse_protokoll_text(text, "protokoll.toml")
    assert "saknar sigill" in str(info.value.problems[0])


def test_a_version_2_file_with_a_seal_is_still_verified() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    v2 = text.replace('format = "namndtui/protokoll/3"', 'format = "namndtui/protokoll/2"')
    with pytest.raises(ProtokollFileError):  # the seal covers the format line
        parse_protokoll_text(v2, "protokoll.toml")
