"""Phase 5 of reading a report: the proposed decision as its points.

Numbered ("1.", "1)", "1 Stadsdelsnämnden") or bulleted points become separate entries;
otherwise every paragraph is a point. An introduction ("Förvaltningen föreslår att
nämnden beslutar:") before numbered points is not a point; a point that decides on
omedelbar justering sets the mark (and stays: the board takes that decision).
"""

from __future__ import annotations

from namndtui.importing.reflow import join_lines
from namndtui.importing.report_lines import (
    INTRO,
    POINT_START,
    POINT_START_BARE,
    Dropped,
    Found,
    Line,
)
from namndtui.importing.report_signatures import mark_decision_signature


def decision_points(found: Found, body: list[Line]) -> list[str]:
    """The points of the decision section `body`; signatures under it are dropped."""
    mark_decision_signature(found, body)
    points: list[list[str]] = []
    numbered: list[bool] = []
    new_point = True
    for ln in body:
        if ln.kind in ("blank", "page"):
            new_point = ln.kind == "blank" or new_point
            continue
        if ln.kind != "text":
            continue
        text = ln.text
        m = POINT_START.match(text) or POINT_START_BARE.match(text)
        if m:
            found.drop(ln, "punktnummer", text[: m.end()].strip())
            points.append([text[m.end() :]])
            numbered.append(True)
        elif new_point or not points:
            points.append([text])
            numbered.append(False)
        else:
            points[-1].append(text)
        new_point = False
    result = [join_lines(p) for p in points]
    # An introduction such as "Förvaltningen föreslår att nämnden beslutar:" or
    # "Fritidsnämnden föreslås besluta" before numbered points is not a point itself.
    if len(result) > 1 and not numbered[0] and all(numbered[1:]) and INTRO.search(result[0]):
        first_line = next(ln for ln in body if ln.kind == "text")
        found.dropped.append(Dropped(first_line.n, result[0], "inledning"))
        result = result[1:]
    # Malmö style "- att godkänna …," points: the list punctuation is not part of the point.
    return [r.rstrip(",;").rstrip() for r in result if r.rstrip(",;").strip()]
