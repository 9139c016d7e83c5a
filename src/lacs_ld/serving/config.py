"""The gunicorn configuration `lacs-ld serve` runs (docs/deploying.md explains each choice)."""

from __future__ import annotations

from typing import Any

from lacs_ld.settings import Settings

# gunicorn reads no request line longer than this, whatever it is told.
GUNICORN_MAX_REQUEST_LINE = 8190
# "OPTIONS " + " HTTP/1.1": the most a request line holds besides its target.
REQUEST_LINE_OVERHEAD = len("OPTIONS  HTTP/1.1")


def request_line_limit(max_url_bytes: int) -> int:
    """The request line gunicorn refuses with 414 before reading further (RFC 9112 §3)."""
    return min(GUNICORN_MAX_REQUEST_LINE, max_url_bytes + REQUEST_LINE_OVERHEAD)


def gunicorn_config(settings: Settings) -> dict[str, Any]:
    """Threaded workers: a slow client, a download or a query waits in a thread, not a process.

    Each server process runs `threads` request threads and keeps idle keep-alive connections
    in its poller (no thread held). A request waiting on a SPARQL worker, streaming a file or
    reading a slow client holds one thread, never the process.
    """
    return {
        "bind": f"{settings.host}:{settings.port}",
        "workers": settings.workers,
        "worker_class": "gthread",
        "threads": settings.threads,
        "worker_connections": max(1000, 4 * settings.threads),
        # gthread workers report liveness from their event loop, not between requests, so a
        # long request never trips this; it only replaces a worker whose loop is stuck.
        "timeout": 30,
        "graceful_timeout": int(settings.query_timeout) + 20,
        "keepalive": 5,
        "accesslog": "-",
        "errorlog": "-",
        "limit_request_line": request_line_limit(settings.max_url_bytes),
        "limit_request_field_size": 16384,
        # Forwarded headers are the app's business, and only with trusted proxies
        # (LACS_LD_TRUSTED_PROXIES): gunicorn itself trusts none, not even loopback.
        "forwarded_allow_ips": "",
        "secure_scheme_headers": {},
        "preload_app": False,
        # No control socket: its default path is shared by every gunicorn of the user.
        "control_socket_disable": True,
    }
