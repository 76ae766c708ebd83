"""End to end in a real terminal (tmux): decide three items, quit, check the files; then
SIGKILL right after an act is shown as done, restart, and find the act still there."""

from __future__ import annotations

import json
import os
import shutil
import signal
import tomllib
from pathlib import Path

import pytest
from tests.tmux_driver import Tmux, wait_gone, wait_until

from namndtui.examples import example_meeting

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = example_meeting()
SEED = "ansokan-lansstyrelsen"
CONTESTED = "foreningsbidrag-hosten-2007"
NALSTA = "fritidsgarden-nalsta"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def journal(folder: Path) -> list[dict]:
    """The journal's events so far (a line still being written is not one yet)."""
    path = folder / "journal.jsonl"
    if not path.exists():
        return []
    events = []
    for line in path.read_text("utf-8").splitlines():
        try:
            data = json.loads(line)
        except ValueError:  # the last line, half written while we read
            continue
        if "event" in data:
            events.append(data["event"])
    return events


def count(folder: Path, kind: str, **fields: str) -> int:
    return sum(
        e["type"] == kind and all(e.get(k) == v for k, v in fields.items()) for e in journal(folder)
    )


def on_disk(tmux: Tmux, n: int, kind: str, **fields: str) -> None:
    """Wait until the journal holds `n` events of `kind` (with these fields)."""
    try:
        wait_until(f"{n} × {kind} {fields}", lambda: count(tmux.folder, kind, **fields) >= n)
    except AssertionError as err:
        raise AssertionError(f"{err} in the journal; the screen:\n{tmux.screen()}") from None


def cast(tmux: Tmux, votes: str) -> None:
    """One vote per key, top to bottom, each shown in the tally before the next key."""
    for n, key in enumerate(votes, start=1):
        tmux.send(key)
        tmux.wait_for(f"Ej röstat {len(votes) - n}")


def test_live_meeting_in_tmux(tmp_path: Path) -> None:
    """Every step waits on what it causes, on disk (the journal) or on screen; no sleeps,
    so a loaded machine only makes the test slower."""
    folder = tmp_path / "2007-10-23"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    tmux = Tmux(f"namndtui-e2e-{os.getpid()}", folder)
    try:
        tmux.start()
        # roll call: every seat present
        tmux.send("n")
        tmux.wait_for("Närvaro")
        tmux.send("A")
        tmux.wait_for("Beslutför 11/11")
        # (escape waits for the agenda: an escape followed at once by a key reads as alt+key)
        tmux.send("Escape")
        tmux.wait_for("Föredragningslista")
        # 1) val av justerare: decided as proposed
        tmux.send("b")
        on_disk(tmux, 1, "decision_recorded", item="val-av-justerare")
        # 2) the seed item, with omedelbar justering as proposed
        for title in ("Godkännande av dagordningen", "Månadsrapport september", "Ansökan till"):
            tmux.send("j")  # one at a time: the highlight follows each key before the next
            tmux.wait_for_chosen(title)
        tmux.send("b")
        on_disk(tmux, 1, "decision_recorded", item=SEED)
        # 3) föreningsbidrag: two motions, a vote, a reservation
        tmux.send("j")
        tmux.wait_for_chosen("Fördelning av föreningsbidrag")
        tmux.send("y")
        tmux.wait_for_field("Vem yrkar")
        tmux.send_text("Hallenberg")
        tmux.wait_for("Birgitta Hallenberg")
        tmux.send("Enter")  # to the kind of motion
        tmux.wait_for_chosen("bifall")
        tmux.send("Enter")  # to its text
        tmux.wait_for_field("Yrkandets text")
        tmux.send("Enter")
        on_disk(tmux, 1, "motion_made")
        tmux.send("y")
        tmux.wait_for_field("Vem yrkar")
        tmux.send_text("Almqvist")
        tmux.wait_for("Per Almqvist")
        tmux.send("Enter")
        tmux.wait_for_chosen("bifall")
        tmux.send("Down")
        tmux.wait_for_chosen("avslag")
        tmux.send("Enter")
        tmux.wait_for_field("Yrkandets text")
        tmux.send_text("Avslag, bidragen ska höjas")
        tmux.wait_for("bidragen ska höjas")
        tmux.send("Enter")
        on_disk(tmux, 2, "motion_made")
        tmux.send("v")
        tmux.wait_for("Proposition")  # the chair's finding first: the suggested y1
        tmux.send("Enter")
        tmux.wait_for_field("Votering begärs av")
        tmux.send("Enter")  # who demanded it: skipped
        tmux.wait_for("omgång 1")
        cast(tmux, "1" * 6 + "2" * 5)
        tmux.wait_for("Ja 6 · Nej 5")
        tmux.send("Enter")
        on_disk(tmux, 1, "vote_closed")
        tmux.send("b")
        on_disk(tmux, 1, "decision_recorded", item=CONTESTED)
        tmux.send("r")
        tmux.wait_for("Vem reserverar sig")
        tmux.wait_for_field("Vem reserverar sig")
        tmux.send("Enter")  # the first on the losing side
        tmux.wait_for_field("Skriftlig reservation")
        tmux.send("Enter")
        on_disk(tmux, 1, "reservation_made")
        # 4) issue 14: the decision edited (e), then a stray b asks and escape keeps it
        tmux.send("e")
        tmux.wait_for("ctrl+s")
        tmux.send("Enter")  # a point of its own
        tmux.send_text("Med tillägg.")
        tmux.wait_for("Med tillägg.")
        tmux.send("C-s")
        on_disk(tmux, 2, "decision_recorded", item=CONTESTED)
        tmux.send("b")
        tmux.wait_for("har redan ett beslut")
        tmux.send("Escape")
        wait_until("the question is gone", lambda: "har redan ett beslut" not in tmux.screen())
        assert count(folder, "decision_recorded", item=CONTESTED) == 2
        # 5) one ballot corrected after the count (c): röst rättad, nothing undone
        tmux.send("c")
        tmux.wait_for("Röst i votering 1 (ja 6, nej 5, avstår 0)")
        tmux.send("Enter")
        tmux.wait_for("Rätta röst")
        tmux.send("j")  # moves only: the second row
        tmux.send("2")
        tmux.wait_for("Tryck samma tangent igen")
        tmux.send("2")
        on_disk(tmux, 1, "vote_corrected")
        tmux.wait_for("Ja 5 · Nej 6")
        tmux.send("Escape")
        wait_until("the ballots are closed", lambda: "Rätta röst" not in tmux.screen())
        tmux.send("q")
        wait_until("the app has quit", lambda: not tmux.alive())

        events = journal(folder)
        kinds = [e["type"] for e in events]
        decided = [e["item"] for e in events if e["type"] == "decision_recorded"]
        assert decided[:1] == ["val-av-justerare"] and SEED in decided and CONTESTED in decided
        assert kinds.count("motion_made") == 2
        assert kinds.count("vote_cast") == 11 and "vote_closed" in kinds
        assert "reservation_made" in kinds
        corrected = [e for e in events if e["type"] == "vote_corrected"]
        assert [(c["member"], c["vote"]) for c in corrected] == [("Lars-Erik Wahlström", "nej")]
        assert kinds.count("undone") == 0  # corrected without undoing anything
        protokoll = folder / "protokoll.toml"
        if protokoll.exists():  # the minutes writer has landed: check the minutes too
            data = tomllib.loads(protokoll.read_text("utf-8"))
            paragraphs = {p["item"]: p for p in data["paragraphs"]}
            assert paragraphs[SEED]["immediate_justification"] is True
            assert len(paragraphs[CONTESTED]["motions"]) == 2
            assert (folder / "protokoll.md").exists()

        # SIGKILL right after an act is shown as done; restart; the act is there
        tmux.start()
        tmux.wait_for("§ 122 ✓")
        tmux.send("j")
        tmux.wait_for_chosen("Inhyrning av tillfälliga")
        tmux.send("b")
        tmux.wait_for("§ 123 ✓")  # shown as done: on disk before the screen says so
        pid = tmux.pid()
        os.kill(pid, signal.SIGKILL)
        tmux.kill()
        wait_gone(pid)
        assert any(
            e["type"] == "decision_recorded" and e["item"] == "forskolepaviljonger-hasselby-strand"
            for e in journal(folder)
        )
        tmux.start()
        screen = tmux.wait_for("§ 123 ✓")
        assert "SKRIVSKYDDAT" not in screen  # the stale lock of the killed process is taken over
        referred_back_by_vote(tmux)
    finally:
        tmux.kill()


def referred_back_by_vote(tmux: Tmux) -> None:
    """§ 124: an återremiss and a bifall; the formal question is put first, on its own, a
    vote is demanded, the återremiss wins and the item ends there."""
    folder = tmux.folder
    tmux.send("j")
    tmux.wait_for_chosen("Förändrad organisation")
    tmux.send("y")
    tmux.wait_for_field("Vem yrkar")
    tmux.send_text("Almqvist")
    tmux.wait_for("Per Almqvist")
    tmux.send("Enter")
    tmux.wait_for_chosen("bifall")
    tmux.send("Down")
    tmux.wait_for_chosen("avslag")
    tmux.send("Down")
    tmux.wait_for_chosen("återremiss")
    tmux.send("Enter")
    tmux.wait_for_field("Yrkandets text")
    tmux.send_text("för att utreda alternativen")
    tmux.wait_for("utreda alternativen")
    tmux.send("Enter")
    on_disk(tmux, 1, "motion_made", item=NALSTA)  # the återremiss
    tmux.send("y")
    tmux.wait_for_field("Vem yrkar")
    tmux.send_text("Hallenberg")
    tmux.wait_for("Birgitta Hallenberg")
    tmux.send("Enter")
    tmux.wait_for_chosen("bifall")
    tmux.send("Enter")
    tmux.wait_for_field("Yrkandets text")
    tmux.send("Enter")
    on_disk(tmux, 2, "motion_made", item=NALSTA)  # the bifall
    tmux.send("v")  # the återremiss is put first: avgöras i dag (enter), then the vote
    tmux.wait_for("Avgöras i dag eller återremitteras?")
    tmux.send("Enter")
    tmux.wait_for_field("Votering begärs av")
    tmux.send_text("Almqvist")
    tmux.wait_for("Per Almqvist")
    tmux.send("Enter")
    tmux.wait_for("omgång 1")
    cast(tmux, "1" * 5 + "2" * 6)
    tmux.wait_for("Ja 5 · Nej 6")
    tmux.send("Enter")
    on_disk(tmux, 1, "vote_closed", item=NALSTA)
    tmux.wait_for("avslutas här")
    tmux.send("q")
    wait_until("the app has quit", lambda: not tmux.alive())

    events = [e for e in journal(folder) if e.get("item") == NALSTA]
    found = next(e for e in events if e["type"] == "question_decided")
    assert (found["question"], found["finding"]) == ("y1", "today")
    demanded = next(e for e in events if e["type"] == "vote_demanded")
    assert (demanded["question"], demanded["yes"], demanded["no"]) == ("y1", "today", "y1")
    assert demanded["demanded_by"] == "Per Almqvist"
    data = tomllib.loads((folder / "protokoll.toml").read_text("utf-8"))
    paragraph = next(p for p in data["paragraphs"] if p["item"] == NALSTA)
    assert (
        paragraph["status"] == "referred_back"
        and "decision" not in paragraph
        or not paragraph["decision"]
    )
    assert [q["kind"] for q in paragraph["questions"]] == ["återremiss"]
    md = (folder / "protokoll.md").read_text("utf-8")
    assert "Per Almqvist (V) yrkar att ärendet återremitteras för att utreda alternativen." in md
    assert (
        "Ordföranden frågar om ärendet ska avgöras i dag eller återremitteras och finner att "
        "ärendet ska avgöras i dag."
    ) in md
    assert "Votering begärs av Per Almqvist (V)." in md
    assert "Med 5 ja-röster mot 6 nej-röster beslutar nämnden att ärendet ska återremitteras." in md
