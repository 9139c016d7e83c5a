"""Checks of a snapshot's files shared by every process serving it, through the state folder.

Hashing every file of a large snapshot takes seconds of disk and CPU. One process hashes
them and records its verdict in `{state_dir}/verified/{folder}.json` with each file's inode,
size and change times as they were before hashing; its siblings trust a recent verdict as
long as every file still has those (any rewrite changes them), and hash again otherwise.
A lock per snapshot makes siblings that check at once wait for one hash instead of repeating it.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from lacs_ld.services.snapshot import MANIFEST, Snapshot

log = logging.getLogger(__name__)

FOLDER = "verified"


def check(state_dir: Path, snapshot: Snapshot, trust_for: float) -> list[str]:
    """The snapshot's damaged files (empty: intact), from a verdict younger than `trust_for`
    seconds whose files are unchanged since, else from hashing them now (and recording it)."""
    folder = state_dir / FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = (folder / f"{snapshot.directory.name}.lock").open("a")
    except OSError as exc:  # a read-only state folder: every process checks for itself
        log.warning("cannot share snapshot checks under %s: %s", folder, exc)
        return snapshot.damaged()
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            found = recent(state_dir, snapshot, trust_for)
            if found is not None:
                return found
            stats = fingerprint(snapshot)
            damaged = snapshot.damaged()
            record(state_dir, snapshot, stats, damaged)
            return damaged
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def recent(state_dir: Path, snapshot: Snapshot, trust_for: float) -> list[str] | None:
    """The damaged files a verdict younger than `trust_for` seconds found, if the files are
    unchanged since it was recorded; None when there is no such verdict."""
    if trust_for <= 0:
        return None
    try:
        verdict: dict[str, Any] = json.loads(
            (state_dir / FOLDER / f"{snapshot.directory.name}.json").read_text()
        )
        age = time.time() - float(verdict["checked"])
        damaged = [str(name) for name in verdict["damaged"]]
        stats = verdict["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not 0 <= age < trust_for or stats != fingerprint(snapshot):
        return None
    return damaged


def fingerprint(snapshot: Snapshot) -> dict[str, list[int]]:
    """Each file's inode, size and modification and change times (ns); rewriting changes them."""
    found: dict[str, list[int]] = {}
    for name in sorted([MANIFEST, *snapshot.files]):
        try:
            stat = (snapshot.directory / name).stat()
        except OSError:
            found[name] = []
            continue
        found[name] = [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]
    return found


def record(
    state_dir: Path, snapshot: Snapshot, stats: dict[str, list[int]], damaged: list[str]
) -> None:
    """Write a verdict atomically; those of snapshots no longer kept go."""
    folder = state_dir / FOLDER
    verdict = {"checked": time.time(), "damaged": damaged, "files": stats}
    target = folder / f"{snapshot.directory.name}.json"
    temporary = folder / f".{snapshot.directory.name}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(verdict) + "\n")
        temporary.replace(target)
        for old in folder.glob("*.json"):
            if not (state_dir / "snapshots" / old.stem).is_dir():
                old.unlink(missing_ok=True)
                (folder / f"{old.stem}.lock").unlink(missing_ok=True)
    except OSError as exc:  # siblings then hash for themselves
        log.warning("cannot record the check of snapshot %s: %s", snapshot.key[:12], exc)
