"""Fixtures: the real app from the real factory, under a base URI no module may hard-code."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from lacs_ld.app import create_app
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.settings import Settings

REPO = Path(__file__).resolve().parents[1]
STANDARDS = REPO / "tests" / "fixtures" / "standards"
TEST_BASE = "https://data.example.test/lacs/"


def served(settings: Settings) -> Snapshot:
    """The snapshot the state folder points to, read without verifying it (tests damage it)."""
    key = (settings.state_dir / "current").read_text().strip()
    return Snapshot.load(settings.state_dir / "snapshots" / key)


def truncate(path: Path) -> None:
    """Cut a file in half: the damage a full disk or an interrupted copy leaves."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def make_settings(state_dir: Path, **overrides: object) -> Settings:
    """Settings for tests: repository files, a private state folder, no environment leaking in."""
    values: dict[str, object] = {
        "base_uri": TEST_BASE,
        "data_dir": REPO / "data",
        "ontology_dir": REPO / "ontology",
        "shapes_dir": REPO / "shapes",
        "state_dir": state_dir,
        "query_workers": 2,
        "query_timeout": 5,
    }
    values.update(overrides)
    return Settings.load(values, environ={})


@pytest.fixture(scope="session")
def state_dir() -> Path:
    """Snapshots are keyed by the hash of their inputs, so validated ones are reused across runs."""
    folder = REPO / "var" / "test-state"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def settings(state_dir: Path) -> Settings:
    return make_settings(state_dir)


@pytest.fixture(scope="session")
def app(settings: Settings) -> Iterator[Flask]:
    application = create_app(settings)
    yield application
    application.extensions["lacs"].store.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled data folder, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target)
    return target


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve_environment(state_dir: Path, **env: str) -> dict[str, str]:
    """The environment of a `lacs-ld serve` under test: no `LACS_LD_*` leaking in, the
    repository's folders, the test base URI, a given state folder, then the overrides."""
    import os

    environment = {k: v for k, v in os.environ.items() if not k.startswith("LACS_LD_")}
    environment.update(
        LACS_LD_BASE_URI=TEST_BASE,
        LACS_LD_STATE_DIR=str(state_dir),
        LACS_LD_DATA_DIR=str(REPO / "data"),
        LACS_LD_ONTOLOGY_DIR=str(REPO / "ontology"),
        LACS_LD_SHAPES_DIR=str(REPO / "shapes"),
    )
    environment.update(env)
    return environment


@contextmanager
def lacs_ld_serve(state_dir: Path, *args: str, **env: str) -> Iterator[str]:
    """`lacs-ld serve ARGS` on a free loopback port, the repository's data, a given state
    folder and `LACS_LD_*` overrides; yields its root URL once `/health` answers 200."""
    import subprocess
    import sys
    import time
    import urllib.request

    port = free_port()
    environment = serve_environment(state_dir, **env)
    command = [sys.executable, "-m", "lacs_ld", "serve", *args, "--port", str(port)]
    process = subprocess.Popen(
        command, env=environment, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    root = f"http://127.0.0.1:{port}/lacs/"
    deadline = time.monotonic() + 300
    try:
        while True:
            try:
                with urllib.request.urlopen(root + "health", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"lacs-ld serve {' '.join(args)} did not start") from None
                time.sleep(0.3)
        yield root
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def live_server(state_dir: Path) -> Iterator[str]:
    """`lacs-ld serve --workers 2` (gunicorn) on a loopback port; yields its root URL."""
    with lacs_ld_serve(state_dir, "--workers", "2", LACS_LD_QUERY_TIMEOUT="3") as root:
        yield root


@pytest.fixture
def own_state(app: Flask, tmp_path: Path) -> Settings:
    """A private state folder whose current snapshot is a copy of the published one."""
    snapshot = app.extensions["lacs"].snapshot
    state = tmp_path / "state"
    shutil.copytree(snapshot.directory, state / "snapshots" / snapshot.key)
    (state / "current").write_text(snapshot.key + "\n")
    return make_settings(state)
