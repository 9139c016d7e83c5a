"""Full-text search over authorities, inspections, guidance, clauses and every quote.

The index is an SQLite FTS5 table (standard library) in the snapshot's file, written once at
publish and read by every server process through the OS page cache. Ranking is FTS5's bm25,
a title hit weighing more than a body hit, and a hit in the context (what a quote is quoted
from, an inspection's authority and date) less; equal ranks in IRI order. A request ranks,
counts and tallies facets over at most `matching.CAP` matches, so its cost is bounded however
large the data grows (see `matching`); a facet offers at most `MAX_OPTIONS` values, the
commonest. User input never reaches FTS5 query syntax: `parse_query` keeps only word
characters, and each bare word or "quoted phrase" becomes one double-quoted FTS5 string,
joined by implicit AND; every value is a bound parameter.

Not exposed through SPARQL: the store (Oxigraph) has no full-text index, and a SPARQL
`FILTER(CONTAINS(...))` or `REGEX` scans every literal without stemming or ranking. The
search is a separate index over the same snapshot, answering with the same `{base}id/…` IRIs.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lacs_ld.services.listings import (
    FacetValue,
    Labels,
    ListingError,
    Readonly,
    check_filters,
    count_pages,
    facet_values,
)
from lacs_ld.services.search import matching
from lacs_ld.services.search.documents import FACETS, Doc
from lacs_ld.services.search.text import (
    HIT_END,
    HIT_START,
    MAX_QUERY_CHARS,
    fts_expression,
    parse_query,
    plain,
    shorten,
    split_highlights,
)

PAGE_SIZE = 20
MAX_OPTIONS = 50  # values a facet offers: the commonest (and the chosen one)


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
    """One page of ranked hits, with the facet counts over the hits counted.

    `more`: more documents match than were counted (`total` is then `matching.CAP`);
    `sampled`: the facets whose counts are the least each value has, for the same reason.
    """

    query: str
    terms: list[tuple[str, ...]]
    hits: list[Hit]
    total: int
    number: int
    pages: int
    size: int
    filters: dict[str, str]
    facets: dict[str, list[FacetValue]]
    more: bool = False
    sampled: frozenset[str] = frozenset()


class SearchIndex:
    """The FTS5 index in one snapshot's file; any number of threads and processes share it."""

    def __init__(self, db: Readonly) -> None:
        self._db = db
        self.labels = Labels(db, "search_values")

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
        db = self._db()
        matched = matching.match(db, expression, active)
        total, more = matching.count(db, matched)
        facets, sampled = self._facets(db, expression, active)
        pages = count_pages(total, PAGE_SIZE, page, "these results have")
        start = (page - 1) * PAGE_SIZE
        ranked = matching.ranked(db, matched, plain(text), PAGE_SIZE, start)
        hits = self._hits(db, matching.match(db, expression, {}), ranked)
        return Results(
            text, terms, hits, total, page, pages, PAGE_SIZE, active, facets, more, sampled
        )

    def _hits(
        self, db: sqlite3.Connection, expression: str, ranked: list[tuple[int, float]]
    ) -> list[Hit]:
        """The shown hits with their columns, facets and snippets, in rank order."""
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        rowids = [rowid for rowid, _ in ranked]
        found: dict[int, Any] = {}
        for rowid, title, body, context, iri, kind, facets, snip_body, snip_title in db.execute(
            "SELECT docs.rowid, title, body, context, d.iri, d.kind, d.facets, "
            "snippet(docs, 1, ?, ?, '…', 32), snippet(docs, 0, ?, ?, '…', 32) "
            f"FROM docs JOIN doc d ON d.id = docs.rowid WHERE docs MATCH ? AND docs.rowid IN ({marks})",
            (HIT_START, HIT_END, HIT_START, HIT_END, expression, *rowids),
        ):
            facet_map = {k: tuple(v) for k, v in json.loads(facets).items()}
            doc = Doc(iri, kind, title, body, context, facet_map)
            chosen = (
                snip_body if HIT_START in snip_body or HIT_START not in snip_title else snip_title
            )
            parts = split_highlights(chosen) if HIT_START in chosen else []
            found[rowid] = (doc, parts or [(shorten(body or title), False)])
        return [Hit(found[r][0], score, found[r][1]) for r, score in ranked]

    def _facets(
        self, db: sqlite3.Connection, expression: str, active: Mapping[str, str]
    ) -> tuple[dict[str, list[FacetValue]], frozenset[str]]:
        """For each facet, how many hits matching the *other* filters have each value.

        Facets sharing the same other filters are counted in one query: one for every facet
        not filtered, plus one per filtered facet. Also the facets counted over a cut set.
        """
        groups: dict[tuple[tuple[str, str], ...], list[str]] = {}
        for facet in FACETS:
            others = tuple(sorted((k, v) for k, v in active.items() if k != facet.name))
            groups.setdefault(others, []).append(facet.name)
        tallies: dict[str, list[tuple[str, str, int]]] = {f.name: [] for f in FACETS}
        sampled: set[str] = set()
        for others, names in groups.items():
            matched = matching.match(db, expression, dict(others))
            for name, value, label, count in matching.tallies(db, matched, names):
                tallies[name].append((value, label, count))
            if matching.count(db, matched)[1]:
                sampled.update(names)
        return {
            name: offered(facet_values(name, counted, active.get(name)))
            for name, counted in tallies.items()
        }, frozenset(sampled)


def offered(values: list[FacetValue]) -> list[FacetValue]:
    """The first `MAX_OPTIONS` values of a facet, and the chosen one wherever it stands."""
    shown = values[:MAX_OPTIONS]
    shown += [v for v in values[MAX_OPTIONS:] if v.selected]
    return shown
