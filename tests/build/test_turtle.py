"""The Turtle writer: deterministic, base-relative, no blank nodes, and faithful."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from lacs_ld.build.turtle import PLACEHOLDER_BASE, serialize

B = Namespace(PLACEHOLDER_BASE)
LACS = Namespace(PLACEHOLDER_BASE + "def/lacs#")
TRIPLES = [
    (B["id/authority/E08000025"], RDF.type, LACS.LocalAuthority),
    (B["id/authority/E08000025"], RDFS.label, Literal("Birmingham")),
    (B["id/authority/E08000025"], LACS.inForceFrom, Literal("2009-01-01", datatype=XSD.date)),
    (B["id/inspection/E08000025/sif/2016-11-25"], RDFS.comment, Literal('say "hi"\\\n', lang="en")),
    (
        B["id/inspection/E08000025/sif/2016-11-25"],
        URIRef("http://purl.org/dc/terms/source"),
        URIRef("https://example.org/a file's name.pdf"),
    ),
]


def graph_of(triples: list) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def test_same_triples_in_any_order_give_identical_text() -> None:
    assert serialize(graph_of(TRIPLES)) == serialize(graph_of(list(reversed(TRIPLES))))


def test_placeholder_iris_are_written_relative_with_no_base_declared() -> None:
    text = serialize(graph_of(TRIPLES))
    assert "@prefix lacs: <def/lacs#> ." in text
    assert "<id/authority/E08000025>" in text
    assert PLACEHOLDER_BASE not in text
    assert "@base" not in text


def _rebased(term: object, base: str) -> object:
    """A term with the placeholder base replaced by a real one."""
    if isinstance(term, URIRef) and str(term).startswith(PLACEHOLDER_BASE):
        return URIRef(base + str(term)[len(PLACEHOLDER_BASE) :])
    return term


def test_output_parses_back_to_the_same_graph_under_any_base() -> None:
    base = "http://example.org/x/"
    triples = TRIPLES[:4]
    parsed = Graph().parse(data=serialize(graph_of(triples)), format="turtle", publicID=base)
    expected = graph_of([tuple(_rebased(t, base) for t in triple) for triple in triples])
    assert isomorphic(parsed, expected)


def test_characters_not_allowed_in_an_iri_are_escaped() -> None:
    text = serialize(graph_of(TRIPLES))
    assert "<https://example.org/a\\u0020file's\\u0020name.pdf>" in text


def test_rdf_type_is_written_first_as_a() -> None:
    text = serialize(graph_of(TRIPLES))
    block = text.split("<id/authority/E08000025>\n", 1)[1]
    assert block.startswith("    a lacs:LocalAuthority ;")


def test_blank_nodes_are_refused() -> None:
    graph = graph_of([(B["id/x"], RDFS.seeAlso, BNode())])
    with pytest.raises(ValueError, match="blank nodes"):
        serialize(graph)
