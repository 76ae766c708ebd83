"""The search language of the archive and the hits it returns (docs/archive.md).

    nämnd "omedelbar justering" organ:hässelby år:2007 typ:reservation ledamot:"Anna Ek"

Words and "quoted phrases" must all occur (substring, case-insensitive, å ä ö distinct).
Filters narrow by body, date, kind of fact, Dnr (exact), member and § number. Parsing is
pure; index.py turns a Query into SQL. Snippets are plain text with (start, end) spans of
the matching words, so the TUI styles them with Content and the CLI marks them «so».
"""

from __future__ import annotations

import re

from namndtui.archive.text import (
    IMMEDIATE,
    MOTION,
    NOTE,
    RECUSAL,
    REFERRED_KIND,
    RESERVATION,
    STATEMENT,
    TABLED_KIND,
    VOTE,
    clean,
    fold,
    normalize_dnr,
)
from namndtui.errors import UserError

TRIGRAM = 3  # FTS5's trigram tokenizer finds nothing shorter (index.py: how such words are found)
MAX_QUERY = 1000  # characters in a search
MAX_NUMBER_DIGITS = 6  # a § number; more is a typing accident, not a paragraph
MIN_YEAR, MAX_YEAR = 1000, 2999  # dates in filters (the index keys ids by date)

FILTER_KEYS: dict[str, str] = {
    "organ": "body",
    "nämnd": "body",
    "body": "body",
    "år": "year",
    "year": "year",
    "från": "from",
    "from": "from",
    "till": "to",
    "to": "to",
    "typ": "kind",
    "kind": "kind",
    "dnr": "dnr",
    "ledamot": "member",
    "person": "member",
    "namn": "member",
    "member": "member",
    "§": "number",
    "paragraf": "number",
}

KIND_ALIASES: dict[str, str] = {
    "reservation": RESERVATION,
    "reservationer": RESERVATION,
    "res": RESERVATION,
    "votering": VOTE,
    "voteringar": VOTE,
    "vote": VOTE,
    "omedelbar": IMMEDIATE,
    "omedelbart": IMMEDIATE,
    "omedelbar justering": IMMEDIATE,
    "oj": IMMEDIATE,
    "yrkande": MOTION,
    "yrkanden": MOTION,
    "anteckning": NOTE,
    "protokollsanteckning": NOTE,
    "uttalande": STATEMENT,
    "jäv": RECUSAL,
    "bordlagt": TABLED_KIND,
    "bordläggning": TABLED_KIND,
    "återremiss": REFERRED_KIND,
    "återremitterat": REFERRED_KIND,
}

_TOKEN = re.compile(
    r'(?P<key>[\w§]+):(?:"(?P<qvalue>[^"]*)"?|(?P<value>\S*))'
    r'|"(?P<phrase>[^"]*)"?'
    r"|§\s*(?P<para>\d+)"
    r"|(?P<word>\S+)"
)
OPERATORS = frozenset({"AND", "OR", "NOT"})  # in capitals only (parse_query, _operator)
# How paragraph_doc (archive.documents) starts the line of each kind of fact in a § text.
KIND_LABELS: dict[str, tuple[str, ...]] = {
    RESERVATION: ("Reservation: ",),
    VOTE: ("Votering: ",),
    IMMEDIATE: ("Paragrafen justeras omedelbart.",),
    MOTION: ("Yrkande: ",),
    NOTE: ("Protokollsanteckning: ",),
    STATEMENT: ("Särskilt uttalande: ",),
    RECUSAL: ("Jäv: ",),
    TABLED_KIND: ("Ärendet bordlades.",),
    REFERRED_KIND: ("Ärendet återremitterades.",),
}
_DATE = r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$"  # (compiled when a date filter is used)


class QueryError(UserError):
    """A filter with a value that cannot mean anything (år:abc). Exit code 2."""


class Query:
    """A parsed search. Empty lists mean "no condition". (A plain class: `namndtui search`
    does not import dataclasses, whose import costs ~7 ms of a ~50 ms budget.)"""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.terms: list[str] = []  # words and phrases, folded
        self.bodies: list[str] = []  # folded substrings, all must match
        self.date_from = ""  # YYYY-MM-DD inclusive
        self.date_to = ""
        self.kinds: list[set[str]] = []  # each set: one of them (OR); AND across
        self.dnrs: list[str] = []  # normalized; a trailing * = prefix
        self.members: list[str] = []  # folded substrings of a name
        self.number: int | None = None

    def __repr__(self) -> str:
        return f"Query({vars(self)!r})"

    @property
    def empty(self) -> bool:
        return not (
            self.terms or self.bodies or self.date_from or self.date_to or self.kinds
            or self.dnrs or self.members or self.number is not None
        )  # fmt: skip

    @property
    def fts_terms(self) -> list[str]:
        return [t for t in self.terms if len(t) >= TRIGRAM]

    @property
    def short_terms(self) -> list[str]:
        return [t for t in self.terms if len(t) < TRIGRAM]

    @property
    def pair_terms(self) -> list[str]:
        """Two-character words: searched as any trigram that holds them."""
        return [t for t in self.terms if len(t) == TRIGRAM - 1]

    @property
    def single_terms(self) -> list[str]:
        """One-character words: checked in the text of the rows (slow when rare, see
        docs/archive.md)."""
        return [t for t in self.terms if len(t) < TRIGRAM - 1]


def _period(value: str, *, end: bool) -> str:
    import datetime as dt  # (only for a date filter: ~1.5 ms of a fresh process)

    m = re.match(_DATE, value)
    if not m:
        raise QueryError(f"ogiltigt datum: {value!r} (skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)", 2)
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise QueryError(f"ogiltigt år: {year} (mellan {MIN_YEAR} och {MAX_YEAR})", 2)
    try:
        if day:
            date = dt.date(year, int(month), int(day))
        elif month:
            first = dt.date(year, int(month), 1)
            if end:
                nxt = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
                date = nxt - dt.timedelta(days=1)
            else:
                date = first
        else:
            date = dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        raise QueryError(f"ogiltigt datum: {value!r}", 2) from None
    return date.isoformat()


def parse_query(text: str) -> Query:
    """Parse the search box / command line text. Raises QueryError for a bad filter value."""
    _check_text(text)
    query = Query(text=text)
    for m in _TOKEN.finditer(clean(text)):
        if m.group("para"):
            query.number = _number(m.group("para"))
            continue
        key = m.group("key")
        if key is not None:
            name = FILTER_KEYS.get(fold(key))
            value = m.group("qvalue") if m.group("qvalue") is not None else m.group("value")
            value = " ".join(value.split())
            if name is None:  # "kl:19" is just a word
                _add_term(query, m.group(0))
                continue
            if value:
                _add_filter(query, name, value)
            continue
        if m.group("phrase") is not None:
            _add_term(query, m.group("phrase"))
        elif m.group("word") in OPERATORS:
            _operator(m.group("word"))
        elif m.group("word"):
            _add_term(query, m.group("word"))
    if query.date_from and query.date_to and query.date_from > query.date_to:
        raise QueryError(
            f"ingen dag ligger mellan {query.date_from} och {query.date_to}: "
            "från: ska vara före till: (och inom år:)",
            2,
        )
    return query


def _operator(word: str) -> None:
    """AND, OR, NOT in capitals (as other search engines write them): the language has no
    operators, and searched as words they match inside other words ("OR" in *kronor*). AND
    says what the search does anyway and is left out; OR and NOT would silently mean the
    opposite of what is meant, so they are an error that says what to write instead."""
    if word == "AND":
        return
    if word == "OR":
        why = "alla ord måste finnas i paragrafen; sök på ett ord i taget"
    else:
        why = "alla ord måste finnas i paragrafen, inget ord kan uteslutas; ta bort NOT"
    raise QueryError(
        f'{word} stöds inte: {why} (skriv "{word}" inom citattecken för att söka på bokstäverna)',
        2,
    )


def _check_text(text: str) -> None:
    """A search the index can take: UTF-8 (a byte that is not arrives from the command line
    as a surrogate) and of a sane length."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError(
            "sökningen innehåller tecken som inte är UTF-8 (kontrollera terminalens teckenkodning)",
            2,
        ) from None
    if len(text) > MAX_QUERY:
        raise QueryError(f"sökningen är för lång ({len(text)} tecken, högst {MAX_QUERY})", 2)


def _number(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or len(value.lstrip("0")) > MAX_NUMBER_DIGITS:
        raise QueryError(f"ogiltigt paragrafnummer: {value[:20]!r}", 2)
    return int(value)


def _add_term(query: Query, text: str) -> None:
    term = fold(" ".join(text.split()))
    if term and term not in query.terms:
        query.terms.append(term)


def _add_filter(query: Query, name: str, value: str) -> None:
    folded = fold(value)
    if name == "body":
        query.bodies.append(folded)
    elif name == "member":
        query.members.append(folded)
    elif name == "dnr":
        star = folded.endswith("*")
        norm = normalize_dnr(folded.rstrip("*"))
        if norm:
            query.dnrs.append(norm + ("*" if star else ""))
    elif name == "number":
        query.number = _number(value)
    elif name == "kind":
        kinds = set()
        for part in re.split(r"[|,]", folded):
            part = part.strip()
            if not part:
                continue
            kind = KIND_ALIASES.get(part)
            if kind is None:
                known = ", ".join(sorted({*KIND_ALIASES.values()}))
                raise QueryError(f"okänd typ: {part!r} (känner till: {known})", 2)
            kinds.add(kind)
        if kinds:
            query.kinds.append(kinds)
    elif name == "year":
        first, _, last = (
            value.partition("-") if re.fullmatch(r"\d{4}-\d{4}", value) else (value, "", value)
        )
        if not (
            f"{first}{last}".isascii()
            and f"{first}{last}".isdigit()
            and len(first) == len(last) == 4
        ):
            raise QueryError(f"ogiltigt år: {value!r} (skriv t.ex. år:2007)", 2)
        if first > last:  # "år:2008-2007" found nothing, silently
            raise QueryError(f"ogiltigt årsintervall: {value!r} (skriv år:{last}-{first})", 2)
        _narrow(query, _period(first, end=False), _period(last, end=True))
    elif name == "from":
        _narrow(query, _period(value, end=False), "")
    elif name == "to":
        _narrow(query, "", _period(value, end=True))


def _narrow(query: Query, start: str, end: str) -> None:
    if start and (not query.date_from or start > query.date_from):
        query.date_from = start
    if end and (not query.date_to or end < query.date_to):
        query.date_to = end


# --- hits and snippets -------------------------------------------------------------------

Span = tuple[int, int]


class Hit:
    """One matching paragraph. `path` is relative to the archive folder."""

    def __init__(
        self,
        *,
        path: str,
        body: str,
        date: str,
        number: int,
        item: str,
        title: str,
        dnr: str,
        snippet: str,
        spans: list[Span] | None = None,  # matching words in `snippet`
        title_spans: list[Span] | None = None,
        score: float = 0.0,
        secret: str = "",
    ) -> None:
        self.path = path
        self.body = body
        self.date = date
        self.number = number
        self.item = item
        self.title = title
        self.dnr = dnr
        self.snippet = snippet
        self.spans = spans or []
        self.title_spans = title_spans or []
        self.score = score
        self.secret = secret  # the legal ground when the paragraph is secret, else ""

    def __repr__(self) -> str:
        return f"Hit({vars(self)!r})"

    def line(self, open_mark: str = "«", close_mark: str = "»") -> str:
        """One line for the command line: body, date, §, title, snippet; a secret § starts
        with SEKRETESS and its legal ground."""
        title = mark(self.title, self.title_spans, open_mark, close_mark)
        snippet = mark(self.snippet, self.spans, open_mark, close_mark)
        secret = f"{self.secret_label}  " if self.secret else ""
        return f"{secret}{self.body}  {self.date}  § {self.number}  {title}  — {snippet}"

    @property
    def secret_label(self) -> str:
        """'SEKRETESS (OSL 26 kap. 1 §)' on every hit of a secret §, else ""."""
        return f"SEKRETESS ({self.secret})" if self.secret else ""


def find_spans(text: str, terms: list[str], members: list[str] | None = None) -> list[Span]:
    """Where the (folded) terms occur in `text`, merged and sorted: by the rule the search
    matched them, words and phrases anywhere (`bidrag` in *föreningsbidrag*), `ledamot:`
    parts only at the start of a word (`ek` is Anna Ek, not the ek of *rekommenderar*)."""
    folded = fold(text)
    spans: list[Span] = []
    for term, at_word in [(t, False) for t in terms] + [(m, True) for m in members or []]:
        if not term:
            continue
        start = folded.find(term)
        while start >= 0:
            if not at_word or start == 0 or not folded[start - 1].isalnum():
                spans.append((start, start + len(term)))
            start = folded.find(term, start + 1 if at_word else start + len(term))
    spans.sort()
    merged: list[Span] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def make_snippet(
    text: str,
    terms: list[str],
    width: int = 120,
    members: list[str] | None = None,
    kinds: list[set[str]] | None = None,
) -> tuple[str, list[Span]]:
    """A window of `text` (one line) around the best cluster of matches, and their spans.
    With `typ:` filters (`kinds`) the window is of the parts of the § of those kinds (its
    reservations for `typ:reservation`) where the § has one: the match is about them."""
    if kinds:
        text = kind_parts(text, set().union(*kinds)) or text
    flat = " ".join(text.split())
    spans = find_spans(flat, terms, members)
    if not spans:
        cut = flat[:width]
        if len(flat) > width:
            cut = cut[: cut.rfind(" ")] if " " in cut[width // 2 :] else cut
            cut += " …"
        return cut, []
    best = _densest(spans, width)
    start = max(0, best[0] - width // 4)
    if best[1] < width - 10:  # the match fits in the opening words: start at the start
        start = 0
    if start > 0:
        space = flat.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > best[1] else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(flat) else ""
    out = prefix + flat[start:end] + suffix
    shift = len(prefix) - start
    inside = [
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end
    ]
    return out, inside


def kind_parts(text: str, kinds: set[str]) -> str:
    """The lines of a § text (archive.documents.paragraph_doc: one line per fact, each
    starting with its label) that state a fact of one of `kinds`; "" when there are none.
    (A line of a fact's text after its first one cannot be told from a report section's,
    so the part is its first line: where a snippet of it starts anyway.)"""
    prefixes = tuple(p for kind in kinds for p in KIND_LABELS.get(kind, ()))
    return "\n".join(line for line in text.split("\n") if line.startswith(prefixes))


def _densest(spans: list[Span], width: int) -> Span:
    """The first span that has the most spans starting within `width` of its start (the
    spans are sorted): two pointers, linear in the number of spans."""
    best, best_count, j = spans[0], 0, 0
    for i, span in enumerate(spans):
        j = max(j, i)
        while j < len(spans) and spans[j][0] < span[0] + width:
            j += 1
        if j - i > best_count:
            best, best_count = span, j - i
    return best


def mark(text: str, spans: list[Span], open_mark: str = "«", close_mark: str = "»") -> str:
    """The text with each span wrapped in the markers (plain text)."""
    out: list[str] = []
    pos = 0
    for s, e in spans:
        out.append(text[pos:s])
        out.append(open_mark + text[s:e] + close_mark)
        pos = e
    out.append(text[pos:])
    return "".join(out)
