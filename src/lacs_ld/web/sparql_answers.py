"""Answers of the SPARQL endpoint: whole ones cached per snapshot, large ones streamed.

A whole answer (up to the part a query worker sends at once, 1 MiB) is kept in a per-process
cache bounded in bytes, keyed by the snapshot, the normalised query, its protocol dataset
and the results format, with its strong ETag and its gzip form made once: a repeated query
(an example, a widget, a dashboard) then costs what a cached document costs, and never
reaches a query worker. A `GET` is also keyed by its raw query string and `Accept` header,
so the very same request skips parsing, checking and negotiating too (it passed them when
its answer was made). `GET` answers carry validators and `Cache-Control: public`, so a
shared cache can keep them too; `POST` answers are `no-store`.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from flask import Response, current_app, request

from lacs_ld.formats import BY_KEY, Format
from lacs_ld.services import sparql
from lacs_ld.sparql_text import normalise
from lacs_ld.store import AnswerStream, QueryRequest
from lacs_ld.web import context
from lacs_ld.web.http import Prepared, body_etag, conditional, snapshot_time
from lacs_ld.web.ready import ready
from lacs_ld.web.resource_cache import DocumentCache, Rendered

CACHE_KEY = "lacs.sparql-answers"
CACHE_BYTES = 32 * 1024 * 1024
SHARED = "public, max-age=300"


def answers() -> DocumentCache:
    """This process's answer cache, made on first use."""
    found: DocumentCache | None = current_app.extensions.get(CACHE_KEY)
    if found is None:  # made only when missing: this runs on every request
        found = current_app.extensions.setdefault(CACHE_KEY, DocumentCache(CACHE_BYTES))
    return found


@dataclass(frozen=True)
class Answer(Rendered):
    """A cached answer and the results format it is in."""

    format_key: str = ""


def _raw_key(snapshot_key: str) -> tuple[str, ...] | None:
    if request.method != "GET":
        return None
    accept = request.headers.get("Accept", "")
    return (snapshot_key, "GET", request.query_string.decode("latin-1"), accept)


def cached_get() -> Response | None:
    """The cached answer to this very GET request (same query string and Accept), if any."""
    key = _raw_key(context.snapshot().key)
    found = answers().get(key) if key is not None else None
    if not isinstance(found, Answer):
        return None
    return _whole(found, BY_KEY[found.format_key])


def answer_response(operation: sparql.Operation, chosen: Format) -> Response:
    """The answer to a checked query in the chosen format, from the cache when it is there."""
    snapshot = context.snapshot()
    key = (
        snapshot.key,
        chosen.key,
        normalise(operation.query),
        "\n".join(operation.default_graphs),
        "\n".join(operation.named_graphs),
    )
    found = answers().get(key)
    if found is None:
        answer = context.store().execute(
            QueryRequest(
                query=operation.query,
                result_format=chosen,
                default_graphs=operation.default_graphs,
                named_graphs=operation.named_graphs,
                prefixes=context.namespaces().prefixes(),
                own_dataset=operation.own_dataset,
            )
        )
        if answer.stream is not None:
            return _streamed(answer.stream, chosen)
        when = snapshot_time(snapshot.issued, snapshot.dataset.stat().st_mtime)
        etag = body_etag(answer.body, snapshot.etag_seed)
        found = Answer(answer.body, etag=etag, modified=when, format_key=chosen.key)
        answers().put(key, found)
    raw = _raw_key(snapshot.key)
    if raw is not None:
        answers().put(raw, found)
    return _whole(found, chosen)


def _whole(found: Rendered, chosen: Format) -> Response:
    if request.method != "POST":
        quick = ready(found, chosen.content_type, cache_control=SHARED, vary=("Accept",))
        if quick is not None:
            return quick
    response = Prepared(found.body, content_type=chosen.content_type)
    response.body = found.body
    response.compressed = lambda: found.compressed
    response.vary.add("Accept")
    if request.method == "POST":
        response.headers["Cache-Control"] = "no-store"
        return response
    if found.etag is not None:
        response.set_etag(found.etag)
    response.headers["Cache-Control"] = SHARED
    return conditional(response, seed=context.snapshot().etag_seed, modified=found.modified)


def _streamed(stream: AnswerStream, chosen: Format) -> Response:
    """Sent as the worker sends it: no ETag (the body is not known in advance), not cached,
    gzip'd part by part for a client that accepts it (RFC 9110 §8.4.1)."""
    gzip_it = request.accept_encodings["gzip"] > 0
    response = Response(GzipParts(stream) if gzip_it else stream, content_type=chosen.content_type)
    response.direct_passthrough = True
    response.vary.add("Accept")
    response.vary.add("Accept-Encoding")
    if gzip_it:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Cache-Control"] = "no-store" if request.method == "POST" else "no-cache"
    return response


class GzipParts:
    """A streamed answer gzip'd as it goes; each part is flushed, so a cut answer's last line
    reaches the client, and the gzip stream then lacks its end (an error to any gunzip)."""

    def __init__(self, parts: AnswerStream) -> None:
        self._parts = parts
        self._zip = zlib.compressobj(6, zlib.DEFLATED, 31)
        self._done = False

    def __iter__(self) -> GzipParts:
        return self

    def __next__(self) -> bytes:
        if self._done:
            raise StopIteration
        try:
            part = next(self._parts)
        except StopIteration:
            self._done = True
            return self._zip.flush()
        return self._zip.compress(part) + self._zip.flush(zlib.Z_SYNC_FLUSH)

    def close(self) -> None:
        self._parts.close()
