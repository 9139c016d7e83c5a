"""Full-text search, and the per-snapshot file the search and the lists are answered from.

- `text`: the query's terms going into FTS5 and snippets coming out;
- `documents`: what is indexed (authorities, inspections, guidance, clauses, quotes);
- `tables`: writing the index; `index`: answering a search from it;
- `matching`: the bounded set of matches a search ranks and counts;
- `artefact`: the snapshot's file, written at publish, opened by every server process.
"""

from __future__ import annotations

from lacs_ld.services.search.artefact import FILE, Artefact, ensure, open_artefact, write_into
from lacs_ld.services.search.documents import FACETS, TYPE_LABELS, Doc
from lacs_ld.services.search.index import PAGE_SIZE, Hit, Results, SearchIndex
from lacs_ld.services.search.text import MAX_QUERY_CHARS

__all__ = [
    "FACETS",
    "FILE",
    "MAX_QUERY_CHARS",
    "PAGE_SIZE",
    "TYPE_LABELS",
    "Artefact",
    "Doc",
    "Hit",
    "Results",
    "SearchIndex",
    "ensure",
    "open_artefact",
    "write_into",
]
