"""A snapshot's dataset as a store: copied to disk once, then opened read-only by every reader."""

from __future__ import annotations

import gc
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from lacs_ld.errors import PublishError


def disk_copy(dataset: Path) -> Path:
    """The snapshot as an on-disk store beside it, built once (atomically) and then only read.

    Query workers open it read-only: opening takes milliseconds, so a killed worker is
    replaced at once, and the operating system shares its pages between all of them.
    """
    target = dataset.parent / "oxigraph"
    if (target / "CURRENT").is_file():
        return target
    staging = Path(tempfile.mkdtemp(prefix=".oxigraph-", dir=dataset.parent))
    try:
        store = ox.Store(str(staging))
        store.bulk_load(path=str(dataset), format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
        gc.collect()
        staging.rename(target)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        if not (target / "CURRENT").is_file():
            raise
    except (SyntaxError, ValueError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishError(f"cannot load {dataset.name}: {exc}") from exc
    return target


def open_read_only(path: Path) -> ox.Store:
    """A read-only view of an on-disk store made by `disk_copy`."""
    return ox.Store.read_only(str(path))
