"""Downloads: the whole published dataset as files, made once per snapshot, byte-reproducible.

Every file is derived from the snapshot's sorted, canonically labelled N-Quads, so two
publishes of the same inputs give identical bytes (gzip members carry no name and mtime 0).
A release's files live in `{snapshot}/dumps/`, listed with their sizes, triple counts and
SHA-256 checksums in `index.json` and, in `sha256sum` format, in `SHA256SUMS`.
"""

from lacs_ld.services.dumps.release import (
    FOLDER,
    GZIP,
    INDEX,
    PARTS,
    REPORT,
    SUMS,
    DumpFile,
    Release,
    folder,
    read,
    releases,
)
from lacs_ld.services.dumps.specs import SPECS
from lacs_ld.services.dumps.writer import ensure, export, write

__all__ = [
    "FOLDER",
    "GZIP",
    "INDEX",
    "PARTS",
    "REPORT",
    "SPECS",
    "SUMS",
    "DumpFile",
    "Release",
    "ensure",
    "export",
    "folder",
    "read",
    "releases",
    "write",
]
