"""Read-only SQLite connections to a snapshot's file, one per thread, memory-mapped.

The file never changes once written (a snapshot is immutable), so it is opened `immutable`
(no locks, no change checks) and read through `mmap`: its pages sit in the OS page cache,
shared by every server process, instead of in each process's heap. Each connection keeps
only a small private cache.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

MMAP_BYTES = 1 << 30  # at most: the file's own size is what is mapped
PRIVATE_CACHE_KIB = 256


class Readonly:
    """Connections to one immutable SQLite file, made on first use in each thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def __call__(self) -> sqlite3.Connection:
        found: sqlite3.Connection | None = getattr(self._local, "db", None)
        if found is None:
            uri = f"file:{quote(str(self.path.resolve()))}?mode=ro&immutable=1"
            found = sqlite3.connect(uri, uri=True, check_same_thread=False)
            found.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            found.execute(f"PRAGMA cache_size = -{PRIVATE_CACHE_KIB}")
            self._local.db = found
        return found
