"""The bounded set a search works on: at most `CAP` matches, taken in the index's own order.

A broad word matches more documents the more data there is, so nothing a request does may
visit every match. Each query here reads the first `CAP` matches (plus one, to know whether
there are more) in rowid order, which `tables` makes a prior of relevance (authorities, then
guidance, then the newest inspections and quotes), and ranks, counts and tallies facets only
over those: a search's cost is bounded by `CAP`, however large the data. A search matching
more says so ("more than 1,000 results") the way large search sites do; narrowing it by a
word or a facet brings its counts back to exact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

CAP = 1_000
# bm25 is negative, better ranks lower: a document's weight (above 1 for authorities) scales it.
BM25 = "bm25(docs, 4.0, 1.0, 0.5)"


def narrowed(active: Mapping[str, str]) -> tuple[str, list[str]]:
    """SQL conditions keeping only the matching documents that have every chosen value.

    Written as correlated `EXISTS` lookups rather than `rowid IN (…)`: FTS5 would take the
    latter as a list of rowids and run the whole match once for each of them.
    """
    where = ""
    params: list[str] = []
    for facet, value in sorted(active.items()):
        where += (
            " AND EXISTS (SELECT 1 FROM doc_values y WHERE y.doc = docs.rowid AND y.value = "
            "(SELECT id FROM search_values WHERE facet = ? AND value = ?))"
        )
        params += [facet, value]
    return where, params


def _first(columns: str, active: Mapping[str, str], limit: int) -> tuple[str, list[object]]:
    """A subquery of the first `limit` matches having every chosen value, in rowid order."""
    where, params = narrowed(active)
    sql = f"SELECT docs.rowid AS id{columns} FROM docs WHERE docs MATCH ?{where} LIMIT {limit}"
    return sql, list(params)


def count(db: sqlite3.Connection, expression: str, active: Mapping[str, str]) -> tuple[int, bool]:
    """How many documents match, up to `CAP`, and whether more than that do."""
    sql, params = _first("", active, CAP + 1)
    found = int(db.execute(f"SELECT COUNT(*) FROM ({sql})", (expression, *params)).fetchone()[0])
    return min(found, CAP), found > CAP


def ranked(
    db: sqlite3.Connection,
    expression: str,
    active: Mapping[str, str],
    title: str,
    limit: int,
    offset: int,
) -> list[tuple[int, float]]:
    """`(rowid, score)` of one page of the bounded set, best first.

    A title that is exactly the words searched for comes first; then bm25 scaled by the
    document's weight; equal scores in IRI order.
    """
    sql, params = _first(f", {BM25} AS score", active, CAP)
    rows = db.execute(
        f"SELECT c.id, c.score * d.weight AS score FROM ({sql}) c JOIN doc d ON d.id = c.id "
        "ORDER BY d.plain = ? DESC, score, d.iri LIMIT ? OFFSET ?",
        (expression, *params, title, limit, offset),
    ).fetchall()
    return [(int(rowid), float(score)) for rowid, score in rows]


def tallies(
    db: sqlite3.Connection, expression: str, others: Mapping[str, str], names: Sequence[str]
) -> list[tuple[str, str, str, int]]:
    """`(facet, value, label, count)` over the bounded set matching `others`, for these facets.

    When more than `CAP` documents match `others` (see `count`), each count is the least
    that value has.
    """
    sql, params = _first("", others, CAP)
    marks = ",".join("?" * len(names))
    rows = db.execute(
        "SELECT v.facet, v.value, v.label, c.n FROM (SELECT x.value, COUNT(*) AS n "
        f"FROM ({sql}) f CROSS JOIN doc_values x ON x.doc = f.id GROUP BY x.value) c "
        f"JOIN search_values v ON v.id = c.value WHERE v.facet IN ({marks})",
        (expression, *params, *names),
    ).fetchall()
    return [(f, v, label, int(n)) for f, v, label, n in rows]
