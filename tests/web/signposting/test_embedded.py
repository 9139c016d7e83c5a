"""Embedded JSON-LD is the same bytes for the same graph, and safe inside a script element."""

from __future__ import annotations

import json

from rdflib import BNode, Graph, Literal, URIRef

from lacs_ld.web.signposting.embedded import escape, jsonld

EX = "https://example.test/"


def triples(label: str) -> list[tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal]]:
    node = BNode(label)
    return [
        (URIRef(EX + "a"), URIRef(EX + "p"), node),
        (node, URIRef(EX + "q"), Literal("</script><b>")),
        (URIRef(EX + "a"), URIRef(EX + "r"), URIRef(EX + "b")),
    ]


def test_the_same_graph_gives_the_same_bytes_whatever_its_order_and_labels() -> None:
    first, second = Graph(), Graph()
    for triple in triples("one"):
        first.add(triple)
    for triple in reversed(triples("two")):
        second.add(triple)
    assert jsonld(first, {"ex": EX}) == jsonld(second, {"ex": EX})


def test_nothing_in_the_json_can_end_the_script_element() -> None:
    graph = Graph()
    for triple in triples("x"):
        graph.add(triple)
    text = jsonld(graph, {"ex": EX})
    assert "</" not in text and "<b>" not in text
    parsed = Graph().parse(data=text, format="json-ld")
    assert Literal("</script><b>") in set(parsed.objects())
    assert json.loads(escape('"a<b>&c"')) == "a<b>&c"
