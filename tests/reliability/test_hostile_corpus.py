"""The hostile corpus of issue 20: every file-taking subcommand on every hostile file.

tests/data/hostile/make_hostile.py writes 140 files at session start into a tmp folder
(bombs included, so nothing big is committed), plus special paths (FIFO, symlink loop,
/dev/zero, a folder where a file is expected). One driver process per subcommand
(tests/reliability/hostile_driver.py) loops over them in-process with a 15 s alarm each.
Asserted per subcommand: no traceback, no hang, exit code 0, 1 or 2, no input changed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .conftest import HOSTILE, ROOT

DRIVER = Path(__file__).with_name("hostile_driver.py")
COMMANDS = [
    "validate", "import-text", "import-agenda", "import-kallelse", "export", "extract",
    "search", "check-public", "new",
]  # fmt: skip
STALL = 25  # seconds without a result line: the driver is stuck past its own alarm
INDEX_FILES = (".namndtui-index.sqlite",)  # search's own index, written into the archive


def _generator():
    spec = importlib.util.spec_from_file_location("make_hostile", HOSTILE / "make_hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def snapshot(root: Path) -> dict[str, str]:
    """Relative path -> sha256 (regular files) or the kind of entry; never opens a FIFO."""
    out = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            if name.startswith(INDEX_FILES):
                continue
            mode = os.lstat(path).st_mode
            rel = str(path.relative_to(root))
            if stat.S_ISREG(mode):
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            elif stat.S_ISLNK(mode):
                out[rel] = "link:" + os.readlink(path)
            else:
                out[rel] = oct(stat.S_IFMT(mode))
    return out


def run_driver(command: str, paths: list[str], work: Path) -> list[dict]:
    """Run the driver; restart it after a path that killed or stalled it (counted a hang)."""
    results_file = work / f"{command}.jsonl"
    done: list[dict] = []
    todo = list(paths)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "XDG_CACHE_HOME": str(work / "cache")}
    env |= {"XDG_DATA_HOME": str(work / "data"), "XDG_CONFIG_HOME": str(work / "config")}
    while todo:
        results_file.unlink(missing_ok=True)
        argv = [
            sys.executable,
            str(DRIVER),
            str(results_file),
            str(work / f"out-{command}"),
            command,
        ]
        proc = subprocess.Popen([*argv, *todo], env=env, cwd=work, stdin=subprocess.DEVNULL)
        seen, last = 0, time.monotonic()
        while proc.poll() is None and time.monotonic() - last < STALL:
            time.sleep(0.2)
            lines = results_file.read_text().splitlines() if results_file.exists() else []
            if len(lines) != seen:
                seen, last = len(lines), time.monotonic()
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        lines = [json.loads(line) for line in results_file.read_text().splitlines()]
        finished = [r for r in lines if "start" not in r]
        done += finished
        todo = todo[len(finished) :]
        if todo:  # the driver died or stalled on todo[0]
            died = proc.returncode
            done.append({"path": todo[0], "command": command, "hang": True, "died": died})
            todo = todo[1:]
    return done


@pytest.fixture(scope="session")
def hostile_runs(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile")
    make = _generator()
    corpus = work / "corpus"
    paths = make.write_corpus(corpus) + make.special_paths(corpus)
    before = snapshot(corpus)
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:  # two drivers at once: the machine's 2 cores
        futures = {c: pool.submit(run_driver, c, [str(p) for p in paths], work) for c in COMMANDS}
        runs = {c: f.result() for c, f in futures.items()}
    seconds = time.monotonic() - start
    return {"paths": paths, "runs": runs, "seconds": seconds, "before": before,
            "after": snapshot(corpus), "corpus": corpus}  # fmt: skip


def test_the_corpus_has_at_least_140_files(hostile_runs):
    corpus = hostile_runs["corpus"]
    special = [
        p for p in hostile_runs["paths"]
        if not p.is_relative_to(corpus) or p.is_relative_to(corpus / "special")
    ]  # fmt: skip
    assert len(hostile_runs["paths"]) - len(special) >= 140
    assert len(special) >= 6  # FIFO, symlink loop, dangling link, folders, /dev/zero


def _bad(results: list[dict]) -> list[str]:
    out = []
    for r in results:
        if r.get("hang"):
            out.append(f"hang: {r['path']}")
        elif r.get("traceback"):
            out.append(f"traceback: {r['path']}\n{r['traceback'][-600:]}")
        elif r.get("code") not in (0, 1, 2):
            out.append(f"exit {r.get('code')}: {r['path']}")
    return out


@pytest.mark.parametrize("command", COMMANDS)
def test_no_traceback_no_hang_on_hostile_input(hostile_runs, command):
    results = hostile_runs["runs"][command]
    assert len(results) == len(hostile_runs["paths"])
    bad = _bad(results)
    assert not bad, f"{len(bad)} of {len(results)}:\n" + "\n".join(bad)


def test_no_input_file_changed(hostile_runs):
    assert hostile_runs["after"] == hostile_runs["before"]


def test_figures(hostile_runs, capsys):
    """The figures for docs/reliability.md (printed with -s)."""
    results = [r for runs in hostile_runs["runs"].values() for r in runs]
    tracebacks = sum(1 for r in results if r.get("traceback"))
    hangs = sum(1 for r in results if r.get("hang"))
    with capsys.disabled():
        print(f"\nhostile corpus: {len(hostile_runs['paths'])} paths, {len(results)} runs, "
              f"{tracebacks} tracebacks, {hangs} hangs, {hostile_runs['seconds']:.1f} s")  # fmt: skip
    assert len(results) == len(hostile_runs["paths"]) * len(COMMANDS)
