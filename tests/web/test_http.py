"""HTTP edges on the real server: Locations from the base URI, bad bytes, long request lines."""

from __future__ import annotations

import contextlib
import socket
import time
import urllib.parse

from flask.testing import FlaskClient

from tests.conftest import TEST_BASE


def raw_request(root: str, request: bytes, seconds: float = 10) -> tuple[bytes, float]:
    """The status line and headers a raw request gets, and how long they took."""
    port = urllib.parse.urlsplit(root).port
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as sock:
        # Refused before it was all sent: the answer is still there to read.
        with contextlib.suppress(OSError):
            sock.sendall(request)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
    return received.split(b"\r\n\r\n", 1)[0], time.monotonic() - started


def header(head: bytes, name: str) -> str | None:
    for line in head.decode("latin-1").split("\r\n")[1:]:
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip()
    return None


def test_slash_redirect_location_comes_from_the_base_uri_not_the_host_header(
    live_server: str,
) -> None:
    head, _ = raw_request(live_server, b"GET /lacs/dumps HTTP/1.1\r\nHost: evil.example\r\n\r\n")
    assert head.split(b" ")[1] == b"308"
    assert header(head, "Location") == TEST_BASE + "dumps/"


def test_forwarded_headers_change_no_location_without_trusted_proxies(live_server: str) -> None:
    head, _ = raw_request(
        live_server,
        b"GET /lacs/dumps HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: http\r\n"
        b"X-Forwarded-Host: evil.example\r\nX-Forwarded-Prefix: /elsewhere\r\n\r\n",
    )
    assert header(head, "Location") == TEST_BASE + "dumps/"


def test_flask_redirects_build_on_the_base_uri_in_process(client: FlaskClient) -> None:
    response = client.get("/lacs/dumps", headers={"Host": "evil.example"})
    assert response.status_code == 308
    assert response.headers["Location"] == TEST_BASE + "dumps/"


def test_undecodable_bytes_in_the_request_line_are_a_400(live_server: str) -> None:
    for target in (b"/lacs/doc/authority/E08000025?\xe9", b"/lacs/search?q=\xe9", b"/lacs/\xff"):
        head, _ = raw_request(live_server, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        assert head.split(b" ")[1] == b"400", (target, head)


def test_a_huge_request_line_is_refused_at_once_and_the_server_keeps_answering(
    live_server: str,
) -> None:
    line = b"GET /lacs/?" + b"a" * 20_000_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    head, seconds = raw_request(live_server, line)
    assert head.split(b" ")[1] == b"414"
    assert seconds < 1.0
    head, _ = raw_request(live_server, b"GET /lacs/health HTTP/1.1\r\nHost: x\r\n\r\n")
    assert head.split(b" ")[1] == b"200"
