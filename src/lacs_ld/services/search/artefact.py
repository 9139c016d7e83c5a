"""The lists' and the search's file of a snapshot: written once, then shared by every process.

One SQLite file in the snapshot's folder holds every list's rows, orders, facet values and
counts, and the full-text index. It is written while the snapshot is built, before its
manifest, so its checksum is recorded and verified like every other file of the snapshot
(`write_into`); a snapshot published before that gets it on first use, to a temporary name
renamed into place, under a lock so that server processes starting together build it once. Readers open it read-only and
memory-mapped: however many server processes there are, its pages are in memory once.
"""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lacs_ld.services.listings import ListReader, Readonly, build
from lacs_ld.services.listings.tables import write_lists
from lacs_ld.services.search.index import SearchIndex
from lacs_ld.services.search.tables import write_search
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.store import Reader
from lacs_ld.store.snapshot_reader import reading

log = logging.getLogger(__name__)

FOLDER = "artefacts"
FILE = "browse-6.sqlite"  # the number changes whenever what is written does


class Artefact:
    """A snapshot's opened file: its lists and its search."""

    def __init__(self, key: str, path: Path) -> None:
        self.key = key
        self.path = path
        db = Readonly(path)
        self.lists = ListReader(db)
        self.search = SearchIndex(db)


def path_of(snapshot: Snapshot) -> Path:
    return snapshot.directory / FOLDER / FILE


def ensure(store: Reader, snapshot: Snapshot) -> Path:
    """The snapshot's file, written from the store (which serves `snapshot`) when absent.

    A snapshot folder this process may not write to (a read-only image) gets its file in
    the temporary folder instead, shared the same way by the processes of this machine.
    """
    path = path_of(snapshot)
    if path.is_file():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / ".lock").touch()
    except OSError:
        path = Path(tempfile.gettempdir()) / "lacs-ld" / snapshot.key / FILE
        if path.is_file():
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(path.parent / ".lock"):
        if not path.is_file():
            started = time.perf_counter()
            _write(store, snapshot, path)
            log.info("lists and search index written in %.1f s", time.perf_counter() - started)
    return path


def open_artefact(store: Reader, snapshot: Snapshot) -> Artefact:
    """The snapshot's lists and search, writing their file first if it is missing."""
    return Artefact(snapshot.key, ensure(store, snapshot))


def write_into(snapshot: Snapshot) -> int:
    """Write the file of a snapshot being built, from its own dataset; the documents indexed."""
    path = path_of(snapshot)
    path.parent.mkdir(parents=True, exist_ok=True)
    with reading(snapshot.dataset) as reader:
        return _write(reader, snapshot, path)


def _write(store: Reader, snapshot: Snapshot, path: Path) -> int:
    catalogue = build(store, snapshot)
    handle, temporary = tempfile.mkstemp(prefix=".building-", suffix=".sqlite", dir=path.parent)
    os.close(handle)
    try:
        db = sqlite3.connect(temporary)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            with db:
                write_lists(db, catalogue)
                indexed = write_search(db, catalogue)
            db.execute("VACUUM")
        finally:
            db.close()
        os.chmod(temporary, 0o644)  # read by every server process, whichever user runs it
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return indexed


@contextmanager
def _locked(lock: Path) -> Iterator[None]:
    """An exclusive lock across processes (released if the holder dies)."""
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
