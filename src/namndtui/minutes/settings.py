"""The municipality's choices for its minutes: the `[protokoll]` table of a settings TOML.

Every choice PRACTICE.md says varies between municipalities is a setting here, never a
phrase fixed in code (docs/settings-protokoll.md lists them all with examples).
`settings_from_table(table, text, filename)` validates the table and gives located Swedish
messages (`FILE:LINE: protokoll.key: …`); `load_settings_file(path)` reads a file that holds
a `[protokoll]` table (`namndtui export --settings FILE`). No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from namndtui.storage import os_reason, read_input
from namndtui.tomlcheck import EXIT_UNREADABLE, Problem, ProblemsError, Reader, parse_toml, quote

MODERN = "modern"  # Beslut first (the default; PRACTICE.md "One paragraph")
OLDER = "older"  # Beslut last ("Nämndens beslut"), each § closed with a rule
LAYOUTS = (MODERN, OLDER)


@dataclass(frozen=True)
class ProtokollSettings:
    """Municipality defaults for the minutes (a meeting's own keys win where both exist)."""

    layout: str = MODERN
    adjuster_label: str = "Justerande"  # signature line; some write "Justerare"
    statement_label: str = "Särskilt yttrande"  # Stockholm: "Särskilt uttalande"
    decision_heading: str = ""  # "" = "Beslut" (modern) / "Nämndens beslut" (older)
    paragraph_prefix: str = ""  # the organ's prefix: "SN" -> "SN § 142"
    place_of_keeping: str = ""  # förvaringsplats, when the meeting file names none
    justering_place: str = ""  # where the body's minutes are justered, when `t` named none
    address: str = ""  # the organ's postal address, printed under the organ on page 1
    logo: str = ""  # an image file (PNG/SVG/JPEG) printed at the top of page 1
    show_appeal_last_day: bool = True  # "Sista dag för överklagande" in the anslag box
    # From this many beslutande, page 1 reads "Beslutande: Enligt närvaro- och
    # omröstningslista" and the list is annexed after the §§ (large bodies, PRACTICE.md).
    # 21 is the smallest kommunfullmäktige (KL 5 kap. 5 §), more than any nämnd seats;
    # 0 = always list the names on page 1.
    attendance_list_from: int = 21
    template_dir: str = ""  # a folder of templates that replace the bundled ones

    @property
    def decision_title(self) -> str:
        if self.decision_heading:
            return self.decision_heading
        return "Nämndens beslut" if self.layout == OLDER else "Beslut"


DEFAULT = ProtokollSettings()

_TYPE_KINDS = {"bool": "bool", "int": "int"}
_KINDS = {f.name: _TYPE_KINDS.get(str(f.type), "str") for f in fields(ProtokollSettings)}


class _SettingsReader(Reader):
    def check(self, table: Any, path: tuple) -> dict[str, Any]:
        if not isinstance(table, dict):
            self.wrong_type(path, "table", table)
            return {}
        values = self.table(table, path, _KINDS, ())
        layout = values.get("layout")
        if layout is not None and layout not in LAYOUTS:
            self.report(
                path + ("layout",), f"okänd layout {quote(layout)} – tillåtna: {', '.join(LAYOUTS)}"
            )
        if values.get("attendance_list_from", 0) < 0:
            self.report(path + ("attendance_list_from",), "får inte vara negativt (0 = aldrig)")
            del values["attendance_list_from"]
        return values


def settings_from_table(
    table: Any, text: str, filename: str, *, base_dir: Path | None = None
) -> ProtokollSettings:
    """The settings of a parsed `[protokoll]` table. Raises ProblemsError (exit 1).

    `text` is the file's text (for line numbers); relative `logo` and `template_dir` are
    taken relative to `base_dir` (the settings file's folder).
    """
    reader = _SettingsReader(text, filename)
    values = reader.check(table, ("protokoll",))
    if reader.problems:
        raise ProblemsError(reader.problems)
    settings = replace(DEFAULT, **values)
    if base_dir is not None:
        for key in ("logo", "template_dir"):
            value = getattr(settings, key)
            if value and not Path(value).is_absolute():
                settings = replace(settings, **{key: str(base_dir / value)})
    return settings


def logo_problem(settings: ProtokollSettings) -> str:
    """Why the logo cannot be printed in the PDF ("" when it can, or none is set): the PDF
    is then written without it (minutes/pdf.py refuses what is not a local image file)."""
    logo = settings.logo
    if not logo or logo.startswith("data:"):
        return ""
    if "://" in logo and not logo.startswith("file:"):
        return f"{logo}: hämtas inte från nätet – ange en bildfil"
    from namndtui.minutes.pdf import local_file_problem

    path = logo.removeprefix("file://")
    problem = local_file_problem(path)
    return f"{path}: {problem}" if problem else ""


def load_settings_file(path: str | Path) -> ProtokollSettings:
    """The `[protokoll]` table of the TOML file `path` (defaults when it has none).

    Raises ProblemsError: exit 2 when the file cannot be read or parsed, 1 for findings.
    """
    path = Path(path)
    try:
        text = read_input(path).decode("utf-8")  # a FIFO, /dev/zero: OSError, not a hang
    except UnicodeDecodeError:
        raise ProblemsError(
            [Problem(str(path), None, "filen är inte UTF-8-text")], EXIT_UNREADABLE
        ) from None
    except OSError as err:
        reason = "filen finns inte" if isinstance(err, FileNotFoundError) else os_reason(err)
        raise ProblemsError([Problem(str(path), None, str(reason))], EXIT_UNREADABLE) from None
    data = parse_toml(text, str(path))
    if "protokoll" not in data:
        return DEFAULT
    return settings_from_table(data["protokoll"], text, str(path), base_dir=path.parent)
