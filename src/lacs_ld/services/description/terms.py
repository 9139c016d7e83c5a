"""The controlled terms the description uses, typed and labelled as DCAT-AP 3.0.1 expects.

DCAT-AP checks the class of every value (its `range.ttl`): a media type must be a
`dct:MediaType`, a theme a `skos:Concept`, a standard a `dct:Standard`. Terms from the EU
authority tables, IANA and SPDX are not dereferenced at harvest, so the description
states the type and label of each one it uses.
"""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS

from lacs_ld.namespaces import SPDX

IANA = Namespace("http://www.iana.org/assignments/media-types/")
EU = "http://publications.europa.eu/resource/authority/"
FILE_TYPE = Namespace(EU + "file-type/")
DATA_THEME = URIRef(EU + "data-theme")
LANGUAGE_ENGLISH = URIRef(EU + "language/ENG")
# Releases are made when the sources are rebuilt, on no fixed calendar.
FREQUENCY_IRREGULAR = URIRef(EU + "frequency/IRREG")
# A release's files never change at their per-release URLs.
AVAILABILITY_STABLE = URIRef(EU + "planned-availability/STABLE")
DCATAP = Namespace("http://data.europa.eu/r5r/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")

# EU data themes (the DCAT-AP theme vocabulary): inspections of public bodies' services
# for children.
THEMES: dict[str, str] = {
    "GOVE": "Government and public sector",
    "SOCI": "Population and society",
}
KEYWORDS = (
    "Ofsted",
    "inspection",
    "local authority",
    "children's services",
    "children's social care",
    "judgement",
    "inspection report",
    "England",
)
# EU file types (dct:format) of each media type the downloads use.
FILE_TYPES: dict[str, tuple[str, str]] = {
    "text/turtle": ("RDF_TURTLE", "Turtle"),
    "application/n-triples": ("RDF_N_TRIPLES", "N-Triples"),
    "application/n-quads": ("RDF_N_QUADS", "N-Quads"),
    "application/ld+json": ("JSON_LD", "JSON-LD"),
    "text/plain": ("TXT", "Text"),
}


def media_type(graph: Graph, name: str) -> URIRef:
    """An IANA media type as a `dct:MediaType` (DCAT-AP: dcat:mediaType, compressFormat)."""
    iri = IANA[name]
    graph.add((iri, RDF.type, DCTERMS.MediaType))
    graph.add((iri, RDFS.label, Literal(name)))
    return iri


def file_type(graph: Graph, name: str) -> URIRef:
    """The EU file type of a media type as a `dct:MediaTypeOrExtent` (dct:format)."""
    code, label = FILE_TYPES[name]
    iri = FILE_TYPE[code]
    graph.add((iri, RDF.type, DCTERMS.MediaTypeOrExtent))
    graph.add((iri, RDFS.label, Literal(label, lang="en")))
    return iri


def concept(graph: Graph, iri: URIRef, label: str, scheme: URIRef | None = None) -> URIRef:
    """A term of a controlled vocabulary as a `skos:Concept` with its English label."""
    graph.add((iri, RDF.type, SKOS.Concept))
    graph.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
    if scheme is not None:
        graph.add((iri, SKOS.inScheme, scheme))
    return iri


def themes(graph: Graph) -> list[URIRef]:
    """The EU data themes, in their scheme (the catalogue's dcat:themeTaxonomy)."""
    graph.add((DATA_THEME, RDF.type, SKOS.ConceptScheme))
    graph.add((DATA_THEME, DCTERMS.title, Literal("Data theme", lang="en")))
    graph.add((DATA_THEME, SKOS.prefLabel, Literal("Data theme", lang="en")))
    return [concept(graph, URIRef(f"{DATA_THEME}/{c}"), t, DATA_THEME) for c, t in THEMES.items()]


def standard(graph: Graph, iri: URIRef, title: str) -> URIRef:
    """A specification a resource conforms to, as a `dct:Standard`."""
    graph.add((iri, RDF.type, DCTERMS.Standard))
    graph.add((iri, DCTERMS.title, Literal(title, lang="en")))
    return iri


def document(graph: Graph, iri: URIRef) -> URIRef:
    """A web page, as a `foaf:Document` (dcat:landingPage, foaf:homepage)."""
    graph.add((iri, RDF.type, FOAF.Document))
    return iri


def sha256(graph: Graph) -> URIRef:
    """SPDX's SHA-256 as an `spdx:ChecksumAlgorithm` (DCAT-AP: spdx:algorithm)."""
    iri = SPDX.checksumAlgorithm_sha256
    graph.add((iri, RDF.type, SPDX.ChecksumAlgorithm))
    graph.add((iri, RDFS.label, Literal("SHA-256")))
    return iri


def english(graph: Graph) -> URIRef:
    """English, from the EU language table, as a `dct:LinguisticSystem`."""
    graph.add((LANGUAGE_ENGLISH, RDF.type, DCTERMS.LinguisticSystem))
    graph.add((LANGUAGE_ENGLISH, RDFS.label, Literal("English", lang="en")))
    return LANGUAGE_ENGLISH


def irregular(graph: Graph) -> URIRef:
    """The EU frequency 'irregular' as a `dct:Frequency`."""
    graph.add((FREQUENCY_IRREGULAR, RDF.type, DCTERMS.Frequency))
    graph.add((FREQUENCY_IRREGULAR, RDFS.label, Literal("irregular", lang="en")))
    return FREQUENCY_IRREGULAR


def stable(graph: Graph) -> URIRef:
    """The EU planned availability 'stable' as a `skos:Concept` (dcatap:availability)."""
    return concept(graph, AVAILABILITY_STABLE, "stable")
