"""`{base}authorities`, `{base}inspections`, `{base}guidance`, `{base}quotes`: faceted lists.

Each list answers in HTML, CSV (`?format=csv` or `Accept: text/csv`) and RDF (Turtle,
N-Triples, RDF/XML, JSON-LD: a `hydra:Collection` whose members are the page's things,
with `hydra:PartialCollectionView` paging). Parameters:

- `page`: 1, 2, … (fixed page size of 50); past the end 404, not a positive number 400.
- `sort`: one of the list's documented orders (see `services.listings.specs.SPECS`).
- facets (`region`, `grade`, `status`; `framework`, `year`, `grade`, `authority`; `type`,
  `publisher`; `topic`, `framework`, `year`, `authority`, `region`, `clause`, `method`):
  a value the data never has answers 400 naming the accepted values.
- `format`: `html`, `csv`, `ttl`, `nt`, `rdf`, `jsonld`, overriding `Accept`.

CSV holds every row matching the filters (no paging), in the chosen order.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Blueprint, Response, render_template, request

from lacs_ld.errors import LacsError
from lacs_ld.formats import BY_KEY, Format
from lacs_ld.services.listings import SPECS, page_csv, page_graph, parse_page
from lacs_ld.web import context
from lacs_ld.web.answers import error_page, finish, graph_response, negotiate, page_url
from lacs_ld.web.catalogue import catalogue
from lacs_ld.web.http import body_etag
from lacs_ld.web.pictures import grade_pictures
from lacs_ld.web.resource_cache import Rendered, cache

blueprint = Blueprint("browse", __name__)

LIST_FORMATS: tuple[Format, ...] = tuple(
    BY_KEY[k] for k in ("html", "turtle", "jsonld", "ntriples", "rdfxml", "csv")
)
BY_PARAMETER: dict[str, Format] = {f.extension: f for f in LIST_FORMATS} | {
    "turtle": BY_KEY["turtle"],
    "json-ld": BY_KEY["jsonld"],
}


def list_view(name: str) -> Response:
    """A page of the named list in the negotiated format (CSV: every matching row)."""
    try:
        chosen = negotiate(LIST_FORMATS, BY_PARAMETER)
        number = parse_page(request.args.get("page"))
    except LacsError as exc:
        return error_page(exc)
    arguments = request.args.to_dict()
    # A list page depends only on the snapshot and its arguments: rendered once, then cached.
    key = (context.snapshot().key, "list", name, chosen.key, *map(repr, sorted(arguments.items())))
    found = cache().get(key)
    if found is None:
        try:
            body = render(name, chosen, number, arguments)
        except LacsError as exc:
            return error_page(exc)
        found = Rendered(body, etag=body_etag(body, context.snapshot().etag_seed))
        cache().put(key, found)
    response = Response(found.body, content_type=chosen.content_type)
    if found.etag:
        response.set_etag(found.etag)
    if chosen.key == "csv":
        response.headers["Content-Disposition"] = f'inline; filename="{name}.csv"'
    return finish(response)


def render(name: str, chosen: Format, number: int, arguments: dict[str, str]) -> bytes:
    """The page's body; `LacsError` for a bad filter or sort, or a page past the end."""
    page = catalogue().page(name, arguments, page=number, sort=arguments.get("sort"))
    args = {k: v for k, v in arguments.items() if k != "format"}
    if chosen.key == "csv":
        return page_csv(page).encode()
    if chosen.kind == "graph":
        graph = page_graph(
            page,
            prefixes=context.namespaces().prefixes(),
            dataset=context.base() + "id/dataset",
            url=lambda number: page_url(name, args, page=number),
        )
        return graph_response(graph, chosen).get_data()
    return render_template(
        "list.html",
        spec=SPECS[name],
        page=page,
        args=args,
        path=name,
        url=lambda **changes: page_url(name, args, **changes),
        formats=list_formats(name, args),
        # The inspections list opens on the picture of grades year by year (its first page, unfiltered).
        pictures=grade_pictures()
        if name == "inspections" and not page.filters and page.number == 1
        else None,
    ).encode()


def list_formats(name: str, args: Mapping[str, str]) -> list[tuple[str, str]]:
    """The list's other formats as (label, address) links, each from its first page."""
    return [
        (f.label, page_url(name, args, format=f.extension, page=None))
        for f in LIST_FORMATS
        if f.key != "html"
    ]


def _register(name: str) -> None:
    def view() -> Response:
        return list_view(name)

    view.__name__ = f"list_{name}"
    blueprint.add_url_rule(f"/{name}", view.__name__, view, methods=["GET", "HEAD"])


for _name in SPECS:
    _register(_name)
