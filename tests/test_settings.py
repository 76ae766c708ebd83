"""The user's settings file: theme, [keys] (App.set_keymap), [protokoll] passed on raw;
located Swedish problems; the theme kept when changed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from namndtui.errors import UserError
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


def test_unknown_binding_id_or_theme_is_refused(tmp_path: Path) -> None:
    from tests.tui.test_snapshots import live_app

    from namndtui.tui.usersettings import apply

    app = live_app(tmp_path)
    with pytest.raises(UserError, match="okänt id 'app.qit' – menade du 'app.quit'"):
        apply(app, load_user_settings(write(tmp_path, '[keys]\n"app.qit" = "x"\n')))
    with pytest.raises(UserError, match="okänt tema"):
        apply(app, load_user_settings(write(tmp_path, 'theme = "rosa"\n')))


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
