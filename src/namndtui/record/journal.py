"""The journal: an append-only JSON Lines file, the meeting's source of truth.

    {"format":"namndtui/journal/1","meeting":"Hässelby-Vällingby stadsdelsnämnd 2007-10-23"}
    {"seq":1,"time":"2007-10-23T19:00:04","event":{"at":"19:00","type":"meeting_opened"},"sum":"…"}

`sum` is the first 16 hex digits of the SHA-256 of the line's UTF-8 bytes up to (not
including) `,"sum":`, followed by `}` — i.e. of the JSON text of the line without its sum
member. Lines are not chained; sequence numbers must run 1, 2, 3 … without gaps, which
catches a lost or reordered line.

An append is one `os.write` of the whole line (newline last) on an O_APPEND descriptor,
then `os.fsync`; only then is the act acknowledged. So only a last line *without* its
newline can be torn (the crash came mid-write, the act was never acknowledged): replay
drops it with a warning. Any other bad line, a complete last line included, raises
`JournalCorrupt` with its line number. Blank lines at the very end (an editor's) are
skipped with a warning and cut away before the next append; a blank line elsewhere is
a damaged line.

A journal cut at a line boundary is still a valid journal, so after each acknowledged
append the writer records the last seq and a running hash in the sidecar
`journal.jsonl.check` (see `Sidecar`). Replay compares: a journal shorter than its
sidecar, or whose lines up to that seq hash differently, is reported (read-only). The
sidecar is a lower bound (written after the journal's fsync, never fsynced itself), so
a crash can leave it behind the journal, never ahead of it. A journal without a sidecar
(older namndtui, or a copy saved elsewhere) is read as before.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from namndtui.record import events as ev
from namndtui.storage import atomic_write, fsync_dir, open_input, os_reason, read_input

FORMAT_JOURNAL = "namndtui/journal/1"
JOURNAL_NAME = "journal.jsonl"
SIDECAR_SUFFIX = ".check"
# A meeting's journal is a few MB at most (10,000 acts ≈ 2 MB); a bigger file is not one.
MAX_JOURNAL_BYTES = 256 * 1024 * 1024
_SUM_MARK = b',"sum":"'
_SLOT = 128  # bytes per sidecar slot; two slots, written alternately (seq % 2)


class JournalError(Exception):
    """The journal could not be written (disk full, read-only …); `message` is Swedish.

    The OSError is the __cause__. `Record` turns it into `UnsavedError` (the act kept in
    memory, written on the next try).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class JournalCorrupt(Exception):
    """A line in the middle of the journal is damaged; nothing after it is trusted.

    `message` reads "journal.jsonl:17: kontrollsumman stämmer inte …"; `line` is 1-based.
    """

    def __init__(self, path: Path, line: int, reason: str) -> None:
        self.path, self.line, self.reason = path, line, reason
        self.message = f"{path.name}:{line}: {reason}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


@dataclass
class Replay:
    """What a journal file holds."""

    entries: list[tuple[int, str, ev.Event]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    good_bytes: int = 0  # length of the complete, valid prefix (header included)
    size: int = 0  # the file's length as read
    header: bool = False  # a complete header line is present
    error: JournalCorrupt | None = None  # set instead of raising when replay(strict=False)
    running: str = ""  # the running hash after the last valid line (see `chain`)
    # set when the header names another meeting (`foreign_reason`): nothing may be written
    foreign: str = ""


def chain(previous: str, line: bytes) -> str:
    """The running hash after `line` (newline included): SHA-256 of the previous one's hex
    digest followed by the line; the header line starts from ""."""
    return hashlib.sha256(previous.encode() + line).hexdigest()


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


@dataclass(frozen=True)
class Sidecar:
    """What `journal.jsonl.check` says was acknowledged last: seq and running hash.

    Two fixed-size slots of JSON {"seq","hash","sum"} (sum: the checksum of the slot's
    body), the slot `seq % 2` overwritten in place; reading takes the valid slot with the
    higher seq, so a write torn by a crash leaves the other slot."""

    seq: int
    hash: str

    def encode(self) -> bytes:
        body = f'{{"seq":{self.seq},"hash":"{self.hash}"'.encode()
        line = body + _SUM_MARK + checksum(body + b"}").encode() + b'"}'
        return line.ljust(_SLOT - 1) + b"\n"

    @classmethod
    def read(cls, path: Path) -> Sidecar | None:
        """The last acknowledged (seq, hash), or None when there is no usable sidecar."""
        try:  # a FIFO or a device in its place is no sidecar (and must not block)
            with open_input(path) as fh:
                data = fh.read(2 * _SLOT + 1)
        except OSError:
            return None
        best = None
        for slot in (data[:_SLOT], data[_SLOT : 2 * _SLOT]):
            raw = slot.rstrip()
            cut = raw.rfind(_SUM_MARK)
            try:
                parsed = json.loads(raw)
                seq, hash_ = parsed["seq"], parsed["hash"]
            except (ValueError, KeyError, TypeError):
                continue
            if cut < 0 or parsed.get("sum") != checksum(raw[:cut] + b"}"):
                continue
            if isinstance(seq, int) and isinstance(hash_, str) and (best is None or seq > best.seq):
                best = cls(seq, hash_)
        return best


def has_begun(folder: Path) -> bool:
    """Whether the meeting in `folder` has anything recorded: an event in its journal, or
    a journal that cannot be read whole (it is not a new meeting). From then on the agenda
    is fixed – the journal refers to items and the § numbers follow it – so an item is
    no longer added (ctrl+o in the app, `import-text --append`)."""
    try:
        result = replay(folder / JOURNAL_NAME, strict=False)
    except OSError:
        return True
    return bool(result.entries) or result.error is not None


def checksum(body: bytes) -> str:
    """The line checksum over `body` = the line's JSON without its sum member."""
    return hashlib.sha256(body).hexdigest()[:16]


def header_line(label: str, first_paragraph: int | None = None) -> bytes:
    """The journal's first line; `first_paragraph` pins the § numbering the meeting started
    with, so minutes added to the archive later can never renumber a recorded meeting."""
    data: dict[str, object] = {"format": FORMAT_JOURNAL, "meeting": label}
    if first_paragraph:
        data["first_paragraph"] = first_paragraph
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def pinned_first_paragraph(path: Path) -> int | None:
    """The `first_paragraph` in the header of the journal at `path`, if any (reads one line;
    any problem with the file is None here and is reported when the record opens)."""
    try:
        with open_input(path) as fh:
            data = json.loads(fh.readline(64 * 1024))
    except (OSError, ValueError, RecursionError):
        return None
    first = data.get("first_paragraph") if isinstance(data, dict) else None
    return first if _valid_first(first) else None


def _valid_first(first: object) -> bool:
    """A § number the minutes can hold (protokoll.toml: at most 999999): a header pinning
    10**30 made export write minutes that validate refused."""
    return type(first) is int and 1 <= first <= 999_999


def encode_line(seq: int, time: str, event: ev.Event) -> bytes:
    """One journal line, newline included."""
    payload = json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    body = f'{{"seq":{seq},"time":{json.dumps(time)},"event":{payload}'.encode()
    return body + _SUM_MARK + checksum(body + b"}").encode() + b'"}\n'


def replay(path: Path, label: str = "", *, strict: bool = True) -> Replay:
    """Read the journal at `path` (a missing file is an empty journal).

    Raises JournalCorrupt for a damaged line that is not a torn last line, or for a
    journal that does not reach what its sidecar says was saved (or, with strict=False,
    stores it in `.error` and returns the valid prefix before it).
    """
    result = Replay()
    sidecar = Sidecar.read(sidecar_path(path))
    try:  # a FIFO, a device or a symlink to /dev/zero: OSError, never a hang
        data = read_input(path, MAX_JOURNAL_BYTES)
    except FileNotFoundError:
        if sidecar is not None and sidecar.seq > 0:  # deleted: not a new meeting
            return _fail(result, _shorter(path, 1, result, sidecar), strict)
        return result
    result.size = len(data)
    lines = data.split(b"\n")
    # `lines[-1]` is what follows the last newline: b"" when the file ends cleanly.
    complete, tail = lines[:-1], lines[-1]
    blank_tail = _blank_tail(complete) if not tail else 0
    complete = complete[: len(complete) - blank_tail]
    checked = sidecar is None
    offset = 0
    for number, raw in enumerate(complete, start=1):
        try:
            if number == 1:
                _read_header(path, raw, label, result)
            else:
                result.entries.append(_read_line(path, number, raw, len(result.entries) + 1))
        except _NotJson as exc:
            return _fail(result, JournalCorrupt(path, number, str(exc)), strict)
        except JournalCorrupt as exc:
            return _fail(result, exc, strict)
        result.running = chain(result.running, raw + b"\n")
        offset += len(raw) + 1
        result.good_bytes = offset
        if sidecar is not None and number > 1 and result.entries[-1][0] == sidecar.seq:
            if result.running != sidecar.hash:
                return _fail(result, _differs(path, number, sidecar), strict)
            checked = True
    if blank_tail:
        result.warnings.append(
            f"{path.name}:{len(complete) + 1}: {blank_tail} tomma rader i slutet hoppas över "
            "(de tas bort när nästa åtgärd sparas)."
        )
    elif tail:
        result.warnings.append(_torn_warning(path, len(complete) + 1))
    if not checked:
        assert sidecar is not None
        return _fail(result, _shorter(path, len(complete) + 1, result, sidecar), strict)
    return result


def _blank_tail(complete: list[bytes]) -> int:
    """How many of the last complete lines are blank (whitespace only)."""
    count = 0
    for raw in reversed(complete[1:]):
        if raw.strip():
            break
        count += 1
    return count


def _differs(path: Path, number: int, sidecar: Sidecar) -> JournalCorrupt:
    return JournalCorrupt(
        path,
        number,
        f"raderna fram till löpnummer {sidecar.seq} stämmer inte med "
        f"{path.name}{SIDECAR_SUFFIX} (journalen är ändrad eller utbytt)",
    )


def _shorter(path: Path, number: int, result: Replay, sidecar: Sidecar) -> JournalCorrupt:
    last = result.entries[-1][0] if result.entries else 0
    return JournalCorrupt(
        path,
        number,
        f"journalen slutar vid löpnummer {last}, men åtgärderna till och med löpnummer "
        f"{sidecar.seq} sparades ({path.name}{SIDECAR_SUFFIX}): rader saknas i slutet",
    )


def _fail(result: Replay, error: JournalCorrupt, strict: bool) -> Replay:
    if strict:
        raise error
    result.error = error
    return result


def _torn_warning(path: Path, number: int) -> str:
    return (
        f"{path.name}:{number}: sista raden är ofullständig (avbruten skrivning) och tas "
        "bort; åtgärden på den raden hann aldrig sparas."
    )


class _NotJson(Exception):
    pass


def _parse(raw: bytes) -> object:
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise _NotJson("raden är inte giltig JSON") from None
    except RecursionError:  # deeply nested brackets: json would otherwise crash the app
        raise _NotJson("raden är inte giltig JSON (för djupt nästlad)") from None


def _read_header(path: Path, raw: bytes, label: str, result: Replay) -> None:
    data = _parse(raw)
    if not isinstance(data, dict) or "format" not in data:
        raise JournalCorrupt(path, 1, "första raden ska vara journalens huvud med 'format'")
    if data["format"] != FORMAT_JOURNAL:
        raise JournalCorrupt(
            path, 1, f"okänt journalformat {data['format']!r} (väntade {FORMAT_JOURNAL!r})"
        )
    first = data.get("first_paragraph")
    if first is not None and not _valid_first(first):
        raise JournalCorrupt(
            path, 1, f"första paragrafnumret {first!r} i journalens huvud är ogiltigt (1–999999)"
        )
    result.header = True
    named = data.get("meeting")
    if not label or named == label:
        return
    result.foreign = foreign_reason(path, named, label)
    result.warnings.append(
        result.foreign or f"{path.name}:1: journalen gäller {named!r}, mötet heter {label!r}."
    )


def foreign_reason(path: Path, named: object, label: str) -> str:
    """Why the journal at `path`, whose header names the meeting `named`, belongs to
    another meeting than `label` ("<body> <date>"), or "" when it may be this one.

    Another date is another meeting, and so is any other name in a journal that is a
    symbolic link (it lives beside another meeting.toml). The same date under another
    body name in a file of its own is a name corrected in meeting.toml: only a warning,
    so a typo fixed does not lock the record away."""
    if not isinstance(named, str):
        return ""
    linked = path.is_symlink()
    if not linked and named.rpartition(" ")[2] == label.rpartition(" ")[2]:
        return ""
    where = ""
    if linked:
        with contextlib.suppress(OSError):
            where = f" (länken pekar på {os.readlink(path)})"
    fix = (
        "rätta eller ta bort länken"
        if linked
        else f"flytta undan {path.name} (eller rätta datumet i meeting.toml, om det är fel)"
    )
    return (
        f"{path.name} hör till ett annat möte, {named!r}{where}, inte {label!r}. Inget skrivs "
        f"i den, så att det mötets journal inte skadas – {fix} och försök igen."
    )


def _read_line(path: Path, number: int, raw: bytes, expected_seq: int):
    data = _parse(raw)
    if not isinstance(data, dict) or not {"seq", "time", "event", "sum"} <= set(data):
        raise JournalCorrupt(path, number, "raden saknar seq, time, event eller sum")
    cut = raw.rfind(_SUM_MARK)
    if cut < 0 or data["sum"] != checksum(raw[:cut] + b"}"):
        raise JournalCorrupt(
            path, number, "kontrollsumman stämmer inte (raden är ändrad eller skadad)"
        )
    seq, time = data["seq"], data["time"]
    if not isinstance(seq, int) or seq != expected_seq:
        raise JournalCorrupt(
            path,
            number,
            f"löpnummer {seq!r}, väntade {expected_seq} (en rad saknas eller är flyttad)",
        )
    if not isinstance(time, str):
        raise JournalCorrupt(path, number, "tiden är inte en text")
    try:
        event = ev.from_dict(data["event"])
    except ev.EventFormatError as exc:
        raise JournalCorrupt(path, number, f"okänd eller felaktig händelse: {exc}") from None
    return seq, time, event


class JournalWriter:
    """Appends lines durably. Created by `Record` after replay, only when writable.

    Before each append the descriptor is checked to still be the file at `path`: a
    journal deleted, renamed or replaced (by a folder, say) while open would otherwise
    swallow every later line into a file nobody can find. Then, and after a write whose
    partial line could not be cut back, `needs_rewrite` is set and the owner must call
    `rewrite` with every line it holds before appending again.
    """

    def __init__(self, path: Path, header: bytes, replayed: Replay) -> None:
        self.path = path
        self.header = header  # header_line(): written when the file is new or rewritten
        self._fd: int | None = None
        self._size = replayed.good_bytes
        self._needs_header = not replayed.header
        self._needs_truncate = replayed.size != replayed.good_bytes
        self.needs_rewrite = False
        self._running = replayed.running
        self._sidecar_fd: int | None = None

    def _open(self) -> int:
        if self._fd is None:
            existed = self.path.exists()
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            if not existed:
                fsync_dir(self.path.parent)  # the new file's name must survive a crash too
        return self._fd

    def _check_same_file(self, fd: int) -> None:
        """Raise OSError when `path` is no longer the file behind `fd`."""
        mine = os.fstat(fd)
        try:
            there = os.stat(self.path)
        except FileNotFoundError:
            there = None
        if there is None or (there.st_dev, there.st_ino) != (mine.st_dev, mine.st_ino):
            self.needs_rewrite = True
            raise OSError(errno.ESTALE, "journalfilen har tagits bort eller ersatts")
        if mine.st_size < self._size:  # cut short behind our back
            self.needs_rewrite = True
            raise OSError(errno.EIO, "journalfilen har kortats av utifrån")

    def _write_all(self, fd: int, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]

    def append(self, seq: int, time: str, event: ev.Event) -> None:
        """Write and fsync one line; on OSError the file is cut back and JournalError raised."""
        if self.needs_rewrite:
            raise JournalError(
                f"Kunde inte spara i {self.path.name}: filen måste skrivas om först."
            )
        line = encode_line(seq, time, event)
        try:
            fd = self._open()
            if self._needs_header:
                os.ftruncate(fd, 0)
                header = self.header
                self._write_all(fd, header)
                self._size = len(header)
                self._running = chain("", header)
                self._needs_header = False
                self._needs_truncate = False
            self._check_same_file(fd)
            if self._needs_truncate:
                # A torn tail from a crash (or from a failed write) goes before we append.
                os.ftruncate(fd, self._size)
                self._needs_truncate = False
            self._write_all(fd, line)
            os.fsync(fd)
        except OSError as exc:
            # Whatever part of the line reached the file is cut away now, or else before
            # the next append (if even the cut fails, e.g. the file went read-only).
            self._needs_truncate = True
            if self._fd is not None and not self.needs_rewrite:
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fd, self._size)
                    self._needs_truncate = False
            raise JournalError(
                f"Kunde inte spara i {self.path.name}: {os_reason(exc)}. "
                "Åtgärden är inte registrerad; försök igen."
            ) from exc
        self._size += len(line)
        self._running = chain(self._running, line)
        self._mark(seq)

    def _mark(self, seq: int) -> None:
        """Record in the sidecar that everything up to `seq` is saved (best effort: the
        act is durable already; a sidecar left behind is only a weaker check)."""
        record = Sidecar(seq, self._running).encode()
        try:
            if self._sidecar_fd is None:
                side = sidecar_path(self.path)
                if side.is_symlink():  # its slots would be written into the file it names
                    side.unlink()
                existed = side.exists()
                flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                self._sidecar_fd = os.open(side, flags, 0o644)
                if not existed:  # its name must survive a crash, or a check would fail
                    os.pwrite(self._sidecar_fd, record, (seq % 2) * _SLOT)
                    os.fsync(self._sidecar_fd)
                    fsync_dir(self.path.parent)
            os.pwrite(self._sidecar_fd, record, (seq % 2) * _SLOT)
        except OSError:
            self._close_sidecar()

    def rewrite(self, entries: list[tuple[int, str, ev.Event]]) -> None:
        """Replace the journal atomically with the header and `entries`; append after it.

        Raises JournalError (the old file, if any, untouched).
        """
        data = self.header + b"".join(encode_line(*e) for e in entries)
        try:
            if self.path.is_dir() and not self.path.is_symlink():
                raise OSError(errno.EISDIR, "i stället för journalfilen finns en mapp")
            atomic_write(self.path, data)
        except OSError as exc:
            raise JournalError(f"Kunde inte skriva om {self.path.name}: {os_reason(exc)}.") from exc
        self.close()
        self._size = len(data)
        self._needs_header = False
        self._needs_truncate = False
        self.needs_rewrite = False
        self._running = chain("", self.header)
        for entry in entries:
            self._running = chain(self._running, encode_line(*entry))
        if entries:
            self._mark(entries[-1][0])

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        self._close_sidecar()

    def _close_sidecar(self) -> None:
        if self._sidecar_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._sidecar_fd)
            self._sidecar_fd = None
