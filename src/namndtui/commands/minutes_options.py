"""The options export and extract share: `--settings FILE` and `--template DIR`.

`--settings FILE` is a TOML file with a `[protokoll]` table (docs/settings-protokoll.md);
`--template DIR` a folder of templates that replace the bundled ones file by file.
No Textual import.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from namndtui.errors import UserError

if TYPE_CHECKING:
    from namndtui.minutes.settings import ProtokollSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--settings",
        metavar="FIL",
        help="inställningar för protokollet: en TOML-fil med en [protokoll]-tabell",
    )
    parser.add_argument(
        "--template",
        metavar="MAPP",
        help="mapp med egna mallar (protokoll.html.j2 …) som ersätter de inbyggda",
    )


def settings_from_args(args: argparse.Namespace) -> ProtokollSettings:
    """The settings the options name; without `--settings`, the `[protokoll]` table of the
    user's settings file (docs/settings.md), else the defaults. Raises UserError."""
    from namndtui.minutes.settings import load_settings_file

    settings = load_settings_file(args.settings) if args.settings else user_protokoll_settings()
    if args.template:
        folder = Path(args.template)
        if not folder.is_dir():
            raise UserError(f"{folder}: --template: mappen finns inte", 2)
        settings = replace(settings, template_dir=str(folder.resolve()))
    elif settings.template_dir and not Path(settings.template_dir).is_dir():
        raise UserError(
            f"{args.settings}: template_dir: mappen {settings.template_dir} finns inte", 1
        )
    return settings


def user_protokoll_settings() -> ProtokollSettings:
    """The `[protokoll]` table of the user's settings file (platformdirs' config folder),
    the defaults when there is no such file or table. Raises ProblemsError, located."""
    from namndtui.minutes.settings import DEFAULT, load_settings_file
    from namndtui.settings import default_path

    path = default_path()
    return load_settings_file(path) if path.is_file() else DEFAULT
