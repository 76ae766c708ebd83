"""Hidden format characters typed into an act's texts are named, field by field, with
the rule validate applies to meeting.toml (textcheck.hidden_characters)."""

from __future__ import annotations

from namndtui.record import events as ev
from namndtui.record.hidden_text import hidden_text_warning

RLO = "\u202e"


def test_a_plain_act_has_no_warning() -> None:
    assert hidden_text_warning([ev.MotionMade("x1", "y1", "Anna Ek", "bifall", "Bifall.")]) == ""
    assert hidden_text_warning([ev.ItemCalled("x1", "19:00")]) == ""


def test_each_typed_text_is_named() -> None:
    cases = [
        (ev.MotionMade("x1", "y2", "Anna Ek", "ändring", f"Att {RLO}bygga"), "yrkandet"),
        (ev.MotionAmended("x1", "y2", f"Att {RLO}bygga"), "yrkandet"),
        (ev.NoteAdded("x1", f"Not{RLO}"), "protokollsanteckningen"),
        (ev.ReservationMade("x1", "Anna Ek", f"Skäl{RLO}"), "reservationen"),
        (ev.StatementAdded("x1", "Anna Ek", f"{RLO}x"), "det särskilda uttalandet"),
        (ev.ItemReferredBack("x1", f"{RLO}x"), "skälet för återremissen"),
        (ev.CorrectionMade("x1", f"Skäl{RLO}"), "rättelsens skäl"),
    ]
    for event, label in cases:
        warning = hidden_text_warning([event])
        assert warning.startswith(f"{label}: osynligt styrtecken U+202E"), warning
        assert RLO not in warning  # named, never carried


def test_a_decision_names_its_point_and_a_rattelse_its_change() -> None:
    decided = ev.DecisionRecorded("x1", ("Punkt ett.", f"Punkt {RLO}två."))
    assert hidden_text_warning([decided]).startswith("beslutet, punkt 2: osynligt")
    assert hidden_text_warning([ev.DecisionRecorded("x1", (f"{RLO}Ett.",))]).startswith(
        "beslutet: osynligt"
    )
    corrected = ev.CorrectionMade("x1", "Fel ord.", decided.to_dict())
    assert hidden_text_warning([corrected]).startswith("rättelsen: beslutet, punkt 2: ")


def test_several_fields_are_said_in_one_line() -> None:
    warning = hidden_text_warning(
        [ev.NoteAdded("x1", f"a{RLO}"), ev.MotionMade("x1", "y2", "Anna Ek", "avslag", "b\u200b")]
    )
    assert warning.startswith("protokollsanteckningen; yrkandet: osynligt styrtecken U+200B")
    assert "U+202E" in warning and warning.count("osynligt") == 1
