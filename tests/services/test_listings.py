"""Lists: page parsing, facet counting, and pages read from the snapshot's file."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path

import pytest
from flask import Flask

from lacs_ld.services.listings import (
    PAGE_SIZE,
    SPECS,
    Catalogue,
    Facet,
    Item,
    ListingError,
    ListReader,
    PageNotFound,
    build,
    facet_counts,
    matches,
    parse_page,
)
from lacs_ld.services.publish import Publication
from lacs_ld.services.search import ensure, open_artefact
from lacs_ld.services.snapshot import Snapshot


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
def publication(app: Flask) -> Publication:
    found: Publication = app.extensions["lacs"]
    return found


@pytest.fixture(scope="module")
def lists(publication: Publication) -> ListReader:
    assert publication.snapshot is not None
    return open_artefact(publication.store, publication.snapshot).lists


@pytest.fixture(scope="module")
def catalogue(publication: Publication) -> Catalogue:
    assert publication.snapshot is not None
    return build(publication.store, publication.snapshot)


def test_every_list_has_rows_and_pages(lists: ListReader, catalogue: Catalogue) -> None:
    for name in SPECS:
        page = lists.page(name, {})
        assert page.total == len(catalogue.items[name]) > 0
        assert len(page.items) == min(PAGE_SIZE, page.total)
        with pytest.raises(PageNotFound):
            lists.page(name, {}, page=page.pages + 1)


def test_filters_narrow_and_unknown_values_are_refused(lists: ListReader) -> None:
    page = lists.page("quotes", {"topic": "elective-home-education"})
    assert 0 < page.total < lists.page("quotes", {}).total
    assert all("elective-home-education" in i.facets["topic"] for i in page.everything())
    with pytest.raises(ListingError):
        lists.page("quotes", {"topic": "no-such-topic"})
    with pytest.raises(ListingError):
        lists.page("quotes", {}, sort="sideways")


def test_sorts_order_the_rows(lists: ListReader) -> None:
    newest = lists.page("inspections", {}, sort="newest").everything()
    days = [i.fields["day"] for i in newest]
    assert all(days) and days == sorted(days, reverse=True)


FILTERED = [
    ("authorities", {}, None, 1),
    ("authorities", {"region": "london", "status": "live"}, "name", 1),
    ("inspections", {"grade": "inadequate"}, "oldest", 2),
    ("inspections", {"grade": "good", "year": "2016", "framework": "sif"}, None, 1),
    ("quotes", {"topic": "elective-home-education", "year": "2016"}, "authority", 1),
    ("quotes", {}, "newest", 3),
    ("guidance", {"type": "guidance"}, "title", 1),
]


@pytest.mark.parametrize(("name", "filters", "sort", "number"), FILTERED)
def test_pages_from_the_file_equal_filtering_the_rows_in_memory(
    lists: ListReader,
    catalogue: Catalogue,
    name: str,
    filters: dict[str, str],
    sort: str | None,
    number: int,
) -> None:
    spec = SPECS[name]
    chosen = spec.sort(sort)
    ordered = sorted(catalogue.items[name], key=chosen.order, reverse=chosen.reverse)
    matching = [i for i in ordered if matches(i, filters)]
    page = lists.page(name, filters, page=number, sort=sort)
    assert page.total == len(matching)
    shown = matching[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    assert [i.iri for i in page.items] == [i.iri for i in shown]
    assert page.items == shown
    expected = facet_counts(spec.facets, catalogue.items[name], filters, catalogue.labels)
    assert page.facets == expected


def test_the_file_is_written_once_and_on_first_use_for_an_older_snapshot(
    publication: Publication, tmp_path: Path
) -> None:
    snapshot = publication.snapshot
    assert snapshot is not None
    written = ensure(publication.store, snapshot)
    before = written.stat().st_mtime_ns
    assert ensure(publication.store, snapshot) == written
    assert written.stat().st_mtime_ns == before
    # A snapshot published before the file existed gets one when it is first served.
    older = tmp_path / snapshot.key
    shutil.copytree(snapshot.directory, older, ignore=shutil.ignore_patterns("artefacts"))
    copy = Snapshot.read(older)
    assert copy is not None
    lists = open_artefact(publication.store, copy).lists
    assert (
        lists.page("authorities", {}).total
        == open_artefact(publication.store, snapshot).lists.page("authorities", {}).total
    )
    assert [p.name for p in (older / "artefacts").iterdir() if not p.name.startswith(".")] == [
        written.name
    ]


def test_authorities_sharing_a_name_are_told_apart_in_the_facet(lists: ListReader) -> None:
    options = [v.label for v in lists.page("inspections", {}).facets["authority"]]
    assert len(options) == len(set(options))
    assert "Buckinghamshire (2009 to 2020)" in options
    assert "Buckinghamshire (from 2020)" in options


def test_a_snapshot_folder_that_cannot_be_written_gets_its_file_in_the_temporary_folder(
    publication: Publication, tmp_path: Path
) -> None:
    snapshot = publication.snapshot
    assert snapshot is not None
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the snapshot folder would be\n")
    unwritable = dataclasses.replace(snapshot, directory=blocked, key=f"test-{tmp_path.name}")
    written = ensure(publication.store, unwritable)
    try:
        assert written.is_relative_to(tempfile.gettempdir())
        assert open_artefact(publication.store, unwritable).lists.page("guidance", {}).total > 0
    finally:
        shutil.rmtree(written.parent)
