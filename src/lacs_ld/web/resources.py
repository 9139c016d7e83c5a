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

from flask import Blueprint, Response, abort, redirect, request
from flask.blueprints import BlueprintSetupState
from rdflib import URIRef
from werkzeug.wrappers import Response as BaseResponse

from lacs_ld import uris
from lacs_ld.formats import DOCUMENT_FORMATS, Format
from lacs_ld.negotiation import choose_for
from lacs_ld.services.describe.terms import exists, expand
from lacs_ld.services.resources import Describer
from lacs_ld.web import context
from lacs_ld.web.errors import render_error
from lacs_ld.web.resource_cache import CACHE_KEY, DocumentCache, cache, known
from lacs_ld.web.resource_paths import BY_EXT, check_path, not_acceptable, not_found
from lacs_ld.web.resource_responses import modified, prepared, render, see_other, send

blueprint = Blueprint("resources", __name__)


@blueprint.record_once
def _install(state: BlueprintSetupState) -> None:
    state.app.extensions.setdefault(CACHE_KEY, DocumentCache())


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
    key = (context.snapshot().key, path)
    if key not in known():
        if not exists(context.store(), URIRef(uris.thing(base, path))):
            return not_found(path)
        known().add(key)
    chosen = choose_for(request.environ.get("HTTP_ACCEPT"), DOCUMENT_FORMATS)
    if chosen is None:
        return not_acceptable(path)
    return see_other(uris.document(base, path, chosen.extension) + fragment)


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
    location = None
    if fmt is None:
        fmt = choose_for(request.environ.get("HTTP_ACCEPT"), DOCUMENT_FORMATS)
        if fmt is None:
            return not_acceptable(path)
        location = uris.document(base, path, fmt.extension) + (
            f"?{request.query_string.decode('ascii')}" if request.query_string else ""
        )
    if incoming:
        return incoming_document(thing_path, fmt, location)
    return thing_document(thing_path, fmt, location)


def thing_document(path: str, fmt: Format, location: str | None = None) -> Response:
    snapshot = context.snapshot()
    key = (snapshot.key, path, fmt.key)
    found = cache().get(key)
    if found is None:
        when = modified()
        description = Describer(context.store(), context.base()).describe(path, modified=when)
        if description is None:
            return not_found(path)
        found = prepared(render(description, fmt, path), path, when, description)
        cache().put(key, found)
    return send(found, fmt, path, location)


def incoming_document(path: str, fmt: Format, location: str | None = None) -> Response:
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
        found = prepared(render(description, fmt, path, listing=True), path, when, description)
        cache().put(key, found)
    return send(found, fmt, path, location)
