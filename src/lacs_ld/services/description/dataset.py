"""The dataset described in VoID and DCAT-AP 3.0.1: every number counted from the snapshot."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, VOID, XSD

from lacs_ld import uris
from lacs_ld.namespaces import ProjectNamespaces
from lacs_ld.services import dumps
from lacs_ld.services.description import catalogue, licences, terms
from lacs_ld.services.description.distributions import add_distributions
from lacs_ld.services.description.service import add_service
from lacs_ld.services.description.vocabularies import add_partitions, add_vocabularies
from lacs_ld.services.description_counts import (
    TripleCounts,
    count_literal,
    entities,
    triple_counts,
)
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.settings import Settings
from lacs_ld.store import Store

# DCAT 3 terms (dcat:version) that rdflib's closed DCAT namespace does not list.
DCAT3 = Namespace(str(DCAT))


def dataset_iri(base: str) -> URIRef:
    return URIRef(uris.thing(base, "dataset"))


def dataset_graph(store: Store, snapshot: Snapshot, settings: Settings) -> Graph:
    """`{base}id/dataset` as a void:Dataset and dcat:Dataset in its catalogue."""
    base = settings.base_uri
    graph = _graph(base)
    dataset = dataset_iri(base)
    by_part = licences.by_part(store, base)
    every = [iri for licence in licences.LICENCES for iri in [licence.iri] if _any(by_part, iri)]
    release = dumps.ensure(snapshot)
    issued = _first_issued(settings, snapshot)

    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal(catalogue.TITLE, lang="en")))
    graph.add((dataset, RDFS.label, Literal(catalogue.TITLE, lang="en")))
    graph.add((dataset, DCTERMS.description, Literal(catalogue.DESCRIPTION, lang="en")))
    agent = catalogue.publisher(graph, base)
    card = catalogue.contact(graph, base)
    catalogue.add_recommended(graph, dataset, agent, card)
    for licence in every:
        graph.add((dataset, DCTERMS.license, licence))
    licences.describe(graph, every)
    graph.add((dataset, OWL.versionInfo, Literal(snapshot.release)))
    graph.add((dataset, DCAT3.version, Literal(snapshot.release)))
    if issued:
        graph.add((dataset, DCTERMS.issued, Literal(issued, datatype=XSD.date)))
    if snapshot.issued:
        graph.add((dataset, DCTERMS.modified, Literal(snapshot.issued, datatype=XSD.date)))
    graph.add((dataset, DCTERMS.language, terms.english(graph)))
    graph.add((dataset, DCTERMS.spatial, catalogue.england(graph)))
    period = catalogue.period(graph, store, base, str(ProjectNamespaces(base).lacs))
    if period is not None:
        graph.add((dataset, DCTERMS.temporal, period))
    graph.add((dataset, DCTERMS.accrualPeriodicity, terms.irregular(graph)))
    shapes = terms.standard(graph, URIRef(base + "def/shapes"), "lacs-ld SHACL shapes")
    graph.add((dataset, DCTERMS.conformsTo, shapes))
    graph.add((dataset, VOID.uriSpace, Literal(base + "id/")))
    graph.add((dataset, VOID.sparqlEndpoint, URIRef(base + "sparql")))
    graph.add((dataset, DCAT.landingPage, terms.document(graph, URIRef(base))))
    graph.add((dataset, FOAF.homepage, URIRef(base)))

    counted = triple_counts(snapshot)
    graph.add((dataset, VOID.triples, count_literal(counted.dataset)))
    graph.add((dataset, RDFS.comment, Literal(_scope(counted), lang="en")))
    graph.add((dataset, VOID.entities, count_literal(entities(store, base))))
    for name in dumps.PARTS:
        triples = counted.graphs.get(name, 0)
        subset = URIRef(uris.graph(base, name))
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, count_literal(triples)))
    used = add_partitions(graph, store, base, dataset)

    add_service(graph, base, dataset, (agent, card), every)
    add_distributions(graph, release, base, dataset, by_part)
    catalogue.add_catalogue(graph, base, agent, every, (issued, snapshot.issued))
    add_vocabularies(graph, dataset, used)
    return graph


def dumps_graph(release: dumps.Release, base: str, by_part: dict[str, list[URIRef]]) -> Graph:
    """The downloads page as RDF: the dataset's distributions of one release."""
    graph = _graph(base)
    dataset = dataset_iri(base)
    page = URIRef(base + "dumps/")
    graph.add((page, RDFS.label, Literal(f"Downloads of release {release.release}", lang="en")))
    graph.add((page, FOAF.primaryTopic, dataset))
    graph.add((dataset, OWL.versionInfo, Literal(release.release)))
    graph.add((URIRef(base + "def/shapes"), OWL.versionInfo, Literal(release.shapes_version)))
    add_distributions(graph, release, base, dataset, by_part)
    return graph


def _scope(counted: TripleCounts) -> str:
    """What void:triples counts, and what the endpoint holds besides."""
    return (
        f"void:triples counts {counted.dataset_scope()}. The SPARQL endpoint holds "
        f"{counted.endpoint:,}: these and graph/meta, the example queries ({counted.extra:,})."
    )


def _any(by_part: dict[str, list[URIRef]], iri: URIRef) -> bool:
    return any(iri in found for found in by_part.values())


def _first_issued(settings: Settings, snapshot: Snapshot) -> str:
    """When the dataset was first issued: the earliest release kept beside this one."""
    kept = [r.issued for r in dumps.releases(settings.state_dir, snapshot).values() if r.issued]
    return min([*kept, snapshot.issued] if snapshot.issued else kept, default="")


def _graph(base: str) -> Graph:
    graph = Graph()
    for prefix, namespace in ProjectNamespaces(base).prefixes().items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph.bind("iana", terms.IANA)
    graph.bind("dcatap", terms.DCATAP)
    graph.bind("vcard", terms.VCARD)
    return graph
