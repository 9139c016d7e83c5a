"""Rendered documents kept per snapshot, so a popular page is built once, not per request."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from flask import Flask, current_app

from lacs_ld.web.http import gzip_body

if TYPE_CHECKING:
    from lacs_ld.web.ready import Variant

CACHE_KEY = "lacs.documents"
CACHE_BYTES = 64 * 1024 * 1024
KNOWN_KEY = "lacs.known-things"
MAX_KNOWN = 65536


class DocumentCache:
    """Rendered documents per (snapshot, path, format), least recently used out first."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[str, ...], Rendered] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> Rendered | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: tuple[str, ...], value: Rendered) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = value
            self._bytes += len(value.body)
            while self._bytes > self.max_bytes and len(self._entries) > 1:
                _, evicted = self._entries.popitem(last=False)
                self._bytes -= len(evicted.body)


@dataclass(frozen=True)
class Rendered:
    """A document's body in one format, ready to send.

    What every response carrying it repeats is worked out once, here: its strong ETag, its
    Link header, its Last-Modified and, on first demand, its gzip form and the header lists
    it is sent with (`web.ready`).
    """

    body: bytes
    status: int = 200
    etag: str | None = None
    link: str = ""
    modified: datetime | None = None
    variants: dict[tuple[object, ...], Variant] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    @cached_property
    def compressed(self) -> bytes:
        return gzip_body(self.body)


def cache(app: Flask | None = None) -> DocumentCache:
    """The application's document cache, made on first use."""
    extensions = (app or current_app).extensions
    found: DocumentCache | None = extensions.get(CACHE_KEY)
    if found is None:  # made only when missing: this runs on every request
        found = extensions.setdefault(CACHE_KEY, DocumentCache())
    return found


class KnownThings:
    """Things a snapshot was found to describe, so a `303` costs no store query after the first.

    Only things found are kept (a flood of unknown paths adds nothing), at most `max_entries`,
    least recently used out first; the snapshot is part of each key.
    """

    def __init__(self, max_entries: int = MAX_KNOWN) -> None:
        self.max_entries = max_entries
        self._seen: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key: tuple[str, str]) -> bool:
        with self._lock:
            if key not in self._seen:
                return False
            self._seen.move_to_end(key)
            return True

    def add(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._seen[key] = None
            while len(self._seen) > self.max_entries:
                self._seen.popitem(last=False)


def known(app: Flask | None = None) -> KnownThings:
    """The application's record of things known to exist, made on first use."""
    extensions = (app or current_app).extensions
    found: KnownThings | None = extensions.get(KNOWN_KEY)
    if found is None:
        found = extensions.setdefault(KNOWN_KEY, KnownThings())
    return found
