"""A `def/` document's body: its graph from the store, as RDF or as its HTML page."""

from __future__ import annotations

from flask import g, render_template
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from lacs_ld import queries, uris
from lacs_ld.formats import DOCUMENT_FORMATS, Format
from lacs_ld.web import context
from lacs_ld.web.signposting import embedded
from lacs_ld.web.vocabulary.pages import concept_page, ontology_page, scheme_page
from lacs_ld.web.vocabulary.shapes import shapes_page


def graph_for(name: str) -> Graph:
    """The ontology, the shapes or one concept scheme, read from its named graph."""
    base = context.base()
    graph = Graph()
    for prefix, ns in context.namespaces().prefixes().items():
        graph.bind(prefix, ns, override=True)
    store = context.store()
    if name == "lacs":
        graph += store.construct(
            queries.load("vocab-graph"),
            {
                "graph": URIRef(uris.graph(base, "vocabulary")),
                "namespace": Literal(base + "def/lacs"),
            },
        )
    elif name == "shapes":
        graph += store.construct(
            queries.load("vocab-graph"),
            {
                "graph": URIRef(uris.graph(base, "shapes")),
                "namespace": Literal(base + "def/shapes"),
            },
        )
    else:
        graph += store.construct(
            queries.load("vocab-scheme"), {"this": URIRef(base + "def/" + name)}
        )
    return graph


def render(path: str, fmt: Format) -> bytes | None:
    """The body of `def/{path}` in one format, or None when no such term or scheme exists."""
    base = context.base()
    parts = path.split("/")
    iri = f"{base}def/{path}"
    if len(parts) == 2:
        graph = graph_for(path)
        if not graph:
            return None
        if fmt.key == "html":
            embed(graph)
            values = concept_page(graph, iri, f"{base}def/{parts[0]}")
            return render_template("vocab-concept.html", **values, formats=formats(path)).encode()
        return graph.serialize(format=fmt.serializer, encoding="utf-8")
    graph = graph_for(parts[0])
    if not graph:
        return None
    if fmt.key != "html":
        return graph.serialize(format=fmt.serializer, encoding="utf-8")
    embed(graph)
    if path == "lacs":
        return render_template("vocab.html", **ontology_page(graph), formats=formats(path)).encode()
    if path == "shapes":
        return render_template(
            "vocab-shapes.html", **shapes_page(graph), formats=formats(path)
        ).encode()
    if (URIRef(iri), RDF.type, SKOS.ConceptScheme) not in graph:
        return None
    return render_template(
        "vocab-scheme.html", **scheme_page(graph, iri), iri=iri, formats=formats(path)
    ).encode()


def embed(graph: Graph) -> None:
    """The page carries its own triples as JSON-LD (the signposting partial writes them)."""
    g.jsonld = embedded.jsonld(graph, context.namespaces().prefixes())


def formats(path: str) -> list[dict[str, str]]:
    """Where each rendition of `def/{path}` is, for the page's format links."""
    base = context.base()
    return [
        {"label": f.label, "type": f.media_type, "href": f"{base}def/{path}.{f.extension}"}
        for f in DOCUMENT_FORMATS
    ]
