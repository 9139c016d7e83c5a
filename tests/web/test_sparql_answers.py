"""Whole answers cached per snapshot under the normalised query, with validators for caches."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from lacs_ld.web.sparql_answers import CACHE_KEY

ENDPOINT = "/lacs/sparql"
QUERY = 'SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "Birmingham" }'
SAME = (
    "# the same query, laid out differently\nSELECT ?s\n  WHERE {\n"
    '    ?s <http://www.w3.org/2000/01/rdf-schema#label>   "Birmingham"   # a comment\n}'
)
OTHER = 'SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "Birmingham " }'


def entries(app: Flask) -> int:
    """Answers cached under their normalised query (GETs are also keyed by their raw URL)."""
    cache = app.extensions.get(CACHE_KEY)
    return 0 if cache is None else sum(1 for key in cache._entries if key[1] != "GET")


def test_a_repeated_query_is_answered_from_the_cache_with_one_etag(
    app: Flask, client: FlaskClient
) -> None:
    first = client.get(ENDPOINT, query_string={"query": QUERY})
    assert first.status_code == 200 and "Birmingham" not in first.get_data(as_text=True)
    before = entries(app)
    again = client.get(ENDPOINT, query_string={"query": SAME})
    assert entries(app) == before
    assert again.get_data() == first.get_data() and again.headers["ETag"] == first.headers["ETag"]
    # A space inside a string is part of the query: another answer, another entry.
    client.get(ENDPOINT, query_string={"query": OTHER})
    assert entries(app) == before + 1
    # Each results format is its own entry.
    client.get(ENDPOINT, query_string={"query": QUERY, "format": "csv"})
    assert entries(app) == before + 2


def test_the_very_same_get_is_answered_before_it_is_parsed_again(
    app: Flask, client: FlaskClient
) -> None:
    query = 'ASK { ?s ?p "raw key" }'
    first = client.get(ENDPOINT, query_string={"query": query}, headers={"Accept": "text/csv"})
    raw = [key for key in app.extensions[CACHE_KEY]._entries if key[1] == "GET" and "raw" in key[2]]
    assert len(raw) == 1 and raw[0][3] == "text/csv"
    again = client.get(ENDPOINT, query_string={"query": query}, headers={"Accept": "text/csv"})
    assert again.get_data() == first.get_data() and again.mimetype == "text/csv"
    as_json = client.get(ENDPOINT, query_string={"query": query})
    assert as_json.mimetype == "application/sparql-results+json"


def test_get_answers_carry_validators_a_shared_cache_can_use(client: FlaskClient) -> None:
    response = client.get(ENDPOINT, query_string={"query": QUERY})
    control = response.headers["Cache-Control"]
    assert "public" in control and "max-age=300" in control
    assert "private" not in control and "no-store" not in control
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    assert "Accept" in response.vary
    revalidated = client.get(
        ENDPOINT,
        query_string={"query": QUERY},
        headers={"If-None-Match": response.headers["ETag"]},
    )
    assert revalidated.status_code == 304


def test_post_answers_are_not_stored_by_caches(client: FlaskClient) -> None:
    response = client.post(ENDPOINT, data={"query": QUERY})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "ETag" not in response.headers
