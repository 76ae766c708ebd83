"""A rättelse's reason is kept in the journal and protokoll.toml, never printed in the
minutes (PRACTICE.md "Corrections": minutes carry no change log; a correction after the
justering is a decision of a later meeting), and the TUI's forms say so instead of
promising to print it. No Pilot run: the strings and the renderers."""

from __future__ import annotations

from tests.minutes import scenario as sc

from namndtui.minutes.markdown import render_markdown
from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_write import render_toml
from namndtui.record.fold import fold
from namndtui.tui import strings as S

REASON = "Månaden saknades i beslutet."


def test_the_reason_is_kept_but_not_printed() -> None:
    meeting = sc.load_fixture_meeting()
    minutes = Minutes(meeting, fold(meeting, sc.all_events()))
    assert f'reason = "{REASON}"' in render_toml(minutes)
    assert REASON not in render_markdown(minutes)


def test_the_forms_say_where_the_reason_goes() -> None:
    for text in (S.CORRECTION_REASON, S.CONFIRM_REPLACE_LOCKED):
        assert "visas i protokollet" not in text
    assert "protokoll.toml" in S.CORRECTION_REASON and "trycks inte" in S.CORRECTION_REASON
