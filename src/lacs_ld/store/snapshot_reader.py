"""A snapshot's on-disk store copy, read while the snapshot is still being published.

Publishing writes what every server process shares (the lists and the search index) into the
snapshot before its manifest is written, so those files are checksummed like the rest; they
are read from this read-only copy, whichever backend will serve the snapshot.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from lacs_ld.store import terms
from lacs_ld.store.base import Bindings, Reader, Row
from lacs_ld.store.dataset_files import disk_copy, open_read_only


class SnapshotReader:
    """Trusted SELECT, ASK and CONSTRUCT over a read-only on-disk store."""

    def __init__(self, store: ox.Store) -> None:
        self._store = store

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        result = self._query(query, bindings)
        assert isinstance(result, ox.QuerySolutions)
        return terms.rows(result)

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        return bool(self._query(query, bindings))

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        result = self._query(query, bindings)
        assert isinstance(result, ox.QueryTriples)
        return terms.graph(result)

    def _query(self, query: str, bindings: Bindings | None) -> object:
        return self._store.query(
            query, substitutions=terms.substitutions(bindings), use_default_graph_as_union=True
        )


@contextmanager
def reading(dataset: Path) -> Iterator[Reader]:
    """The snapshot's dataset as a read-only store (its on-disk copy, made if missing)."""
    store = open_read_only(disk_copy(dataset))
    try:
        yield SnapshotReader(store)
    finally:
        del store
