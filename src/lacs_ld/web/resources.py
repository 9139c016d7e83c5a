"""`{base}id/…` and `{base}doc/…`: the 303 pattern and the documents about things.

Decisions the URI scheme leaves open, stated once here:

- **Abolished authorities keep their pages.** An authority abolished in a local
  government reorganisation (`dcterms:isReplacedBy`, `lacs:inForceTo`) still names a
  real body with a real inspection history, so `id/authority/X` answers `303` and its
  document `200`, showing the successor(s) and the date. A `301` would hide that
  history. The same holds for guidance documents replaced by a newer edition: the old
  edition is what old inspections were judged against, so it stays `200` and names its
  successor. (The scheme's `410`/`301` remain for IRIs withdrawn from the data.)
- **Sub-resources are documented inside their parent.** `…/quote/n/selector` and
  `…/quote/n/link/k` answer `303` to the parent's document with a fragment naming the
  part (`#selector`, `#link-k`); their triples are in the parent's document.
- **Incoming links are paged.** A document lists at most `PAGE_SIZE` resources per
  linking property; the rest are at `{base}doc/X/incoming?property=…&page=N`, and the
  document says so (`hydra:totalItems`, `hydra:next`, and "showing 50 of 412" in HTML).
- Malformed paths answer `400`, paths over 512 bytes `414`, unknown things and
  unknown extensions `404` — never `500`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from flask import Blueprint, Flask, Response, abort, current_app, redirect, render_template, request
from flask.blueprints import BlueprintSetupState
from rdflib import URIRef
from werkzeug.wrappers import Response as BaseResponse

from lacs_ld import uris
from lacs_ld.formats import DOCUMENT_FORMATS, Format
from lacs_ld.namespaces import OGL
from lacs_ld.negotiation import choose
from lacs_ld.services.describe_view import page_context
from lacs_ld.services.resources import Describer, Description, expand
from lacs_ld.web import context
from lacs_ld.web.errors import render_error
from lacs_ld.web.http import Prepared, body_etag, conditional, gzip_body, snapshot_time

blueprint = Blueprint("resources", __name__)
CACHE_KEY = "lacs.documents"
CACHE_BYTES = 64 * 1024 * 1024
MAX_PATH = 512
BY_EXT = {f.extension: f for f in DOCUMENT_FORMATS}


class DocumentCache:
    """Rendered documents per (snapshot, path, format), least recently used out first."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[str, ...], Rendered] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> Rendered | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: tuple[str, ...], value: Rendered) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = value
            self._bytes += len(value.body)
            while self._bytes > self.max_bytes and len(self._entries) > 1:
                _, evicted = self._entries.popitem(last=False)
                self._bytes -= len(evicted.body)


@dataclass(frozen=True)
class Rendered:
    """A document's body in one format, ready to send.

    What every response carrying it repeats is worked out once, here: its strong ETag, its
    Link header, its Last-Modified and, on first demand, its gzip form.
    """

    body: bytes
    status: int = 200
    etag: str | None = None
    link: str = ""
    modified: datetime | None = None

    @cached_property
    def compressed(self) -> bytes:
        return gzip_body(self.body)


@blueprint.record_once
def _install(state: BlueprintSetupState) -> None:
    state.app.extensions.setdefault(CACHE_KEY, DocumentCache())


def cache(app: Flask | None = None) -> DocumentCache:
    found: DocumentCache = (app or current_app).extensions.setdefault(CACHE_KEY, DocumentCache())
    return found


def check_path(path: str) -> None:
    """400 for anything that is not a plain path, 414 for absurd lengths."""
    if len(path.encode("utf-8", "surrogateescape")) > MAX_PATH:
        abort(414, f"a thing path is at most {MAX_PATH} bytes")
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or ""
    encoded = raw.split("?", 1)[0].lower()
    if "%2f" in encoded or "%2e" in encoded or "%5c" in encoded or not uris.is_safe(path):
        abort(400, "this path holds characters, empty or dot segments no thing path has")


def modified() -> datetime:
    snapshot = context.snapshot()
    manifest = snapshot.directory / "manifest.json"
    mtime = manifest.stat().st_mtime if manifest.exists() else 0.0
    return snapshot_time(snapshot.issued, mtime)


def not_found(path: str) -> Response:
    base = context.base()
    return render_error(
        404,
        "Not found",
        f"The data names no thing at {uris.thing(base, path)}.",
        {"search": base + "search?q=" + path.rsplit("/", 1)[-1]},
    )


def not_acceptable(path: str) -> Response:
    base = context.base()
    links = {f.label: uris.document(base, path, f.extension) for f in DOCUMENT_FORMATS}
    offered = ", ".join(f"{f.media_type} ({f.label})" for f in DOCUMENT_FORMATS)
    response = render_error(406, "Not acceptable", f"This document is offered as {offered}.", links)
    return response


@blueprint.route("/id/<path:path>", methods=["GET", "HEAD"])
def thing(path: str) -> BaseResponse:
    """303 See Other to the document about a thing, in the format the client prefers."""
    check_path(path)
    base = context.base()
    canonical = uris.canonical(path)
    if canonical:
        return redirect(uris.thing(base, canonical), 301)
    parsed = uris.parse(path)
    if parsed is None:
        return not_found(path)
    fragment = ""
    if parsed.kind == "part":
        parent = parsed.part("parent")
        tail = path[len(parent) + 1 :]
        fragment = "#" + tail.replace("/", "-")
        path = parent
    describer = Describer(context.store(), base)
    from lacs_ld.services.resources import exists

    if not exists(describer.store, URIRef(uris.thing(base, path))):
        return not_found(path)
    chosen = choose(request.accept_mimetypes, DOCUMENT_FORMATS)
    if chosen is None:
        return not_acceptable(path)
    response = redirect(uris.document(base, path, chosen.extension) + fragment, 303)
    response.vary.add("Accept")
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@blueprint.route("/doc/<path:path>", methods=["GET", "HEAD"])
def document(path: str) -> BaseResponse:
    """The document about a thing: negotiated at `doc/X`, fixed at `doc/X.{ext}`."""
    check_path(path)
    base = context.base()
    fmt: Format | None = None
    stem, dot, ext = path.rpartition(".")
    if dot and ext in BY_EXT and "/" not in ext:
        fmt, path = BY_EXT[ext], stem
    incoming = path.endswith("/incoming")
    thing_path = path[: -len("/incoming")] if incoming else path
    canonical = uris.canonical(thing_path)
    if canonical:
        target = uris.document(base, canonical + ("/incoming" if incoming else ""))
        target += f".{fmt.extension}" if fmt else ""
        query = request.query_string.decode("ascii", "replace")
        return redirect(target + (f"?{query}" if query else ""), 301)
    parsed = uris.parse(thing_path)
    if parsed is None or parsed.kind == "part":
        return not_found(thing_path)
    negotiated = fmt is None
    if fmt is None:
        fmt = choose(request.accept_mimetypes, DOCUMENT_FORMATS)
        if fmt is None:
            return not_acceptable(path)
    response = incoming_document(thing_path, fmt) if incoming else thing_document(thing_path, fmt)
    if response.status_code != 200:
        return response
    if negotiated:
        response.vary.add("Accept")
        response.headers["Content-Location"] = uris.document(base, path, fmt.extension) + (
            f"?{request.query_string.decode('ascii')}" if request.query_string else ""
        )
    return response


def thing_document(path: str, fmt: Format) -> Response:
    snapshot = context.snapshot()
    key = (snapshot.key, path, fmt.key)
    found = cache().get(key)
    if found is None:
        when = modified()
        description = Describer(context.store(), context.base()).describe(path, modified=when)
        if description is None:
            return not_found(path)
        found = prepared(render(description, fmt, path), path, when)
        cache().put(key, found)
    return send(found, fmt, path)


def incoming_document(path: str, fmt: Format) -> Response:
    base = context.base()
    name = request.args.get("property", "")
    prop = expand(context.namespaces(), name)
    if prop is None:
        abort(400, "name the linking property: ?property=lacs:governedBy (a prefixed name or IRI)")
    page_text = request.args.get("page", "1")
    if not page_text.isdigit() or len(page_text) > 6 or int(page_text) < 1:
        abort(400, "page is a whole number from 1")
    page = int(page_text)
    snapshot = context.snapshot()
    key = (snapshot.key, path, fmt.key, "incoming", str(prop), str(page))
    found = cache().get(key)
    if found is None:
        when = modified()
        description = Describer(context.store(), base).incoming_page(
            path, prop, page, modified=when
        )
        if description is None:
            return render_error(
                404,
                "Not found",
                f"No page {page} of what links to {uris.thing(base, path)} through {name}.",
                {"document": uris.document(base, path)},
            )
        found = prepared(render(description, fmt, path, listing=True), path, when)
        cache().put(key, found)
    return send(found, fmt, path)


def render(description: Description, fmt: Format, path: str, *, listing: bool = False) -> bytes:
    if fmt.key == "html":
        template = "resource-incoming.html" if listing else "resource.html"
        values: dict[str, Any] = page_context(description, path, context.base())
        return render_template(template, **values).encode("utf-8")
    data = description.graph.serialize(format=fmt.serializer, encoding="utf-8")
    return data


def link_header(base: str, path: str) -> str:
    links = [
        f'<{uris.document(base, path, f.extension)}>; rel="alternate"; type="{f.media_type}"'
        for f in DOCUMENT_FORMATS
    ]
    links.append(f'<{uris.thing(base, path)}>; rel="cite-as"')
    links.append(f'<{base}doc/dataset>; rel="describedby"')
    links.append(f'<{OGL}>; rel="license"')
    return ", ".join(links)


def prepared(body: bytes, path: str, when: datetime) -> Rendered:
    """A rendered body with the validators and headers every response carrying it repeats."""
    etag = body_etag(body, context.snapshot().etag_seed)
    return Rendered(body, etag=etag, link=link_header(context.base(), path), modified=when)


def send(found: Rendered, fmt: Format, path: str) -> Response:
    response = Prepared(found.body, status=found.status, content_type=fmt.content_type)
    response.body = found.body
    response.compressed = lambda: found.compressed
    response.headers["Link"] = found.link or link_header(context.base(), path)
    if found.etag is not None:
        response.set_etag(found.etag)
    snapshot = context.snapshot()
    when = found.modified if found.modified is not None else modified()
    return conditional(response, seed=snapshot.etag_seed, modified=when)
