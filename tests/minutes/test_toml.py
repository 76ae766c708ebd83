"""protokoll.toml: round trip, determinism, located errors."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.minutes import scenario as sc

from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_read import ProtokollFileError, load_protokoll, parse_protokoll_text
from namndtui.minutes.protokoll_write import render_toml
from namndtui.minutes.toml_text import toml_string
from namndtui.minutes.write import render_all
from namndtui.tomlcheck import EXIT_FINDINGS, EXIT_UNREADABLE

GOLDEN_TOML = sc.GOLDEN / "testby" / "protokoll.toml"


@pytest.mark.parametrize(
    "path",
    [GOLDEN_TOML, sc.GOLDEN / "hasselby-vallingby-2007-10-23" / "protokoll.toml",
     sc.DATA / "testby-stadsdelsnamnd" / "2024-02-06" / "protokoll.toml"],
    ids=["testby", "example", "small"],
)  # fmt: skip
def test_load_render_gives_identical_bytes(path) -> None:
    minutes = load_protokoll(path)
    text = path.read_text(encoding="utf-8")
    # A version 1 or 2 file is written back as version 3 (its content unchanged).
    for old in ("1", "2"):
        text = text.replace(
            f'format = "namndtui/protokoll/{old}"', 'format = "namndtui/protokoll/3"'
        )
    rendered = render_toml(minutes)
    if "\n[seal]\n" not in text:  # version 1 had no seal; justered minutes now get one
        rendered = rendered.split("\n[seal]\n")[0]
    assert rendered == text
    md = path.with_name("protokoll.md")
    if md.exists():
        assert render_all(minutes)["protokoll.md"] == md.read_text(encoding="utf-8")


def test_round_trip_at_every_step_of_the_meeting(tmp_path) -> None:
    """After each event, the minutes survive a TOML round trip unchanged."""
    folder = sc.copy_tree(tmp_path)
    meeting = sc.load_fixture_meeting(folder)
    from namndtui.minutes.numbering import with_numbering

    meeting = with_numbering(meeting, folder)
    record = sc.record_meeting(folder, meeting, [])
    try:
        for event in sc.all_events():
            record.apply(event)
            files = render_all(Minutes(meeting, record.state))
            back = parse_protokoll_text(files["protokoll.toml"])
            assert render_all(back) == files, event
    finally:
        record.close()


def test_toml_strings_round_trip() -> None:
    import tomllib

    for text in ['a "b" \\c', "rad\nrad", 'slut"', '"""', "tab\there", "\x01\x7f", "ny\r\nrad", ""]:
        assert tomllib.loads(f"k = {toml_string(text)}")["k"] == text


def test_rendering_reads_no_clock() -> None:
    """Same minutes, same bytes, even in another process at another time."""
    code = (
        "from namndtui.minutes.protokoll_read import load_protokoll;"
        "from namndtui.minutes.write import render_all;"
        f"import sys; sys.stdout.write(render_all(load_protokoll({str(GOLDEN_TOML)!r}), html=True)['protokoll.html'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out == (sc.GOLDEN / "testby" / "protokoll.html").read_text(encoding="utf-8")


# --- errors ------------------------------------------------------------------------------------


def error_of(text: str) -> ProtokollFileError:
    with pytest.raises(ProtokollFileError) as info:
        parse_protokoll_text(text, "p.toml")
    return info.value


def test_empty_and_syntax_errors_exit_2() -> None:
    assert error_of("").exit_code == EXIT_UNREADABLE
    err = error_of('format = "namndtui/protokoll/1"\n[meeting\n')
    assert err.exit_code == EXIT_UNREADABLE
    assert str(err).startswith("p.toml:2: TOML-syntaxfel")


def test_invalid_values_are_located_exit_1() -> None:
    text = GOLDEN_TOML.read_text(encoding="utf-8")
    bad = text.replace('kind = "avslag"', 'kind = "avslå"').replace("round = 2", 'round = "två"')
    err = error_of(bad)
    assert err.exit_code == EXIT_FINDINGS
    lines = str(err).splitlines()
    kind_line = bad.splitlines().index('kind = "avslå"') + 1
    assert f"p.toml:{kind_line}: paragraphs[1].motions[2].kind: okänt värde 'avslå'" in lines[0]
    assert "paragraphs[1].votes[2].round: fel typ: väntade heltal" in lines[1]


def test_missing_keys_unknown_keys_and_wrong_format() -> None:
    err = error_of('format = "namndtui/protokoll/1"\n[meeting]\nbody = "X"\nfarg = 1\n')
    assert str(err).splitlines() == [
        "p.toml:2: meeting.date: obligatorisk nyckel saknas",
        "p.toml:4: meeting.farg: okänd nyckel (tillåtna: body, date, start, end, place, "
        "secretary, chair, kept_at, paragraph_prefix, minority_right, minority_fraction, first_paragraph, last_paragraph, breaks)",
    ]
    err = error_of('format = "namndtui/protokoll/9"\n[meeting]\n')
    assert "okänt format 'namndtui/protokoll/9'" in str(err)


def test_unreadable_files(tmp_path) -> None:
    with pytest.raises(ProtokollFileError) as info:
        load_protokoll(tmp_path / "saknas.toml")
    assert info.value.exit_code == 2 and "filen finns inte" in str(info.value)
    binary = tmp_path / "protokoll.toml"
    binary.write_bytes(b"\x00\x01")
    with pytest.raises(ProtokollFileError) as info:
        load_protokoll(tmp_path)
    assert info.value.exit_code == 2
    binary.write_bytes(b'format = "\xff"\n')
    with pytest.raises(ProtokollFileError) as info:
        load_protokoll(binary)
    assert info.value.exit_code == 2 and "UTF-8" in str(info.value)


def test_a_version_1_finding_is_the_finding_of_its_question() -> None:
    """protokoll/1 had one finding per §: it becomes the finding of the question its motion
    belongs to, so old minutes still read "… och finner att …"."""
    from namndtui.minutes.markdown import render_paragraph_markdown

    text = GOLDEN_TOML.read_text(encoding="utf-8").replace(
        'format = "namndtui/protokoll/3"', 'format = "namndtui/protokoll/1"'
    )
    text = text.split("\n[seal]\n")[0]  # version 1 had no seal (it covers the format)
    minutes = parse_protokoll_text(text)
    para = minutes.state.paragraphs["budget-2024"]
    assert para.findings == {"main": "proposal"}
    md = render_paragraph_markdown(minutes.meeting, minutes.state, "budget-2024")
    assert "och finner att nämnden beslutar enligt förvaltningens förslag" in md


def test_checksum_from_the_canonical_form_equals_the_reparsed_one() -> None:
    """A justified §'s checksum is computed from the values written, not by parsing the
    text again (issue #19, point 5): it must equal the checksum of what a reader parses,
    whatever the text holds (quotes, line breaks, control characters, non-BMP, times)."""
    import datetime as _dt
    import tomllib as _tomllib

    from tests.archive.helpers import BODY, make_minutes

    from namndtui.minutes.protokoll_write import render_toml
    from namndtui.minutes.seal import paragraph_checksum

    tricky = 'Citat "så" och \\ snedstreck\nny rad\r\ttab \x07 klocka 😀 \u2028 slut """'
    items = [
        {"id": f"i{n}", "title": f"Titel {n} {tricky}", "summary": tricky, "dnr": "2.6-1/2007",
         "decision": [tricky, "Andra punkten."], "oj": True,
         "motions": [("Anna Ek", "bifall", tricky)], "notes": [("Per Almqvist", tricky)],
         "reservations": [("Anna Ek", tricky)],
         "votes": (["Anna Ek"], ["Per Almqvist"])}
        for n in range(3)
    ]  # fmt: skip
    minutes = make_minutes(BODY, "2007-09-25", 1, items)
    for para in minutes.state.paragraphs.values():
        para.called_at = "19:05"
    minutes.state.paragraphs["i1"].called_at = _dt.time(19, 5, 7, 123456).isoformat()
    text = render_toml(minutes)
    tables = _tomllib.loads(text)["paragraphs"]
    assert len(tables) == 3 and all("checksum" in t for t in tables)
    for table in tables:
        assert table["checksum"] == paragraph_checksum(table)
