"""The served snapshot's list catalogue and search index, kept on the application."""

from __future__ import annotations

from flask import current_app

from lacs_ld.services.listings import Catalogue, CatalogueCache
from lacs_ld.services.search import SearchIndex
from lacs_ld.web import context

CACHE_KEY = "lacs.catalogue"


def catalogue_cache() -> CatalogueCache:
    """The application's one cache, made on first use rather than held at module level."""
    cache = current_app.extensions.get(CACHE_KEY)
    if cache is None:
        cache = current_app.extensions.setdefault(CACHE_KEY, CatalogueCache())
    assert isinstance(cache, CatalogueCache)
    return cache


def catalogue() -> Catalogue:
    """The lists of the snapshot being served, computed on first use after each publish."""
    return catalogue_cache().get(context.store(), context.snapshot())


def search_index() -> SearchIndex:
    """The full-text index of the snapshot being served, built on first use."""
    current = catalogue()
    index = catalogue_cache().extra(current, "search", SearchIndex)
    assert isinstance(index, SearchIndex)
    return index
