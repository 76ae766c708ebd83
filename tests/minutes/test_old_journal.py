"""A journal from before the question model still loads and renders the same.

`old/journal-fore-fragemodellen.jsonl` is the Testby meeting (scenario.meeting_events)
as namndtui wrote it before record/questions.py: the chair's findings as `chair_finding`
(with `proposition_order_set` before them) and votes on the main question with motion ids
(`vote_demanded` without `question`). It was written by the program of main 46aa629 and is
kept as it is. Nothing writes these acts any more (procedure.check refuses them); the fold
still reads them, and the minutes must read exactly as the golden file of the same meeting
recorded with today's acts.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.minutes import scenario as sc

from namndtui.minutes.model import Minutes
from namndtui.minutes.source import load_meeting_for_record
from namndtui.minutes.write import render_all
from namndtui.record import events as ev
from namndtui.record.record import Record

OLD_JOURNAL = Path(__file__).parent / "old" / "journal-fore-fragemodellen.jsonl"


def test_an_old_journal_renders_as_the_golden_minutes(tmp_path) -> None:
    folder = sc.copy_tree(tmp_path)
    shutil.copy(OLD_JOURNAL, folder / "journal.jsonl")
    meeting = load_meeting_for_record(folder / "meeting.toml")
    record = Record.open(meeting, folder, readonly=True)
    assert record.corrupt is None and not record.warnings
    kinds = {type(e) for _, _, e in record.events}
    assert {ev.ChairFinding, ev.PropositionOrderSet} <= kinds
    files = render_all(Minutes(meeting, record.state))
    record.close()
    golden = (sc.GOLDEN / "testby" / "fore-justering.md").read_text(encoding="utf-8")
    assert files["protokoll.md"] == golden
