"""Browsable lists: rows computed once per snapshot by SPARQL, then filtered and paged in memory.

The data changes only when a snapshot is published, so every list's rows, facet values and
labels are read from the store once per snapshot (`Catalogue`) and written, with every
documented order and the unfiltered facet counts, into an SQLite file in the snapshot's
folder. Each request reads one page and its counts from that file, shared by every server
process through the OS page cache. Facet counts therefore come from the same snapshot as the
list they describe.

Facet parameters name values by slug: `region=london`, `grade=good`, `framework=sif` (the
broad framework), `topic=elective-home-education`, `method=curated`, `authority=E08000025`
(GSS code), `year=2016`, `clause=sif-annex-a/clause/2.05` (the clause IRI after `id/guidance/`),
`status=live|abolished`, `type=guidance|document`. An unknown parameter value is refused
(`ListingError`, HTTP 400) rather than silently answered with nothing.

- `model`: the shapes (spec, column, facet, sort, item, page) and the errors;
- `specs`: the four lists' definitions;
- `rows`, `terms`, `build`, `documents`: reading the rows from the store;
- `catalogue`: what is read; `tables`: written into the snapshot's file (see
  `services.search.artefact`), once per snapshot;
- `connection`, `reader`, `labels`, `filtering`: answering a page from that file;
- `render`: a page as CSV or as a `hydra:Collection`.
"""

from __future__ import annotations

from lacs_ld.services.listings.build import build
from lacs_ld.services.listings.catalogue import PAGE_SIZE, Catalogue
from lacs_ld.services.listings.connection import Readonly
from lacs_ld.services.listings.filtering import (
    MAX_PAGE,
    Faceted,
    check_filters,
    count_pages,
    facet_counts,
    facet_values,
    matches,
    parse_page,
)
from lacs_ld.services.listings.labels import Labels
from lacs_ld.services.listings.model import (
    Column,
    Facet,
    FacetValue,
    Item,
    ListingError,
    ListSpec,
    Page,
    PageNotFound,
    Sort,
)
from lacs_ld.services.listings.reader import ListReader
from lacs_ld.services.listings.render import page_csv, page_graph
from lacs_ld.services.listings.rows import bindings_for, run
from lacs_ld.services.listings.specs import SPECS

__all__ = [
    "MAX_PAGE",
    "PAGE_SIZE",
    "SPECS",
    "Catalogue",
    "Column",
    "Facet",
    "FacetValue",
    "Faceted",
    "Item",
    "Labels",
    "ListReader",
    "ListSpec",
    "ListingError",
    "Page",
    "PageNotFound",
    "Readonly",
    "Sort",
    "bindings_for",
    "build",
    "check_filters",
    "count_pages",
    "facet_counts",
    "facet_values",
    "matches",
    "page_csv",
    "page_graph",
    "parse_page",
    "run",
]
