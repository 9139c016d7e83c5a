"""The dataset description: VoID and DCAT whose numbers are the store's own counts."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, VOID, XSD

from lacs_ld.namespaces import CC_BY, OGL, SPDX
from lacs_ld.services import dumps
from tests.conftest import TEST_BASE

DATASET = URIRef(TEST_BASE + "id/dataset")
DATA = f"<{TEST_BASE}graph/data>"


@pytest.fixture(scope="module")
def void(client_module: FlaskClient) -> Graph:
    response = client_module.get("/lacs/.well-known/void")
    assert response.status_code == 200
    return Graph().parse(data=response.get_data(), format="turtle")


@pytest.fixture(scope="module")
def client_module(app: Flask) -> FlaskClient:
    return app.test_client()


def count(app: Flask, query: str) -> int:
    rows = app.extensions["lacs"].store.select(query)
    return int(rows[0]["n"])


def number(value: object) -> int:
    assert isinstance(value, Literal) and value.datatype == XSD.nonNegativeInteger
    return int(value)


def test_well_known_void_is_turtle_by_default(client: FlaskClient) -> None:
    response = client.get("/lacs/.well-known/void")
    assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert "Accept" in response.headers["Vary"]
    assert response.headers["ETag"]


def test_dataset_is_a_void_and_dcat_dataset_of_the_current_release(void: Graph, app: Flask) -> None:
    snapshot = app.extensions["lacs"].snapshot
    assert (DATASET, RDF.type, VOID.Dataset) in void
    assert (DATASET, RDF.type, DCAT.Dataset) in void
    assert void.value(DATASET, OWL.versionInfo) == Literal(snapshot.release)
    assert void.value(DATASET, DCTERMS.modified) == Literal(snapshot.issued, datatype=XSD.date)
    assert void.value(DATASET, VOID.uriSpace) == Literal(TEST_BASE + "id/")
    assert void.value(DATASET, VOID.sparqlEndpoint) == URIRef(TEST_BASE + "sparql")
    assert void.value(DATASET, DCTERMS.title) is not None
    assert void.value(DATASET, DCTERMS.publisher) is not None


def test_licences_are_ogl_and_cc_by_for_mysociety_facts(void: Graph) -> None:
    assert set(void.objects(DATASET, DCTERMS.license)) == {URIRef(OGL), URIRef(CC_BY)}


def test_triple_count_equals_the_sparql_count_of_the_published_graphs(
    void: Graph, app: Flask
) -> None:
    total = 0
    for part in dumps.PARTS:
        graph = f"<{TEST_BASE}graph/{part}>"
        n = count(app, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        assert number(void.value(URIRef(TEST_BASE + f"graph/{part}"), VOID.triples)) == n
        total += n
    assert number(void.value(DATASET, VOID.triples)) == total


def test_class_partitions_equal_sparql_instance_counts(void: Graph, app: Flask) -> None:
    partitions = list(void.objects(DATASET, VOID.classPartition))
    assert partitions
    for partition in partitions:
        cls = void.value(partition, VOID["class"])
        n = count(
            app,
            f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH {DATA} {{ ?s a <{cls}> }} }}",
        )
        assert number(void.value(partition, VOID.entities)) == n, cls
    authorities = URIRef(TEST_BASE + "def/lacs#LocalAuthority")
    assert authorities in set(void.objects(None, VOID["class"]))


def test_property_partitions_equal_sparql_triple_counts(void: Graph, app: Flask) -> None:
    partitions = list(void.objects(DATASET, VOID.propertyPartition))
    total = 0
    for partition in partitions:
        prop = void.value(partition, VOID.property)
        n = count(app, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {DATA} {{ ?s <{prop}> ?o }} }}")
        assert number(void.value(partition, VOID.triples)) == n, prop
        total += n
    data_graph = URIRef(TEST_BASE + "graph/data")
    assert total == number(void.value(data_graph, VOID.triples))


def test_example_resources_are_real_and_vocabularies_cover_every_term(
    void: Graph, client: FlaskClient
) -> None:
    examples = set(void.objects(DATASET, VOID.exampleResource))
    assert URIRef(TEST_BASE + "id/authority/E08000025") in examples
    vocabularies = {str(v) for v in void.objects(DATASET, VOID.vocabulary)}
    assert TEST_BASE + "def/lacs#" in vocabularies
    for term in void.objects(None, VOID.property):
        assert any(str(term).startswith(v) for v in vocabularies), term


def test_every_dump_is_a_distribution_with_size_and_checksum(void: Graph, app: Flask) -> None:
    release = dumps.ensure(app.extensions["lacs"].snapshot)
    dumped = set(void.objects(DATASET, VOID.dataDump))
    for file in release.files:
        url = URIRef(TEST_BASE + f"dumps/{release.release}/{file.name}")
        distribution = URIRef(f"{url}#distribution")
        assert (DATASET, DCAT.distribution, distribution) in void
        assert void.value(distribution, DCAT.downloadURL) == url
        assert number(void.value(distribution, DCAT.byteSize)) == file.size
        checksum = URIRef(f"{url}#checksum")
        assert void.value(distribution, SPDX.checksum) == checksum
        assert void.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(void.value(checksum, SPDX.checksumValue)) == file.sha256
        assert (url in dumped) == file.is_rdf
        if file.compressed:
            assert void.value(distribution, DCAT.compressFormat) is not None


def test_id_dataset_answers_303_to_the_negotiated_document(client: FlaskClient) -> None:
    response = client.get("/lacs/id/dataset", headers={"Accept": "application/ld+json"})
    assert response.status_code == 303
    assert response.headers["Location"] == TEST_BASE + "doc/dataset.jsonld"
    assert "Accept" in response.headers["Vary"]
    plain = client.get("/lacs/id/dataset")
    assert plain.headers["Location"] == TEST_BASE + "doc/dataset.ttl"


def test_doc_dataset_negotiates_and_names_its_content_location(client: FlaskClient) -> None:
    response = client.get("/lacs/doc/dataset", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert response.mimetype == "application/n-triples"
    assert response.headers["Content-Location"] == TEST_BASE + "doc/dataset.nt"
    graph = Graph().parse(data=response.get_data(), format="nt")
    assert (DATASET, RDF.type, VOID.Dataset) in graph


@pytest.mark.parametrize(
    ("extension", "mimetype", "parser"),
    [
        ("ttl", "text/turtle", "turtle"),
        ("jsonld", "application/ld+json", "json-ld"),
        ("rdf", "application/rdf+xml", "xml"),
    ],
)
def test_doc_dataset_with_an_extension_is_that_format(
    client: FlaskClient, extension: str, mimetype: str, parser: str
) -> None:
    response = client.get(f"/lacs/doc/dataset.{extension}", headers={"Accept": "text/html"})
    assert response.mimetype == mimetype
    graph = Graph().parse(data=response.get_data(), format=parser)
    assert (DATASET, RDF.type, DCAT.Dataset) in graph


def test_doc_dataset_as_html_shows_the_counts(client: FlaskClient, void: Graph) -> None:
    response = client.get("/lacs/doc/dataset.html")
    assert response.mimetype == "text/html"
    assert f">{number(void.value(DATASET, VOID.triples)):,}<" in response.text
    assert "E08000025" in response.text


def test_unknown_extension_is_404(client: FlaskClient) -> None:
    assert client.get("/lacs/doc/dataset.xlsx").status_code == 404
