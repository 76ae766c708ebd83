"""The meeting record: events -> journal (append, fsync) -> state (fold).

No Textual here. Modules:
- events.py     the event types (frozen dataclasses) and their (de)serialisation
- state.py      RecordState / Paragraph / Motion / VoteRound …: what the events add up to
- fold.py       apply one event to a state (incremental); fold(meeting, events) -> state
- procedure.py  the rules (quorum, who may vote, vote result, proposition order,
                reservations, § numbers, locks); refusals raise RuleError (Swedish text)
- journal.py    the append-only JSON Lines journal with checksums, replay, recovery
- lock.py       one writer per meeting folder
- record.py     `Record`: the facade the TUI and the CLI use
"""
