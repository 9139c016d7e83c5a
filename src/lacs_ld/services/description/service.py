"""The SPARQL endpoint as a DCAT-AP 3.0.1 `dcat:DataService` serving the dataset."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from lacs_ld.services.description import licences as licensing
from lacs_ld.services.description import terms
from lacs_ld.services.description.catalogue import add_recommended


def service_iri(base: str) -> URIRef:
    return URIRef(base + "sparql#service")


def add_service(
    graph: Graph,
    base: str,
    dataset: URIRef,
    people: tuple[URIRef, URIRef],
    licences: list[URIRef],
) -> URIRef:
    """`{base}sparql#service`: its endpoint, its Service Description, the dataset it serves."""
    service = service_iri(base)
    endpoint = URIRef(base + "sparql")
    graph.add((service, RDF.type, DCAT.DataService))
    graph.add((service, DCTERMS.title, Literal("SPARQL 1.1 query endpoint", lang="en")))
    graph.add(
        (
            service,
            DCTERMS.description,
            Literal(
                "Read-only SPARQL 1.1 queries over the whole dataset (the union of its "
                "named graphs); a browser gets a query editor.",
                lang="en",
            ),
        )
    )
    graph.add((service, DCAT.endpointURL, endpoint))
    # SPARQL 1.1 Service Description §2: the description is served at the endpoint itself.
    graph.add((service, DCAT.endpointDescription, endpoint))
    graph.add((service, DCAT.servesDataset, dataset))
    protocol = terms.standard(graph, terms.SPARQL_PROTOCOL, "SPARQL 1.1 Protocol")
    graph.add((service, DCTERMS.conformsTo, protocol))
    graph.add((service, DCAT.landingPage, terms.document(graph, endpoint)))
    licence = licensing.single(graph, base, licences)
    if licence is not None:
        graph.add((service, DCTERMS.license, licence))
    agent, card = people
    add_recommended(graph, service, agent, card)
    return service
