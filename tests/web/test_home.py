"""The home page: counts computed by SPARQL, entry points, release, RDF by negotiation."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal
from rdflib.namespace import VOID

from lacs_ld import queries
from tests.conftest import TEST_BASE


def test_home_page_names_counts_and_entry_points(client: FlaskClient, app: Flask) -> None:
    response = client.get("/lacs/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for path in ("authorities", "inspections", "guidance", "quotes", "search", "sparql", "dumps/"):
        assert f'href="{TEST_BASE}{path}"' in page
    assert app.extensions["lacs"].snapshot.release in page
    quotes = app.extensions["lacs"].store.select(
        f"SELECT (COUNT(?q) AS ?n) WHERE {{ ?q a <{TEST_BASE}def/lacs#Quote> }}"
    )[0]["n"]
    assert f"{int(quotes):,}" in page
    for example in queries.examples():
        assert f"{TEST_BASE}query/{example.slug}" in page


def test_home_as_rdf(client: FlaskClient) -> None:
    response = client.get("/lacs/", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    entities = {
        str(graph.value(p, VOID["class"])): graph.value(p, VOID.entities)
        for p in graph.objects(None, VOID.classPartition)
    }
    found = entities[TEST_BASE + "def/lacs#LocalAuthority"]
    assert isinstance(found, Literal) and int(found.toPython()) > 100
