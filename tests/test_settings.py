"""The user's settings file: theme, [keys] (App.set_keymap), [protokoll] passed on raw;
located Swedish problems; the theme kept when changed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from namndtui.settings import load_user_settings, save_theme
from namndtui.tomlcheck import ProblemsError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "namndtui.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_is_the_defaults(tmp_path: Path) -> None:
    settings = load_user_settings(tmp_path / "saknas.toml")
    assert (settings.theme, settings.keys, settings.protokoll) == (None, {}, None)


def test_every_key_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'theme = "nord"\n[keys]\n"record.undo" = "ctrl+u"\n[protokoll]\nlayout = "older"\n',
    )
    settings = load_user_settings(path)
    assert settings.theme == "nord"
    assert settings.keys == {"record.undo": "ctrl+u"}
    assert settings.protokoll == {"layout": "older"}


def test_problems_are_located_and_swedish(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = 3\ntema = "x"\n[keys]\n"app.quit" = 5\n')
    with pytest.raises(ProblemsError) as err:
        load_user_settings(path)
    lines = [str(p) for p in err.value.problems]
    assert any(line.startswith(f"{path}:1:") and "theme" in line for line in lines), lines
    assert any(
        f"{path}:2:" in line and "menade du" in line and "theme" in line for line in lines
    ), lines
    assert any(f"{path}:4:" in line and "fel typ" in line for line in lines), lines


def test_the_theme_is_kept_and_the_rest_untouched(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\n"record.undo" = "ctrl+u"\n')
    save_theme(path, "nord")
    settings = load_user_settings(path)
    assert settings.theme == "nord" and settings.keys == {"record.undo": "ctrl+u"}


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            '# Mina inställningar\ntheme = "nord"  # mörkt\n\n[keys]\n# snabbt\n"app.help" = "h"\n',
            '# Mina inställningar\ntheme = "gruvbox"  # mörkt\n\n[keys]\n# snabbt\n"app.help" = "h"\n',
        ),
        (
            '# Mina inställningar\n[protokoll]\n# kommunens\nadjuster_label = "Justerare"\n',
            '# Mina inställningar\ntheme = "gruvbox"\n[protokoll]\n# kommunens\n'
            'adjuster_label = "Justerare"\n',
        ),
        ("", 'theme = "gruvbox"\n'),
    ],
    ids=["replaced", "added", "new"],
)
def test_saving_the_theme_keeps_the_users_comments(tmp_path: Path, before: str, after: str) -> None:
    """Round 4 (hostile input: never lose data): the file was rewritten from its parsed
    table (tomli_w), so every comment and the user's layout were lost on a theme change."""
    path = write(tmp_path, before)
    save_theme(path, "gruvbox")
    assert path.read_text(encoding="utf-8") == after


def test_saving_the_theme_never_rewrites_a_line_it_cannot_change_safely(tmp_path: Path) -> None:
    text = 'note = """\ntheme = "nord"\n"""\n'  # the only "theme =" is inside a text
    path = write(tmp_path, text)
    save_theme(path, "gruvbox")
    assert path.read_text(encoding="utf-8") == text


def test_a_keymap_changes_the_key_and_the_help_shows_it(tmp_path: Path) -> None:
    from tests.tui.helpers import screen_text
    from tests.tui.test_snapshots import live_app

    from namndtui.tui.usersettings import apply

    path = write(tmp_path, 'theme = "nord"\n[keys]\n"app.help" = "h"\n')

    async def go() -> None:
        app = live_app(tmp_path)
        apply(app, load_user_settings(path))
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert app.theme == "nord"
            await pilot.press("h")
            for _ in range(200):
                await pilot.pause()
                if type(app.screen).__name__ != "MeetingScreen":
                    break
            text = screen_text(app)
            assert type(app.screen).__name__ != "MeetingScreen", text
            assert [line for line in text.splitlines() if " h " in line and "Hjälp" in line] or (
                " h " in text
            ), text  # the help lists the active key
            app.theme = "gruvbox"
            await pilot.pause()
        assert load_user_settings(path).theme == "gruvbox"  # kept when changed

    asyncio.run(go())


def test_unknown_binding_id_or_theme_is_refused_with_its_line(tmp_path: Path) -> None:
    """Every unknown id and an unknown theme: one located Swedish line each, exit 1."""
    from tests.tui.test_snapshots import live_app

    from namndtui.tui.usersettings import apply

    app = live_app(tmp_path)
    path = write(
        tmp_path,
        '# mina inställningar\ntheme = "rosa"\n\n[keys]\n"app.help" = "h"\n'
        '"app.qit" = "x"\n"zzz.qqq" = "y"\n',
    )
    with pytest.raises(ProblemsError) as err:
        apply(app, load_user_settings(path))
    assert err.value.exit_code == 1
    lines = str(err.value).splitlines()
    assert lines[0] == f'{path}:6: keys."app.qit": okänt id – menade du "app.quit"?', lines
    assert lines[1] == f'{path}:7: keys."zzz.qqq": okänt id (se docs/settings.md)', lines
    assert lines[2].startswith(f'{path}:2: theme: okänt tema "rosa" (finns: '), lines
    assert "nord" in lines[2] and len(lines) == 3, lines
    assert app.theme != "rosa" and app._keymap == {}  # nothing applied


def test_an_inline_keys_table_is_located_too(tmp_path: Path) -> None:
    from tests.tui.test_snapshots import live_app

    from namndtui.tui.usersettings import apply

    path = write(tmp_path, 'theme = "nord"\nkeys = { "app.help" = "h", "app.hjalp" = "j" }\n')
    with pytest.raises(ProblemsError, match=rf'^{path}:2: keys."app.hjalp": okänt id'):
        apply(live_app(tmp_path), load_user_settings(path))


def test_wrong_types_and_an_unquoted_dotted_id_are_located(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'theme = ["nord"]\n[keys]\napp.quit = "x"\n"app.help" = 7\n"app.bell" = " "\n'
        "[protokoll]\nlayout = 3\n",
    )
    with pytest.raises(ProblemsError) as err:
        load_user_settings(path)
    assert err.value.exit_code == 1
    assert str(err.value).splitlines() == [
        f"{path}:1: theme: fel typ: väntade text, fick lista",
        f'{path}:3: keys.app.quit: ett id med punkt skrivs inom citattecken: "app.quit" = "x"',
        f'{path}:4: keys."app.help": fel typ: väntade text, fick heltal',
        f'{path}:5: keys."app.bell": tangenten saknas – skriv t.ex. "ctrl+q"',
        f"{path}:7: protokoll.layout: fel typ: väntade text, fick heltal",
    ]


def test_a_key_given_to_two_actions_is_located(tmp_path: Path) -> None:
    """Round 4: `"app.quit" = "b"` made b quit the app instead of recording Bifall."""
    from tests.tui.test_snapshots import live_app

    from namndtui.tui.usersettings import apply

    path = write(tmp_path, '[keys]\n"app.quit" = "x,b"\n"agenda.down" = "down"\n')
    (tmp_path / "mote").mkdir()
    app = live_app(tmp_path / "mote")
    with pytest.raises(ProblemsError) as err:
        apply(app, load_user_settings(path))
    (line,) = str(err.value).splitlines()
    assert line.startswith(f'{path}:2: keys."app.quit": tangenten "b" används redan av "')
    assert line.endswith("– välj en annan")


def test_keys_that_is_no_table_is_located(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = "nord"\nkeys = "ctrl+q"\n')
    with pytest.raises(
        ProblemsError, match=rf"^{path}:2: keys: fel typ: väntade tabell, fick text$"
    ):
        load_user_settings(path)


def test_start_up_reads_the_settings_file_once(tmp_path: Path, monkeypatch) -> None:
    """`namndtui` reads its settings file once: theme, [keys] and [protokoll] come from one
    parse (#18); the app it builds has all three."""
    import argparse
    import builtins
    import io
    import os

    from tests.tui.test_snapshots import live_app

    from namndtui.commands import open_app

    path = write(
        tmp_path,
        'theme = "nord"\n[keys]\n"app.help" = "h"\n[protokoll]\nadjuster_label = "Justerare"\n',
    )
    reads: list[str] = []
    inside: list[str] = []  # Path.read_bytes opens through Path.open and io.open: one read

    def counting(name: str, original):
        def wrapper(file, *args, **kwargs):
            if isinstance(file, (str, Path)) and Path(file).name == path.name and not inside:
                reads.append(name)
            inside.append(name)
            try:
                return original(file, *args, **kwargs)
            finally:
                inside.pop()

        return wrapper

    for name in ("read_bytes", "read_text", "open"):
        monkeypatch.setattr(Path, name, counting(f"Path.{name}", getattr(Path, name)))
    monkeypatch.setattr(builtins, "open", counting("open", builtins.open))
    monkeypatch.setattr(io, "open", counting("io.open", io.open))
    monkeypatch.setattr(os, "open", counting("os.open", os.open))  # storage.read_input
    app = live_app(tmp_path)
    monkeypatch.setattr(open_app, "build_app", lambda _path: app)
    monkeypatch.setattr(type(app), "run", lambda self: 0)
    assert open_app.run(argparse.Namespace(path=None, config=str(path))) == 0
    assert reads == ["os.open"], reads
    assert app.theme == "nord" and app.protokoll_settings is not None
    assert app.protokoll_settings.adjuster_label == "Justerare"
    assert app._keymap == {"app.help": "h"}


def test_the_protokoll_table_reaches_the_minutes_the_app_writes(tmp_path: Path) -> None:
    """[protokoll] of the user's file: the app writes its protokoll.md with it (here the
    label under the adjuster's signature line), and a bad value is a located line before the
    app opens."""
    from tests.tui.test_snapshots import live_app

    from namndtui.tui.usersettings import apply

    path = write(tmp_path, '[protokoll]\nadjuster_label = "Justerare"\n')
    (tmp_path / "mote").mkdir()
    app = live_app(tmp_path / "mote")
    apply(app, load_user_settings(path))
    assert app.protokoll_settings is not None
    assert app.protokoll_settings.adjuster_label == "Justerare"
    assert app._write_minutes_now() == ""
    md = (app.folder / "protokoll.md").read_text(encoding="utf-8")
    assert "\nJusterare\n" in md and "Justerande" not in md
    bad = write(tmp_path, '[protokoll]\nlayout = "rund"\n')
    (tmp_path / "mote2").mkdir()
    with pytest.raises(ProblemsError) as err:
        apply(live_app(tmp_path / "mote2"), load_user_settings(bad))
    assert f"{bad}:2:" in str(err.value) and "okänd layout" in str(err.value)


def test_export_without_settings_reads_the_users_file(tmp_path: Path, monkeypatch) -> None:
    """`export` without --settings takes [protokoll] from the user's settings file."""
    from tests.minutes import scenario as sc

    from namndtui.cli import main

    config = tmp_path / "config"
    (config / "namndtui").mkdir(parents=True)
    (config / "namndtui" / "namndtui.toml").write_text(
        '[protokoll]\nparagraph_prefix = "SDN"\n', encoding="utf-8"
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    out = tmp_path / "ut"
    protokoll = sc.GOLDEN / "testby" / "protokoll.toml"
    assert main(["export", str(protokoll), "--out", str(out)]) == 0
    assert "SDN § 18" in (out / "protokoll.md").read_text(encoding="utf-8")
