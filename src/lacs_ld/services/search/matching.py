"""The bounded set a search works on: at most `CAP` matches, taken in the index's own order.

A broad word matches more documents the more data there is, so nothing a request does may
visit every match. Each query here reads the first `CAP` matches (plus one, to know whether
there are more) in rowid order, which `tables` makes a prior of relevance (authorities, then
guidance, then the newest inspections and quotes), and ranks, counts and tallies facets only
over those: a search's cost is bounded by `CAP`, however large the data. A search matching
more says so ("more than 1,000 results") the way large search sites do; narrowing it by a
word or a facet brings its counts back to exact. A facet filter is part of the match itself
(`match`), so a rare value does not make a query walk every match of a common word.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

from lacs_ld.services.search.tables import TAG

CAP = 1_000
# bm25 is negative, better ranks lower: a document's weight (above 1 for authorities) scales it.
# The `tags` column (facet values, see `tables`) is for filtering only: it weighs nothing.
BM25 = "bm25(docs, 4.0, 1.0, 0.5, 0.0)"
WORDS = "{title body context}"  # the columns what people type is looked for in


def match(db: sqlite3.Connection, expression: str, active: Mapping[str, str]) -> str:
    """The FTS5 match for the words searched for, narrowed to every chosen facet value.

    Each chosen value is one more term (its tag, a number from the file, never user text),
    so FTS5 intersects the words' and the values' lists itself, in C, in rowid order.
    """
    found = f"{WORDS} : ({expression})"
    for facet, value in sorted(active.items()):
        row = db.execute(
            "SELECT id FROM search_values WHERE facet = ? AND value = ?", (facet, value)
        ).fetchone()
        found += f' AND tags : "{TAG}{int(row[0]) if row else 0}"'
    return found


def _first(columns: str, limit: int) -> str:
    """A subquery of the first `limit` documents of a match, in rowid order."""
    return f"SELECT docs.rowid AS id{columns} FROM docs WHERE docs MATCH ? LIMIT {limit}"


def count(db: sqlite3.Connection, matched: str) -> tuple[int, bool]:
    """How many documents a match holds, up to `CAP`, and whether it holds more."""
    sql = f"SELECT COUNT(*) FROM ({_first('', CAP + 1)})"
    found = int(db.execute(sql, (matched,)).fetchone()[0])
    return min(found, CAP), found > CAP


def ranked(
    db: sqlite3.Connection, matched: str, title: str, limit: int, offset: int
) -> list[tuple[int, float]]:
    """`(rowid, score)` of one page of the bounded set, best first.

    A title that is exactly the words searched for comes first; then bm25 scaled by the
    document's weight; equal scores in IRI order.
    """
    rows = db.execute(
        f"SELECT c.id, c.score * d.weight AS score FROM ({_first(f', {BM25} AS score', CAP)}) c "
        "JOIN doc d ON d.id = c.id ORDER BY d.plain = ? DESC, score, d.iri LIMIT ? OFFSET ?",
        (matched, title, limit, offset),
    ).fetchall()
    return [(int(rowid), float(score)) for rowid, score in rows]


def tallies(
    db: sqlite3.Connection, matched: str, names: Sequence[str]
) -> list[tuple[str, str, str, int]]:
    """`(facet, value, label, count)` over the bounded set of a match, for these facets.

    When the match holds more than `CAP` documents (see `count`), each count is the least
    that value has.
    """
    marks = ",".join("?" * len(names))
    rows = db.execute(
        "SELECT v.facet, v.value, v.label, c.n FROM (SELECT x.value, COUNT(*) AS n "
        f"FROM ({_first('', CAP)}) f CROSS JOIN doc_values x ON x.doc = f.id GROUP BY x.value) c "
        f"JOIN search_values v ON v.id = c.value WHERE v.facet IN ({marks})",
        (matched, *names),
    ).fetchall()
    return [(f, v, label, int(n)) for f, v, label, n in rows]
