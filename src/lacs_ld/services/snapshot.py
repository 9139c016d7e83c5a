"""A published snapshot: validated data written once as sorted N-Quads, plus its manifest.

The manifest records the SHA-256 of every file the snapshot holds, so a server can prove
what it is about to serve is what was published (and notice a damaged disk later).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lacs_ld.errors import PublishError

MANIFEST = "manifest.json"
DATASET = "dataset.nq"
_CHUNK = 1 << 20


class SnapshotDamaged(PublishError):
    """A snapshot's files are missing or differ from the checksums its manifest records."""


@dataclass(frozen=True)
class Snapshot:
    """What the service serves: immutable between publishes."""

    key: str
    release: str
    version: str
    issued: str
    base: str
    triples: int
    graph_triples: dict[str, int]
    classes: dict[str, int]
    validation: str
    shapes_version: str
    directory: Path
    # Relative path -> SHA-256 of every file beside the manifest (its downloads included).
    files: dict[str, str] = field(default_factory=dict, compare=False)
    # SHA-256 of the quads the downloads hold (data, vocabulary, shapes): the release content.
    content: str = field(default="", compare=False)

    @property
    def dataset(self) -> Path:
        return self.directory / DATASET

    @property
    def etag_seed(self) -> str:
        return self.key[:16]

    def write_manifest(self) -> None:
        """Record every file's checksum, then write the manifest atomically."""
        fields = asdict(self)
        fields.pop("directory")
        fields["files"] = checksums(self.directory)
        temporary = self.directory / (MANIFEST + ".tmp")
        temporary.write_text(json.dumps(fields, indent=2, sort_keys=True) + "\n")
        temporary.replace(self.directory / MANIFEST)

    def damaged(self) -> list[str]:
        """The files that are missing or whose bytes differ from the manifest (empty: intact)."""
        if not self.files:
            return [MANIFEST + " (records no checksums)"]
        found = []
        for name, expected in sorted(self.files.items()):
            path = self.directory / name
            if not path.is_file():
                found.append(f"{name} (missing)")
            elif sha256_of(path) != expected:
                found.append(f"{name} (checksum differs)")
        return found

    def verify(self) -> None:
        """Raise SnapshotDamaged naming each damaged file."""
        damaged = self.damaged()
        if damaged:
            names = ", ".join(str(self.directory / name) for name in damaged)
            raise SnapshotDamaged(f"snapshot {self.key[:12]} is damaged: {names}")

    @classmethod
    def load(cls, directory: Path) -> Snapshot:
        """The snapshot in a folder, or SnapshotDamaged saying what is wrong with it."""
        manifest = directory / MANIFEST
        try:
            fields: dict[str, Any] = json.loads(manifest.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SnapshotDamaged(f"{manifest}: missing") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise SnapshotDamaged(f"{manifest}: not a readable manifest ({exc})") from None
        if not isinstance(fields, dict):
            raise SnapshotDamaged(f"{manifest}: not a readable manifest (not a JSON object)")
        try:
            return cls(directory=directory, **fields)
        except TypeError as exc:
            raise SnapshotDamaged(f"{manifest}: not a readable manifest ({exc})") from None

    @classmethod
    def read(cls, directory: Path) -> Snapshot | None:
        """The snapshot stored in a folder, or None when it is missing or incomplete."""
        if not (directory / DATASET).is_file():
            return None
        try:
            return cls.load(directory)
        except SnapshotDamaged:
            return None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def checksums(directory: Path) -> dict[str, str]:
    """SHA-256 of every file under a snapshot folder except its manifest, by relative path."""
    return {
        path.relative_to(directory).as_posix(): sha256_of(path)
        for path in sorted(directory.rglob("*"))
        if path.is_file() and path.name not in (MANIFEST, MANIFEST + ".tmp")
    }
