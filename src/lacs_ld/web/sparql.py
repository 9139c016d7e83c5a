"""`{base}sparql`: the SPARQL 1.1 Protocol endpoint, its Service Description and the editor."""

from __future__ import annotations

import json

from flask import Blueprint, Response, render_template, request
from werkzeug.exceptions import NotFound

from lacs_ld.errors import NotAcceptable
from lacs_ld.formats import BY_KEY, GRAPH_FORMATS, Format
from lacs_ld.negotiation import choose
from lacs_ld.queries import examples
from lacs_ld.services import sparql
from lacs_ld.services.description import service_description
from lacs_ld.store import QueryRequest
from lacs_ld.web import context
from lacs_ld.web.http import conditional, snapshot_time
from lacs_ld.web.sparql_answers import answer_response, cached_get
from lacs_ld.web.sparql_examples import editor_url, example_page
from lacs_ld.web.sparql_formats import choose_format

blueprint = Blueprint("sparql", __name__)
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
    repeated = cached_get()
    if repeated is not None:
        return repeated
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
    return answer_response(operation, chosen)


def _result_format(operation: sparql.Operation, *, allow_editor: bool) -> Format:
    accept = request.headers.get("Accept", "")
    return choose_format(operation.form, operation.formats, accept, allow_page=allow_editor)


def _description_or_editor() -> Response:
    chosen = choose(request.accept_mimetypes, DESCRIPTION_FORMATS)
    if chosen is None:
        types = ", ".join(f.media_type for f in DESCRIPTION_FORMATS)
        raise NotAcceptable(f"the endpoint describes itself as: {types}")
    if chosen.key == "html":
        return _editor("")
    snapshot = context.snapshot()
    graph = service_description(context.settings(), snapshot)
    body = graph.serialize(format=chosen.serializer, encoding="utf-8")
    response = Response(body, content_type=chosen.content_type)
    response.vary.add("Accept")
    modified = snapshot_time(snapshot.issued, snapshot.dataset.stat().st_mtime)
    return conditional(response, seed=snapshot.etag_seed, modified=modified)


def _editor(query: str) -> Response:
    base = context.base()
    config = {
        "endpoint": base + "sparql",
        "query": query,
        "prefixes": context.namespaces().prefixes(),
        "examples": [{"title": e.title, "query": e.text} for e in examples()],
    }
    listed = [(e, editor_url(base, e)) for e in examples()]
    body = render_template("sparql.html", config=json.dumps(config), examples=listed)
    response = Response(body, content_type=BY_KEY["html"].content_type)
    response.vary.add("Accept")
    response.headers["Content-Security-Policy"] = EDITOR_CSP
    return conditional(response, seed=context.snapshot().etag_seed)


@blueprint.route("/query/<slug>", methods=["GET"])
def example(slug: str) -> Response:
    """An example query at a stable URL: a page for a browser, else every results format."""
    found = {e.slug: e for e in examples()}.get(slug)
    if found is None:
        raise NotFound(f"there is no example query named {slug!r}; see {context.base()}sparql")
    params = [("query", found.text), *request.args.items(multi=True)]
    operation = sparql.operation(params, None, context.base())
    chosen = _result_format(operation, allow_editor=True)
    if chosen.key == "html":
        answer = context.store().execute(QueryRequest(found.text, BY_KEY["json"]))
        page = example_page(context.base(), found, answer)
        return conditional(page, seed=context.snapshot().etag_seed)
    return answer_response(operation, chosen)
