"""A published snapshot: validated data written once as sorted N-Quads, plus its manifest."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
DATASET = "dataset.nq"


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

    @property
    def dataset(self) -> Path:
        return self.directory / DATASET

    @property
    def etag_seed(self) -> str:
        return self.key[:16]

    def write_manifest(self) -> None:
        fields = asdict(self)
        fields.pop("directory")
        (self.directory / MANIFEST).write_text(json.dumps(fields, indent=2, sort_keys=True) + "\n")

    @classmethod
    def read(cls, directory: Path) -> Snapshot | None:
        """The snapshot stored in a folder, or None when it is missing or incomplete."""
        manifest = directory / MANIFEST
        if not manifest.is_file() or not (directory / DATASET).is_file():
            return None
        fields: dict[str, Any] = json.loads(manifest.read_text())
        try:
            return cls(directory=directory, **fields)
        except TypeError:
            return None
