"""One publisher at a time per state folder, and pruning that never removes what is served.

Two `lacs-ld publish` (or a SIGHUP re-publish and a command) racing on one state folder
would build into the same snapshot folder; an exclusive lock file serialises them.
"""

from __future__ import annotations

import fcntl
import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lacs_ld.errors import PublishError

log = logging.getLogger(__name__)

LOCK = "publish.lock"
KEEP = 3  # snapshots kept besides the current and the previous one


@contextmanager
def publishing(state_dir: Path) -> Iterator[None]:
    """Hold the state folder's publish lock (waiting for another publisher to finish)."""
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        handle = (state_dir / LOCK).open("a")
    except OSError as exc:
        raise PublishError(f"cannot lock {state_dir / LOCK}: {exc.strerror or exc}") from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def prune(home: Path, protected: set[str], keep: int = KEEP) -> list[str]:
    """Remove the oldest snapshots beyond `keep`, never one whose key is protected.

    Call with the publish lock held; `protected` holds the current and previous keys (and
    anything being served). Leftover staging folders of interrupted publishes go too.
    """
    if not home.is_dir():
        return []
    removed = []
    for leftover in home.glob(".staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    folders = sorted(
        (p for p in home.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=_mtime,
        reverse=True,
    )
    candidates = [p for p in folders if p.name not in protected]
    for folder in candidates[keep:]:
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder.name)
    if removed:
        log.info("pruned %d old snapshot(s): %s", len(removed), ", ".join(k[:12] for k in removed))
    return removed


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
