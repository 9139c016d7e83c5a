"""A release id names one content for good: publishing other data under it is refused.

We keep human release ids (`{version}-{issued}` from data/release.json, the URLs people
cite) rather than adding a content hash to them, and make them immutable instead: a
publish whose dataset differs from a snapshot already kept under the same release id and
base fails, asking for a new version. The same data published again by newer code (same
bytes) is the same release.
"""

from __future__ import annotations

from pathlib import Path

from lacs_ld.errors import PublishError
from lacs_ld.services.snapshot import Snapshot, sha256_of


def check(home: Path, snapshot: Snapshot) -> None:
    """Raise PublishError if the release id already names different content in this state."""
    for other in _kept(home):
        if other.key == snapshot.key or other.release != snapshot.release:
            continue
        if other.base != snapshot.base or not other.files:
            continue  # another base, or a snapshot without checksums that is never served
        if _content(other) != snapshot.content:
            raise PublishError(
                f"release {snapshot.release} is already published with different content "
                f"(snapshot {other.key[:12]}); a release never changes once published: "
                "give the changed data a new version (or issued date) in data/release.json"
            )


def _kept(home: Path) -> list[Snapshot]:
    if not home.is_dir():
        return []
    found = []
    for directory in sorted(home.iterdir()):
        if directory.is_dir() and not directory.name.startswith("."):
            snapshot = Snapshot.read(directory)
            if snapshot is not None:
                found.append(snapshot)
    return found


def _content(snapshot: Snapshot) -> str:
    try:
        return snapshot.content or sha256_of(snapshot.dataset)
    except OSError:
        return ""
