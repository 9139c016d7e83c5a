"""A page's triples as JSON-LD inside it, safe to place in a `<script>` element."""

from __future__ import annotations

from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph


def jsonld(graph: Graph, prefixes: dict[str, str]) -> str:
    """The graph as compact JSON-LD with the project's prefixes as its context.

    HTML ends a script at the first `</script`, whatever the JSON says; `<` only ever
    occurs inside JSON strings, so writing it as `\\u003c` keeps the same JSON value and
    leaves nothing to end the element early (HTML §4.12.1.3).
    """
    ordered = canonical(graph)
    used = {
        prefix: namespace
        for prefix, namespace in prefixes.items()
        if any(str(term).startswith(namespace) for triple in ordered for term in triple)
    }
    text = ordered.serialize(format="json-ld", context=used, auto_compact=True)
    return escape(text)


def canonical(graph: Graph) -> Graph:
    """The same triples in a fixed order with canonical blank-node labels, so one graph
    gives the same bytes however its triples were gathered (whichever store answered)."""
    has_blank = any(isinstance(term, BNode) for triple in graph for term in triple)
    labelled = to_canonical_graph(graph) if has_blank else graph
    ordered = Graph()
    for triple in sorted(labelled, key=lambda t: tuple(term.n3() for term in t)):
        ordered.add(triple)
    return ordered


def escape(text: str) -> str:
    """JSON text that cannot close or open markup inside a script element."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
