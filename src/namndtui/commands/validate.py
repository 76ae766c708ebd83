"""`namndtui validate FILE…`: check meeting files, report every problem.

Problems go to stdout, one `FILE:LINE: message` per line; a valid file prints
`FILE: giltig (N ärenden, M ledamöter[, K ersättare])` (ledamöter: the seat holders). A one-line summary goes to stderr. The exit code
is the worst over all files: 0 valid, 1 validation findings, 2 a file that cannot be read
or parsed at all.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from namndtui.meetingcheck import hidden_character_file_warnings
from namndtui.meetingfile import check_meeting_file
from namndtui.minutes.protokoll_format import PROTOKOLL_FILENAME
from namndtui.minutes.protokoll_read import ProtokollFileError, load_protokoll
from namndtui.textcheck import visible


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="meeting.toml, protokoll.toml eller en mapp som innehåller en av dem (en journal.jsonl kontrolleras med mötet i samma mapp)",
    )


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _safe(text: str) -> str:
    """Never let an odd file name (undecodable bytes) crash the printing; controls visible."""
    return visible(text).encode("utf-8", "backslashreplace").decode("utf-8")


def _is_protokoll(name: str) -> bool:
    """A protokoll.toml, or a folder holding one but no meeting.toml."""
    path = Path(name)
    if path.is_dir():
        return (path / PROTOKOLL_FILENAME).is_file() and not (path / "meeting.toml").exists()
    return path.name.endswith(PROTOKOLL_FILENAME)


def _check_protokoll(name: str) -> tuple[list, int]:
    """Every finding of the loader (checksums and the seal of justered minutes included)."""
    try:
        minutes = load_protokoll(name)
    except ProtokollFileError as err:
        return list(err.problems), err.exit_code
    state = minutes.state
    paragraphs = _plural(len(state.paragraphs), "paragraf", "paragrafer")
    if not state.justered_on:
        sealed = ", ej justerat"
    elif minutes.unsealed:  # a version 1 or 2 file from before the seal: re-export seals it
        sealed = ", justerat, ej förseglat – exportera igen för att försegla"
    else:
        sealed = ", justerat och förseglat" + _signed(minutes)
    print(_safe(f"{minutes.source}: giltigt protokoll ({paragraphs}{sealed})"))
    _print_hidden(minutes.source)
    return _seal_check(Path(name) if Path(name).is_dir() else Path(name).parent)


def _signed(minutes) -> str:
    """ ", signerat med nyckel 1a2b …" (the signature was verified on loading): the
    reader compares the fingerprint with the secretary's; their own key is named."""
    from namndtui.errors import UserError
    from namndtui.minutes.revision import signed_by
    from namndtui.minutes.signing import fingerprint, load_signer

    public_key = signed_by(minutes)
    if not public_key:
        return ", ej signerat"
    try:
        own = load_signer()
    except UserError:
        own = None
    whose = ", din nyckel" if own is not None and own.public_key == public_key else ""
    return f", signerat med nyckel {fingerprint(public_key)}{whose}"


def _seal_check(folder: Path) -> tuple[list, int]:
    """The journal's record of the seal against the minutes in a meeting folder (both
    there): a disagreement is a finding (exit 1)."""
    from namndtui.minutes.revision import folder_seal_findings

    findings: list = list(folder_seal_findings(folder))
    code = 1 if findings else 0
    beside = folder / PROTOKOLL_FILENAME
    if beside.is_file():  # its seal and signature too: validating the folder passed a
        try:  # protokoll.toml whose signature had been changed (qa)
            load_protokoll(beside)
        except ProtokollFileError as err:
            findings += err.problems
            code = max(code, err.exit_code)
    return findings, code


def _print_hidden(source: str) -> None:
    """A warning line per value of the file holding a hidden format character (a bidi
    override in a name …): `FILE:LINE: varning: members[1].name: osynligt styrtecken …`."""
    for hidden in hidden_character_file_warnings(source):
        print(_safe(str(replace(hidden, message=f"varning: {hidden.message}"))))


def _journal_findings(file: Path) -> tuple[list[str], list, int]:
    """What the journal beside `file` says: the record's warnings on who served for whom
    (record/substitution.py: an ersättare of another party serving while one of the
    seat's party sat unused), and a damaged line as a finding (the meeting then opens
    read-only; a valid meeting.toml beside it was reported as all well), with the exit
    code (2 for a journal that cannot be read at all: a folder, a FIFO, no permission –
    export and the app refuse it, so validate must not call the meeting valid). Nothing
    without a journal, or when the meeting cannot be read (its own check says so)."""
    import os

    from namndtui.errors import UserError
    from namndtui.minutes.source import load_meeting_for_record
    from namndtui.record.journal import JOURNAL_NAME, JournalError
    from namndtui.record.orphans import orphan_notes
    from namndtui.record.record import Record
    from namndtui.record.substitution import cross_party_notes
    from namndtui.storage import check_input, os_reason
    from namndtui.tomlcheck import Problem

    journal = file.parent / JOURNAL_NAME
    if not os.path.lexists(journal):
        return [], [], 0
    try:
        check_input(journal)
    except OSError as err:
        why = (
            f"journalen kan inte läsas: {os_reason(err)} – varken export eller mötet kan öppna den"
        )
        return [], [Problem(str(journal), None, why)], 2
    try:
        meeting = load_meeting_for_record(file)
        record = Record.open(meeting, file.parent, readonly=True)
    except (UserError, JournalError, OSError):
        return [], [], 0
    try:
        damage = record.corrupt
        if damage is not None:
            why = f"journalen är skadad: {damage.reason}; mötet öppnas skrivskyddat"
            return [], [Problem(str(journal), damage.line, why)], 1
        if record.foreign:  # neither the app nor export --justerat writes to it
            return [], [Problem(str(journal), 1, record.foreign)], 1
        return cross_party_notes(meeting, record.state) + orphan_notes(meeting, record.state), [], 0
    finally:
        record.close()


class _Tally:
    """The worst exit code, the files with problems and the problems, printed as found."""

    def __init__(self) -> None:
        self.worst = self.bad_files = self.problems = 0

    def add(self, problems: list, code: int, *, bad: bool = False) -> None:
        self.worst = max(self.worst, code)
        if problems or bad:
            self.bad_files += 1
            self.problems += len(problems)
        for problem in problems:
            print(_safe(str(problem)))


def _as_meeting(name: str) -> str:
    """A journal (journal.jsonl, or a copy saved with ctrl+s) is checked with the meeting
    it records, in its folder: read as TOML it gave "TOML-syntaxfel" on line 1."""
    path = Path(name)
    if path.suffix == ".jsonl" and path.is_file() and (path.parent / "meeting.toml").is_file():
        return str(path.parent / "meeting.toml")
    return name


def run(args: argparse.Namespace) -> int:
    tally = _Tally()
    for name in map(_as_meeting, args.files):
        if _is_protokoll(name):
            tally.add(*_check_protokoll(name))
            continue
        meeting, problems, code = check_meeting_file(name)
        if meeting is not None:
            items = _plural(len(meeting.items), "ärende", "ärenden")
            # Ledamöter are the seat holders; the ersättare are counted apart.
            members = _plural(len(meeting.seats), "ledamot", "ledamöter")
            if meeting.substitutes:
                members += f", {len(meeting.substitutes)} ersättare"
            print(_safe(f"{meeting.source}: giltig ({items}, {members})"))
            _print_hidden(meeting.source)
            if meeting.first_paragraph:  # the year's earlier minutes are read only then
                from namndtui.minutes.numbering import overlap_warning

                if overlap := overlap_warning(meeting, Path(meeting.source).parent):
                    print(_safe(f"{meeting.source}: varning: {overlap}"))
            if any(item.corrects for item in meeting.items):  # the archive is read only then
                from namndtui.minutes.corrects import warnings

                for warning in warnings(meeting, Path(meeting.source).parent):
                    print(_safe(f"{meeting.source}: varning: {warning}"))
            warnings, damage, journal_code = _journal_findings(Path(meeting.source))
            for warning in warnings:
                print(_safe(f"{meeting.source}: varning: {warning}"))
            findings, code = _seal_check(Path(meeting.source).parent)
            tally.add(damage + findings, max(code, journal_code))
            continue
        tally.add(problems, code, bad=True)
    count = len(args.files)
    bad_files, total_problems, worst = tally.bad_files, tally.problems, tally.worst
    if bad_files:
        summary = (
            f"{bad_files} av {_plural(count, 'fil', 'filer')} har fel "
            f"({_plural(total_problems, 'problem', 'problem')})"
        )
    else:
        summary = "filen är giltig" if count == 1 else f"alla {count} filer är giltiga"
    print(f"namndtui validate: {summary}", file=sys.stderr)
    return worst
