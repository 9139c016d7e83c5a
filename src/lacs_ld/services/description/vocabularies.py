"""VoID partitions of the data, and `void:vocabulary`: every vocabulary the publication uses."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, VOID

from lacs_ld import uris
from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services import dumps
from lacs_ld.services.description_counts import (
    class_partitions,
    count_literal,
    example_resources,
    property_partitions,
    vocabularies,
)
from lacs_ld.store import Store


def add_partitions(graph: Graph, store: Store, base: str, dataset: URIRef) -> list[URIRef]:
    """Class and property partitions of the data graph, and example resources.

    Returns the classes and properties of every published graph, whose vocabularies
    the description names.
    """
    data_graph = URIRef(uris.graph(base, "data"))
    classes = class_partitions(store, data_graph)
    properties = property_partitions(store, data_graph)
    prefixes = ProjectNamespaces(base).prefixes()
    for cls, count in classes.items():
        node = URIRef(f"{dataset}#class-{_slug(cls, prefixes)}")
        graph.add((dataset, VOID.classPartition, node))
        graph.add((node, VOID["class"], cls))
        graph.add((node, VOID.entities, count_literal(count)))
    for prop, count in properties.items():
        node = URIRef(f"{dataset}#property-{_slug(prop, prefixes)}")
        graph.add((dataset, VOID.propertyPartition, node))
        graph.add((node, VOID.property, prop))
        graph.add((node, VOID.triples, count_literal(count)))
    for resource in example_resources(store, base):
        graph.add((dataset, VOID.exampleResource, resource))
    used = [*classes, *properties]
    for part in dumps.PARTS:
        if part != "data":
            named = URIRef(uris.graph(base, part))
            used += [*class_partitions(store, named), *property_partitions(store, named)]
    return used


def add_vocabularies(graph: Graph, dataset: URIRef, used: list[URIRef]) -> None:
    """`void:vocabulary` for the terms of the published graphs and of the description itself."""
    described = [*graph.predicates(), *(o for o in graph.objects(None, RDF.type))]
    for vocabulary in vocabularies([*used, *(t for t in described if isinstance(t, URIRef))]):
        graph.add((dataset, VOID.vocabulary, vocabulary))


def _slug(term: URIRef, prefixes: dict[str, str]) -> str:
    text = str(term)
    for prefix, namespace in sorted(prefixes.items(), key=lambda item: -len(item[1])):
        if text.startswith(namespace):
            return f"{prefix}-{text[len(namespace) :]}"
    return "".join(c if c.isalnum() else "-" for c in text)
