"""Dereferencing over real HTTP: gunicorn serving under its own loopback base URI.

rdflib follows the 303 from `id/` to `doc/` and negotiates a format, as any linked-data
client does; HEAD and conditional requests are checked on the wire.
"""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import rdflib
from rdflib import URIRef
from rdflib.namespace import FOAF, RDFS

from tests.conftest import REPO, serve_environment

PREFERRED_PORT = 18766  # fixed, so the validated snapshot (keyed by base) is reused across runs
BIRMINGHAM = "authority/E08000025"


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
def own_base(state_dir: Path) -> Iterator[str]:
    """`lacs-ld serve --workers 2` whose base URI is its own loopback URL."""
    port = _port()
    base = f"http://127.0.0.1:{port}/lacs/"
    env = serve_environment(state_dir, LACS_LD_BASE_URI=base, LACS_LD_QUERY_TIMEOUT="5")
    command = [sys.executable, "-m", "lacs_ld", "serve", "--workers", "2", "--port", str(port)]
    process = subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 300
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "health", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("lacs-ld serve --workers 2 did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def request(
    base: str, method: str, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """One request on its own connection, redirects not followed."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        connection.request(method, parts.path + path, headers=headers or {})
        answer = connection.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
    finally:
        connection.close()


def test_rdflib_dereferences_a_thing_uri(own_base: str) -> None:
    thing = URIRef(own_base + "id/" + BIRMINGHAM)
    graph = rdflib.Graph().parse(str(thing))
    assert (thing, RDFS.label, None) in graph
    assert len(list(graph.predicate_objects(thing))) > 5
    assert (URIRef(own_base + "doc/" + BIRMINGHAM), FOAF.primaryTopic, thing) in graph


def test_every_rdf_format_parses_from_the_wire(own_base: str) -> None:
    thing = URIRef(own_base + "id/" + BIRMINGHAM)
    for ext, fmt in (("ttl", "turtle"), ("nt", "nt"), ("rdf", "xml"), ("jsonld", "json-ld")):
        graph = rdflib.Graph().parse(own_base + f"doc/{BIRMINGHAM}.{ext}", format=fmt)
        assert (thing, RDFS.label, None) in graph, ext


def test_the_303_and_head_on_the_wire(own_base: str) -> None:
    status, headers, body = request(own_base, "GET", "id/" + BIRMINGHAM, {"Accept": "text/html"})
    assert status == 303
    assert headers["location"] == own_base + f"doc/{BIRMINGHAM}.html"
    assert "Accept" in headers["vary"]
    head_status, head_headers, head_body = request(
        own_base, "HEAD", "id/" + BIRMINGHAM, {"Accept": "text/html"}
    )
    assert head_status == 303 and head_body == b""
    assert head_headers["location"] == headers["location"]
    status, get_headers, body = request(own_base, "GET", f"doc/{BIRMINGHAM}.ttl")
    assert status == 200 and body
    status, head_headers, head_body = request(own_base, "HEAD", f"doc/{BIRMINGHAM}.ttl")
    assert status == 200 and head_body == b""
    for name in ("etag", "content-type", "link", "last-modified"):
        assert head_headers[name] == get_headers[name], name
    assert int(head_headers["content-length"]) == len(body)


def test_304_on_the_wire_across_workers(own_base: str) -> None:
    status, headers, _ = request(own_base, "GET", f"doc/{BIRMINGHAM}.html")
    assert status == 200
    etag, modified = headers["etag"], headers["last-modified"]
    for _ in range(4):  # two gunicorn workers: each must agree on the validator
        status, again, body = request(
            own_base, "GET", f"doc/{BIRMINGHAM}.html", {"If-None-Match": etag}
        )
        assert status == 304 and body == b""
        assert again["etag"] == etag
        status, _, body = request(
            own_base, "GET", f"doc/{BIRMINGHAM}.html", {"If-Modified-Since": modified}
        )
        assert status == 304 and body == b""


def test_gzip_on_the_wire(own_base: str) -> None:
    import gzip

    status, plain_headers, plain = request(own_base, "GET", f"doc/{BIRMINGHAM}.ttl")
    status, headers, packed = request(
        own_base, "GET", f"doc/{BIRMINGHAM}.ttl", {"Accept-Encoding": "gzip"}
    )
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert gzip.decompress(packed) == plain
    assert headers["etag"] != plain_headers["etag"]
    assert "Accept-Encoding" in headers["vary"]
