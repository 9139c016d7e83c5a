"""`{base}sparql`: the SPARQL 1.1 Protocol endpoint, its Service Description and the editor."""

from __future__ import annotations

import json

from flask import Blueprint, Response, render_template, request
from werkzeug.exceptions import NotFound

from lacs_ld.errors import NotAcceptable, QueryError
from lacs_ld.formats import (
    BY_EXTENSION,
    BY_KEY,
    BY_MEDIA_TYPE,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    Format,
)
from lacs_ld.negotiation import choose
from lacs_ld.queries import examples
from lacs_ld.services import sparql
from lacs_ld.services.description import service_description
from lacs_ld.store import QueryRequest
from lacs_ld.web import context
from lacs_ld.web.http import conditional

blueprint = Blueprint("sparql", __name__)
# Names clients send in `format=` (SPARQLWrapper sends "xml" and "json" for every query form).
GRAPH_ALIASES = {
    "xml": "rdfxml",
    "rdf": "rdfxml",
    "json": "jsonld",
    "json-ld": "jsonld",
    "ttl": "turtle",
    "n3": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
}
RESULT_ALIASES = {
    "srj": "json",
    "srx": "xml",
    "sparql-results+json": "json",
    "sparql-results+xml": "xml",
    "text": "tsv",
}
DESCRIPTION_FORMATS = (*GRAPH_FORMATS, BY_KEY["html"])
EDITOR_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'self'"
)


@blueprint.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    base = context.base()
    if request.method in ("GET", "HEAD") and not request.query_string:
        return _description_or_editor()
    params, direct = sparql.parse_request(
        request.method,
        request.mimetype,
        request.mimetype_params.get("charset"),
        request.query_string,
        request.get_data(cache=False) if request.method == "POST" else b"",
    )
    operation = sparql.operation(params, direct, base)
    chosen = _result_format(operation, allow_editor=request.method != "POST")
    if chosen.key == "html":
        return _editor(operation.query)
    return _answer(operation, chosen)


def _result_format(operation: sparql.Operation, *, allow_editor: bool) -> Format:
    offers = GRAPH_FORMATS if operation.form in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS
    if operation.format is not None:
        wanted = operation.format.lower()
        aliases = GRAPH_ALIASES if offers is GRAPH_FORMATS else RESULT_ALIASES
        wanted = aliases.get(wanted, wanted)
        found = BY_KEY.get(wanted) or BY_EXTENSION.get(wanted) or BY_MEDIA_TYPE.get(wanted)
        if found is None or found not in offers:
            names = ", ".join(f.key for f in offers)
            raise QueryError(
                f"format={operation.format!r} is not offered for this query; use one of: {names}"
            )
        return found
    candidates = (*offers, BY_KEY["html"]) if allow_editor else offers
    chosen = choose(request.accept_mimetypes, candidates)
    if chosen is None:
        types = ", ".join(f.media_type for f in offers)
        raise NotAcceptable(f"this query can be answered as: {types}")
    return chosen


def _answer(operation: sparql.Operation, chosen: Format) -> Response:
    store = context.store()
    answer = store.execute(
        QueryRequest(
            query=operation.query,
            result_format=chosen,
            default_graphs=operation.default_graphs,
            named_graphs=operation.named_graphs,
            prefixes=context.namespaces().prefixes(),
            own_dataset=operation.own_dataset,
        )
    )
    response = Response(answer.body, content_type=chosen.content_type)
    response.vary.add("Accept")
    if request.method == "POST":
        response.headers["Cache-Control"] = "no-store"
        return response
    return conditional(response, seed=context.snapshot().etag_seed)


def _description_or_editor() -> Response:
    chosen = choose(request.accept_mimetypes, DESCRIPTION_FORMATS)
    if chosen is None:
        types = ", ".join(f.media_type for f in DESCRIPTION_FORMATS)
        raise NotAcceptable(f"the endpoint describes itself as: {types}")
    if chosen.key == "html":
        return _editor("")
    graph = service_description(context.settings(), context.snapshot())
    body = graph.serialize(format=chosen.serializer, encoding="utf-8")
    response = Response(body, content_type=chosen.content_type)
    response.vary.add("Accept")
    return conditional(response, seed=context.snapshot().etag_seed)


def _editor(query: str) -> Response:
    base = context.base()
    config = {
        "endpoint": base + "sparql",
        "query": query,
        "prefixes": context.namespaces().prefixes(),
        "examples": [{"title": e.title, "query": e.text} for e in examples()],
    }
    body = render_template("sparql.html", config=json.dumps(config), examples=examples())
    response = Response(body, content_type=BY_KEY["html"].content_type)
    response.vary.add("Accept")
    response.headers["Content-Security-Policy"] = EDITOR_CSP
    return conditional(response, seed=context.snapshot().etag_seed)


@blueprint.route("/query/<slug>", methods=["GET"])
def example(slug: str) -> Response:
    """An example query at a stable URL, answering in every results format."""
    found = {e.slug: e for e in examples()}.get(slug)
    if found is None:
        raise NotFound(f"there is no example query named {slug!r}; see {context.base()}sparql")
    params = [("query", found.text), *request.args.items(multi=True)]
    operation = sparql.operation(params, None, context.base())
    return _answer(operation, _result_format(operation, allow_editor=False))
