"""namndtui.tomlcheck: the checks meeting.toml and protokoll.toml share say the same things."""

from __future__ import annotations

import datetime as dt

import pytest

from namndtui.meetingfile import MeetingFileError, check_meeting_bytes, parse_meeting_text
from namndtui.minutes.protokoll_read import ProtokollFileError, parse_protokoll_text
from namndtui.tomlcheck import EXIT_UNREADABLE, ProblemsError, Reader, format_path, parse_toml

MEETING = 'format = "namndtui/meeting/1"\n[meeting]\nbody = "N"\ndate = 2007-10-23\n'
PROTOKOLL = 'format = "namndtui/protokoll/1"\n[meeting]\nbody = "N"\ndate = 2007-10-23\n'


def meeting_problems(text: str) -> list[str]:
    _, problems = parse_meeting_text(text, "m.toml")
    return [str(p) for p in problems]


def protokoll_problems(text: str) -> list[str]:
    with pytest.raises(ProtokollFileError) as info:
        parse_protokoll_text(text, "p.toml")
    return str(info.value).splitlines()


def test_both_errors_are_problems_errors() -> None:
    assert issubclass(MeetingFileError, ProblemsError)
    assert issubclass(ProtokollFileError, ProblemsError)
    assert format_path(("items", 3, "a b")) == 'items[3]."a b"'


@pytest.mark.parametrize(
    ("problems", "head"), [(meeting_problems, MEETING), (protokoll_problems, PROTOKOLL)]
)
def test_same_messages_for_both_files(problems, head) -> None:
    name = problems.__name__[0]
    assert problems(head + 'plce = "Rum"\n') == [
        f'{name}.toml:5: meeting.plce: okänd nyckel – menade du "place"?'
    ]
    bad_date = head.replace("date = 2007-10-23", 'date = "2007-10-23"')
    assert problems(bad_date) == [
        f"{name}.toml:4: meeting.date: fel typ: väntade datum, fick text – "
        "skriv 2007-10-23 utan citattecken"
    ]
    assert problems(head + "[[members]]\nname = 3\n") == [
        f"{name}.toml:6: members[1].name: fel typ: väntade text, fick heltal"
    ]
    assert problems(head.replace("[meeting]", "members = 3\n[meeting]")) == [
        f"{name}.toml:2: members: fel typ: väntade lista av tabeller, fick heltal"
        " – skriv [[members]]-tabeller"
    ]


def test_protokoll_times_may_be_text_but_not_numbers() -> None:
    assert parse_protokoll_text(PROTOKOLL + 'start = "kl. 19"\n').state.opened_at == "kl. 19"
    assert meeting_problems(MEETING + 'start = "19:00"\n') == [
        'm.toml:5: meeting.start: fel typ: väntade klockslag, fick text "19:00" – skriv '
        "t.ex. 19:00:00 utan citattecken"
    ]
    assert protokoll_problems(PROTOKOLL + "start = 7\n") == [
        "p.toml:5: meeting.start: fel typ: väntade klockslag (t.ex. 19:00:00, utan "
        "citattecken), fick heltal"
    ]


def test_elements_keep_their_written_index() -> None:
    # A non-table element is reported and the next one keeps its own number.
    text = MEETING + '[[items]]\nid = "a"\ntitle = "A"\nsections = [1, { title = "S" }]\n'
    assert meeting_problems(text) == [
        "m.toml:8: items[1].sections[1]: fel typ: väntade tabell, fick heltal",
        "m.toml:8: items[1].sections[2].text: obligatorisk nyckel saknas",
    ]
    text = PROTOKOLL + '[justering]\nadjusters = ["A", 2]\n'
    assert protokoll_problems(text) == [
        "p.toml:6: justering.adjusters[2]: fel typ: väntade text, fick heltal"
    ]


def test_blank_required_text_only_refused_where_asked() -> None:
    assert meeting_problems(MEETING.replace('"N"', '" "')) == [
        "m.toml:3: meeting.body: får inte vara tom"
    ]
    reader = Reader("", "x.toml")
    assert reader.table({"a": ""}, (), {"a": "str"}, ("a",)) == {"a": ""}
    assert reader.problems == []


@pytest.mark.parametrize("problems", [meeting_problems, protokoll_problems])
def test_unparsable_text_reads_alike(problems) -> None:
    name = problems.__name__[0]
    assert problems(" \n") == [f"{name}.toml: filen är tom"]
    assert problems("a = " + "[" * 100_000) == [
        f"{name}.toml: TOML-syntaxfel: för djupt nästlade listor/tabeller"
    ]
    assert problems("a = 1\nb = \n") == [
        f"{name}.toml:2: TOML-syntaxfel: ogiltigt värde (saknas citattecken runt en text?) "
        "(kolumn 5)"
    ]
    _, found, code = check_meeting_bytes(b"a = [[[", "m.toml")
    assert code == EXIT_UNREADABLE and found
    with pytest.raises(ProtokollFileError) as info:
        parse_protokoll_text("a = [[[", "p.toml")
    assert info.value.exit_code == EXIT_UNREADABLE


def test_rtoml_parses_and_tomllib_has_the_last_word(monkeypatch: pytest.MonkeyPatch) -> None:
    import rtoml

    calls: list[str] = []
    fast = rtoml.loads
    monkeypatch.setattr(rtoml, "loads", lambda text: (calls.append("rtoml"), fast(text))[1])
    assert parse_toml("a = 1\n", "x.toml") == {"a": 1}
    assert calls == ["rtoml"]
    # TOML 1.1 (rtoml) reads what a secretary types: a time without seconds.
    meeting, problems = parse_meeting_text(MEETING + "start = 19:00\n", "m.toml")
    assert problems == [] and meeting is not None
    assert meeting.start == dt.time(19, 0)
    # rtoml refuses a float beyond the double range; tomllib reads it, so the file is TOML.
    assert parse_toml("f = 1e400\n", "x.toml") == {"f": float("inf")}
    # A syntax error is still located by tomllib, in Swedish.
    with pytest.raises(ProblemsError) as info:
        parse_toml('a = "x\nb = 1\n', "x.toml")
    assert str(info.value).startswith("x.toml:1: TOML-syntaxfel: radbrytning i en enradstext")


def test_messages_a_secretary_can_act_on() -> None:
    assert meeting_problems(MEETING + "start = 7:00\n") == [
        "m.toml:5: TOML-syntaxfel: ogiltigt klockslag – skriv TT:MM, t.ex. 07:00 (kolumn 10)"
    ]
    assert meeting_problems(MEETING + "start = 24:00:00\n")[0].startswith(
        "m.toml:5: TOML-syntaxfel: ogiltigt klockslag"
    )
    assert meeting_problems(MEETING + "[[items]\n") == [
        "m.toml:5: TOML-syntaxfel: väntade ']]' efter tabellens namn (kolumn 8)"
    ]
    twice = MEETING + '[[items]]\nid = "a"\ntitle = "A"\n[items]\n'
    assert "tabellen finns redan" in meeting_problems(twice)[0]
    # Notepad's "Unicode" is UTF-16: say so, not "binary"
    _, found, code = check_meeting_bytes(MEETING.encode("utf-16"), "m.toml")
    assert code == EXIT_UNREADABLE
    assert [str(p) for p in found] == ["m.toml: filen är sparad som UTF-16 – spara den som UTF-8"]
    # a protokoll.toml given to validate: only that, not its keys as unknown
    assert meeting_problems(PROTOKOLL + "[justering]\n[[paragraphs]]\nnumber = 1\n") == [
        "m.toml:1: format: det här är ett protokoll (protokoll.toml), inte en mötesfil – "
        "öppna det med namndtui FIL för granskning"
    ]
    other = MEETING.replace("meeting/1", "meeting/2") + "[foo]\n"
    assert len(meeting_problems(other)) == 1  # an unknown format reports only that


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('body = "\\ud800"', "\\u- eller \\U-koden är inget tecken"),
        ('body = "\\U00110000"', "\\u- eller \\U-koden är inget tecken"),
        ('body = "\\uZZZZ"', "\\u ska följas av 4 hexadecimala siffror"),
        ('body = "C:\\data"', "ett ensamt bakstreck i texten"),
        ("x = {a = 1", "tabellen inom {} stängs aldrig"),
        ("x = {a = 1, a = 2}", "nyckeln finns redan i tabellen inom {}: 'a'"),
        ("x = {a = 1}\nx.b = 2", "tabellen är skriven inom {} och kan inte utökas"),
        ("date = 0000-00-00", "ogiltigt datum – skriv ÅÅÅÅ-MM-DD med en dag som finns"),
        ("date = 2007-02-30", "ogiltigt datum – skriv ÅÅÅÅ-MM-DD med en dag som finns"),
    ],
)
def test_every_syntax_error_is_said_in_swedish(line, said) -> None:
    """tomllib's messages that were passed on in English (round 4, hostile input)."""
    head = 'format = "namndtui/meeting/1"\n[meeting]\n'
    problems = meeting_problems(head + line + "\n")
    assert len(problems) == 1 and "TOML-syntaxfel: " in problems[0]
    assert said in problems[0], problems[0]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_wide_encodings_are_named_even_without_a_bom(encoding) -> None:
    _, found, code = check_meeting_bytes(MEETING.encode(encoding), "m.toml")
    wide = "UTF-32" if "32" in encoding else "UTF-16"
    assert code == EXIT_UNREADABLE
    assert [str(p) for p in found] == [f"m.toml: filen är sparad som {wide} – spara den som UTF-8"]
    _, found, _ = check_meeting_bytes(b"\x00" * 64, "m.toml")  # NULs alone: binary
    assert "binärfil" in str(found[0])
