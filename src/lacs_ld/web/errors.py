"""One error renderer: every failure answers with a precise status in the negotiated format."""

from __future__ import annotations

import logging

from flask import Flask, Response, render_template, request
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from werkzeug.exceptions import HTTPException, InternalServerError

from lacs_ld.errors import LacsError, Overloaded
from lacs_ld.formats import ERROR_FORMATS, Format
from lacs_ld.negotiation import choose
from lacs_ld.web import context

log = logging.getLogger(__name__)
# Every failure is titled in words people use (RFC 9457 §3.1.3: a short summary).
TITLES = {
    400: "The request could not be understood",
    403: "That is not allowed here",
    404: "This page does not exist",
    405: "That method is not allowed here",
    406: "Not available in that format",
    410: "This page has gone",
    413: "The request is too large",
    414: "The address is too long",
    415: "That kind of request body is not accepted",
    422: "The query could not be run",
    500: "Something went wrong on our side",
    502: "The data store cannot be reached",
    503: "The service is busy or the query took too long",
    504: "The data store took too long",
}
# RFC 9111 §4.2.2: a 404 or 410 says only that the target URI names nothing, so a cache may
# keep it briefly; any other 4xx answers one particular request (its method, headers or body,
# RFC 9110 §15.5) and a 5xx a passing state (§15.6), so neither may be stored (RFC 9111 §5.2.2.5).
CACHEABLE_ERRORS = frozenset({404, 410})
ERROR_MAX_AGE = 60
GENERIC = {"Not found", "Not acceptable", "Bad request", "Gone", "Error", "Method Not Allowed"}
ERROR_TITLES = {
    "QueryError": "The query could not be read",
    "QueryRefused": "Queries may not change the data",
    "UnsupportedMediaType": "That kind of request body is not accepted",
    "NotAcceptable": "Not available in that format",
    "QueryTimeout": "The query took too long",
    "TooManyRows": "The answer is too large",
    "Overloaded": "Busy: try again in a moment",
    "EngineFailure": "The query engine failed on this query",
    "StoreUnavailable": "The data store cannot be reached",
    "StoreTimeout": "The data store took too long",
    "StoreRejected": "The data store refused the query",
    "SettingError": "A setting is wrong",
    "PublishError": "The data could not be published",
}


def render_error(
    status: int, title: str, message: str, links: dict[str, str] | None = None
) -> Response:
    """An error body in the format the client prefers (plain text by default)."""
    if title in GENERIC:  # a status's bare name: say it in words instead
        title = TITLES.get(status, title)
    chosen: Format = choose(request.accept_mimetypes, ERROR_FORMATS) or ERROR_FORMATS[0]
    links = links or {}
    base = context.base()
    links.setdefault("search", base + "search")
    links.setdefault("home", base)
    if chosen.key == "html":
        body = render_template(
            "error.html", status=status, title=title, message=message, links=links
        )
    elif chosen.key == "problem":
        import json

        problem = {"type": "about:blank", "title": title, "status": status, "detail": message}
        body = json.dumps({**problem, "links": links}, indent=2)
    elif chosen.key in ("turtle", "jsonld"):
        graph = Graph()
        here = URIRef(base + request.path.lstrip("/"))  # under the base, never the Host header
        graph.add((here, RDFS.label, Literal(f"{status} {title}", lang="en")))
        graph.add((here, RDFS.comment, Literal(message, lang="en")))
        for target in links.values():
            graph.add((here, RDFS.seeAlso, URIRef(target)))
        body = graph.serialize(format=chosen.serializer)
    else:
        body = f"{status} {title}\n\n{message}\n\n" + "".join(
            f"{k}: {v}\n" for k, v in links.items()
        )
    response = Response(body, status=status, content_type=chosen.content_type)
    response.vary.add("Accept")  # the body's format is chosen by Accept (RFC 9110 §12.5.5)
    response.headers["Cache-Control"] = error_cache_control(status)
    return response


def error_cache_control(status: int) -> str:
    """Cache-Control of an error answer: briefly shared for an unknown URI, else not stored."""
    if status in CACHEABLE_ERRORS:
        return f"public, max-age={ERROR_MAX_AGE}"
    return "no-store"


def register_error_handlers(app: Flask) -> None:
    """Route HTTP errors and the project's own errors to the renderer; log real bugs."""

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        title = TITLES.get(status, exc.name)
        response = render_error(status, title, exc.description or title)
        for header, value in exc.get_headers():
            if header.lower() not in ("content-type", "content-length"):
                response.headers[header] = value
        return response

    @app.errorhandler(LacsError)
    def lacs_error(exc: LacsError) -> Response:
        message = exc.message + (f"\n\n{exc.detail}" if exc.detail else "")
        title = ERROR_TITLES.get(type(exc).__name__, TITLES.get(exc.status, "Error"))
        response = render_error(exc.status, title, message)
        if isinstance(exc, Overloaded):
            response.headers["Retry-After"] = "2"
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.path)
        return http_error(InternalServerError())
