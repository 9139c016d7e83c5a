"""Values worked out once per published snapshot: links, linksets and embedded JSON-LD."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from flask import current_app

from lacs_ld.web import context

CACHE_KEY = "lacs.signposting"
T = TypeVar("T")


class SnapshotMemo:
    """Named values of one snapshot; a new snapshot, or too many values, starts afresh."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self._snapshot = ""
        self._values: dict[str, object] = {}
        self._lock = threading.Lock()

    def get(self, snapshot: str, name: str, compute: Callable[[], T]) -> T:
        with self._lock:
            if snapshot != self._snapshot:
                self._snapshot, self._values = snapshot, {}
            if name in self._values:
                return self._values[name]  # type: ignore[return-value]
        found = compute()
        with self._lock:
            if snapshot == self._snapshot:
                if len(self._values) >= self.limit:
                    self._values = {}
                self._values[name] = found
        return found


def remember(name: str, compute: Callable[[], T]) -> T:
    """`compute()` for the snapshot being served, worked out on first demand only."""
    memo: SnapshotMemo = current_app.extensions.setdefault(CACHE_KEY, SnapshotMemo())
    return memo.get(context.snapshot().key, name, compute)
