"""protokoll.pdf and the extract's PDF (WeasyPrint, PDF/A-2a), and the HTML printed by a
real browser (headless Chromium). Few renderings, each shared by several checks: WeasyPrint
takes about a second per document."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdf
import pytest
from tests.minutes import scenario as sc

from namndtui.minutes.extract import render_extract_html
from namndtui.minutes.html import render_html
from namndtui.minutes.pdf import html_to_pdf
from namndtui.minutes.protokoll_read import load_protokoll

pytest.importorskip("weasyprint")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext saknas")
HTML = sc.GOLDEN / "testby" / "protokoll.html"
HEADER = ("Testby stadsdelsnämnd", "SAMMANTRÄDESPROTOKOLL", "Sammanträdesdatum 2024-03-05")


def pages_text(pdf: Path) -> list[str]:
    """The text of every page (pdftotext -layout; pages split at form feeds)."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    return out.split("\f")[:-1]


@pytest.fixture(scope="module")
def minutes_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "protokoll.pdf"
    path.write_bytes(html_to_pdf(HTML.read_text(encoding="utf-8")))
    return path


@pytest.fixture(scope="module")
def extract_pdf(tmp_path_factory) -> Path:
    """§ 18 before the justering: not yet justified, so a draft."""
    minutes = load_protokoll(sc.GOLDEN / "testby" / "protokoll.toml")
    minutes.state.justered_on = ""
    minutes.state.paragraphs["budget-2024"].justified = False
    path = tmp_path_factory.mktemp("pdf") / "utdrag.pdf"
    path.write_bytes(html_to_pdf(render_extract_html(minutes, 18)))
    return path


def check_every_page(pages: list[str], header: tuple[str, ...], boxes: tuple[str, ...]) -> None:
    assert pages
    for n, page in enumerate(pages, start=1):
        for text in (*header, *boxes, f"Sida {n} ({len(pages)})"):
            assert text in page, f"sidan {n} saknar {text!r}"


@needs_pdftotext
def test_every_page_has_header_page_number_and_footer_boxes(minutes_pdf) -> None:
    pages = pages_text(minutes_pdf)
    assert len(pages) >= 3
    check_every_page(pages, HEADER, ("Justerandes signatur", "Utdragsbestyrkande"))
    assert not any("UTKAST" in p for p in pages)  # justered


@needs_pdftotext
def test_page_one_holds_ingress_signatures_and_anslag_in_order(minutes_pdf) -> None:
    page = pages_text(minutes_pdf)[0]
    order = [
        "Plats och tid",
        "Beslutande",
        "Utses att justera",
        "Justeringens plats och tid",
        "Underskrifter",
        "Paragrafer 18–23",
        "ANSLAG/BEVIS",
        "Datum då anslaget sätts upp",
        "Datum då anslaget tas ned",
        "Förvaringsplats för protokollet",
    ]
    at = [page.find(text) for text in order]
    assert -1 not in at, dict(zip(order, at, strict=True))
    assert at == sorted(at)
    assert re.search(r"Datum då anslaget tas ned\s+2024-04-03", page)
    # "Paragrafer 18–23" beside the Sekreterare line, not under the name (PRACTICE.md)
    (line,) = [line for line in page.splitlines() if "Sekreterare" in line]
    assert re.search(r"Sekreterare\s+Paragrafer 18–23", line), line
    assert "§ 18 Verksamhetsplan" not in page  # the §§ start after the contents


@needs_pdftotext
def test_contents_keep_the_paragraph_number_and_the_dnr_on_one_line(tmp_path) -> None:
    """A long title (the example's § 123) made the table squeeze "§ 18" and "Dnr …" to
    two lines each ("§" over "18"); the title column wraps instead."""
    title = (
        "Ansökan till Länsstyrelsen i Stockholms län om utvecklingsmedel till "
        "stödinsatser för män som utövar våld i nära relation och deras familjer"
    )
    html = HTML.read_text(encoding="utf-8").replace(
        ">Verksamhetsplan och budget 2024</a>", f">{title}</a>"
    )
    pdf = tmp_path / "protokoll.pdf"
    pdf.write_bytes(html_to_pdf(html))
    (contents,) = [p for p in pages_text(pdf) if "Innehållsförteckning" in p]
    for n in range(18, 24):
        assert re.search(rf"^§ {n} ", contents, re.MULTILINE), contents
    for dnr in ("Dnr 1.2.1-12/2024", "Dnr 2.3-45/2024", "Dnr 4.4-101/2024"):
        assert dnr in contents, contents


def test_pdf_is_pdf_a_2a_tagged_swedish_with_embedded_fonts(minutes_pdf) -> None:
    reader = pypdf.PdfReader(minutes_pdf)
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="2"' in xmp and b'pdfaid:conformance="A"' in xmp
    assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
    assert root["/Lang"] == "sv"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    fonts = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = (
                font.get("/FontDescriptor")
                or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            )
            desc = desc.get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
            fonts += 1
    assert fonts
    struct = _structure_types(reader)
    assert {"H1", "H2", "H3", "Table", "TH"} <= struct, struct


def _structure_types(reader: pypdf.PdfReader) -> set[str]:
    """The /S types of the structure tree (headings, tables, header cells …)."""
    seen: set[str] = set()
    stack = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        if "/S" in node:
            seen.add(str(node["/S"]).lstrip("/"))
        kids = node.get("/K")
        if kids is None:
            continue
        kids = kids.get_object()
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                stack.append(kid)
    return seen


@needs_pdftotext
def test_extract_pdf_is_one_paragraph_with_its_boxes(extract_pdf) -> None:
    pages = pages_text(extract_pdf)
    header = ("Testby stadsdelsnämnd", "PROTOKOLLSUTDRAG", "Sammanträdesdatum 2024-03-05")
    check_every_page(pages, (*header, "UTKAST – EJ JUSTERAT"), ("Utdragsbestyrkande",))
    text = "".join(pages)
    assert "§ 18 Verksamhetsplan och budget 2024" in text
    assert not re.search(r"§ (19|2\d) ", text)  # only the one §
    assert "Utdraget bestyrks" in text and "Annika Rosén, sekreterare" in text
    assert "ANSLAG/BEVIS" not in text and "Justerandes signatur" not in text


@needs_pdftotext
@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium saknas")
def test_chromium_prints_the_html_with_our_header_and_no_browser_furniture(tmp_path) -> None:
    html = tmp_path / "protokoll.html"
    shutil.copy(HTML, html)
    pdf = tmp_path / "chromium.pdf"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                str(html),
            ],
            capture_output=True, check=True, timeout=120,
        )  # fmt: skip
    pages = pages_text(pdf)
    check_every_page(pages, HEADER, ("Justerandes signatur", "Utdragsbestyrkande"))
    text = "".join(pages)
    assert "file:" not in text and "protokoll.html" not in text  # no URL in a margin
    assert "Protokoll Testby" not in text  # nor the document title
    first = pages[0]
    assert first.find("Plats och tid") < first.find("Underskrifter") < first.find("ANSLAG/BEVIS")
    assert pypdf.PdfReader(pdf).pages[0].mediabox.width == pytest.approx(595, abs=1)  # A4


def test_a_long_unbroken_word_stays_inside_the_page(tmp_path) -> None:
    """A long run of characters without a break (a pasted reference, a key held down)
    in a note or a reservation wraps instead of running off the right edge of the page
    (cut off when printed)."""
    pdfplumber = pytest.importorskip("pdfplumber")
    word = "Dnr:" + "0123456789" * 30
    minutes = load_protokoll(sc.GOLDEN / "testby" / "protokoll.toml")
    html = render_html(minutes).replace("<p>", f"<p>{word} ", 1)
    path = tmp_path / "lang.pdf"
    path.write_bytes(html_to_pdf(html))
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            right = max(c["x1"] for c in page.chars)
            assert right <= page.width - 20, f"text ends at {right:.0f} of {page.width:.0f} pt"


def test_page_references_are_built_once_per_page_count() -> None:
    """The pydyf speed-up (namndtui.minutes.pdf_engine) gives what pydyf's own property gives."""
    import pydyf

    from namndtui.minutes.pdf_engine import cache_page_references

    cache_page_references()
    cache_page_references()  # idempotent
    pdf = pydyf.PDF()
    for count in range(1, 4):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        refs = pdf.page_references
        assert refs is pdf.page_references  # cached until a page is added
        assert refs == tuple(f"{n} 0 R".encode() for n in pdf.pages["Kids"][::3])
        assert len(refs) == count


def test_objects_are_serialized_once_per_write_and_the_file_is_the_same() -> None:
    """The pydyf speed-up for the trailer's /ID (namndtui.minutes.pdf_engine): the same bytes,
    each stream built (and compressed) once per write instead of twice."""
    import io

    import pydyf

    from namndtui.minutes.pdf_engine import serialize_objects_once

    builds: list[int] = []

    class Content(list):
        """A page's content that counts how often pydyf reads it."""

        def __iter__(self):
            builds.append(id(self))
            return super().__iter__()

    def written(write) -> bytes:
        pdf = pydyf.PDF()
        for n in range(3):
            stream = pydyf.Stream(Content([b"BT", f"({n}) Tj".encode(), b"ET"]), compress=True)
            pdf.add_object(stream)
            pdf.add_page(pydyf.Dictionary({"Type": "/Page", "Contents": stream.reference}))
        out = io.BytesIO()
        write(pdf, out, b"1.7", True, True)  # with /ID, compressed, as PDF/A is written
        return out.getvalue()

    serialize_objects_once()
    serialize_objects_once()  # idempotent
    plain = written(pydyf.PDF.write.__wrapped__)  # pydyf's own
    assert len(builds) == 6  # twice each
    builds.clear()
    assert written(pydyf.PDF.write) == plain
    assert len(builds) == len(set(builds)) == 3


@pytest.mark.skipif(
    not Path("/sbin/ldconfig").exists(), reason="ldconfig saknas (inte glibc-Linux)"
)
def test_weasyprint_libraries_are_found_as_find_library_finds_them() -> None:
    """The quick library lookup used while importing WeasyPrint (namndtui.minutes.pdf_engine)
    names the same file as ctypes.util.find_library, for WeasyPrint's libraries and for
    the Windows-style names it tries first (not found either way)."""
    import ctypes.util

    from namndtui.minutes.pdf_engine import ldconfig_lookup

    lookup = ldconfig_lookup()
    for name in ("gobject-2.0", "pango-1.0", "harfbuzz", "fontconfig", "pangoft2-1.0"):
        assert lookup(name) == ctypes.util.find_library(name) is not None
    assert lookup("libgobject-2.0-0") is None


def test_weasyprint_imports_with_the_quick_lookup_in_a_fresh_process() -> None:
    """As `export --pdf` imports it: the libraries load, find_library is given back."""
    import sys

    code = (
        "import ctypes.util; find = ctypes.util.find_library\n"
        "from namndtui.minutes.pdf_engine import import_weasyprint; import_weasyprint()\n"
        "from weasyprint.text import ffi\n"
        "assert ctypes.util.find_library is find and ffi.pango and ffi.fontconfig\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_streams_are_deflated_at_level_6_and_read_back_the_same() -> None:
    """pydyf's level 9 is replaced by zlib's default (namndtui.minutes.pdf_engine): a stream
    inflates to what was drawn, deflated as zlib does at level 6."""
    import zlib

    import pydyf

    from namndtui.minutes.pdf_engine import compress_at_default_level

    compress_at_default_level()
    compress_at_default_level()  # idempotent
    raw = b"\n".join(b"BT /F1 10 Tf 72 %d Td (Rad %d) Tj ET" % (n, n) for n in range(500))
    data = pydyf.Stream([raw], compress=True).data
    deflated = data[data.index(b"stream\n") + 7 : data.rindex(b"\nendstream")]
    assert zlib.decompress(deflated) == raw
    level6 = zlib.compressobj(6)
    assert deflated == level6.compress(raw) + level6.flush()
    assert b"/Filter /FlateDecode" in data
