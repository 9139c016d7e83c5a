"""The catalogue of the snapshot being served, and what is derived from it, made once each."""

from __future__ import annotations

import threading
from collections.abc import Callable

from lacs_ld.services.listings.build import build
from lacs_ld.services.listings.catalogue import Catalogue
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.store import Store


class CatalogueCache:
    """The catalogue of the snapshot being served; rebuilt when a new snapshot is published.

    One instance lives on the application (`app.extensions`), never at module level.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: Catalogue | None = None
        self._extras: dict[str, object] = {}

    def get(self, store: Store, snapshot: Snapshot) -> Catalogue:
        """The catalogue of `snapshot`, built on first use after each publish."""
        current = self._current
        if current is not None and current.key == snapshot.key:
            return current
        with self._lock:
            current = self._current
            if current is None or current.key != snapshot.key:
                current = build(store, snapshot)
                self._current = current
                self._extras = {}
            return current

    def extra(self, catalogue: Catalogue, name: str, make: Callable[[Catalogue], object]) -> object:
        """Something derived from a catalogue (the search index), made once per snapshot."""
        with self._lock:
            key = f"{catalogue.key}:{name}"
            if key not in self._extras:
                self._extras[key] = make(catalogue)
            return self._extras[key]
