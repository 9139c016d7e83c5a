"""A server on a loopback port for the real-browser tests, and the browser itself."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]
PREFERRED_PORT = 18765  # a fixed port keeps the validated snapshot (keyed by base) reusable


def _port() -> int:
    for candidate in (PREFERRED_PORT, 0):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            port: int = probe.getsockname()[1]
            return port
    raise RuntimeError("no free port")


@pytest.fixture(scope="module")
def served(state_dir: Path) -> Iterator[str]:
    from werkzeug.serving import make_server

    from lacs_ld.app import create_app

    port = _port()
    base = f"http://127.0.0.1:{port}/lacs/"
    app = create_app(make_settings(state_dir, base_uri=base))
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        app.extensions["lacs"].store.close()
