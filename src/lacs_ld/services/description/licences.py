"""Which licence covers which facts: OGL v3 for Crown material, CC BY 4.0 for mySociety's.

The sources' own terms (data-sources README): Ofsted, DfE, ONS and GIAS data and report
texts are Crown copyright under the Open Government Licence v3.0; mySociety's local
authority dataset is CC BY 4.0 and needs attribution to mySociety. A fact carries the
licence of the sources it names in `dcterms:source`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS

from lacs_ld import queries, uris
from lacs_ld.namespaces import CC_BY, OGL
from lacs_ld.services.dumps import PARTS
from lacs_ld.store import Store

# ADMS licence types (DCAT-AP 3.0.1 §Licence Document, dct:type): both need attribution.
ATTRIBUTION = URIRef("http://purl.org/adms/licencetype/Attribution")
SKOS_CONCEPT = URIRef("http://www.w3.org/2004/02/skos/core#Concept")
SKOS_PREF_LABEL = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")


@dataclass(frozen=True)
class Licence:
    """A licence, and the source IRIs whose facts it covers (None: every fact)."""

    iri: URIRef
    title: str
    holder: str
    source_prefix: str | None


LICENCES: tuple[Licence, ...] = (
    Licence(URIRef(OGL), "Open Government Licence v3.0", "Crown copyright", None),
    Licence(
        URIRef(CC_BY),
        "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        "mySociety",
        "https://github.com/mysociety/",
    ),
)


def in_store(store: Store, base: str, part: str) -> list[URIRef]:
    """The licences of one published part (data, vocabulary, shapes), from its sources."""
    rows = store.select(
        queries.load("description-sources"), {"graph": URIRef(uris.graph(base, part))}
    )
    return covering([str(row["source"]) for row in rows])


def covering(sources: list[str]) -> list[URIRef]:
    """The licences that facts naming these sources carry."""
    return [
        licence.iri
        for licence in LICENCES
        if licence.source_prefix is None
        or any(s.startswith(licence.source_prefix) for s in sources)
    ]


def by_part(store: Store, base: str) -> dict[str, list[URIRef]]:
    """The licences of each published part."""
    return {part: in_store(store, base, part) for part in PARTS}


def in_graph(graph: Graph) -> list[URIRef]:
    """The licences of the facts in one document: those its `dcterms:source`s call for."""
    return covering([str(o) for o in graph.objects(None, DCTERMS.source)])


def describe(graph: Graph, licences: list[URIRef]) -> None:
    """Each licence as a dct:LicenseDocument with its title and ADMS licence type."""
    by_iri = {licence.iri: licence for licence in LICENCES}
    for iri in licences:
        licence = by_iri[iri]
        graph.add((iri, RDF.type, DCTERMS.LicenseDocument))
        graph.add((iri, RDF.type, FOAF.Document))
        graph.add((iri, DCTERMS.title, Literal(licence.title, lang="en")))
        graph.add((iri, RDFS.label, Literal(licence.title, lang="en")))
        graph.add((iri, DCTERMS.type, ATTRIBUTION))
    if licences:
        graph.add((ATTRIBUTION, RDF.type, SKOS_CONCEPT))
        graph.add((ATTRIBUTION, SKOS_PREF_LABEL, Literal("Attribution", lang="en")))


def single(graph: Graph, base: str, licences: list[URIRef]) -> URIRef | None:
    """One licence document for what DCAT-AP lets carry only one (a distribution, a service).

    Facts under several licences get a document naming each licence as a part of it, and
    what each covers.
    """
    if len(licences) <= 1:
        return licences[0] if licences else None
    by_iri = {licence.iri: licence for licence in LICENCES}
    node = URIRef(uris.thing(base, "dataset") + "#licences")
    covers = "; ".join(
        by_iri[iri].title
        + (
            f" for facts taken from {by_iri[iri].holder}'s data"
            if by_iri[iri].source_prefix
            else f" ({by_iri[iri].holder}) for every other fact"
        )
        for iri in licences
    )
    graph.add((node, RDF.type, DCTERMS.LicenseDocument))
    graph.add((node, DCTERMS.title, Literal(covers, lang="en")))
    graph.add((node, RDFS.label, Literal(covers, lang="en")))
    graph.add((node, DCTERMS.type, ATTRIBUTION))
    for iri in licences:
        graph.add((node, DCTERMS.hasPart, iri))
    return node
