"""One graph on every channel: the dump, the SPARQL endpoint and the entity documents agree.

Terms are compared exactly as written (pyoxigraph parses without normalising literals), so
a store that rewrote a datatype or a lexical form would fail here, on both backends.
"""

from __future__ import annotations

import gzip
from collections import defaultdict

import pyoxigraph as ox
import pytest
from flask import Flask
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.conftest import TEST_BASE

GRAPHS = ("data", "vocabulary", "shapes")
DOCUMENTS = (
    "doc/authority/E08000025",
    "doc/inspection/E08000025/sif/2016-11-25",
    "doc/inspection/E10000034/sif/2017-01-24/quote/9",
    "doc/guidance/children-act-1989/clause/section-47",
)
NT = "application/n-triples"


def dump_graphs(app: Flask) -> dict[str, set[ox.Triple]]:
    """The release's N-Quads download, graph by graph."""
    release = app.extensions["lacs"].snapshot.release
    answer = app.test_client().get(f"/lacs/dumps/{release}/lacs-ld.nq.gz")
    assert answer.status_code == 200
    body = gzip.decompress(answer.get_data())
    answer.close()
    graphs: dict[str, set[ox.Triple]] = defaultdict(set)
    for quad in ox.parse(body, format=ox.RdfFormat.N_QUADS):
        assert isinstance(quad.graph_name, ox.NamedNode)
        graphs[quad.graph_name.value].add(ox.Triple(quad.subject, quad.predicate, quad.object))
    return graphs


def endpoint_graph(app: Flask, graph: str) -> set[ox.Triple]:
    """CONSTRUCT of one named graph through /sparql, as N-Triples."""
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    answer = app.test_client().post("/lacs/sparql", data={"query": query}, headers={"Accept": NT})
    assert answer.status_code == 200, answer.get_data(as_text=True)[:500]
    return triples(answer.get_data())


def triples(ntriples: bytes) -> set[ox.Triple]:
    """N-Triples as a set of triples, every term exactly as written."""
    return {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    }


def has_blank(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def as_rdflib(triples: set[ox.Triple]) -> Graph:
    text = "".join(f"{t} .\n" for t in triples)
    return Graph().parse(data=text, format="nt")


@pytest.fixture(scope="module")
def dumped(backend_apps: dict[str, Flask]) -> dict[str, set[ox.Triple]]:
    return dump_graphs(backend_apps["embedded"])


@pytest.mark.parametrize("part", GRAPHS)
def test_each_named_graph_on_the_endpoint_is_the_dump_graph_term_for_term(
    backend_app: Flask, dumped: dict[str, set[ox.Triple]], part: str
) -> None:
    graph = TEST_BASE + f"graph/{part}"
    expected = dumped[graph]
    served = endpoint_graph(backend_app, graph)
    assert len(served) == len(expected) > 0
    plain = {t for t in expected if not has_blank(t)}
    assert {t for t in served if not has_blank(t)} == plain
    blank = expected - plain
    if blank:  # blank-node labels are the store's own: compare those triples as graphs
        assert isomorphic(as_rdflib({t for t in served if has_blank(t)}), as_rdflib(blank))


def test_both_backends_offer_the_same_dump(backend_apps: dict[str, Flask]) -> None:
    assert dump_graphs(backend_apps["remote"]) == dump_graphs(backend_apps["embedded"])


def test_quote_positions_are_integers_everywhere(
    backend_app: Flask, dumped: dict[str, set[ox.Triple]]
) -> None:
    position = TEST_BASE + "def/lacs#position"
    found = [t for t in dumped[TEST_BASE + "graph/data"] if t.predicate.value == position]
    assert found
    assert {t.object.datatype.value for t in found if isinstance(t.object, ox.Literal)} == {
        "http://www.w3.org/2001/XMLSchema#integer"
    }


@pytest.mark.parametrize("document", DOCUMENTS)
def test_entity_documents_state_the_dump_triples_term_for_term(
    backend_app: Flask, dumped: dict[str, set[ox.Triple]], document: str
) -> None:
    answer = backend_app.test_client().get(f"/lacs/{document}", headers={"Accept": NT})
    assert answer.status_code == 200
    stated = triples(answer.get_data())
    everything = set().union(*dumped.values())
    thing = TEST_BASE + document.replace("doc/", "id/", 1)
    about = {t for t in stated if isinstance(t.subject, ox.NamedNode) and t.subject.value == thing}
    assert about, f"{document} states nothing about {thing}"
    literals = {t for t in about if isinstance(t.object, ox.Literal)}
    assert literals and literals <= everything, sorted(str(t) for t in literals - everything)[:5]
    outgoing = {t for t in about if not has_blank(t)}
    missing = outgoing - everything
    assert not missing, sorted(str(t) for t in missing)[:5]
