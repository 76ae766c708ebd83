"""A kallelse (the agenda and every report in one PDF, or a folder of files) → one meeting.

1. Pages: the text of each page of each file (`documents.read_pdf_pages`).
2. Documents: the pages cut where a document starts: its own page 1 ("Sida 1 (5)",
   "1 (5)"), a letterhead word (Tjänsteutlåtande, Kallelse …) at the top of a page
   without a page number, a new file, or a page that opens with an agenda item's title
   or Dnr.
3. The agenda: the first document that reads as a föredragningslista.
4. Each other document is parsed as a report and matched to the agenda item with the
   same Dnr, else the most similar title; the item gets the report's sections, its
   proposed decision and attachments (the agenda's title, id and category stay).

What is reported: items that got no report, pages that were placed nowhere, and (for
`--show-dropped`) the furniture taken out of every document, with its page.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from namndtui.errors import UserError
from namndtui.importing.agenda import AgendaParse, parse_agenda
from namndtui.importing.documents import (
    MAX_TEXT_CHARS,
    decode_text,
    read_bytes,
    read_docx,
    read_pdf_pages,
)
from namndtui.importing.ids import slugify, unique_id
from namndtui.importing.report import ReportParse, parse_report
from namndtui.importing.report_lines import Dropped, normalise_text
from namndtui.model import Item

_MARK = re.compile(
    r"(?:(?:^|\s)(?:sida|sid\.?)\s*|^)(?P<k>\d{1,3})\s*"
    r"(?:\(\s*(?P<n>\d{1,3})\s*\)|av\s+(?P<n2>\d{1,3}))$",
    re.IGNORECASE,
)
_DOC_WORDS = re.compile(
    r"\b(?:tjänsteutlåtande|tjänsteskrivelse|tjänsteyttrande|kallelse|föredragningslista|"
    r"dagordning|promemoria)\b",
    re.IGNORECASE,
)
_AGENDA_WORDS = re.compile(r"\b(?:kallelse|föredragningslista|dagordning)\b", re.IGNORECASE)
_WORD = re.compile(r"\w{3,}")
_SUFFIXES = (".pdf", ".docx", ".txt")
TOP_LINES = 12  # a page's first lines, where a letterhead or a title stands


@dataclass(frozen=True)
class Page:
    file: str
    number: int  # 1-based within its file
    text: str

    def top(self, n: int = TOP_LINES) -> list[str]:
        return [ln.strip() for ln in self.text.splitlines() if ln.strip()][:n]


@dataclass
class Document:
    pages: list[Page]
    parsed: ReportParse | None = None
    first_page_words: str = ""  # the first page's words, normalised (for matching)

    @property
    def text(self) -> str:
        return "\f".join(p.text for p in self.pages)

    @property
    def where(self) -> str:
        first, last = self.pages[0], self.pages[-1]
        span = f"sida {first.number}" if first is last else f"sidorna {first.number}–{last.number}"
        return f"{first.file}: {span}"


@dataclass
class Placed:
    """Where an item's report was found."""

    item_id: str
    document: Document
    how: str  # "Dnr" | "rubrik"


@dataclass
class KallelseImport:
    agenda: AgendaParse
    placed: list[Placed] = field(default_factory=list)
    missing: list[Item] = field(default_factory=list)  # agenda items without a report
    unplaced: list[Document] = field(default_factory=list)  # documents matched to nothing
    dropped: list[tuple[Page, Dropped]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    agenda_document: Document | None = None


# --- pages -------------------------------------------------------------------------------


def skipped_in(path: Path) -> list[str]:
    """The entries of a kallelse folder named like documents that are not read: a FIFO, a
    device, a folder, a dangling or looping link (Swedish warnings, sorted by name)."""
    if not path.is_dir():
        return []
    from namndtui.storage import check_input, input_problem

    out = []
    for entry in sorted(path.iterdir()):
        if entry.suffix.lower() not in _SUFFIXES or entry.is_file():
            continue
        try:
            check_input(entry)
        except OSError as err:
            out.append(f"{entry.name} hoppas över: {input_problem(err)}")
    return out


def load_pages(path: Path) -> list[Page]:
    """Every page of FILE, or of every .pdf/.docx/.txt in a folder (sorted by name)."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in _SUFFIXES and p.is_file())
        if not files:
            raise UserError(f"{path}: mappen innehåller inga PDF-, DOCX- eller textfiler", 2)
    else:
        files = [path]
    pages: list[Page] = []
    size = 0
    for file in files:
        data = read_bytes(file)
        name = str(file)
        if file.suffix.lower() == ".pdf" or data.startswith(b"%PDF-"):
            texts = read_pdf_pages(data, name)
        elif file.suffix.lower() == ".docx":
            texts = [read_docx(data, name)]
        else:
            texts = decode_text(data, name)[0].split("\f")
        pages.extend(Page(name, n, text) for n, text in enumerate(texts, start=1))
        size += sum(len(text) for text in texts)
        if size > MAX_TEXT_CHARS:
            raise UserError(f"{name}: kallelsen har för mycket text (över {MAX_TEXT_CHARS} tecken)")
    return pages


def page_mark(page: Page) -> tuple[int, int] | None:
    """(k, n) for "Sida k (n)" / "k (n)" / "Sida k av n" in the page's first or last lines."""
    lines = [ln.strip() for ln in page.text.splitlines() if ln.strip()]
    for line in lines[:6] + lines[-4:]:
        m = _MARK.search(line)
        if m:
            k, n = int(m["k"]), int(m["n"] or m["n2"])
            if 1 <= k <= n:
                return k, n
    return None


def _starts_document(page: Page, previous: Page | None) -> bool:
    if previous is None or previous.file != page.file:
        return True
    mark = page_mark(page)
    if mark is not None:
        return mark[0] == 1
    return any(_DOC_WORDS.search(line) for line in page.top(8))


def split_documents(pages: list[Page]) -> list[Document]:
    documents: list[Document] = []
    previous = None
    for page in pages:
        if _starts_document(page, previous) or not documents:
            documents.append(Document([page]))
        else:
            documents[-1].pages.append(page)
        previous = page
    return documents


# --- the agenda ----------------------------------------------------------------------------


def _find_agenda(documents: list[Document]) -> tuple[int, AgendaParse] | None:
    """The first document that reads as a föredragningslista, with its parse."""
    for k, doc in enumerate(documents[:5]):
        head = "\n".join(doc.pages[0].top(20))
        if not _AGENDA_WORDS.search(head) and k > 0:
            continue
        agenda = parse_agenda(doc.text)
        if agenda.items and (_AGENDA_WORDS.search(head) or len(agenda.items) >= 2):
            return k, agenda
    return None


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _dnr_key(dnr: str) -> str:
    return re.sub(r"^dnr\W*|\W", "", dnr.casefold())


def _split_at_titles(documents: list[Document], items: list[Item]) -> list[Document]:
    """Cut a document where a page without a page number opens with another item's title."""
    titles = [(_norm(i.title)[:40], _dnr_key(i.dnr)) for i in items]
    out: list[Document] = []
    for doc in documents:
        current = Document([doc.pages[0]])
        out.append(current)
        for page in doc.pages[1:]:
            if page_mark(page) is None and _opens_with_item(page, titles):
                current = Document([page])
                out.append(current)
            else:
                current.pages.append(page)
    return out


def _opens_with_item(page: Page, titles: list[tuple[str, str]]) -> bool:
    top = [_norm(line) for line in page.top()]
    dnrs = {_dnr_key(line) for line in page.top() if line.casefold().startswith("dnr")}
    for title, dnr in titles:
        if dnr and dnr in dnrs:
            return True
        if len(title) >= 12 and any(line.startswith(title[:30]) for line in top if line):
            return True
    return False


# --- matching ------------------------------------------------------------------------------


def _similarity(a: str, b: str) -> float:
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _score(item: Item, doc: Document) -> tuple[float, str]:
    report = doc.parsed.item if doc.parsed else None
    if report is None:
        return 0.0, ""
    if item.dnr and report.dnr and _dnr_key(item.dnr) == _dnr_key(report.dnr):
        return 2.0 + _similarity(item.title, report.title), "Dnr"
    sim = _similarity(item.title, report.title)
    if sim < 0.6 and len(_norm(item.title)) >= 12:
        if not doc.first_page_words:
            doc.first_page_words = _norm(doc.pages[0].text)
        if _norm(item.title) in doc.first_page_words:
            sim = max(sim, 0.9)
    return (sim, "rubrik") if sim >= 0.5 else (0.0, "")


def _match(items: list[Item], docs: list[Document]) -> list[tuple[Item, Document, str]]:
    pairs = []
    for item in items:
        for k, doc in enumerate(docs):
            score, how = _score(item, doc)
            if score > 0:
                pairs.append((score, -k, item.id, how))
    pairs.sort(reverse=True)
    by_id = {i.id: i for i in items}
    taken_items: set[str] = set()
    taken_docs: set[int] = set()
    out = []
    for _score_value, neg_k, item_id, how in pairs:
        if item_id in taken_items or -neg_k in taken_docs:
            continue
        taken_items.add(item_id)
        taken_docs.add(-neg_k)
        out.append((by_id[item_id], docs[-neg_k], how))
    return out


def merged_item(item: Item, report: Item) -> Item:
    """The agenda's item with the report's text (the agenda's id, title and category stay)."""
    return dataclasses.replace(
        item,
        dnr=item.dnr or report.dnr,
        officer=report.officer or item.officer,
        summary=report.summary or item.summary,
        background=report.background or item.background,
        proposal=report.proposal or item.proposal,
        preparation=report.preparation or item.preparation,
        proposed_decision=report.proposed_decision or item.proposed_decision,
        immediate_justification=item.immediate_justification or report.immediate_justification,
        attachments=report.attachments or item.attachments,
        extra_sections=report.extra_sections or item.extra_sections,
        secrecy=item.secrecy or report.secrecy,
    )


# --- the driver ----------------------------------------------------------------------------


def _page_starts(doc: Document) -> list[int]:
    """The first line number (1-based, in the report parser's input) of each page."""
    starts = [1]
    for n, text in enumerate(normalise_text(doc.text), start=1):
        if text == "\f":
            starts.append(n)
    return starts


def _page_of_line(doc: Document, starts: list[int], line: int) -> Page:
    k = bisect.bisect_right(starts, line) - 1
    return doc.pages[max(0, min(k, len(doc.pages) - 1))]


def _agenda_page_of_line(doc: Document, line: int) -> Page:
    count = 0
    for page in doc.pages:
        count += len(page.text.split("\n"))
        if line <= count:
            return page
    return doc.pages[-1]


def import_kallelse(path: Path) -> KallelseImport:
    """Read a kallelse (a file or a folder) into an agenda with its reports placed."""
    documents = split_documents(load_pages(path))
    found = _find_agenda(documents)
    if found is None:
        result = KallelseImport(AgendaParse())
        result.warnings.append(
            "hittade ingen föredragningslista; varje tjänsteutlåtande blir ett eget ärende"
        )
        reports = documents
    else:
        k, agenda = found
        # Pages after the agenda without a page number of their own may be the reports:
        # cut the agenda's document too where a page opens with one of its items.
        pieces = _split_at_titles([documents[k]], agenda.items)
        if len(pieces) > 1:
            agenda = parse_agenda(pieces[0].text)
        result = KallelseImport(agenda, agenda_document=pieces[0])
        result.warnings += agenda.warnings
        result.dropped += [(_agenda_page_of_line(pieces[0], d.line), d) for d in agenda.dropped]
        others = documents[:k] + pieces[1:] + documents[k + 1 :]
        reports = _split_at_titles(others, agenda.items)
    for doc in reports:
        doc.parsed = parse_report(doc.text, fallback_title=f"{doc.where}")
    _place(result, reports)
    result.warnings += skipped_in(path)  # a FIFO or a broken link was passed over silently
    return result


def _place(result: KallelseImport, reports: list[Document]) -> None:
    agenda = result.agenda
    if not agenda.items:  # no agenda: every report its own item, in document order
        taken: set[str] = set()
        for doc in reports:
            assert doc.parsed is not None
            item = doc.parsed.item
            item = dataclasses.replace(item, id=unique_id(slugify(item.title), taken))
            taken.add(item.id)
            agenda.items.append(item)
            result.placed.append(Placed(item.id, doc, "ordning"))
            _keep_dropped(result, doc)
        return
    matches = _match(agenda.items, reports)
    by_id = {item.id: (doc, how) for item, doc, how in matches}
    placed_docs = {id(doc) for _item, doc, _how in matches}
    for n, item in enumerate(agenda.items):
        if item.id in by_id:
            doc, how = by_id[item.id]
            assert doc.parsed is not None
            agenda.items[n] = merged_item(item, doc.parsed.item)
            result.placed.append(Placed(item.id, doc, how))
            _keep_dropped(result, doc)
        else:
            result.missing.append(item)
    result.unplaced = [doc for doc in reports if id(doc) not in placed_docs]


def _keep_dropped(result: KallelseImport, doc: Document) -> None:
    assert doc.parsed is not None
    starts = _page_starts(doc)
    result.dropped += [(_page_of_line(doc, starts, d.line), d) for d in doc.parsed.dropped]
