"""Damage a 200-line journal every way a single byte can and at every length; count
what replay reports, what stays intact and what would be lost silently (issue 20).

    python benchmarks/journal_damage.py            # every byte, 3 substitutions each
    python benchmarks/journal_damage.py --quick    # the sample the CI test runs

Each case is judged as the record would open it (`replay(strict=False)`, with the
sidecar journal.jsonl.check the writer left): "reported" (read-only, naming the line),
"intact" (every acknowledged act there, unchanged) or "LOST" (an acknowledged act
missing or changed without a report: must never happen). All 199 acts were
acknowledged (appended by the writer), so a torn last line is a loss unless reported.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from namndtui.record import events as ev
from namndtui.record.journal import JournalWriter, Replay, header_line, replay

SUBSTITUTES = (lambda b: b ^ 0x01, lambda b: 0x0A if b != 0x0A else 0x20, lambda b: 0x22)


def acts(count: int = 199) -> list[ev.Event]:
    """A varied meeting's worth of acts (names with å/ä/ö, quotes, numbers)."""
    names = ["Anna Ek", "Bo Ås", 'Per "Pelle" Öst', "Eva Strandberg", "Kim Lind"]
    out: list[ev.Event] = []
    for n in range(count):
        name = names[n % len(names)]
        if n % 4 == 0:
            out.append(ev.AttendanceSet(name, n % 8 == 0))
        elif n % 4 == 1:
            out.append(ev.OfficialPresent(f"{name} {n}"))
        elif n % 4 == 2:
            out.append(ev.NoteAdded("punkt-1", f"Anteckning {n}: ärendet, §§ 3–4", name))
        else:
            out.append(ev.MemberArrived(name, f"19:{n % 60:02d}"))
    return out


def write(folder: Path, events: list[ev.Event]) -> bytes:
    path = folder / "journal.jsonl"
    writer = JournalWriter(path, header_line("Skadenämnden 2026-12-05"), Replay())
    for seq, event in enumerate(events, 1):
        writer.append(seq, f"2026-12-05T19:{seq // 60 % 60:02d}:{seq % 60:02d}", event)
    writer.close()
    return path.read_bytes()


def judge(path: Path, data: bytes, expected: list) -> str:
    path.write_bytes(data)
    result = replay(path, "Skadenämnden 2026-12-05", strict=False)
    if result.error is not None:
        return "reported"
    return "intact" if [e for _, _, e in result.entries] == expected else "LOST"


def cases(data: bytes, *, quick: bool, seed: int = 20):
    """(kind, position, damaged bytes): byte changes, then truncations."""
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A]
    if quick:  # every byte of the header, two early, a middle and the last two lines
        lines = [0, 1, 2, 100, len(starts) - 3, len(starts) - 2]
        positions = sorted({p for k in lines for p in range(starts[k], starts[k + 1])})
        rng = random.Random(seed)
        positions = sorted(set(positions) | set(rng.sample(range(len(data)), 100)))
        cuts = sorted(
            set(starts)
            | set(range(starts[-3], len(data) + 1))
            | set(rng.sample(range(len(data)), 100))
        )
    else:
        positions, cuts = range(len(data)), range(len(data) + 1)
    for pos in positions:
        for change in SUBSTITUTES:
            byte = change(data[pos])
            if byte != data[pos]:
                yield "byte", pos, data[:pos] + bytes([byte]) + data[pos + 1 :]
    for cut in cuts:
        yield "cut", cut, data[:cut]


def run(*, quick: bool) -> tuple[Counter, list[str], int]:
    events = acts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = write(folder, events)
        path = folder / "journal.jsonl"
        tally: Counter = Counter()
        lost: list[str] = []
        for kind, pos, damaged in cases(data, quick=quick):
            verdict = judge(path, damaged, events)
            tally[kind, verdict] += 1
            if verdict == "LOST":
                lost.append(f"{kind} at byte {pos}")
        return tally, lost, len(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    start = time.monotonic()
    tally, lost, size = run(quick=args.quick)
    print(f"journal: 200 lines, {size} bytes; {time.monotonic() - start:.0f} s")
    for (kind, verdict), count in sorted(tally.items()):
        print(f"{kind:5} {verdict:9} {count}")
    for line in lost[:20]:
        print("LOST:", line)
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
