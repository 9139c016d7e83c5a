"""`{base}authorities`, `{base}inspections`, `{base}guidance`, `{base}quotes`: faceted lists.

Each list answers in HTML, CSV (`?format=csv` or `Accept: text/csv`) and RDF (Turtle,
N-Triples, RDF/XML, JSON-LD: a `hydra:Collection` whose members are the page's things,
with `hydra:PartialCollectionView` paging). Parameters:

- `page`: 1, 2, … (fixed page size of 50); past the end 404, not a positive number 400.
- `sort`: one of the list's documented orders (see `services.listings.SPECS`).
- facets (`region`, `grade`, `status`; `framework`, `year`, `grade`, `authority`; `type`,
  `publisher`; `topic`, `framework`, `year`, `authority`, `region`, `clause`, `method`):
  a value the data never has answers 400 naming the accepted values.
- `format`: `html`, `csv`, `ttl`, `nt`, `rdf`, `jsonld`, overriding `Accept`.

CSV holds every row matching the filters (no paging), in the chosen order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, render_template, request
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, VOID, XSD

from lacs_ld.errors import LacsError, NotAcceptable
from lacs_ld.formats import BY_KEY, Format
from lacs_ld.namespaces import HYDRA
from lacs_ld.negotiation import choose
from lacs_ld.services.listings import (
    SPECS,
    Catalogue,
    CatalogueCache,
    Page,
    parse_page,
)
from lacs_ld.services.search import SearchIndex
from lacs_ld.web import context
from lacs_ld.web.errors import render_error
from lacs_ld.web.http import conditional, snapshot_time

blueprint = Blueprint("browse", __name__)

LIST_FORMATS: tuple[Format, ...] = tuple(
    BY_KEY[k] for k in ("html", "turtle", "jsonld", "ntriples", "rdfxml", "csv")
)
BY_PARAMETER: dict[str, Format] = {f.extension: f for f in LIST_FORMATS} | {
    "turtle": BY_KEY["turtle"],
    "json-ld": BY_KEY["jsonld"],
}
CACHE_KEY = "lacs.catalogue"


def catalogue_cache() -> CatalogueCache:
    cache = current_app.extensions.get(CACHE_KEY)
    if cache is None:
        cache = current_app.extensions.setdefault(CACHE_KEY, CatalogueCache())
    assert isinstance(cache, CatalogueCache)
    return cache


def catalogue() -> Catalogue:
    """The lists of the snapshot being served, computed on first use after each publish."""
    return catalogue_cache().get(context.store(), context.snapshot())


def search_index() -> SearchIndex:
    """The full-text index of the snapshot being served, built on first use."""
    current = catalogue()
    index = catalogue_cache().extra(current, "search", SearchIndex)
    assert isinstance(index, SearchIndex)
    return index


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


def list_view(name: str) -> Response:
    spec = SPECS[name]
    try:
        chosen = negotiate(LIST_FORMATS, BY_PARAMETER)
        number = parse_page(request.args.get("page"))
        page = catalogue().page(
            name, request.args.to_dict(), page=number, sort=request.args.get("sort")
        )
    except LacsError as exc:
        title = {400: "Bad request", 404: "Not found", 406: "Not acceptable"}.get(exc.status, "")
        return render_error(exc.status, title or "Error", exc.message)
    args = {k: v for k, v in request.args.to_dict().items() if k != "format"}
    if chosen.key == "csv":
        response = Response(list_csv(page), content_type=chosen.content_type)
        response.headers["Content-Disposition"] = f'inline; filename="{name}.csv"'
    elif chosen.kind == "graph":
        graph = list_graph(page, name, args)
        response = Response(
            graph.serialize(format=chosen.serializer), content_type=chosen.content_type
        )
    else:
        response = Response(
            render_template(
                "list.html",
                spec=spec,
                page=page,
                args=args,
                path=name,
                url=lambda **changes: page_url(name, args, **changes),
                formats=[
                    (f.label, page_url(name, args, format=f.extension, page=None))
                    for f in LIST_FORMATS
                    if f.key != "html"
                ],
            ),
            content_type=chosen.content_type,
        )
    return finish(response)


def list_csv(page: Page) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = page.spec.columns
    writer.writerow(["iri", "label", *(c.key for c in columns)])
    for item in page.matching:
        writer.writerow([item.iri, item.label, *(item.fields.get(c.key, "") for c in columns)])
    return buffer.getvalue()


def list_graph(page: Page, name: str, args: Mapping[str, str]) -> Graph:
    """A hydra:Collection (and void:Dataset subset) of the page's members."""
    graph = Graph()
    for prefix, namespace in context.namespaces().prefixes().items():
        graph.bind(prefix, namespace)
    collection = URIRef(page_url(name, args, page=None))
    view = URIRef(page_url(name, args, page=page.number))
    graph.add((collection, RDF.type, HYDRA.Collection))
    graph.add((collection, RDFS.label, Literal(page.spec.title, lang="en")))
    graph.add((collection, RDFS.comment, Literal(page.spec.description, lang="en")))
    graph.add((collection, HYDRA.totalItems, Literal(page.total, datatype=XSD.integer)))
    graph.add((collection, VOID.subset, URIRef(context.base() + "id/dataset")))
    graph.add((collection, HYDRA.view, view))
    graph.add((view, RDF.type, HYDRA.PartialCollectionView))
    graph.add((view, HYDRA.first, URIRef(page_url(name, args, page=1))))
    graph.add((view, HYDRA.last, URIRef(page_url(name, args, page=page.pages))))
    if page.number > 1:
        graph.add((view, HYDRA.previous, URIRef(page_url(name, args, page=page.number - 1))))
    if page.number < page.pages:
        graph.add((view, HYDRA.next, URIRef(page_url(name, args, page=page.number + 1))))
    for item in page.items:
        member = URIRef(item.iri)
        graph.add((collection, HYDRA.member, member))
        graph.add((member, RDFS.label, Literal(item.label)))
    return graph


def _register(name: str) -> None:
    def view() -> Response:
        return list_view(name)

    view.__name__ = f"list_{name}"
    blueprint.add_url_rule(f"/{name}", view.__name__, view, methods=["GET", "HEAD"])


for _name in SPECS:
    _register(_name)
