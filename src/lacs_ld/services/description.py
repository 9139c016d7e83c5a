"""The dataset described in VoID and DCAT: every number counted from the published snapshot."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, VOID, XSD

from lacs_ld import queries, uris
from lacs_ld.namespaces import CC_BY, OGL, SPDX, ProjectNamespaces
from lacs_ld.services import dumps
from lacs_ld.services.snapshot import Snapshot
from lacs_ld.settings import Settings
from lacs_ld.store import Store

IANA = Namespace("http://www.iana.org/assignments/media-types/")
# DCAT 3 terms (dcat:version) that rdflib's closed DCAT namespace does not list.
DCAT3 = Namespace(str(DCAT))
PARTS = dumps.PARTS
TITLE = "Local authority children's services inspections (lacs-ld)"
DESCRIPTION = (
    "Ofsted's inspections of English local authority children's services since 2009: "
    "every authority, inspection and judgement, the guidance that governs inspections, "
    "and verbatim quotes from inspection reports linked to the guidance clauses that "
    "govern them."
)
# Candidates for void:exampleResource; only those present in the data are named.
EXAMPLES = (
    "authority/E08000025",
    "inspection/E08000025/sif/2016-11-25",
    "guidance/sif-annex-a/clause/2.05",
    "guidance/ofsted-ehe-advice-2015",
    "document/spielman-ncas-2018",
)


def dataset_iri(base: str) -> URIRef:
    return URIRef(uris.thing(base, "dataset"))


def dump_url(base: str, release: str, name: str) -> URIRef:
    return URIRef(f"{base}dumps/{release}/{name}")


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
    graph.add((dataset, VOID.triples, _count(sum(per_graph.values()))))
    graph.add((dataset, VOID.entities, _count(entities(store, base))))
    for name, triples in per_graph.items():
        subset = URIRef(uris.graph(base, name))
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, _count(triples)))

    classes = class_partitions(store, data_graph)
    properties = property_partitions(store, data_graph)
    prefixes = ProjectNamespaces(base).prefixes()
    for cls, count in classes.items():
        node = URIRef(f"{dataset}#class-{_slug(cls, prefixes)}")
        graph.add((dataset, VOID.classPartition, node))
        graph.add((node, VOID["class"], cls))
        graph.add((node, VOID.entities, _count(count)))
    for prop, count in properties.items():
        node = URIRef(f"{dataset}#property-{_slug(prop, prefixes)}")
        graph.add((dataset, VOID.propertyPartition, node))
        graph.add((node, VOID.property, prop))
        graph.add((node, VOID.triples, _count(count)))
    for vocabulary in vocabularies([*classes, *properties]):
        graph.add((dataset, VOID.vocabulary, vocabulary))
    for resource in example_resources(store, base):
        graph.add((dataset, VOID.exampleResource, resource))

    release = dumps.ensure(snapshot)
    graph.add((dataset, DCAT.distribution, URIRef(base + "sparql#service")))
    _describe_sparql(graph, base)
    add_distributions(graph, release, base, dataset)
    return graph


def add_distributions(graph: Graph, release: dumps.Release, base: str, dataset: URIRef) -> None:
    """Each download of a release as a dcat:Distribution with its size and checksum."""
    for file in release.files:
        url = dump_url(base, release.release, file.name)
        distribution = URIRef(f"{url}#distribution")
        if file.is_rdf:
            graph.add((dataset, VOID.dataDump, url))
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCTERMS.title, Literal(file.title, lang="en")))
        graph.add((distribution, DCAT.downloadURL, url))
        graph.add((distribution, DCAT.accessURL, URIRef(base + "dumps/")))
        graph.add((distribution, DCAT.mediaType, IANA[file.media_type]))
        if file.compressed:
            graph.add((distribution, DCAT.compressFormat, IANA[dumps.GZIP]))
        graph.add((distribution, DCAT.byteSize, _count(file.size)))
        if file.is_rdf:
            graph.add((distribution, VOID.triples, _count(file.triples)))
            for part in file.graphs:
                graph.add((distribution, DCTERMS.hasPart, URIRef(uris.graph(base, part))))
        else:
            graph.add((distribution, DCTERMS.conformsTo, URIRef(base + "def/shapes")))
        graph.add((distribution, DCTERMS.isVersionOf, URIRef(f"{base}dumps/latest/{file.name}")))
        graph.add((distribution, OWL.versionInfo, Literal(release.release)))
        checksum = URIRef(f"{url}#checksum")
        graph.add((distribution, SPDX.checksum, checksum))
        graph.add((checksum, RDF.type, SPDX.Checksum))
        graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        graph.add((checksum, SPDX.checksumValue, Literal(file.sha256, datatype=XSD.hexBinary)))


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


def graph_triples(store: Store, base: str) -> dict[str, int]:
    """Triples in each published part (data, vocabulary, shapes), counted by the store."""
    found = {str(row["graph"]): int(row["triples"]) for row in store.select(load("graph-triples"))}
    return {name: found.get(uris.graph(base, name), 0) for name in PARTS}


def entities(store: Store, base: str) -> int:
    """Distinct things in the data whose IRIs sit under `{base}id/`."""
    rows = store.select(
        load("entities"),
        {"graph": URIRef(uris.graph(base, "data")), "space": Literal(base + "id/")},
    )
    return int(rows[0]["entities"]) if rows else 0


def class_partitions(store: Store, graph: URIRef) -> dict[URIRef, int]:
    rows = store.select(load("classes"), {"graph": graph})
    return {URIRef(row["class"]): int(row["entities"]) for row in rows}


def property_partitions(store: Store, graph: URIRef) -> dict[URIRef, int]:
    rows = store.select(load("properties"), {"graph": graph})
    return {URIRef(row["property"]): int(row["triples"]) for row in rows}


def example_resources(store: Store, base: str) -> list[URIRef]:
    data = URIRef(uris.graph(base, "data"))
    candidates = [URIRef(uris.thing(base, path)) for path in EXAMPLES]
    query = load("resource-exists")
    return [r for r in candidates if store.ask(query, {"graph": data, "resource": r})]


def licences(store: Store, base: str) -> list[URIRef]:
    """OGL v3 always; CC BY 4.0 as well when facts come from mySociety's files."""
    found = [URIRef(OGL)]
    if store.ask(load("mysociety"), {"graph": URIRef(uris.graph(base, "data"))}):
        found.append(URIRef(CC_BY))
    return found


def vocabularies(terms: Iterable[URIRef]) -> list[URIRef]:
    """The namespace of each term: the IRI up to its last `#` or `/`."""
    found = set()
    for term in terms:
        text = str(term)
        cut = max(text.rfind("#"), text.rfind("/"))
        if cut > 0:
            found.add(text[: cut + 1])
    return [URIRef(ns) for ns in sorted(found)]


def load(name: str) -> str:
    return queries.load(f"description-{name}")


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


def _count(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


def _slug(term: URIRef, prefixes: dict[str, str]) -> str:
    text = str(term)
    for prefix, namespace in sorted(prefixes.items(), key=lambda item: -len(item[1])):
        if text.startswith(namespace):
            return f"{prefix}-{text[len(namespace) :]}"
    return "".join(c if c.isalnum() else "-" for c in text)
