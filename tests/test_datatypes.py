"""`namndtui.datatypes`: `@frozen` and `@mutable` behave as `@dataclass` does (equality,
hash, repr, frozen assignment), only their `__eq__`, `__hash__` and `__repr__` are shared."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

import pytest

from namndtui.datatypes import frozen, mutable
from namndtui.model import Meeting, Member
from namndtui.record.state import Paragraph, RecordState


@frozen
class Seat:
    name: str
    party: str = ""
    source: str = field(default="", compare=False)
    secret: str = field(default="", repr=False)


@dataclass(frozen=True)
class GeneratedSeat:
    name: str
    party: str = ""
    source: str = field(default="", compare=False)
    secret: str = field(default="", repr=False)


@frozen
class OtherSeat:
    name: str
    party: str = ""


@mutable
class Box:
    items: list[str] = field(default_factory=list)
    note: str = ""


@mutable
class Node:
    children: list[Node] = field(default_factory=list)


def test_frozen_is_a_frozen_dataclass_with_the_same_equality_hash_and_repr() -> None:
    ours, theirs = Seat("Anna", "M", "a.toml", "x"), GeneratedSeat("Anna", "M", "a.toml", "x")
    assert dataclasses.is_dataclass(ours) and Seat.__match_args__ == GeneratedSeat.__match_args__
    assert repr(ours) == repr(theirs).replace("GeneratedSeat", "Seat")
    assert hash(ours) == hash(theirs)
    assert ours == Seat("Anna", "M", "b.toml", "x")  # compare=False left out, as generated
    assert ours != Seat("Anna", "S") and ours != OtherSeat("Anna", "M")
    assert ours != ("Anna", "M") and (ours == theirs) is False  # other classes: never equal
    assert {ours, Seat("Anna", "M", "b.toml", "x")} == {ours}
    with pytest.raises(dataclasses.FrozenInstanceError):
        ours.name = "Bo"  # type: ignore[misc]
    assert dataclasses.replace(ours, party="S") == Seat("Anna", "S", "a.toml", "x")


def test_mutable_is_an_unhashable_dataclass_with_the_same_equality_and_repr() -> None:
    box = Box(["a"])
    box.note = "n"
    assert box == Box(["a"], "n") and box != Box(["b"], "n")
    assert repr(box) == "Box(items=['a'], note='n')"
    with pytest.raises(TypeError):
        hash(box)
    assert Box().items is not Box().items  # default_factory, as generated


def test_repr_of_an_instance_that_holds_itself_ends() -> None:
    node = Node()
    node.children.append(node)
    assert repr(node) == "Node(children=[...])"


def test_the_model_and_the_state_compare_as_before() -> None:
    member = Member("Anna Ek", "M")
    assert repr(member) == "Member(name='Anna Ek', party='M', role='ledamot')"
    meeting = Meeting(body="Nämnd", date=dt.date(2007, 10, 23), members=(member,), source="a")
    assert meeting == dataclasses.replace(meeting, source="b")  # source: not compared
    state = RecordState.before_events(120)
    state.paragraphs["x"] = Paragraph(item="x", number=120)
    other = RecordState.before_events(120)
    other.paragraphs["x"] = Paragraph(item="x", number=120)
    other.log.append((1, "", None))  # bookkeeping: compare=False
    assert state == other
    other.paragraphs["x"].number = 121
    assert state != other
