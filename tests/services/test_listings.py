"""Lists: page parsing, facet counting and the catalogue built from the published snapshot."""

from __future__ import annotations

import pytest
from flask import Flask

from lacs_ld.services.listings import (
    PAGE_SIZE,
    SPECS,
    CatalogueCache,
    Facet,
    Item,
    ListingError,
    PageNotFound,
    facet_counts,
    parse_page,
)


@pytest.mark.parametrize("raw", ["0", "-1", "abc", "1.5", "99999999999", "\u0661", " "])
def test_bad_page_numbers_are_refused(raw: str) -> None:
    with pytest.raises(ListingError):
        parse_page(raw)


def test_page_defaults_to_one() -> None:
    assert parse_page(None) == 1
    assert parse_page("") == 1
    assert parse_page("7") == 7


def _item(iri: str, **facets: tuple[str, ...]) -> Item:
    return Item(iri=iri, label=iri, fields={}, facets=facets)


def test_facet_counts_leave_out_their_own_filter() -> None:
    facets = (Facet("colour", "Colour"), Facet("size", "Size"))
    rows = [
        _item("a", colour=("red",), size=("big",)),
        _item("b", colour=("blue",), size=("big",)),
        _item("c", colour=("red",), size=("small",)),
    ]
    counts = facet_counts(facets, rows, {"colour": "red"}, {})
    assert {v.value: v.count for v in counts["colour"]} == {"red": 2, "blue": 1}
    assert {v.value: v.count for v in counts["size"]} == {"big": 1, "small": 1}
    assert [v.selected for v in counts["colour"] if v.value == "red"] == [True]


@pytest.fixture(scope="module")
def catalogue(app: Flask):  # type: ignore[no-untyped-def]
    publication = app.extensions["lacs"]
    return CatalogueCache().get(publication.store, publication.snapshot)


def test_catalogue_is_cached_per_snapshot(app: Flask) -> None:
    publication = app.extensions["lacs"]
    cache = CatalogueCache()
    first = cache.get(publication.store, publication.snapshot)
    assert cache.get(publication.store, publication.snapshot) is first
    assert first.key == publication.snapshot.key


def test_every_list_has_rows_and_pages(catalogue) -> None:  # type: ignore[no-untyped-def]
    for name in SPECS:
        page = catalogue.page(name, {})
        assert page.total == len(catalogue.items[name]) > 0
        assert len(page.items) == min(PAGE_SIZE, page.total)
        with pytest.raises(PageNotFound):
            catalogue.page(name, {}, page=page.pages + 1)


def test_filters_narrow_and_unknown_values_are_refused(catalogue) -> None:  # type: ignore[no-untyped-def]
    page = catalogue.page("quotes", {"topic": "elective-home-education"})
    assert 0 < page.total < len(catalogue.items["quotes"])
    assert all("elective-home-education" in i.facets["topic"] for i in page.matching)
    with pytest.raises(ListingError):
        catalogue.page("quotes", {"topic": "no-such-topic"})
    with pytest.raises(ListingError):
        catalogue.page("quotes", {}, sort="sideways")


def test_sorts_order_the_rows(catalogue) -> None:  # type: ignore[no-untyped-def]
    newest = catalogue.page("inspections", {}, sort="newest").matching
    dates = [i.fields["date"] for i in newest]
    assert dates == sorted(dates, reverse=True)
