"""A full disk during a re-publish costs nothing but the new release: the old one stays served."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from lacs_ld.services.build import build
from tests.conftest import REPO, make_settings
from tests.serving.support import Server, serve
from tests.serving.test_supervisor import bump_release, log_after, releases_served

TMPFS_MB = 300


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs of its own (the tests run as root, as CI does); unmounted afterwards."""
    target = tmp_path / "disk"
    target.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={TMPFS_MB}m", "tmpfs", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert mounted.returncode == 0, f"this test needs root to mount a tmpfs: {mounted.stderr}"
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def fill(disk: Path, leave_bytes: int) -> None:
    """Fill the disk, then give back `leave_bytes`: small writes work, a snapshot does not."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as sink:
        block = b"\0" * (1 << 20)
        try:
            while True:
                sink.write(block)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    os.truncate(filler, max(0, filler.stat().st_size - leave_bytes))


def test_disk_full_during_sighup_keeps_the_previous_snapshot_and_the_supervisor(
    state_dir: Path, small_disk: Path, tmp_path: Path
) -> None:
    # The state folder on the small disk starts with the already validated snapshot.
    validated = build(make_settings(state_dir))
    state = small_disk / "state"
    shutil.copytree(validated.directory, state / "snapshots" / validated.key)
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    with serve(state, tmp_path, "--workers", "2", LACS_LD_DATA_DIR=str(data)) as server:
        before = releases_served(server)
        fill(small_disk, leave_bytes=1 << 20)
        bump_release(data, "9.9.9")
        mark = len(server.log_text())
        server.process.send_signal(signal.SIGHUP)
        new = log_after(server, mark, "publish refused")
        assert "No space left on device" in new
        assert releases_served(server) == before
        assert_still_supervising(server)


def assert_still_supervising(server: Server) -> None:
    assert server.process.poll() is None, "the supervisor exited"
