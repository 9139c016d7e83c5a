"""What changed between consecutive releases: `added.nt` and `removed.nt`, sorted N-Triples."""

from __future__ import annotations

from pathlib import Path

from lacs_ld.services.snapshot import Snapshot

ADDED = "added.nt"
REMOVED = "removed.nt"


def previous(snapshot: Snapshot) -> Snapshot | None:
    """The latest earlier release kept beside this snapshot under the same base, if any."""
    candidates = []
    for directory in sorted(snapshot.directory.parent.iterdir()):
        other = Snapshot.read(directory) if directory.is_dir() else None
        if (
            other is None
            or other.key == snapshot.key
            or other.base != snapshot.base
            or other.release == snapshot.release
            or (other.issued, other.release) >= (snapshot.issued, snapshot.release)
        ):
            continue
        candidates.append(other)
    return max(candidates, key=lambda s: (s.issued, s.release), default=None)


def triples(dataset: Path, graphs: tuple[str, ...]) -> set[str]:
    """The N-Triples lines of the named graphs of a snapshot's N-Quads."""
    found: set[str] = set()
    with dataset.open(encoding="utf-8") as quads:
        for line in quads:
            line = line.rstrip("\n")
            for graph in graphs:
                suffix = f" <{graph}> ."
                if line.endswith(suffix):
                    found.add(line[: -len(suffix)] + " .")
                    break
    return found


def difference(current: set[str], earlier: set[str]) -> tuple[bytes, int, bytes, int]:
    """Sorted added and removed N-Triples, with their counts."""
    added, removed = sorted(current - earlier), sorted(earlier - current)
    return _lines(added), len(added), _lines(removed), len(removed)


def _lines(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode() if lines else b""
