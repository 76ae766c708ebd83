"""`namndtui follow MEETING`: a live, read-only view of the meeting (docs/follow.md).

Two layouts, switched with `l`: **Sal** (the room's screen: the current § in large
digits, the motions, the voteringsproposition while a vote runs, the result, the
decision; secret items only by § and public title) and **Ordförande** (the agenda with
its marks, the current item's motions, the questions still to be put, quorum, who
serves). The app only shows: the journal is read by `record.follow.JournalFollower`
(only the appended bytes), when `record.watch.JournalWatch` (inotify) says it changed, or
else by a look (one stat) every `poll_interval` seconds; the text comes from
`namndtui.follow.view`. It never takes the writer's lock and never writes a file.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, Digits, Footer, Static

from namndtui.follow.view import ChairView, RoomView, chair_view, room_view
from namndtui.model import Meeting
from namndtui.record.follow import JournalFollower
from namndtui.record.watch import JournalWatch
from namndtui.tui import strings as S
from namndtui.tui.text import user_text, ut
from namndtui.tui.widgets.agenda import AGENDA_MARKS, STATUS_STYLES

SAL, CHAIR = "sal", "ordforande"
TALLY_LABELS = (("ja", S.FOLLOW_JA), ("nej", S.FOLLOW_NEJ), ("avstar", S.FOLLOW_AVSTAR))
# While a vote runs the room also sees the ballots not yet cast.
LEFT_LABEL = ("left", S.FOLLOW_LEFT)
POLL_INTERVAL = 0.15  # seconds between two looks at the journal (one stat each)
# With a watch (inotify) the kernel says when the journal changed; a look this often
# besides, in case an event is ever missed.
WATCHED_POLL_INTERVAL = 1.0
# From the kernel's word to the look: the event comes with the writer's `write`, while
# the writer still has its fsync, fold and screen to do; a follower reading at once
# would take the CPU from it on a small machine. 30 ms later the act is done (and a burst
# of events is one look).
WATCH_DELAY = 0.03


def _lines(heading: str, texts: tuple[str, ...] | list[str], empty: str = "") -> Content:
    """A bold heading and one line per text (user text never markup)."""
    parts = [Content.styled(heading, "bold")]
    parts += [user_text(t) for t in texts] if texts else ([Content(empty)] if empty else [])
    return Content("\n").join(parts)


def vote_content(view: RoomView) -> Content:
    """The box of Sal: while a vote runs and once it is counted, the question, the
    voteringsproposition, the tally and the result; before any vote, the beslutsgång's
    latest sentence (the chair's proposition and finding)."""
    vote = view.vote
    if vote is None:
        return Content("\n").join(
            [Content.styled(S.FOLLOW_PROCEEDINGS, "bold"), user_text(view.findings[-1])]
        )
    parts = [
        Content.styled(S.FOLLOW_VOTE_RUNNING if vote.open else S.FOLLOW_VOTE_COUNTED, "bold"),
        user_text(vote.question),
        user_text(vote.proposition, "bold"),
    ]
    if vote.result:
        parts.append(user_text(vote.result, "bold"))
    return Content("\n").join(parts)


def chair_vote_content(view: ChairView) -> Content:
    """The chair's running tally: 'Ja 2 · Nej 1 · Avstår 0 · Ej röstat 2' under the
    question and the voteringsproposition (none of a secret item), then the result."""
    vote = view.vote
    if vote is None:
        return Content("")
    ja, nej, avstar = vote.tally
    tally = S.VOTE_TALLY.format(ja=ja, nej=nej, avstar=avstar, left=vote.left)
    parts = [
        Content.styled(S.FOLLOW_VOTE_RUNNING if vote.open else S.FOLLOW_VOTE_COUNTED, "bold"),
        *(user_text(t) for t in (vote.question, vote.proposition) if t),
        Content.styled(tally, "bold"),
    ]
    if vote.result:
        parts.append(user_text(vote.result, "bold"))
    return Content("\n").join(parts)


class RoomPane(Vertical):
    """Sal: large text for the room."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="sal-head"):
            yield Static("§", id="sal-paragraph")
            yield Digits("", id="sal-number")
            yield Static(id="sal-status")
        yield Static(id="sal-title")
        yield Static(id="sal-banner", classes="sal-block")
        with Vertical(id="sal-vote", classes="sal-block"):
            yield Static(id="sal-vote-text")
            with Horizontal(id="sal-tally"):  # the tally in large digits
                for key, label in (*TALLY_LABELS, LEFT_LABEL):
                    yield Static(label, classes=f"tally-label tally-{key}")
                    yield Digits("0", id=f"tally-{key}", classes=f"tally-digits tally-{key}")
        yield Static(id="sal-decision", classes="sal-block")
        yield Static(id="sal-motions", classes="sal-block")

    def show(self, view: RoomView) -> None:
        number = "" if view.number is None else str(view.number)
        prefix = f"{view.prefix} §" if view.prefix else "§"
        self.query_one("#sal-paragraph", Static).update(Content(prefix if number else ""))
        self.query_one("#sal-number", Digits).update(number)
        self.query_one("#sal-status", Static).update(user_text(view.status.upper()))
        self.query_one("#sal-title", Static).update(user_text(view.title))
        banner = self.query_one("#sal-banner", Static)
        banner.set_class(bool(view.banner), "-shown")
        banner.update(Content(view.banner))
        vote = self.query_one("#sal-vote", Vertical)
        shown = view.vote is not None or bool(view.findings)
        vote.set_class(shown, "-shown")
        vote.set_class(view.vote is not None and not view.vote.open, "-counted")
        vote.set_class(view.vote is not None, "-voting")
        text = vote_content(view) if shown else Content("")
        self.query_one("#sal-vote-text", Static).update(text)
        tally = view.vote.tally if view.vote is not None else (0, 0, 0)
        left = view.vote.left if view.vote is not None else 0
        for (key, _), count in zip((*TALLY_LABELS, LEFT_LABEL), (*tally, left), strict=True):
            self.query_one(f"#tally-{key}", Digits).update(str(count))
        decision = Content("")
        if view.secret:
            decision = Content(S.FOLLOW_SECRET)
        elif view.decision:
            decision = _lines(S.FOLLOW_DECISION, view.decision)
        self.query_one("#sal-decision", Static).update(decision)
        motions = _lines(S.FOLLOW_MOTIONS, view.motions) if view.motions else Content("")
        self.query_one("#sal-motions", Static).update(motions)


def agenda_content(view: ChairView) -> Content:
    """One line per item: '§ 124 ✓ Title' with the agenda's marks ('S ' before the title
    of a secret item, so a long title cannot hide it); the current in reverse."""
    lines = []
    for line in view.agenda:
        mark = AGENDA_MARKS.get(line.status, "·")
        number = Content((line.number or "").ljust(6))
        row = Content.assemble(
            number,
            Content.styled(mark, STATUS_STYLES.get(line.status, "")),
            " ",
            Content.styled("S ", "bold $text-error") if line.secret else "",
            user_text(line.title),
        )
        lines.append(row.stylize("reverse") if line.current else row)
    return Content("\n").join(lines)


def top_line(first: str, rest: str, width: int) -> Content:
    """`first · rest` in `width` cells. When it does not fit, the first part (the board's
    name, which everyone in the room knows) gives way, not where the meeting stands or the
    quorum; too narrow even for that, the widget's own ellipsis cuts the end."""
    head, tail = user_text(first), user_text(f" · {ut(rest)}")
    room = width - tail.cell_length
    if head.cell_length > room >= 2:
        head = head.truncate(room, ellipsis=True)
    return Content.assemble(head, tail)


class TopLine(Static):
    """The top line, fitted to its width at every draw (so also after a resize)."""

    parts: tuple[str, str] = ("", "")

    def show(self, first: str, rest: str) -> None:
        self.parts = (first, rest)
        self.refresh()

    def render(self) -> Content:
        return top_line(*self.parts, self.content_size.width)


class ChairPane(Horizontal):
    """Ordförande: the agenda beside the current item."""

    def compose(self) -> ComposeResult:
        agenda = VerticalScroll(Static(id="chair-agenda-lines"), id="chair-agenda")
        agenda.border_title = S.FOLLOW_AGENDA
        yield agenda
        with VerticalScroll(id="chair-item"):
            yield Static(id="chair-title", classes="chair-heading")
            yield Static(id="chair-vote")
            yield Static(id="chair-recused")
            yield Static(id="chair-motions")
            yield Static(id="chair-to-put")
            yield Static(id="chair-quorum", classes="chair-heading")
            yield Static(id="chair-serving")

    def show(self, view: ChairView) -> None:
        self.query_one("#chair-agenda-lines", Static).update(agenda_content(view))
        self.query_one("#chair-title", Static).update(user_text(view.title))
        vote = self.query_one("#chair-vote", Static)
        vote.set_class(view.vote is not None, "-shown")
        vote.set_class(view.vote is not None and not view.vote.open, "-counted")
        vote.update(chair_vote_content(view))
        recused = self.query_one("#chair-recused", Static)
        recused.display = bool(view.recused)
        recused.update(_lines(S.FOLLOW_RECUSED, view.recused))
        self.query_one("#chair-motions", Static).update(
            _lines(S.FOLLOW_MOTIONS, view.motions, S.FOLLOW_NO_MOTIONS)
        )
        self.query_one("#chair-to-put", Static).update(
            _lines(S.FOLLOW_TO_PUT, view.to_put, S.FOLLOW_NONE_TO_PUT)
        )
        style = "" if view.quorum_ok else "bold $text-error"
        self.query_one("#chair-quorum", Static).update(Content.styled(view.quorum, style))
        self.query_one("#chair-serving", Static).update(_lines(S.FOLLOW_SERVING, view.serving))


class FollowApp(App[int]):
    """Follows `folder/journal.jsonl` of `meeting`; shows, never writes."""

    CSS_PATH = str(Path(__file__).with_name("follow.tcss"))  # also for subclasses
    TITLE = S.FOLLOW_TITLE
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("l", "toggle_layout", S.FOLLOW_KEY_LAYOUT, tooltip=S.FOLLOW_HELP_LAYOUT, id="follow.layout"),
        Binding("q", "quit", S.FOLLOW_KEY_QUIT, id="app.quit"),
    ]  # fmt: skip

    def __init__(
        self,
        meeting: Meeting,
        folder: Path,
        *,
        layout: str = SAL,
        room_only: bool = False,
        poll_interval: float | None = POLL_INTERVAL,
        watch: bool = True,
    ) -> None:
        super().__init__()
        self.follower = JournalFollower(meeting, Path(folder))
        self.layout = SAL if room_only else layout
        self.room_only = room_only
        self.poll_interval = poll_interval
        self.use_watch = watch
        self.watch: JournalWatch | None = None  # open while the app runs, where possible
        self._look: asyncio.TimerHandle | None = None  # a look due after a watch event
        self.repaints = 0  # views drawn because what they show changed (tests, benchmark)
        self._shown: tuple[object, ...] = ()  # (layout, view, top line, problem) drawn last

    def compose(self) -> ComposeResult:
        yield TopLine(id="follow-top")
        with ContentSwitcher(initial=self.layout, id="layouts"):
            yield RoomPane(id=SAL)
            yield ChairPane(id=CHAIR)
        yield Static(id="follow-problem")
        yield Footer()

    def on_mount(self) -> None:
        self.follower.poll()
        self.show_state()
        if not self.poll_interval:  # None in tests that drive `poll_journal` themselves
            return
        interval = self.poll_interval
        path = self.follower.path
        if self.use_watch and (watch := JournalWatch.open(path.parent, path.name)):
            self.watch = watch
            asyncio.get_running_loop().add_reader(watch.fileno(), self._watched)
            interval = max(interval, WATCHED_POLL_INTERVAL)
        self.set_interval(interval, self.poll_journal)

    def _watched(self) -> None:
        """The watch's descriptor is readable: if it was about the journal, look at it
        WATCH_DELAY later (one look for a burst)."""
        if self.watch is not None and self.watch.changed() and self._look is None:
            self._look = asyncio.get_running_loop().call_later(WATCH_DELAY, self._watched_look)

    def _watched_look(self) -> None:
        self._look = None
        self.call_next(self.poll_journal)

    def on_unmount(self) -> None:
        if self._look is not None:
            self._look.cancel()
        if self.watch is not None:
            asyncio.get_running_loop().remove_reader(self.watch.fileno())
            self.watch.close()
            self.watch = None

    def poll_journal(self) -> bool:
        """Look at the journal once; repaint when it changed. True when it did."""
        if not self.follower.poll():
            return False
        self.show_state()
        return True

    def show_state(self) -> None:
        """Draw the view of the follower's state; widgets are touched only when what the
        layout shows changed (a note, the `o` key or an attendance change show nothing on
        Sal: nothing is redrawn), so an act costs a follower little more than the fold."""
        follower = self.follower
        meeting, state = follower.meeting, follower.state
        view: RoomView | ChairView
        if self.layout == SAL:
            view = room_view(meeting, state)
            top = (view.body, view.sitting)
        else:
            view = chair_view(meeting, state)
            top = (meeting.body, f"{view.sitting} · {view.quorum}")
        shown = (self.layout, view, top, follower.problem)
        if shown != self._shown:
            self._shown = shown
            if isinstance(view, RoomView):
                self.query_one(RoomPane).show(view)
            else:
                self.query_one(ChairPane).show(view)
            self.query_one(TopLine).show(*top)
            problem = self.query_one("#follow-problem", Static)
            problem.set_class(bool(follower.problem), "-shown")
            problem.update(Content(ut(follower.problem)))
            self.repaints += 1
        if notice := follower.take_notice():
            self.notify(notice, markup=False)

    def action_toggle_layout(self) -> None:
        if self.room_only:
            self.notify(S.FOLLOW_ROOM_ONLY, markup=False)
            return
        self.layout = CHAIR if self.layout == SAL else SAL
        self.query_one(ContentSwitcher).current = self.layout
        self.show_state()
