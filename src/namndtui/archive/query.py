"""Searching the archive index: the FTS5 query, the check of each match in its text, and
the ranking (BM25F over title, Dnr, names, decision and text; docs/archive.md, "Ranking").

Functions of a connection (ArchiveIndex.search gives this thread's); no pathlib or typing
(`namndtui search` imports this module on every search).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from namndtui.archive.schema import CHUNK, SEPARATOR, data_version, date_key, searched_text
from namndtui.archive.search import TRIGRAM as TRIGRAM_LEN
from namndtui.archive.search import Hit, Query, find_spans, make_snippet
from namndtui.archive.text import MOTION, NOTE, RECUSAL, RESERVATION, STATEMENT, VOTE, fold

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable
    from typing import Any

    # the path of a minutes file → the function masking its texts as its public minutes do
    MaskFor = Callable[[str], Callable[[str], str] | None]

PERSON_KINDS = frozenset({RESERVATION, VOTE, MOTION, NOTE, STATEMENT, RECUSAL})
SPARSE = 20000  # facts of a kind: fewer are looked up first (build_sql)
MAX_LIMIT = 10_000  # hits per search, whatever the caller asks for
WINDOW = 200  # matches ranked per search, the newest ones (docs/archive.md)
# Column weights for rank_rows (BM25F), in the order title, Dnr, names, decision, text: a
# title counts most; the report text least (it is long and says much).
WEIGHTS = (10.0, 5.0, 3.0, 2.0, 1.0)
BM25_K1 = 1.2
# Length normalisation per column: weak on titles (a long title is not a diluted one: it
# names the matter and then says more), none on the Dnr.
BM25_B = (0.3, 0.0, 0.75, 0.75, 0.75)
DECISION_PREFIX = "Beslut: "  # the decision's line in a paragraph's text (documents.py)
DF_CAP = 3_000  # rows counted for a word's document frequency (more: equally common)


def search(
    conn: sqlite3.Connection,
    q: Query,
    limit: int,
    *,
    public: bool,
    cache: Any,
    mask_for: MaskFor | None = None,
) -> list[Hit]:
    """The best `limit` paragraphs for the query, newest first without words.

    With words: the newest `WINDOW` matches (after the filters) are ranked in Python
    (rank_rows) and the best `limit` returned. bm25 is not used: FTS5 counts every
    match of every phrase to compute it, 150–600 ms for a common word.
    `public`: the index alone (never the secret part `s`); `cache`: an object of this
    thread where the count of paragraphs is kept between searches; `mask_for`: search
    the text as the public minutes print it (PublicText).
    """
    limit = max(1, min(limit, MAX_LIMIT))
    if q.empty:
        return []
    parts = ["main"] if public else ["main", "s"]
    match = fts_match(q, _lookup(conn, parts, "c", "chars")) if q.fts_terms or q.pair_terms else ""
    if match is None:  # a two-letter word with letters the archive does not have
        return []
    # Names are resolved here (`ledamot:ek` → every member with a word starting so) so
    # that SQLite finds their facts through an index instead of testing every fact.
    names = _lookup(conn, parts, "name", "members") if q.members else []
    resolved = []
    for part in q.members:
        found = [n for n in names if (" " + n).find(" " + part) >= 0]
        if not found:
            return []
        resolved.append(found)
    sparse = not match and any(
        conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM facts WHERE kind IN"
            f" ({', '.join('?' for _ in kinds)}) LIMIT ?)",
            [*sorted(kinds), SPARSE],
        ).fetchone()[0]
        < SPARSE
        for kinds in q.kinds
    )
    window = max(WINDOW, limit)
    shown = PublicText(conn, q, mask_for) if mask_for is not None else None
    rows: list[Any] = []
    for db in parts:  # the index, then (the secretary's own searches) the secret part
        sql, params = build_sql(
            q, match, None if q.terms or shown else limit, resolved, sparse=sparse, db=db,
            public_rows=len(parts) > 1 and db == "main",
        )  # fmt: skip
        texts = Texts(conn, db)
        if shown is not None:  # the public text, as many rows as a search without it
            rows += shown.rows(conn.execute(sql, params), texts, window if q.terms else limit)
        elif q.terms:
            rows += verified(conn.execute(sql, params), q.terms, window, texts)
        else:
            rows += [(*row[:4], None, row[6], texts, row[4:6]) for row in conn.execute(sql, params)]
    if q.terms:
        ranked = rank_rows(rows, q.terms, _idf(conn, q, cache))[:limit]
    else:
        ranked = [(0.0, r) for r in sorted(rows, key=lambda r: -r[0])[:limit]]
    return _hits(conn, ranked, q)


class PublicText:
    """A search as the public sees it (`search --publicering`): every candidate § is
    checked in the text the public minutes print – its title, names and text masked by
    `mask_for(path of its minutes)` (namndtui.secrecy: the minutes' personal_data names,
    personnummer, contacts; None when the minutes cannot be read: left out) – and its hit
    shows that text. A § matched only by a masked name is no hit: the public minutes do
    not hold the name, wherever it stands in the §."""

    def __init__(self, conn: sqlite3.Connection, q: Query, mask_for: MaskFor) -> None:
        self.conn = conn
        self.q = q
        self.mask_for = mask_for
        self.masks: dict[int, Any] = {}  # file id → its mask function (or None)

    def mask(self, file_id: int) -> Callable[[str], str] | None:
        if file_id not in self.masks:
            row = self.conn.execute("SELECT rel FROM files WHERE id = ?", (file_id,)).fetchone()
            self.masks[file_id] = self.mask_for(row[0]) if row else None
        return self.masks[file_id]

    def rows(self, rows: Iterable[Any], texts: Texts, count: int) -> list[Any]:
        """The first `count` rows (id, title, dnr, names, file id, part, secret) the query
        matches in their public text, as verified() gives them, with that text."""
        out = []
        terms, members = self.q.terms, self.q.members
        for pid, title, dnr, names, file_id, part, secret in rows:
            mask = self.mask(file_id)
            if mask is None:
                continue
            title, names, text = mask(title), mask(names), mask(texts.get(file_id, part))
            hay = searched_text(title, dnr, names, text).lower()
            people = " " + fold(names)
            if all(t in hay for t in terms) and all(people.find(" " + m) >= 0 for m in members):
                out.append((pid, title, dnr, names, text, secret, texts, (file_id, part)))
                if len(out) >= count:
                    break
        return out


def _hits(conn: sqlite3.Connection, ranked: list[tuple[float, Any]], q: Query) -> list[Hit]:
    """The ranked rows as hits: where each § stands read in one query per part (a query
    per hit cost ~60 µs each on a fresh connection: 3 ms for 50 hits)."""
    where: dict[tuple[str, int], tuple[str, str, str, int, str]] = {}
    for db in {row[6].db for _score, row in ranked}:
        pids = [row[0] for _score, row in ranked if row[6].db == db]
        for start in range(0, len(pids), 500):  # (old SQLite takes at most 999 parameters)
            batch = pids[start : start + 500]
            marks = ", ".join("?" for _ in batch)
            for pid, *place in conn.execute(
                "SELECT p.id, f.rel, m.body, m.date, p.number, p.item"
                f" FROM {db}.paragraphs p JOIN meetings m ON m.file_id = p.file_id"
                f" JOIN files f ON f.id = p.file_id WHERE p.id IN ({marks})",
                batch,
            ):
                where[db, pid] = tuple(place)  # type: ignore[assignment]
    hits = []
    for score, (pid, title, dnr, _names, text, secret, texts, loc) in ranked:
        rel, body, date, number, item = where[texts.db, pid]
        if text is None:
            text = texts.get(*loc)
        snippet, spans = make_snippet(text, q.terms, members=q.members, kinds=q.kinds)
        hits.append(Hit(
            path=rel, body=body, date=date, number=number, item=item, title=title, dnr=dnr,
            snippet=snippet, spans=spans, title_spans=find_spans(title, q.terms), score=score,
            secret=secret,
        ))  # fmt: skip
    return hits


def _idf(conn: sqlite3.Connection, q: Query, cache: Any) -> dict[str, float] | None:
    """bm25's inverse document frequency of each word, for searches of two or more
    words (with one it changes no order). The count is of the rows holding all the
    word's trigrams, at most DF_CAP: a bound on the time, not on the order of rare words."""
    terms = [t for t in q.terms if len(t) >= TRIGRAM_LEN]
    if len(terms) < 2:
        return None
    version = data_version(conn)
    if getattr(cache, "total", (None, 0))[0] != version:  # counted once per change
        count = conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        cache.total = (version, count)
    total = cache.total[1] or 1
    from math import log  # (only here: a search of one word does not import math)

    idf = {}
    for term in terms:
        match = " AND ".join(_fts_string(g) for g in _trigrams(term))
        df = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM para_fts WHERE para_fts MATCH ? LIMIT ?)",
            (match, DF_CAP),
        ).fetchone()[0]
        idf[term] = log(1 + (total - df + 0.5) / (df + 0.5))
    return idf


def _lookup(conn: sqlite3.Connection, parts: list[str], column: str, table: str) -> list[str]:
    """The rows of a per-part lookup table (chars, members): the index's, and the secret
    part's when this search may see it (the secretary's; never a public one)."""
    sql = "SELECT {} FROM {}.{}"
    return sorted({r[0] for part in parts for r in conn.execute(sql.format(column, part, table))})


def _trigrams(term: str) -> list[str]:
    return list(dict.fromkeys(term[i : i + TRIGRAM_LEN] for i in range(len(term) - 2)))


def _fts_string(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_match(q: Query, alphabet: list[str]) -> str | None:
    """The FTS5 MATCH string: every word as a phrase; a two-letter word as any trigram
    holding it (`kd` → "kda" OR "ekd" OR …, over the characters the archive contains).
    None when a two-letter word cannot occur."""
    parts = []
    for term in q.fts_terms:  # the index has no positions: every trigram of the word
        parts += [
            _fts_string(g) for g in dict.fromkeys(term[i : i + 3] for i in range(len(term) - 2))
        ]
    for term in q.pair_terms:
        grams = sorted({term + c for c in alphabet} | {c + term for c in alphabet})
        if not grams or not set(term) <= set(alphabet):
            return None
        parts.append("(" + " OR ".join(_fts_string(g) for g in grams) + ")")
    return " AND ".join(parts)


def build_sql(
    q: Query,
    match: str,
    limit: int | None,
    members: list[list[str]],
    *,
    sparse: bool = False,
    db: str = "main",
    public_rows: bool = False,
) -> tuple[str, list[Any]]:
    """SQL and parameters for a parsed query (all values as parameters, never spliced).

    Rows: id, title, dnr, names and, with words (`limit` None: the caller verifies the rows
    and stops reading), the compressed text; newest first, so SQLite (and FTS5, walking its
    rowids backwards) stops early. Meetings are joined only for a body filter: each join
    costs a lookup per row looked at.
    `members`: the member names each `ledamot:` part stands for. Without words, facts of
    a member, or of a kind rarer than SPARSE (`sparse`), are looked up first (a scan of
    every § newest first would find few and not stop early).
    """
    where: list[str] = []
    params: list[Any] = []
    if match:
        key = "ft.rowid"
        source = f"{db}.para_fts ft JOIN {db}.paragraphs p ON p.id = ft.rowid"
        where.append("ft.para_fts MATCH ?")
        params.append(match)
    else:
        key = "p.id"
        source = f"{db}.paragraphs p"
    if public_rows:  # the secret part holds these §§ in full
        where.append("p.secret = ''")
    if q.bodies:
        source += " JOIN meetings m ON m.file_id = p.file_id"
    # A date range is a range of ids: FTS5 and the paragraphs table both seek to it.
    if q.date_from or q.date_to:
        import datetime as dt  # (only for a date filter: ~1.5 ms of a fresh process)

        if q.date_from:
            where.append(f"{key} >= ?")
            params.append(date_key(dt.date.fromisoformat(q.date_from)))
        if q.date_to:
            where.append(f"{key} < ?")
            params.append(date_key(dt.date.fromisoformat(q.date_to) + dt.timedelta(days=1)))
    for body in q.bodies:
        where.append("instr(m.body_fold, ?) > 0")
        params.append(body)
    if q.number is not None:
        where.append("p.number = ?")
        params.append(q.number)
    for dnr in q.dnrs:
        if dnr.endswith("*"):
            where.append("substr(p.dnr_norm, 1, ?) = ?")
            params += [len(dnr) - 1, dnr[:-1]]
        else:
            where.append("p.dnr_norm = ?")
            params.append(dnr)
    tied = False
    for kinds in q.kinds:
        cond = f"x.kind IN ({', '.join('?' for _ in kinds)})"
        kind_params: list[Any] = sorted(kinds)
        if members and kinds <= PERSON_KINDS:  # "reservation by Anna Ek": the same fact
            for names in members:
                cond += f" AND x.member IN ({', '.join('?' for _ in names)})"
                kind_params += names
            tied = True
        where.append(_fact_condition(cond, db, drive=not match and (sparse or tied)))
        params += kind_params
    if not tied:
        for names in members:
            cond = f"x.member IN ({', '.join('?' for _ in names)})"
            where.append(_fact_condition(cond, db, drive=not match))
            params += names
    columns = "p.id, p.title, p.dnr, p.names, p.file_id, p.part, p.secret"
    sql = f"SELECT {columns} FROM {source} WHERE {' AND '.join(where) or '1'} ORDER BY {key} DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return sql, params


def _fact_condition(cond: str, db: str, *, drive: bool) -> str:
    """The § has a fact matching `cond`: looked up per § (EXISTS), or all such §§ first."""
    if drive:
        return f"p.id IN (SELECT x.para_id FROM {db}.facts x WHERE {cond})"
    return f"EXISTS (SELECT 1 FROM {db}.facts x WHERE x.para_id = p.id AND {cond})"


class Texts:
    """Paragraph texts read a stream at a time (matches come a meeting at a time)."""

    def __init__(self, conn: sqlite3.Connection, db: str = "main") -> None:
        self.conn = conn
        self.db = db
        self.key = (-1, -1)
        self.raw: list[bytes] = []

    def get(self, file_id: int, part: int) -> str:
        key = (file_id, part // CHUNK)
        if key != self.key:
            row = self.conn.execute(
                f"SELECT z FROM {self.db}.texts WHERE file_id = ? AND chunk = ?", key
            ).fetchone()
            self.key = key
            self.raw = zlib.decompress(row[0]).split(SEPARATOR.encode()) if row else []
        n = part % CHUNK
        return self.raw[n].decode("utf-8", "surrogatepass") if n < len(self.raw) else ""


def verified(rows: Iterable[Any], terms: list[str], window: int, texts: Texts) -> list[Any]:
    """The first `window` rows (id, title, dnr, names, file id, part, secret) holding every
    term, with their text: (id, title, dnr, names, text, secret, texts, (file id, part)).
    The trigram index has no positions, so
    it finds rows with all the trigrams of a word; the word itself is checked here (and
    one-letter words, below the trigram, only here)."""
    out = []
    for pid, title, dnr, names, file_id, part, secret in rows:
        text = texts.get(file_id, part)
        hay = searched_text(title, dnr, names, text).lower()
        if all(term in hay for term in terms):
            out.append((pid, title, dnr, names, text, secret, texts, (file_id, part)))
            if len(out) >= window:
                break
    return out


def _columns(row: Any) -> list[str]:
    """The ranked columns of a verified row, folded: title, Dnr, names, decision, text."""
    _pid, title, dnr, names, text = row[:5]
    decision, rest = [], []
    for line in (text or "").split("\n"):
        (decision if line.startswith(DECISION_PREFIX) else rest).append(line)
    return [title.lower(), dnr.lower(), names.lower(), " ".join(decision).lower(),
            " ".join(rest).lower()]  # fmt: skip


def rank_rows(
    rows: list[Any], terms: list[str], idf: dict[str, float] | None = None
) -> list[tuple[float, Any]]:
    """Rows (newest first) ranked by BM25F: per word, its inverse document frequency
    (`idf`, 1 when not given) times the saturated, length-normalised term frequency summed
    over the columns with their weights (WEIGHTS: title, Dnr, names, decision, text;
    k1 = 1.2, b per column (BM25_B), lengths against the column's average in the window). Returns
    (score, row) best first; the score is negated like SQLite's bm25 (smaller = better);
    ties stay newest first."""
    if not rows:
        return []
    folded = [_columns(r) for r in rows]
    n = len(rows)
    avg = [max(1.0, sum(len(f[c]) for f in folded) / n) for c in range(len(WEIGHTS))]
    scored = []
    for row, cols in zip(rows, folded, strict=True):
        score = 0.0
        for term in terms:
            for c, weight in enumerate(WEIGHTS):
                tf = cols[c].count(term)
                if tf:
                    norm = 1 - BM25_B[c] + BM25_B[c] * len(cols[c]) / avg[c]
                    score += (idf or {}).get(term, 1.0) * weight * tf / (tf + BM25_K1 * norm)
        scored.append((-score, row))
    scored.sort(key=lambda pair: pair[0])  # stable: equal scores stay newest first
    return scored
