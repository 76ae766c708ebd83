"""`namndtui export PATH [--out DIR] [--html] [--pdf] [--publicering] [--settings FIL]
[--template MAPP] [--justerat DATUM] [--anslaget DATUM]`.

PATH is a meeting folder or meeting.toml (its journal is replayed read-only) or a
protokoll.toml (re-rendered). Writes protokoll.toml and protokoll.md (and protokoll.html,
protokoll.pdf)
atomically into DIR (default: the folder of PATH). With --justerat the justering is first
recorded in the meeting's journal (this takes the meeting's lock, so not while the meeting
is open in namndtui), and the seal of the justered minutes with it (MinutesSealed).
Justered minutes already on disk are not rewritten when the new ones differ in a way the
journal does not explain (an edited meeting.toml or journal): exit 2, one line per
difference, nothing written; with --force the old files are kept as protokoll.vN.* and
the new version is written (and recorded in the journal: MinutesRevised, MinutesSealed).
With --publicering the web version is written instead:
protokoll-publicering.md and .html (and .pdf with --pdf), only when its leak check passes
(namndtui.secrecy). No Textual import.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from namndtui.commands import minutes_options
from namndtui.errors import UserError
from namndtui.minutes.dates import JUSTERING_DAYS, parse_date
from namndtui.storage import os_reason
from namndtui.textcheck import visible
from namndtui.tomlcheck import date_range_problem, write_date_as

if TYPE_CHECKING:
    from collections.abc import Callable

    from namndtui.minutes.model import NoticeDates
    from namndtui.minutes.source import Source
    from namndtui.model import Meeting
    from namndtui.record.events import Event
    from namndtui.record.record import Record
    from namndtui.record.state import RecordState


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", metavar="PATH", help="sammanträdesmapp, meeting.toml eller protokoll.toml"
    )
    parser.add_argument(
        "--out", metavar="DIR", help="mapp att skriva till (standard: samma mapp som SÖKVÄG)"
    )
    parser.add_argument(
        "--html", action="store_true", help="skriv även protokoll.html för utskrift"
    )
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="skriv även protokoll.pdf (PDF/A-2a, för arkiv och publicering)",
    )
    parser.add_argument(
        "--publicering",
        action="store_true",
        help="skriv i stället webbversionen protokoll-publicering.md/.html (och .pdf med "
        "--pdf): sekretessärenden redovisas inte, personuppgifter maskeras; skrivs bara om "
        "läckkontrollen godkänner den",
    )
    minutes_options.add_arguments(parser)
    parser.add_argument(
        "--justerat",
        metavar="ÅÅÅÅ-MM-DD",
        help="registrera att protokollet justerades detta datum (i journalen)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="skriv ett ändrat justerat protokoll som en ny version; det gamla sparas "
        "bredvid som protokoll.v1.toml (.md/.html/.pdf), numrerat, aldrig överskrivet",
    )
    parser.add_argument(
        "--anslaget",
        metavar="ÅÅÅÅ-MM-DD",
        help="datum då justeringen tillkännagavs på anslagstavlan (ensam: för ett redan "
        "justerat protokoll)",
    )


def _date_arg(value: str | None, option: str) -> str:
    if value is None:
        return ""
    date = parse_date(value)
    if date is None:
        raise UserError(
            f"{option}: ogiltigt datum {value!r} – {write_date_as(value, 't.ex. 2007-10-30')}", 2
        )
    problem = date_range_problem(date)  # 9999-12-31 was recorded, then every export
    if problem:  # crashed counting the notice's weeks from it
        raise UserError(f"{option}: {problem}", 2)
    today = _today()
    if date > today:  # it records what has happened: 2062 for 2026 is a slip, not a plan
        raise UserError(
            f"{option}: {date.isoformat()} har inte kommit än (i dag är {today.isoformat()}); "
            "registrera det när det har skett (en planerad justering: t i närvarolistan)",
            2,
        )
    return value


def _today() -> dt.date:
    return dt.date.today()


def justify(path_text: str, date: str, posted: str) -> list[str]:
    """Append MinutesJustified (or, with only `posted`, MinutesPosted: the notice often
    goes up a day or two after the justering) to the meeting's journal, with the seal the
    minutes get (MinutesSealed), as one act. Raises UserError.

    Returns warnings (Swedish, without prefix) when what was recorded came late: a
    justering after the due date, a notice after the second day after the justering.
    They are lawful acts to record (the record is what happened), so not errors."""
    from namndtui.minutes.model import notice_dates
    from namndtui.record import events as ev

    option = "--justerat" if date else "--anslaget"
    act = ev.MinutesJustified(date, posted) if date else ev.MinutesPosted(posted)
    meeting, state = record_acts(path_text, option, lambda record: [act])
    return late_warnings(notice_dates(meeting, state), date, posted)


def record_acts(
    path_text: str, option: str, acts: Callable[[Record], list[Event]], *, why: str = ""
) -> tuple[Meeting, RecordState]:
    """Record `acts(record)` in the meeting's journal (taking its lock), then the seal of
    the justered minutes they give when the journal does not hold it yet, as one act;
    returns (meeting, state). Raises UserError; `why` the journal is needed, said first
    when it cannot be written."""
    from namndtui.minutes.model import Minutes
    from namndtui.minutes.revision import new_seal
    from namndtui.minutes.signing import load_signer
    from namndtui.minutes.source import load_meeting_for_record, resolve
    from namndtui.record.lock import reason_for_command
    from namndtui.record.record import JournalError, Record, RuleError

    kind, file = resolve(path_text)
    if kind != "meeting":
        raise UserError(
            f"{file}: {option} kräver ett sammanträde (mapp eller meeting.toml), inte ett protokoll",
            1,
        )
    meeting = load_meeting_for_record(file)
    signer = load_signer()  # a bad key file is refused before anything is recorded
    try:
        record = Record.open(meeting, file.parent)
    except JournalError as err:
        raise UserError(str(err), 2) from None
    try:
        if record.readonly:
            reason = reason_for_command(record.readonly_reason)
            raise UserError(f"{file.parent}: {why}{reason}", 1)
        first = 0
        # nothing to record when another export did it meanwhile (compared under the lock)
        for event in acts(record):
            seq = record.apply(event)
            first = first or seq
        seal = new_seal(Minutes(meeting, record.state), signer)
        if seal is not None:
            record.apply(seal)
            if first:
                record.group(first)
        return meeting, record.state
    except RuleError as err:
        raise UserError(f"{file.parent}: {err.message}", 1) from None
    except JournalError as err:
        raise UserError(f"{file.parent}: {err}", 2) from None
    finally:
        record.close()


def late_warnings(dates: NoticeDates, justered: str, posted: str) -> list[str]:
    """Warnings for the dates just recorded (`justered`/`posted`, "" when not given),
    checked against the due dates the minutes compute (`notice_dates`)."""
    out = []
    if justered and dates.justered is not None and dates.justered > dates.justering_due:
        out.append(
            f"justeringen {dates.justered.isoformat()} är senare än "
            f"{dates.justering_due.isoformat()} ({JUSTERING_DAYS} dagar efter sammanträdet)"
        )
    if (
        posted
        and dates.posted is not None
        and dates.notice_due is not None
        and dates.posted > dates.notice_due
    ):
        out.append(
            f"tillkännagivandet {dates.posted.isoformat()} är senare än "
            f"{dates.notice_due.isoformat()} (andra dagen efter justeringen, KL 8 kap. 12 §)"
        )
    return out


def undecided_warnings(minutes) -> list[str]:
    """One warning per § with no decision recorded (`--justerat`: the minutes are written
    all the same; the § prints no Beslut)."""
    from namndtui.minutes.model import undecided
    from namndtui.minutes.paragraph import paragraph_label

    meeting = minutes.meeting
    return [
        f"{paragraph_label(para.number, meeting.paragraph_prefix)} {item.title}: "
        "inget beslut är registrerat"
        for item, para in undecided(meeting, minutes.state)
    ]


def write_publication(minutes, out: Path, *, pdf: bool, settings) -> list[Path]:
    """Write the public version into `out` after its leak check; a finding writes nothing
    and raises UserError (exit 1) with one FILE:LINE line per finding."""
    from namndtui.minutes.pdf import check_pdf
    from namndtui.secrecy.publish import Publication, PublicationLeak, leak_message
    from namndtui.storage import atomic_write

    try:
        files = Publication(minutes, settings).files(pdf=pdf)
    except PublicationLeak as leak:
        raise UserError(leak_message("webbversionen", leak.findings, out), 1) from None
    written = []
    for name, content in files.items():
        atomic_write(out / name, content, check=check_pdf if isinstance(content, bytes) else None)
        written.append(out / name)
    return written


def guard(source: Source, out: Path, path_text: str, *, force: bool) -> Source:
    """Justered minutes in `out` that the new ones would change: refused (UserError, exit
    2, what differs), or with `force` kept as protokoll.vN.* and the new version noted
    (in the journal for a meeting, in the minutes for a protokoll.toml); returns the
    source to write."""

    from namndtui.minutes.revision import keep_old_version, rewrite_refusal, sign_in_place
    from namndtui.minutes.signing import load_signer
    from namndtui.minutes.source import load_source
    from namndtui.record import events as ev
    from namndtui.record.state_parts import Revision

    own = out.resolve() == source.folder.resolve()
    refusal = rewrite_refusal(source.minutes, out, source.entries or None, own_folder=own)
    if refusal is None:
        return source
    if source.meeting_file is not None and not source.entries:
        raise UserError(f"{visible(str(source.folder))}: {NO_JOURNAL}", 2)  # even with --force
    if not force:
        raise UserError(refusal.message(visible(str(refusal.old.path))), 2)
    today = _today().isoformat()
    if source.meeting_file is None:
        signer = load_signer()  # a bad key file is refused before any copy
        number, kept = keep_old_version(refusal.old)
        revision = Revision(number + 1, kept, today, list(refusal.lines))
        source.minutes.state.revisions.append(revision)
        sign_in_place(source.minutes, signer)
        return source

    def revised(record: Record) -> list[ev.Event]:
        """Once the lock is held (not while the meeting is open): the minutes on disk
        compared again — another export may have written this version meanwhile, and then
        nothing is kept or recorded — then keep, then record."""
        from namndtui.minutes.model import Minutes

        now = Minutes(record.meeting, record.state)
        held = rewrite_refusal(now, out, record.events, own_folder=own)
        if held is None:
            return []
        number, kept = keep_old_version(held.old)
        return [ev.MinutesRevised(number + 1, kept, today, tuple(held.lines))]

    record_acts(path_text, "--force", revised)
    return load_source(path_text)


ANOTHER_MEETING = (
    "{file} är protokollet för {other}, inte för {this}: välj rätt mapp med --out "
    "(inget skrevs över)"
)


def refuse_another_meetings_folder(path_text: str, out: Path) -> None:
    """`--out` pointing at another meeting's own folder (a typo, the previous meeting's
    folder in the archive): refused (exit 1) before anything is recorded or written; it
    overwrote that meeting's protokoll.toml and protokoll.md without a word. Another
    meeting's folder is one holding its minutes and its meeting.toml or journal, or named
    for another date (data/<nämnd>/<datum>/). A publishing folder used meeting after
    meeting ("publicerat/") takes the next meeting's minutes as before. Minutes that cannot
    be read are left to the guard; the meeting's own folder is never refused (a body or
    date corrected in its meeting.toml is written as usual)."""
    from namndtui.minutes.numbering import protokoll_numbers
    from namndtui.minutes.protokoll_format import PROTOKOLL_FILENAME
    from namndtui.minutes.source import load_source

    existing = out / PROTOKOLL_FILENAME
    if not existing.is_file():
        return
    source = load_source(path_text)
    if out.resolve() == source.folder.resolve():
        return
    found = protokoll_numbers(existing)
    meeting = source.minutes.meeting
    if found is None or (found[0], str(found[1])) == (meeting.body, str(meeting.date)):
        return
    dated = re.match(r"\d{4}-\d{2}-\d{2}", out.resolve().name)
    own_files = any((out / name).exists() for name in ("meeting.toml", "journal.jsonl"))
    if not own_files and not (dated and dated.group(0) != str(meeting.date)):
        return  # a publishing folder: the next meeting's minutes replace the last ones
    raise UserError(
        visible(
            ANOTHER_MEETING.format(
                file=existing,
                other=f"{found[0]} {found[1]}",
                this=f"{meeting.body} {meeting.date}",
            )
        ),
        1,
    )


NO_JOURNAL = (
    "protokollet är justerat, men journalen (journal.jsonl) saknas eller är tom, och "
    "protokollet byggs av den. Det justerade protokollet skrivs inte om, inte heller med "
    "--force. Lägg tillbaka journalen, t.ex. från säkerhetskopian."
)

SEAL_NEEDS_JOURNAL = (
    "det justerade protokollet har ändrats efter justeringen och får ett nytt sigill, som "
    "först ska registreras i journalen. Inget skrevs: "
)


def seal_recorded(source: Source, path_text: str) -> Source:
    """Justered minutes of a meeting whose seal the journal does not hold (a rättelse or
    another act recorded after the justering, in the TUI): the seal is recorded and signed
    under the meeting's lock before the minutes are written, as --force and --justerat do
    (compared again under the lock: two exports record it once). While the meeting is open
    elsewhere nothing is written (exit 1). Returns the source to write."""
    from namndtui.minutes.revision import unrecorded_seal
    from namndtui.minutes.source import load_source

    if source.meeting_file is None or not unrecorded_seal(source.minutes):
        return source
    record_acts(path_text, "export", lambda record: [], why=SEAL_NEEDS_JOURNAL)
    return load_source(path_text)


def _not_recorded(
    state: RecordState, justered: str, posted: str, already: list[str]
) -> tuple[str, str]:
    """The justering and posting dates still to record: the same `--justerat/--anslaget`
    again (say, to add --pdf) records nothing and writes the minutes as they stand (said
    in `already`); another date goes on to the record's rules, which refuse it."""
    if justered and justered == state.justered_on:
        already.append(f"Protokollet är redan registrerat som justerat {justered}.")
        justered = ""
    if posted and posted == state.posted_on:
        already.append(f"Tillkännagivandet är redan registrerat {posted}.")
        posted = ""
    return justered, posted


def run(args: argparse.Namespace) -> int:
    from namndtui.minutes.settings import logo_problem
    from namndtui.minutes.source import load_source
    from namndtui.minutes.write import write_files

    settings = minutes_options.settings_from_args(args)
    justered = _date_arg(args.justerat, "--justerat")
    posted = _date_arg(args.anslaget, "--anslaget")
    already: list[str] = []  # dates asked for that the journal holds: not recorded again
    if args.out:  # before anything is recorded or written
        refuse_another_meetings_folder(args.path, Path(args.out))
    if (justered or posted) and not args.force:  # refused before anything is recorded
        before = load_source(args.path)
        guard(before, Path(args.out) if args.out else before.folder, args.path, force=False)
        if before.meeting_file is not None:  # a protokoll.toml records nothing: refused
            justered, posted = _not_recorded(before.minutes.state, justered, posted, already)
    warnings = justify(args.path, justered, posted) if justered or posted else []
    source = load_source(args.path)
    if justered:
        warnings += undecided_warnings(source.minutes)
    if args.pdf and (problem := logo_problem(settings)):
        warnings.append(f"protokoll.logo: {problem} – PDF:en skrivs utan logotyp")
    out = Path(args.out) if args.out else source.folder
    if args.out:  # --out MAPP is created when missing, as users expect of an output folder
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise UserError(f"{out}: kan inte skapa mappen: {os_reason(err)}", 2) from None
    if not out.is_dir():
        raise UserError(f"{out}: mappen finns inte", 2)
    try:
        if args.publicering:
            written = write_publication(source.minutes, out, pdf=args.pdf, settings=settings)
        else:
            source = guard(source, out, args.path, force=args.force)
            source = seal_recorded(source, args.path)
            # --force writes again the formats it finds, so that no justered old version
            # stays as protokoll.html/.pdf beside the new protokoll.toml (kept as vN).
            html = args.html or (args.force and (out / "protokoll.html").is_file())
            pdf = args.pdf or (args.force and (out / "protokoll.pdf").is_file())
            written = write_files(source.minutes, out, html=html, pdf=pdf, settings=settings)
    except OSError as err:
        raise UserError(f"{out}: kunde inte skriva protokollet: {os_reason(err)}", 2) from None
    for path in written:
        print(visible(str(path)))  # a folder name may hold escape sequences
    if justered:
        print(f"Protokollet registrerat som justerat {justered}.", file=sys.stderr)
    for line in already:
        print(line, file=sys.stderr)
    if posted:
        print(f"Tillkännagivandet registrerat {posted}.", file=sys.stderr)
    for warning in [*source.warnings, *warnings]:
        print(visible(f"namndtui: varning: {warning}"), file=sys.stderr)
    return 0
