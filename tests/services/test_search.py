"""Search: query parsing never passes syntax through; what people type finds what they mean."""

from __future__ import annotations

from itertools import pairwise

import pytest
from flask import Flask

from lacs_ld.services.listings import ListingError, ListReader
from lacs_ld.services.search import PAGE_SIZE, SearchIndex, open_artefact
from lacs_ld.services.search.index import MAX_OPTIONS
from lacs_ld.services.search.matching import CAP
from lacs_ld.services.search.text import (
    HIT_END,
    HIT_START,
    MAX_QUERY_CHARS,
    fts_expression,
    parse_query,
    split_highlights,
)
from tests.conftest import TEST_BASE

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
    return open_artefact(publication.store, publication.snapshot).search


@pytest.fixture(scope="module")
def lists(app: Flask) -> ListReader:
    publication = app.extensions["lacs"]
    return open_artefact(publication.store, publication.snapshot).lists


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


def test_an_authority_s_name_finds_the_authority_first(index: SearchIndex) -> None:
    results = index.search("Birmingham")
    assert results.hits[0].doc.iri == TEST_BASE + "id/authority/E08000025"
    assert results.hits[0].doc.kind == "authority"
    kinds = {v.value for v in results.facets["type"]}
    assert {"authority", "inspection", "quote"} <= kinds


def test_an_authority_is_found_by_its_gss_code(index: SearchIndex) -> None:
    results = index.search("E08000025")
    assert [h.doc.iri for h in results.hits] == [TEST_BASE + "id/authority/E08000025"]


def test_an_authority_is_found_by_the_name_of_the_council_it_replaced(
    index: SearchIndex,
) -> None:
    # Bedfordshire (E10000001) was replaced by Bedford and Central Bedfordshire in 2009.
    results = index.search("Bedfordshire", {"type": "authority"})
    found = {h.doc.iri for h in results.hits}
    assert TEST_BASE + "id/authority/E06000055" in found  # Bedford: no word of its name
    assert results.hits[0].doc.heading == "Bedfordshire"  # the exact name comes first


def test_inadequate_2023_finds_the_inadequate_inspections_of_2023(
    index: SearchIndex, lists: ListReader
) -> None:
    results = index.search("inadequate 2023")
    listed = lists.page("inspections", {"grade": "inadequate", "year": "2023"})
    assert results.total == listed.total > 0
    assert {h.doc.iri for h in results.hits} == {i.iri for i in listed.everything()}
    assert all(h.doc.kind == "inspection" for h in results.hits)


def test_inspections_are_found_by_authority_framework_and_year(index: SearchIndex) -> None:
    results = index.search("Birmingham SIF 2016", {"type": "inspection"})
    assert results.hits
    assert all(h.doc.facets["year"] == ("2016",) for h in results.hits)
    assert all(h.doc.facets["authority"] == ("E08000025",) for h in results.hits)


def test_the_kind_facet_narrows_to_one_kind(index: SearchIndex) -> None:
    everything = index.search("Leeds")
    kinds = {v.value: v.count for v in everything.facets["type"]}
    narrowed = index.search("Leeds", {"type": "inspection"})
    assert narrowed.total == kinds["inspection"] < everything.total
    assert {h.doc.kind for h in narrowed.hits} == {"inspection"}


def test_equal_ranks_are_in_iri_order(index: SearchIndex) -> None:
    hits = index.search("inadequate 2023").hits
    for first, second in pairwise(hits):
        if first.score == second.score:
            assert first.doc.iri < second.doc.iri


@pytest.mark.parametrize(
    "filters", [{}, {"year": "2016"}, {"type": "quote", "region": "london"}, {"type": "clause"}]
)
def test_the_total_is_the_number_of_hits_on_every_page(
    index: SearchIndex, filters: dict[str, str]
) -> None:
    first = index.search("home educated", filters)
    seen = [
        h.doc.iri
        for n in range(1, first.pages + 1)
        for h in index.search("home educated", filters, page=n).hits
    ]
    assert len(seen) == len(set(seen)) == first.total > 0


def test_a_search_matching_more_than_the_cap_says_so_and_pages_through_the_cap(
    index: SearchIndex,
) -> None:
    everything = index.search("children")  # about 3,100 matches in the bundled data
    assert everything.more and everything.total == CAP
    assert everything.pages == CAP // PAGE_SIZE
    assert everything.sampled >= {"type", "year", "region"}
    last = index.search("children", page=everything.pages)
    assert len(last.hits) == PAGE_SIZE


def test_a_cut_facet_count_is_the_least_the_value_has(index: SearchIndex) -> None:
    everything = index.search("children")
    for value in everything.facets["type"]:
        narrowed = index.search("children", {"type": value.value})
        assert narrowed.total >= value.count or narrowed.more


def test_narrowing_a_broad_search_makes_its_counts_exact(index: SearchIndex) -> None:
    narrowed = index.search("children", {"type": "inspection"})
    # Only the alternatives to the chosen kind are still counted over the broad search.
    assert not narrowed.more and narrowed.sampled == {"type"}
    seen = {
        h.doc.iri
        for n in range(1, narrowed.pages + 1)
        for h in index.search("children", {"type": "inspection"}, page=n).hits
    }
    assert len(seen) == narrowed.total > 100


def test_a_facet_offers_its_commonest_values_and_the_chosen_one(index: SearchIndex) -> None:
    everything = index.search("children")
    authorities = everything.facets["authority"]
    assert len(authorities) == MAX_OPTIONS
    counts = [v.count for v in authorities]
    assert counts == sorted(counts, reverse=True)
    rare = index.search("Leeds").facets["authority"][0].value
    chosen = index.search("children", {"authority": rare}).facets["authority"]
    assert any(v.selected and v.value == rare for v in chosen)
