"""RDF serialised to the same bytes in every server process.

A document's strong ETag is a hash of its bytes (RFC 9110 §8.8.3). rdflib writes N-Triples,
RDF/XML and JSON-LD in the order its graph yields triples, and its JSON-LD writer walks a
`set` of subjects, whose order follows Python's per-process string hashing: two server
processes (or two replicas) then send different bytes and ETags for one document, and a
client revalidating through the other process gets a full `200` instead of a `304`. Here
the triples are added in a fixed order and the JSON-LD nodes sorted, so the bytes depend
only on the graph.
"""

from __future__ import annotations

import json
from typing import Any

from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph


def canonical(graph: Graph) -> Graph:
    """The same triples and prefixes in a fixed order with canonical blank-node labels, so
    one graph gives the same bytes however its triples were gathered (whichever store
    answered, whichever process)."""
    has_blank = any(isinstance(term, BNode) for triple in graph for term in triple)
    labelled = to_canonical_graph(graph) if has_blank else graph
    ordered = Graph(store="SimpleMemory", bind_namespaces="none")
    for prefix, namespace in graph.namespaces():
        ordered.bind(prefix, namespace, override=True, replace=True)
    for triple in sorted(labelled, key=lambda t: tuple(term.n3() for term in t)):
        ordered.add(triple)
    return ordered


def serialize(graph: Graph, serializer: str, **options: Any) -> bytes:
    """The graph in an rdflib format, byte for byte the same in every process."""
    ordered = canonical(graph)
    if serializer != "json-ld":
        return ordered.serialize(format=serializer, encoding="utf-8", **options)
    return stable_jsonld(ordered.serialize(format="json-ld", **options)).encode("utf-8")


def stable_jsonld(text: str) -> str:
    """JSON-LD text with its top-level nodes sorted by `@id` (their order carries no meaning,
    JSON-LD 1.1 §4.9), written as rdflib writes it."""
    data = json.loads(text)
    nodes = data.get("@graph") if isinstance(data, dict) else data
    if isinstance(nodes, list):
        nodes.sort(key=_node_key)
    return json.dumps(data, indent=2, separators=(",", ": "), sort_keys=True, ensure_ascii=False)


def _node_key(node: object) -> tuple[str, str]:
    identifier = node.get("@id", "") if isinstance(node, dict) else ""
    return (str(identifier), json.dumps(node, sort_keys=True))
