"""One app per backend over the same published snapshot: `embedded`, and `remote` on a real
`oxigraph serve` started here (union default graph, as docs/deploying.md requires)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from lacs_ld.app import create_app
from lacs_ld.settings import Settings
from tests.conftest import free_port, make_settings

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
BACKENDS = ("embedded", "remote")


class OxigraphServer:
    """`oxigraph serve` on a loopback port and a private folder; stop and start it again."""

    def __init__(self, location: Path, *, union: bool = True) -> None:
        self.location = location
        self.union = union
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        command = [
            str(OXIGRAPH),
            "serve",
            "--location",
            str(self.location),
            "--bind",
            f"127.0.0.1:{self.port}",
            *(["--union-default-graph"] if self.union else []),
            "--timeout-s",
            "30",
        ]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(self.root + "query?query=ASK%7B%7D", timeout=2):
                    return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=30)
            self.process = None


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    if not OXIGRAPH.exists():
        found = shutil.which("oxigraph")
        if found is None:
            pytest.fail("the oxigraph server binary is not installed (pip install oxigraph)")
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "store")
    server.start()
    yield server
    server.stop()


def remote_settings(state_dir: Path, server: OxigraphServer) -> Settings:
    return make_settings(
        state_dir,
        backend="remote",
        sparql_query_url=server.root + "query",
        sparql_update_url=server.root + "update",
    )


@pytest.fixture(scope="session")
def backend_apps(state_dir: Path, app: Flask, oxigraph: OxigraphServer) -> dict[str, Flask]:
    """Both apps, each published through the project's own publish path."""
    remote = create_app(remote_settings(state_dir, oxigraph))
    return {"embedded": app, "remote": remote}


@pytest.fixture(params=BACKENDS)
def backend_app(request: pytest.FixtureRequest, backend_apps: dict[str, Flask]) -> Flask:
    return backend_apps[request.param]
