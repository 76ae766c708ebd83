"""Installed like any tool: build the wheel, install it into a fresh venv, and use it there
(`--version`, `validate` on the bundled example, `search` in the bundled archive, the
example opened headless to its first frame). This is what pip, pipx and `uv tool install`
do; before the example shipped as package data, a wheel had no example at all.

The venv sees the system's site-packages (`--system-site-packages`), so the dependencies
are not downloaded and the test runs offline; the wheel's own namndtui comes first on its
path (checked: the example is read from inside the venv). The sources are copied first,
so building writes nothing into the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

FIRST_FRAME = """
import asyncio
from namndtui.commands.open_app import build_app

async def main():
    app = build_app(None)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        print("\\n".join(s.text for s in app.screen._compositor.render_strips()))

asyncio.run(main())
"""


def run(venv: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COLUMNS", "LINES")}
    env.update(
        XDG_DATA_HOME=str(home / "share"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        NAMNDTUI_ARCHIVE="",
    )
    env.pop("NAMNDTUI_ARCHIVE")
    return subprocess.run(
        [str(venv / "bin" / args[0]), *args[1:]],
        capture_output=True,
        text=True,
        cwd=home,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".namndtui-index*")
    shutil.copytree(ROOT / "src", source / "src", ignore=ignore)
    dist = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-q", "-w", str(dist), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = dist.glob("namndtui-*.whl")
    env_dir = work / "venv"
    # Without pip of its own (ensurepip took 22 s of a loaded machine, 4 s of CPU): this
    # test's pip installs into it with --python, as pipx and `uv tool install` do.
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", str(env_dir)],
        check=True,
    )
    # When the tests themselves run in a venv (README's command), the dependencies are in
    # its site-packages, which --system-site-packages does not reach: add it, after the
    # new venv's own (a plain path line; the .pth files in it are not read). A namndtui
    # installed there is seen by pip, hence --force-reinstall below.
    (purelib,) = Path(env_dir, "lib").glob("python3*/site-packages")
    (purelib / "tests-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "install",
         "-q", "--no-deps", "--force-reinstall", "--no-index", "--disable-pip-version-check",
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return env_dir


def test_the_wheel_carries_the_example(venv: Path, tmp_path: Path) -> None:
    where = run(
        venv, "python", "-c",
        "from namndtui.examples import example_meeting; print(example_meeting())",
        home=tmp_path,
    )  # fmt: skip
    example = Path(where.stdout.strip())
    assert where.returncode == 0, where.stderr
    assert example.is_relative_to(venv), example  # the wheel's copy, not the checkout's
    assert example.is_file()

    page = run(
        venv, "python", "-c",
        "from namndtui.commands.follow import WEB_PAGE; print(WEB_PAGE / 'app_index.html')",
        home=tmp_path,
    )  # fmt: skip
    assert Path(page.stdout.strip()).is_file(), page.stderr  # follow --web's page

    version = run(venv, "namndtui", "--version", home=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("namndtui "), version

    valid = run(venv, "namndtui", "validate", str(example), home=tmp_path)
    assert valid.returncode == 0, valid.stdout + valid.stderr

    found = run(venv, "namndtui", "search", "utvecklingsmedel", home=tmp_path)
    assert found.returncode == 0, found.stdout + found.stderr
    assert "2007-09-25" in found.stdout  # the seed case, tabled that day
    assert (tmp_path / "share" / "namndtui" / "exempelarkiv").is_dir()
    assert not list(venv.rglob(".namndtui-index*"))  # the index is not written in the venv


def test_the_wheel_opens_the_example_headless(venv: Path, tmp_path: Path) -> None:
    frame = run(venv, "python", "-c", FIRST_FRAME, home=tmp_path)
    assert frame.returncode == 0, frame.stderr
    assert "Föredragningslista" in frame.stdout
    assert "Hässelby-Vällingby stadsdelsnämnd" in frame.stdout
    copy = tmp_path / "share" / "namndtui" / "exempel" / "2007-10-23" / "meeting.toml"
    assert copy.is_file()  # recorded in the user's copy, as from a checkout
