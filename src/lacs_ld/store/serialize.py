"""Fast, deterministic re-serialisation of N-Triples text (for the downloadable dumps).

The order and blank-node labels of the input are kept, so sorted, canonically labelled
input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def convert(ntriples: bytes, format_key: str, prefixes: Mapping[str, str] | None = None) -> bytes:
    """N-Triples bytes re-written in another format, triples in the order given."""
    triples = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    output = ox.serialize(triples, format=FORMATS[format_key], prefixes=dict(prefixes or {}))
    assert output is not None
    return _sorted_prefixes(output) if format_key == "turtle" else output


def _sorted_prefixes(turtle: bytes) -> bytes:
    """The @prefix lines in name order (the serialiser's own order is not guaranteed)."""
    lines = turtle.split(b"\n")
    head = 0
    while head < len(lines) and lines[head].startswith(b"@prefix "):
        head += 1
    return b"\n".join([*sorted(lines[:head]), *lines[head:]])
