"""Documents serialise to the same bytes in every process, so every process gives one ETag."""

from __future__ import annotations

import os
import subprocess
import sys

from rdflib import Graph
from rdflib.compare import isomorphic

from lacs_ld.web.stable_rdf import serialize

# Many subjects, a blank node and a language tag: enough for hash order to show.
DATA = """
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
""" + "\n".join(
    f'ex:s{i} rdfs:label "thing {i}"@en ; ex:next ex:s{i + 1} ; ex:part [ ex:n {i} ] .'
    for i in range(40)
)
SCRIPT = """
import sys
from rdflib import Graph
from lacs_ld.web.stable_rdf import serialize
graph = Graph().parse(data=sys.stdin.read(), format="turtle")
sys.stdout.buffer.write(serialize(graph, sys.argv[1]))
"""


def _in_process_with_seed(seed: str, serializer: str) -> bytes:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, serializer],
        input=DATA.encode(),
        env=environment,
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout


def test_every_format_gives_the_same_bytes_under_different_string_hashing() -> None:
    for serializer, parse_as in (("nt", "nt"), ("xml", "xml"), ("json-ld", "json-ld")):
        first = _in_process_with_seed("1", serializer)
        second = _in_process_with_seed("2", serializer)
        assert first == second, serializer
        original = Graph().parse(data=DATA, format="turtle")
        assert isomorphic(Graph().parse(data=first, format=parse_as), original), serializer


def test_prefixes_of_the_graph_are_kept() -> None:
    graph = Graph().parse(data=DATA, format="turtle")
    assert b"@prefix ex: <http://example.org/>" in serialize(graph, "turtle")
