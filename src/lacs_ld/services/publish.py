"""Publishing: build a verified snapshot, make it current, and serve only verified snapshots.

The functions server code calls:

- `build(settings)` (services.build): a complete, validated, checksummed snapshot, or
  PublishError; never touches what is served.
- `promote(settings, snapshot)`: make it the current one (atomic), remembering the previous.
- `current(settings)`: the snapshot to serve, verified; a damaged one is rebuilt from the
  data, else the previous one is served, else SnapshotDamaged names the bad file.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from lacs_ld.errors import PublishError
from lacs_ld.services import dumps, search, statelock, verdicts
from lacs_ld.services.build import build, sources_for
from lacs_ld.services.progress import Progress
from lacs_ld.services.progress import default as progress_default
from lacs_ld.services.snapshot import Snapshot, SnapshotDamaged
from lacs_ld.settings import Settings
from lacs_ld.store import Store

log = logging.getLogger(__name__)

CHECK_EVERY = 600.0  # seconds between background checks of the served snapshot's files

__all__ = ["Publication", "build", "current", "pointer", "promote", "sources_for"]


def pointer(settings: Settings, name: str = "current") -> Path:
    """The file naming the current (or `previous`) snapshot of this state folder."""
    return settings.state_dir / name


def promote(settings: Settings, snapshot: Snapshot) -> None:
    """Make a validated snapshot the current one (atomic rename); the old one becomes previous.

    Old snapshots beyond a few are pruned, never the current, the previous or the one a
    server names in `{state_dir}/serving`.
    """
    with statelock.publishing(settings.state_dir):
        try:
            old = _key(pointer(settings))
            if old and old != snapshot.key:
                _write(pointer(settings, "previous"), old)
            _write(pointer(settings), snapshot.key)
        except OSError as exc:
            raise PublishError(
                f"cannot record the current snapshot: {exc.strerror or exc}"
            ) from exc
        # Never prune what is current, previous, or still being served by a running server.
        keep = {snapshot.key, old or ""} | {
            _key(pointer(settings, name)) or "" for name in ("previous", "serving")
        }
        statelock.prune(settings.state_dir / "snapshots", keep)


def current(settings: Settings) -> Snapshot:
    """The snapshot last promoted, verified against its manifest before anything serves it."""
    key = _key(pointer(settings))
    if key is None:
        raise PublishError(f"nothing published yet in {settings.state_dir}")
    try:
        return verified(settings, key)
    except SnapshotDamaged as damage:
        log.error("%s", damage.message)
        rebuilt = _rebuild(settings, key)
        if rebuilt is not None:
            return rebuilt
        previous = _key(pointer(settings, "previous"))
        if previous:
            try:
                snapshot = verified(settings, previous)
            except SnapshotDamaged as also:
                log.error("%s", also.message)
            else:
                log.warning("serving the previous snapshot %s instead", previous[:12])
                return snapshot
        raise damage


def verified(settings: Settings, key: str) -> Snapshot:
    """A kept snapshot whose every file matches its manifest, or SnapshotDamaged.

    A sibling's recent verdict on unchanged files is trusted (services.verdicts): the
    processes of one server hash the snapshot once between them, not once each."""
    snapshot = Snapshot.load(settings.state_dir / "snapshots" / key)
    if verdicts.check(settings.state_dir, snapshot, trust_for=CHECK_EVERY):
        snapshot.verify()  # hashes again, raising SnapshotDamaged naming the files
    return snapshot


def _rebuild(settings: Settings, key: str) -> Snapshot | None:
    """The damaged snapshot built again, when the data on disk is what it was built from."""
    try:
        snapshot = build(settings, progress=Progress(log.info))
    except PublishError as exc:
        log.error("cannot rebuild snapshot %s from the data: %s", key[:12], exc.message)
        return None
    if snapshot.key != key:
        log.error("the data changed since snapshot %s: not rebuilding it", key[:12])
        return None
    log.warning("rebuilt the damaged snapshot %s from the data", key[:12])
    return snapshot


def _key(path: Path) -> str | None:
    try:
        return path.read_text().strip() or None
    except OSError:
        return None


def _write(target: Path, key: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(key + "\n")
    temporary.replace(target)


@dataclass
class Publication:
    """The live snapshot and the store serving it; `reload` swaps in only valid data."""

    settings: Settings
    store: Store
    snapshot: Snapshot | None = None
    # Whether the served snapshot's files last matched its manifest (the health check reads it).
    verified: bool = False
    progress: Progress = field(default_factory=progress_default)
    # Downloads whose bytes were checked against their checksum in this process.
    intact_files: set[tuple[str, int, int, str]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._checker_pid = 0

    def publish(self, data_dir: Path | None = None) -> Snapshot:
        """Build (or reuse) a snapshot of the data, make it current and serve it."""
        snapshot = build(self.settings, sources_for(self.settings, data_dir), self.progress)
        try:
            dumps.ensure(snapshot)
            self.activate(snapshot)
        except OSError as exc:
            raise PublishError(f"cannot load snapshot {snapshot.key[:12]}: {exc}") from exc
        promote(self.settings, snapshot)
        return snapshot

    def activate(self, snapshot: Snapshot) -> None:
        """Serve a validated snapshot: the store swaps all-or-nothing."""
        with self._lock:
            self.store.replace(snapshot.dataset)
            self.snapshot = snapshot
            self.verified = True
        # The lists' and search's file, shared by all processes: written when the snapshot was
        # built (and checksummed), or now for a snapshot built before that.
        search.ensure(self.store, snapshot)
        self._start_checks()

    def _start_checks(self) -> None:
        """Re-verify the served snapshot every CHECK_EVERY seconds, in this process."""
        if self._checker_pid == os.getpid():
            return
        self._checker_pid = os.getpid()

        def run() -> None:
            while not self._stopped.wait(CHECK_EVERY):
                self.check()

        threading.Thread(target=run, name="snapshot-check", daemon=True).start()

    def check(self) -> bool:
        """Verify the served snapshot's files again (a disk can rot under a running server).

        The first process to check in a period hashes; its siblings take its verdict."""
        snapshot = self.snapshot
        if snapshot is None:
            return False
        damaged = verdicts.check(self.settings.state_dir, snapshot, trust_for=0.9 * CHECK_EVERY)
        if damaged:
            log.error("the served snapshot %s is damaged: %s", snapshot.key[:12], damaged)
        self.verified = not damaged
        return self.verified

    def reload(self, data_dir: Path | None = None) -> tuple[bool, str]:
        """Publish again; on any failure keep serving the previous snapshot and log why."""
        try:
            snapshot = self.publish(data_dir)
        except PublishError as exc:
            message = f"reload refused, still serving the previous snapshot: {exc.message}"
            log.error("%s\n%s", message, exc.report)
            return False, message + ("\n" + exc.report if exc.report else "")
        return True, f"now serving release {snapshot.release} ({snapshot.triples} triples)"
