"""One set of counts: every place that states how many triples agrees, and says what it counts."""

from __future__ import annotations

from flask.testing import FlaskClient
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, VOID

from lacs_ld.namespaces import SD
from tests.conftest import TEST_BASE

DATASET = URIRef(TEST_BASE + "id/dataset")
META = TEST_BASE + "graph/meta"


def _sparql_count(client: FlaskClient, query: str) -> int:
    body = client.get("/lacs/sparql", query_string={"query": query}).json
    return int(body["results"]["bindings"][0]["n"]["value"])  # type: ignore[index]


def _turtle(client: FlaskClient, path: str) -> Graph:
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 200, path
    return Graph().parse(data=response.get_data(), format="turtle")


def test_every_channel_gives_the_same_triple_counts_for_the_same_scope(
    client: FlaskClient,
) -> None:
    everything = _sparql_count(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    meta = _sparql_count(
        client, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{META}> {{ ?s ?p ?o }} }}"
    )
    dataset = everything - meta
    assert meta > 0 and dataset > 100_000

    void = _turtle(client, "/lacs/.well-known/void")
    assert int(void.value(DATASET, VOID.triples)) == dataset  # type: ignore[arg-type]
    subsets = [int(void.value(s, VOID.triples)) for s in void.objects(DATASET, VOID.subset)]  # type: ignore[arg-type]
    assert sum(subsets) == dataset
    comment = " ".join(str(c) for c in void.objects(DATASET, RDFS.comment))
    assert f"{dataset:,} triples in the dataset" in comment and f"{everything:,}" in comment

    described = _turtle(client, "/lacs/sparql")
    default_graph = next(described.objects(None, SD.defaultGraph))
    assert int(described.value(default_graph, VOID.triples)) == everything  # type: ignore[arg-type]
    scope = str(described.value(default_graph, RDFS.comment))
    assert f"{everything:,} triples in the SPARQL endpoint" in scope and "graph/meta" in scope
    named = [
        int(described.value(described.value(g, SD.graph), VOID.triples))  # type: ignore[arg-type]
        for g in described.objects(None, SD.namedGraph)
    ]
    assert sum(named) == everything

    home = client.get("/lacs/", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert f"{dataset:,} triples in the dataset" in home
    assert f"holds {everything:,} triples" in home and "example queries" in home
    home_rdf = _turtle(client, "/lacs/")
    assert int(home_rdf.value(DATASET, VOID.triples)) == dataset  # type: ignore[arg-type]

    downloads = client.get("/lacs/dumps/", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert f"{dataset:,} triples in three parts" in downloads
    assert f"{everything:,} triples in all" in downloads and "graph/meta" in downloads
