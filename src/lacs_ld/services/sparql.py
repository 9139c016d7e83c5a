"""SPARQL 1.1 Protocol semantics (§2.1): from an HTTP request's parts to one checked query."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl

from lacs_ld import uris
from lacs_ld.errors import QueryError, QueryRefused, UnsupportedMediaType
from lacs_ld.sparql_text import analyse

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
MAX_DEPTH = 64
PARAMETERS = frozenset(
    {
        "query",
        "default-graph-uri",
        "named-graph-uri",
        "format",
        "update",
        "using-graph-uri",
        "using-named-graph-uri",
    }
)


@dataclass(frozen=True)
class Operation:
    """One query with its protocol dataset (SPARQL 1.1 Protocol §2.1.4)."""

    query: str
    form: str
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    formats: tuple[str, ...]
    own_dataset: bool = False


def decode_pairs(raw: bytes, where: str) -> list[tuple[str, str]]:
    """Percent-decoded pairs, UTF-8 strictly: a malformed byte is the client's error."""
    try:
        return parse_qsl(raw.decode("ascii"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise QueryError(f"the {where} is not valid UTF-8 (SPARQL 1.1 Protocol §2.1)") from None


def parse_request(
    method: str, content_type: str, charset: str | None, url_args: bytes, body: bytes
) -> tuple[list[tuple[str, str]], str | None]:
    """All protocol parameters of a request, and the query when the body is the query itself."""
    params = decode_pairs(url_args, "query string")
    direct: str | None = None
    if method == "POST":
        if charset and charset.lower().replace("-", "") != "utf8":
            raise UnsupportedMediaType(f"request bodies must be UTF-8, not {charset}")
        if content_type == FORM:
            params += decode_pairs(body, "request body")
        elif content_type == QUERY:
            direct = _utf8(body)
        elif content_type == UPDATE:
            raise QueryRefused("this endpoint is read-only: SPARQL Update is not accepted")
        elif content_type:
            raise UnsupportedMediaType(f"a POST body must be {FORM} or {QUERY}, not {content_type}")
        elif body:
            raise UnsupportedMediaType(f"a POST body needs a Content-Type: {FORM} or {QUERY}")
    return params, direct


def operation(params: Sequence[tuple[str, str]], direct: str | None, base: str) -> Operation:
    """The one query a request asks for, with its dataset, checked before any engine sees it."""
    names = [name for name, _ in params]
    if "update" in names or "using-graph-uri" in names or "using-named-graph-uri" in names:
        raise QueryRefused("this endpoint is read-only: SPARQL Update is not accepted")
    queries = [value for name, value in params if name == "query"]
    if direct is not None:
        if queries:
            raise QueryError("send the query once: in the body or in a query parameter, not both")
        queries = [direct]
    if len(queries) > 1:
        raise QueryError("more than one query parameter: send exactly one query")
    if not queries or not queries[0].strip():
        raise QueryError("no query: send one in the query parameter (SPARQL 1.1 Protocol §2.1)")
    formats = tuple(value for name, value in params if name == "format")
    text = queries[0]
    shape = analyse(text, base)
    if shape.update_words and shape.form is None:
        raise QueryRefused(
            f"this endpoint is read-only: {shape.update_words[0]} is SPARQL Update, not accepted"
        )
    if shape.has_service:
        raise QueryError(
            "SERVICE (federated query) is not available: this endpoint never contacts other servers"
        )
    if shape.max_depth > MAX_DEPTH:
        raise QueryError(
            f"the query nests groups more than {MAX_DEPTH} deep, this endpoint's limit"
        )
    known = set(uris.graph(base, name) for name in uris.GRAPH_NAMES)
    default = tuple(value for name, value in params if name == "default-graph-uri")
    named = tuple(value for name, value in params if name == "named-graph-uri")
    for graph in (*default, *named, *shape.from_graphs, *shape.from_named):
        if graph not in known:
            raise QueryError(
                f"<{graph}> is not a graph of this dataset, and this endpoint never fetches graphs "
                f"from the web; its graphs are: {', '.join(sorted(known))}"
            )
    own = bool(shape.from_graphs or shape.from_named)
    return Operation(text, shape.form or "", default, named, formats, own)


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise QueryError("the request body is not valid UTF-8 (SPARQL 1.1 Protocol §2.1)") from None
