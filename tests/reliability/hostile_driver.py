"""Run one namndtui subcommand over many hostile paths in one process (issue 20).

    python hostile_driver.py RESULTS OUT SUBCOMMAND PATH...

For each path: `namndtui.cli.main([...])` with stdout/stderr captured and a 15 s alarm.
One JSON line per path goes to RESULTS (a "start" line first, so a process that dies or
hangs past the alarm names the path it was on). Memory is capped so /dev/zero or a bomb
ends in MemoryError (counted as a traceback), never in the machine's swap.
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

TIMEOUT = 15
MEMORY = 3 * 1024**3


class Hang(BaseException):
    pass


def _alarm(signum, frame):
    raise Hang


def argv_for(command: str, path: str, out: Path) -> list[str]:
    """The command line that hands `path` to `command`; outputs go under `out`."""
    return {
        "validate": ["validate", path],
        "import-text": ["import-text", path],
        "import-agenda": ["import-agenda", path, "--out", str(out / "agenda.toml")],
        "import-kallelse": ["import-kallelse", path, "--out", str(out / "kallelse")],
        "export": ["export", path, "--out", str(out / "export")],
        "extract": ["extract", path, "§120"],
        "search": ["search", "--archive", path, "beslut"],
        "check-public": ["check-public", path],
        "new": ["new", "--from", path, str(out / "new")],
    }[command]


def run_one(command: str, path: str, out: Path) -> dict:
    import shutil

    from namndtui.cli import main

    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    stdout, stderr = io.StringIO(), io.StringIO()
    result: dict = {"path": path, "command": command}
    start = time.monotonic()
    signal.alarm(TIMEOUT)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                result["code"] = main(argv_for(command, path, out))
            except SystemExit as exit_:
                result["code"] = exit_.code if isinstance(exit_.code, int) else 1
    except Hang:
        result["hang"] = True
    except BaseException:  # noqa: BLE001 - every escape is what we count
        result["traceback"] = traceback.format_exc()[-3000:]
    finally:
        signal.alarm(0)
    if "Traceback" in stderr.getvalue():
        result["traceback"] = stderr.getvalue()[-3000:]
    result["seconds"] = round(time.monotonic() - start, 3)
    return result


def main() -> None:
    results, out, command, *paths = sys.argv[1:]
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    signal.signal(signal.SIGALRM, _alarm)
    with open(results, "a", encoding="utf-8") as sink:
        for path in paths:
            sink.write(json.dumps({"start": path, "command": command}) + "\n")
            sink.flush()
            sink.write(json.dumps(run_one(command, path, Path(out))) + "\n")
            sink.flush()


if __name__ == "__main__":
    main()
