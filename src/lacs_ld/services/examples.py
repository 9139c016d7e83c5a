"""Example queries as RDF (SHACL-AF `sh:SPARQLSelectExecutable`), published in the meta graph."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, XSD

from lacs_ld import queries


def examples_graph(base: str) -> Graph:
    """One resource per example, at its stable URL `{base}query/{slug}`."""
    graph = Graph()
    for example in queries.examples():
        node = URIRef(f"{base}query/{example.slug}")
        kind = SH.SPARQLAskExecutable if example.form == "ASK" else SH.SPARQLSelectExecutable
        if example.form in ("CONSTRUCT", "DESCRIBE"):
            kind = SH.SPARQLConstructExecutable
        graph.add((node, RDF.type, SH.SPARQLExecutable))
        graph.add((node, RDF.type, kind))
        predicate = {"ASK": SH.ask, "CONSTRUCT": SH.construct, "DESCRIBE": SH.construct}
        graph.add((node, predicate.get(example.form, SH.select), Literal(example.text)))
        graph.add((node, RDFS.label, Literal(example.title, lang="en")))
        graph.add((node, RDFS.comment, Literal(example.description, lang="en")))
        graph.add((node, DCTERMS.extent, Literal(example.expected_rows, datatype=XSD.integer)))
        graph.add((node, SH.prefixes, URIRef(f"{base}def/lacs")))
    return graph
