"""The embedded default backend: pyoxigraph on disk, untrusted queries in worker processes."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph

from lacs_ld.errors import PublishError
from lacs_ld.store import terms
from lacs_ld.store.base import Bindings, QueryAnswer, QueryRequest, Row
from lacs_ld.store.dataset_files import disk_copy, open_read_only
from lacs_ld.store.workers import QueryPool

if TYPE_CHECKING:
    from lacs_ld.settings import Settings


class EmbeddedStore:
    """In-process reads for the service's own queries; a supervised pool for everyone else's."""

    name = "embedded"
    writable = True

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._store = ox.Store()
        self._dataset: Path | None = None
        self._pool: QueryPool | None = None
        self._pool_pid = 0
        self._lock = threading.Lock()

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        result = self._store.query(
            query, substitutions=terms.substitutions(bindings), use_default_graph_as_union=True
        )
        assert isinstance(result, ox.QuerySolutions)
        return terms.rows(result)

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        result = self._store.query(
            query, substitutions=terms.substitutions(bindings), use_default_graph_as_union=True
        )
        return bool(result)

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        result = self._store.query(
            query, substitutions=terms.substitutions(bindings), use_default_graph_as_union=True
        )
        assert isinstance(result, ox.QueryTriples)
        return terms.graph(result)

    def execute(self, request: QueryRequest) -> QueryAnswer:
        return self._current_pool().run(request)

    def _current_pool(self) -> QueryPool:
        """The pool of this process, started on first use (so forked servers get their own)."""
        with self._lock:
            if self._dataset is None:
                raise PublishError("no dataset has been published yet")
            if self._pool is None or self._pool_pid != os.getpid():
                self._pool = QueryPool(
                    self._dataset,
                    size=self._settings.query_workers,
                    timeout=self._settings.query_timeout,
                    max_bytes=self._settings.max_result_bytes,
                    memory_mb=self._settings.query_memory_mb,
                    base=self._settings.base_uri,
                )
                self._pool_pid = os.getpid()
            return self._pool

    def replace(self, dataset: Path) -> None:
        # Both the service's own bounded lookups and the workers' untrusted queries read the
        # on-disk copy: its pages are shared through the page cache, never copied per process.
        fresh = open_read_only(disk_copy(dataset))
        with self._lock:
            old_pool = self._pool if self._pool_pid == os.getpid() else None
            self._store, self._dataset, self._pool = fresh, dataset, None
        if old_pool is not None:
            old_pool.close()
        self._current_pool()  # start the query workers now, not on the first query

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
