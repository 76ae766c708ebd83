"""meeting.toml → Meeting: the model built, the key-line scanner, round trips, fuzzing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namndtui.meetingfile import (
    MeetingFileError,
    Problem,
    check_meeting_bytes,
    load_meeting,
    parse_meeting_text,
    resolve_meeting_path,
)
from namndtui.meetingwrite import item_to_toml_dict, meeting_to_toml
from namndtui.model import ROLES, Item, Meeting, Member, Official, Section
from namndtui.tomlpos import KeyLocator

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "tests" / "data" / "good" / "meeting.toml"
BAD = ROOT / "tests" / "data" / "bad" / "meeting"

HEAD = 'format = "namndtui/meeting/1"\n[meeting]\nbody = "N"\ndate = 2007-10-23\n'


def test_good_file_becomes_the_model() -> None:
    meeting = load_meeting(GOOD)
    assert meeting.source == str(GOOD)
    assert meeting.body == "Testby nämnd"
    assert meeting.date == dt.date(2007, 10, 23)
    assert meeting.start == dt.time(19, 0)
    assert meeting.first_paragraph == 120
    assert meeting.secretary == "Sara Sekreterare"
    assert meeting.kept_at.startswith("Testby stadsdelsförvaltning")
    assert meeting.members == (
        Member("Anna Ek", "M", "ordförande"),
        Member("Bo Björk", "S", "vice ordförande"),
        Member("Cecilia Al", "MP", "ersättare"),
    )
    assert meeting.officials == (Official("Olle Tjänsteman", "stadsdelsdirektör"),)
    first, second = meeting.items
    assert first.category == "Inledning" and first.extra_sections == ()
    assert second.id == "ansokan-lansstyrelsen"
    assert second.immediate_justification is True
    assert second.proposed_decision == (
        "Stadsdelsnämnden godkänner ansökan.",
        "Beslutet justeras omedelbart.",
    )
    assert second.attachments == ("Ansökan till Länsstyrelsen i Stockholms län",)
    assert second.extra_sections == (
        Section("Ekonomiska konsekvenser", "Ingen kostnad för nämnden."),
        Section("Samråd", "Ärendet har behandlats i förvaltningsgruppen."),
    )
    # Blank lines around a section are dropped; the text itself is kept as given.
    assert second.summary == (
        "Förvaltningen föreslår att nämnden ansöker om statsbidrag.\n\nAnsökan gäller år 2008."
    )
    assert second.background.endswith("[[items]] inside a string is not a header")


def test_folder_and_resolve() -> None:
    assert resolve_meeting_path(GOOD.parent) == GOOD
    assert load_meeting(GOOD.parent) == load_meeting(GOOD)
    with pytest.raises(MeetingFileError) as exc:
        resolve_meeting_path(BAD / "folder")
    assert exc.value.exit_code == 2
    assert exc.value.message == f"{BAD / 'folder'}: mappen innehåller ingen meeting.toml"


def test_error_carries_every_problem_and_exit_code() -> None:
    with pytest.raises(MeetingFileError) as exc:
        load_meeting(BAD / "missing_required.toml")
    err = exc.value
    assert err.exit_code == 1
    assert len(err.problems) == 5
    assert err.message == "\n".join(str(p) for p in err.problems)
    with pytest.raises(MeetingFileError) as exc:
        load_meeting(BAD / "syntax_error.toml")
    assert exc.value.exit_code == 2
    with pytest.raises(MeetingFileError) as exc:
        load_meeting(BAD / "latin1.toml")
    assert exc.value.exit_code == 2


def test_problem_str() -> None:
    assert str(Problem("m.toml", 14, "items[3].title: x")) == "m.toml:14: items[3].title: x"
    assert str(Problem("m.toml", None, "filen är tom")) == "m.toml: filen är tom"


def test_parse_text_returns_meeting_or_problems() -> None:
    meeting, problems = parse_meeting_text(HEAD)
    assert problems == [] and meeting is not None and meeting.items == ()
    meeting, problems = parse_meeting_text(HEAD + "[[items]]\nid = 'x'\n", "f.toml")
    assert meeting is None
    assert [str(p) for p in problems] == ["f.toml:5: items[1].title: obligatorisk nyckel saknas"]


def test_bom_is_accepted() -> None:
    meeting, problems, code = check_meeting_bytes(b"\xef\xbb\xbf" + HEAD.encode())
    assert (problems, code) == ([], 0) and meeting is not None


def test_empty_title_is_a_problem() -> None:
    _, problems = parse_meeting_text(HEAD + '[[items]]\nid = "a"\ntitle = "  "\n')
    assert [p.message for p in problems] == ["items[1].title: får inte vara tom"]


def test_inline_tables_are_accepted_but_located_coarsely() -> None:
    text = HEAD + 'members = [{name = "A"}, {name = "A"}]\n'
    text = text.replace("[meeting]\n", "").replace('body = "N"\ndate = 2007-10-23\n', "")
    text += '[meeting]\nbody = "N"\ndate = 2007-10-23\n'
    _, problems = parse_meeting_text(text)
    assert [str(p) for p in problems] == [
        'meeting.toml:2: members[2].name: "A" finns redan i members[1]'
    ]


# --- the key-line scanner --------------------------------------------------------------

SCANNED = '''\
format = "x"            # 1
[meeting]               # 2
body = """              # 3
[[items]]
title = "not a key"
"""                     # 6
date.year = 1           # 7
[[items]]               # 8
id = 'a'                # 9
decision = [            # 10
  "[[items]]",
  """
x = 1
""",
]                       # 15
[[items.sections]]      # 16
title = "s"             # 17
[[items.sections]]      # 18
[[items]]               # 19
"quoted key" = 1        # 20
[[items.sections]]      # 21
'lit' . bare = 2        # 22
text = """a \\""" b"""  # 23
after = 1               # 24
'''


def test_locator_finds_keys_and_headers() -> None:
    loc = KeyLocator(SCANNED)
    assert loc.line(("format",)) == 1
    assert loc.line(("meeting",)) == 2
    assert loc.line(("meeting", "body")) == 3
    assert loc.line(("meeting", "date", "year")) == 7
    assert loc.line(("meeting", "date")) == 7
    assert loc.line(("items", 1)) == 8
    assert loc.line(("items", 1, "id")) == 9
    assert loc.line(("items", 1, "title")) == 8  # missing: the table header
    assert loc.line(("items", 1, "decision", 2)) == 10
    assert loc.line(("items", 1, "sections", 1, "title")) == 17
    assert loc.line(("items", 1, "sections", 2)) == 18
    assert loc.line(("items", 2)) == 19
    assert loc.line(("items", 2, "quoted key")) == 20
    assert loc.line(("items", 2, "sections", 1)) == 21
    assert loc.line(("items", 2, "sections", 1, "lit", "bare")) == 22
    assert loc.line(("items", 2, "sections", 1, "after")) == 24
    assert loc.line(("nothing",)) is None


def test_locator_never_matches_inside_strings() -> None:
    loc = KeyLocator(SCANNED)
    assert ("meeting", "title") not in loc.lines
    assert ("items", 1, "x") not in loc.lines
    assert ("items", 3) not in loc.lines


# --- writing -------------------------------------------------------------------------


def test_item_to_toml_dict_keeps_only_set_keys_in_order() -> None:
    item = Item(
        id="a",
        title="T",
        summary="S",
        attachments=("B",),
        immediate_justification=True,
        extra_sections=(Section("X", "Y"),),
    )
    data = item_to_toml_dict(item)
    assert list(data) == [
        "id", "title", "summary", "immediate_justification", "attachments", "sections",
    ]  # fmt: skip
    assert data["attachments"] == ["B"]
    assert data["sections"] == [{"title": "X", "text": "Y"}]
    assert item_to_toml_dict(Item(id="a", title="T")) == {"id": "a", "title": "T"}


def test_good_file_round_trips() -> None:
    meeting = load_meeting(GOOD)
    again, problems = parse_meeting_text(meeting_to_toml(meeting))
    assert problems == []
    assert again == meeting


def _norm(text: str) -> str:
    # What the loader keeps of a section text: no blank lines at the ends.
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


# Any text, control characters included (stored intact; docs/reliability.md); a CR would
# not survive a multi-line TOML string.
_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"))
_name = _text.filter(str.strip)
_ids = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
_items = st.builds(
    Item,
    id=_ids,
    title=_name,
    category=_text,
    dnr=_text,
    summary=_text.map(_norm),
    proposal=_text.map(_norm),
    proposed_decision=st.lists(_text, max_size=3).map(tuple),
    immediate_justification=st.booleans(),
    attachments=st.lists(_text, max_size=2).map(tuple),
    extra_sections=st.lists(
        st.builds(Section, _name, _text.map(_norm).filter(str.strip)), max_size=2
    ).map(tuple),
)
_meetings = st.builds(
    Meeting,
    body=_name,
    date=st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)),
    start=st.none() | st.times(),
    place=_text,
    first_paragraph=st.none() | st.integers(1, 10_000),
    secretary=_text,
    members=st.lists(st.builds(Member, _name, _text, st.sampled_from(ROLES)), max_size=4)
    .filter(lambda ms: len({m.name for m in ms}) == len(ms))
    .map(tuple),
    officials=st.lists(st.builds(Official, _name, _text), max_size=2).map(tuple),
    items=st.lists(_items, max_size=3)
    .filter(lambda xs: len({i.id for i in xs}) == len(xs))
    .map(tuple),
)


@settings(max_examples=50, deadline=None)
@given(_meetings)
def test_any_meeting_round_trips(meeting: Meeting) -> None:
    text = meeting_to_toml(meeting)
    again, problems = parse_meeting_text(text)
    assert problems == []
    assert again == meeting


# --- no traceback, whatever the input ----------------------------------------------------

_toml_atoms = st.sampled_from(
    [
        "\n", " ", "=", "[", "]", "[[", "]]", "{", "}", ",", ".", '"', "'", '"""', "'''", "#",
        "format", "meeting", "items", "members", "sections", "id", "title", "role", "date",
        "body", '"namndtui/meeting/1"', "2007-10-23", "2007-10-23T19:00:00", "19:00:00",
        "true", "1", "-3", "1.5", '"x"', "ordförande", "\\", "\x00",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(_toml_atoms, max_size=60).map("".join), st.text(max_size=200)))
def test_random_text_never_crashes(text: str) -> None:
    meeting, problems = parse_meeting_text(text)
    assert (meeting is None) == bool(problems)
    for problem in problems:
        assert "\n" not in problem.message


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "[[items]]\n", "[[items.sections]]\n", "[[members]]\n", "[meeting]\n",
                'id = "a"\n', "id = 3\n", 'title = "t"\n', 'text = """\nx\n"""\n',
                'name = "n"\n', 'role = "ledamot"\n', 'role = "kung"\n', "sumary = 1\n",
                "date = 2007-01-01\n", 'body = "b"\n', "first_paragraph = -1\n",
                "proposed_decision = [1, 'a']\n", "immediate_justification = 1\n",
            ]
        ),
        max_size=25,
    ).map(lambda lines: 'format = "namndtui/meeting/1"\n' + "".join(lines))
)  # fmt: skip
def test_random_structured_meetings_never_crash(text: str) -> None:
    meeting, problems = parse_meeting_text(text)
    assert (meeting is None) == bool(problems)
    n_lines = text.count("\n") + 1
    for problem in problems:
        # Every finding in a TOML-valid file is located on a real line.
        if not problem.message.startswith("TOML-syntaxfel") and "[meeting] saknas" not in (
            problem.message
        ):
            assert problem.line is not None and 1 <= problem.line <= n_lines, problem


def test_the_documented_example_is_valid() -> None:
    doc = (ROOT / "docs" / "meeting-format.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    meeting, problems = parse_meeting_text(example)
    assert problems == []
    assert meeting is not None and len(meeting.items[1].extra_sections) == 2


def test_unusable_paths_are_problems_not_tracebacks(monkeypatch: pytest.MonkeyPatch) -> None:
    from namndtui.meetingfile import check_meeting_file

    meeting, problems, code = check_meeting_file("a" * 300)
    assert (meeting, code) == (None, 2)
    assert problems[0].message.startswith("kan inte läsas")
    assert check_meeting_file("nul\x00byte")[2] == 2  # pathlib: "does not exist"

    def refuse(path: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    import namndtui.meetingfile

    monkeypatch.setattr(namndtui.meetingfile, "read_input", refuse)  # storage.read_input
    _, problems, code = check_meeting_file(GOOD)
    assert code == 2
    assert [str(p) for p in problems] == [f"{GOOD}: kan inte läsas: åtkomst nekas"]


def test_minority_right_and_corrects() -> None:
    """`minority_right` / `minority_fraction` in [meeting]; `corrects` on an item (a § of an
    earlier meeting of the body); they round-trip, and bad values are named."""
    from namndtui.model import ParagraphRef

    text = HEAD.replace(
        'body = "N"\n', 'body = "N"\nminority_right = ["återremiss"]\nminority_fraction = "1/4"\n'
    ) + (
        '[[items]]\nid = "a"\ntitle = "Rättelse av protokoll"\n'
        "corrects = { date = 2007-09-25, paragraph = 112 }\n"
        'minority_used = "bordläggning"\n'
    )
    meeting, problems = parse_meeting_text(text)
    assert problems == [] and meeting is not None
    assert meeting.minority_right == ("återremiss",)
    assert str(meeting.minority_share) == "1/4"
    assert meeting.items[0].corrects == ParagraphRef(dt.date(2007, 9, 25), 112)
    assert meeting.items[0].minority_used == "bordläggning"
    again, problems = parse_meeting_text(meeting_to_toml(meeting))
    assert problems == [] and again == meeting
    bad = (
        HEAD.replace('body = "N"\n', 'body = "N"\nminority_right = ["omröstning"]\n').replace(
            "date = 2007-10-23\n", 'date = 2007-10-23\nminority_fraction = "3/2"\n'
        )
        + '[[items]]\nid = "a"\ntitle = "T"\ncorrects = { date = 2007-09-25, paragrf = 1 }\n'
        + 'minority_used = "votering"\n'
    )
    _, problems = parse_meeting_text(bad)
    messages = [p.message for p in problems]
    assert any('minority_right[1]: okänt formellt yrkande "omröstning"' in m for m in messages)
    assert any('minority_fraction: ogiltig andel "3/2"' in m for m in messages)
    assert any("items[1].corrects.paragrf: okänd nyckel" in m for m in messages)
    assert any("items[1].corrects.paragraph: obligatorisk nyckel saknas" in m for m in messages)
    assert any('items[1].minority_used: okänt formellt yrkande "votering"' in m for m in messages)


def test_a_decomposed_file_reads_as_the_same_meeting() -> None:
    """A meeting.toml in NFD (å as a + ring: macOS, some editors) said 'okänd roll
    "ersättare" – menade du "ersättare"?' and names did not match what is typed (qa)."""
    import unicodedata

    from namndtui.meetingfile import check_meeting_bytes

    text = Path(GOOD).read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", text).encode("utf-8")
    meeting, problems, code = check_meeting_bytes(nfd)
    assert (problems, code) == ([], 0)
    assert meeting == check_meeting_bytes(text.encode("utf-8"))[0]
