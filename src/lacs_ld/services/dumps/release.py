"""A release's downloads as listed in its index, and the releases kept in the state folder."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lacs_ld.services.snapshot import Snapshot, sha256_of

FOLDER = "dumps"
INDEX = "index.json"
SUMS = "SHA256SUMS"
REPORT = "validation.ttl"
PARTS = ("data", "vocabulary", "shapes")
GZIP = "application/gzip"
_NAME = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9._-]*\Z")


@dataclass(frozen=True)
class DumpFile:
    """One downloadable file of a release."""

    name: str
    title: str
    media_type: str  # of the content, before any compression
    compressed: bool
    graphs: tuple[str, ...]  # the parts it holds: data, vocabulary, shapes
    triples: int
    size: int
    sha256: str

    @property
    def served_type(self) -> str:
        """The media type it is served as: gzip files are downloads, not encodings.

        (Text types get `charset=utf-8` from the server; JSON-LD is UTF-8 by definition.)
        """
        return GZIP if self.compressed else self.media_type

    @property
    def is_rdf(self) -> bool:
        return bool(self.graphs)


@dataclass(frozen=True)
class Release:
    """The downloads of one release, as written beside its snapshot."""

    release: str
    version: str
    issued: str
    snapshot_key: str
    shapes_version: str
    conforms: bool
    triples: int
    files: tuple[DumpFile, ...]
    directory: Path
    previous_release: str | None = None

    def file(self, name: str) -> DumpFile | None:
        return next((f for f in self.files if f.name == name), None)

    def path(self, name: str) -> Path | None:
        """The file on disk for a listed name; never anything outside the release folder."""
        if not _NAME.match(name) or (self.file(name) is None and name != SUMS):
            return None
        return self.directory / name

    def sums(self) -> str:
        return (self.directory / SUMS).read_text(encoding="utf-8")

    def intact(self, name: str, seen: set[tuple[str, int, int, str]]) -> bool:
        """Whether a listed file's bytes match its checksum (re-read only when it changed).

        `seen` remembers files already verified by (path, size, mtime, sha256), so a file
        is hashed once per process unless something rewrites it.
        """
        file = self.file(name)
        if file is None:
            return True
        path = self.directory / name
        try:
            stat = path.stat()
        except OSError:
            return False
        mark = (str(path), stat.st_size, stat.st_mtime_ns, file.sha256)
        if mark in seen:
            return True
        if stat.st_size != file.size or sha256_of(path) != file.sha256:
            return False
        seen.add(mark)
        return True


def folder(snapshot: Snapshot) -> Path:
    return snapshot.directory / FOLDER


def read(directory: Path) -> Release | None:
    """The release whose downloads are in a folder, or None when missing or incomplete."""
    index = directory / INDEX
    if not index.is_file() or not (directory / SUMS).is_file():
        return None
    fields: dict[str, Any] = json.loads(index.read_text(encoding="utf-8"))
    files = tuple(DumpFile(**{**f, "graphs": tuple(f["graphs"])}) for f in fields.pop("files", []))
    try:
        return Release(files=files, directory=directory, **fields)
    except TypeError:
        return None


def releases(state_dir: Path, current: Snapshot | None) -> dict[str, Release]:
    """Every release kept in the state folder, by name; the current snapshot wins its name.

    A release name is immutable: when several kept snapshots carry the same name (data
    changed without a new release number), only the current one, else the newest, is served.
    """
    found: dict[str, tuple[float, Release]] = {}
    home = state_dir / "snapshots"
    for index in sorted(home.glob(f"*/{FOLDER}/{INDEX}")) if home.is_dir() else []:
        release = read(index.parent)
        if release is None:
            continue
        rank = float("inf") if current and release.snapshot_key == current.key else _mtime(index)
        if release.release not in found or found[release.release][0] < rank:
            found[release.release] = (rank, release)
    return {name: release for name, (_, release) in sorted(found.items())}


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
