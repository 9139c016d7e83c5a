"""`{base}search?q=…`: ranked full-text search, and `{base}opensearch.xml` describing it.

Finds authorities (by name, former name, GSS or DfE code), inspections (by authority,
framework, year and grade), guidance, clauses and quotes. Answers in HTML, JSON
(`application/json`, `?format=json`) and RDF (a `hydra:Collection` of the hits), each giving
every hit the same heading, kind and snippet. `q` is at most 200 characters (400 over it);
an empty `q` gives the search page with no results. Words are matched stemmed, all of them
required; "double quotes" keep a phrase together; any other punctuation is ignored. Facets:
`type` (the kind: `authority`, `inspection`, `quote`, `clause`, `guidance`, `document`),
`grade`, `topic`, `framework`, `year`, `region`, `authority`; `page` as for the lists (20
hits a page). A search matching more than 1,000 things says so and pages through the first
1,000 (see `services.search.matching`). Each answer depends only on the snapshot and its
URL, so it is rendered once and kept with the documents (bounded in bytes, with its ETag).
"""

from __future__ import annotations

import hashlib
import json

from flask import Blueprint, Response, current_app, render_template, request
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from lacs_ld.errors import LacsError
from lacs_ld.formats import BY_KEY, Format
from lacs_ld.namespaces import HYDRA
from lacs_ld.services.listings import ListingError, parse_page
from lacs_ld.services.search import FACETS, MAX_QUERY_CHARS, TYPE_LABELS, Results
from lacs_ld.web import context
from lacs_ld.web.answers import error_page, finish, graph_response, negotiate, page_url
from lacs_ld.web.catalogue import search_index
from lacs_ld.web.http import body_etag
from lacs_ld.web.resource_cache import DocumentCache, Rendered

blueprint = Blueprint("search", __name__)

JSON = Format("json", "json", "application/json", "page", "json", "JSON")
SEARCH_FORMATS: tuple[Format, ...] = (
    BY_KEY["html"],
    JSON,
    BY_KEY["turtle"],
    BY_KEY["jsonld"],
    BY_KEY["ntriples"],
    BY_KEY["rdfxml"],
)
BY_PARAMETER = {f.extension: f for f in SEARCH_FORMATS} | {"turtle": BY_KEY["turtle"]}
OPENSEARCH = "application/opensearchdescription+xml"
ASKED = {"q", "page", "format", *(f.name for f in FACETS)}  # what an answer depends on
CACHE_KEY = "lacs.search_pages"
CACHE_BYTES = 16 * 1024 * 1024  # apart from the documents', so searches never push them out


@blueprint.route("/search", methods=["GET", "HEAD"])
def search() -> Response:
    try:
        chosen = negotiate(SEARCH_FORMATS, BY_PARAMETER)
    except LacsError as exc:
        return error_page(exc)
    arguments = request.args.to_dict()
    snapshot = context.snapshot()
    # Only what the answer depends on, digested: a key costs little beside the page it keeps.
    asked = sorted((k, v) for k, v in arguments.items() if k in ASKED)
    digest = hashlib.blake2b(repr(asked).encode(), digest_size=16).hexdigest()
    key = (snapshot.key, chosen.key, digest)
    found = pages().get(key)
    if found is None:
        try:
            body, hits = render(chosen, arguments)
        except LacsError as exc:
            return error_page(exc)
        found = Rendered(body, etag=body_etag(body, snapshot.etag_seed))
        if hits:  # a search finding nothing is cheap to answer again and not worth the room
            pages().put(key, found)
    response = Response(found.body, content_type=chosen.content_type)
    if found.etag:
        response.set_etag(found.etag)
    return finish(response)


def pages() -> DocumentCache:
    """Rendered search answers of this process, least recently used out first."""
    found: DocumentCache = current_app.extensions.setdefault(CACHE_KEY, DocumentCache(CACHE_BYTES))
    return found


def render(chosen: Format, arguments: dict[str, str]) -> tuple[bytes, bool]:
    """The answer's body and whether it holds hits; `LacsError` for a bad query, filter or page."""
    q = arguments.get("q", "")
    args = {k: v for k, v in arguments.items() if k in ASKED and k != "format"}
    if len(q) > MAX_QUERY_CHARS:
        raise ListingError(
            f"the search text is {len(q)} characters long: at most {MAX_QUERY_CHARS}"
        )
    number = parse_page(arguments.get("page"))
    results = search_index().search(q, arguments, page=number)
    if chosen.key == "json":
        body = json.dumps(results_json(results, args), ensure_ascii=False, indent=1).encode()
    elif chosen.kind == "graph":
        body = graph_response(results_graph(results, args), chosen).get_data()
    else:
        body = render_template(
            "search.html",
            q=q,
            results=results,
            facets=FACETS,
            kinds=TYPE_LABELS,
            max_chars=MAX_QUERY_CHARS,
            url=lambda **changes: page_url("search", args, **changes),
        ).encode()
    return body, bool(results.hits)


def results_json(results: Results, args: dict[str, str]) -> dict[str, object]:
    return {
        "query": results.query,
        "terms": [" ".join(t) for t in results.terms],
        "total": results.total,
        # More match than were counted: `total` is then the least there are.
        "more": results.more,
        "page": results.number,
        "pages": results.pages,
        "next": page_url("search", args, page=results.number + 1)
        if results.number < results.pages
        else None,
        "filters": results.filters,
        "results": [
            {
                "iri": hit.doc.iri,
                "type": hit.doc.kind,
                "kind": TYPE_LABELS.get(hit.doc.kind, hit.doc.kind),
                "heading": hit.doc.heading,
                "title": hit.doc.title,
                "context": hit.doc.context,
                "score": round(-hit.score, 4),
                "snippet": hit.snippet_text,
                "highlights": [{"text": t, "match": m} for t, m in hit.snippet],
            }
            for hit in results.hits
        ],
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in results.facets.items()
        },
        # Facets whose counts are the least each value has (counted over the first matches).
        "sampled_facets": sorted(results.sampled),
    }


def results_graph(results: Results, args: dict[str, str]) -> Graph:
    graph = Graph()
    for prefix, namespace in context.namespaces().prefixes().items():
        graph.bind(prefix, namespace)
    collection = URIRef(page_url("search", args, page=None))
    view = URIRef(page_url("search", args, page=results.number))
    graph.add((collection, RDF.type, HYDRA.Collection))
    graph.add((collection, RDFS.label, Literal(f"Search results for {results.query}", lang="en")))
    if not results.more:  # a total only when it is the whole count
        graph.add((collection, HYDRA.totalItems, Literal(results.total, datatype=XSD.integer)))
    graph.add((collection, HYDRA.view, view))
    graph.add((view, RDF.type, HYDRA.PartialCollectionView))
    if results.number < results.pages:
        graph.add((view, HYDRA.next, URIRef(page_url("search", args, page=results.number + 1))))
    if results.number > 1:
        graph.add((view, HYDRA.previous, URIRef(page_url("search", args, page=results.number - 1))))
    for hit in results.hits:
        member = URIRef(hit.doc.iri)
        graph.add((collection, HYDRA.member, member))
        graph.add((member, RDFS.label, Literal(hit.doc.heading)))
        graph.add((member, DCTERMS.type, Literal(TYPE_LABELS.get(hit.doc.kind, hit.doc.kind))))
        graph.add((member, RDFS.comment, Literal(hit.snippet_text)))
    return graph


@blueprint.route("/opensearch.xml", methods=["GET", "HEAD"])
def opensearch() -> Response:
    body = render_template("opensearch.xml")
    return finish(Response(body, content_type=f"{OPENSEARCH}; charset=utf-8"), negotiated=False)
