"""The vocabulary documents: ontology, concept schemes and shapes, served directly."""

from __future__ import annotations

import rdflib
from flask.testing import FlaskClient
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from tests.conftest import TEST_BASE


def test_ontology_negotiates_turtle_and_html_with_term_anchors(client: FlaskClient) -> None:
    turtle = client.get("/lacs/def/lacs", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200
    assert turtle.headers["Content-Location"] == TEST_BASE + "def/lacs.ttl"
    assert "Accept" in turtle.headers["Vary"]
    graph = rdflib.Graph().parse(data=turtle.data, format="turtle")
    assert (URIRef(TEST_BASE + "def/lacs#Quote"), None, None) in graph
    html = client.get("/lacs/def/lacs", headers={"Accept": "text/html"}).data.decode()
    assert 'id="Quote"' in html
    assert "times in the data" in html


def test_concept_scheme_lists_its_concepts(client: FlaskClient) -> None:
    response = client.get("/lacs/def/judgement.ttl")
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.data, format="turtle")
    inadequate = URIRef(TEST_BASE + "def/judgement/inadequate")
    assert (inadequate, RDF.type, SKOS.Concept) in graph
    html = client.get("/lacs/def/judgement.html").data.decode()
    assert TEST_BASE + "def/judgement/inadequate" in html


def test_concept_and_shapes_pages_answer(client: FlaskClient) -> None:
    assert client.get("/lacs/def/judgement/inadequate.html").status_code == 200
    shapes = client.get("/lacs/def/shapes.ttl")
    assert shapes.status_code == 200 and shapes.headers["ETag"]
    assert client.get("/lacs/def/shapes.html").status_code == 200
    assert client.get("/lacs/def/nothing-here").status_code == 404
