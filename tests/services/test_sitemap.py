"""The sitemaps list every page with a document of its own, in pieces of at most 50,000."""

from __future__ import annotations

from flask import Flask

from lacs_ld.services.sitemap import MAX_URLS, Sitemaps, pages
from tests.conftest import TEST_BASE

LACS = TEST_BASE + "def/lacs#"


def documents_of(app: Flask, cls: str) -> set[str]:
    rows = app.extensions["lacs"].store.select(
        f"SELECT ?s WHERE {{ GRAPH <{TEST_BASE}graph/data> {{ ?s a <{LACS}{cls}> }} }}"
    )
    return {TEST_BASE + "doc/" + str(row["s"])[len(TEST_BASE + "id/") :] for row in rows}


def test_every_authority_inspection_clause_and_quote_has_its_document_listed(app: Flask) -> None:
    listed = set(pages(app.extensions["lacs"].store, TEST_BASE))
    for cls in ("LocalAuthority", "Inspection", "GuidanceClause", "Quote", "GuidanceDocument"):
        documents = documents_of(app, cls)
        assert documents, cls
        assert documents <= listed, (cls, sorted(documents - listed)[:3])


def test_entry_points_lists_and_vocabularies_are_listed_but_not_fragments(app: Flask) -> None:
    listed = pages(app.extensions["lacs"].store, TEST_BASE)
    for page in ("", "doc/dataset", "authorities", "quotes", "sparql", "dumps/", "def/lacs"):
        assert TEST_BASE + page in listed, page
    assert TEST_BASE + "def/judgement/inadequate" in listed
    assert not [url for url in listed if "#" in url]
    assert not [url for url in listed if url.endswith("/selector") or "/link/" in url]
    assert len(listed) == len(set(listed))


def test_sitemaps_hold_at_most_their_size_and_lose_nothing() -> None:
    urls = tuple(f"{TEST_BASE}doc/thing/{n}" for n in range(7))
    found = Sitemaps(urls, size=3)
    assert found.count == 3
    assert [len(found.page(n) or ()) for n in (1, 2, 3)] == [3, 3, 1]
    assert sum((found.page(n) or () for n in (1, 2, 3)), ()) == urls
    assert found.page(0) is None and found.page(4) is None
    assert Sitemaps(()).count == 1 and MAX_URLS == 50_000
