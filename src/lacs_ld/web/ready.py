"""Cached bodies sent with headers worked out once per entry, not once per request.

A cached document or SPARQL answer is sent thousands of times between publications, and
each time with the same validators, links, CORS and caching headers. `ready` builds those
header lists when an entry is first sent (per content coding and `Content-Location`), answers
`If-None-Match` before any body is touched (RFC 9110 §13.1.2, weak comparison), and returns
a `Ready` response that `register_http_hygiene` leaves alone: its CORS, `Vary`, gzip and
conditional work is already done, exactly as that hook would have done it.

Requests this path does not decide cheaply (`If-Match`, `If-Unmodified-Since`, `Range`,
`If-Range`, an `If-Modified-Since` that is not the entry's own date) get `None`, and the
caller answers them through the general hooks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from flask import Response, request
from werkzeug.datastructures import Headers
from werkzeug.http import http_date, parse_accept_header, parse_etags
from werkzeug.urls import iri_to_uri

from lacs_ld.web.http import COMPRESSIBLE, EXPOSED, MIN_COMPRESS_BYTES

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

    from lacs_ld.web.resource_cache import Rendered

# Preconditions evaluated before If-None-Match (RFC 9110 §13.2.2), and ranges: the hooks' job.
GENERAL_PATH = frozenset(
    ("HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE", "HTTP_RANGE", "HTTP_IF_RANGE")
)
REMEMBERED_CHARS = 256
# What the hooks send on every GET (Fetch standard, CORS protocol).
CORS = (("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", EXPOSED))
MAX_VARIANTS = 16  # header lists kept per entry; Content-Location carries a client's query


@dataclass(frozen=True)
class Variant:
    """One representation of an entry as sent: its 200 and 304 header lists and body."""

    etag: str
    ok: list[tuple[str, str]]
    not_modified: list[tuple[str, str]]
    body: bytes


class Ready(Response):
    """A response whose headers were all worked out in advance (see the module docstring).

    Headers a later hook sets on `headers` are still sent, after the prepared ones.
    """

    prepared: list[tuple[str, str]]

    def __init__(self, body: list[bytes], status: int, prepared: list[tuple[str, str]]) -> None:
        # Response.__init__ would build and search headers this response never uses.
        self.headers = Headers()
        self.status = status
        self.response = body
        self.direct_passthrough = False
        self._on_close = []
        self.prepared = prepared

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        headers = self.prepared
        if self.headers:
            headers = headers + self.headers.to_wsgi_list()
        start_response(self.status, headers)
        return self.response  # type: ignore[return-value]


@lru_cache(maxsize=64)
def compressible(content_type: str) -> bool:
    """Whether the hooks gzip (and so vary on Accept-Encoding) this Content-Type."""
    return content_type.split(";", 1)[0].startswith(COMPRESSIBLE)


@lru_cache(maxsize=512)
def _accepts_gzip(accept_encoding: str) -> bool:
    # RFC 9110 §12.5.3, with werkzeug's reading of the header (as the hooks use it).
    return parse_accept_header(accept_encoding)["gzip"] > 0


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether the client takes gzip; remembered for the few headers clients really send."""
    if not accept_encoding:
        return False
    if len(accept_encoding) > REMEMBERED_CHARS:
        return _accepts_gzip.__wrapped__(accept_encoding)
    return _accepts_gzip(accept_encoding)


def ready(
    entry: Rendered,
    content_type: str,
    *,
    cache_control: str,
    vary: tuple[str, ...] = (),
    link: str = "",
    content_location: str | None = None,
) -> Response | None:
    """The entry as this GET or HEAD's response, or None when the hooks must decide."""
    environ = request.environ
    method = environ["REQUEST_METHOD"]
    if method not in ("GET", "HEAD") or entry.etag is None or entry.status != 200:
        return None
    if not GENERAL_PATH.isdisjoint(environ):
        return None
    packable = compressible(content_type)
    gzip_it = (
        packable
        and len(entry.body) >= MIN_COMPRESS_BYTES
        and accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING"))
    )
    key = (content_type, cache_control, vary, link, content_location, gzip_it, packable)
    found = entry.variants.get(key)
    if found is None:
        found = _variant(entry, key)
        if len(entry.variants) < MAX_VARIANTS:
            entry.variants[key] = found
    unchanged = _not_modified(environ, found.etag, entry)
    if unchanged is None:
        return None
    status, headers, body = 200, found.ok, found.body
    if unchanged:
        status, headers, body = 304, found.not_modified, b""
    return Ready([body] if body and method == "GET" else [], status, headers)


def _not_modified(environ: WSGIEnvironment, etag: str, entry: Rendered) -> bool | None:
    """RFC 9110 §13.1.2 (If-None-Match, weak comparison), else §13.1.3 for the entry's own date;
    None for any other date, which the hooks compare."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        if if_none_match == f'"{etag}"':
            return True
        return parse_etags(if_none_match).contains_weak(etag)
    if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since is None:
        return False
    if entry.modified is not None and if_modified_since == http_date(entry.modified):
        return True
    return None


def _variant(entry: Rendered, key: tuple[object, ...]) -> Variant:
    content_type, cache_control, vary, link, content_location, gzip_it, packable = key
    assert isinstance(content_type, str) and isinstance(cache_control, str)
    assert isinstance(vary, tuple) and isinstance(link, str)
    etag = f"{entry.etag}-gzip" if gzip_it else str(entry.etag)
    body = entry.compressed if gzip_it else entry.body
    varies = [*vary, "Accept-Encoding"] if packable else list(vary)
    # What a 304 repeats of the 200 (RFC 9110 §15.4.5): validators, caching, Vary, location.
    common = [
        *CORS,
        ("Cache-Control", cache_control),
        ("ETag", f'"{etag}"'),
    ]
    if link:
        common.append(("Link", link))
    if varies:
        common.append(("Vary", ", ".join(varies)))
    if isinstance(content_location, str):
        common.append(("Content-Location", iri_to_uri(content_location)))
    ok = [*common, ("Content-Type", content_type), ("Content-Length", str(len(body)))]
    if entry.modified is not None:
        ok.append(("Last-Modified", http_date(entry.modified)))
    if gzip_it:
        ok.append(("Content-Encoding", "gzip"))
    return Variant(etag, ok, common, body)
