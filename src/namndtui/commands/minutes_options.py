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
    """The settings the options name (defaults without them). Raises UserError."""
    from namndtui.minutes.settings import DEFAULT, load_settings_file

    settings = load_settings_file(args.settings) if args.settings else DEFAULT
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
