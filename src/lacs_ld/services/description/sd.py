"""The SPARQL 1.1 Service Description of the endpoint (W3C SPARQL 1.1 Service Description §3)."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, VOID

from lacs_ld import uris
from lacs_ld.namespaces import SD
from lacs_ld.services.description_counts import count_literal, triple_counts
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.settings import Settings

FORMATS = "http://www.w3.org/ns/formats/"
ENTAILMENT_SIMPLE = URIRef("http://www.w3.org/ns/entailment/Simple")
RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "RDF_XML",
    "JSON-LD",
)


def service_description(settings: Settings, snapshot: Snapshot) -> Graph:
    """What the endpoint accepts, answers and limits, and the dataset it queries."""
    base = settings.base_uri
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("void", VOID)
    service = URIRef(base + "sparql")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    # Service Description §3.2.8: queries see the data as stored, with no inference.
    graph.add((service, SD.defaultEntailmentRegime, ENTAILMENT_SIMPLE))
    for name in RESULT_FORMATS:
        graph.add((service, SD.resultFormat, URIRef(FORMATS + name)))
    graph.add((service, RDFS.label, Literal("lacs-ld SPARQL endpoint", lang="en")))
    limits = (
        f"Read-only: SPARQL Update, LOAD and SERVICE are refused, and no graph is fetched from "
        f"the web. Limits: a query runs at most {settings.query_timeout:g} s; an answer has at "
        f"most {settings.max_result_bytes} bytes (a larger one is refused, or, once sending "
        f"has begun, ends in a syntax error and a dropped connection: never a silent cut); a "
        f"request body "
        f"is at most {settings.max_request_bytes} bytes and a URL at most "
        f"{settings.max_url_bytes} bytes; each query worker may use {settings.query_memory_mb} "
        f"MiB. The whole dataset can be downloaded from {base}dumps/."
    )
    graph.add((service, RDFS.comment, Literal(limits, lang="en")))
    dataset = BNode("defaultDataset")
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, DCTERMS.source, URIRef(base + "id/dataset")))
    default_graph = BNode("defaultGraph")
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    counted = triple_counts(snapshot)
    graph.add((default_graph, VOID.triples, count_literal(counted.endpoint)))
    scope = f"The union of the named graphs: {counted.endpoint_scope()}."
    graph.add((default_graph, RDFS.comment, Literal(scope, lang="en")))
    for name, count in sorted(counted.graphs.items()):
        named = BNode(f"graph-{name}")
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, URIRef(uris.graph(base, name))))
        described = BNode(f"graph-{name}-description")
        graph.add((named, SD.graph, described))
        graph.add((described, RDF.type, SD.Graph))
        graph.add((described, VOID.triples, count_literal(count)))
    return graph
