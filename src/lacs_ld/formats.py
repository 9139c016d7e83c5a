"""The one table of formats, read by content negotiation, dumps and the SPARQL endpoint."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    """A representation: its extension, registered media type and how to produce it."""

    key: str
    extension: str
    media_type: str
    kind: str  # "graph", "results" or "page"
    serializer: str
    label: str

    @property
    def text(self) -> bool:
        return self.media_type.startswith("text/")

    @property
    def content_type(self) -> str:
        """The exact Content-Type header: the registered type, with charset for text types."""
        return f"{self.media_type}; charset=utf-8" if self.text else self.media_type


FORMATS: tuple[Format, ...] = (
    Format("turtle", "ttl", "text/turtle", "graph", "turtle", "Turtle"),
    Format("ntriples", "nt", "application/n-triples", "graph", "nt", "N-Triples"),
    Format("rdfxml", "rdf", "application/rdf+xml", "graph", "xml", "RDF/XML"),
    Format("jsonld", "jsonld", "application/ld+json", "graph", "json-ld", "JSON-LD"),
    Format("html", "html", "text/html", "page", "html", "HTML"),
    Format("json", "json", "application/sparql-results+json", "results", "json", "SPARQL JSON"),
    Format("xml", "srx", "application/sparql-results+xml", "results", "xml", "SPARQL XML"),
    Format("csv", "csv", "text/csv", "results", "csv", "CSV"),
    Format("tsv", "tsv", "text/tab-separated-values", "results", "tsv", "TSV"),
    Format("problem", "problem.json", "application/problem+json", "error", "json", "Problem"),
    Format("text", "txt", "text/plain", "error", "text", "Plain text"),
)

BY_KEY = {f.key: f for f in FORMATS}
BY_EXTENSION = {f.extension: f for f in FORMATS}
BY_MEDIA_TYPE = {f.media_type: f for f in FORMATS}

# Documents about things: the formats of the URI scheme, Turtle first (the default).
DOCUMENT_FORMATS: tuple[Format, ...] = tuple(
    BY_KEY[k] for k in ("turtle", "ntriples", "rdfxml", "jsonld", "html")
)
GRAPH_FORMATS: tuple[Format, ...] = tuple(f for f in FORMATS if f.kind == "graph")
RESULT_FORMATS: tuple[Format, ...] = tuple(f for f in FORMATS if f.kind == "results")
# Errors: plain text unless the client prefers a page, a problem document or RDF.
ERROR_FORMATS: tuple[Format, ...] = tuple(
    BY_KEY[k] for k in ("text", "html", "problem", "turtle", "jsonld")
)
