"""The meeting record: events -> journal (append, fsync) -> state (fold).

No Textual here. Modules, in a newcomer's reading order:
- events.py        the event types (frozen dataclasses) and their (de)serialisation;
                   defined in event_base.py (Event), meeting_events.py (the meeting as a
                   whole) and item_events.py (an item's)
- state.py         RecordState / Paragraph: what the events add up to; its parts (Motion,
                   VoteRound, reservations, corrections …) are in state_parts.py
- fold.py          apply one event to a state (incremental); fold(meeting, events) -> state
- acts.py          the secretary's acts: (meeting, state, input) -> events, or RuleError
                   (refusals.py: the refusals a front end phrases itself); beside it
                   vote_acts.py (questions, votes, the minority's demand),
                   correction_acts.py (ballots and motions put right), attendance_acts.py
- procedure.py     `check`: may this event be applied now? It asks the rule families:
    rules.py         RuleError, paragraph_label, is_act
    serving.py       who serves on an item, quorum, who votes, who presides
    voting.py        the main rounds, the casting vote on a tie
    minority.py      the minority right for formal motions (återremiss, bordläggning)
    substitution.py  the warning when an ersättare of another party serves
    reservations.py  who may reserve, the written text after the meeting
    sitting.py       the sitting (close, breaks), the locks of justified §, undo/redo
    checks.py        the rules of each event type (one handler per event)
    questions.py     the order of questions (beslutsgång)
- journal.py       the append-only JSON Lines journal with checksums, replay, recovery
- lock.py          one writer per meeting folder
- record.py        `Record`: the facade the TUI and the CLI use
- replica.py       the state another thread reads, folded there from the record's entries
- orphans.py       warnings: acts naming an item or member meeting.toml no longer has
- hidden_text.py   warnings: hidden format characters in an act's texts
- follow.py        following a journal someone else writes (read-only); watch.py: inotify
"""
