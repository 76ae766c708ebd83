"""The report corpus as PDFs: six layouts made with WeasyPrint, every fact checked.

See tests/importing/report_layouts.py for the layouts (Stockholm, Göteborg, Malmö, a
kommunstyrelse, a kultur- och fritidsförvaltning, a socialförvaltning with a secret item).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.importing.pdf_fixtures import render
from tests.importing.report_layouts import LAYOUTS, Layout

from namndtui.importing.files import import_item_from_file

pytest.importorskip("weasyprint")


@pytest.fixture(scope="session")
def layout_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Layout, Path]]:
    folder = tmp_path_factory.mktemp("layouts")
    out = {}
    for make in LAYOUTS:
        layout = make()
        path = folder / f"{layout.name}.pdf"
        path.write_bytes(render(layout.html))
        out[layout.name] = (layout, path)
    return out


@pytest.mark.parametrize("name", [make().name for make in LAYOUTS])
def test_every_fact_of_the_layout(name: str, layout_pdfs: dict[str, tuple[Layout, Path]]) -> None:
    layout, path = layout_pdfs[name]
    result = import_item_from_file(path)
    item = result.item
    assert result.kind == "pdf"
    assert item.title == layout.title
    assert (item.dnr, item.officer) == (layout.dnr, layout.officer)
    assert list(item.proposed_decision) == layout.decision
    assert [s.title for s in item.report_sections()] == layout.sections
    assert list(item.attachments) == layout.attachments
    assert item.immediate_justification == layout.immediate
    assert item.secrecy == layout.secrecy
    assert list(item.dispatch) == layout.dispatch
    assert [d.title for d in item.decision_basis] == layout.basis
    # Page furniture is reported, never part of the text.
    reasons = {d.reason for d in result.dropped}
    assert "sidnummer" in reasons
    text = "\n".join(s.text for s in item.report_sections())
    assert "Sida " not in text and "Box 4039" not in text
