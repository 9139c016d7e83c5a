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


def test_ontology_page_has_a_section_per_term(client: FlaskClient) -> None:
    html = client.get("/lacs/def/lacs.html").data.decode()
    for term in ("Quote", "GuidanceClause", "governedBy", "linkMethod"):
        assert f'id="{term}"' in html, term
    assert client.get("/lacs/def/lacs#Quote", headers={"Accept": "text/html"}).status_code == 200


def test_each_scheme_lists_its_concepts(client: FlaskClient) -> None:
    for scheme, concept in (
        ("judgement", "inadequate"),
        ("framework", "sif"),
        ("topic", "elective-home-education"),
        ("link-method", "curated"),
        ("link-rule", "section-47-children-act-1989"),
    ):
        response = client.get(f"/lacs/def/{scheme}", headers={"Accept": "text/html"})
        assert response.status_code == 200, scheme
        assert "Accept" in response.headers["Vary"]
        assert response.headers["Content-Location"] == f"{TEST_BASE}def/{scheme}.html"
        assert f'href="{TEST_BASE}def/{scheme}/{concept}"' in response.data.decode(), scheme


def test_shapes_page_lists_the_messages(client: FlaskClient) -> None:
    html = client.get("/lacs/def/shapes.html").data.decode()
    assert "dcterms:source must be an IRI" in html
    graph = rdflib.Graph().parse(data=client.get("/lacs/def/shapes.ttl").data, format="turtle")
    messages = {
        str(m) for m in graph.objects(None, rdflib.URIRef("http://www.w3.org/ns/shacl#message"))
    }
    assert len(messages) > 5
    import html as html_module

    shown = html_module.unescape(html)
    missing = [m for m in messages if m not in shown]
    assert not missing, missing[:3]


def test_vocabulary_answers_negotiate_and_validate(client: FlaskClient) -> None:
    first = client.get("/lacs/def/judgement", headers={"Accept": "text/turtle"})
    assert first.headers["Content-Location"] == f"{TEST_BASE}def/judgement.ttl"
    assert 'rel="alternate"; type="application/ld+json"' in first.headers["Link"]
    again = client.get(
        "/lacs/def/judgement",
        headers={"Accept": "text/turtle", "If-None-Match": first.headers["ETag"]},
    )
    assert again.status_code == 304
    refused = client.get("/lacs/def/judgement", headers={"Accept": "image/png"})
    assert refused.status_code == 406 and "Accept" in refused.headers["Vary"]
    assert client.get("/lacs/def/judgement.png").status_code == 404
    assert client.get("/lacs/def/%2e%2e/lacs").status_code in (400, 404)
