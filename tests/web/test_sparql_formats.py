"""`format=` as clients send it: repeated, comma-separated, media types or short names, or empty."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

ENDPOINT = "/lacs/sparql"
SELECT = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
CONSTRUCT = "CONSTRUCT WHERE { <id/authority/E08000025> ?p ?o }"


def get(client: FlaskClient, query: str, *formats: str, accept: str | None = None) -> object:
    pairs = [("query", query), *(("format", f) for f in formats)]
    return client.get(ENDPOINT, query_string=pairs, headers={"Accept": accept} if accept else {})


@pytest.mark.parametrize(
    ("query", "formats", "media_type"),
    [
        # SPARQLWrapper's JSON-LD request for a CONSTRUCT.
        (
            CONSTRUCT,
            ("json-ld", "application/ld+json,application/x-json+ld"),
            "application/ld+json",
        ),
        # SPARQLWrapper's TSV request for a SELECT.
        (SELECT, ("tsv", "text/tab-separated-values"), "text/tab-separated-values"),
        (SELECT, ("application/sparql-results+xml",), "application/sparql-results+xml"),
        (SELECT, ("text/csv;charset=utf-8",), "text/csv"),
        (CONSTRUCT, ("application/n-triples",), "application/n-triples"),
        (CONSTRUCT, ("n3",), "text/turtle"),
    ],
)
def test_format_takes_media_types_names_and_lists(
    client: FlaskClient, query: str, formats: tuple[str, ...], media_type: str
) -> None:
    response = get(client, query, *formats)
    assert response.status_code == 200, response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert response.mimetype == media_type  # type: ignore[attr-defined]


def test_the_first_offered_candidate_wins_across_repeats_and_lists(client: FlaskClient) -> None:
    # "turtle" is not offered for SELECT, so the next candidate in order decides.
    response = get(client, SELECT, "turtle,text/csv", "json")
    assert response.mimetype == "text/csv"  # type: ignore[attr-defined]
    response = get(client, SELECT, "yaml", "xml", "csv")
    assert response.mimetype == "application/sparql-results+xml"  # type: ignore[attr-defined]


@pytest.mark.parametrize("formats", [("",), ("", ""), (" , ",)])
def test_an_empty_format_falls_back_to_accept(
    client: FlaskClient, formats: tuple[str, ...]
) -> None:
    response = get(client, SELECT, *formats, accept="text/tab-separated-values")
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.mimetype == "text/tab-separated-values"  # type: ignore[attr-defined]
    response = get(client, CONSTRUCT, *formats)
    assert response.mimetype == "text/turtle"  # type: ignore[attr-defined]


def test_no_offered_candidate_is_a_400_naming_what_is_offered(client: FlaskClient) -> None:
    response = get(client, CONSTRUCT, "csv", "text/tab-separated-values")
    assert response.status_code == 400  # type: ignore[attr-defined]
    text = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert "csv,text/tab-separated-values" in text
    assert "turtle, ntriples, rdfxml, jsonld" in text
