"""The catalogue a harvester starts from, and the dataset's DCAT-AP 3.0.1 recommended facts.

Every value is a fact about the publication: the period is the first and last inspection
dates in the data, the place is England (the data covers English local authorities only),
the licences are those the facts' sources carry.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from lacs_ld import queries, uris
from lacs_ld.services.description import licences as licensing
from lacs_ld.services.description import terms
from lacs_ld.services.description.terms import VCARD
from lacs_ld.store import Store

TITLE = "Local authority children's services inspections (lacs-ld)"
DESCRIPTION = (
    "Ofsted's inspections of English local authority children's services since 2009: "
    "every authority, inspection and judgement, the guidance that governs inspections, "
    "and verbatim quotes from inspection reports linked to the guidance clauses that "
    "govern them."
)
CATALOGUE_TITLE = "lacs-ld catalogue"
CATALOGUE_DESCRIPTION = (
    "The datasets and data services published by lacs-ld: linked data about Ofsted's "
    "inspections of English local authority children's services."
)
# England in ONS's statistical geography: the IRI pattern the data uses for every
# authority (`http://statistics.data.gov.uk/id/statistical-geography/{GSS}`, as the
# data-sources README gives it) with England's GSS code in the ONS register, E92000001.
ENGLAND = URIRef("http://statistics.data.gov.uk/id/statistical-geography/E92000001")
# ADMS publisher type: lacs-ld is published by its developers, not a public body.
PUBLISHER_TYPE = URIRef("http://purl.org/adms/publishertype/NonProfitOrganisation")


def catalogue_iri(base: str) -> URIRef:
    return URIRef(uris.thing(base, "dataset") + "#catalog")


def publisher(graph: Graph, base: str) -> URIRef:
    """The publisher, typed by ADMS publisher type (DCAT-AP: foaf:Agent dct:type)."""
    agent = URIRef(uris.thing(base, "dataset") + "#publisher")
    graph.add((agent, RDF.type, FOAF.Agent))
    graph.add((agent, FOAF.name, Literal("lacs-ld")))
    graph.add((agent, FOAF.homepage, terms.document(graph, URIRef(base))))
    kind = terms.concept(graph, PUBLISHER_TYPE, "Non-Profit Organisation")
    graph.add((agent, DCTERMS.type, kind))
    return agent


def contact(graph: Graph, base: str) -> URIRef:
    """The contact point: the publisher's web site, the one address it publishes."""
    card = URIRef(uris.thing(base, "dataset") + "#contact")
    graph.add((card, RDF.type, VCARD.Organization))
    graph.add((card, RDF.type, VCARD.Kind))
    graph.add((card, VCARD.fn, Literal("lacs-ld")))
    graph.add((card, VCARD.hasURL, URIRef(base)))
    return card


def england(graph: Graph) -> URIRef:
    """England as a dct:Location."""
    graph.add((ENGLAND, RDF.type, DCTERMS.Location))
    graph.add((ENGLAND, SKOS.prefLabel, Literal("England", lang="en")))
    graph.add((ENGLAND, RDFS.label, Literal("England", lang="en")))
    return ENGLAND


def period(graph: Graph, store: Store, base: str, lacs: str) -> URIRef | None:
    """The first to the last inspection date in the data, as a dct:PeriodOfTime."""
    rows = store.select(
        queries.load("description-temporal"),
        {
            "graph": URIRef(uris.graph(base, "data")),
            "lacs_Inspection": URIRef(lacs + "Inspection"),
            "lacs_startDate": URIRef(lacs + "startDate"),
            "lacs_endDate": URIRef(lacs + "endDate"),
        },
    )
    first, last = (rows[0].get("first"), rows[0].get("last")) if rows else (None, None)
    if first is None or last is None:
        return None
    node = URIRef(uris.thing(base, "dataset") + "#period")
    graph.add((node, RDF.type, DCTERMS.PeriodOfTime))
    graph.add((node, DCAT.startDate, Literal(str(first), datatype=XSD.date)))
    graph.add((node, DCAT.endDate, Literal(str(last), datatype=XSD.date)))
    return node


def add_recommended(graph: Graph, resource: URIRef, agent: URIRef, card: URIRef) -> None:
    """What a dataset and a data service share: publisher, contact, themes and keywords."""
    graph.add((resource, DCTERMS.publisher, agent))
    graph.add((resource, DCAT.contactPoint, card))
    for theme in terms.themes(graph):
        graph.add((resource, DCAT.theme, theme))
    for keyword in terms.KEYWORDS:
        graph.add((resource, DCAT.keyword, Literal(keyword, lang="en")))


def add_catalogue(
    graph: Graph,
    base: str,
    agent: URIRef,
    licences: list[URIRef],
    dates: tuple[str, str],
) -> URIRef:
    """The dcat:Catalog listing the dataset and the SPARQL service."""
    catalogue = catalogue_iri(base)
    issued, modified = dates
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.title, Literal(CATALOGUE_TITLE, lang="en")))
    graph.add((catalogue, DCTERMS.description, Literal(CATALOGUE_DESCRIPTION, lang="en")))
    graph.add((catalogue, DCTERMS.publisher, agent))
    graph.add((catalogue, FOAF.homepage, terms.document(graph, URIRef(base))))
    graph.add((catalogue, DCTERMS.language, terms.english(graph)))
    graph.add((catalogue, DCTERMS.spatial, england(graph)))
    graph.add((catalogue, DCAT.themeTaxonomy, terms.DATA_THEME))
    licence = licensing.single(graph, base, licences)
    if licence is not None:
        graph.add((catalogue, DCTERMS.license, licence))
    if issued:
        graph.add((catalogue, DCTERMS.issued, Literal(issued, datatype=XSD.date)))
    if modified:
        graph.add((catalogue, DCTERMS.modified, Literal(modified, datatype=XSD.date)))
    graph.add((catalogue, DCAT.dataset, URIRef(uris.thing(base, "dataset"))))
    graph.add((catalogue, DCAT.service, URIRef(base + "sparql#service")))
    return catalogue
