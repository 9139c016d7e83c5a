"""How the list, search and home pages answer: format, links, errors, snapshot validators."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

from flask import Response, request
from rdflib import Graph

from lacs_ld.errors import LacsError, NotAcceptable
from lacs_ld.formats import Format
from lacs_ld.negotiation import choose
from lacs_ld.web import context
from lacs_ld.web.errors import render_error
from lacs_ld.web.http import conditional, snapshot_time

TITLES = {
    400: "The request could not be understood",
    404: "This page does not exist",
    406: "Not available in that format",
}


def negotiate(offers: Sequence[Format], parameter: Mapping[str, Format]) -> Format:
    """`?format=` when given, else the `Accept` header; 406 when nothing offered fits."""
    asked = request.args.get("format", "")
    if asked:
        found = parameter.get(asked.lower())
        if found is None:
            raise NotAcceptable(
                f"format {asked[:30]!r} is not offered here: use one of {', '.join(parameter)}"
            )
        return found
    chosen = choose(request.accept_mimetypes, offers)
    if chosen is None:
        raise NotAcceptable(
            "none of the formats asked for is offered: " + ", ".join(f.media_type for f in offers)
        )
    return chosen


def error_page(exc: LacsError) -> Response:
    """A refused request (bad parameter, page past the end, format not offered) as a page."""
    return render_error(exc.status, TITLES.get(exc.status, "Error"), exc.message)


def graph_response(graph: Graph, chosen: Format) -> Response:
    """A graph serialised in the negotiated RDF format."""
    return Response(graph.serialize(format=chosen.serializer), content_type=chosen.content_type)


def finish(response: Response, *, negotiated: bool = True) -> Response:
    """Validators and caching for a response that depends only on the snapshot and the URL."""
    snapshot = context.snapshot()
    if negotiated:
        response.vary.add("Accept")
    modified = snapshot_time(snapshot.issued, snapshot.dataset.stat().st_mtime)
    return conditional(response, seed=snapshot.etag_seed, modified=modified)


def page_url(path: str, args: Mapping[str, str], **changes: str | int | None) -> str:
    """`{base}{path}` with the current arguments, some changed or (None) removed."""
    merged: dict[str, str] = {k: v for k, v in args.items() if v}
    for key, value in changes.items():
        if value is None or value == "":
            merged.pop(key, None)
        else:
            merged[key] = str(value)
    if merged.get("page") == "1":
        merged.pop("page")
    query = urlencode(sorted(merged.items()))
    return context.base() + path + (f"?{query}" if query else "")
