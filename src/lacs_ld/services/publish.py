"""Publishing: swap in a validated snapshot all-or-nothing and keep serving it."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from lacs_ld.errors import PublishError
from lacs_ld.services import dumps
from lacs_ld.services.build import build, sources_for
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.settings import Settings
from lacs_ld.store import Store

log = logging.getLogger(__name__)


def pointer(settings: Settings) -> Path:
    """The file naming the snapshot currently published from this state folder."""
    return settings.state_dir / "current"


def promote(settings: Settings, snapshot: Snapshot) -> None:
    """Make a validated snapshot the current one (atomic rename)."""
    target = pointer(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(snapshot.key + "\n")
    temporary.replace(target)


def current(settings: Settings) -> Snapshot:
    """The snapshot last promoted, for server processes that load rather than publish."""
    try:
        key = pointer(settings).read_text().strip()
    except OSError:
        raise PublishError(f"nothing published yet in {settings.state_dir}") from None
    return by_key(settings, key)


def by_key(settings: Settings, key: str) -> Snapshot:
    """A published snapshot named by its key (a server serves the one its supervisor names)."""
    snapshot = Snapshot.read(settings.state_dir / "snapshots" / key)
    if snapshot is None:
        raise PublishError(f"the snapshot {key[:12]} is missing from {settings.state_dir}")
    return snapshot


@dataclass
class Publication:
    """The live snapshot and the store serving it; `reload` swaps in only valid data."""

    settings: Settings
    store: Store
    snapshot: Snapshot | None = None

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def publish(self, data_dir: Path | None = None) -> Snapshot:
        snapshot = build(self.settings, sources_for(self.settings, data_dir))
        dumps.ensure(snapshot)
        promote(self.settings, snapshot)
        self.activate(snapshot)
        return snapshot

    def activate(self, snapshot: Snapshot) -> None:
        """Serve a validated snapshot: the store swaps all-or-nothing."""
        with self._lock:
            self.store.replace(snapshot.dataset)
            self.snapshot = snapshot

    def reload(self, data_dir: Path | None = None) -> tuple[bool, str]:
        """Publish again; on failure keep serving the previous snapshot and log why."""
        try:
            snapshot = self.publish(data_dir)
        except PublishError as exc:
            message = f"reload refused, still serving the previous snapshot: {exc.message}"
            log.error("%s\n%s", message, exc.report)
            return False, message + ("\n" + exc.report if exc.report else "")
        return True, f"now serving release {snapshot.release} ({snapshot.triples} triples)"
