"""One app per backend over the same published snapshot: `embedded`, and `remote` on each real
store started here — `oxigraph serve` (union default graph) and Virtuoso 7.2 (Debian's
`virtuoso-opensource`, from `deploy/virtuoso/`, as docs/deploying.md sets it up)."""

from __future__ import annotations

import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from string import Template

import pytest
from flask import Flask

from lacs_ld.app import create_app
from lacs_ld.settings import Settings
from tests.conftest import REPO, TEST_BASE, free_port, make_settings

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
BACKENDS = ("embedded", "remote")
STORES = ("oxigraph", "virtuoso")
VIRTUOSO = Path("/usr/bin/virtuoso-t")
ISQL = Path("/usr/bin/isql-vt")
VIRTUOSO_SETUP = REPO / "deploy" / "virtuoso"


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
        deadline = time.monotonic() + 120
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


class VirtuosoServer:
    """Virtuoso on two loopback ports (SQL, HTTP) and a private folder, set up as the docs say."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.sql_port = free_port()
        self.http_port = free_port()
        self.password = secrets.token_hex(8)
        self.dba_password = secrets.token_hex(8)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/"

    def start(self) -> None:
        self.location.mkdir(parents=True)
        values = {
            "dir": str(self.location),
            "sql_port": str(self.sql_port),
            "http_port": str(self.http_port),
            "password": self.password,
            "dba_password": self.dba_password,
            "base": TEST_BASE,
        }
        for name in ("virtuoso.ini", "setup.sql"):
            text = Template((VIRTUOSO_SETUP / name).read_text()).substitute(values)
            (self.location / name).write_text(text)
        self.process = subprocess.Popen(
            [str(VIRTUOSO), "-c", "virtuoso.ini", "+foreground"],
            cwd=self.location,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(self.root + "sparql?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    log = (self.location / "lacs.log").read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"virtuoso-t did not start:\n{log}") from None
                time.sleep(0.2)
        self.isql("dba", "setup.sql")

    def isql(self, password: str, *args: str) -> None:
        """Run isql-vt as dba; it exits 0 after a failed statement, so its output is read."""
        done = subprocess.run(
            [str(ISQL), f"127.0.0.1:{self.sql_port}", "dba", password, *args],
            cwd=self.location,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql-vt {' '.join(args)} failed:\n{done.stdout}{done.stderr}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=30)
            self.process = None


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    for binary in (VIRTUOSO, ISQL):
        if not binary.exists():
            pytest.fail(
                f"{binary} is missing: install Debian's virtuoso-opensource "
                "(apt-get install virtuoso-opensource; bash scripts/test does it)"
            )
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso") / "store")
    try:
        server.start()
        yield server
    finally:
        server.stop()


def virtuoso_settings(state_dir: Path, server: VirtuosoServer) -> Settings:
    return make_settings(
        state_dir,
        backend="remote",
        sparql_query_url=server.root + "sparql",
        sparql_update_url=server.root + "sparql-lacs",
        sparql_default_graph=TEST_BASE + "graph/",
        # Whole graphs are asked for (124 000 triples): seconds for Virtuoso on a busy machine.
        query_timeout=30,
        remote_user="lacs",
        remote_password=server.password,
    )


def remote_settings(state_dir: Path, server: OxigraphServer) -> Settings:
    return make_settings(
        state_dir,
        backend="remote",
        sparql_query_url=server.root + "query",
        sparql_update_url=server.root + "update",
        # Oxigraph takes update requests up to 128 MB: the release goes in one.
        sparql_update_bytes=128 << 20,
    )


@pytest.fixture(scope="session")
def oxigraph_app(state_dir: Path, oxigraph: OxigraphServer) -> Flask:
    return create_app(remote_settings(state_dir, oxigraph))


@pytest.fixture(scope="session")
def virtuoso_app(state_dir: Path, virtuoso: VirtuosoServer) -> Flask:
    return create_app(virtuoso_settings(state_dir, virtuoso))


@pytest.fixture(scope="session", params=STORES)
def backend_apps(request: pytest.FixtureRequest, app: Flask) -> dict[str, Flask]:
    """The embedded app and a remote one on each real store, each published through the
    project's own publish path."""
    remote: Flask = request.getfixturevalue(f"{request.param}_app")
    return {"embedded": app, "remote": remote}


@pytest.fixture(params=BACKENDS)
def backend_app(request: pytest.FixtureRequest, backend_apps: dict[str, Flask]) -> Flask:
    return backend_apps[request.param]
