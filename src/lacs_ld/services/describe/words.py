"""The words pages use for properties and sources: one table, read by the view-models.

A property is shown by its label (the ontology's own `rdfs:label` where the document
carries it, else this table) and, when things link *to* a page through it, by its
inverse label ("Inspections of this authority"). Sources are shown by what they are,
never by a bare file number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from rdflib import URIRef

DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
FOAF = "http://xmlns.com/foaf/0.1/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
HYDRA = "http://www.w3.org/ns/hydra/core#"
SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True)
class Words:
    """How a property reads forwards ("region") and backwards ("Authorities in this region")."""

    label: str
    inverse: str


# The project's properties, by local name: the label mirrors the ontology's rdfs:label.
PROJECT: dict[str, Words] = {
    "area": Words("area judged", "Judgements in this area"),
    "authorityType": Words("authority type", "Authorities of this type"),
    "dfeCode": Words("DfE LA code", "Authorities with this code"),
    "endDate": Words("last day on site", "Inspections ending on this day"),
    "framework": Words("framework", "Inspections under this framework"),
    "governanceLink": Words("governance link", "Quotes with this governance link"),
    "governedBy": Words("governed by", "Quotes governed by this clause"),
    "governs": Words("governs", "Clauses governing this quote"),
    "grade": Words("grade", "Judgements given this grade"),
    "inForceFrom": Words("in force from", "Authorities in force from this day"),
    "inForceTo": Words("in force until", "Authorities in force until this day"),
    "inspectedAuthority": Words("inspected authority", "Inspections of this authority"),
    "judgement": Words("judgement", "Inspections making this judgement"),
    "judgementOf": Words("judgement of", "Judgements of this inspection"),
    "linkedClause": Words("linked clause", "Governance links to this clause"),
    "linkMethod": Words("how the link was made", "Governance links made this way"),
    "linkRule": Words("rule that made the link", "Governance links made by this rule"),
    "ofstedURN": Words("Ofsted URN", "Authorities with this URN"),
    "overallJudgement": Words("overall judgement", "Inspections with this overall grade"),
    "pdfPage": Words("page of the PDF", "Quotes on this page"),
    "position": Words("position in the source", "Quotes at this position"),
    "quotedFrom": Words("quoted from", "Quotes taken from it"),
    "rank": Words("rank", "Concepts of this rank"),
    "region": Words("region", "Authorities in this region"),
    "releasedOn": Words("released on", "Documents released on this day"),
    "report": Words("report", "Inspections with this report"),
    "selector": Words("where it is in the source", "Quotes found by this selector"),
    "startDate": Words("first day on site", "Inspections starting on this day"),
    "status": Words("status", "Documents with this status"),
    "statutory": Words("statutory", "Documents with this status"),
    "text": Words("text", "Things with this text"),
    "theme": Words("theme", "Inspections with this theme"),
    "topic": Words("topic", "Quotes on this topic"),
}

# Other vocabularies the pages show, by full IRI.
EXTERNAL: dict[str, Words] = {
    RDF + "type": Words("type", "Things of this type"),
    RDFS + "label": Words("name", "Things with this name"),
    RDFS + "comment": Words("note", "Things with this note"),
    RDFS + "seeAlso": Words("see also", "Things that point here for more"),
    RDFS + "isDefinedBy": Words("defined by", "Terms defined here"),
    RDFS + "subClassOf": Words("a kind of", "Kinds of this"),
    RDFS + "subPropertyOf": Words("a narrower form of", "Narrower forms of this"),
    RDFS + "domain": Words("used on", "Properties used on this"),
    RDFS + "range": Words("takes as value", "Properties taking this as value"),
    DCTERMS + "title": Words("title", "Things with this title"),
    DCTERMS + "description": Words("description", "Things with this description"),
    DCTERMS + "source": Words("source", "Things drawn from this source"),
    DCTERMS + "issued": Words("published", "Things published on this day"),
    DCTERMS + "modified": Words("last changed", "Things changed on this day"),
    DCTERMS + "created": Words("created", "Things created on this day"),
    DCTERMS + "date": Words("date", "Things of this date"),
    DCTERMS + "publisher": Words("publisher", "Documents published by this body"),
    DCTERMS + "creator": Words("made by", "Things made by this"),
    DCTERMS + "license": Words("licence", "Things under this licence"),
    DCTERMS + "isPartOf": Words("part of", "Parts of this"),
    DCTERMS + "hasPart": Words("has part", "Wholes this is part of"),
    DCTERMS + "replaces": Words("replaces", "Replaced by"),
    DCTERMS + "isReplacedBy": Words("replaced by", "Replaces"),
    DCTERMS + "bibliographicCitation": Words("how to cite it", "Cited this way"),
    DCTERMS + "identifier": Words("identifier", "Things with this identifier"),
    DCTERMS + "subject": Words("about", "Things about this"),
    DCTERMS + "format": Words("format", "Files in this format"),
    DCTERMS + "hasFormat": Words("also available as", "Other formats of"),
    DCTERMS + "conformsTo": Words("conforms to", "Things conforming to this"),
    SKOS + "prefLabel": Words("name", "Things with this name"),
    SKOS + "altLabel": Words("also called", "Things also called this"),
    SKOS + "notation": Words("code or number", "Things with this code"),
    SKOS + "definition": Words("definition", "Things with this definition"),
    SKOS + "scopeNote": Words("how it is used", "Things used this way"),
    SKOS + "inScheme": Words("in the scheme", "Concepts in this scheme"),
    SKOS + "topConceptOf": Words("top concept of", "Top concepts of this scheme"),
    SKOS + "hasTopConcept": Words("top concept", "Schemes with this top concept"),
    SKOS + "broader": Words("broader concept", "Narrower concepts"),
    SKOS + "narrower": Words("narrower concept", "Broader concepts"),
    SKOS + "exactMatch": Words("the same concept as", "The same concept as this"),
    SKOS + "closeMatch": Words("close to", "Concepts close to this"),
    OWL + "sameAs": Words("the same as", "The same as this"),
    OWL + "versionInfo": Words("version", "Things of this version"),
    FOAF + "page": Words("page on the web", "Things described on this page"),
    FOAF + "primaryTopic": Words("about", "Documents about this"),
    FOAF + "homepage": Words("home page", "Home page of"),
    PROV + "wasDerivedFrom": Words("derived from", "Things derived from this"),
    PROV + "wasGeneratedBy": Words("made by the activity", "What this activity made"),
    PROV + "wasAttributedTo": Words("attributed to", "Things attributed to this"),
    OA + "exact": Words("the exact words", "Selectors of these words"),
    OA + "prefix": Words("text before", "Selectors after this text"),
    OA + "suffix": Words("text after", "Selectors before this text"),
    VOID + "inDataset": Words("in the dataset", "Things in this dataset"),
    HYDRA + "totalItems": Words("how many", "Collections of this size"),
    SH + "targetClass": Words("checks things of type", "Shapes checking this type"),
}

# What each kind of page already shows above its facts table ("{kind}"), and above its
# list of what links here ("{kind} incoming"): no fact is shown twice.
SHOWN_ABOVE: dict[str, frozenset[str]] = {
    "authority": frozenset(
        {
            "lacs:region",
            "lacs:inForceFrom",
            "lacs:inForceTo",
            "dcterms:replaces",
            "dcterms:isReplacedBy",
        }
    ),
    "authority incoming": frozenset(
        {"lacs:inspectedAuthority", "dcterms:replaces", "dcterms:isReplacedBy"}
    ),
    "inspection": frozenset(
        {
            "lacs:inspectedAuthority",
            "dcterms:issued",
            "lacs:overallJudgement",
            "lacs:report",
            "lacs:judgement",
        }
    ),
    "inspection incoming": frozenset({"lacs:judgementOf"}),
    "quote": frozenset(
        {
            "lacs:text",
            "lacs:quotedFrom",
            "lacs:pdfPage",
            "lacs:selector",
            "dcterms:source",
            "lacs:governanceLink",
            "lacs:governedBy",
        }
    ),
    "clause": frozenset({"lacs:text", "dcterms:isPartOf", "skos:notation"}),
    "clause incoming": frozenset({"lacs:linkedClause"}),
    "guidance": frozenset(
        {
            "dcterms:title",
            "dcterms:publisher",
            "dcterms:issued",
            "lacs:releasedOn",
            "lacs:status",
            "lacs:statutory",
            "dcterms:source",
            "dcterms:bibliographicCitation",
            "dcterms:isReplacedBy",
            "dcterms:replaces",
            "dcterms:hasPart",
        }
    ),
    "guidance incoming": frozenset(
        {"dcterms:isPartOf", "dcterms:replaces", "dcterms:isReplacedBy"}
    ),
}
# Where one property's inverse reads better for one kind of page.
INVERSE_BY_KIND: dict[tuple[str, str], str] = {
    ("inspection", "lacs:quotedFrom"): "Quotes from its report",
    ("document", "lacs:quotedFrom"): "Quotes from this document",
}
# A quote's label after its number, when it names the report the page is about.
SOURCE_SUFFIX = re.compile(r"^(Quote \d+) from the .* published \d{4}-\d\d-\d\d$")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# Where a source's address starts, and how to name it: {name} is its last path segment.
SOURCES: tuple[tuple[str, str], ...] = (
    ("https://files.ofsted.gov.uk/v1/file/", "Ofsted published file {name}"),
    ("https://reports.ofsted.gov.uk/provider/", "Ofsted reports page of provider {name}"),
    ("http://statistics.data.gov.uk/id/statistical-geography/", "ONS geography {name}"),
    ("https://www.legislation.gov.uk/", "legislation.gov.uk: {name}"),
    ("http://www.legislation.gov.uk/", "legislation.gov.uk: {name}"),
    ("https://www.gov.uk/government/speeches/", "GOV.UK speech: {words}"),
)
_GITHUB = re.compile(r"https://github\.com/[^/]+/(?P<repo>[^/]+)/blob/[0-9a-f]+/(?P<path>.+)")


def words_for(prop: URIRef, project: str) -> Words | None:
    """The table's words for a property, given the project's own namespace."""
    text = str(prop)
    if text.startswith(project):
        return PROJECT.get(text[len(project) :])
    return EXTERNAL.get(text)


def plain_words(name: str) -> str:
    """A camelCase local name as words, for a property no table names: `pdfPage` → "pdf page"."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).lower()


def source_label(iri: str) -> str | None:
    """A source named by what it is: its file name and where it was published."""
    found = _GITHUB.fullmatch(iri)
    if found:
        name = unquote(found["path"].rsplit("/", 1)[-1])
        return f"{name} ({found['repo']} on GitHub)"
    for prefix, pattern in SOURCES:
        if iri.startswith(prefix):
            name = unquote(urlsplit(iri).path.rstrip("/").rsplit("/", 1)[-1])
            return pattern.format(name=name, words=name.replace("-", " "))
    return None


def long_date(text: str) -> str:
    """An ISO date as people write it: `2016-11-25` → "25 November 2016"."""
    parts = text.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[1]) <= 12:
        return text
    return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"


def human_bytes(size: int) -> str:
    """A byte count as people read it: 1,234,567 → "1.2 MB" (SI units, as file managers show)."""
    value = float(size)
    for unit in ("bytes", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{size:,} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size:,} bytes"
