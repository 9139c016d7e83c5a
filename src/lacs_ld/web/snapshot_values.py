"""What views derive from the whole served snapshot: computed once, sent with its validators.

The sitemaps and the dataset description are each worked out from the entire snapshot, so
each is computed on first demand and kept until the next publish; their responses carry the
snapshot's ETag seed and release date (RFC 9110 §8.8).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from flask import Response, current_app

from lacs_ld.services.snapshot import Snapshot
from lacs_ld.web import context
from lacs_ld.web.http import conditional, snapshot_time

T = TypeVar("T")


class SnapshotValue(Generic[T]):
    """One value of one snapshot; a new snapshot replaces it (computed under a lock, once)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cached: dict[str, T] = {}

    def get(self, snapshot: str, compute: Callable[[], T]) -> T:
        with self._lock:
            found = self._cached.get(snapshot)
            if found is None:
                found = compute()
                self._cached.clear()
                self._cached[snapshot] = found
        return found


def per_snapshot(name: str, compute: Callable[[Snapshot], T]) -> T:
    """`compute(snapshot)` for the snapshot being served, kept under `name` until the next."""
    snapshot = context.snapshot()
    holder: SnapshotValue[T] = current_app.extensions.setdefault(name, SnapshotValue())
    return holder.get(snapshot.key, lambda: compute(snapshot))


def snapshot_validated(response: Response) -> Response:
    """A response given the served snapshot's ETag and Last-Modified (RFC 9110 §8.8)."""
    snapshot = context.snapshot()
    modified = snapshot_time(snapshot.issued, snapshot.dataset.stat().st_mtime)
    return conditional(response, seed=snapshot.etag_seed, modified=modified)
