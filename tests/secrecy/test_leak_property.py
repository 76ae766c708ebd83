"""The point of issue #16: a generated meeting with random secret items and random private
names planted in every field — item titles, Dnr, report sections, proposed decisions,
attachments, extra sections, motions, notes (text and author), reservations,
statements, decisions, referral reasons, the officials present, the justering place,
the meeting's place and förvaringsplats — leaks none of them into any public artefact
(protokoll-publicering.md and .html, every public extract), and the complete original
(protokoll.md + protokoll.toml) holds every one.

An item is secret in meeting.toml or by the secretary's marking during the meeting (the
`SecrecySet` event), or public, also when meeting.toml's secrecy was unmarked.

Every planted thing is a unique token (letters that occur in no Swedish word or phrase of
the minutes), so "it appears" is a plain substring test, independent of the leak
checker the export runs (which must not object either: `Publication.files` raises when
it does). Names are written as a text would: any case, any white space between the
words (a line break too), in the genitive.

The example is cheap (the suite runs 2,000 of them, docs/secrecy.md has the time):
Hypothesis draws the structure (how many items, which are secret, which acts happen)
and a seed for one `random.Random` that fills the fields; the meeting is built in memory, folded
without a journal, and rendered in-process.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from hypothesis import given
from hypothesis import strategies as st
from tests.secrecy.conftest import leak_settings

from namndtui.minutes.markdown import render_markdown
from namndtui.minutes.model import Minutes, numbered_paragraphs
from namndtui.minutes.protokoll_write import render_toml
from namndtui.model import Item, Meeting, Member, Section
from namndtui.record import events as ev
from namndtui.record.fold import fold
from namndtui.secrecy import publish
from namndtui.secrecy.check import plain_text
from namndtui.secrecy.marking import secrecy_ground
from namndtui.secrecy.mask import PERSONNUMMER

SEATS = ["Greta Norén", "Bertil Lax", "Hanna Ryd", "Kalle Sjö", "Lisa Törn"]
MEMBERS = tuple(
    [Member(name, party, role) for name, party, role in zip(
        SEATS, "SMVCD", ["ordförande", "vice ordförande", "ledamot", "ledamot", "ledamot"],
        strict=True,
    )] + [Member("Omar Hed", "S", "ersättare")]
)  # fmt: skip
_CODE = "bcdfghjklmnpqrstvwxz"
# Filler around the planted tokens: words, Markdown and HTML specials, line breaks; at
# most one word each, so no run of six words in a secret field is filler alone (the
# leak checker compares six-word runs, and filler could meet filler across fields).
FILLER = ["och", "att", "nämnden", "*", "_", "[", "]", "<b>", "#", "-", "+", "1.", "|",
          ">", "`", "\\", "&amp;", "\n", "\n\n", "(", ")", ",", "."]  # fmt: skip
# Public fields also get what must not be taken for a personnummer.
PUBLIC_FILLER = FILLER + ["Dnr 1.5.3-219-2012", "2018/KS 0290 10", "1 250 000 kr"]
GAPS = [" ", "  ", "\n", "\u00a0", " \n "]
ENDINGS = ["", "s", ":s", "'s"]


def code(n: int) -> str:
    """0 -> 'bbb', 1 -> 'bbc', …: a fixed-length code, so no token contains another."""
    out = ""
    for _ in range(3):
        n, r = divmod(n, len(_CODE))
        out = _CODE[r] + out
    return out


@dataclass
class Planter:
    """Fills fields with filler and planted things, remembering what it planted."""

    rng: random.Random
    names: list[str]  # the private persons of this meeting (personal_data)
    secrets: list[str] = field(default_factory=list)  # one unique token per secret field
    numbers: list[str] = field(default_factory=list)  # personnummer

    def name_form(self) -> str:
        first, last = self.rng.choice(self.names).split()
        case = self.rng.choice([str, str.upper, str.lower, str.title])
        return case(first + self.rng.choice(GAPS) + last) + self.rng.choice(ENDINGS)

    def personnummer(self) -> str:
        r = self.rng
        century = r.choice(["", "19", "20"])
        sep = r.choice(["-", "", "+"] if not century else ["-", ""])
        day = r.randint(1, 28) + r.choice([0, 60])  # 61–88: samordningsnummer
        return f"{century}{r.randint(0, 99):02d}{r.randint(1, 12):02d}{day:02d}{sep}{r.randint(0, 9999):04d}"

    def text(self, secret: bool) -> str:
        """A listed name (always in a public field), a fresh secret token (always in a
        secret field), sometimes a personnummer, among filler, in any order."""
        r = self.rng
        parts = r.choices(FILLER if secret else PUBLIC_FILLER, k=r.randint(0, 4))
        if not secret or r.random() < 0.5:
            parts.append(self.name_form())
        if secret:
            self.secrets.append(f"Zx{code(len(self.secrets))}qj")
            parts.append(self.secrets[-1])
        if r.random() < 0.25:
            self.numbers.append(self.personnummer())
            parts.append(self.numbers[-1])
        r.shuffle(parts)
        return " ".join(parts)

    def tokens(self) -> list[str]:
        """What must never be seen in public: each word of each name, each secret."""
        return [w for n in self.names for w in n.split()] + self.secrets


# How an item is secret or public: in meeting.toml, marked during the meeting (the S key,
# SecrecySet), or secret in meeting.toml but unmarked during the meeting (then public).
MODES = ["public", "toml", "marked", "unmarked"]
GROUND = "OSL 26 kap. 1 §"


def make_item(p: Planter, n: int, mode: str) -> Item:
    secret = mode in ("toml", "marked")

    def text() -> str:
        return p.text(secret)

    return Item(
        # an id made from a name, as import makes ids from titles
        id=f"arende-{code(n)}-{p.rng.choice(p.names).split()[1].lower()}",
        title=text(),
        dnr=text() if secret else f"SN 2026/{n:04d}",
        officer=text(),
        summary=text(),
        background=text(),
        proposal=text(),
        preparation=text(),
        proposed_decision=(text(), text()),
        attachments=(text(),),
        extra_sections=(Section(text(), text()),),
        category=text(),
        secrecy=GROUND if mode in ("toml", "unmarked") else "",
        public_title="Individärende" if secret and p.rng.random() < 0.5 else "",
    )


def item_events(p: Planter, it: Item, mode: str, acts: list[str], outcome: str) -> list[ev.Event]:
    secret = mode in ("toml", "marked")
    out: list[ev.Event] = []
    if mode in ("marked", "unmarked"):
        out.append(ev.SecrecySet(it.id, GROUND if mode == "marked" else ""))
    out.append(ev.ItemCalled(it.id, at="18:30"))
    for n, act in enumerate(acts, start=1):
        if act == "motion":
            out.append(ev.MotionMade(it.id, f"y{n}", SEATS[2], "eget", p.text(secret)))
        elif act == "note":
            out.append(ev.NoteAdded(it.id, p.text(secret), p.text(secret)))
        elif act == "member_note":
            out.append(ev.NoteAdded(it.id, p.text(secret), SEATS[0]))
        elif act == "statement":
            out.append(ev.StatementAdded(it.id, SEATS[3], p.text(secret)))
    if outcome == "decided":
        out.append(ev.DecisionRecorded(it.id, (p.text(secret), p.text(secret))))
        out.append(ev.ReservationMade(it.id, SEATS[4], p.text(secret)))
    elif outcome == "referred":
        out.append(ev.ItemReferredBack(it.id, p.text(secret)))
    elif outcome == "tabled":
        out.append(ev.ItemTabled(it.id))
    return out


ACTS = st.lists(st.sampled_from(["motion", "note", "member_note", "statement"]), max_size=4)
OUTCOMES = st.sampled_from(["decided", "referred", "tabled", "open"])


@st.composite
def meetings(draw) -> tuple[Minutes, Planter]:
    modes = draw(st.lists(st.sampled_from(MODES), min_size=1, max_size=4))
    plan = [(mode, draw(ACTS), draw(OUTCOMES)) for mode in modes]
    names = [f"Vy{code(n)}ra Qu{code(n)}sk" for n in range(draw(st.integers(1, 3)))]
    # One seed, not st.randoms(): every call of a Hypothesis Random is a draw of its own,
    # which made an example ten times dearer. The structure above still shrinks.
    p = Planter(random.Random(draw(st.integers(0, 2**32 - 1))), names)
    items = [make_item(p, n, mode) for n, mode in enumerate(modes)]
    events: list[ev.Event] = [ev.MeetingOpened("18:00")]
    events += [ev.AttendanceSet(name, True) for name in SEATS]
    events += [
        ev.OfficialPresent(p.name_form(), p.text(False)),
        ev.AdjustersChosen((SEATS[1],)),
        ev.JusteringPlanned("2026-12-14", "10:00", p.text(False)),
    ]
    order = draw(st.permutations(range(len(items))))
    for n in order:
        events += item_events(p, items[n], *plan[n])
    if draw(st.booleans()):
        events.append(ev.MeetingClosed("20:00"))
    meeting = Meeting(
        body="Socialnämnden",
        date=dt.date(2026, 12, 9),
        place=p.text(False),
        secretary="Maja Frisk",
        kept_at=p.text(False),
        members=MEMBERS,
        items=tuple(items),
        personal_data=tuple(names),
    )
    return Minutes(meeting, fold(meeting, events)), p


def public_artefacts(minutes: Minutes) -> dict[str, str]:
    """Name -> plain text of every public artefact of the record."""
    publication = publish.Publication(minutes)
    files = publication.files()  # raises PublicationLeak if the checker objects
    out = {
        publish.PUBLIC_MARKDOWN: plain_text(files[publish.PUBLIC_MARKDOWN], ".md"),
        publish.PUBLIC_HTML: plain_text(files[publish.PUBLIC_HTML], ".html"),
    }
    for _, para in numbered_paragraphs(minutes.meeting, minutes.state):
        out[f"utdrag § {para.number}"] = plain_text(publication.extract(para.number), ".md")
    return out


_SPACE = re.compile(r"\s+")


@leak_settings()
@given(meetings())
def test_nothing_planted_reaches_a_public_artefact(generated) -> None:
    minutes, planted = generated
    tokens = [t.casefold() for t in planted.tokens()]
    for name, text in public_artefacts(minutes).items():
        folded = text.casefold()
        leaked = [t for t in tokens if t in folded]
        assert not leaked, f"{name} innehåller {leaked}"
        compact = _SPACE.sub("", text)
        assert not [n for n in planted.numbers if n in compact], name
        assert PERSONNUMMER.search(text) is None, name
    original = (plain_text(render_markdown(minutes), ".md") + render_toml(minutes)).casefold()
    missing = [t for t in tokens if t not in original]
    assert not missing, f"originalet saknar {missing}"


# --- the archive: search --publicering ---------------------------------------------------------
# Its own property, with fewer examples (an example writes protokoll.toml and builds a
# SQLite index: ~35 ms in memory): the public search never returns a secret token, which
# the secretary's own search finds, in the secret §§ only, marked SEKRETESS. Names are not
# checked here: the archive indexes public §§ as written (docs/secrecy.md, "The archive").


@leak_settings(archive=True)
@given(meetings())
def test_search_publicering_returns_no_secret_text(generated) -> None:
    import os
    import tempfile
    from pathlib import Path

    from namndtui.archive.index import ArchiveIndex

    minutes, planted = generated
    secret_numbers = {
        p.number
        for item, p in numbered_paragraphs(minutes.meeting, minutes.state)
        if secrecy_ground(item, p)
    }
    # In memory where there is a tmpfs: the index fsyncs each build, which on a busy disk
    # costs a hundred times the CPU the example needs.
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=shm) as tmp:
        folder = Path(tmp) / "arkiv"
        folder.mkdir()
        (folder / "protokoll.toml").write_text(render_toml(minutes), encoding="utf-8")
        public = ArchiveIndex(folder, db_path=Path(tmp) / "index.sqlite", public=True)
        own = ArchiveIndex(folder, db_path=Path(tmp) / "index.sqlite")
        try:
            public.update()
            found_by_secretary = 0
            for token in planted.secrets:
                lines = [hit.line().casefold() for hit in public.search(token)]
                assert not [line for line in lines if token.casefold() in line], token
                hits = own.search(token)
                assert all(h.secret and h.number in secret_numbers for h in hits), token
                found_by_secretary += bool(hits)
            for hit in public.search("sekretess"):
                line = hit.line().casefold()
                assert not [t for t in planted.secrets if t.casefold() in line]
            assert found_by_secretary or not secret_numbers or not planted.secrets
        finally:
            public.close()
            own.close()


# --- the PDF ------------------------------------------------------------------------------------
# WeasyPrint takes about half a second per document: a few examples, the text layer read
# back with pypdf. Publication.files(pdf=True) also runs the leak check on that text layer.


@leak_settings(pdf=True)
@given(meetings())
def test_public_pdf_holds_nothing_planted(generated) -> None:
    from namndtui.secrecy.check import pdf_bytes_text

    minutes, planted = generated
    files = publish.Publication(minutes).files(pdf=True)
    text = pdf_bytes_text(files[publish.PUBLIC_PDF]).casefold()
    compact = _SPACE.sub("", text)
    leaked = [t for t in planted.tokens() if t.casefold() in compact]
    assert not leaked, leaked
