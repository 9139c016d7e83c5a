"""The dataset described in VoID and DCAT: every number counted from the published snapshot."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, VOID, XSD

from lacs_ld import uris
from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services import dumps
from lacs_ld.services.description_counts import (
    class_partitions,
    count_literal,
    entities,
    example_resources,
    graph_triples,
    licences,
    property_partitions,
    vocabularies,
)
from lacs_ld.services.distributions import IANA, add_distributions
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.settings import Settings
from lacs_ld.store import Store

# DCAT 3 terms (dcat:version) that rdflib's closed DCAT namespace does not list.
DCAT3 = Namespace(str(DCAT))
TITLE = "Local authority children's services inspections (lacs-ld)"
DESCRIPTION = (
    "Ofsted's inspections of English local authority children's services since 2009: "
    "every authority, inspection and judgement, the guidance that governs inspections, "
    "and verbatim quotes from inspection reports linked to the guidance clauses that "
    "govern them."
)


def dataset_iri(base: str) -> URIRef:
    return URIRef(uris.thing(base, "dataset"))


def dataset_graph(store: Store, snapshot: Snapshot, settings: Settings) -> Graph:
    """`{base}id/dataset` as a void:Dataset and dcat:Dataset, counted from the store."""
    base = settings.base_uri
    graph = _graph(base)
    dataset = dataset_iri(base)
    data_graph = URIRef(uris.graph(base, "data"))
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal(TITLE, lang="en")))
    graph.add((dataset, RDFS.label, Literal(TITLE, lang="en")))
    graph.add((dataset, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    publisher = URIRef(f"{dataset}#publisher")
    graph.add((dataset, DCTERMS.publisher, publisher))
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal("lacs-ld")))
    graph.add((publisher, FOAF.homepage, URIRef(base)))
    for licence in licences(store, base):
        graph.add((dataset, DCTERMS.license, licence))
    graph.add((dataset, OWL.versionInfo, Literal(snapshot.release)))
    graph.add((dataset, DCAT3.version, Literal(snapshot.release)))
    if snapshot.issued:
        graph.add((dataset, DCTERMS.modified, Literal(snapshot.issued, datatype=XSD.date)))
    graph.add((dataset, DCTERMS.conformsTo, URIRef(base + "def/shapes")))
    graph.add((dataset, VOID.uriSpace, Literal(base + "id/")))
    graph.add((dataset, VOID.sparqlEndpoint, URIRef(base + "sparql")))
    graph.add((dataset, DCAT.landingPage, URIRef(base)))
    graph.add((dataset, FOAF.homepage, URIRef(base)))

    per_graph = graph_triples(store, base)
    graph.add((dataset, VOID.triples, count_literal(sum(per_graph.values()))))
    graph.add((dataset, VOID.entities, count_literal(entities(store, base))))
    for name, triples in per_graph.items():
        subset = URIRef(uris.graph(base, name))
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, count_literal(triples)))

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
    for vocabulary in vocabularies([*classes, *properties]):
        graph.add((dataset, VOID.vocabulary, vocabulary))
    for resource in example_resources(store, base):
        graph.add((dataset, VOID.exampleResource, resource))

    release = dumps.ensure(snapshot)
    graph.add((dataset, DCAT.distribution, URIRef(base + "sparql#service")))
    _describe_sparql(graph, base)
    add_distributions(graph, release, base, dataset)
    return graph


def dumps_graph(release: dumps.Release, base: str) -> Graph:
    """The downloads page as RDF: the dataset's distributions of one release."""
    graph = _graph(base)
    dataset = dataset_iri(base)
    page = URIRef(base + "dumps/")
    graph.add((page, RDFS.label, Literal(f"Downloads of release {release.release}", lang="en")))
    graph.add((page, FOAF.primaryTopic, dataset))
    graph.add((dataset, OWL.versionInfo, Literal(release.release)))
    graph.add((URIRef(base + "def/shapes"), OWL.versionInfo, Literal(release.shapes_version)))
    add_distributions(graph, release, base, dataset)
    return graph


def _describe_sparql(graph: Graph, base: str) -> None:
    service = URIRef(base + "sparql#service")
    graph.add((service, RDF.type, DCAT.Distribution))
    graph.add((service, DCTERMS.title, Literal("SPARQL 1.1 query endpoint", lang="en")))
    graph.add((service, DCAT.accessURL, URIRef(base + "sparql")))


def _graph(base: str) -> Graph:
    graph = Graph()
    for prefix, namespace in ProjectNamespaces(base).prefixes().items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph.bind("iana", IANA)
    return graph


def _slug(term: URIRef, prefixes: dict[str, str]) -> str:
    text = str(term)
    for prefix, namespace in sorted(prefixes.items(), key=lambda item: -len(item[1])):
        if text.startswith(namespace):
            return f"{prefix}-{text[len(namespace) :]}"
    return "".join(c if c.isalnum() else "-" for c in text)
