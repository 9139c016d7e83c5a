"""Full-text search over authority names, guidance titles, clause texts and every quote.

The index is an in-memory SQLite FTS5 table (standard library), built once per snapshot
from the listing catalogue. Ranking is FTS5's bm25, a title hit weighing more than a body
hit, and a hit in the context (what a quote is quoted from) less. User input never reaches
FTS5 query syntax: `parse_query` keeps only word characters, and each bare word or
"quoted phrase" becomes one double-quoted FTS5 string, joined by implicit AND; every
value is a bound parameter.

Not exposed through SPARQL: the store (Oxigraph) has no full-text index, and a SPARQL
`FILTER(CONTAINS(...))` or `REGEX` scans every literal without stemming or ranking. The
search is a separate index over the same snapshot, answering with the same `{base}id/…` IRIs.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from lacs_ld.services.listings import (
    Catalogue,
    FacetValue,
    ListingError,
    check_filters,
    count_pages,
    facet_counts,
    matches,
)
from lacs_ld.services.search_documents import FACETS, Doc, documents, facet_labels
from lacs_ld.services.search_text import (
    HIT_END,
    HIT_START,
    MAX_QUERY_CHARS,
    fts_expression,
    parse_query,
    shorten,
    split_highlights,
)

PAGE_SIZE = 20


@dataclass(frozen=True)
class Hit:
    """One result: the thing, its rank score and a snippet as (text, highlighted) parts."""

    doc: Doc
    score: float
    snippet: list[tuple[str, bool]]

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _ in self.snippet)


@dataclass(frozen=True)
class Results:
    """One page of ranked hits, with the facet counts over every hit."""

    query: str
    terms: list[tuple[str, ...]]
    hits: list[Hit]
    total: int
    number: int
    pages: int
    size: int
    filters: dict[str, str]
    facets: dict[str, list[FacetValue]]


class SearchIndex:
    """An FTS5 index of one catalogue; thread-safe (one connection behind a lock)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.key = catalogue.key
        self.docs = documents(catalogue)
        self.labels = facet_labels(catalogue)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5("
            "title, body, context, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        self._db.executemany(
            "INSERT INTO docs(rowid, title, body, context) VALUES (?, ?, ?, ?)",
            ((n, d.title, d.body, d.context) for n, d in enumerate(self.docs)),
        )
        self._db.commit()

    def search(
        self, text: str, filters: Mapping[str, str] | None = None, *, page: int = 1
    ) -> Results:
        """Ranked hits for a query; `ListingError` for an over-long query or unknown facet."""
        if len(text) > MAX_QUERY_CHARS:
            raise ListingError(f"the search text is longer than {MAX_QUERY_CHARS} characters")
        active = check_filters(FACETS, filters or {}, self.labels, suggest=False)
        terms = parse_query(text)
        if not terms:
            return Results(text, [], [], 0, 1, 1, PAGE_SIZE, active, {})
        expression = fts_expression(terms)
        with self._lock:
            ranked = self._db.execute(
                "SELECT rowid, bm25(docs, 4.0, 1.0, 0.5) FROM docs WHERE docs MATCH ? "
                "ORDER BY bm25(docs, 4.0, 1.0, 0.5), rowid",
                (expression,),
            ).fetchall()
        everything = [(self.docs[rowid], score) for rowid, score in ranked]
        matching = [(d, s) for d, s in everything if matches(d, active)]
        pages = count_pages(len(matching), PAGE_SIZE, page, "these results have")
        shown = matching[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        snippets = self._snippets(expression, [self._rowid(d) for d, _ in shown])
        hits = [
            Hit(d, s, snippets.get(self._rowid(d)) or [(shorten(d.body or d.title), False)])
            for d, s in shown
        ]
        facets = facet_counts(FACETS, (d for d, _ in everything), active, self.labels)
        return Results(text, terms, hits, len(matching), page, pages, PAGE_SIZE, active, facets)

    def _rowid(self, doc: Doc) -> int:
        return self._rowids[doc.iri]

    @property
    def _rowids(self) -> dict[str, int]:
        found = self.__dict__.get("_rowid_map")
        if found is None:
            found = {d.iri: n for n, d in enumerate(self.docs)}
            self.__dict__["_rowid_map"] = found
        return found

    def _snippets(self, expression: str, rowids: list[int]) -> dict[int, list[tuple[str, bool]]]:
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        with self._lock:
            rows = self._db.execute(
                "SELECT rowid, snippet(docs, 1, ?, ?, '…', 32), snippet(docs, 0, ?, ?, '…', 32) "
                f"FROM docs WHERE docs MATCH ? AND rowid IN ({marks})",
                (HIT_START, HIT_END, HIT_START, HIT_END, expression, *rowids),
            ).fetchall()
        found: dict[int, list[tuple[str, bool]]] = {}
        for rowid, body, title in rows:
            chosen = body if HIT_START in body or HIT_START not in title else title
            found[rowid] = split_highlights(chosen)
        return found
