"""The view-models of the ontology, concept scheme and concept pages under `def/`."""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from lacs_ld import queries
from lacs_ld.services.describe.words import plain_words, words_for
from lacs_ld.web import context


def label(graph: Graph, node: Node) -> str:
    """A term's preferred label, else the last segment of its IRI."""
    for prop in (SKOS.prefLabel, RDFS.label):
        value = graph.value(node, prop)
        if value is not None:
            return str(value)
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]


def term(graph: Graph, node: Node | None) -> dict[str, Any] | None:
    """A term as a page shows it: its label and, for an IRI, its link."""
    if node is None:
        return None
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is not None:
            return {"label": " or ".join(label(graph, m) for m in Collection(graph, members))}
        return {"label": "(anonymous)"}
    return {"label": label(graph, node), "href": str(node)}


def ontology_page(graph: Graph) -> dict[str, Any]:
    """The ontology's page: its classes and properties, each with how often the data uses it."""
    base = context.base()
    ns = base + "def/lacs#"
    store = context.store()
    usage_text = queries.load("vocab-usage")
    terms = []
    for kind, types in (
        ("Classes", (OWL.Class, RDFS.Class, RDFS.Datatype)),
        ("Properties", (OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)),
    ):
        found = sorted(
            {s for t in types for s in graph.subjects(RDF.type, t) if str(s).startswith(ns)},
            key=str,
        )
        entries = []
        for s in found:
            assert isinstance(s, URIRef)
            rows = store.select(usage_text, {"term": s})
            entries.append(
                {
                    "id": str(s)[len(ns) :],
                    "iri": str(s),
                    "label": label(graph, s),
                    "comment": str(graph.value(s, RDFS.comment) or ""),
                    "domain": term(graph, graph.value(s, RDFS.domain)),
                    "range": term(graph, graph.value(s, RDFS.range)),
                    "parents": [
                        term(graph, p)
                        for p in graph.objects(s, RDFS.subClassOf)
                        if isinstance(p, URIRef)
                    ]
                    + [term(graph, p) for p in graph.objects(s, RDFS.subPropertyOf)],
                    "uses": int(rows[0]["n"]) if rows else 0,
                }
            )
        terms.append({"kind": kind, "entries": entries})
    title = label(graph, URIRef(base + "def/lacs"))
    return {"title": title if title != "lacs" else "The lacs ontology", "sections": terms}


def scheme_page(graph: Graph, iri: str) -> dict[str, Any]:
    """A concept scheme's page: its definition and its concepts in notation order."""
    concepts = sorted(
        (
            {
                "iri": str(c),
                "label": label(graph, c),
                "notation": str(graph.value(c, SKOS.notation) or ""),
                "definition": str(graph.value(c, SKOS.definition) or ""),
                "broader": term(graph, graph.value(c, SKOS.broader)),
            }
            for c in graph.subjects(SKOS.inScheme, URIRef(iri))
        ),
        key=lambda c: (c["notation"], c["label"]),
    )
    return {
        "title": label(graph, URIRef(iri)),
        "definition": str(graph.value(URIRef(iri), SKOS.definition) or ""),
        "concepts": concepts,
    }


def property_words(prop: Node) -> str:
    """A property in the words the resource pages use (one table for every page)."""
    words = words_for(URIRef(str(prop)), str(context.namespaces().lacs))
    return words.label if words is not None else plain_words(label(Graph(), prop))


def concept_page(graph: Graph, iri: str, scheme: str) -> dict[str, Any]:
    """A concept's page: its label and every fact the scheme states about it."""
    this = URIRef(iri)
    return {
        "title": label(graph, this),
        "iri": iri,
        "facts": [
            {
                "property": {"label": property_words(p), "href": str(p)},
                "value": term(graph, o) if not isinstance(o, Literal) else {"label": str(o)},
            }
            for p, o in sorted(graph.predicate_objects(this))
            if p != SKOS.prefLabel  # the page's title
        ],
        "scheme": term(graph, URIRef(scheme)),
    }
