"""protokoll.md: the minutes in the layout Swedish municipalities use, as CommonMark.

Layout (docs/minutes.md): a header block (body, date, time with breaks, place, who decided,
serving substitutes "för …" with §§ when partial, substitutes, others present, changes in
attendance, secretary, adjusters, time and place of justering, §§ range), the signatures,
then one `## § N Title` per paragraph, then the notice block (Bevis om anslag).

Every piece of user text goes through `escape_md`, so a title, a name or a motion can never
turn into a heading, a list, a table cell border, a link or raw HTML. The output parses as
CommonMark (plus GFM tables, used for the vote tables).
"""

from __future__ import annotations

import re

from namndtui.minutes.model import (
    Attendee,
    Minutes,
    active_motion,
    attendance,
    clock,
    effective_decision,
    immediate,
    member_genitive,
    member_label,
    notice_dates,
    number_ranges,
    numbered_paragraphs,
    paragraph_range,
    presiding_chair,
    time_text,
)
from namndtui.model import Item, Meeting, Member
from namndtui.record.events import MOTION_KINDS
from namndtui.record.state import (
    DECIDED,
    REFERRED_BACK,
    TABLED,
    Correction,
    Motion,
    Paragraph,
    RecordState,
    VoteRound,
)
from namndtui.secrecy.marking import (
    ORIGINAL_NOTICE,
    PUBLIC_NOTICE,
    any_secret,
    secrecy_ground,
    secret_sentence,
)
from namndtui.textcheck import visible

SIGNATURE_LINE = "……………………………………"
SIGNATURES_HEADING = "Underskrifter"
NOTICE_HEADING = "Bevis om anslag"
EXTRACT_HEADING = "Protokollsutdrag"

# --- escaping ---------------------------------------------------------------------------------

# Characters that can start markup anywhere in a line (backslash-escaped everywhere).
_ALWAYS = frozenset("\\`*_[]<>|~&#")
# Characters that only matter at the start of a line (lists, setext underlines, tables).
_LINE_START = frozenset("-+=:")
_ORDERED = re.compile(r"(\d{1,9})([.)])")
# Control characters cannot be written (not even as character references) in CommonMark
# and must never reach a file or terminal raw: they are shown as their Control Pictures
# (ESC -> "␛", C1 -> "⟨U+009B⟩"; namndtui.textcheck.visible), never dropped silently.


def _escape_line(line: str) -> str:
    # Leading/trailing whitespace would be stripped (or make an indented code block), so
    # it is written as numeric character references, which CommonMark decodes to the same.
    stripped = line.strip()
    if not stripped:
        return "".join(f"&#{ord(c)};" for c in line)
    lead = line[: len(line) - len(line.lstrip())]
    trail = line[len(line.rstrip()) :]
    core = "".join("\\" + c if c in _ALWAYS else c for c in stripped)
    if core[0] in _LINE_START:
        core = "\\" + core
    elif m := _ORDERED.match(core):
        core = f"{m.group(1)}\\{m.group(2)}{core[m.end() :]}"
    return "".join(f"&#{ord(c)};" for c in lead) + core + "".join(f"&#{ord(c)};" for c in trail)


def escape_md(text: str) -> str:
    """User text as inline CommonMark that reads back as exactly `text`.

    Newlines (also CR LF and CR) become hard line breaks (a backslash at the end of the
    line); other control characters are made visible (`textcheck.visible`: ESC -> "␛");
    newlines at the very start or end are dropped.
    """
    text = visible(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.strip("\n")  # a paragraph cannot start or end with a line break
    return "\\\n".join(_escape_line(line) for line in text.split("\n"))


def md_paragraphs(text: str) -> list[str]:
    """Report text (paragraphs split by blank lines) as escaped Markdown paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = re.split(r"\n[ \t]*\n", text.strip("\n"))
    return [escape_md(p.strip("\n")) for p in parts if p.strip()]


def md_list(lines: list[str], *, ordered: bool = False) -> str:
    """Already-escaped inline lines as a list (continuation lines indented)."""
    out = []
    for n, line in enumerate(lines, start=1):
        marker = f"{n}. " if ordered else "- "
        out.append(marker + line.replace("\n", "\n" + " " * len(marker)))
    return "\n".join(out)


def _join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " och " + names[-1]


def _end(sentence: str) -> str:
    """Add a full stop unless the (raw) text already ends a sentence."""
    return sentence if sentence.rstrip().endswith((".", "!", "?", ":")) else sentence + "."


def _label(meeting: Meeting, name: str) -> str:
    return escape_md(member_label(meeting, name))


# --- the header -------------------------------------------------------------------------------


def _time_line(meeting: Meeting, state: RecordState) -> str:
    start = state.opened_at or time_text(meeting.start)
    if not start:
        return ""
    text = f"kl. {clock(start)}"
    if state.closed_at:
        text += f"–{clock(state.closed_at)}"
    # A break resumed the minute it began (A pressed twice) is no break worth a line.
    breaks = [f"{clock(a)}–{clock(b)}" if b else f"{clock(a)}–" for a, b in state.breaks if a != b]
    if breaks:
        text += ", ajournering kl. " + _join_names(breaks)
    return escape_md(text)


def _attendee_line(meeting: Meeting, row: Attendee, chair: Member | None) -> str:
    text = row.member.label
    if chair is not None and chair.name == row.member.name and not chair.is_chair:
        text += ", tjänstgörande ordförande"
    elif row.member.role not in ("ledamot", "ersättare"):
        text += f", {row.member.role}"
    if row.for_member:
        text += f" för {member_label(meeting, row.for_member)}"
    if row.partial:
        text += f", {number_ranges(row.numbers)}"
    return escape_md(text)


def _change_line(meeting: Meeting, state: RecordState, change) -> str:
    who = member_label(meeting, change.member)
    para = state.paragraphs.get(change.item)
    where = ""
    if para is not None and para.number is not None:
        where = f"§ {para.number}"
    elif (item := meeting.item(change.item)) is not None:
        where = f"ärendet {item.title}"
    at = f" kl. {clock(change.at)}" if change.at else ""
    if change.kind == "arrived":
        text = f"{who} anländer{at}" + (f" och deltar från och med {where}" if where else "")
    elif change.kind == "left":
        text = f"{who} lämnar sammanträdet{at}" + (
            f" och deltar inte från och med {where}" if where else ""
        )
    elif change.kind == "serves":
        text = f"{who} tjänstgör för {member_label(meeting, change.for_member)}" + (
            f" från och med {where}" if where else " från sammanträdets början"
        )
    else:
        text = f"{who} slutar tjänstgöra" + (f" från och med {where}" if where else "")
    return escape_md(text + ".")


def _field(label: str, value_md: str) -> str:
    return f"**{label}:** {value_md}"


def _justering_text(state: RecordState) -> str:
    parts = []
    if state.justering_date:
        parts.append(state.justering_date)
    if state.justering_time:
        parts.append(f"kl. {clock(state.justering_time)}")
    text = " ".join(parts)
    if state.justering_place:
        text = f"{text}, {state.justering_place}" if text else state.justering_place
    return escape_md(text) if text else "ej bestämt"


def header_blocks(meeting: Meeting, state: RecordState, *, full: bool = True) -> list[str]:
    """The header of the minutes; `full=False` gives the short header of an extract."""
    blocks = [f"# {escape_md(meeting.body)}", "**Protokoll**" if full else f"**{EXTRACT_HEADING}**"]
    blocks.append(_field("Sammanträdesdatum", meeting.date.isoformat()))
    if time := _time_line(meeting, state):
        blocks.append(_field("Tid", time))
    if meeting.place:
        blocks.append(_field("Plats", escape_md(meeting.place)))
    if not full:
        return blocks
    people = attendance(meeting, state)
    groups = [
        ("Beslutande", people.deciding),
        ("Tjänstgörande ersättare", people.substitutes_serving),
        ("Närvarande ledamöter, ej tjänstgörande", people.not_serving),
        ("Ersättare", people.substitutes_present),
    ]
    chair = presiding_chair(meeting, state)
    for title, rows in groups:
        if rows:
            lines = [_attendee_line(meeting, r, chair) for r in rows]
            blocks += [f"**{title}**", md_list(lines)]
    others = state.officials or [(o.name, o.title) for o in meeting.officials]
    if others:
        lines = [escape_md(f"{n}, {t}" if t else n) for n, t in others]
        blocks += ["**Övriga närvarande**", md_list(lines)]
    changes = [c for c in state.changes if c.item or c.kind != "serves"]
    if changes:
        lines = [_change_line(meeting, state, c) for c in changes]
        blocks += ["**Närvaro under sammanträdet**", md_list(lines)]
    if meeting.secretary:
        blocks.append(_field("Sekreterare", escape_md(meeting.secretary)))
    if state.adjusters:
        names = _join_names([member_label(meeting, a) for a in state.adjusters])
        blocks.append(_field("Justerare", escape_md(names)))
    blocks.append(_field("Justeringens tid och plats", _justering_text(state)))
    if rng := paragraph_range(meeting, state):
        blocks.append(_field("Paragrafer", number_ranges(list(range(rng[0], rng[1] + 1)))))
    return blocks


def signature_block(role: str, name: str) -> list[str]:
    blocks = [role, SIGNATURE_LINE]
    if name:
        blocks.append(escape_md(name))
    return blocks


def signature_blocks(meeting: Meeting, state: RecordState) -> list[str]:
    chair = presiding_chair(meeting, state)
    blocks = [f"## {SIGNATURES_HEADING}"]
    blocks += signature_block("Sekreterare", meeting.secretary)
    blocks += signature_block("Ordförande", chair.name if chair else "")
    for name in state.adjusters or [""]:
        blocks += signature_block("Justerare", name)
    return blocks


# --- one paragraph --------------------------------------------------------------------------

_WITH_TEXT = {
    "bifall": "bifall",
    "avslag": "avslag",
    "återremiss": "återremiss",
    "bordläggning": "bordläggning",
    "ändring": "ändring",
    "tillägg": "tillägg",
    "eget": "bifall till eget förslag",
}
_WITHOUT_TEXT = dict(_WITH_TEXT, bifall="bifall till förvaltningens förslag")
_REF_NOUN = {
    "bifall": "bifallsyrkande",
    "avslag": "avslagsyrkande",
    "återremiss": "återremissyrkande",
    "bordläggning": "bordläggningsyrkande",
    "ändring": "ändringsyrkande",
    "tillägg": "tilläggsyrkande",
    "eget": "förslag",
}


def motion_sentence(meeting: Meeting, motion: Motion) -> str:
    """'Anna Ek (M) yrkar avslag. Per Ås (V) instämmer.' (escaped Markdown)."""
    who = member_label(meeting, motion.by)
    text = motion.text.strip()
    if text:
        kind = _WITH_TEXT.get(motion.kind, motion.kind)
        sentence = escape_md(f"{who} yrkar {kind}:") + " " + escape_md(_end(text))
    else:
        kind = _WITHOUT_TEXT.get(motion.kind, MOTION_KINDS.get(motion.kind, motion.kind))
        sentence = escape_md(f"{who} yrkar {kind}.")
    if motion.joined:
        names = _join_names([member_label(meeting, j) for j in motion.joined])
        sentence += " " + escape_md(f"{names} instämmer.")
    return sentence


def motion_ref(meeting: Meeting, para: Paragraph, motion_id: str) -> str:
    """How the minutes name a motion: 'Anna Eks (M) avslagsyrkande' (raw text)."""
    motion = active_motion(para, motion_id)
    if motion is None:
        return "förvaltningens förslag"
    noun = _REF_NOUN.get(motion.kind, "yrkande")
    return f"{member_genitive(meeting, motion.by)} {noun}"


PROPOSAL_REF = "förvaltningens förslag"
# Motions that stand against the proposed decision; when no one moves bifall, the proposed
# decision is still the other proposal the chair puts them against.
_AGAINST_PROPOSAL = {"avslag", "ändring", "eget"}


def proposal_stands_implicitly(item: Item, para: Paragraph, order: list[str]) -> bool:
    """The item's proposed decision is a proposal of its own in the proposition: nobody
    moved bifall, and an avslag, ändring or eget motion stands against it.

    ("Ordföranden ställer proposition på förvaltningens förslag och Per Almqvists (V)
    avslagsyrkande …"). Only the wording: the record is unchanged.
    """
    if not item.proposed_decision:
        return False
    kinds = {m.kind for mid in order if (m := active_motion(para, mid)) is not None}
    return "bifall" not in kinds and bool(kinds & _AGAINST_PROPOSAL)


def _decided_as_proposed(item: Item, para: Paragraph) -> bool:
    """Decided without a vote, word for word as proposed (the record has no finding for
    the proposed decision: `b` records it as the decision)."""
    return (
        para.status == DECIDED
        and not para.votes
        and tuple(para.decision or ()) == tuple(item.proposed_decision)
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def vote_blocks(meeting: Meeting, para: Paragraph, vote: VoteRound, *, main: bool) -> list[str]:
    ref = lambda mid: motion_ref(meeting, para, mid)  # noqa: E731
    blocks = []
    if vote.counter:
        intro = (
            "Kontrapropositionsvotering om vilket förslag som ska ställas mot huvudförslaget. "
            f"Nämnden godkänner följande propositionsordning: Ja-röst för {ref(vote.yes)}, "
            f"nej-röst för {ref(vote.no)}."
        )
    else:
        intro = (
            ("Huvudvotering. " if main else "")
            + f"Nämnden godkänner följande propositionsordning: Ja-röst för {ref(vote.yes)}, "
            f"nej-röst för {ref(vote.no)}."
        )
    blocks.append(escape_md(intro))
    if vote.votes:
        rows = ["| Ledamot | Ja | Nej | Avstår |", "| --- | :-: | :-: | :-: |"]
        for name, choice in vote.votes.items():
            marks = ["X" if choice == c else "" for c in ("ja", "nej", "avstår")]
            rows.append(f"| {_label(meeting, name)} | " + " | ".join(marks) + " |")
        blocks.append("\n".join(rows))
    if not vote.closed:
        blocks.append("Omröstningen pågår.")
        return blocks
    ja, nej, avstar = vote.tally()
    winner = vote.winner
    outcome = (
        f"utser nämnden {ref(winner)} till motförslag i huvudvoteringen"
        if vote.counter
        else f"beslutar nämnden enligt {ref(winner)}"
    )
    if not winner:
        text = f"Rösterna är lika, {ja}–{nej}, och ingen utslagsröst är registrerad."
    elif ja == nej:
        text = (
            f"Rösterna är lika, {ja}–{nej}. Ordföranden använder sin utslagsröst "
            f"({vote.casting}-röst), och därmed {outcome}."
        )
    else:
        text = (
            f"Med {_count(ja, 'ja-röst', 'ja-röster')} mot "
            f"{_count(nej, 'nej-röst', 'nej-röster')} {outcome}."
        )
    if avstar:
        text += f" {_count(avstar, 'ledamot', 'ledamöter')} avstår från att rösta."
    blocks.append(escape_md(text))
    return blocks


def decision_blocks(item: Item, para: Paragraph) -> list[str]:
    if para.status == TABLED:
        return ["Ärendet bordläggs."]
    if para.status == REFERRED_BACK:
        blocks = ["Ärendet återremitteras till förvaltningen."]
        if para.referral_reason.strip():
            blocks += md_paragraphs("Motivering: " + para.referral_reason.strip())
        return blocks
    points = effective_decision(item, para)
    if not points:
        return ["Inget beslut är registrerat."]
    if len(points) == 1:
        return md_paragraphs(points[0]) or ["Inget beslut är registrerat."]
    return [md_list([escape_md(p.strip()) for p in points], ordered=True)]


def _text_blocks(lead: str, text: str) -> list[str]:
    """A lead sentence (raw) followed by the paragraphs of `text`."""
    return ([escape_md(lead)] if lead else []) + md_paragraphs(text)


def paragraph_blocks(
    meeting: Meeting, state: RecordState, item: Item, para: Paragraph, *, public: bool = False
) -> list[str]:
    """The blocks of one § as it reads in the minutes (`public`: the web version, where
    a secret § is its heading and the secrecy sentence only)."""
    number = f"§ {para.number}" if para.number is not None else "§ –"
    blocks = [f"## {number} {escape_md(item.title.replace(chr(10), ' '))}"]
    ground = secrecy_ground(item, para)
    if ground and public:
        return blocks + [escape_md(secret_sentence(ground))]
    if ground:
        blocks.append(_field("Sekretess", escape_md(ground)))
    if item.dnr:
        blocks.append(escape_md(item.dnr_label))
    blocks += ["**Beslut**", *decision_blocks(item, para)]
    if item.summary:
        blocks += ["**Ärendet**", *md_paragraphs(item.summary)]
    motions = para.active_motions
    if motions:
        blocks += ["**Yrkanden**", *[motion_sentence(meeting, m) for m in motions]]
    order = [m for m in para.proposition_order if active_motion(para, m)] or [m.id for m in motions]
    if order:
        implicit = proposal_stands_implicitly(item, para, order)
        refs = [motion_ref(meeting, para, m) for m in order]
        if implicit:
            refs.insert(0, PROPOSAL_REF)
        text = f"Ordföranden ställer proposition på {_join_names(refs)}"
        if para.finding:
            text += (
                f" och finner att nämnden beslutat enligt {motion_ref(meeting, para, para.finding)}"
            )
        elif implicit and _decided_as_proposed(item, para):
            text += f" och finner att nämnden beslutat enligt {PROPOSAL_REF}"
        text += "."
        if para.votes:
            demanded = para.votes[0].demanded_by
            text += (
                f" Votering begärs av {member_label(meeting, demanded)}."
                if demanded
                else " Votering begärs."
            )
        blocks += ["**Propositionsordning**", escape_md(text)]
    if para.votes:
        blocks.append("**Omröstning**")
        main_vote = any(v.counter for v in para.votes)
        for vote in para.votes:
            blocks += vote_blocks(meeting, para, vote, main=main_vote and not vote.counter)
    if para.reservations:
        blocks.append("**Reservation**")
        for res in para.reservations:
            lead = f"{member_label(meeting, res.member)} reserverar sig mot beslutet"
            if res.motion:
                lead += " till förmån för eget yrkande"
            lead += " och lämnar följande skriftliga reservation:" if res.text.strip() else "."
            blocks += _text_blocks(lead, res.text)
    if para.notes:
        blocks.append("**Protokollsanteckning**")
        for note in para.notes:
            lead = (
                f"{member_label(meeting, note.by)} lämnar följande protokollsanteckning:"
                if note.by
                else ""
            )
            blocks += _text_blocks(lead, note.text)
    if para.statements:
        blocks.append("**Särskilt uttalande**")
        for st in para.statements:
            blocks += _text_blocks(
                f"{member_label(meeting, st.by)} lämnar följande särskilda uttalande:", st.text
            )
    if para.recusals:
        blocks.append("**Jäv**")
        for rec in para.recusals:
            text = (
                f"{member_label(meeting, rec.member)} anmäler jäv och deltar inte i handläggningen."
            )
            if rec.substitute:
                text += (
                    f" I {member_genitive(meeting, rec.member)} ställe tjänstgör "
                    f"{member_label(meeting, rec.substitute)}."
                )
            blocks.append(escape_md(text))
    if immediate(item, para):
        blocks.append("Paragrafen förklaras omedelbart justerad.")
    if para.corrections:
        blocks.append("**Rättelse**")
        blocks.append(md_list([correction_line(c) for c in para.corrections]))
    return blocks


def correction_line(c: Correction) -> str:
    """'Rättelse 2024-03-08 10:12 (beslut): Månaden saknades i beslutet.'"""
    when = f" {c.time}" if c.time else ""
    what = f" ({c.description})" if c.description else ""
    return escape_md(f"Rättelse{when}{what}: {_end(c.reason.strip() or 'skäl ej angivet')}")


def render_paragraph_markdown(meeting: Meeting, state: RecordState, item_id: str) -> str:
    """One § exactly as the minutes will read it (for the live Protokoll view)."""
    item = meeting.item(item_id)
    if item is None:
        raise KeyError(item_id)
    return "\n\n".join(paragraph_blocks(meeting, state, item, state.paragraph(item_id))) + "\n"


# --- the notice -------------------------------------------------------------------------------


def notice_blocks(meeting: Meeting, state: RecordState) -> list[str]:
    d = notice_dates(meeting, state)
    blocks = [f"## {NOTICE_HEADING}"]
    if d.justered is None:
        blocks.append(
            "**Protokollet är ännu inte justerat.** Justering ska ske senast "
            f"{d.justering_due.isoformat()}. Datum för anslag och sista dag för överklagande "
            "anges när protokollet har justerats."
        )
    else:
        blocks.append(
            "Justeringen av protokollet har tillkännagetts på nämndens anslagstavla."
            if d.posted
            else "Protokollet är justerat. Justeringen har ännu inte tillkännagetts på anslagstavlan."
        )
    blocks.append(_field("Organ", escape_md(meeting.body)))
    blocks.append(_field("Sammanträdesdatum", meeting.date.isoformat()))
    if d.justered is not None:
        blocks.append(_field("Datum för justering", d.justered.isoformat()))
        if d.posted is not None:
            blocks.append(_field("Datum för anslag", d.posted.isoformat()))
        elif d.notice_due is not None:
            blocks.append(
                _field("Datum för anslag", f"ej registrerat (senast {d.notice_due.isoformat()})")
            )
    if meeting.kept_at:
        blocks.append(_field("Förvaringsplats för protokollet", escape_md(meeting.kept_at)))
    if d.appeal_last_day is not None:
        blocks.append(_field("Sista dag för överklagande", d.appeal_last_day.isoformat()))
    elif d.justered is not None:
        blocks.append(
            _field(
                "Sista dag för överklagande",
                "tre veckor från dagen för anslag (anges när anslaget är registrerat)",
            )
        )
    if d.justered is not None:
        blocks += ["Underskrift", SIGNATURE_LINE]
        if meeting.secretary:
            blocks.append(escape_md(meeting.secretary))
    return blocks


# --- the whole minutes ----------------------------------------------------------------------


def secrecy_notice_blocks(
    minutes: Minutes, paragraphs: list[tuple[Item, Paragraph]] | None = None
) -> list[str]:
    """The personal-data notice of a public version; the secrecy mark of an original in
    which any of `paragraphs` (default: all) is secret; none otherwise."""
    if minutes.public:
        return [PUBLIC_NOTICE]
    if paragraphs is None:
        paragraphs = numbered_paragraphs(minutes.meeting, minutes.state)
    if any_secret(paragraphs):
        return [f"**{ORIGINAL_NOTICE}**"]
    return []


def render_markdown(minutes: Minutes) -> str:
    """protokoll.md for the minutes (deterministic: same minutes, same bytes)."""
    meeting, state = minutes.meeting, minutes.state
    blocks = header_blocks(meeting, state)
    blocks[2:2] = secrecy_notice_blocks(minutes)  # under the title, above the date
    blocks += signature_blocks(meeting, state)
    for item, para in numbered_paragraphs(meeting, state):
        blocks += paragraph_blocks(meeting, state, item, para, public=minutes.public)
    if state.corrections:
        blocks.append("## Rättelser")
        blocks.append(md_list([correction_line(c) for c in state.corrections]))
    blocks += notice_blocks(meeting, state)
    return "\n\n".join(blocks) + "\n"
