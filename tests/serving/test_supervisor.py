"""Re-publishing on SIGHUP never loses the site: it runs in a child, and only success switches."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import REPO
from tests.services.test_publish import break_shapes
from tests.serving.support import Server, serve, timed_get

PUBLISH_SECONDS = 300  # a full validation on a loaded 2-core machine


def release_of(server: Server) -> str:
    try:
        answer = requests.get(server.root + "health", timeout=5)
    except requests.ConnectionError:  # accepted by a worker as it stopped: clients retry
        answer = requests.get(server.root + "health", timeout=5)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["release"])


def releases_served(server: Server, times: int = 12) -> set[str]:
    """The releases answered over separate connections (so every worker is likely asked)."""
    return {release_of(server) for _ in range(times)}


def bump_release(data: Path, version: str) -> str:
    (data / "release.json").write_text(json.dumps({"version": version, "issued": "2026-11-25"}))
    return f"{version}-2026-11-25"


def children(pid: int) -> dict[int, str]:
    """The supervisor's child processes and their command lines."""
    listing = subprocess.run(
        ["ps", "-o", "pid=,args=", "--ppid", str(pid)], capture_output=True, text=True, check=False
    ).stdout
    found = {}
    for line in listing.splitlines():
        number, _, args = line.strip().partition(" ")
        found[int(number)] = args
    return found


def publisher_pid(server: Server, seconds: float = 10) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for pid, args in children(server.process.pid).items():
            if "lacs_ld.serving.child" in args:
                return pid
        time.sleep(0.05)
    raise AssertionError("no publishing child started")


def worker_pids(server: Server) -> list[int]:
    return [
        pid
        for pid, args in children(server.process.pid).items()
        if "lacs_ld.serving.child" not in args
    ]


def wait_for_log(server: Server, text: str, seconds: float = PUBLISH_SECONDS) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        log = server.log_text()
        if text in log:
            return log
        assert server.process.poll() is None, f"the server exited:\n{log[-3000:]}"
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never logged:\n{server.log_text()[-3000:]}")


def log_after(server: Server, mark: int, text: str, seconds: float = PUBLISH_SECONDS) -> str:
    """Wait for `text` to appear in the log past byte `mark`; the new part of the log."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        new = server.log_text()[mark:]
        if text in new:
            return new
        assert server.process.poll() is None, f"the server exited:\n{new[-3000:]}"
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never logged:\n{server.log_text()[mark:][-3000:]}")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(REPO / "data", target)
    return target


@pytest.fixture(scope="module")
def private_state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A state folder of these tests' own: the releases they publish exist nowhere else."""
    return tmp_path_factory.mktemp("state")


@pytest.fixture(scope="module")
def server(
    private_state: Path, data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    with serve(
        private_state,
        tmp_path_factory.mktemp("serve"),
        "--workers",
        "2",
        LACS_LD_DATA_DIR=str(data),
    ) as running:
        yield running


def test_invalid_data_on_sighup_keeps_serving_and_workers_are_still_replaced(
    server: Server, data: Path
) -> None:
    before = release_of(server)
    authorities = data / "generated" / "authorities.ttl"
    original = authorities.read_text()
    break_shapes(data)
    mark = len(server.log_text())
    try:
        server.process.send_signal(signal.SIGHUP)
        publisher_pid(server)
        worst = max(timed_get(server.root)[1] for _ in range(4))
        assert worst < 1.0, "pages slowed down while publishing"
        # Both workers crash while the child validates: the supervisor replaces them at once.
        killed = worker_pids(server)
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        time.sleep(2)
        respawned = set(worker_pids(server)) - set(killed)
        assert len(respawned) == 2, "the supervisor did not replace its workers at once"
        status, _, _ = timed_get(server.root + "health", timeout=120)
        assert status == 200
        assert releases_served(server) == {before}
        new = log_after(server, mark, "publish refused")
    finally:
        authorities.write_text(original)
    assert "authorities.ttl" in new and "still serving release " + before in new
    assert releases_served(server) == {before}


def test_a_worker_restarting_after_an_outside_publish_serves_what_its_siblings_serve(
    server: Server, data: Path, private_state: Path
) -> None:
    """No split brain: `lacs-ld publish` alone changes nothing served until SIGHUP."""
    before = release_of(server)
    newer = bump_release(data, "1.0.1")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LACS_LD_")}
    environment.update(
        LACS_LD_BASE_URI="https://data.example.test/lacs/",
        LACS_LD_STATE_DIR=str(private_state),
        LACS_LD_DATA_DIR=str(data),
    )
    published = subprocess.run(
        [sys.executable, "-m", "lacs_ld", "publish"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=PUBLISH_SECONDS,
    )
    assert published.returncode == 0, published.stderr[-3000:]
    os.kill(worker_pids(server)[0], signal.SIGKILL)
    time.sleep(1)
    timed_get(server.root + "health", timeout=30)
    assert releases_served(server) == {before}

    mark = len(server.log_text())
    server.process.send_signal(signal.SIGHUP)
    log_after(server, mark, f"published release {newer}")
    deadline = time.monotonic() + 60
    # A release id ends in a digest of its content: the version names its start.
    while not all(served.startswith(newer + "-") for served in releases_served(server)):
        assert time.monotonic() < deadline, "the workers never all switched"
        time.sleep(0.5)


def test_a_killed_publisher_leaves_the_previous_snapshot_served(server: Server, data: Path) -> None:
    before = release_of(server)
    bump_release(data, "1.0.2")  # new data: the child has seconds of validation ahead of it
    mark = len(server.log_text())
    server.process.send_signal(signal.SIGHUP)
    pid = publisher_pid(server)
    time.sleep(1)
    os.kill(pid, signal.SIGKILL)
    new = log_after(server, mark, "publish refused", seconds=30)
    assert "killed by signal 9" in new or "ended without a result" in new
    assert releases_served(server) == {before}
    assert server.process.poll() is None
