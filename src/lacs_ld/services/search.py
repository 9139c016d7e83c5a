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

import re
import sqlite3
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from lacs_ld.services.listings import (
    Catalogue,
    Facet,
    FacetValue,
    ListingError,
    PageNotFound,
    facet_counts,
)

MAX_QUERY_CHARS = 200
MAX_TERMS = 16
PAGE_SIZE = 20
HIT_START = "\ue000"
HIT_END = "\ue001"
_MARKERS = re.compile("[\ue000\ue001]")
_PARTS = re.compile(r'"([^"]*)"|([^"\s]+)')
_WORD = re.compile(r"\w+")

FACETS: tuple[Facet, ...] = (
    Facet("type", "Type"),
    Facet("topic", "Topic"),
    Facet("framework", "Framework"),
    Facet("year", "Year"),
    Facet("region", "Region"),
    Facet("authority", "Authority"),
)
TYPE_LABELS = {
    "quote": "Quote",
    "clause": "Guidance clause",
    "guidance": "Guidance document",
    "document": "Source document",
    "authority": "Local authority",
}


@dataclass(frozen=True)
class Doc:
    iri: str
    kind: str
    title: str
    body: str
    context: str
    facets: dict[str, tuple[str, ...]]


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
    query: str
    terms: list[tuple[str, ...]]
    hits: list[Hit]
    total: int
    number: int
    pages: int
    size: int
    filters: dict[str, str]
    facets: dict[str, list[FacetValue]]


def parse_query(text: str) -> list[tuple[str, ...]]:
    """The terms of a query: each "quoted phrase" or bare token as a tuple of its words.

    Only `\\w` runs survive, so no character of the input can act as FTS5 syntax; an
    unbalanced quote is ignored.
    """
    terms: list[tuple[str, ...]] = []
    for phrase, bare in _PARTS.findall(text):
        words = tuple(w.casefold() for w in _WORD.findall(phrase or bare))
        if words and words not in terms:
            terms.append(words)
    return terms[:MAX_TERMS]


def fts_expression(terms: list[tuple[str, ...]]) -> str:
    """The FTS5 query for parsed terms: each a quoted string of word characters, ANDed."""
    return " ".join('"' + " ".join(words) + '"' for words in terms)


class SearchIndex:
    """An FTS5 index of one catalogue; thread-safe (one connection behind a lock)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.key = catalogue.key
        self.docs = documents(catalogue)
        self.labels = _labels(catalogue)
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
        active = self._check(filters or {})
        terms = parse_query(text)
        if not terms:
            return Results(text, [], [], 0, 1, 1, PAGE_SIZE, active, {})
        expression = fts_expression(terms)
        with self._lock:
            ranked = self._db.execute(
                "SELECT rowid, bm25(docs, 4.0, 1.0, 0.5) FROM docs WHERE docs MATCH ? "
                "ORDER BY bm25(docs, 4.0, 1.0, 0.5)",
                (expression,),
            ).fetchall()
        everything = [(self.docs[rowid], score) for rowid, score in ranked]
        matching = [
            (d, s)
            for d, s in everything
            if all(v in d.facets.get(k, ()) for k, v in active.items())
        ]
        pages = max(1, -(-len(matching) // PAGE_SIZE))
        if page > pages:
            raise PageNotFound(f"page {page} is past the end: these results have {pages} page(s)")
        shown = matching[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        snippets = self._snippets(expression, [self._rowid(d) for d, _ in shown])
        hits = [
            Hit(d, s, snippets.get(self._rowid(d)) or [(_shorten(d.body or d.title), False)])
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

    def _check(self, filters: Mapping[str, str]) -> dict[str, str]:
        active: dict[str, str] = {}
        for facet in FACETS:
            value = filters.get(facet.name, "")
            if value:
                if value not in self.labels.get(facet.name, {}):
                    raise ListingError(f"unknown {facet.name} {value[:60]!r}")
                active[facet.name] = value
        return active


def split_highlights(snippet: str) -> list[tuple[str, bool]]:
    """A marked snippet as (text, highlighted) parts; the caller escapes each part."""
    parts: list[tuple[str, bool]] = []
    for n, chunk in enumerate(snippet.split(HIT_START)):
        if n == 0:
            if chunk:
                parts.append((chunk, False))
            continue
        hit, _, rest = chunk.partition(HIT_END)
        if hit:
            parts.append((hit, True))
        if rest:
            parts.append((rest, False))
    return parts


def _shorten(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _clean(text: str) -> str:
    return _MARKERS.sub("", text)


def _labels(catalogue: Catalogue) -> dict[str, dict[str, str]]:
    labels = {k: dict(v) for k, v in catalogue.labels.items()}
    labels["type"] = dict(TYPE_LABELS)
    return labels


def documents(catalogue: Catalogue) -> list[Doc]:
    """What the index holds: quotes, clauses, guidance and source documents, authorities."""
    docs: list[Doc] = []
    for item in catalogue.items["quotes"]:
        facets = {k: v for k, v in item.facets.items() if k != "clause" and k != "method"}
        docs.append(
            Doc(
                item.iri,
                "quote",
                "",
                _clean(item.fields["text"]),
                _clean(item.fields["source"]),
                {**facets, "type": ("quote",)},
            )
        )
    for iri, (label, text) in catalogue.clause_texts.items():
        docs.append(Doc(iri, "clause", _clean(label), _clean(text), "", {"type": ("clause",)}))
    for item in catalogue.items["guidance"]:
        kind = item.facets["type"][0] if item.facets.get("type") else "guidance"
        context = " · ".join(x for x in (item.fields["publisher"], item.fields["issued"]) if x)
        docs.append(Doc(item.iri, kind, _clean(item.label), "", context, {"type": (kind,)}))
    for item in catalogue.items["authorities"]:
        context = " · ".join(x for x in (item.fields["region"], item.fields["gss"]) if x)
        facets = {"type": ("authority",), "region": item.facets.get("region", ())}
        gss = item.fields["gss"]
        if gss in catalogue.labels.get("authority", {}):
            facets["authority"] = (gss,)
        docs.append(Doc(item.iri, "authority", _clean(item.label), "", context, facets))
    return docs
