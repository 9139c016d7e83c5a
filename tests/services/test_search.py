"""Search: query parsing never passes syntax through; ranking and snippets on the real data."""

from __future__ import annotations

import pytest
from flask import Flask

from lacs_ld.services.listings import CatalogueCache, ListingError
from lacs_ld.services.search import SearchIndex
from lacs_ld.services.search_text import (
    HIT_END,
    HIT_START,
    MAX_QUERY_CHARS,
    fts_expression,
    parse_query,
    split_highlights,
)

HOSTILE = ['"', "*", "NEAR(", "OR OR", "((", "'; DROP TABLE x; --", "a AND", "^x", "col:x", "-x"]


def test_phrases_and_words() -> None:
    assert parse_query('home "elective home education" EHE') == [
        ("home",),
        ("elective", "home", "education"),
        ("ehe",),
    ]
    assert parse_query('"unbalanced phrase') == [("unbalanced",), ("phrase",)]
    assert parse_query('" * ( ) ;') == []


@pytest.mark.parametrize("text", HOSTILE)
def test_expressions_hold_only_quoted_words(text: str) -> None:
    expression = fts_expression(parse_query(text))
    for term in expression.split('" "'):
        assert all(ch.isalnum() or ch in ' _"' for ch in term)


def test_highlights_split_into_parts() -> None:
    marked = f"a {HIT_START}<b>{HIT_END} c"
    assert split_highlights(marked) == [("a ", False), ("<b>", True), (" c", False)]


@pytest.fixture(scope="module")
def index(app: Flask) -> SearchIndex:
    publication = app.extensions["lacs"]
    return SearchIndex(CatalogueCache().get(publication.store, publication.snapshot))


@pytest.mark.parametrize("text", [*HOSTILE, "x" * MAX_QUERY_CHARS])
def test_hostile_queries_give_results_or_nothing(index: SearchIndex, text: str) -> None:
    results = index.search(text)
    assert results.total >= 0


def test_over_long_queries_are_refused(index: SearchIndex) -> None:
    with pytest.raises(ListingError):
        index.search("x" * (MAX_QUERY_CHARS + 1))


def test_home_educated_finds_ehe_quotes(index: SearchIndex) -> None:
    results = index.search("home educated", {"type": "quote"})
    assert results.total > 10
    assert results.hits[0].doc.kind == "quote"
    topics = {t for hit in results.hits for t in hit.doc.facets.get("topic", ())}
    assert "elective-home-education" in topics
    assert any(match for hit in results.hits for _, match in hit.snippet)


def test_phrase_is_narrower_than_words(index: SearchIndex) -> None:
    words = index.search("home education").total
    phrase = index.search('"home education"').total
    assert 0 < phrase <= words


def test_facets_filter_hits(index: SearchIndex) -> None:
    everything = index.search("home educated")
    year = next(v for v in everything.facets["year"] if v.count > 0)
    narrowed = index.search("home educated", {"year": year.value})
    assert narrowed.total == year.count
    assert all(year.value in h.doc.facets["year"] for h in narrowed.hits)
