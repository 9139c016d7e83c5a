"""The dataset description (VoID and DCAT) at `{base}.well-known/void` and `{base}doc/dataset`.

`{base}id/dataset` names the dataset itself and answers `303 See Other` to its document,
like every other thing (docs/uri-scheme.md). Every number in the description is counted
from the published snapshot when it is first asked for, then kept until the next publish.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, g, redirect, render_template, request
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, VOID

from lacs_ld import uris
from lacs_ld.formats import DOCUMENT_FORMATS, Format
from lacs_ld.negotiation import choose
from lacs_ld.services import dumps
from lacs_ld.services.description import dataset_graph, dataset_iri
from lacs_ld.services.description.schema_org import dataset_jsonld
from lacs_ld.web import context
from lacs_ld.web.errors import render_error
from lacs_ld.web.signposting import embedded, kinds, links
from lacs_ld.web.signposting.links import Link
from lacs_ld.web.signposting.memo import remember
from lacs_ld.web.snapshot_values import per_snapshot, snapshot_validated

blueprint = Blueprint("description", __name__)
CACHE_KEY = "lacs.description"
BY_EXTENSION = {f.extension: f for f in DOCUMENT_FORMATS}


def description() -> Graph:
    """The description of the snapshot being served, computed once per snapshot."""
    return per_snapshot(
        CACHE_KEY, lambda snapshot: dataset_graph(context.store(), snapshot, context.settings())
    )


@blueprint.route("/.well-known/void", methods=["GET", "HEAD"])
def well_known_void() -> Response:
    fmt = choose(request.accept_mimetypes, DOCUMENT_FORMATS)
    if fmt is None:
        return _not_acceptable()
    return _send(fmt, content_location=None)


@blueprint.route("/id/dataset", methods=["GET", "HEAD"])
def thing() -> Response:
    fmt = choose(request.accept_mimetypes, DOCUMENT_FORMATS) or DOCUMENT_FORMATS[0]
    target = uris.document(context.base(), "dataset", fmt.extension)
    response = current_app.make_response(redirect(target, code=303))
    response.vary.add("Accept")
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@blueprint.route("/doc/dataset", methods=["GET", "HEAD"])
def document() -> Response:
    fmt = choose(request.accept_mimetypes, DOCUMENT_FORMATS)
    if fmt is None:
        return _not_acceptable()
    return _send(fmt, content_location=uris.document(context.base(), "dataset", fmt.extension))


@blueprint.route("/doc/dataset.<extension>", methods=["GET", "HEAD"])
def document_in(extension: str) -> Response:
    fmt = BY_EXTENSION.get(extension)
    if fmt is None:
        return render_error(
            404,
            "Not found",
            f"The dataset description has no .{extension} form; try "
            + ", ".join(f".{f.extension}" for f in DOCUMENT_FORMATS)
            + ".",
        )
    return _send(fmt, content_location=None, negotiated=False)


def _not_acceptable() -> Response:
    offered = ", ".join(f.media_type for f in DOCUMENT_FORMATS)
    return render_error(406, "Not acceptable", f"The dataset description is offered as {offered}.")


def _send(fmt: Format, *, content_location: str | None, negotiated: bool = True) -> Response:
    graph = description()
    base = context.base()
    signposts = remember("links doc/dataset", lambda: _signposts(graph, base))
    if fmt.key == "html":
        body: str | bytes = remember("page doc/dataset", lambda: _html(graph, base, signposts))
    else:
        body = remember(
            f"doc/dataset {fmt.key}",
            lambda: graph.serialize(format=fmt.serializer, encoding="utf-8"),
        )
    response = Response(body, content_type=fmt.content_type)
    if negotiated:
        response.vary.add("Accept")
    if content_location:
        response.headers["Content-Location"] = content_location
    response.headers["Link"] = links.header(signposts)
    return snapshot_validated(response)


def _signposts(graph: Graph, base: str) -> list[Link]:
    """Every rendition of the description, then its FAIR Signposting links."""
    alternates = [
        Link(uris.document(base, "dataset", f.extension), "alternate", f.media_type)
        for f in DOCUMENT_FORMATS
    ]
    return alternates + kinds.dataset(base, graph, target="doc/dataset")


def _html(graph: Graph, base: str, signposts: list[Link]) -> str:
    """The HTML view, its links and triples (and the schema.org Dataset) in its head."""
    g.signposts = signposts
    g.jsonld = embedded.jsonld(graph, context.namespaces().prefixes())
    g.jsonld_extra = [embedded.escape(json.dumps(dataset_jsonld(graph, base), indent=2))]
    return render_template("dumps-description.html", **_page(graph, base))


def _page(graph: Graph, base: str) -> dict[str, object]:
    """What the HTML view shows: headline facts, partitions and downloads, from the graph."""
    dataset = dataset_iri(base)

    def one(node: URIRef, predicate: URIRef) -> str:
        value = graph.value(node, predicate)
        return str(value) if value is not None else ""

    def partitions(kind: URIRef, term: URIRef, measure: URIRef) -> list[tuple[str, int]]:
        found = [
            (one(node, term), int(one(node, measure) or 0))  # type: ignore[arg-type]
            for node in graph.objects(dataset, kind)
        ]
        return sorted(found, key=lambda item: (-item[1], item[0]))

    classes = partitions(VOID.classPartition, VOID["class"], VOID.entities)
    properties = partitions(VOID.propertyPartition, VOID.property, VOID.triples)
    release = dumps.ensure(context.snapshot())
    return {
        "dataset": str(dataset),
        "title": one(dataset, DCTERMS.title),
        "description": one(dataset, DCTERMS.description),
        "version": one(dataset, OWL.versionInfo),
        "modified": one(dataset, DCTERMS.modified),
        "triples": one(dataset, VOID.triples),
        "entities": one(dataset, VOID.entities),
        "licences": sorted(str(o) for o in graph.objects(dataset, DCTERMS.license)),
        "examples": sorted(str(o) for o in graph.objects(dataset, VOID.exampleResource)),
        "vocabularies": sorted(str(o) for o in graph.objects(dataset, VOID.vocabulary)),
        "classes": classes,
        "properties": properties,
        "release": release,
        "base": base,
    }
