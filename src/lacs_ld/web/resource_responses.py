"""Documents as responses: rendered once, sent with their ETag, Link and Last-Modified."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

from flask import Response, g, redirect, render_template, request
from rdflib import URIRef
from werkzeug.urls import iri_to_uri
from werkzeug.wrappers import Response as BaseResponse

from lacs_ld.formats import Format
from lacs_ld.namespaces import OGL
from lacs_ld.services.describe.model import Description
from lacs_ld.services.describe.view import page_context
from lacs_ld.services.description.licences import in_graph
from lacs_ld.web import context, stable_rdf
from lacs_ld.web.http import MIN_COMPRESS_BYTES, Prepared, body_etag, conditional, snapshot_time
from lacs_ld.web.ready import CORS, Ready, compressible, ready
from lacs_ld.web.resource_cache import Rendered
from lacs_ld.web.signposting import embedded, kinds, links

CACHE_CONTROL = "public, max-age=300"


def modified() -> datetime:
    """When the served snapshot was made, for Last-Modified."""
    snapshot = context.snapshot()
    manifest = snapshot.directory / "manifest.json"
    mtime = manifest.stat().st_mtime if manifest.exists() else 0.0
    return snapshot_time(snapshot.issued, mtime)


def signposts(description: Description, path: str) -> list[links.Link]:
    """A document's typed links: its thing's classes and the licences of its facts."""
    return kinds.document(
        context.base(),
        path,
        kinds.thing_types(description.graph, description.subject),
        in_graph(description.graph),
    )


def render(description: Description, fmt: Format, path: str, *, listing: bool = False) -> bytes:
    """A document's body in one format: a page from the templates, or serialized RDF."""
    if fmt.key == "html":
        template = "resource-incoming.html" if listing else "resource.html"
        values: dict[str, Any] = page_context(description, path, context.base())
        # Read by the signposting partial of every page: the same links and triples.
        g.signposts = signposts(description, path)
        g.jsonld = embedded.jsonld(description.graph, context.namespaces().prefixes())
        return render_template(template, **values).encode("utf-8")
    return stable_rdf.serialize(description.graph, fmt.serializer)


def link_header(base: str, path: str) -> str:
    """The Link header of a document rendered without its description at hand."""
    return links.header(kinds.document(base, path, [], [URIRef(OGL)]))


def prepared(body: bytes, path: str, when: datetime, description: Description) -> Rendered:
    """A rendered body with the validators and headers every response carrying it repeats."""
    etag = body_etag(body, context.snapshot().etag_seed)
    link = links.header(signposts(description, path))
    return Rendered(body, etag=etag, link=link, modified=when)


def send(found: Rendered, fmt: Format, path: str, location: str | None = None) -> Response:
    """A rendered document as a response, conditional on the client's ETag and date.

    `location`, for a document negotiated at `doc/X`, is the Content-Location of the format
    chosen; such a response varies with `Accept` (RFC 9110 §12.5.5).
    """
    link = found.link or link_header(context.base(), path)
    vary = ("Accept",) if location is not None else ()
    quick = ready(
        found,
        fmt.content_type,
        cache_control=CACHE_CONTROL,
        vary=vary,
        link=link,
        content_location=location,
    )
    if quick is not None:
        return quick
    response = Prepared(found.body, status=found.status, content_type=fmt.content_type)
    response.body = found.body
    response.compressed = lambda: found.compressed
    response.headers["Link"] = link
    if found.etag is not None:
        response.set_etag(found.etag)
    if location is not None:
        response.vary.add("Accept")
        response.headers["Content-Location"] = location
    snapshot = context.snapshot()
    when = found.modified if found.modified is not None else modified()
    response.headers["Cache-Control"] = CACHE_CONTROL
    return conditional(response, seed=snapshot.etag_seed, modified=when)


def see_other(location: str) -> BaseResponse:
    """`303 See Other` from a thing to its document (Cool URIs for the Semantic Web §4.3),
    with the headers the hooks would give it, worked out once per location."""
    method = request.environ["REQUEST_METHOD"]
    prepared = _see_other(location) if method in ("GET", "HEAD") else None
    if prepared is None:
        response = redirect(location, 303)
        response.vary.add("Accept")
        response.headers["Cache-Control"] = CACHE_CONTROL
        return response
    headers, body = prepared
    return Ready([body] if method == "GET" else [], 303, headers)


@lru_cache(maxsize=4096)
def _see_other(location: str) -> tuple[list[tuple[str, str]], bytes] | None:
    model = redirect(location, 303)
    body = model.get_data()
    if len(body) >= MIN_COMPRESS_BYTES:
        return None  # a body the hooks may gzip: theirs to send
    content_type = model.headers["Content-Type"]
    vary = "Accept, Accept-Encoding" if compressible(content_type) else "Accept"
    headers = [
        *CORS,
        ("Cache-Control", CACHE_CONTROL),
        ("Vary", vary),
        ("Location", iri_to_uri(location)),
        ("Content-Type", content_type),
        ("Content-Length", str(len(body))),
    ]
    return headers, body
