"""HTTP hygiene for every response: limits, CORS, compression, validators (RFC 9110)."""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from flask import Flask, Response, abort, request
from werkzeug.middleware.proxy_fix import ProxyFix

from lacs_ld.settings import Settings

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

EXPOSED = "Content-Location, Content-Length, ETag, Last-Modified, Link, Location, Retry-After, Vary"
COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    "application/sparql-results",
    "application/problem+json",
    "application/xml",
    "application/javascript",
    "image/svg+xml",
    "application/opensearchdescription+xml",
)
MIN_COMPRESS_BYTES = 1024


class BasePath:
    """Answer under the base URI, whatever the request says its host, scheme or prefix is.

    Paths are served under the base URI's path (`/lacs/id/X`) and, behind a stripping proxy,
    as `/id/X`. Every URL werkzeug builds (its own slash redirects included) comes from the
    base URI: the `Host` header and forwarded headers never reach a `Location`.
    """

    def __init__(self, app: WSGIApplication, base_uri: str) -> None:
        self.app = app
        parts = urlsplit(base_uri)
        self.prefix = parts.path.rstrip("/")
        self.scheme = parts.scheme
        self.host = parts.netloc
        self.server_name = parts.hostname or parts.netloc
        self.server_port = str(parts.port or (443 if parts.scheme == "https" else 80))

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if self.prefix and (path == self.prefix or path.startswith(self.prefix + "/")):
            path = path[len(self.prefix) :] or "/"
        environ["SCRIPT_NAME"] = self.prefix
        environ["PATH_INFO"] = path
        environ["HTTP_HOST"] = self.host
        environ["SERVER_NAME"] = self.server_name
        environ["SERVER_PORT"] = self.server_port
        environ["wsgi.url_scheme"] = self.scheme
        return self.app(environ, start_response)


def register_http_hygiene(app: Flask, settings: Settings) -> None:
    """Install the request limits and response headers every resource shares."""
    if settings.trusted_proxies:
        # Only the client's address is taken from trusted proxies (X-Forwarded-For): host,
        # scheme and prefix always come from the base URI (BasePath).
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=settings.trusted_proxies, x_proto=0, x_host=0, x_prefix=0
        )

    @app.before_request
    def limit_url() -> None:
        # RFC 9110 §15.5.15: 414 URI Too Long.
        raw = request.environ.get("RAW_URI")
        if raw is None:  # not under gunicorn: build the path only when the server gave none
            raw = request.full_path
        if len(raw) > settings.max_url_bytes:
            abort(414, f"the request URL is longer than {settings.max_url_bytes} bytes")

    @app.after_request
    def finish(response: Response) -> Response:
        if getattr(response, "prepared", None) is not None:
            return response  # web.ready did this work when the entry was cached
        _cors(response)
        if request.method in ("GET", "HEAD"):
            response = _negotiate_encoding_and_validate(response)
        return response


def _cors(response: Response) -> None:
    """Every resource is public and read-only (Fetch standard, CORS protocol)."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = EXPOSED
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, POST, OPTIONS"
        requested = request.headers.get("Access-Control-Request-Headers")
        response.headers["Access-Control-Allow-Headers"] = requested or "Accept, Content-Type"
        response.vary.add("Access-Control-Request-Headers")  # echoed (RFC 9110 §12.5.5)
        response.headers["Access-Control-Max-Age"] = "86400"


def _compressible(response: Response) -> bool:
    mimetype = response.mimetype or ""
    return mimetype.startswith(COMPRESSIBLE) and not response.direct_passthrough


def _negotiate_encoding_and_validate(response: Response) -> Response:
    """gzip bodies over 1 KiB for clients that accept it (RFC 9110 §8.4.1, §12.5.3), then 304s.

    The gzip representation gets its own strong validator (RFC 9110 §8.8.3), chosen before
    the conditional check so a revalidation costs no compression.
    """
    compressible = _compressible(response)
    if compressible:
        response.vary.add("Accept-Encoding")
    gzip_it = (
        compressible
        and response.status_code in (200, 203, 404, 406, 410)
        and "Content-Encoding" not in response.headers
        and request.accept_encodings["gzip"] > 0
        and (response.content_length or len(response.get_data())) >= MIN_COMPRESS_BYTES
    )
    etag, weak = response.get_etag()
    if gzip_it and etag:
        response.set_etag(f"{etag}-gzip", weak=bool(weak))
    if response.status_code == 200 and (etag or response.last_modified):
        response.make_conditional(request)
    if gzip_it and response.status_code != 304:
        response.set_data(_gzipped(response))
        response.headers["Content-Encoding"] = "gzip"
    return response


class Prepared(Response):
    """A response whose body was rendered once and is sent many times (a cached document).

    `compressed` gives the gzip form of exactly `body`, made once rather than per request; it
    is used only while the response still holds that very body.
    """

    body: bytes | None = None
    compressed: Callable[[], bytes] | None = None


def _gzipped(response: Response) -> bytes:
    if (
        isinstance(response, Prepared)
        and response.compressed is not None
        and isinstance(response.response, list)
        and len(response.response) == 1
        and response.response[0] is response.body
    ):
        return response.compressed()
    return gzip_body(response.get_data())


def gzip_body(body: bytes) -> bytes:
    """The gzip form of a body, as `_negotiate_encoding_and_validate` sends it."""
    return gzip.compress(body, compresslevel=6, mtime=0)


def body_etag(body: bytes, seed: str) -> str:
    """The strong validator `conditional` gives a body (unquoted)."""
    return hashlib.blake2b(body, digest_size=12, key=seed.encode()[:64]).hexdigest()


def conditional(response: Response, *, seed: str, modified: datetime | None = None) -> Response:
    """Give a response its validators (RFC 9110 §8.8): a strong ETag and Last-Modified."""
    if response.get_etag()[0] is None:
        response.set_etag(body_etag(response.get_data(), seed))
    if modified is not None:
        response.last_modified = modified
    response.headers.setdefault("Cache-Control", "public, max-age=300")
    return response


def snapshot_time(issued: str, fallback: float) -> datetime:
    """Last-Modified of everything in a snapshot: its release date, else when it was built."""
    if issued:
        try:
            return datetime.fromisoformat(issued).replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.fromtimestamp(int(fallback), tz=UTC)
