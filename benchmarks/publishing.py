"""Publishing a data folder in a fresh process, timed; or finding the snapshot already made."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from common import REPO

from services import lacs_env


def publish_times(
    data_dir: Path, state_dir: Path, port: int, *, validate: bool = True
) -> dict[str, Any]:
    """Validate and write a snapshot, then its downloads, in a fresh process.

    Without `validate`, only make sure the validated snapshot has its downloads.
    """
    script = """
import json, tempfile, time
from pathlib import Path
from lacs_ld.services import dumps
from lacs_ld.services.publish import build, promote, sources_for
from lacs_ld.settings import Settings
settings = Settings.load()
started = time.perf_counter()
snapshot = build(settings, sources_for(settings))
built = time.perf_counter()
if settings.skip_validation_cache:
    with tempfile.TemporaryDirectory() as out:
        dumps.write(snapshot, Path(out))
dumped = time.perf_counter()
dumps.ensure(snapshot)
promote(settings, snapshot)
print(json.dumps({"publish_s": built - started, "dumps_s": dumped - built,
                  "triples": snapshot.triples, "snapshot": str(snapshot.directory)}))
"""
    env = lacs_env(data_dir, state_dir, port, validate=validate)
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    found: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def cached_snapshot(data_dir: Path, state_dir: Path, port: int) -> dict[str, Any] | None:
    """The snapshot already validated for these inputs, with its downloads, if there is one."""
    script = """
import json
from lacs_ld.services import dumps
from lacs_ld.services.build import snapshot_key
from lacs_ld.services.publish import sources_for
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.settings import Settings
settings = Settings.load()
key = snapshot_key(settings, sources_for(settings))
found = Snapshot.read(settings.state_dir / "snapshots" / key)
ok = found is not None and dumps.read(dumps.folder(found)) is not None
print(json.dumps({"triples": found.triples, "snapshot": str(found.directory)} if ok else None))
"""
    env = lacs_env(data_dir, state_dir, port, validate=False)
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    found: dict[str, Any] | None = json.loads(out.stdout.strip().splitlines()[-1])
    return found
