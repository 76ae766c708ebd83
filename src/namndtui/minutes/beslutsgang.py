"""How a § words the handling of a contested item: Yrkanden, Beslutsgång, Omröstning,
Reservation and Justeringsanteckning, in the standard phrasings of PRACTICE.md.

Pure functions of (meeting, item, paragraph) that return plain sentences (not escaped, not
marked up), so any renderer (Markdown today, the document structure and its templates
tomorrow) prints them as they are. The order of the questions comes from the record
(`namndtui.record.questions`); nothing here decides anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from namndtui.minutes.model import genitive, member_genitive, member_label
from namndtui.model import Item, Meeting
from namndtui.record import minority
from namndtui.record import questions as qs
from namndtui.record.state import Paragraph
from namndtui.record.state_parts import VoteRound
from namndtui.vocabulary import continues, decision_clause, end_sentence

DEFAULT_PROPOSAL_BY = "förvaltningen"

# --- names of proposals ---------------------------------------------------------------------

_NOUN = {
    "avslag": "avslagsyrkande",
    "återremiss": "återremissyrkande",
    "bordläggning": "bordläggningsyrkande",
    "ändring": "ändringsyrkande",
    "tillägg": "tilläggsyrkande",
    "eget": "förslag",
}


def proposal_name(item: Item | None) -> str:
    """'förvaltningens förslag', 'arbetsutskottets förslag' … (the item's `proposal_by`)."""
    by = ((item.proposal_by if item else "") or DEFAULT_PROPOSAL_BY).strip()
    return f"{genitive(by)} förslag"


def proposal_ref(meeting: Meeting, item: Item | None, para: Paragraph, value: str) -> str:
    """How the minutes name a proposal: "förvaltningens förslag", "Henrik Åbergs (M)
    avslagsyrkande" (never "X:s bifallsyrkande": a bifall supports the proposal)."""
    value = qs.proposal_of(para, value)
    motion = para.motion(value)
    if value == qs.PROPOSAL or motion is None:
        return proposal_name(item)
    return f"{member_genitive(meeting, motion.by)} {_NOUN.get(motion.kind, 'yrkande')}"


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " och " + names[-1]


# --- Yrkanden ---------------------------------------------------------------------------------


def motion_sentence(meeting: Meeting, item: Item | None, para: Paragraph, motion) -> str:
    """One motion in the standard phrasing, with who joined it."""
    who = member_label(meeting, motion.by)
    text = motion.text.strip()
    proposal = proposal_name(item)
    kind = motion.kind
    if kind in ("bifall", "avslag"):
        word = "bifall till" if kind == "bifall" else "avslag på"
        sentence = f"{who} yrkar {word} {proposal}."
        if text:
            sentence += " " + end_sentence(text)
    elif kind in ("återremiss", "bordläggning"):
        verb = "återremitteras" if kind == "återremiss" else "bordläggs"
        if not text:
            sentence = f"{who} yrkar att ärendet {verb}."
        elif continues(text):
            lead = "" if kind == "bordläggning" or text.startswith("för ") else "för att "
            sentence = f"{who} yrkar att ärendet {verb} {lead}{end_sentence(text)}"
        else:
            sentence = f"{who} yrkar att ärendet {verb}. {end_sentence(text)}"
    else:  # ändring, eget, tillägg
        addition = " som tillägg" if kind == "tillägg" else ""
        if continues(clause := decision_clause(text)):
            sentence = f"{who} yrkar{addition} att nämnden beslutar att {end_sentence(clause)}"
        else:
            sentence = (
                f"{who} yrkar{addition} att nämnden beslutar enligt följande: {end_sentence(text)}"
            )
    return sentence


def joined_sentence(meeting: Meeting, motion) -> str:
    """'Patrik Öhman (SD) instämmer i Henrik Åbergs (M) yrkande.' ('' when nobody joined)."""
    if not motion.joined:
        return ""
    names = _join([member_label(meeting, j) for j in motion.joined])
    return f"{names} instämmer i {member_genitive(meeting, motion.by)} yrkande."


def motion_sentences(meeting: Meeting, item: Item | None, para: Paragraph) -> list[str]:
    """The Yrkanden block: one paragraph per motion not withdrawn, in the order made."""
    out = []
    for motion in para.active_motions:
        text = motion_sentence(meeting, item, para, motion)
        if joined := joined_sentence(meeting, motion):
            text += " " + joined
        out.append(text)
    return out


# --- Beslutsgång ------------------------------------------------------------------------------

_FORMAL_VERB = {"återremiss": "återremitteras", "bordläggning": "bordläggas"}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _formal_outcome(q: qs.Question, value: str) -> str:
    if value == qs.TODAY:
        return "ärendet ska avgöras i dag"
    return f"ärendet ska {_FORMAL_VERB[q.kind]}"


def _put_sentence(
    meeting: Meeting, item: Item | None, para: Paragraph, q: qs.Question, first: bool
) -> str:
    """The proposition of one question and the chair's finding."""
    ref = lambda value: proposal_ref(meeting, item, para, value)  # noqa: E731
    if q.formal:
        lead = "Ordföranden frågar" if first else "Därefter frågar ordföranden"
        text = f"{lead} om ärendet ska avgöras i dag eller {_FORMAL_VERB[q.kind]}"
        if q.finding:
            text += f" och finner att {_formal_outcome(q, q.finding)}"
        return text + "."
    lead = "Ordföranden ställer" if first else "Därefter ställer ordföranden"
    if q.kind == qs.ADDITION:
        text = f"{lead} proposition på {ref(q.key)}"
        if q.finding:
            verb = "bifaller" if q.finding == q.key else "avslår"
            text += f" och finner att nämnden {verb} det"
        return text + "."
    refs = [ref(p) for p in q.proposals]
    against = f"{refs[0]} mot {refs[1]}" if len(refs) == 2 else _join(refs)
    text = f"{lead} proposition på {against}"
    if q.finding:
        text += f" och finner att nämnden beslutar enligt {ref(q.finding)}"
    return text + "."


def _side(meeting: Meeting, item: Item | None, para: Paragraph, q: qs.Question, value: str) -> str:
    """One side of a voteringsproposition ("bifall till förvaltningens förslag")."""
    value = qs.proposal_of(para, value)
    if q.formal:
        return f"att {_formal_outcome(q, value)}"
    if q.kind == qs.ADDITION and value == qs.REJECTED:
        return "avslag på det"
    return f"bifall till {proposal_ref(meeting, item, para, value)}"


def _outcome(
    meeting: Meeting, item: Item | None, para: Paragraph, q: qs.Question, r: VoteRound
) -> str:
    """What the board does with the winner of a round ("beslutar nämnden enligt …")."""
    winner = qs.proposal_of(para, r.winner)
    ref = proposal_ref(meeting, item, para, winner)
    if r.counter:
        return f"utser nämnden {ref} till motförslag i huvudvoteringen"
    if q.formal:
        return f"beslutar nämnden att {_formal_outcome(q, winner)}"
    if q.kind == qs.ADDITION:
        verb = "bifaller" if winner == q.key else "avslår"
        return f"{verb} nämnden {proposal_ref(meeting, item, para, q.key)}"
    return f"beslutar nämnden enligt {ref}"


def _result_sentence(
    meeting: Meeting, item: Item | None, para: Paragraph, q: qs.Question, r: VoteRound
) -> str:
    if not r.closed:
        return "Omröstningen pågår."
    ja, nej, avstar = r.tally()
    if not r.winner:
        text = f"Rösterna är lika ({ja}–{nej}); ingen utslagsröst är registrerad."
    elif ja == nej:
        outcome = _outcome(meeting, item, para, q, r)
        # "… och nämnden beslutar enligt …": the subject first after "och".
        verb, _, rest = outcome.partition(" nämnden ")
        text = (
            f"Rösterna är lika ({ja}–{nej}). Ordföranden använder sin utslagsröst och "
            f"nämnden {verb} {rest}."
        )
    else:
        text = (
            f"Med {_count(ja, 'ja-röst', 'ja-röster')} mot {_count(nej, 'nej-röst', 'nej-röster')} "
            f"{_outcome(meeting, item, para, q, r)}."
        )
    if avstar:
        text += f" {_count(avstar, 'ledamot', 'ledamöter')} avstår."
    return text


def _vote_sentences(
    meeting: Meeting, item: Item | None, para: Paragraph, q: qs.Question
) -> list[str]:
    out = []
    for n, r in enumerate(q.rounds):
        if n == 0:
            demanded = r.demanded_by
            out.append(
                f"Votering begärs av {member_label(meeting, demanded)}."
                if demanded
                else "Votering begärs."
            )
        if r.counter:
            a = proposal_ref(meeting, item, para, r.yes)
            b = proposal_ref(meeting, item, para, r.no)
            out.append(
                f"Ordföranden ställer {a} mot {b} för att utse motförslag i huvudvoteringen."
            )
        after_counter = not r.counter and any(x.counter for x in q.rounds)
        label = " för huvudvoteringen" if after_counter else ""
        out.append(
            f"Ordföranden fastställer följande voteringsproposition{label}: "
            f"{voteringsproposition(meeting, item, para, r)}"
        )
        out.append(_result_sentence(meeting, item, para, q, r))
    return out


def put_questions(item: Item | None, para: Paragraph) -> list[qs.Question]:
    """The questions the chair put on the item, in the order put (only those with a
    proposition: a lone proposal has none), and a formal motion a minority forced."""
    return [
        q
        for q in qs.in_order(item, para)
        if q.needs_proposition and (q.finding or q.rounds or q.minority)
    ]


_FORMAL_NOUN = {"återremiss": "Återremiss", "bordläggning": "Bordläggning"}


def minority_sentence(meeting: Meeting, q: qs.Question) -> str:
    """'Återremiss begärs av 12 av de 31 närvarande ledamöterna, minst en tredjedel, och
    ärendet ska därför återremitteras (minoritetsåterremiss).' ('' without a minority)."""
    if q.minority is None:
        return ""
    supporters, present = q.minority
    share = meeting.minority_share
    # The share only where it holds under the meeting file's rules (changed_rules warns).
    least = (
        f", minst {minority.share_words(share)},"
        if minority.met(share, supporters, present)
        else ""
    )
    return (
        f"{_FORMAL_NOUN[q.kind]} begärs av {supporters} av de {present} närvarande "
        f"ledamöterna{least} och ärendet ska därför {_FORMAL_VERB[q.kind]} "
        f"({minority.NOUN[q.kind]})."
    )


def procedure_sentences(meeting: Meeting, item: Item | None, para: Paragraph) -> list[str]:
    """The Beslutsgång block: each question put, its finding, its vote, a minority's right;
    [] when the item had only one proposal (no proposition sentence at all)."""
    out: list[str] = []
    for n, q in enumerate(put_questions(item, para)):
        if q.finding or q.rounds:
            out.append(_put_sentence(meeting, item, para, q, first=n == 0))
        out += _vote_sentences(meeting, item, para, q)
        if sentence := minority_sentence(meeting, q):
            out.append(sentence)
    return out


# --- Omröstning -------------------------------------------------------------------------------

VOTE_COLUMNS = ("Ja", "Nej", "Avstår", "Frånvarande")


@dataclass(frozen=True)
class VoteRow:
    label: str  # "Jonas Vik (S), tjänstgörande ersättare för Lena Ås (S)"
    choice: str  # ja | nej | avstår | frånvarande | "" (served, did not vote)


@dataclass(frozen=True)
class VoteList:
    title: str  # "Omröstningslista nr 1"
    rows: tuple[VoteRow, ...]


def _person_label(meeting: Meeting, person: str, seat: str) -> str:
    label = member_label(meeting, person)
    if seat:
        label += f", tjänstgörande ersättare för {member_label(meeting, seat)}"
    return label


def vote_list(meeting: Meeting, para: Paragraph, r: VoteRound) -> VoteList:
    """One round's list: every seat in order, who served in it and how they voted; a seat
    nobody filled is frånvarande; a serving ersättare is marked as such."""
    seat_of = {person: seat or person for person, seat in para.serving.items()}
    person_in = {seat: person for person, seat in seat_of.items()}
    rows: list[VoteRow] = []
    listed: set[str] = set()
    for seat in meeting.seats:
        person = person_in.get(seat.name)
        if person is None:
            rows.append(VoteRow(member_label(meeting, seat.name), "frånvarande"))
            continue
        listed.add(person)
        own = "" if person == seat.name else seat.name
        rows.append(VoteRow(_person_label(meeting, person, own), r.votes.get(person, "")))
    for person, choice in r.votes.items():  # anyone the snapshot does not name
        if person not in listed:
            seat = para.serving.get(person, "")
            rows.append(VoteRow(_person_label(meeting, person, seat), choice))
    return VoteList(f"Omröstningslista nr {r.round}", tuple(rows))


def vote_lists(meeting: Meeting, para: Paragraph) -> list[VoteList]:
    """The Omröstning block: one list per round with votes, in round order."""
    return [vote_list(meeting, para, r) for r in para.votes if r.votes]


# --- Reservation, Justeringsanteckning --------------------------------------------------------


def reservation_blocks(meeting: Meeting, para: Paragraph) -> list[tuple[str, list[str]]]:
    """Grouped by side, one sentence per side ("Henrik Åberg (M) och Karin Lind (M)
    reserverar sig mot beslutet till förmån för eget yrkande."), then each written
    reservation: (lead sentence, the text of the reservation or [])."""
    sides: dict[str, list[str]] = {}
    for res in para.reservations:
        side = qs.proposal_of(para, res.motion) if res.motion else ""
        sides.setdefault(side, []).append(res.member)
    out: list[tuple[str, list[str]]] = []
    for side, members in sides.items():
        names = _join([member_label(meeting, m) for m in members])
        tail = " till förmån för eget yrkande" if side else ""
        out.append((f"{names} reserverar sig mot beslutet{tail}.", []))
    for res in para.reservations:
        if res.text.strip():
            lead = f"{member_label(meeting, res.member)} lämnar följande skriftliga reservation:"
            out.append((lead, [res.text]))
    return out


def adjustment_note_blocks(meeting: Meeting, para: Paragraph) -> list[tuple[str, list[str]]]:
    """Justeringsanteckning: (lead, text) per note of a justerare."""
    return [
        (f"{member_label(meeting, n.by)} lämnar följande justeringsanteckning:", [n.text])
        for n in para.adjustment_notes
    ]


# --- labels for the live screens ----------------------------------------------------------


def question_label(meeting: Meeting, item: Item | None, para: Paragraph, q: qs.Question) -> str:
    """'Avgöras i dag eller återremitteras? (Eva Sunds (L) återremissyrkande)',
    'Huvudfrågan: förvaltningens förslag mot Per Holms (M) avslagsyrkande',
    'Sara Linds (V) tilläggsyrkande'."""
    ref = lambda value: proposal_ref(meeting, item, para, value)  # noqa: E731
    if q.formal:
        return f"Avgöras i dag eller {_FORMAL_VERB[q.kind]}? ({ref(q.key)})"
    if q.kind == qs.ADDITION:
        return f"{ref(q.key)[:1].upper()}{ref(q.key)[1:]}"
    refs = [ref(p) for p in q.proposals]
    against = f"{refs[0]} mot {refs[1]}" if len(refs) == 2 else _join(refs)
    return f"Huvudfrågan: {against}"


def finding_label(
    meeting: Meeting, item: Item | None, para: Paragraph, q: qs.Question, value: str
) -> str:
    """What the chair finds, as the minutes will say it ('ärendet ska avgöras i dag',
    'nämnden beslutar enligt förvaltningens förslag', 'nämnden avslår det')."""
    if q.formal:
        return _formal_outcome(q, value)
    if q.kind == qs.ADDITION:
        return f"nämnden {'bifaller' if value == q.key else 'avslår'} tilläggsyrkandet"
    return f"nämnden beslutar enligt {proposal_ref(meeting, item, para, value)}"


def vote_side(
    meeting: Meeting, item: Item | None, para: Paragraph, r: VoteRound, value: str
) -> str:
    """One side of a round as the voteringsproposition names it."""
    q = qs.question(item, para, r.question)
    if q is None or r.counter:
        return proposal_ref(meeting, item, para, value)
    return _side(meeting, item, para, q, value)


def voteringsproposition(meeting: Meeting, item: Item | None, para: Paragraph, r: VoteRound) -> str:
    """'Ja-röst för bifall till förvaltningens förslag, nej-röst för bifall till Henrik
    Åbergs (M) avslagsyrkande.' (the round's voteringsproposition as the minutes word it;
    the live follow view shows it while the vote runs)."""
    yes = vote_side(meeting, item, para, r, r.yes)
    no = vote_side(meeting, item, para, r, r.no)
    return f"Ja-röst för {yes}, nej-röst för {no}."


def round_result(meeting: Meeting, item: Item | None, para: Paragraph, r: VoteRound) -> str:
    """The result of a counted round as the minutes word it ('Med 5 ja-röster mot 4
    nej-röster beslutar nämnden enligt förvaltningens förslag.'), '' while it is open."""
    q = qs.question(item, para, r.question)
    if q is None or not r.closed:
        return ""
    return _result_sentence(meeting, item, para, q, r)
