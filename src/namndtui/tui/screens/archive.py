"""The archive screen: past minutes listed by body and date, searched as you type.

`namndtui DIR` (a folder without meeting.toml) opens `ArchiveApp(DIR)`. The index
(namndtui.archive) is built or brought up to date in a thread worker with a progress bar;
the list shows what the index already holds meanwhile. Searching runs in an exclusive
thread worker after a short pause in typing (each thread has its own SQLite connection).
Enter opens a meeting read-only (the review screens of NamndApp) at the chosen paragraph.
User text (titles, bodies, snippets, problems) is always plain Content or Text.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    ContentSwitcher,
    DataTable,
    Footer,
    Input,
    OptionList,
    ProgressBar,
    Select,
    Static,
)
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from namndtui.archive.index import ArchiveIndex, MeetingRow, Problem
from namndtui.archive.search import Hit, Query, QueryError, parse_query
from namndtui.errors import UserError
from namndtui.model import Meeting
from namndtui.tui.messages import ReviewRequested
from namndtui.tui.screens.meeting import MeetingScreen
from namndtui.tui.text import user_text, ut

if TYPE_CHECKING:
    from namndtui.minutes.model import Minutes

# --- Swedish UI text (kept here: this screen is owned apart from tui/strings.py) -------------
TITLE = "Arkiv: {name}"
COUNTS = "{meetings} · {paragraphs}"  # counted()
SEARCH_PLACEHOLDER = 'Sök: ord, "fras", organ:, år:, typ:reservation, dnr:, ledamot:'
ALL_BODIES = "Alla nämnder"
ALL_YEARS = "Alla år"
COL_BODY, COL_DATE, COL_RANGE, COL_COUNT = "Nämnd", "Datum", "Paragrafer", "Antal §"
COL_FILE, COL_REASON = "Fil", "Orsak"
INDEXING = "Indexerar {total} protokoll …"
INDEXED = "Indexet är uppdaterat: {meetings}, {paragraphs}."  # counted()
REBUILT = "{reason}; det byggs om."
HITS = "{n} träffar"
ONE_HIT = "1 träff"
HITS_MORE = "de {n} bästa träffarna"
INCOMPLETE = " – ofullständigt: {done} av {total} protokoll indexerade hittills"
NO_HITS = "Inga träffar."
BAD_QUERY = "Sökningen kan inte tolkas: {reason}"
PROBLEMS_NOTE = "{n} filer kunde inte läsas – tryck f för att se dem."
ONE_PROBLEM_NOTE = "1 fil kunde inte läsas – tryck f för att se den."
PROBLEMS_TITLE = "Filer som inte kunde läsas"
NO_PROBLEMS = "Alla protokollfiler kunde läsas."
NO_MEETINGS = "Inga protokoll hittades i mappen."
OPEN_FAILED = "Protokollet kunde inte öppnas:\n{reason}"
INDEX_FAILED = "Arkivet kan inte indexeras: {reason}"
KEY_SEARCH, KEY_MEETINGS, KEY_PROBLEMS, KEY_QUIT, KEY_OPEN = (
    "Sök",
    "Sammanträden",
    "Problem",
    "Avsluta",
    "Öppna",
)
KEY_BACK = "Till arkivet"

SEARCH_DELAY = 0.15  # seconds of quiet typing before a search runs
# Meetings put in the table before the first frame; the rest right after it (5,000 rows
# cost ~90 ms to build and measure, and a screen shows ~30 of them).
FIRST_ROWS = 100
RESULT_LIMIT = 100
HIGHLIGHT = "bold reverse"


def meeting_texts(row: MeetingRow) -> tuple[str, str, str, str]:
    return (ut(row.body), ut(row.date), ut(row.range_text), str(row.count))


def meeting_cells(row: MeetingRow) -> tuple[Text, Text, Text, Text]:
    body, date, span, count = meeting_texts(row)
    return (Text(body), Text(date), Text(span), Text(count, justify="right"))


def add_meeting_columns(table: DataTable[Text], rows: list[MeetingRow]) -> None:
    """The meetings table's columns, as wide as their widest cell among `rows` (all of
    them, also those added after the first frame). Fixed widths: with auto widths the
    table measures its cells when idle, and a row painted before that stayed drawn with
    the columns as wide as their headings (seen as "Nämnd  2007-")."""
    labels = (COL_BODY, COL_DATE, COL_RANGE, COL_COUNT)
    # the distinct values only (a few bodies and ranges; every date is ten characters)
    distinct = [{r.body for r in rows}, {r.date for r in rows}, {r.range_text for r in rows}]
    distinct.append({str(r.count) for r in rows})
    for key, label, values in zip(
        ("body", "date", "range", "count"), labels, distinct, strict=True
    ):
        width = max([cell_len(label), *(cell_len(ut(value)) for value in values)])
        table.add_column(label, width=width, key=key)


def hit_content(hit: Hit) -> Content:
    """Two lines: body, date, § and title (title words marked); the snippet, words marked."""
    head = ut(f"{hit.body}  {hit.date}  § {hit.number}  ")
    first = Content(head).stylize("dim", 0, len(head) - len(f"§ {hit.number}  ") - 2)
    # visible() keeps C0 controls one character wide, so the spans still fit
    title = user_text(hit.title).stylize("bold")
    for start, end in hit.title_spans:
        title = title.stylize(HIGHLIGHT, start, end)
    snippet = user_text("  " + hit.snippet)
    for start, end in hit.spans:
        snippet = snippet.stylize(HIGHLIGHT, start + 2, end + 2)
    if hit.secret:  # the secretary's own archive: a secret § is found, and says so
        first = Content.assemble(Content(hit.secret_label + "  ").stylize("bold reverse"), first)
    return Content.assemble(first, title, "\n", snippet)


def counted(meetings: int, paragraphs: int) -> dict[str, str]:
    """COUNTS' and INDEXED's fields: "1 sammanträde", "2 sammanträden", "1 paragraf"."""
    return {
        "meetings": f"{meetings} {'sammanträde' if meetings == 1 else 'sammanträden'}",
        "paragraphs": f"{paragraphs} {'paragraf' if paragraphs == 1 else 'paragrafer'}",
    }


def problems_note(count: int) -> str:
    """The status line's "N filer kunde inte läsas", in the singular for one file."""
    return ONE_PROBLEM_NOTE if count == 1 else PROBLEMS_NOTE.format(n=count)


def problem_reason(problem: Problem, folder: Path) -> str:
    """The reason without the file's path, which its own column shows: "rad 165: …"."""
    message = (problem.message or "").replace(f"{folder}/", "")
    head, sep, rest = message.partition(": ")
    if sep and head == problem.path:
        return rest
    where, colon, line = head.rpartition(":")
    if sep and colon and where == problem.path and line.isdigit():
        return f"rad {line}: {rest}"
    return message


def add_problem_rows(
    table: DataTable[Text], problems: list[Problem], folder: Path, width: int
) -> None:
    """Path and reason, the reason wrapped to `width` (the screen's: the table may be
    hidden, of size 0): a reason cut at the edge ("TOML-syntaxfel: texten avslut") does
    not say what to fix."""
    table.clear(columns=True)
    paths = [ut(problem.path) for problem in problems]
    path_width = min(max([cell_len(COL_FILE), *(cell_len(p) for p in paths)]), 40)
    # two cells of padding per column and a scroll bar's width
    reason_width = max(20, width - path_width - 6)
    table.add_column(COL_FILE, width=path_width, key="path")
    table.add_column(COL_REASON, width=reason_width, key="reason")
    for path, problem in zip(paths, problems, strict=True):
        reason = Text(ut(problem_reason(problem, folder)))
        lines = max(
            len(Content(path).wrap(path_width)), len(Content(reason.plain).wrap(reason_width))
        )
        table.add_row(Text(path, overflow="fold"), reason, height=lines)


class IndexProgress(ProgressBar):
    """The index build's progress (hidden when there is nothing to parse)."""


class ArchiveScreen(Screen[None]):
    """Meetings table, search results, problems; one of them shown at a time."""

    BINDINGS = [
        Binding("slash,ctrl+f", "focus_search", KEY_SEARCH, id="archive.search"),
        Binding("escape", "show_meetings", KEY_MEETINGS, id="archive.meetings"),
        Binding("f", "show_problems", KEY_PROBLEMS, id="archive.problems"),
        Binding("q", "quit", KEY_QUIT, id="app.quit"),
    ]
    AUTO_FOCUS = "#meetings"
    # the search field's hint (63 cells) beside both selects needs 116 columns; narrower,
    # the field takes a row of its own under them
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (116, "-wide")]

    DEFAULT_CSS = """
    ArchiveScreen { layout: vertical; }
    ArchiveScreen #archive-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    ArchiveScreen #filters { height: auto; }
    ArchiveScreen #filters Select { width: 30; }
    ArchiveScreen #filters #year { width: 16; }
    ArchiveScreen #filters Input { width: 1fr; }
    ArchiveScreen.-narrow #filters { layout: grid; grid-size: 2; grid-columns: 1fr 16; }
    ArchiveScreen.-narrow #filters #body { width: 1fr; }
    ArchiveScreen.-narrow #filters Input { column-span: 2; }
    ArchiveScreen #views { height: 1fr; }
    ArchiveScreen #meetings, ArchiveScreen #results, ArchiveScreen #problems { height: 1fr; }
    ArchiveScreen #results > .option-list--option { padding: 0 1; }
    ArchiveScreen IndexProgress { height: 1; padding: 0 1; }
    ArchiveScreen IndexProgress Bar { width: 1fr; }
    ArchiveScreen #archive-status { height: 1; padding: 0 1; color: $text-muted; }
    ArchiveScreen #archive-status.-error { color: $error; }
    """

    def __init__(self, folder: Path, *, index: ArchiveIndex | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.index = index
        self.rows: list[MeetingRow] = []
        self.hits: list[Hit] = []
        self.building: tuple[int, int] | None = None  # (done, total) while the index builds
        self.index_busy = True  # the index worker runs (it is started on mount)
        self.problem_list: list[Problem] = []
        self._search_timer: Any = None
        self._fill_generation = 0  # bumped by every refill: a pending rest of rows is stale

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(
            user_text(TITLE.format(name=self.folder.name or str(self.folder))), id="archive-title"
        )
        with Horizontal(id="filters"):
            yield Select[str]([], prompt=ALL_BODIES, id="body")
            yield Select[str]([], prompt=ALL_YEARS, id="year")
            yield Input(placeholder=SEARCH_PLACEHOLDER, id="search")
        yield IndexProgress(show_eta=False, id="progress")
        with ContentSwitcher(initial="meetings", id="views"):
            table: DataTable[Text] = DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
            yield table
            yield OptionList(id="results")
            problems: DataTable[Text] = DataTable(id="problems", cursor_type="row")
            yield problems
        yield Static("", id="archive-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        add_meeting_columns(self.query_one("#meetings", DataTable), [])
        problems = self.query_one("#problems", DataTable)
        add_problem_rows(problems, [], self.folder, self.size.width)
        problems.border_title = PROBLEMS_TITLE
        self.query_one(IndexProgress).display = False
        if self.index is not None:
            self.refresh_meetings()  # what the index already holds, before any update
        self.update_index()

    # --- the index ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="index")
    def update_index(self) -> None:
        self.index_busy = True
        try:
            self._update_index()
        finally:
            self.index_busy = False

    def _update_index(self) -> None:
        worker = get_current_worker()
        try:
            if self.index is None:
                index = ArchiveIndex(self.folder)
                self.index = index
                self.app.call_from_thread(self.refresh_meetings)
            index = self.index
            if index.rebuilt:
                self.app.call_from_thread(self.set_status, REBUILT.format(reason=index.rebuilt))
            step = {"last": -1}

            def progress(done: int, total: int) -> None:
                if worker.is_cancelled:
                    raise _Cancelled
                # Redraw at most ~200 times, whatever the size of the archive.
                if done == total or done * 200 // total != step["last"]:
                    step["last"] = done * 200 // total
                    self.app.call_from_thread(self.show_progress, done, total)

            # The full check (every file, also one edited in place): once, when it opens.
            stats = index.update(progress=progress, full=True)
        except _Cancelled:
            return
        except (UserError, OSError, sqlite3.Error) as err:  # ArchiveError, disk trouble
            self.app.call_from_thread(self.index_failed, str(err))
            return
        self.app.call_from_thread(
            self.index_done, stats.seconds, bool(stats.parsed or stats.removed)
        )

    def show_progress(self, done: int, total: int) -> None:
        self.building = (done, total) if done < total else None
        bar = self.query_one(IndexProgress)
        if not bar.display:
            bar.display = True
            self.set_status(INDEXING.format(total=total))
        bar.update(total=total, progress=done)

    def index_done(self, seconds: float, changed: bool) -> None:
        self.building = None
        self.query_one(IndexProgress).display = False
        if changed or not self.rows:
            self.refresh_meetings()
        self.refresh_problems()
        if self.problem_list:
            self.set_status(problems_note(len(self.problem_list)))
        elif changed:
            meetings, paragraphs = self.index.counts() if self.index else (0, 0)
            self.set_status(INDEXED.format(**counted(meetings, paragraphs)))
        elif not self.rows:
            self.set_status(NO_MEETINGS)
        else:
            self.show_counts()
        if self.query_one("#search", Input).value.strip():
            self.schedule_search()

    def index_changed(self) -> None:
        """The folder check before a search found changed minutes: the lists anew."""
        self.refresh_meetings()
        self.refresh_problems()

    def index_failed(self, reason: str) -> None:
        self.building = None
        self.query_one(IndexProgress).display = False
        self.set_status(INDEX_FAILED.format(reason=reason), error=True)

    def set_status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#archive-status", Static)
        status.update(user_text(text))
        status.set_class(error, "-error")

    def show_counts(self) -> None:
        if self.index is None:
            return
        meetings, paragraphs = self.index.counts()
        self.set_status(COUNTS.format(**counted(meetings, paragraphs)))

    # --- meetings -----------------------------------------------------------------------

    def _filter_values(self) -> tuple[str, str]:
        body = self.query_one("#body", Select).value
        year = self.query_one("#year", Select).value
        return (
            body if isinstance(body, str) else "",
            year if isinstance(year, str) else "",
        )

    def refresh_meetings(self) -> None:
        if self.index is None:
            return
        body, year = self._filter_values()
        self.rows = rows = self.index.meetings(body=body, year=year)
        table = self.query_one("#meetings", DataTable)
        table.clear(columns=True)
        add_meeting_columns(table, rows)
        self._fill_generation += 1
        table.add_rows(meeting_cells(row) for row in rows[:FIRST_ROWS])
        if len(rows) > FIRST_ROWS:
            self.call_after_refresh(self._fill_rest, self._fill_generation, rows)
        self._refresh_filter_choices()

    def _fill_rest(self, generation: int, rows: list[MeetingRow]) -> None:
        """The rows after the first screenful, once the first of them have been painted."""
        if generation == self._fill_generation:  # else the table was refilled meanwhile
            table = self.query_one("#meetings", DataTable)
            table.add_rows(meeting_cells(row) for row in rows[FIRST_ROWS:])

    def _refresh_filter_choices(self) -> None:
        assert self.index is not None
        for select_id, values in (("#body", self.index.bodies()), ("#year", self.index.years())):
            select = self.query_one(select_id, Select)
            current = select.value
            with self.prevent(Select.Changed):
                select.set_options((Text(ut(v)), v) for v in values)
                if isinstance(current, str) and current in values:
                    select.value = current

    @on(Select.Changed)
    def _filter_changed(self) -> None:
        self.refresh_meetings()
        if self.query_one("#search", Input).value.strip():
            self.schedule_search()

    def refresh_problems(self) -> None:
        if self.index is None:
            return
        self.problem_list = self.index.problems()
        table = self.query_one("#problems", DataTable)
        add_problem_rows(table, self.problem_list, self.folder, self.size.width)

    def on_resize(self) -> None:
        if self.query_one(ContentSwitcher).current == "problems":
            self.refresh_problems()  # the reasons wrap to the new width

    # --- searching ----------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _typed(self) -> None:
        self.schedule_search()

    @on(Input.Submitted, "#search")
    def _submitted(self) -> None:
        self.run_search_now()
        if self.hits:
            self.query_one("#results", OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        """`down` in the search box goes to the results, as `enter` does."""
        if event.key == "down" and self.focused is self.query_one("#search", Input):
            event.stop()
            self._submitted()

    def schedule_search(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self.run_search_now)

    def run_search_now(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        text = self.query_one("#search", Input).value
        if not text.strip():
            self.action_show_meetings(clear=False)
            return
        try:
            query = parse_query(text)
        except QueryError as err:
            self.set_status(BAD_QUERY.format(reason=err.message), error=True)
            return
        body, year = self._filter_values()
        self.search_worker(restrict(query, body, year))

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def search_worker(self, query: Query) -> None:
        if self.index is None:
            return
        try:
            if not self.index_busy:  # (during the build: over the part indexed so far)
                # The folder check, as every `namndtui search` runs it: minutes written
                # (replaced atomically), added or removed since the screen opened are found.
                stats = self.index.update(full=False)
                if stats.parsed or stats.removed:
                    self.app.call_from_thread(self.index_changed)
            hits = self.index.search(query, limit=RESULT_LIMIT)
        except (UserError, OSError, sqlite3.Error) as err:  # a locked or vanished index
            self.app.call_from_thread(self.set_status, INDEX_FAILED.format(reason=err), error=True)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_hits, hits)

    def show_hits(self, hits: list[Hit]) -> None:
        self.hits = hits
        results = self.query_one("#results", OptionList)
        results.clear_options()
        results.add_options(Option(hit_content(hit)) for hit in hits)
        if hits:
            results.highlighted = 0
        self.query_one(ContentSwitcher).current = "results"
        if not hits:
            status = NO_HITS
        elif len(hits) >= RESULT_LIMIT:
            status = HITS_MORE.format(n=len(hits))
        else:
            status = ONE_HIT if len(hits) == 1 else HITS.format(n=len(hits))
        if self.building is not None:  # answered over the part indexed so far
            status += INCOMPLETE.format(done=self.building[0], total=self.building[1])
        self.set_status(status)

    # --- actions ------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        # At once, not by focus() (which moves it after the messages already queued): a
        # letter typed right after "/" went to the table and was lost ("/delegation"
        # searched for "elegation").
        self.set_focus(self.query_one("#search", Input))

    def action_show_meetings(self, clear: bool = True) -> None:
        search = self.query_one("#search", Input)
        if clear and search.value:
            with self.prevent(Input.Changed):
                search.value = ""
        self.hits = []
        self.query_one(ContentSwitcher).current = "meetings"
        self.query_one("#meetings", DataTable).focus()
        if self.problem_list:
            self.set_status(problems_note(len(self.problem_list)))
        else:
            self.show_counts()

    def action_show_problems(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        if switcher.current == "problems":
            self.action_show_meetings(clear=False)
            return
        self.refresh_problems()
        switcher.current = "problems"
        self.query_one("#problems", DataTable).focus()
        self.set_status(PROBLEMS_TITLE if self.problem_list else NO_PROBLEMS)

    def action_quit(self) -> None:
        self.app.exit(0)

    @on(DataTable.RowSelected, "#meetings")
    def _meeting_chosen(self, event: DataTable.RowSelected) -> None:
        row = event.cursor_row
        if 0 <= row < len(self.rows):
            self.open_paragraph(self.rows[row].path, None)

    @on(OptionList.OptionSelected, "#results")
    def _hit_chosen(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.hits):
            hit = self.hits[event.option_index]
            self.open_paragraph(hit.path, hit.item)

    def open_paragraph(self, rel: str, item_id: str | None) -> None:
        """Open the minutes read-only, at `item_id` (the first § when None)."""
        assert self.index is not None
        try:
            minutes: Minutes = self.index.load(rel)
        except (UserError, OSError) as err:  # changed on disk since indexing: explain
            from namndtui.tui.modals.dialogs import ErrorModal

            self.app.push_screen(ErrorModal(OPEN_FAILED.format(reason=ut(err))))
            return
        # the file the index loaded (load refuses absolute and '..' paths): no path is
        # built here from the index's text
        source = minutes.source
        path = Path(source) if source else self.index.folder
        self.post_message(ReviewRequested(minutes, path, item_id))  # the app opens it


class _Cancelled(Exception):
    """The app is closing while the index is being built (what was committed stays)."""


def restrict(query: Query, body: str, year: str) -> Query:
    """The query narrowed to the body and year chosen in the filter boxes."""
    from namndtui.archive.documents import fold

    if body:
        query.bodies.append(fold(body))
    if year:
        start, end = f"{year}-01-01", f"{year}-12-31"
        if not query.date_from or start > query.date_from:
            query.date_from = start
        if not query.date_to or end < query.date_to:
            query.date_to = end
    return query


class ArchiveReviewScreen(MeetingScreen):
    """The meeting screen of NamndApp, read-only, opened from the archive at one §."""

    BINDINGS = [
        Binding("escape", "back", KEY_BACK, id="archive.back"),
    ]

    def __init__(self, meeting: Meeting, item_id: str | None) -> None:
        super().__init__(meeting)
        self.start_item = item_id

    def on_mount(self) -> None:
        # Textual runs this before MeetingScreen.on_mount (which highlights the state's
        # current item), so the jump waits until the mount is over.
        self.call_after_refresh(self._jump)

    def _jump(self) -> None:
        if self.start_item and self.meeting.item(self.start_item) is not None:
            self.go_to_item(self.start_item)
            if self.view == "report":
                self.action_toggle_view()  # a search hit is about the § as minuted

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_quit(self) -> None:
        self.app.pop_screen()  # q leaves the review, back to the archive list
